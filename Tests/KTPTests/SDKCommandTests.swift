import Foundation
import TestSupport
import Testing
@testable import KTP

/// `ktp submit`, `ledger`, `result` and `reprocess` as a user runs them: real processes, a real service.
@Suite struct SDKCommandTests {
    static func ktp(_ arguments: [String], environment: [String: String] = [:]) async throws -> ChildProcess.Outcome {
        let ktp = try #require(ChildProcess.ktp, "build ktp first (make test does)")
        return try await ChildProcess.run(ktp, arguments, environment: environment)
    }

    static func json(_ text: String) -> [[String: Any]] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]]) ?? []
    }

    @Test(.timeLimit(.minutes(2)))
    func submitWithCallbacksThenListResultAndReprocessTheFailures() async throws {
        let service = try await LiveService.start()
        let ledger = service.directory.appendingPathComponent("cli-ledger.sqlite").path
        let connection = [
            "--api", service.baseURL.absoluteString, "--app-id", "box-app", "--api-key", "box-key", "--ledger", ledger,
        ]
        let submitted = try await Self.ktp(
            ["submit", "sandbox:KTP_F", "sandbox:NO_KTP_DETECTED", "sandbox:NOPE", "--callback", "--json"] + connection)
        #expect(submitted.status == 0)
        #expect(!submitted.errors.contains("purge"), "\(submitted.errors)")
        let entries = Self.json(submitted.output)
        #expect(entries.map { $0["state"] as? String } == ["complete", "failed", "failed"])
        #expect(entries.map { $0["error_code"] as? String } == [nil, "KTP_NOT_DETECTED", "INVALID_SANDBOX_CODE"])
        let name = (entries.first?["result"] as? [String: Any]).flatMap { ($0["data"] as? [String: Any])?["full_name"] }
        #expect((name as? String)?.contains("*") == true, "names are masked in --json unless revealed")

        let events = try await Ledger(path: ledger).events(submissionID: 1)
        #expect(events.contains { $0.kind == .callbackReceived }, "the result came by callback")

        let failed = try await Self.ktp(["ledger", "--status", "failed", "--json", "--ledger", ledger])
        #expect(Self.json(failed.output).count == 2)
        let detected = try await Self.ktp(["ledger", "--error", "KTP_NOT_DETECTED", "--ledger", ledger])
        #expect(detected.output.contains("KTP_NOT_DETECTED"))
        #expect(try await Self.ktp(["ledger", "--error", "NOT_A_CODE", "--ledger", ledger]).status == 2)

        let reference = try #require(entries.first?["reference_id"] as? String)
        let result = try await Self.ktp(["result", reference] + connection)
        #expect(result.status == 0)
        #expect(result.output.contains("flashlight yes"))

        let reprocessed = try await Self.ktp(["reprocess", "--failed", "--error", "KTP_NOT_DETECTED"] + connection)
        #expect(reprocessed.status == 0)
        #expect(reprocessed.output.contains("-r1"))
        #expect(try await Self.ktp(["reprocess", "--failed", reference] + connection).status == 2, "one or the other")
        await service.stop()
    }

    @Test(.timeLimit(.minutes(2)))
    func aPlainSubmitKeepsAFailedPhotoSoReprocessingWorksAndNothingWarnsOnExit() async throws {
        let service = try await LiveService.start()
        let ledger = service.directory.appendingPathComponent("cli-ledger.sqlite").path
        let connection = [
            "--api", service.baseURL.absoluteString, "--app-id", "live-app", "--api-key", "live-key",
            "--ledger", ledger,
        ]
        // Not an image: the service refuses it at submit, so it fails at once.
        let junk = service.directory.appendingPathComponent("not-a-photo.jpg").path
        try Data("not a photo".utf8).write(to: URL(fileURLWithPath: junk))
        let submitted = try await Self.ktp(["submit", junk, "--json"] + connection)
        #expect(submitted.status == 0)
        #expect(Self.json(submitted.output).first?["error_code"] as? String == "INVALID_PAYLOAD_IMAGE_FORMAT")
        let photos = PhotoFolder.path(forLedgerAt: ledger)
        let kept = try FileManager.default.contentsOfDirectory(atPath: photos)
        #expect(kept.count == 1)
        let folderMode = try FileManager.default.attributesOfItem(atPath: photos)[.posixPermissions] as? Int
        let file = photos + "/" + (kept.first ?? "")
        let fileMode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
        #expect(folderMode == 0o700 && fileMode == 0o600)

        let reprocessed = try await Self.ktp(["reprocess", "--failed"] + connection)
        #expect(reprocessed.status == 0, "\(reprocessed.errors)")
        #expect(reprocessed.output.contains("-r1"))
        for outcome in [submitted, reprocessed] {
            #expect(!outcome.errors.contains("warning"), "\(outcome.errors)")
            #expect(!outcome.errors.contains("purge"), "\(outcome.errors)")
        }

        let other = service.directory.appendingPathComponent("also-not-a-photo.jpg").path
        try Data("also not a photo".utf8).write(to: URL(fileURLWithPath: other))
        let unkept = try await Self.ktp(["submit", other, "--keep-photos", "0", "--json"] + connection)
        let reference = try #require(Self.json(unkept.output).first?["reference_id"] as? String)
        let refused = try await Self.ktp(["reprocess", reference] + connection)
        #expect(refused.status == 1)
        #expect(refused.errors.contains("no longer kept"))
        await service.stop()
    }

    @Test(.timeLimit(.minutes(3)))
    func withNoAPITheCommandsRunTheEmbeddedService() async throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("ktp-embedded-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }
        let environment = ["XDG_DATA_HOME": data.path, "KTP_API_URL": "", "KTP_APP_ID": "", "KTP_API_KEY": ""]
        let submitted = try await Self.ktp(
            ["submit", Fixtures.path("0001-ktp-clean.jpg"), Fixtures.path("0010-negative-student_id.jpg"), "--json"],
            environment: environment)
        #expect(submitted.status == 0)
        #expect(Self.json(submitted.output).map { $0["state"] as? String } == ["complete", "failed"])
        let credentials = data.appendingPathComponent("ktp/embedded-credentials").path
        let attributes = try FileManager.default.attributesOfItem(atPath: credentials)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let listed = try await Self.ktp(["ledger", "--json"], environment: environment)
        #expect(Self.json(listed.output).count == 2)
    }
}
