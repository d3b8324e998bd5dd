import Testing
@testable import KTPVision

struct RegionTableTests {
    @Test func realTableHoldsEveryLevel() throws {
        let table = try TestRegions.table()
        #expect(table.provinceCodes.count == 38)
        #expect(table.regencyCodes.count == 514)
        #expect(table.count == 38 + 514 + 7285 + 83762)
    }

    @Test func printedFormsFollowTheCard() throws {
        let table = try TestRegions.table()
        #expect(table.printedProvince("31") == "DKI JAKARTA")
        #expect(table.printedProvince("32") == "JAWA BARAT")
        #expect(table.printedRegency("31.74") == "JAKARTA SELATAN")
        #expect(table.printedRegency("31.01") == "KABUPATEN KEPULAUAN SERIBU")
        #expect(table.printedRegency("11.71") == "KOTA BANDA ACEH")
        #expect(table.printedRegency("32.04") == "KABUPATEN BANDUNG")
        #expect(table.printedName("31.71.07.1006") == "KEBON KACANG")
    }

    @Test func csvWithWindowsLineEndingsParsesEveryRow() throws {
        let table = try RegionTable.parse("kode,nama\r\n11,Aceh\r\n11.71,Kota Banda Aceh\r\n")
        #expect(table.count == 2)
        #expect(table.children(of: "11") == ["11.71"])
    }

    @Test func malformedRowNamesItsLine() {
        #expect(throws: DataFileError(.malformedLine, path: "<memory>", line: 3, detail: "no comma")) {
            try RegionTable.parse("kode,nama\n11,Aceh\nno comma here\n")
        }
    }

    @Test func containsKnowsEveryLevel() throws {
        let table = try TestRegions.table()
        #expect(table.contains("31"))
        #expect(table.contains("31.71.07"))
        #expect(table.contains("31.71.07.1006"))
        #expect(!table.contains("31.71.99"))
    }
}
