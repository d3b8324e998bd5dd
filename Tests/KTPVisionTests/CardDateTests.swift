import Testing
@testable import KTPVision

struct CardDateTests {
    @Test(arguments: [
        "17-08-1990", "17 08 1990", "17/08/1990", "17.08.1990", "17-O8-199O", "1708-1990", "17081990",
        " 17 - 08 - 1990 ", "17-08- 1990", "I7-08-1990",
    ])
    func printedVariantsParseToTheContractForm(text: String) throws {
        let parsed = try #require(CardDate.parse(text))
        #expect(parsed.date.formatted == "17-08-1990")
    }

    @Test func letterConfusionsAreCounted() throws {
        #expect(try #require(CardDate.parse("17-08-1990")).substitutions == 0)
        #expect(try #require(CardDate.parse("17-O8-199O")).substitutions == 2)
    }

    @Test func singleDigitDayAndMonthArePadded() throws {
        #expect(try #require(CardDate.parse("5-3-1987")).date.formatted == "05-03-1987")
    }

    @Test(arguments: [
        "31-04-1990", "29-02-1900", "29-02-2023", "00-01-1990", "12-13-1990", "17-08-90", "", "SEUMUR HIDUP",
        "17-08-19900", "1708199",
    ])
    func invalidOrAmbiguousDatesAreRejected(text: String) {
        #expect(CardDate.parse(text) == nil)
    }

    @Test func leapYearsFollowTheGregorianRules() {
        #expect(CardDate(day: 29, month: 2, year: 2000) != nil)
        #expect(CardDate(day: 29, month: 2, year: 2024) != nil)
        #expect(CardDate(day: 29, month: 2, year: 1900) == nil)
        #expect(CardDate(day: 29, month: 2, year: 2023) == nil)
        #expect(CardDate.isLeapYear(2000) && !CardDate.isLeapYear(2100))
    }

    @Test func aBlurredCenturyDigitIsTheOneCenturyThatMakesTheDateValid() throws {
        let repaired = try #require(CardDate.parse("13-11-1872"))
        #expect(repaired.date.formatted == "13-11-1972")
        #expect(repaired.substitutions == 1)
        #expect(try #require(CardDate.parse("01-02-2O24")).date.formatted == "01-02-2024")
        #expect(try #require(CardDate.parse("17-08-1899")).date.formatted == "17-08-1999")
        #expect(CardDate.parse("26-05-2982") == nil, "1982 and 2082 are each one digit away")
        #expect(CardDate.parse("26-05-3782") == nil, "two digits from any century")
    }

    @Test func aDateAmongWordsOfAnotherRowIsFoundAsAWordOfItsOwn() throws {
        #expect(try #require(CardDate.find(in: "NABILA GUNAWAN 14-01-1979")).date.formatted == "14-01-1979")
        #expect(try #require(CardDate.find(in: "Laki-laki 29-05-1972 Gol. Darah : -")).date.formatted == "29-05-1972")
        #expect(CardDate.parse("NABILA GUNAWAN 14-01-1979") == nil, "the letters read as digits spoil it")
        #expect(CardDate.find(in: "NABILA 14-01") == nil)
    }

    @Test func datesOrderChronologically() {
        #expect(CardDate(day: 31, month: 12, year: 1989)! < CardDate(day: 1, month: 1, year: 1990)!)
    }
}
