/// A calendar date as a KTP prints it (`DD-MM-YYYY`), valid by construction.
///
/// Cards hold birth and expiry dates of living people, so years outside 1900...2100 are
/// treated as misreadings rather than dates.
public struct CardDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The years a card's date may fall in; anything else is a misreading.
    public static let years = 1900...2100

    public let day: Int
    public let month: Int
    public let year: Int

    /// Fails unless the day exists in that month and year and the year is in ``years``.
    public init?(day: Int, month: Int, year: Int) {
        guard Self.years.contains(year), (1...12).contains(month),
            (1...Self.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.day = day
        self.month = month
        self.year = year
    }

    /// Gregorian leap years, so that 29-02-2000 is valid and 29-02-1900 is not.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The length of a month, February included, for validating printed days.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The contract's form, `DD-MM-YYYY`.
    public var formatted: String {
        Self.pad(day, 2) + "-" + Self.pad(month, 2) + "-" + Self.pad(year, 4)
    }

    public var description: String { formatted }

    public static func < (lhs: CardDate, rhs: CardDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
