import Foundation
import ZIPFoundation

/// The parts of a workbook file by their path in the zip archive (`xl/workbook.xml`), read or to be written.
struct XLSXPackage {
    /// Refuses a part that would unpack past this (a zip bomb, or not a sheet Ringback wrote).
    static let largestPart: UInt64 = 256 << 20

    var parts: [String: [UInt8]]

    init(parts: [String: [UInt8]]) {
        self.parts = parts
    }

    /// Unpacks the archive; the message says what was wrong when the bytes are not a zip file.
    init(unzipping bytes: [UInt8]) throws(XLSXPartProblem) {
        let archive: Archive
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw XLSXPartProblem("not a workbook: the file is not a zip archive (a .xlsx file is one)")
        }
        var parts: [String: [UInt8]] = [:]
        for entry in archive where entry.type == .file {
            guard entry.uncompressedSize <= Self.largestPart else {
                throw XLSXPartProblem("the part \(entry.path) unpacks to \(entry.uncompressedSize) bytes, more than a sheet holds")
            }
            var content: [UInt8] = []
            content.reserveCapacity(Int(entry.uncompressedSize))
            do {
                _ = try archive.extract(entry) { chunk in content.append(contentsOf: chunk) }
            } catch {
                throw XLSXPartProblem("the part \(entry.path) cannot be unpacked (\(error)): the file is damaged")
            }
            parts[entry.path] = content
        }
        self.parts = parts
    }

    /// The zip archive's bytes, every part compressed.
    func zipped() throws(XLSXPartProblem) -> [UInt8] {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for path in parts.keys.sorted(by: Self.writingOrder) {
                let content = Data(parts[path]!)
                try archive.addEntry(
                    with: path, type: .file, uncompressedSize: Int64(content.count), modificationDate: Self.fixedDate,
                    compressionMethod: .deflate
                ) { position, size in content.subdata(in: Int(position)..<Int(position) + size) }
            }
            guard let data = archive.data else { throw XLSXPartProblem("the archive was not made") }
            return [UInt8](data)
        } catch let problem as XLSXPartProblem {
            throw problem
        } catch {
            throw XLSXPartProblem("cannot make the zip archive: \(error)")
        }
    }

    /// `[Content_Types].xml` first, as programs that sniff the format expect.
    private static func writingOrder(_ a: String, _ b: String) -> Bool {
        let first = "[Content_Types].xml"
        if a == first || b == first { return a == first && b != first }
        return a < b
    }

    /// The same bytes for the same sheet: no time in the archive changes from run to run.
    private static let fixedDate = Date(timeIntervalSince1970: 1_577_836_800)
}
