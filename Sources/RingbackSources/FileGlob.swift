import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Expands a source's `files:` patterns (`exports/*.csv`, `drop/**` is not supported) into sorted paths.
package enum FileGlob {
    package static func expand(_ pattern: String) -> [String] {
        var result = glob_t()
        defer { globfree(&result) }
        guard glob(pattern, 0, nil, &result) == 0 else { return [] }
        var paths: [String] = []
        for index in 0..<Int(result.gl_pathc) {
            if let cString = result.gl_pathv[index] { paths.append(String(cString: cString)) }
        }
        var isDirectory: ObjCBool = false
        return paths.filter { FileManager.default.fileExists(atPath: $0, isDirectory: &isDirectory) && !isDirectory.boolValue }.sorted()
    }
}
