import KTPVision
import Testing
@testable import KTPBench

@Suite struct DetectionCalibrationTests {
    /// Cards read well and poorly, and other cards that print a long number and shared labels.
    static let samples: [(evidence: CardEvidence, isKTP: Bool)] = [
        (CardEvidence(provinceHeader: true, regencyHeader: true, nikLabel: 1, nikDigits: 16, validNIK: true,
                      distinctiveLabels: 8, sharedLabels: 5), true),
        (CardEvidence(provinceHeader: true, nikLabel: 0.6, nikDigits: 16, validNIK: true, distinctiveLabels: 2,
                      sharedLabels: 1), true),
        (CardEvidence(provinceHeader: true, regencyHeader: true, nikDigits: 13, distinctiveLabels: 1), true),
        (CardEvidence(nikLabel: 0.8, nikDigits: 16, validNIK: true, distinctiveLabels: 5, sharedLabels: 3), true),
        (CardEvidence(nikDigits: 12, sharedLabels: 4), false),
        (CardEvidence(nikDigits: 16, sharedLabels: 5), false),
        (CardEvidence(nikLabel: 0.5, sharedLabels: 3), false),
        (CardEvidence(), false),
    ]

    @Test func theLearnedScoreSeparatesCardsFromOtherPhotos() {
        let calibration = DetectionCalibration(samples: Self.samples)
        #expect(calibration.accepted == 4 && calibration.ktps == 4)
        #expect(calibration.falseAccepts == 0 && calibration.negatives == 4)
        for (evidence, isKTP) in Self.samples {
            #expect(calibration.model.accepts(evidence) == isKTP)
        }
    }

    @Test func theSamePhotosGiveTheSameModel() {
        #expect(DetectionCalibration(samples: Self.samples).model == DetectionCalibration(samples: Self.samples).model)
    }

    @Test func aFalseAcceptCostsMoreThanAMissedCard() {
        // Two cards score above the one other photo, and one card below it: accepting that one would accept the
        // other photo too.
        let scored = [(0.9, true), (0.8, true), (0.6, false), (0.4, true), (0.1, false)]
        #expect(DetectionCalibration.threshold(scored.map { ($0.0, $0.1) }) == 0.7)
    }

    @Test func theReportGivesEachWeightAndTheModelAsCode() {
        let report = DetectionCalibration(samples: Self.samples).markdown()
        #expect(report.contains("| valid NIK |"))
        #expect(report.contains("DetectionModel(weights: ["))
        #expect(report.contains("4 of 4 KTPs and 0 of 4 other photos accepted"))
    }
}
