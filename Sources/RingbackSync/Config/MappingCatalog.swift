import Foundation
import RingbackCodecs
import RingbackMapping

/// Every mapping file in the mappings folder, loaded and checked.
public enum MappingCatalog {
    public static func load(directory: String) throws -> [MappingSpec] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            throw ConfigError.file(directory, "mappings folder not found; set `mappings_dir:` in the configuration")
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
        if specs.isEmpty { throw ConfigError.file(directory, "no mapping files (*.yaml) in the mappings folder") }
        return specs
    }
}
