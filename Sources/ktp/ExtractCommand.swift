import ArgumentParser
import Foundation
import KTPContract
import KTPVision

struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Read one KTP photo (JPEG or PNG) and print its fields and quality flags."
    )

    @Argument(help: "The photo to read.", completion: .file())
    var photo: String

    @Flag(help: "Print the body the result endpoint would give for this photo.")
    var json = false

    @Flag(help: "Fail the extraction with FAIL_ON_1 when a blur, dark or flashlight flag is set.")
    var validateQuality = false

    @Flag(help: "Show the NIK and name in full (they are masked by default).")
    var reveal = false

    @Option(help: "Write the rectified card, the image given to OCR (PNG) and the words read from it into this folder.")
    var inspect: String?

    @OptionGroup var engine: EngineOptions

    func run() async throws {
        // The models first: a missing or damaged one is a start-up error whatever the photo.
        let extractor = try KTPExtractor(configuration: try await engine.configuration())
        let bytes = try PhotoFile.read(photo)
        if let inspect {
            try FileManager.default.createDirectory(atPath: inspect, withIntermediateDirectories: true)
            var pass = 0
            let folder = URL(fileURLWithPath: inspect)
            extractor.inspector = { inspection in
                switch inspection {
                case .image(let name, let raster):
                    if name == "card" { pass += 1 }
                    try? Data(raster.pngData()).write(to: folder.appendingPathComponent("\(pass)-\(name).png"))
                case .words(let words):
                    let rows = words.map { word in
                        let box = word.box
                        return "\(box.x)\t\(box.y)\t\(box.width)\t\(box.height)\t"
                            + String(format: "%.3f", word.confidence) + "\t\(word.text)"
                    }
                    let table = (["x\ty\twidth\theight\tconfidence\ttext"] + rows).joined(separator: "\n") + "\n"
                    try? Data(table.utf8).write(to: folder.appendingPathComponent("\(pass)-words.tsv"))
                }
            }
        }
        let submittedAt = Date()
        let extraction: Extraction
        do {
            extraction = try extractor.extract(bytes)
        } catch {
            throw CLIError("\(photo): \(error)")
        }
        let body = extraction.resultBody(
            referenceID: "extract-" + UUID().uuidString.prefix(8).lowercased(),
            validateQuality: validateQuality, submittedAt: submittedAt, completedAt: Date()
        )
        if json {
            let data = try ResultBody.makeEncoder(pretty: true).encode(body)
            print(String(decoding: data, as: UTF8.self))
        } else {
            print(CardPrinter(reveal: reveal).render(body, extraction: extraction))
        }
    }
}
