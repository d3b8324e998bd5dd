import ArgumentParser
import Foundation
import KTPVision

/// `--regions PATH`, falling back to `KTP_REGIONS`.
struct RegionOptions: ParsableArguments {
    @Option(name: .long, help: "The Kemendagri region table (wilayah.csv). Default: $KTP_REGIONS.")
    var regions: String?

    /// The table, or `nil` with a note on stderr when none is configured.
    func load() throws -> RegionTable? {
        guard let path = regions ?? ProcessInfo.processInfo.environment["KTP_REGIONS"], !path.isEmpty else {
            Diagnostics.note("no region table (--regions or KTP_REGIONS): region names are read without snapping")
            return nil
        }
        do {
            return try RegionTable.load(path: path)
        } catch {
            throw CLIError("\(error)")
        }
    }
}
