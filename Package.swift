// swift-tools-version:6.1
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

/// The wheel's libraries have no system-wide home: every binary that links KTPVision finds them, and OpenVINO
/// its CPU plugin and ONNX frontend beside them, through this run path (`make ocr-runtime` puts them there).
let openVINORuntimePath = LinkerSetting.unsafeFlags([
    "-Xlinker", "-rpath", "-Xlinker", "\(Context.packageDirectory)/.deps/python/openvino/libs",
])

let package = Package(
    name: "ktp",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "KTP", targets: ["KTP"]),
        .library(name: "KTPContract", targets: ["KTPContract"]),
        .library(name: "KTPVision", targets: ["KTPVision"]),
        .library(name: "KTPDashboard", targets: ["KTPDashboard"]),
        .executable(name: "ktp", targets: ["ktp"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // One named trait keeps the compiler flags stable between build and test (build-notes).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: ["FullFoundation"]),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // The contract's types: fields, quality flags, error codes and result bodies.
        .target(name: "KTPContract", swiftSettings: strict),

        // Rate limiting as values with the time passed in: the SDK's poller and the service's per-application
        // limits spend the same token bucket.
        .target(name: "KTPRate", swiftSettings: strict),

        // The SDK core: the client of any contract server, the ledger, the tracker and reprocessing.
        .target(
            name: "KTP",
            dependencies: [
                "KTPContract", "KTPRate",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),

        // Thin C shims over Debian's libraries.
        .systemLibrary(
            name: "CTesseract", pkgConfig: "tesseract lept",
            providers: [.apt(["libtesseract-dev", "libleptonica-dev"])]),
        .systemLibrary(name: "CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev"])]),
        .systemLibrary(name: "CNcurses", providers: [.apt(["libncurses-dev"])]),
        .systemLibrary(name: "CMalloc"),
        // OpenVINO's C API from the openvino PyPI wheel: `make ocr-runtime` unpacks it and writes openvino_c.pc.
        .systemLibrary(name: "COpenVINO", pkgConfig: "openvino_c"),

        // The extraction engine: decode, quality, locate, detect, read, parse.
        .target(
            name: "KTPVision", dependencies: ["KTPContract", "CTesseract", "COpenVINO"], swiftSettings: strict,
            linkerSettings: [openVINORuntimePath]),

        // Deterministic synthetic SPESIMEN cards and photos, with ground truth.
        .target(
            name: "KTPSynth", dependencies: ["KTPContract", "KTPVision", "CCairo", "CTesseract"],
            swiftSettings: strict),

        // The extraction service: the contract's validation, applications, jobs and callbacks.
        .target(
            name: "KTPServer",
            dependencies: [
                "KTPContract", "KTPRate", "KTPVision",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),

        // The service's store in PostgreSQL, for many `ktp serve` processes sharing one database.
        .target(
            name: "KTPPostgres",
            dependencies: [
                "KTPContract", "KTPServer",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: strict
        ),

        // The dashboard's terminal: ncursesw on its own thread, painting the dashboard's cell grid.
        .target(
            name: "KTPTerminal", dependencies: ["CMalloc", "CNcurses", "KTP", "KTPDashboard"], swiftSettings: strict),

        // The accept path's load generator: an open-loop schedule, latency percentiles, the run itself.
        .target(
            name: "KTPLoad",
            dependencies: [.product(name: "AsyncHTTPClient", package: "async-http-client")],
            swiftSettings: strict),

        // The store alone under a no-op job body: enqueue and claim-complete rates, beside pgbench.
        .target(name: "KTPQueueBench", dependencies: ["KTPContract", "KTPServer"], swiftSettings: strict),

        // Scores the engine against ground truth: accuracy, flag precision and recall, timings.
        .target(name: "KTPBench", dependencies: ["KTPContract", "KTPVision"], swiftSettings: strict),

        // The dashboard's pure core: state and reducer, views into a cell grid, themes. No terminal, no I/O.
        .target(
            name: "KTPDashboard",
            dependencies: ["KTP", .product(name: "TOMLKit", package: "TOMLKit")],
            swiftSettings: strict
        ),

        .executableTarget(
            name: "ktp",
            dependencies: [
                "KTP", "KTPContract", "KTPVision", "KTPSynth", "KTPBench", "KTPServer", "KTPPostgres", "KTPDashboard",
                "KTPTerminal", "KTPLoad", "KTPRate", "KTPQueueBench",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),

        // What several test targets share: running `ktp` and other programs without blocking the test's threads,
        // and where the region table is.
        .target(
            name: "TestSupport", dependencies: [.product(name: "Logging", package: "swift-log")],
            path: "Tests/TestSupport", swiftSettings: strict),
        .testTarget(name: "KTPContractTests", dependencies: ["KTPContract"], swiftSettings: strict),
        .testTarget(name: "KTPRateTests", dependencies: ["KTPRate"], swiftSettings: strict),
        .testTarget(
            name: "KTPTests",
            dependencies: [
                "KTP", "KTPRate", "KTPServer", "KTPVision", "TestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "KTPServerTests",
            dependencies: [
                "KTPServer", "KTPPostgres", "KTPRate", "TestSupport", "KTPLoad",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "KTPDashboardTests", dependencies: ["KTPDashboard"],
            exclude: ["Snapshots"], swiftSettings: strict),
        .testTarget(
            name: "KTPTerminalTests", dependencies: ["KTPTerminal", "KTP", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "KTPLoadTests", dependencies: ["KTPLoad"], swiftSettings: strict),
        .testTarget(name: "KTPBenchTests", dependencies: ["KTPBench"], swiftSettings: strict),
        .testTarget(name: "KTPQueueBenchTests", dependencies: ["KTPQueueBench"], swiftSettings: strict),
        .testTarget(name: "KTPSynthTests", dependencies: ["KTPSynth", "TestSupport"], swiftSettings: strict),
        .testTarget(
            name: "KTPVisionTests", dependencies: ["KTPVision", "TestSupport"],
            resources: [.copy("Fixtures")], swiftSettings: strict),
    ]
)
