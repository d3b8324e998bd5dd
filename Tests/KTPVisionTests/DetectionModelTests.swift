import Testing
@testable import KTPVision

/// What a reading shows of a KTP, and how the detection score weighs it. NIKs are synthetic.
struct DetectionModelTests {
    static let nik = "3204054508900003"

    static func reading(
        province: Bool = true, regency: String? = nil, nik: String = nik, labels: [CardLabel: Double] = [:]
    ) -> CardReading {
        var raw: RawCard = [.nik: RawValue(text: nik, confidence: 0.9)]
        raw[.cityHeader] = regency.map { RawValue(text: $0, confidence: 0.8) }
        return CardReading(raw: raw, valueBoxes: [:], labelScores: labels, hasProvinceHeader: province)
    }

    @Test func evidenceCountsTheHeadersTheNIKAndTheLabelsOnlyAKTPPrints() {
        let evidence = Self.reading(
            regency: "KABUPATEN BANDUNG",
            labels: [.nik: 0.9, .rtRw: 0.6, .district: 0.4, .name: 1, .address: 0.7]
        ).evidence
        #expect(evidence.provinceHeader && evidence.regencyHeader && evidence.validNIK)
        #expect(evidence.nikLabel == 0.9)
        #expect(evidence.nikDigits == 16)
        #expect(evidence.distinctiveLabels == 2, "NIK and RT/RW; Kecamatan read too poorly")
        #expect(evidence.sharedLabels == 2)
    }

    @Test func aRegencyLineCountsOnlyWhenItNamesAKabupatenOrKota() {
        #expect(!Self.reading(regency: "UNIVERSITAS PADJADJARAN").evidence.regencyHeader)
        #expect(Self.reading(regency: "KOTA TUAL").evidence.regencyHeader)
        #expect(!Self.reading(province: false, regency: "KOTA TUAL").evidence.regencyHeader)
    }

    @Test func aValidNIKAmongSpecksCountsAndAnInvalidOneDoesNot() {
        #expect(Self.reading(nik: "1 3204054508900003 2").evidence.validNIK)
        #expect(!Self.reading(nik: "3204059908900003").evidence.validNIK, "day 99")
        #expect(Self.reading(nik: "320405450890").evidence.nikDigits == 12)
    }

    @Test func featuresAreScaledToTheUnitInterval() {
        let full = CardEvidence(
            provinceHeader: true, regencyHeader: true, nikLabel: 1, nikDigits: 17, validNIK: true,
            distinctiveLabels: 8, sharedLabels: 5)
        #expect(full.features == [1, 1, 1, 1, 1, 1, 1])
        #expect(CardEvidence().features == [0, 0, 0, 0, 0, 0, 0])
        #expect(full.features.count == CardEvidence.featureNames.count)
    }

    @Test func theStandardModelAcceptsACardAndRefusesWhatOtherCardsShow() {
        let model = DetectionModel.standard
        let card = CardEvidence(
            provinceHeader: true, regencyHeader: true, nikLabel: 1, nikDigits: 16, validNIK: true,
            distinctiveLabels: 7, sharedLabels: 5)
        #expect(model.accepts(card))
        // A driving licence or student card: name, address, birth, occupation, and a long number.
        let licence = CardEvidence(nikDigits: 12, sharedLabels: 4)
        #expect(!model.accepts(licence))
        #expect(!model.accepts(CardEvidence()))
        #expect(model.probability(card) > model.probability(licence))
    }

    @Test func theLikelierReadingIsPreferredWhicheverComesFirst() {
        let model = DetectionModel(weights: [1, 1, 1, 1, 1, 1, 1], bias: -3, threshold: 0.5)
        let strong = Self.reading(regency: "KOTA BANDUNG", labels: [.nik: 1, .rtRw: 1])
        let weak = Self.reading(province: false, nik: "", labels: [.name: 1, .address: 1])
        #expect(model.preferred(strong, weak) == strong)
        #expect(model.preferred(weak, strong) == strong)
    }
}
