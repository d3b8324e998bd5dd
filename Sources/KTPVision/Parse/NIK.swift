/// A structurally valid Nomor Induk Kependudukan: `PPKKCC DDMMYY SSSS`.
///
/// The digits hold the holder's registration district, birth date (women's day plus 40)
/// and a serial, which is what lets the reader cross-check the printed fields. The
/// description and mirror are redacted so that a NIK never reaches a log by accident.
public struct NIK: Sendable, Hashable, CustomStringConvertible, CustomReflectable {
    /// The sixteen digits.
    public let digits: String
    /// The encoded day of birth, 1...31, with the women's offset removed.
    public let birthDay: Int
    public let birthMonth: Int
    /// The last two digits of the birth year; the century is not encoded.
    public let birthYearSuffix: Int
    public let gender: Gender
    public let serial: Int

    /// Validates structure and date; says which rule failed.
    public init(validating text: some StringProtocol) throws(NIKError) {
        let characters = Array(text)
        guard characters.count == 16 else { throw NIKError(.wrongLength) }
        guard characters.allSatisfy(\.isASCIIDigit) else { throw NIKError(.notDigits) }
        let number = { (from: Int, length: Int) -> Int in
            characters[from..<(from + length)].reduce(0) { $0 * 10 + Int(String($1))! }
        }
        guard number(0, 2) >= 11, number(2, 2) > 0, number(4, 2) > 0 else { throw NIKError(.invalidRegion) }
        let encodedDay = number(6, 2)
        let gender: Gender = encodedDay > 40 ? .female : .male
        let day = encodedDay - gender.nikDayOffset
        let month = number(8, 2)
        let yearSuffix = number(10, 2)
        guard
            CardDate(day: day, month: month, year: 1900 + yearSuffix) != nil
                || CardDate(day: day, month: month, year: 2000 + yearSuffix) != nil
        else { throw NIKError(.invalidBirthDate) }
        let serial = number(12, 4)
        guard serial > 0 else { throw NIKError(.invalidSerial) }
        self.digits = String(characters)
        self.birthDay = day
        self.birthMonth = month
        self.birthYearSuffix = yearSuffix
        self.gender = gender
        self.serial = serial
    }

    /// A NIK, or nil when the text is not one.
    public init?(_ text: some StringProtocol) {
        guard let nik = try? NIK(validating: text) else { return nil }
        self = nik
    }

    /// The six region digits, `PPKKCC`.
    public var regionDigits: String { String(digits.prefix(6)) }

    /// The region as the table's dotted codes: province `32`, regency `32.04`, district `32.04.05`.
    public var region: (province: String, regency: String, district: String) {
        RegionCode.dotted(nikPrefix: digits)!
    }

    /// The `DDMMYY` part as printed inside the NIK, women's offset included.
    public var datePart: Substring { digits.dropFirst(6).prefix(6) }

    /// Whether `date` is the encoded birth date (the NIK holds only the year's last two digits).
    public func encodes(_ date: CardDate) -> Bool {
        date.day == birthDay && date.month == birthMonth && date.year % 100 == birthYearSuffix
    }

    /// The `DDMMYY` digits a NIK would hold for this date and sex.
    public static func datePart(for date: CardDate, gender: Gender) -> String {
        CardDate.pad(date.day + gender.nikDayOffset, 2) + CardDate.pad(date.month, 2) + CardDate.pad(date.year % 100, 2)
    }

    public var description: String { "NIK(redacted)" }

    public var customMirror: Mirror { Mirror(self, children: [:]) }
}
