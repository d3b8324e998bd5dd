import Foundation
import KTP
import KTPDashboard
import Testing
@testable import KTPTerminal

/// `:export csv` as the runtime writes it: chunk by chunk with progress, whole or not at all.
@Suite struct CSVFileExportTests {
    static func rows(_ count: Int) -> [SubmissionSummary] {
        (0..<count).map { index in
            SubmissionSummary(
                id: Int64(index + 1), referenceID: "export-\(index)", state: .complete,
                submittedAt: Date(timeIntervalSince1970: 1_767_348_000 + Double(index)), processingTime: 1.5,
                nik: "3171010101900002", fullName: "SITI SPESIMEN")
        }
    }

    @Test func theFileHoldsTheMaskedTextAndProgressCountsUpByChunks() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ktp-export-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("out.csv").path
        let rows = Self.rows(CSVFileExport.chunk * 2 + 7)
        var reported: [Int] = []
        try CSVFileExport.write(rows, to: path) { reported.append($0) }

        #expect(reported == [CSVFileExport.chunk, CSVFileExport.chunk * 2, rows.count])
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written == CSVExport.text(rows))
        #expect(!written.contains("SITI"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["out.csv"])
    }

    @Test func aFolderThatDoesNotExistFailsAndLeavesNothing() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ktp-export-\(UUID())")
        #expect(throws: (any Error).self) {
            try CSVFileExport.write(Self.rows(3), to: directory.appendingPathComponent("x.csv").path)
        }
        #expect(!FileManager.default.fileExists(atPath: directory.path))
    }
}
