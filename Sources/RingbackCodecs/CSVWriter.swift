/// Writes rows as RFC 4180 CSV that Excel and LibreOffice open cleanly and that
/// `CSVReader` reads back to exactly the same strings.
///
/// Fields are quoted only when they must be: when they hold the delimiter, a quote,
/// CR or LF, start or end with a space, start with U+FEFF, or are the only, empty,
/// field of a row (an empty line would read back as no row at all). Lines end in
/// CRLF. A UTF-8 byte order mark is written first by default, because without it
/// Excel reads the file in the legacy code page. A row with no fields is written
/// as an empty line, which reads back as nothing.
///
/// With `lineSafe`, each field goes through `LineSafeText.clean` first: files the office or a script
/// reads (the sheet, the rejects) then hold no U+2028, U+2029, U+0085, lone CR or control character;
/// a real line break (LF, CRLF made LF) stays, quoted, as a line break inside the cell.
public struct CSVWriter: Sendable {
    public var delimiter: UInt8
    public var includesByteOrderMark: Bool
    public var lineSafe: Bool

    public init(delimiter: UInt8 = UInt8(ascii: ","), includesByteOrderMark: Bool = true, lineSafe: Bool = false) {
        self.delimiter = delimiter
        self.includesByteOrderMark = includesByteOrderMark
        self.lineSafe = lineSafe
    }

    /// The whole file as bytes.
    public func bytes(_ rows: [[String]]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(rows.count * 64 + 3)
        if includesByteOrderMark { output.append(contentsOf: LenientText.byteOrderMark) }
        for row in rows { appendRow(row, to: &output) }
        return output
    }

    /// The whole file as a string; the byte order mark, when included, is its first character.
    public func string(_ rows: [[String]]) -> String {
        String(decoding: bytes(rows), as: UTF8.self)
    }

    /// Appends one row and its CRLF, without any byte order mark.
    public func appendRow(_ fields: [String], to output: inout [UInt8]) {
        if fields.count == 1 && fields[0].isEmpty {
            output.append(contentsOf: [Self.quote, Self.quote, Self.carriageReturn, Self.lineFeed])
            return
        }
        for (index, field) in fields.enumerated() {
            if index > 0 { output.append(delimiter) }
            var contiguous = lineSafe ? LineSafeText.clean(field) : field
            contiguous.withUTF8 { appendField($0, to: &output) }
        }
        output.append(Self.carriageReturn)
        output.append(Self.lineFeed)
    }

    /// Whether `field` has to be enclosed in quotes.
    public func needsQuoting(_ field: String) -> Bool {
        var contiguous = field
        return contiguous.withUTF8 { needsQuoting($0) }
    }

    private func needsQuoting(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return false }
        if first == Self.space || last == Self.space { return true }
        if bytes.starts(with: LenientText.byteOrderMark) { return true }
        for byte in bytes
        where byte == delimiter || byte == Self.quote
            || byte == Self.carriageReturn || byte == Self.lineFeed
        {
            return true
        }
        return false
    }

    private func appendField(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        guard needsQuoting(bytes) else {
            output.append(contentsOf: bytes)
            return
        }
        output.append(Self.quote)
        for byte in bytes {
            if byte == Self.quote { output.append(Self.quote) }
            output.append(byte)
        }
        output.append(Self.quote)
    }

    private static let quote = UInt8(ascii: "\"")
    private static let space = UInt8(ascii: " ")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let lineFeed = UInt8(ascii: "\n")
}
