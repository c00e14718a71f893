// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Ringback",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "ringback", targets: ["ringback"]),
        .executable(name: "ringback-emulator", targets: ["ringback-emulator"]),
        .library(name: "RingbackCore", targets: ["RingbackCore"]),
        // For the fuzz harness in Fuzz/ (a package of its own, built with the fuzzer sanitizer).
        .library(name: "RingbackMapping", targets: ["RingbackMapping", "RingbackNormalisation", "RingbackCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        // RS256 signatures for service-account tokens (and their check in the emulator).
        .package(url: "https://github.com/apple/swift-crypto", from: "4.0.0"),
        // The emulator's HTTP server: event-loop threads of its own, so a test's blocking client never starves it.
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        // Log lines through swift-log: a text and a JSON-lines handler chosen by --log-format.
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
        // Ringback's HTTP client on SwiftNIO: FoundationNetworking (libcurl) spun a core after a dropped connection.
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.21.0"),
        // The .xlsx workbook is a zip archive: written and read through ZIPFoundation.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // Pure value parsing: phone numbers, instants, durations. No I/O.
        .target(name: "RingbackNormalisation"),
        // Pure byte-level codecs: CSV reading/writing, iCalendar writing, lenient text decoding, percent-encoding.
        .target(name: "RingbackCodecs", dependencies: ["RingbackNormalisation"]),
        // Pure core: model, lead building, rules, status, reconciliation planner.
        .target(name: "RingbackCore", dependencies: ["RingbackNormalisation"]),
        // YAML reading with file, line and key in every error (config and mappings).
        .target(name: "RingbackYAML", dependencies: [.product(name: "Yams", package: "Yams")]),
        // Chunked work on every core, for the application layer to hand to the core's heavy stages.
        .target(name: "RingbackParallel", dependencies: ["RingbackCore"]),
        // libxml2, for the XML and HTML exports (parsing and XPath).
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // Declarative mappings from phone-system exports to call records.
        .target(
            name: "RingbackMapping",
            dependencies: [
                "RingbackCore", "RingbackNormalisation", "RingbackCodecs", "RingbackYAML", "RingbackJSON", "RingbackParallel", "CLibXML2",
            ]),
        // SQLite state store (GRDB).
        .target(
            name: "RingbackStore",
            dependencies: [
                "RingbackCore", "RingbackJSON",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        // Offline targets: the Missed Calls CSV and the ICS calendar file.
        .target(name: "RingbackOffline", dependencies: ["RingbackCore", "RingbackCodecs", "RingbackNormalisation", "RingbackYAML"]),
        // The Missed Calls workbook (.xlsx): text cells that Excel and LibreOffice never turn into numbers.
        .target(
            name: "RingbackXLSX",
            dependencies: [
                "RingbackCore", "RingbackCodecs", "RingbackNormalisation", "RingbackOffline", "RingbackYAML", "CLibXML2",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        // A small HTTP client on async-http-client: timeouts, retries with backoff and jitter; secret redaction.
        .target(
            name: "RingbackHTTP",
            dependencies: [
                "RingbackCodecs",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]),
        // JSON documents as values, for Google API bodies and the emulator.
        .target(name: "RingbackJSON"),
        // Google Sheets and Calendar over REST: auth, retries, Google's errors, and the two targets.
        .target(
            name: "RingbackGoogle",
            dependencies: [
                "RingbackCore", "RingbackCodecs", "RingbackJSON", "RingbackHTTP", "RingbackNormalisation", "RingbackYAML",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
            ]),
        // CalDAV calendars (Nextcloud, iCloud, Fastmail, Radicale): discovery, conditional writes, sync-collection.
        .target(
            name: "RingbackCalDAV",
            dependencies: [
                "RingbackCore", "RingbackCodecs", "RingbackHTTP", "RingbackNormalisation", "RingbackOffline", "RingbackYAML", "CLibXML2",
            ]),
        // Seeded randomness shared by the emulator and the property tests.
        .target(name: "RingbackSeededRandom"),
        // A local stand-in for Sheets v4, Calendar v3 and the token endpoint, faithful to recorded traffic.
        .target(
            name: "RingbackEmulator",
            dependencies: [
                "RingbackJSON", "RingbackNormalisation", "RingbackCodecs", "RingbackSeededRandom",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
            ]),
        .executableTarget(
            name: "ringback-emulator",
            dependencies: [
                "RingbackEmulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // The call sources: export files and paged APIs, with their config sections.
        .target(
            name: "RingbackSources",
            dependencies: [
                "RingbackCore", "RingbackMapping", "RingbackHTTP", "RingbackNormalisation", "RingbackYAML", "RingbackCodecs", "RingbackJSON",
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        // The sync pipeline: config loading, the target registry, planning, applying, lock, rejects.
        .target(
            name: "RingbackSync",
            dependencies: [
                "RingbackCore", "RingbackMapping", "RingbackSources", "RingbackStore", "RingbackOffline", "RingbackCodecs", "RingbackYAML",
                "RingbackHTTP",
                "RingbackGoogle", "RingbackJSON", "RingbackParallel", "RingbackNormalisation", "RingbackCalDAV", "RingbackXLSX",
            ]),
        // In-memory twins of every port (sheet, calendar, state store, call source) for fast rule tests.
        .target(name: "RingbackTesting", dependencies: ["RingbackCore", "RingbackNormalisation"]),
        // swift-log handlers (text, JSON lines), their sinks, the one-call bootstrap and terminal progress.
        .target(name: "RingbackLogging", dependencies: [.product(name: "Logging", package: "swift-log")]),
        .executableTarget(
            name: "ringback",
            dependencies: [
                "RingbackSync", "RingbackSources", "RingbackCore", "RingbackMapping", "RingbackNormalisation", "RingbackStore", "RingbackLogging",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        // Test-only: a sync that pauses before its commit so the crash-repair tests can kill it there.
        .executableTarget(name: "ringback-kill-harness", dependencies: ["RingbackSync", "RingbackStore"]),
        .testTarget(name: "RingbackNormalisationTests", dependencies: ["RingbackNormalisation", "RingbackSeededRandom"]),
        .testTarget(name: "RingbackCodecsTests", dependencies: ["RingbackCodecs", "RingbackSeededRandom"]),
        .testTarget(name: "RingbackCoreTests", dependencies: ["RingbackCore", "RingbackTesting"]),
        .testTarget(name: "RingbackEngineTests", dependencies: ["RingbackSync", "RingbackCore", "RingbackTesting", "RingbackNormalisation"]),
        .testTarget(name: "RingbackMappingTests", dependencies: ["RingbackMapping"], exclude: ["Fixtures"]),
        .testTarget(
            name: "RingbackStoreTests", dependencies: ["RingbackStore", "RingbackCore", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Fixtures"]),
        .testTarget(name: "RingbackOfflineTests", dependencies: ["RingbackOffline"]),
        .testTarget(
            name: "RingbackXLSXTests",
            dependencies: ["RingbackXLSX", "RingbackOffline", "RingbackCore", "RingbackYAML"]),
        .testTarget(name: "RingbackHTTPTests", dependencies: ["RingbackHTTP"]),
        .testTarget(name: "RingbackJSONTests", dependencies: ["RingbackJSON"]),
        .testTarget(
            name: "RingbackLoggingTests",
            dependencies: [
                "RingbackLogging", "RingbackJSON", .product(name: "Logging", package: "swift-log"),
            ]),
        .testTarget(
            name: "RingbackGoogleTests", dependencies: ["RingbackGoogle", "RingbackEmulator", "RingbackJSON", "RingbackHTTP", "RingbackCore"]),
        .testTarget(
            name: "RingbackCalDAVTests",
            dependencies: [
                "RingbackCalDAV", "RingbackSync", "RingbackStore", "RingbackCore", "RingbackOffline", "RingbackHTTP", "RingbackTesting",
            ],
            exclude: ["Scripts"]),
        .testTarget(
            name: "RingbackEmulatorTests",
            dependencies: [
                "RingbackEmulator", "RingbackJSON",
                // Signing test JWTs with the key files the emulator hands out.
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
            ]),
        .testTarget(
            name: "RingbackSyncTests",
            dependencies: [
                "RingbackSync", "RingbackSources", "RingbackOffline", "RingbackStore", "RingbackCore", "RingbackCodecs",
                "RingbackEmulator", "RingbackGoogle", "RingbackJSON", "RingbackSeededRandom", "RingbackTesting", "RingbackHTTP", "RingbackXLSX",
            ],
            exclude: ["Fakes"]),
    ]
)
