// swift-tools-version:6.1
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
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
    ],
    targets: [
        // The contract's types: fields, quality flags, error codes and result bodies.
        .target(name: "KTP", swiftSettings: strict),

        // Thin C shims over Debian's libraries.
        .systemLibrary(name: "CTesseract", pkgConfig: "tesseract lept",
                       providers: [.apt(["libtesseract-dev", "libleptonica-dev"])]),
        .systemLibrary(name: "CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev"])]),

        // The extraction engine: decode, quality, locate, detect, read, parse.
        .target(name: "KTPVision", dependencies: ["KTP", "CTesseract"], swiftSettings: strict),

        // Deterministic synthetic SPESIMEN cards and photos, with ground truth.
        .target(name: "KTPSynth", dependencies: ["KTP", "KTPVision", "CCairo", "CTesseract"],
                swiftSettings: strict),

        // The extraction service: the contract's validation, applications, jobs and callbacks.
        .target(name: "KTPServer", dependencies: ["KTP", "KTPVision"], swiftSettings: strict),

        // Scores the engine against ground truth: accuracy, flag precision and recall, timings.
        .target(name: "KTPBench", dependencies: ["KTP", "KTPVision"], swiftSettings: strict),

        .executableTarget(
            name: "ktp",
            dependencies: [
                "KTP", "KTPVision", "KTPSynth", "KTPBench",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),

        .testTarget(name: "KTPTests", dependencies: ["KTP"], swiftSettings: strict),
        .testTarget(name: "KTPServerTests", dependencies: ["KTPServer"], swiftSettings: strict),
        .testTarget(name: "KTPBenchTests", dependencies: ["KTPBench"], swiftSettings: strict),
        .testTarget(name: "KTPSynthTests", dependencies: ["KTPSynth"], swiftSettings: strict),
        .testTarget(name: "KTPVisionTests", dependencies: ["KTPVision"],
                    resources: [.copy("Fixtures")], swiftSettings: strict),
    ]
)
