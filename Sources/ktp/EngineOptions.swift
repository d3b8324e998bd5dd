import ArgumentParser
import Foundation
import KTPVision

/// What the extraction engine is built from: the region table and the recognizer.
struct EngineOptions: ParsableArguments {
    enum Recognizer: String, ExpressibleByArgument, CaseIterable {
        /// PP-OCR's detector and recognizer on OpenVINO.
        case ppocr
        /// Tesseract alone, the engine before PP-OCR: for comparing the two.
        case tesseract
    }

    @OptionGroup var regions: RegionOptions

    @Option(help: "The recognizer that finds and reads the card's lines.")
    var recognizer: Recognizer = .ppocr

    @Option(help: "The folder with the PP-OCR models. Default: $KTP_MODELS, else .deps/models of the checkout.")
    var models: String?

    /// The engine's configuration; the models are compiled here, so a missing or damaged one fails at start-up. The
    /// region table is parsed meanwhile on another thread: the two are most of `ktp extract`'s start-up.
    func configuration() async throws -> ExtractorConfiguration {
        async let table = regions.load()
        guard recognizer == .ppocr else { return ExtractorConfiguration(regions: try await table) }
        var settings = PPOCRConfiguration()
        settings.modelDirectory = models.map { URL(fileURLWithPath: $0) }
        let compiled: PPOCRModels
        do {
            compiled = try PPOCRModels(configuration: settings)
        } catch {
            throw CLIError("\(error)")
        }
        return ExtractorConfiguration(regions: try await table, models: compiled)
    }
}
