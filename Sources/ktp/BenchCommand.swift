import ArgumentParser
import Foundation
import KTPContract
import KTPBench
import KTPSynth
import KTPVision

struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure accuracy, quality flags and speed against ground truth, beside plain tesseract."
    )

    @Option(help: "The folder of photos.", completion: .directory)
    var images: String

    @Option(help: "Ground truth, one JSON object per line in the contract's keys.", completion: .file())
    var truth: String

    @Option(help: "Score only the first N photos.")
    var limit: Int?

    @Flag(help: "Skip the plain `tesseract` CLI runs.")
    var noBaseline = false

    @Flag(help: "Also choose the quality thresholds and learn the detection score from these photos.")
    var calibrate = false

    @Option(help: "Also write the Markdown report to this file.")
    var output: String?

    @Option(help: "Write each photo's quality scores, flags and truth to this file, one JSON object per line.")
    var scores: String?

    @OptionGroup var engine: EngineOptions

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() async throws {
        var records = try GroundTruth.load(path: truth)
        if let limit { records = Array(records.prefix(limit)) }
        guard !records.isEmpty else { throw CLIError("\(truth) has no ground truth records") }
        let extractor = try KTPExtractor(configuration: try await engine.configuration())
        let baseline = noBaseline ? nil : try TesseractBaseline()
        var samples: [BenchmarkSample] = []
        var scoreLines: [String] = []
        for (index, record) in records.enumerated() {
            let path = URL(fileURLWithPath: images).appendingPathComponent(record.file).path
            let bytes = try PhotoFile.read(path)
            let start = ContinuousClock.now
            let extraction = try? extractor.extract(bytes)
            let seconds = (ContinuousClock.now - start).seconds
            samples.append(
                BenchmarkSample(
                    condition: record.condition, isKTP: record.isKTP, truthFields: record.fields ?? KTPFields(),
                    truthQuality: record.imageQuality, washedOut: Set(record.washedOut),
                    detected: extraction?.card != nil, fields: extraction?.card?.fields,
                    quality: extraction?.quality ?? ImageQuality(), scores: extraction?.scores,
                    evidence: extraction?.evidence, seconds: seconds,
                    baselineSeconds: try baseline?.time(path, singleThread: false),
                    singleThreadBaselineSeconds: try baseline?.time(path, singleThread: true)
                ))
            if scores != nil, let sample = samples.last {
                scoreLines.append(try PhotoScores(file: record.file, sample: sample).jsonLine())
            }
            Diagnostics.progress("bench \(index + 1)/\(records.count)", done: index + 1 == records.count)
        }
        if let scores {
            try scoreLines.map { $0 + "\n" }.joined().write(toFile: scores, atomically: true, encoding: .utf8)
        }
        var report = BenchmarkReport(samples: samples).markdown()
        if calibrate {
            let scored = samples.compactMap { sample in
                sample.scores.flatMap { scores in sample.truthQuality.map { (scores, $0) } }
            }
            report +=
                "\nCalibration: the threshold of each flag that maximises its F1 on these photos.\n\n"
                + QualityCalibration(samples: scored).markdown()
            let evidence = samples.compactMap { sample in sample.evidence.map { ($0, sample.isKTP) } }
            report +=
                "\nCalibration: the detection score learned from these photos.\n\n"
                + DetectionCalibration(samples: evidence).markdown()
        }
        print(report)
        if let output {
            try report.write(toFile: output, atomically: true, encoding: .utf8)
        }
    }
}

/// One plain `tesseract` CLI run per photo, as a user would type it, timed from outside, with
/// OpenMP's default threads and again held to one thread.
struct TesseractBaseline {
    let executable: URL

    init() throws {
        let candidates = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin")
            .split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent("tesseract") }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw CLIError(
                "the tesseract command is not installed (apt-get install tesseract-ocr), "
                    + "or pass --no-baseline")
        }
        executable = found
    }

    /// Times one run; `singleThread` holds OpenMP to one thread, as `ktp` itself does.
    func time(_ path: String, singleThread: Bool) throws -> Double {
        let process = Process()
        process.executableURL = executable
        process.arguments = [path, "stdout", "-l", "ind+eng", "--psm", "6"]
        if singleThread {
            process.environment = ProcessInfo.processInfo.environment.merging(["OMP_THREAD_LIMIT": "1"]) { $1 }
        }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let start = ContinuousClock.now
        try process.run()
        process.waitUntilExit()
        return (ContinuousClock.now - start).seconds
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}
