import Foundation
import KTPSynth
import KTPVision
import TestSupport

/// Shared inputs for the tests: the real region table and one small data set, made once.
enum TestFixtures {
    private static let loadedRegions = Result { () throws(DataFileError) -> RegionTable in
        try RegionTable.load(path: RegionTablePath.resolved)
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
