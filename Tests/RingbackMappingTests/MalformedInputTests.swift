import Foundation
import Testing

@testable import RingbackMapping

@Suite struct MalformedInputTests {
    static let jsonMappings = ["twilio-calls-json", "callrail-calls-json"]

    @Test(
        arguments: ["twilio-calls-json", "callrail-calls-json"],
        ["garbage/image.png", "garbage/truncated.json", "garbage/not-json.json", "garbage/empty.csv"])
    func jsonMappingsRejectFilesThatAreNotJSON(mapping: String, file: String) throws {
        let run = try MappingFixtures.run(mapping, [file])
        #expect(run.legs.isEmpty)
        #expect(run.records == 0)
        #expect(run.rejects.count == 1)
        let reject = try #require(run.rejects.first)
        #expect(reject.file == file)
        #expect(reject.location == "1")
        #expect(reject.reason.hasPrefix("not valid JSON"))
        #expect(reject.description.hasPrefix("\(file):1: not valid JSON"))
    }

    @Test(arguments: ["twilio-calls-json", "callrail-calls-json"])
    func jsonOfTheWrongShapeIsOneRejectNamingTheFile(mapping: String) throws {
        let run = try MappingFixtures.run(mapping, ["garbage/wrong-shape.json"])
        #expect(run.legs.isEmpty)
        #expect(run.rejects.count == 1)
        #expect(run.rejects.first?.file == "garbage/wrong-shape.json")
        #expect(run.rejects.first?.reason.contains("`calls`") == true)
        #expect(run.rejects.first?.reason.contains(mapping) == true)
    }

    @Test(arguments: ["asterisk-cdr-csv", "asterisk-cdr-custom"])
    func binaryGarbageThroughAHeaderlessCSVMappingIsRejectedLineByLine(mapping: String) throws {
        let file = "garbage/image.png"
        let run = try MappingFixtures.run(mapping, [file])
        #expect(run.legs.isEmpty)
        #expect(run.calls.isEmpty)
        #expect(run.records == 8)
        #expect(run.rejects.count == run.records)
        #expect(run.rejects.allSatisfy { $0.file == file && Int($0.location) != nil })
        #expect(run.rejects.allSatisfy { $0.raw.count <= 300 })
    }

    @Test(arguments: ["twilio-calls-csv", "callrail-calls-csv"])
    func binaryGarbageThroughAHeaderCSVMappingIsOneRejectForTheFile(mapping: String) throws {
        let file = "garbage/image.png"
        let run = try MappingFixtures.run(mapping, [file])
        #expect(run.legs.isEmpty)
        #expect(run.rejects.count == 1)
        #expect(run.rejects.first?.file == file)
        #expect(run.rejects.first?.location == "1")
        #expect(run.rejects.first?.reason.contains("is this a \(mapping) export?") == true)
    }

    @Test func jsonFedToACSVMappingIsRejectedNotMisread() throws {
        let run = try MappingFixtures.run("asterisk-cdr-csv", ["callrail/calls.json"])
        #expect(run.legs.isEmpty)
        #expect(run.records == 72)
        #expect(run.rejects.count == run.records)
        #expect(run.rejects.allSatisfy { $0.file == "callrail/calls.json" && $0.reason.hasPrefix("expected at least 16 columns") })
    }

    @Test(arguments: ["asterisk-cdr-csv", "twilio-calls-csv"])
    func emptyCSVFileHasNoRecords(mapping: String) throws {
        let run = try MappingFixtures.run(mapping, ["garbage/empty.csv"])
        #expect(run.records == 0)
        #expect(run.legs.isEmpty)
    }

    @Test func everyMappingSurvivesEveryFixture() throws {
        let files = try FileManager.default.subpathsOfDirectory(atPath: MappingFixtures.fixturesFolder.path)
            .filter { $0.contains(".") }
            .sorted()
        #expect(files.count >= 15)
        for name in try MappingFixtures.mappingNames() {
            for file in files {
                let run = try MappingFixtures.run(name, [file])
                #expect(run.legs.count + run.rejects.count >= run.records, "\(name) on \(file)")
                #expect(run.calls.count <= run.legs.count)
                #expect(run.rejects.allSatisfy { $0.file == file })
            }
        }
    }
}
