import RingbackCodecs
import RingbackSeededRandom
import Testing

@Suite struct LenientTextTests {
    @Test func decodesValidUTF8() {
        #expect(LenientText.decode(Array("héllo 中文 😀".utf8)) == "héllo 中文 😀")
    }

    @Test func stripsLeadingByteOrderMarkOnly() {
        #expect(LenientText.decode([0xEF, 0xBB, 0xBF] + Array("a\u{FEFF}b".utf8)) == "a\u{FEFF}b")
        #expect(LenientText.decode([0xEF, 0xBB, 0xBF]) == "")
    }

    @Test func replacesInvalidSequences() {
        #expect(LenientText.decode([0x61, 0xFF, 0x62]) == "a\u{FFFD}b")
        #expect(LenientText.decode([0x61, 0xC3]) == "a\u{FFFD}")
        #expect(LenientText.decode([0xED, 0xA0, 0x80]).allSatisfy { $0 == "\u{FFFD}" })
        #expect(LenientText.decode([0xC0, 0xAF]).allSatisfy { $0 == "\u{FFFD}" })
        #expect(LenientText.decode([0x80, 0x41]) == "\u{FFFD}A")
    }

    @Test func acceptsNonContiguousCollectionsAndRawBuffers() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF, 0x68, 0x69]
        #expect(LenientText.decode(bytes.lazy.map { $0 }) == "hi")
        #expect(bytes.withUnsafeBytes { LenientText.decode($0) } == "hi")
        #expect(LenientText.decode([UInt8]()) == "")
    }

    @Test func neverFailsOnRandomBytes() {
        var generator = SeededRandom(seed: 11)
        for _ in 0..<500 {
            let bytes = (0..<Int.random(in: 0..<64, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let text = LenientText.decode(bytes)
            #expect(String(validating: Array(text.utf8), as: UTF8.self) == text)
        }
    }
}
