import Foundation
import KTPSynth
import KTPVision

/// Shared inputs for the tests: the real region table and one small data set, made once.
enum TestFixtures {
    /// `$KTP_REGIONS`, else `../shared/data/wilayah.csv` next to the package root.
    static func regionPath() -> String {
        if let path = ProcessInfo.processInfo.environment["KTP_REGIONS"], !path.isEmpty { return path }
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data/wilayah.csv").path
    }

    private static let loadedRegions = Result { () throws(DataFileError) -> RegionTable in
        try RegionTable.load(path: regionPath())
    }

    static func regions() throws -> RegionTable { try loadedRegions.get() }

    /// Every standard condition once, then one of each negative kind.
    static let sampleConfiguration = DatasetConfiguration(count: 17, seed: 2026, negativeFraction: 7.0 / 17.0)

    private static let madeSample = Result { () throws -> [GeneratedPhoto] in
        let factory = PhotoFactory(regions: try regions(), configuration: sampleConfiguration)
        return try (0..<sampleConfiguration.count).map { index throws(SynthError) in try factory.photo(at: index) }
    }

    static func sample() throws -> [GeneratedPhoto] { try madeSample.get() }
}
