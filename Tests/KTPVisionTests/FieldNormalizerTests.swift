import KTPContract
import Testing
@testable import KTPVision

/// A whole synthetic SPESIMEN card, as the reader would hand it over, end to end.
struct FieldNormalizerTests {
    static let nik = "3171075708900004"

    static let raw: RawCard = [
        .provinceHeader: RawValue(text: "PROVINSI DKI JAKARTA", confidence: 0.95),
        .cityHeader: RawValue(text: "JAKARTA PUSAT", confidence: 0.93),
        .nik: RawValue(text: ": 3171O757O89OOOO4", confidence: 0.8),
        .nikDigits: RawValue(text: "3171075708900004", confidence: 0.9),
        .name: RawValue(text: "| SPESIMEN  C0NTOH  WARGA", confidence: 0.88),
        .birth: RawValue(text: "Lahir : JAKARTA,  17-08-1990", confidence: 0.9),
        .genderAndBlood: RawValue(text: "PEREMPUAN  Gol. Darah : AB", confidence: 0.9),
        .address: RawValue(text: "JL. SPESIMEN NO. 12", confidence: 0.85),
        .rtRw: RawValue(text: "5/12", confidence: 0.9),
        .village: RawValue(text: "KEBON KACANG", confidence: 0.9),
        .district: RawValue(text: "TANAH ABAMG", confidence: 0.9),
        .religion: RawValue(text: "ISLAM", confidence: 0.9),
        .maritalStatus: RawValue(text: "BELUM KAWIN", confidence: 0.9),
        .occupation: RawValue(text: "KARYAWAN SWASTA", confidence: 0.9),
        .nationality: RawValue(text: "WNI", confidence: 0.9),
        .validUntil: RawValue(text: "SEUMUR HIDUP", confidence: 0.9),
    ]

    @Test func wholeCardNormalizesEveryField() throws {
        let card = FieldNormalizer(regions: try TestRegions.table()).normalize(Self.raw)
        let expected: [FieldKey: String] = [
            .nik: Self.nik, .fullName: "SPESIMEN CONTOH WARGA", .placeOfBirth: "JAKARTA",
            .dateOfBirth: "17-08-1990", .gender: "PEREMPUAN", .bloodType: "AB", .address: "JL. SPESIMEN NO. 12",
            .rtRw: "005/012", .administrativeVillage: "KEBON KACANG", .district: "TANAH ABANG",
            .city: "JAKARTA PUSAT", .state: "DKI JAKARTA", .religion: "ISLAM", .maritalStatus: "BELUM KAWIN",
            .occupation: "KARYAWAN SWASTA", .nationality: "WNI", .validUntil: "SEUMUR HIDUP",
        ]
        for key in FieldKey.allCases {
            #expect(card.fields[key] == expected[key], "\(key.rawValue)")
        }
        #expect(card.warnings.isEmpty)
    }

    @Test func everyKeyHasAConfidenceInTheUnitInterval() throws {
        let card = FieldNormalizer(regions: try TestRegions.table()).normalize(Self.raw)
        #expect(Set(card.confidence.keys) == Set(FieldKey.allCases))
        for (_, value) in card.confidence {
            #expect((0...1).contains(value))
        }
        #expect((card.confidence[.nik] ?? 0) >= 0.8, "both passes agree once confusions are mapped")
        let fuzzy = card.confidence[.district] ?? 1
        #expect(fuzzy < (card.confidence[.city] ?? 0), "a fuzzy snap scores below an exact one")
    }

    @Test func warningsNeverCarryTheNIKOrTheName() throws {
        var raw = Self.raw
        raw[.birth] = RawValue(text: "JAKARTA, 02-01-1985", confidence: 0.95)
        raw[.district] = RawValue(text: "MENTENG", confidence: 0.95)
        let card = FieldNormalizer(regions: try TestRegions.table()).normalize(raw)
        #expect(!card.warnings.isEmpty)
        for warning in card.warnings {
            #expect(!warning.description.contains("3171"))
            #expect(!warning.description.contains("SPESIMEN"))
        }
    }

    @Test func normalizingIsDeterministic() throws {
        let normalizer = FieldNormalizer(regions: try TestRegions.table())
        #expect(normalizer.normalize(Self.raw) == normalizer.normalize(Self.raw))
    }
}
