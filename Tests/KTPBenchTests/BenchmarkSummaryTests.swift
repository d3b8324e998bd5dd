import KTPContract
import Testing
@testable import KTPBench

@Suite struct BenchmarkSummaryTests {
    static let truth = KTPFields([.nik: "3171011708900003", .fullName: "SPESIMEN SATU", .religion: "ISLAM"])

    static func sample(
        condition: String = "clean", isKTP: Bool = true, fields: KTPFields? = truth, detected: Bool = true,
        truthQuality: ImageQuality = ImageQuality(), quality: ImageQuality = ImageQuality(),
        washedOut: Set<FieldKey> = [], seconds: Double = 0.1, baseline: Double? = 0.2
    ) -> BenchmarkSample {
        BenchmarkSample(
            condition: condition, isKTP: isKTP, truthFields: isKTP ? truth : KTPFields(),
            truthQuality: truthQuality, washedOut: washedOut, detected: detected, fields: fields,
            quality: quality, seconds: seconds, baselineSeconds: baseline)
    }

    @Test func nikExactCountsAnUndetectedCardAsAMiss() {
        var wrong = Self.truth
        wrong[.nik] = "3171011708900008"
        let summary = BenchmarkSummary(
            name: "clean",
            samples: [
                Self.sample(), Self.sample(fields: wrong), Self.sample(fields: nil, detected: false), Self.sample(),
            ])
        #expect(summary.nikExact == 0.5)
        #expect(summary.detectionAccuracy == 0.75)
    }

    @Test func washedOutFieldsAreLeftOutOfFieldAccuracy() {
        var glared = Self.truth
        glared[.fullName] = "SPES"
        let summary = BenchmarkSummary(name: "F", samples: [Self.sample(fields: glared, washedOut: [.fullName])])
        #expect(summary.meanFieldExact == 1)
        #expect(summary.fieldAccuracy[.fullName] == .some(nil))
        #expect(summary.fieldAccuracy[.nik] == 1)
        #expect(summary.meanFieldExactCountingWashedOut == 16.0 / 17)
        #expect(summary.nikExactCountingWashedOut == 1)
    }

    @Test func aNegativeReadAsACardIsAFalseAccept() {
        let summary = BenchmarkSummary(
            name: "negatives",
            samples: [
                Self.sample(condition: "negative:sim", isKTP: false, fields: KTPFields(), detected: true),
                Self.sample(condition: "negative:receipt", isKTP: false, fields: nil, detected: false),
            ])
        #expect(summary.falseAccepts == 1)
        #expect(summary.detectionAccuracy == 0.5)
        #expect(summary.nikExact == nil)
    }

    @Test func flagPrecisionAndRecallCountEachOutcome() {
        let blurred = ImageQuality(blur: true)
        let summary = BenchmarkSummary(
            name: "B",
            samples: [
                Self.sample(truthQuality: blurred, quality: blurred),
                Self.sample(truthQuality: blurred, quality: ImageQuality()),
                Self.sample(truthQuality: ImageQuality(), quality: blurred),
                Self.sample(truthQuality: ImageQuality(), quality: ImageQuality()),
            ])
        let blur = summary.flags[.blur]
        #expect(blur?.precision == 0.5)
        #expect(blur?.recall == 0.5)
        #expect(blur?.f1 == 0.5)
        #expect(summary.flags[.dark]?.f1 == nil)
    }

    @Test func timeRatioIsMedianOverBaselineMedian() {
        let summary = BenchmarkSummary(
            name: "clean",
            samples: [
                Self.sample(seconds: 0.1, baseline: 0.5), Self.sample(seconds: 0.3, baseline: 0.5),
                Self.sample(seconds: 0.2, baseline: 0.4),
            ])
        #expect(summary.medianSeconds == 0.2)
        #expect(summary.baselineMedianSeconds == 0.5)
        #expect(abs((summary.timeRatio ?? 0) - 0.4) < 1e-9)
        #expect(abs(summary.p90Seconds - 0.28) < 1e-9)
    }

    @Test func reportOrdersConditionsCleanFirstAndNegativesLast() {
        let report = BenchmarkReport(samples: [
            Self.sample(condition: "negative:sim", isKTP: false, fields: nil, detected: false),
            Self.sample(condition: "BD"), Self.sample(condition: "clean"), Self.sample(condition: "B"),
        ])
        #expect(report.summaries.map(\.name) == ["clean", "B", "BD", "negatives"])
        let table = report.markdown()
        #expect(table.contains("| **all** | 4 | 100.0% |"))
        #expect(table.contains("| nik |"))
    }
}
