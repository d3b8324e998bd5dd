import Foundation
import Testing
@testable import KTPVision

@Suite struct ImageStructureTests {
    static func jpeg(width: Int = 800, height: Int = 600) throws -> [UInt8] {
        try Raster(RGBImage(width: width, height: height, fill: (190, 215, 235))).jpegData(quality: 80)
    }

    static func png(width: Int = 800, height: Int = 600) throws -> [UInt8] {
        try Raster(RGBImage(width: width, height: height, fill: (190, 215, 235))).pngData()
    }

    /// A PNG whose chunks and CRCs are all valid but whose header claims the given size.
    static func pngClaiming(width: UInt32, height: UInt32) -> [UInt8] {
        func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
            let body = Array(type.utf8) + data
            return be(UInt32(data.count)) + body + be(CRC32.checksum(body))
        }
        func be(_ v: UInt32) -> [UInt8] {
            [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)]
        }
        let header = be(width) + be(height) + [8, 2, 0, 0, 0]
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", header)
            + chunk("IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]) + chunk("IEND", [])
    }

    @Test func aWholeJPEGPassesWithItsDimensions() throws {
        let header = try ImageStructure.validate(try Self.jpeg())
        #expect(header == ImageHeader(format: .jpeg, width: 800, height: 600))
    }

    @Test func aWholePNGPassesWithItsDimensions() throws {
        let header = try ImageStructure.validate(try Self.png(width: 900, height: 720))
        #expect(header == ImageHeader(format: .png, width: 900, height: 720))
    }

    @Test func aTruncatedJPEGIsUndecodable() throws {
        let bytes = try Self.jpeg()
        #expect(throws: ImageError(.undecodable, "the JPEG has no end-of-image marker")) {
            try ImageStructure.validate(Array(bytes.prefix(bytes.count * 2 / 3)))
        }
    }

    /// A hand-made JPEG's markers: a scan whose entropy-coded data holds stuffed 0xFF00 bytes and
    /// restart markers, a table after it, and a second scan; or the same with its tail cut off.
    static func jpegWithTwoScans(endingWithEOI: Bool) -> [UInt8] {
        let frame: [UInt8] = [0xFF, 0xC2, 0x00, 0x0B, 0x08, 0x02, 0xD0, 0x03, 0x20, 0x01, 0x01, 0x11, 0x00]
        let scan: [UInt8] = [0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00]
        let entropy: [UInt8] = [0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56] + Array(repeating: 0xA5, count: 40)
        let table: [UInt8] = [0xFF, 0xC4, 0x00, 0x04, 0x00, 0x00]
        let tail: [UInt8] = endingWithEOI ? [0xFF, 0xD9] : [0xFF]
        return [0xFF, 0xD8] + frame + scan + entropy + table + scan + entropy + [0xFF, 0x00] + tail
    }

    @Test func stuffedBytesAndRestartsInsideAScanAreSkippedAndALaterScanIsWalked() throws {
        let header = try ImageStructure.validate(Self.jpegWithTwoScans(endingWithEOI: true))
        #expect(header == ImageHeader(format: .jpeg, width: 800, height: 720))
        #expect(throws: ImageError(.undecodable, "the JPEG has no end-of-image marker")) {
            try ImageStructure.validate(Self.jpegWithTwoScans(endingWithEOI: false))
        }
    }

    @Test func aPNGWithACorruptChunkIsUndecodable() throws {
        var bytes = try Self.png()
        bytes[bytes.count / 2] ^= 0xFF
        #expect(throws: ImageError(.undecodable, "PNG chunk CRC mismatch")) { try ImageStructure.validate(bytes) }
    }

    @Test func zeroBytesAreEmpty() {
        #expect(throws: ImageError(.empty)) { try ImageStructure.validate([]) }
    }

    @Test func aGIFIsAnUnsupportedFormat() {
        let gif = Array("GIF89a".utf8) + [0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00]
        #expect(throws: ImageError(.unsupportedFormat)) { try ImageStructure.validate(gif) }
    }

    @Test func randomBytesNeverCrashAndAreRefused() {
        var generator = SystemRandomNumberGenerator()
        for length in [1, 3, 8, 64, 4096] {
            for _ in 0..<50 {
                var bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
                // Half of them get a real magic number so the walkers, not the sniffer, must refuse them.
                if length >= 8, Bool.random(using: &generator) {
                    bytes.replaceSubrange(0..<3, with: [0xFF, 0xD8, 0xFF])
                }
                #expect(throws: ImageError.self) { _ = try ImageDecoder.decode(bytes) }
            }
        }
    }

    @Test func aHeaderClaiming30000PixelsASideIsTooLargeBeforeAnyDecode() throws {
        let bytes = Self.pngClaiming(width: 30_000, height: 30_000)
        let header = try ImageStructure.validate(bytes)
        #expect(header.width == 30_000)
        #expect(throws: ImageError(.tooLarge, "30000×30000 px; the most is 40 megapixels and 12000 px a side")) {
            try ImageDecoder.decode(bytes)
        }
    }

    @Test func aHeaderWhoseSidesOverflowTheirProductIsTooLargeNotACrash() throws {
        for (width, height) in [(UInt32.max, UInt32.max), (UInt32.max, 1), (3_037_000_500, 3_037_000_500)] {
            let bytes = Self.pngClaiming(width: width, height: height)
            #expect(performing: { try ImageDecoder.decode(bytes) }, throws: { ($0 as? ImageError)?.code == .tooLarge })
        }
    }

    @Test func everyStatedSizeIsJudgedWithoutTrapping() {
        // Each limit, either side of it, and every power-of-two magnitude a 32-bit field can state.
        let sides = [0, 1, 239, 240, 479, 480, 599, 600, 719, 720, 3_333, 12_000, 12_001]
            + (0...31).map { Int(UInt32.max >> $0) }
        for width in sides {
            for height in sides {
                let (pixels, overflow) = width.multipliedReportingOverflow(by: height)
                let fits = !overflow && pixels <= 40_000_000 && max(width, height) <= 12_000
                    && min(width, height) >= 480 && max(width, height) >= 720
                let header = ImageHeader(format: .png, width: width, height: height)
                #expect(((try? header.check(.contract)) != nil) == fits, "\(width)×\(height)")
            }
        }
    }

    @Test func aPhotoUnder720By480IsTooSmallForTheContract() throws {
        #expect(throws: ImageError(.tooSmall, "700×480 px; the least is 720×480 px")) {
            try ImageDecoder.decode(try Self.jpeg(width: 700, height: 480), limits: .contract)
        }
    }

    @Test func aReaderTakesATightlyCroppedCardDownTo600PxOnItsLongSide() throws {
        let raster = try ImageDecoder.decode(try Self.jpeg(width: 718, height: 375))
        #expect(raster.width == 718)
        #expect(throws: ImageError(.tooSmall, "590×373 px; the least is 600×240 px")) {
            try ImageDecoder.decode(try Self.jpeg(width: 590, height: 373))
        }
    }

    @Test func aValidJPEGDecodesToItsPixels() throws {
        let raster = try ImageDecoder.decode(try Self.jpeg(width: 1024, height: 768))
        #expect(raster.width == 1024)
        #expect(raster.height == 768)
        let rgb = raster.rgb()
        #expect(abs(Int(rgb.pixels[0]) - 190) <= 3)
        #expect(abs(Int(rgb.pixels[2]) - 235) <= 3)
    }
}

