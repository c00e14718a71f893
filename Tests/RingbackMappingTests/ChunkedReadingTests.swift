import Foundation
import RingbackCore
import Testing

@testable import RingbackMapping

/// A large export is read in chunks on several cores; the result must not depend on where it was cut.
@Suite struct ChunkedReadingTests {
    static let text = """
        sid,parent_call_sid,start_time,from,to,direction,status,duration,caller_name\r
        CA1,,"Fri, 20 Nov 2026 15:00:00 +0000",+15125550301,+15125550100,inbound,completed,30,"Lopez, Maria"\r
        CA0,,"Fri, 20 Nov 2026 14:59:00 +0000",+15125550300,+15125550100,inbound,no-answer,0,Bob "BJ Smith\r
        CA2,CA1,"Fri, 20 Nov 2026 15:00:02 +0000",+15125550100,+15125550177,outbound-dial,no-answer,0,\r
        CA3,,"Fri, 20 Nov 2026 15:05:00 +0000",+15125550302,+15125550100,inbound,no-answer,0,"two
        line name"\r
        CA4,,"Fri, 20 Nov 2026 15:06:00 +0000",+15125550303,+15125550100,sideways,no-answer,0,\r
        CA5,,"Fri, 20 Nov 2026 15:07:00 +0000",+15125550304,+15125550100,outbound-api,busy,0,\r
        CA6,CA5,"Fri, 20 Nov 2026 15:07:01 +0000",+15125550100,+15125550304,outbound-dial,no-answer,0,\r
        CA7,,"not a date",+15125550305,+15125550100,inbound,no-answer,0,\r
        CA8,,"Fri, 20 Nov 2026 15:09:00 +0000",+15125550306,+15125550100,inbound,completed,0,\r
        CA9,CA8,"Fri, 20 Nov 2026 15:09:01 +0000",+15125550100,+15125550177,outbound-dial,completed,45,\r

        """

    func read(chunkBytes: Int) throws -> (MappingEngine.FileResult, [Call]) {
        var engine = try MappingFixtures.engine("twilio-calls-csv")
        engine.bytesPerChunk = chunkBytes
        let result = engine.read(bytes: Array(Self.text.utf8), file: "cut.csv")
        return (result, CallAssembler(engine: engine).calls(from: result.legs))
    }

    @Test(arguments: [1, 7, 64, 150, 400, 8 << 20])
    func anyChunkSizeGivesTheSameCallsRejectsAndLineNumbers(chunkBytes: Int) throws {
        let (whole, wholeCalls) = try read(chunkBytes: 8 << 20)
        let (cut, cutCalls) = try read(chunkBytes: chunkBytes)
        #expect(cut.records == whole.records && whole.records == 10)
        #expect(cut.legs.map(\.location) == whole.legs.map(\.location))
        #expect(cut.rejects.map(\.description) == whole.rejects.map(\.description))
        #expect(whole.rejects.map(\.location) == ["7", "10"])
        #expect(cutCalls.map(\.key) == wholeCalls.map(\.key))
        #expect(cutCalls.map(\.outcome) == [.missed, .missed, .missed, .missed, .answered])
        #expect(cutCalls.contains { $0.callerName == "Bob \"BJ Smith" })
        #expect(cutCalls.first?.callerName == "Lopez, Maria")
    }
}
