import Foundation
import Testing

@testable import KTP
@testable import KTPDashboard

@Suite struct CSVExportTests {
    @Test(arguments: [0, 951_782_400, 1_767_348_000, 4_107_542_399, -86_401, 1_709_164_800])
    func timestampsMatchFoundationsISO8601(seconds: Int) {
        let date = Date(timeIntervalSince1970: TimeInterval(seconds))
        #expect(CSVExport.timestamp(date) == date.formatted(.iso8601))
    }

    @Test func csvQuotesCommasAndQuotes() {
        var row = Fixtures.summary(1)
        row.referenceID = "a,\"b\""
        let text = CSVExport.text([row])
        #expect(text.contains(",\"a,\"\"b\"\"\",complete,"))
    }

    @Test func secondsKeepMilliseconds() {
        #expect(CSVExport.seconds(1.5) == "1.500")
        #expect(CSVExport.seconds(0.0004) == "0.000")
        #expect(CSVExport.seconds(62.0127) == "62.013")
    }
}
