/// A day of the Gregorian calendar, without time zones: all a card prints.
public struct CalendarDate: Sendable, Hashable {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), (1...Self.days(inMonth: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// `DD-MM-YYYY`, the contract's and the card's form.
    public var printed: String {
        Self.twoDigits(day) + "-" + Self.twoDigits(month) + "-" + String(year)
    }

    /// A uniformly drawn day of a year in `years`.
    public static func random(in years: ClosedRange<Int>, using rng: inout SeededGenerator) -> CalendarDate {
        let year = rng.int(years)
        let ordinal = rng.int(0...(isLeap(year) ? 365 : 364))
        var month = 1, remaining = ordinal
        while remaining >= days(inMonth: month, year: year) {
            remaining -= days(inMonth: month, year: year)
            month += 1
        }
        return CalendarDate(year: year, month: month, day: remaining + 1)!
    }

    /// The same day and month in another year; 29 February becomes the 28th outside leap years.
    public func inYear(_ year: Int) -> CalendarDate {
        CalendarDate(year: year, month: month, day: min(day, Self.days(inMonth: month, year: year)))!
    }

    public static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    static func twoDigits(_ value: Int) -> String { padded(value, 2) }
    static func threeDigits(_ value: Int) -> String { padded(value, 3) }
    static func fourDigits(_ value: Int) -> String { padded(value, 4) }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
