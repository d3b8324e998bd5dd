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
            The same --seed and options always give the same bytes. Regions come from --regions, else \
            $KTP_REGIONS, else ../shared/data/wilayah.csv.

            Variant pools. --profile development (the default) draws the faces liberation, dejavu and \
            freesans, the blur kinds gaussian and defocus, and the layouts a and b. --profile heldout \
            draws only what development never uses: the face nimbus, motion blur and layout c; keep it \
            for reporting. --profile all draws everything. --fonts, --blur-kinds and --layouts replace \
            one pool of the profile. Faces: liberation, dejavu, freesans, nimbus (labels and values; the \
            NIK is OCR-A on most cards). Blur kinds: gaussian, motion, defocus (all are condition B). \
            Layouts: a (national), b (compact), c (roomy). truth.jsonl records each photo's font, \
            nik_font, layout, blur_kind, capture, turn and printed_variants.
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

    @Option(name: .long, help: "The variant pools: development, heldout or all.")
    var profile: String = GeneratorProfile.development.rawValue

    @Option(name: .long, help: "Comma-separated faces, replacing the profile's: liberation,dejavu,freesans,nimbus.")
    var fonts: String?

    @Option(name: .customLong("blur-kinds"), help: "Comma-separated blur kinds, replacing the profile's.")
    var blurKinds: String?

    @Option(name: .long, help: "Comma-separated layouts, replacing the profile's: a,b,c.")
    var layouts: String?

    func validate() throws {
        guard count > 0 else { throw ValidationError("--count must be at least 1") }
        guard (0...1).contains(negatives) else { throw ValidationError("--negatives must be between 0 and 1") }
        _ = try parsedConditions()
        _ = try parsedPools()
        _ = try regionPath()
    }

    func run() throws {
        let table = try RegionTable.load(path: try regionPath())
        let setup = DatasetConfiguration(
            count: count, seed: seed, conditions: try parsedConditions(),
            negativeFraction: negatives, pools: try parsedPools())
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

    /// The profile's pools, with any pool given by its own option replaced.
    private func parsedPools() throws -> VariantPools {
        guard let named = GeneratorProfile(rawValue: profile) else {
            let names = GeneratorProfile.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("--profile: unknown profile '\(profile)' (use \(names))")
        }
        let base = named.pools
        return VariantPools(
            faces: try Self.names(fonts, option: "--fonts") ?? base.faces,
            blurKinds: try Self.names(blurKinds, option: "--blur-kinds") ?? base.blurKinds,
            layouts: try Self.names(layouts, option: "--layouts") ?? base.layouts)
    }

    /// A comma-separated list of raw values, or `nil` when the option was not given.
    private static func names<Variant: RawRepresentable & CaseIterable>(
        _ list: String?, option: String
    ) throws -> [Variant]? where Variant.RawValue == String {
        guard let list else { return nil }
        let names = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard !names.isEmpty else { throw ValidationError("\(option) needs at least one name") }
        return try names.map { name in
            guard let variant = Variant(rawValue: name) else {
                let known = Variant.allCases.map(\.rawValue).joined(separator: ", ")
                throw ValidationError("\(option): unknown '\(name)' (use \(known))")
            }
            return variant
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
