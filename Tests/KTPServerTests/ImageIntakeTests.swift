import Foundation
import KTPContract
@testable import KTPVision
import Testing
@testable import KTPServer

@Suite struct ImageIntakeTests {
    static func jpeg(width: Int = 800, height: Int = 600) throws -> [UInt8] {
        try Raster(RGBImage(width: width, height: height, fill: (190, 215, 235))).jpegData(quality: 70)
    }

    /// A structurally valid PNG whose header states `width` × `height`, with one tiny IDAT; or,
    /// `truncated`, cut off before its end chunk.
    static func png(width: Int, height: Int, truncated: Bool = false) -> [UInt8] {
        func be(_ v: Int) -> [UInt8] {
            [UInt8(v >> 24 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)]
        }
        func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
            let body = Array(type.utf8) + data
            return be(data.count) + body + be(Int(CRC32.checksum(body)))
        }
        let bytes =
            [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", be(width) + be(height) + [8, 2, 0, 0, 0])
            + chunk("IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]) + chunk("IEND", [])
        return truncated ? Array(bytes.dropLast(14)) : bytes
    }

    static func code(_ result: Result<(bytes: [UInt8], header: ImageHeader), ContractError>) -> ErrorCode? {
        if case .failure(let error) = result { return error.code }
        return nil
    }

    @Test func acceptsBase64WithOrWithoutADataURLPrefix() throws {
        let base64 = Data(try Self.jpeg()).base64EncodedString()
        #expect(Self.code(ImageIntake.accept(base64: base64)) == nil)
        #expect(Self.code(ImageIntake.accept(base64: "data:image/jpeg;base64," + base64)) == nil)
        let header = try ImageIntake.accept(base64: base64).get().header
        #expect(header.width == 800)
    }

    @Test func check9RefusesMoreThan5MiBBeforeDecoding() {
        let big = String(repeating: "A", count: 8 << 20)
        #expect(Self.code(ImageIntake.accept(base64: big)) == .invalidPayloadImageSize)
    }

    @Test func check10RefusesBadBase64AndNonImages() {
        #expect(Self.code(ImageIntake.accept(base64: "!!!")) == .invalidPayloadImageFormat)
        let gif = Data("GIF89a\u{1}\u{0}\u{1}\u{0}".utf8).base64EncodedString()
        #expect(Self.code(ImageIntake.accept(base64: gif)) == .invalidPayloadImageFormat)
        #expect(Self.code(ImageIntake.accept(base64: "data:image/png,abc")) == .invalidPayloadImageFormat)
    }

    @Test func check11RefusesImagesTooSmallOrTooLarge() throws {
        #expect(
            Self.code(ImageIntake.accept(bytes: try Self.jpeg(width: 600, height: 400))) == .invalidPayloadImageSize)
    }

    @Test(arguments: [(10_000, 5_000), (12_001, 600), (1000, 470), (700, 500), (479, 1000)])
    func check11ReadsEveryLimitFromTheHeader(width: Int, height: Int) {
        #expect(
            Self.code(ImageIntake.accept(bytes: Self.png(width: width, height: height))) == .invalidPayloadImageSize)
    }

    @Test func check11RefusesAHeaderWhoseSidesOverflowTheirProduct() {
        for (width, height) in [(4_294_967_295, 4_294_967_295), (4_294_967_295, 1), (0, 0)] {
            for truncated in [false, true] {
                let bytes = Self.png(width: width, height: height, truncated: truncated)
                #expect(Self.code(ImageIntake.accept(bytes: bytes)) != nil, "\(width)×\(height)")
            }
        }
        #expect(Self.code(ImageIntake.accept(bytes: Self.png(width: 4_294_967_295, height: 4_294_967_295)))
            == .invalidPayloadImageSize)
    }

    @Test func check11AcceptsTheLimitsThemselves() {
        for (width, height) in [(720, 480), (480, 720), (8000, 5000), (12_000, 3_333)] {
            #expect(Self.code(ImageIntake.accept(bytes: Self.png(width: width, height: height))) == nil)
        }
    }

    @Test func check11AnswersBeforeCheck12OnABrokenFileOfARefusedSize() throws {
        let small = try Self.jpeg(width: 400, height: 300)
        #expect(Self.code(ImageIntake.accept(bytes: Array(small.dropLast(40)))) == .invalidPayloadImageSize)
        #expect(
            Self.code(ImageIntake.accept(bytes: Self.png(width: 30_000, height: 30_000, truncated: true)))
                == .invalidPayloadImageSize)
        #expect(
            Self.code(ImageIntake.accept(bytes: Self.png(width: 1000, height: 700, truncated: true)))
                == .invalidPayloadImageFormat)
    }

    @Test func check12RefusesATruncatedJPEGByItsStructure() throws {
        let bytes = try Self.jpeg()
        #expect(
            Self.code(ImageIntake.accept(bytes: Array(bytes.prefix(bytes.count - 40)))) == .invalidPayloadImageFormat)
    }
}
