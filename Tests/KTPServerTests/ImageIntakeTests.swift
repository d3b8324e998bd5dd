import Foundation
import KTPContract
import KTPVision
import Testing
@testable import KTPServer

@Suite struct ImageIntakeTests {
    static func jpeg(width: Int = 800, height: Int = 600) throws -> [UInt8] {
        try Raster(RGBImage(width: width, height: height, fill: (190, 215, 235))).jpegData(quality: 70)
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

    @Test func check12RefusesATruncatedJPEGByItsStructure() throws {
        let bytes = try Self.jpeg()
        #expect(
            Self.code(ImageIntake.accept(bytes: Array(bytes.prefix(bytes.count - 40)))) == .invalidPayloadImageFormat)
    }
}
