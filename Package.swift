// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Ringback",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "ringback", targets: ["ringback"]),
        .library(name: "RingbackCore", targets: ["RingbackCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        // Pure value parsing: phone numbers, instants, durations. No I/O.
        .target(name: "RingbackNormalisation"),
        // Pure byte-level codecs: CSV reading/writing, iCalendar writing, lenient text decoding.
        .target(name: "RingbackCodecs"),
        // Pure core: model, lead building, rules, status, reconciliation planner.
        .target(name: "RingbackCore", dependencies: ["RingbackNormalisation"]),
        // YAML reading with file, line and key in every error (config and mappings).
        .target(name: "RingbackYAML", dependencies: [.product(name: "Yams", package: "Yams")]),
        // Declarative mappings from phone-system exports to call records.
        .target(name: "RingbackMapping", dependencies: [
            "RingbackCore", "RingbackNormalisation", "RingbackCodecs", "RingbackYAML",
        ]),
        // SQLite state store (GRDB).
        .target(name: "RingbackStore", dependencies: [
            "RingbackCore",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // Offline targets: the Missed Calls CSV and the ICS calendar file.
        .target(name: "RingbackOffline", dependencies: ["RingbackCore", "RingbackCodecs", "RingbackNormalisation"]),
        // A small HTTP client on the toolchain's URLSession: timeouts, retries with backoff and jitter.
        .target(name: "RingbackHTTP"),
        // The sync pipeline: config loading, sources, planning, applying, lock, rejects, logs.
        .target(name: "RingbackSync", dependencies: [
            "RingbackCore", "RingbackMapping", "RingbackStore", "RingbackOffline", "RingbackCodecs", "RingbackYAML", "RingbackHTTP",
        ]),
        .executableTarget(name: "ringback", dependencies: [
            "RingbackSync",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "RingbackNormalisationTests", dependencies: ["RingbackNormalisation"]),
        .testTarget(name: "RingbackCodecsTests", dependencies: ["RingbackCodecs"]),
        .testTarget(name: "RingbackCoreTests", dependencies: ["RingbackCore"]),
        .testTarget(name: "RingbackMappingTests", dependencies: ["RingbackMapping"], exclude: ["Fixtures"]),
        .testTarget(name: "RingbackStoreTests", dependencies: ["RingbackStore", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "RingbackOfflineTests", dependencies: ["RingbackOffline"]),
        .testTarget(name: "RingbackHTTPTests", dependencies: ["RingbackHTTP"]),
        .testTarget(name: "RingbackSyncTests", dependencies: ["RingbackSync", "RingbackOffline", "RingbackStore", "RingbackCore", "RingbackCodecs"],
                    exclude: ["Fakes"]),
    ]
)
