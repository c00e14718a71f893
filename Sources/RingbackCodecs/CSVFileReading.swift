import Foundation

extension CSVReader {
    /// Reads a whole file straight into memory, sniffing the delimiter unless one is given.
    ///
    /// Reads with `read(2)` into the reader's own array: going through `Data` costs
    /// a second copy, which is noticeable on a 200 MB export.
    public init(contentsOfFile path: String, delimiter: UInt8? = nil) throws {
        let bytes = try FileBytes.contents(of: path)
        self.init(bytes: bytes, delimiter: delimiter ?? Self.sniffDelimiter(bytes.prefix(64 * 1024)))
    }

}
