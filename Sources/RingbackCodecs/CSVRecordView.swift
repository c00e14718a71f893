/// A borrowed look at one record while `CSVReader` walks a file.
///
/// It points into the reader's bytes, so reading a million rows makes no strings
/// unless the caller asks for them. It is non-copyable and handed out only as
/// `borrowing`, so it cannot outlive the callback it was given to.
/// A field index past the end (a short, ragged row) reads as an empty field.
public struct CSVRecordView: ~Copyable {
    /// The 1-based physical line on which the record starts.
    public let line: Int
    /// The number of fields in the record.
    public let count: Int

    @usableFromInline let input: UnsafePointer<UInt8>
    @usableFromInline let scratch: UnsafePointer<UInt8>
    @usableFromInline let spans: UnsafePointer<CSVFieldSpan>

    init(
        line: Int,
        count: Int,
        input: UnsafePointer<UInt8>,
        scratch: UnsafePointer<UInt8>,
        spans: UnsafePointer<CSVFieldSpan>
    ) {
        self.line = line
        self.count = count
        self.input = input
        self.scratch = scratch
        self.spans = spans
    }

    /// Calls `body` with the field's bytes, quotes already removed and `""` already
    /// collapsed. The buffer is valid only inside `body`.
    @inlinable
    public func withFieldBytes<Result, Failure: Error>(
        _ index: Int,
        _ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try body(fieldBytes(index))
    }

    /// The field as text: UTF-8, or, when its bytes are not valid UTF-8, Windows-1252 — what phone
    /// systems and Excel write for "José" on a Western-language machine — so no letter is lost.
    public subscript(index: Int) -> String {
        let bytes = fieldBytes(index)
        var ascii = true
        for byte in bytes where byte >= 0x80 {
            ascii = false
            break
        }
        if ascii { return String(decoding: bytes, as: UTF8.self) }
        return String(validating: bytes, as: UTF8.self) ?? LegacyText.windows1252(bytes)
    }

    /// Whether the field is empty or missing.
    @inlinable
    public func isEmpty(_ index: Int) -> Bool {
        index < 0 || index >= count || spans[index].count == 0
    }

    /// The number of bytes in the field, 0 when missing.
    @inlinable
    public func byteCount(_ index: Int) -> Int {
        index < 0 || index >= count ? 0 : spans[index].count
    }

    /// Whether the field's bytes are exactly the UTF-8 of `text`.
    @inlinable
    public func bytesEqual(_ index: Int, _ text: StaticString) -> Bool {
        let field = fieldBytes(index)
        return text.withUTF8Buffer { expected in
            expected.count == field.count && expected.elementsEqual(field)
        }
    }

    /// Whether the field's bytes are exactly `bytes`.
    @inlinable
    public func bytesEqual(_ index: Int, _ bytes: some Collection<UInt8>) -> Bool {
        let field = fieldBytes(index)
        return bytes.count == field.count && bytes.elementsEqual(field)
    }

    /// All fields decoded as strings.
    public var fields: [String] {
        (0..<count).map { self[$0] }
    }

    /// An owned copy of the record that may outlive the callback.
    public func makeRecord() -> CSVRecord {
        CSVRecord(line: line, fields: fields)
    }

    @inlinable
    func fieldBytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        guard index >= 0, index < count else { return UnsafeBufferPointer(start: nil, count: 0) }
        let span = spans[index]
        if span.count == 0 { return UnsafeBufferPointer(start: nil, count: 0) }
        let base = span.isInScratch ? scratch : input
        return UnsafeBufferPointer(start: base + span.start, count: span.count)
    }
}

/// Where one field's bytes are: in the input itself, or, when unescaping changed
/// them, in the reader's scratch buffer.
@usableFromInline
struct CSVFieldSpan: BitwiseCopyable {
    @usableFromInline var start: Int
    @usableFromInline var count: Int
    @usableFromInline var isInScratch: Bool

    @inlinable
    init(start: Int, count: Int, isInScratch: Bool) {
        self.start = start
        self.count = count
        self.isInScratch = isInScratch
    }
}
