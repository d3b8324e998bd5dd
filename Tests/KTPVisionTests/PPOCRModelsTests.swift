import Foundation
import Testing
@testable import KTPVision

@Suite struct PPOCRModelsTests {
    /// A fresh folder holding the real models, or damaged copies of them.
    func modelFolder(detector: Data? = nil, recognizer: Data? = nil) throws -> URL {
        let source = try PPOCRFixtures.models.get().configuration.resolvedModelDirectory()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ppocr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let names = PPOCRConfiguration()
        for (name, replacement) in [(names.detectorFile, detector), (names.recognizerFile, recognizer)] {
            let target = folder.appendingPathComponent(name)
            if let replacement {
                try replacement.write(to: target)
            } else {
                try FileManager.default.createSymbolicLink(
                    at: target, withDestinationURL: source.appendingPathComponent(name))
            }
        }
        return folder
    }

    func loadError(_ folder: URL) -> OCRError? {
        defer { try? FileManager.default.removeItem(at: folder) }
        do throws(OCRError) {
            _ = try PPOCRModels(configuration: PPOCRConfiguration(modelDirectory: folder))
            return nil
        } catch {
            return error
        }
    }

    @Test func theRealModelsLoadWithTheRecognizersOwnCharacterList() throws {
        let models = try PPOCRFixtures.models.get()
        // 18,708 characters from the ONNX metadata, the blank before them and the space after.
        #expect(models.decoder.classCount == 18_710)
        #expect(models.decoder.labels.first == "")
        #expect(models.decoder.labels.last == " ")
        #expect(models.decoder.labels.contains("A") && models.decoder.labels.contains("7"))
        #expect(models.recognizer.outputDimensions.last == 18_710)
    }

    @Test func eachWorkerGetsAStreamOfOneThread() throws {
        let options = OpenVINOOptions(threads: 1, streams: 2)
        let models = try PPOCRModels(configuration: PPOCRConfiguration(options: options))
        for model in [models.detector, models.recognizer] {
            #expect(try model.property("NUM_STREAMS") == "2")
            #expect(try model.property("INFERENCE_NUM_THREADS") == "2")
            #expect(try model.property("ENABLE_CPU_PINNING") == "NO")
        }
    }

    @Test func anEmptyModelFolderIsAModelNotFoundError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ppocr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let error = loadError(folder)
        #expect(error?.code == .modelNotFound)
        #expect(error?.detail.contains("PP-OCRv6_det_small.onnx") == true)
    }

    @Test func aTruncatedRecognizerIsAModelInvalidError() throws {
        let real = try PPOCRFixtures.models.get().configuration.resolvedModelDirectory()
            .appendingPathComponent(PPOCRConfiguration().recognizerFile)
        let half = try Data(contentsOf: real).prefix(1 << 20)
        let error = loadError(try modelFolder(recognizer: half))
        #expect(error?.code == .modelInvalid)
        #expect(error?.detail.contains("PP-OCRv6_rec_small.onnx") == true)
    }

    @Test func aGarbageDetectorIsAModelInvalidError() throws {
        var generator = SystemRandomNumberGenerator()
        let garbage = Data((0..<100_000).map { _ in UInt8.random(in: 0...255, using: &generator) })
        let error = loadError(try modelFolder(detector: garbage))
        #expect(error?.code == .modelInvalid)
        #expect(error?.detail.contains("PP-OCRv6_det_small.onnx") == true)
    }

    @Test func aWellFormedFileWithANonsenseGraphIsAModelInvalidErrorFromOpenVINO() throws {
        // ir_version 8, then a 1,000-byte "graph" of 0xFF: the protobuf walk passes it, OpenVINO cannot.
        let model = Data([0x08, 0x08, 0x3A, 0xE8, 0x07] + [UInt8](repeating: 0xFF, count: 1000))
        #expect(try ONNXMetadata.properties(in: model).isEmpty)
        let error = loadError(try modelFolder(detector: model))
        #expect(error?.code == .modelInvalid)
        #expect(error?.detail.contains("PP-OCRv6_det_small.onnx") == true)
    }

    @Test func kTPModelsNamesTheModelFolder() {
        let url = PPOCRConfiguration.defaultModelDirectory(environment: ["KTP_MODELS": "/somewhere/models"])
        #expect(url?.path == "/somewhere/models")
    }

    @Test func withoutKTPModelsTheFolderIsFoundAboveTheTestBinary() throws {
        let url = try #require(PPOCRConfiguration.defaultModelDirectory(environment: [:]))
        #expect(url.path.hasSuffix(".deps/models"))
        #expect(FileManager.default.fileExists(atPath: url.appendingPathComponent("PP-OCRv6_rec_small.onnx").path))
    }
}
