import Foundation

/// Where the tests find the Kemendagri region table: `$KTP_REGIONS` if set, else
/// `../shared/data/wilayah.csv` beside the package, where CI and developers keep it.
public enum RegionTablePath {
    public static var resolved: String {
        if let path = ProcessInfo.processInfo.environment["KTP_REGIONS"], !path.isEmpty { return path }
        // This file is Tests/TestSupport/RegionTablePath.swift: three levels below the package root.
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return packageRoot.appendingPathComponent("../shared/data/wilayah.csv").standardized.path
    }
}
