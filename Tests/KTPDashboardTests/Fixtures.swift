import Foundation

@testable import KTP
@testable import KTPDashboard

/// Synthetic SPESIMEN submissions at fixed times: 12 complete, 6 failed (three codes), 6 pending.
enum Fixtures {
    /// 2026-01-02 10:00:00 UTC.
    static let now = Date(timeIntervalSince1970: 1_767_348_000)
    static let utc = TimeZone(identifier: "UTC")!
    static let names = [
        "BUDI SPESIMEN", "SITI AMINAH SPESIMEN", "AGUS CONTOH", "DEWI LESTARI SPESIMEN", "RINA CONTOH",
        "ANDI WIJAYA SPESIMEN", "MAYA SARI CONTOH", "HENDRA SPESIMEN", "PUTRI AYU SPESIMEN", "JOKO CONTOH",
        "LINA MARLINA SPESIMEN", "BAYU SPESIMEN",
    ]
    static let failures: [Int64: ErrorCode] = [
        13: .ktpNotDetected, 14: .failOn1, 15: .ktpNotDetected, 16: .failOn1, 17: .ktpNotDetected,
        18: .internalServerError,
    ]

    static func reference(_ id: Int64) -> String {
        id == 5
            ? "ktp-3f9a1c07d2e84b6f90a1c3d5"
            : id == 20 ? "spesimen-0014-r1" : "spesimen-" + String(String(id + 10_000).suffix(4))
    }

    static func summary(_ id: Int64, revision: Int64? = nil) -> SubmissionSummary {
        let submitted = now.addingTimeInterval(-Double(25 - id) * 97)
        let took = 0.8 + Double(id % 5) * 0.7
        switch id {
        case 1...12:
            let quality: ImageQuality =
                id == 4 ? ImageQuality(blur: true) : id % 3 == 0 ? ImageQuality(grayscale: true) : ImageQuality()
            return SubmissionSummary(
                id: id, referenceID: reference(id), state: .complete, submittedAt: submitted,
                completedAt: submitted.addingTimeInterval(took), processingTime: took,
                nik: "31710101019" + String(String(id + 100_000).suffix(5)), fullName: names[Int(id) - 1],
                quality: quality,
                revision: revision ?? id)
        case 13...18:
            let quality: ImageQuality? =
                failures[id] == .failOn1 ? ImageQuality(blur: id == 14, dark: true, flashlight: id == 16) : nil
            return SubmissionSummary(
                id: id, referenceID: reference(id), state: .failed, errorCode: failures[id], submittedAt: submitted,
                completedAt: submitted.addingTimeInterval(took), processingTime: took, quality: quality,
                revision: revision ?? id)
        default:
            return SubmissionSummary(
                id: id, referenceID: reference(id), state: .pending, submittedAt: submitted,
                reprocessOf: id == 20 ? reference(14) : nil, revision: revision ?? id)
        }
    }

    static let all: [SubmissionSummary] = (1...24).reversed().map { summary($0) }

    /// A state of `columns` x `rows` with the fixtures loaded.
    static func state(
        columns: Int = 80, rows: Int = 24, readOnly: Bool = false, summaries: [SubmissionSummary] = all,
        api: String? = "http://127.0.0.1:8080"
    ) -> DashboardState {
        var state = DashboardState(
            api: api, appID: "demo-app", readOnly: readOnly, columns: columns, rows: rows, now: now)
        state.timeZone = utc
        _ = state.reduce(.loaded(summaries))
        return state
    }

    /// The full entry behind a summary, with fields and confidences when it completed.
    static func submission(_ id: Int64) -> Submission {
        let row = summary(id)
        var fields = KTPFields()
        var confidence: [FieldKey: Double] = [:]
        if row.state == .complete {
            let values: [FieldKey: String] = [
                .nik: row.nik ?? "", .fullName: row.fullName ?? "", .placeOfBirth: "JAKARTA",
                .dateOfBirth: "17-08-1990", .gender: "LAKI-LAKI", .bloodType: "O", .address: "JL. CONTOH NO. 1",
                .rtRw: "001/002", .administrativeVillage: "MENTENG", .district: "MENTENG", .city: "JAKARTA PUSAT",
                .state: "DKI JAKARTA", .religion: "ISLAM", .maritalStatus: "BELUM KAWIN",
                .occupation: "KARYAWAN SWASTA", .nationality: "WNI", .validUntil: "SEUMUR HIDUP",
            ]
            fields = KTPFields(values)
            for (index, key) in FieldKey.allCases.enumerated() {
                confidence[key] = [0.97, 0.91, 0.72, 0.45][index % 4]
            }
        }
        let status: ExtractionStatus = row.state == .complete ? .success : row.state == .failed ? .failed : .processing
        let data = ExtractionResult(
            referenceID: row.referenceID, status: status, fields: row.state == .complete ? fields : nil,
            imageQuality: row.quality, confidence: row.state == .complete ? confidence : nil,
            submittedAt: row.submittedAt, completedAt: row.completedAt)
        return Submission(
            id: id, api: "http://127.0.0.1:8080", appID: "demo-app", referenceID: row.referenceID,
            photoSHA256: "ab", photoURL: nil, options: SubmitOptions(isQuality: true, validateQuality: id == 14),
            state: row.state, errorCode: row.errorCode, errorMessage: nil,
            result: row.state == .pending ? nil : ResultBody(errorCode: row.errorCode, data: data),
            submittedAt: row.submittedAt, updatedAt: row.completedAt ?? row.submittedAt,
            completedAt: row.completedAt, reprocessOf: row.reprocessOf, revision: row.revision, nextPollAt: nil,
            pollCount: 2)
    }

    static func events(_ id: Int64) -> [LedgerEvent] {
        let row = summary(id)
        var events = [
            LedgerEvent(id: id * 10, submissionID: id, at: row.submittedAt, kind: .submitted, detail: "accepted"),
            LedgerEvent(
                id: id * 10 + 1, submissionID: id, at: row.submittedAt.addingTimeInterval(1), kind: .polled,
                detail: "PROCESSING"),
        ]
        if let completed = row.completedAt {
            events.append(
                LedgerEvent(
                    id: id * 10 + 2, submissionID: id, at: completed, kind: .statusChanged,
                    detail: row.state == .complete ? "SUCCESS" : "FAILED"))
        }
        if id == 14 {
            events.append(
                LedgerEvent(
                    id: id * 10 + 3, submissionID: id, at: now.addingTimeInterval(-60), kind: .reprocessed,
                    detail: "as spesimen-0014-r1"))
        }
        return events
    }

    static func detailLoaded(_ id: Int64) -> DashboardAction {
        .detailLoaded(submission(id), events: events(id), reprocessings: id == 14 ? [summary(20)] : [])
    }
}

extension DashboardState {
    /// Sends keys one by one; returns every effect.
    @discardableResult
    mutating func press(_ keys: Key...) -> [DashboardEffect] {
        keys.flatMap { reduce(.key($0)) }
    }

    @discardableResult
    mutating func type(_ text: String) -> [DashboardEffect] {
        text.flatMap { reduce(.key(.character($0))) }
    }
}
