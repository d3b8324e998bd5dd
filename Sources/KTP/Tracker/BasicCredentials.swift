import Foundation

/// The callback's `Authorization: Basic base64(APP_ID:APP_ID)`, checked in constant time.
enum BasicCredentials {
    static func header(appID: String) -> String {
        "Basic " + Data("\(appID):\(appID)".utf8).base64EncodedString()
    }

    /// Whether `header` carries exactly `appID:appID`. The comparison time does not depend on where
    /// the bytes differ, so a caller cannot guess the id byte by byte.
    static func verify(_ header: String?, appID: String) -> Bool {
        guard let header, header.count < 4096 else { return false }
        let expected = Array(Self.header(appID: appID).utf8)
        let given = Array(header.utf8)
        var difference = UInt8(expected.count == given.count ? 0 : 1)
        for index in expected.indices {
            difference |= expected[index] ^ (index < given.count ? given[index] : 0)
        }
        return difference == 0
    }
}
