/// The list's column positions at a width: fixed columns for glyphs, times, NIK and flags; the rest shared by
/// reference, name and error.
struct ListColumns: Equatable {
    static let ageWidth = 4
    static let timeWidth = 5
    static let nikWidth = 16
    static let flagsWidth = 4

    var mark: Int
    var status: Int
    var reference: Int
    var referenceWidth: Int
    var age: Int
    var time: Int
    var name: Int
    var nameWidth: Int
    var nik: Int
    var flags: Int
    var error: Int
    var errorWidth: Int

    init(x: Int, width: Int) {
        let fixed = 2 + 1 + 1 + Self.ageWidth + 1 + Self.timeWidth + 1 + 1 + Self.nikWidth + 1 + Self.flagsWidth + 1
        let flexible = max(0, width - fixed)
        referenceWidth = min(30, max(12, flexible * 2 / 5))
        nameWidth = min(24, max(8, flexible / 4))
        errorWidth = max(0, flexible - referenceWidth - nameWidth)
        mark = x
        status = x + 1
        reference = x + 3
        age = reference + referenceWidth + 1
        time = age + Self.ageWidth + 1
        name = time + Self.timeWidth + 1
        nik = name + nameWidth + 1
        flags = nik + Self.nikWidth + 1
        error = flags + Self.flagsWidth + 1
    }
}
