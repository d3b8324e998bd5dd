import Testing
@testable import KTPVision

@Suite struct CardLayoutTests {
    /// Words laid out as rows: each row is a list of (text, x) at the row's y.
    static func words(_ rows: [(y: Int, words: [(String, Int)])]) -> [OCRWord] {
        rows.flatMap { row in
            row.words.map { text, x in
                OCRWord(text: text, box: PixelRect(x: x, y: row.y, width: 14 * text.count, height: 24), confidence: 0.9)
            }
        }
    }

    static let card: [(y: Int, words: [(String, Int)])] = [
        (20, [("PROVINSI", 380), ("JAWA", 560), ("BARAT", 660)]),
        (60, [("KABUPATEN", 400), ("BANDUNG", 560)]),
        (110, [("NIK", 30), (":", 250), ("3204054508900003", 280)]),
        (160, [("Nama", 30), (":", 250), ("SPESIMEN", 280), ("CONTOH", 420)]),
        (200, [("Tempat/Tgl", 30), ("Lahir", 180), (":", 250), ("BANDUNG,", 280), ("05-08-1990", 420)]),
        (
            240,
            [
                ("Jenis", 30), ("Kelamin", 110), (":", 250), ("PEREMPUAN", 280), ("Gol.", 560), ("Darah", 620),
                (":", 700), ("O", 720),
            ]
        ),
        (280, [("Alamat", 30), (":", 250), ("JL.", 280), ("MELATI", 330), ("NO.", 440), ("12", 490)]),
        (320, [("RT/RW", 60), (":", 250), ("005/012", 280)]),
        (360, [("Kel/Desa", 60), (":", 250), ("CANGKUANG", 280)]),
        (400, [("Kecamatan", 60), (":", 250), ("RANCAEKEK", 280)]),
        (440, [("Agama", 30), (":", 250), ("ISLAM", 280), ("KAB.", 900), ("BANDUNG", 980)]),
        (480, [("Status", 30), ("Perkawinan:", 120), ("KAWIN", 280), ("12-05-2018", 900)]),
        (520, [("Pekerjaan", 30), (":", 250), ("KARYAWAN", 280), ("SWASTA", 420)]),
        (560, [("Kewarganegaraan:", 30), ("WNI", 280)]),
        (600, [("Berlaku", 30), ("Hingga", 150), (":", 250), ("SEUMUR", 280), ("HIDUP", 400)]),
    ]

    @Test func readsEverySlotFromItsLabel() {
        let reading = CardLayout.read(Self.words(Self.card), width: 1200, height: 757)
        #expect(reading.raw[.provinceHeader]?.text == "PROVINSI JAWA BARAT")
        #expect(reading.raw[.cityHeader]?.text == "KABUPATEN BANDUNG")
        #expect(reading.raw[.nik]?.text == "3204054508900003")
        #expect(reading.raw[.name]?.text == "SPESIMEN CONTOH")
        #expect(reading.raw[.birth]?.text == "BANDUNG, 05-08-1990")
        #expect(reading.raw[.genderAndBlood]?.text == "PEREMPUAN Gol. Darah : O")
        #expect(reading.raw[.address]?.text == "JL. MELATI NO. 12")
        #expect(reading.raw[.rtRw]?.text == "005/012")
        #expect(reading.raw[.village]?.text == "CANGKUANG")
        #expect(reading.raw[.district]?.text == "RANCAEKEK")
        #expect(reading.raw[.maritalStatus]?.text == "KAWIN")
        #expect(reading.raw[.nationality]?.text == "WNI")
        #expect(reading.raw[.validUntil]?.text == "SEUMUR HIDUP")
        // Widened left to just past the colon, which ends at 250 + 14.
        #expect(reading.nikBox?.x == 266)
        #expect(DetectionModel.standard.accepts(reading.evidence))
    }

    @Test func aLabelWhoseValueGlareTookStillGetsABoxAtTheValueColumn() throws {
        var rows = Self.card
        rows[rows.firstIndex { $0.y == 560 }!] = (560, [("Kewarganegaraan", 30), (":", 250)])
        let reading = CardLayout.read(Self.words(rows), width: 1200, height: 757)
        #expect(reading.raw[.nationality] == nil)
        let box = try #require(reading.valueBoxes[.nationality])
        // From the colon's end (250 + 14) to the photo column (70% of 1200).
        #expect(box.x == 264)
        #expect(box.maxX == 840)
        #expect(box.y < 560 && box.maxY > 584)
    }

    @Test func leavesThePhotoColumnOutOfValues() {
        let reading = CardLayout.read(Self.words(Self.card), width: 1200, height: 757)
        #expect(reading.raw[.religion]?.text == "ISLAM")
    }

    @Test func fillsAnUnreadableLabelFromItsPosition() {
        var rows = Self.card
        rows[9].words[0].0 = "K#c@m~t4n"
        let reading = CardLayout.read(Self.words(rows), width: 1200, height: 757)
        #expect(reading.raw[.district]?.text == "RANCAEKEK")
    }

    @Test func theLastRowsWhoseLabelsBlurTookFollowTheLastLabelRowByRow() {
        var card = Self.card
        card[13] = (560, [("x", 30), ("WNI", 280)])
        card[14] = (600, [("iii", 30), ("SEUMUR", 280), ("HIDUP", 400)])
        card.append((760, [("SPESIMEN", 30)]))
        let reading = CardLayout.read(Self.words(card), width: 1200, height: 800)
        #expect(reading.raw[.nationality]?.text == "WNI")
        #expect(reading.raw[.validUntil]?.text == "SEUMUR HIDUP")
        #expect(reading.raw.count == Self.card.count)
    }

    /// The card with every body label blurred past reading; the `RT/RW` row's noise reads weakly
    /// like `Nama`.
    static func unreadableLabels() -> [(y: Int, words: [(String, Int)])] {
        var rows = card
        for index in 3..<rows.count {
            rows[index].words = [("~x~", 30)] + rows[index].words.filter { $0.1 >= 280 && $0.0 != ":" }
        }
        rows[7].words[0].0 = "Nmaa"
        return rows
    }

    @Test func rowsWhoseLabelsBlurTookAreTheLabelsInOrderUnderTheNIK() {
        let reading = CardLayout.read(Self.words(Self.unreadableLabels()), width: 1200, height: 757)
        #expect(reading.raw[.name]?.text == "SPESIMEN CONTOH")
        #expect(reading.raw[.rtRw]?.text == "005/012")
        #expect(reading.raw[.district]?.text == "RANCAEKEK")
        #expect(reading.raw[.validUntil]?.text == "SEUMUR HIDUP")
        #expect(reading.valueBoxes[.village] != nil)
    }

    @Test func noiseReadLikeAShortLabelFarFromItsRowDoesNotStopRowsBeingTakenInOrder() {
        var rows = Self.unreadableLabels()
        rows[14].words[0].0 = "nada"
        let reading = CardLayout.read(Self.words(rows), width: 1200, height: 757)
        #expect(reading.raw[.name]?.text == "SPESIMEN CONTOH")
        #expect(reading.raw[.district]?.text == "RANCAEKEK")
    }

    @Test func aLabelSetLowerThanItsValueMakesOneRowWithItWhenRowsAreTakenInOrder() {
        var rows = Self.unreadableLabels()
        // Two lines for `Agama`'s row: the label 16 px under its value.
        rows[10].words.removeFirst()
        rows.insert((456, [("~x~", 30)]), at: 11)
        let reading = CardLayout.read(Self.words(rows), width: 1200, height: 757)
        #expect(reading.raw[.religion]?.text == "ISLAM")
        #expect(reading.raw[.maritalStatus]?.text == "KAWIN")
        #expect(reading.raw[.validUntil]?.text == "SEUMUR HIDUP")
    }

    @Test func rowsAreNotTakenInOrderAgainstAClearlyReadLabel() {
        var rows = Self.unreadableLabels()
        rows[9].words[0].0 = "Kecamatan"
        // The name's row lost and a stamp's below: in order, `Agama` would be where `Kecamatan` is printed.
        rows.remove(at: 3)
        rows.append((640, [("SPESIMEN", 280)]))
        let reading = CardLayout.read(Self.words(rows), width: 1200, height: 800)
        #expect(reading.raw[.district]?.text == "RANCAEKEK")
        #expect(reading.raw[.religion] == nil)
    }

    @Test func aWrappedAddressTakesTwoRowsOfThirteen() {
        var rows = Self.unreadableLabels()
        rows.insert((300, [("BLOK", 280), ("C", 350)]), at: 7)
        for index in 8..<rows.count { rows[index].y += 40 }
        let reading = CardLayout.read(Self.words(rows), width: 1200, height: 800)
        #expect(reading.raw[.address]?.text == "JL. MELATI NO. 12 BLOK C")
        #expect(reading.raw[.rtRw]?.text == "005/012")
        #expect(reading.raw[.validUntil]?.text == "SEUMUR HIDUP")
    }

    @Test func aRegencyLineUnderALostProvinceLineIsNotTakenForTheProvince() {
        var rows = Self.card
        rows[0].words = [("~", 380), ("a", 560)]
        rows[1].words = [("KABUPATEN", 400), ("DEIYAI", 560)]
        rows.insert((85, [("eb", 400)]), at: 2)
        let reading = CardLayout.read(Self.words(rows), width: 1200, height: 757)
        #expect(reading.raw[.cityHeader]?.text == "KABUPATEN DEIYAI")
        #expect(reading.raw[.provinceHeader] == nil)
    }

    @Test func toleratesOCRNoiseInLabels() {
        var rows = Self.card
        rows[13].words[0].0 = "Kewarqaneqaraan:"
        rows[4].words[0].0 = "Tempat/Tgi"
        let reading = CardLayout.read(Self.words(rows), width: 1200, height: 757)
        #expect(reading.raw[.nationality]?.text == "WNI")
        #expect(reading.raw[.birth]?.text == "BANDUNG, 05-08-1990")
    }

    @Test func cutsARowWithoutColonOrReadableLabelAtTheValueColumn() {
        var rows = Self.card
        rows[10].words = [("ISLAM", 280)]
        rows[13].words = [("Kewarga", 30), ("negaraan", 130), ("WNI", 280)]
        let reading = CardLayout.read(Self.words(rows), width: 1200, height: 757)
        #expect(reading.raw[.religion]?.text == "ISLAM")
        #expect(reading.raw[.nationality]?.text == "WNI")
        // The re-read box starts at the column (the colons end at 264), not a line height left of the value.
        #expect(reading.valueBoxes[.nationality]?.x == 266)
    }

    @Test func aColonAfterTheLastValueWordIsNotTheSeparator() {
        var rows = Self.card
        rows[12].words = [("Pekerjaan", 30), ("WIRASWASTA:", 280)]
        let reading = CardLayout.read(Self.words(rows), width: 1200, height: 757)
        #expect(reading.raw[.occupation]?.text == "WIRASWASTA:")
        #expect(reading.raw[.religion]?.text == "ISLAM")
    }

    @Test func findsTheNIKRowWhenItsLabelIsLost() {
        var rows = Self.card
        rows[2].words = [("~", 30), (":3204054508900003", 250), ("Nama", 520)]
        rows[3].words[0].0 = "N#m@"
        let reading = CardLayout.read(Self.words(rows), width: 1200, height: 757)
        #expect(reading.raw[.nik]?.text == ":3204054508900003")
        #expect(reading.nikBox != nil)
        #expect(DetectionModel.standard.accepts(reading.evidence))
    }

    @Test func theValueColumnFollowsALeaningCardAndIgnoresAStrayColon() throws {
        let points = [(x: 260, y: 100), (x: 270, y: 200), (x: 280, y: 300), (x: 290, y: 400), (x: 700, y: 250)]
        let column = try #require(ValueColumn.fit(points))
        #expect(abs(column.slope - 0.1) < 1e-9)
        #expect(column.x(atY: 500) == 300)
        #expect(ValueColumn.fit([(x: 250, y: 10), (x: 262, y: 90)])?.x(atY: 1000) == 256)
        #expect(ValueColumn.fit([]) == nil)
    }

    @Test func aDrivingLicenceIsNotAKTP() {
        let licence: [(y: Int, words: [(String, Int)])] = [
            (20, [("SURAT", 300), ("IZIN", 420), ("MENGEMUDI", 520)]),
            (110, [("Nama", 30), (":", 250), ("SPESIMEN", 280)]),
            (160, [("Alamat", 30), (":", 250), ("JL.", 280), ("MAWAR", 330)]),
            (200, [("Tempat", 30), ("&", 130), ("Tgl.", 160), ("Lahir", 220), (":", 250), ("BOGOR", 280)]),
            (240, [("Tinggi", 30), (":", 250), ("170", 280)]),
            (280, [("Pekerjaan", 30), (":", 250), ("SWASTA", 280)]),
            (320, [("No.", 30), ("SIM", 80), (":", 250), ("1234-5678-000001", 280)]),
        ]
        let reading = CardLayout.read(Self.words(licence), width: 1200, height: 757)
        #expect(!DetectionModel.standard.accepts(reading.evidence))
    }

    @Test func groupsWordsIntoRowsByVerticalOverlap() {
        let words = [
            OCRWord(text: "B", box: PixelRect(x: 200, y: 102, width: 20, height: 24), confidence: 1),
            OCRWord(text: "C", box: PixelRect(x: 10, y: 150, width: 20, height: 24), confidence: 1),
            OCRWord(text: "A", box: PixelRect(x: 10, y: 100, width: 20, height: 24), confidence: 1),
        ]
        #expect(LineGrouper.group(words).map(\.text) == ["A B", "C"])
    }
}

@Suite struct LabelRemnantTests {
    @Test(arguments: [
        ("DESA TUMALEDE", CardLabel.village, "TUMALEDE"),
        ("1 TARAKAN", .birth, "TARAKAN"),
        ("LAHIR BANDUNG, 05-08-1990", .birth, "BANDUNG, 05-08-1990"),
        ("RW 017/008", .rtRw, "017/008"),
        ("JAAN PENSIUNAN", .occupation, "PENSIUNAN"),
        ("SEUMUR HIDUP", .validUntil, "SEUMUR HIDUP"),
        ("KAWIN", .maritalStatus, "KAWIN"),
        ("EMPAT LAWANG, 03-02-1990", .birth, "EMPAT LAWANG, 03-02-1990"),
        ("TGL LAHIR BANDUNG, 05-08-1990", .birth, "BANDUNG, 05-08-1990"),
    ])
    func dropsTheLabelTailAndColonNoise(text: String, label: CardLabel, expected: String) {
        #expect(CardLayout.strippingLabelRemnant(text, label: label) == expected)
    }

    @Test func aBirthplaceBeforeItsCommaStaysHoweverLikeALabelItReads() {
        #expect(CardLayout.strippingLabelRemnant("LAHAT, 01-04-1985", label: .birth) == "LAHAT, 01-04-1985")
        #expect(CardLayout.strippingLabelRemnant("LAHIR LAHAT, 01-04-1985", label: .birth) == "LAHAT, 01-04-1985")
    }
}
