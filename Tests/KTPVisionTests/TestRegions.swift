import Foundation
import TestSupport
@testable import KTPVision

/// The real Kemendagri table, loaded once for every test that needs it: `KTP_REGIONS` if set,
/// else `../shared/data/wilayah.csv` next to the package.
enum TestRegions {
    static let loaded: Result<RegionTable, DataFileError> = Result { () throws(DataFileError) in
        try RegionTable.load(path: path)
    }

    static var path: String { RegionTablePath.resolved }

    static func table() throws -> RegionTable {
        try loaded.get()
    }
}
