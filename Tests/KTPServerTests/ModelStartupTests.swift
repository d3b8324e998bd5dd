import Foundation
import TestSupport
import Testing

/// A missing or damaged model is an error when the program starts, before any photo.
@Suite struct ModelStartupTests {
    /// A folder whose recogniser is cut short and whose detector is missing.
    static func brokenModels() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("broken-models-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data([0x08, 0x07, 0x12]).write(to: folder.appendingPathComponent("PP-OCRv6_rec_small.onnx"))
        return folder
    }

    @Test(.timeLimit(.minutes(1)))
    func serveWithAMissingModelExitsAtOnceNamingIt() async throws {
        let ktp = try #require(ChildProcess.ktp, "build ktp first (make test does)")
        let models = try Self.brokenModels()
        defer { try? FileManager.default.removeItem(at: models) }
        let database = models.appendingPathComponent("ktp.sqlite").path
        let outcome = try await ChildProcess.run(
            ktp, ["serve", "--port", "0", "--database", database, "--app", "a:b", "--models", models.path])
        #expect(outcome.status == 1)
        #expect(outcome.errors.contains("PP-OCRv6_det_small.onnx"), "\(outcome.errors)")
        #expect(!outcome.output.contains("listening"))
    }

    @Test(.timeLimit(.minutes(1)))
    func extractWithADamagedModelIsAClearError() async throws {
        let ktp = try #require(ChildProcess.ktp, "build ktp first (make test does)")
        let models = try Self.brokenModels()
        defer { try? FileManager.default.removeItem(at: models) }
        let detector = models.appendingPathComponent("PP-OCRv6_det_small.onnx")
        try Data(repeating: 0xFF, count: 64).write(to: detector)
        let photo = models.appendingPathComponent("photo.jpg")
        try Data([0xFF, 0xD8, 0xFF]).write(to: photo)
        let outcome = try await ChildProcess.run(ktp, ["extract", photo.path, "--models", models.path])
        #expect(outcome.status == 1)
        #expect(outcome.errors.contains("model"), "\(outcome.errors)")
        #expect(!outcome.errors.contains("photo.jpg"), "the models fail before the photo is looked at")
    }
}
