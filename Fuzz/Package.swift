// swift-tools-version: 6.1
import PackageDescription

// The libFuzzer harness over Ringback's mapping engine, a package of its own so the main package's
// `swift build` and `swift test` never see `LLVMFuzzerTestOneInput`. Built by `make fuzz` with
// `swift build -Xswiftc -sanitize=fuzzer,address`; libFuzzer supplies `main`.
let package = Package(
    name: "RingbackFuzz",
    dependencies: [.package(name: "Ringback", path: "..")],
    targets: [
        .target(name: "FuzzDriver"),
        .executableTarget(
            name: "ringback-fuzz",
            dependencies: ["FuzzDriver", .product(name: "RingbackMapping", package: "Ringback")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ]
)
