import Foundation
import Testing
@testable import KTP

/// Reprocessing against the real service: new ids from the root, the lineage both ways, photos kept by default.
@Suite struct ReprocessingTests {
    @Test func aReprocessingCountsFromTheRootAndRecordsTheLineageBothWays() async throws {
        let service = try await LiveService.start()
        let client = service.client("box-app")
        let ledger = try service.ledger()
        let submitter = Submitter(client: client, ledger: ledger)
        let original = try await submitter.submit(
            .sandboxCode("KTP_B"), options: SubmitOptions(referenceID: "claim-42"))
        let first = try await submitter.reprocess(original, validateQuality: true)
        let second = try await submitter.reprocess(first)
        #expect(first.referenceID == "claim-42-r1")
        #expect(second.referenceID == "claim-42-r2")
        #expect(first.reprocessOf == "claim-42")
        #expect(second.reprocessOf == "claim-42-r1")
        #expect(first.options.validateQuality)
        #expect(second.options.validateQuality, "the options carry over unless flipped")
        #expect(try await ledger.reprocessings(of: original).map(\.referenceID) == ["claim-42-r1"])
        let timeline = try await ledger.events(submissionID: original.id)
        #expect(timeline.contains { $0.kind == .reprocessed && $0.detail == "reprocessed as claim-42-r1" })
        var result = try await client.result(referenceID: "claim-42-r1")
        _ = try await eventually {
            result = try await client.result(referenceID: "claim-42-r1")
            return result.data.status.isTerminal
        }
        #expect(result.errorCode == .failOn1, "validate_quality reached the server")
        try await client.shutdown()
        await service.stop()
    }

    @Test func aFailedSubmissionIsReprocessedFromItsKeptPhotoByDefaultAndNotWithoutRetention() async throws {
        let service = try await LiveService.start()
        let client = service.client()
        let ledger = try service.ledger()
        // Refused at submit (not an image): failed at once, as a plain `ktp submit` records it.
        let failed = try await Submitter(client: client, ledger: ledger).submit(.bytes(Array("not a photo".utf8)))
        #expect(failed.state == .failed)
        let again = try await Submitter(client: client, ledger: ledger).reprocess(failed)
        #expect(again.reprocessOf == failed.referenceID)
        #expect(again.photoSHA256 == failed.photoSHA256, "the same bytes went again")
        let unkept = try await Submitter(client: client, ledger: ledger, photoRetention: .none)
            .submit(.bytes(Array("not a photo either".utf8)))
        let thrown = await #expect(throws: LedgerError.self) {
            _ = try await Submitter(client: client, ledger: ledger).reprocess(unkept)
        }
        #expect(thrown?.code == .photoNotKept)
        try await client.shutdown()
        await service.stop()
    }

    @Test func everySubmissionMatchingAFilterIsReprocessed() async throws {
        let service = try await LiveService.start()
        let client = service.client("box-app")
        let ledger = try service.ledger()
        let submitter = Submitter(client: client, ledger: ledger)
        for code in ["NOT_A_CODE", "ALSO_NOT", "KTP"] { _ = try await submitter.submit(.sandboxCode(code)) }
        let done = try await submitter.reprocess(matching: LedgerFilter(state: .failed, errorCode: .invalidSandboxCode))
        #expect(done.count == 2)
        #expect(done.allSatisfy { $0.reprocessOf != nil && $0.referenceID.hasSuffix("-r1") })
        try await client.shutdown()
        await service.stop()
    }
}
