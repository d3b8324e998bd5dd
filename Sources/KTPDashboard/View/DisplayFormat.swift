import Foundation

/// Short renderings of times and durations for narrow columns.
enum DisplayFormat {
    /// `12s`, `5m`, `3h`, `2d`: at most 4 columns.
    static func age(_ seconds: TimeInterval) -> String {
        let seconds = max(0, Int(seconds))
        switch seconds {
        case ..<60: return "\(seconds)s"
        case ..<3600: return "\(seconds / 60)m"
        case ..<86400: return "\(seconds / 3600)h"
        default: return "\(min(seconds / 86400, 999))d"
        }
    }

    /// `0.8s`, `12s`, `3m`: at most 5 columns.
    static func duration(_ seconds: TimeInterval) -> String {
        switch max(0, seconds) {
        case ..<10: String(format: "%.1fs", max(0, seconds))
        case ..<600: "\(Int(seconds))s"
        case ..<36000: "\(Int(seconds) / 60)m"
        default: "\(Int(seconds) / 3600)h"
        }
    }

    /// `14:02:11` in `zone`.
    static func clock(_ date: Date, in zone: TimeZone) -> String {
        let parts = calendar(zone).dateComponents([.hour, .minute, .second], from: date)
        return String(format: "%02d:%02d:%02d", parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }

    /// `2026-01-02 14:02:11` in `zone`.
    static func timestamp(_ date: Date, in zone: TimeZone) -> String {
        let parts = calendar(zone).dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d ", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
            + clock(date, in: zone)
    }

    /// The clock alone on `now`'s day, else the date too.
    static func moment(_ date: Date, now: Date, in zone: TimeZone) -> String {
        calendar(zone).isDate(date, inSameDayAs: now) ? clock(date, in: zone) : timestamp(date, in: zone)
    }

    /// An API URL without its scheme, as the header shows it.
    static func host(_ api: String) -> String {
        guard let range = api.range(of: "://") else { return api }
        return String(api[range.upperBound...]).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
    }

    /// `text` cut in the middle to `width`, keeping its end (a reference's `-r2` suffix matters).
    static func middleTruncated(_ text: String, width: Int, ellipsis: Character) -> String {
        guard text.count > width, width > 2 else { return text }
        let tail = min(6, (width - 1) / 2)
        return String(text.prefix(width - 1 - tail)) + String(ellipsis) + String(text.suffix(tail))
    }

    private static func calendar(_ zone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }
}
