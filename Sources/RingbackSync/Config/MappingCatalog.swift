import Foundation
import RingbackCodecs
import RingbackMapping
import RingbackYAML

/// Every mapping file in the mappings folder, loaded and checked.
package enum MappingCatalog {
    /// `node` is the configuration's `mappings_dir:`, so a folder without mappings is reported on its line.
    package static func load(directory: String, node: YAMLValue? = nil) throws -> [MappingSpec] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            throw node?.error("found \(directory), which cannot be read; expected the mappings folder")
                ?? ConfigError.file(directory, "mappings folder not found; set `mappings_dir:` in the configuration")
        }
        var specs: [MappingSpec] = []
        for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            let path = directory + "/" + name
            guard let data = FileManager.default.contents(atPath: path) else { throw ConfigError.file(path, "cannot read") }
            let spec = try MappingSpecLoader.load(yaml: LenientText.decode([UInt8](data)), file: path)
            if specs.contains(where: { $0.name == spec.name }) {
                throw ConfigError.file(path, "mapping name `\(spec.name)` is already used by another file")
            }
            specs.append(spec)
        }
        if specs.isEmpty {
            throw node?.error("found no mapping files (*.yaml) in \(directory); expected the mappings folder")
                ?? ConfigError.file(directory, "no mapping files (*.yaml) in the mappings folder")
        }
        return specs
    }
}
