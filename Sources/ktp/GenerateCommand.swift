import ArgumentParser
import Foundation
import KTPSynth
import KTPVision

/// `ktp generate`: writes a deterministic synthetic data set of SPESIMEN KTP photos and negatives.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate synthetic SPESIMEN KTP photos with ground truth (truth.jsonl).",
        discussion: """
            The same --seed always gives the same bytes. Regions come from --regions, else \
            $KTP_REGIONS, else ../shared/data/wilayah.csv.
            """
    )

    @Option(name: .long, help: "The output directory (created if missing).")
    var out: String

    @Option(name: .long, help: "How many photos to make.")
    var count: Int = 120

    @Option(name: .long, help: "The seed every photo derives from.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "The Kemendagri region table (kode,nama CSV).")
    var regions: String?

    @Option(name: .long, help: "Comma-separated conditions that KTP photos cycle through.")
    var conditions: String = PhotoCondition.standard.map(\.code).joined(separator: ",")

    @Option(name: .long, help: "The share of photos that are not KTPs, 0 to 1.")
    var negatives: Double = 0.15

    func validate() throws {
        guard count > 0 else { throw ValidationError("--count must be at least 1") }
        guard (0...1).contains(negatives) else { throw ValidationError("--negatives must be between 0 and 1") }
        _ = try parsedConditions()
        _ = try regionPath()
    }

    func run() throws {
        let table = try RegionTable.load(path: try regionPath())
        let setup = DatasetConfiguration(
            count: count, seed: seed, conditions: try parsedConditions(),
            negativeFraction: negatives)
        let writer = DatasetWriter(
            directory: URL(fileURLWithPath: out),
            factory: PhotoFactory(regions: table, configuration: setup))
        try writer.write { done, total in
            FileHandle.standardError.write(Data("\r generated \(done)/\(total)".utf8))
            if done == total { FileHandle.standardError.write(Data("\n".utf8)) }
        }
    }

    private func parsedConditions() throws -> [PhotoCondition] {
        let codes = conditions.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard !codes.isEmpty else { throw ValidationError("--conditions needs at least one condition") }
        return try codes.map { code in
            do {
                return try PhotoCondition(code: code)
            } catch {
                throw ValidationError("--conditions: \(error)")
            }
        }
    }

    /// `--regions`, then `$KTP_REGIONS`, then the shared checkout's table, which must exist.
    private func regionPath() throws -> String {
        let environment = ProcessInfo.processInfo.environment["KTP_REGIONS"]
        for (path, source) in [(regions, "--regions"), (environment, "KTP_REGIONS")] {
            guard let path, !path.isEmpty else { continue }
            guard FileManager.default.fileExists(atPath: path) else {
                throw ValidationError("\(source): no region table at \(path)")
            }
            return path
        }
        let fallback = "../shared/data/wilayah.csv"
        guard FileManager.default.fileExists(atPath: fallback) else {
            throw ValidationError(
                "no region table: pass --regions PATH or set KTP_REGIONS (the generator needs real region codes)"
            )
        }
        return fallback
    }
}
