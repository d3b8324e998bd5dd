// swift-tools-version:6.1
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "ktp",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "KTP", targets: ["KTP"]),
        .library(name: "KTPVision", targets: ["KTPVision"]),
        .executable(name: "ktp", targets: ["ktp"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // One named trait keeps the compiler flags stable between build and test (build-notes).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: ["FullFoundation"]),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // The contract's types: fields, quality flags, error codes and result bodies.
        .target(name: "KTP", swiftSettings: strict),

        // Thin C shims over Debian's libraries.
        .systemLibrary(
            name: "CTesseract", pkgConfig: "tesseract lept",
            providers: [.apt(["libtesseract-dev", "libleptonica-dev"])]),
        .systemLibrary(name: "CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev"])]),

        // The extraction engine: decode, quality, locate, detect, read, parse.
        .target(name: "KTPVision", dependencies: ["KTP", "CTesseract"], swiftSettings: strict),

        // Deterministic synthetic SPESIMEN cards and photos, with ground truth.
        .target(
            name: "KTPSynth", dependencies: ["KTP", "KTPVision", "CCairo", "CTesseract"],
            swiftSettings: strict),

        // The extraction service: the contract's validation, applications, jobs and callbacks.
        .target(
            name: "KTPServer",
            dependencies: [
                "KTP", "KTPVision",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),

        // The accept path's load generator: an open-loop schedule, latency percentiles, the run itself.
        .target(
            name: "KTPLoad",
            dependencies: [.product(name: "AsyncHTTPClient", package: "async-http-client")],
            swiftSettings: strict),

        // Scores the engine against ground truth: accuracy, flag precision and recall, timings.
        .target(name: "KTPBench", dependencies: ["KTP", "KTPVision"], swiftSettings: strict),

        .executableTarget(
            name: "ktp",
            dependencies: [
                "KTP", "KTPVision", "KTPSynth", "KTPBench", "KTPServer", "KTPLoad",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),

        .testTarget(name: "KTPTests", dependencies: ["KTP"], swiftSettings: strict),
        .testTarget(
            name: "KTPServerTests",
            dependencies: [
                "KTPServer", "KTPLoad",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "KTPLoadTests", dependencies: ["KTPLoad"], swiftSettings: strict),
        .testTarget(name: "KTPBenchTests", dependencies: ["KTPBench"], swiftSettings: strict),
        .testTarget(name: "KTPSynthTests", dependencies: ["KTPSynth"], swiftSettings: strict),
        .testTarget(
            name: "KTPVisionTests", dependencies: ["KTPVision"],
            resources: [.copy("Fixtures")], swiftSettings: strict),
    ]
)
