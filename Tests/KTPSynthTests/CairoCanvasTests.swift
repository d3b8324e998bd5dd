import KTPVision
import Testing
import KTPSynth

@Suite struct CairoCanvasTests {
    @Test func colorsSurviveTheCairoToLeptonicaRoundTrip() throws {
        let canvas = try CairoCanvas(width: 4, height: 2)
        let colors: [(UInt32, [UInt8])] = [
            (0xFF0000, [255, 0, 0]), (0x00FF00, [0, 255, 0]), (0x0000FF, [0, 0, 255]), (0x123456, [0x12, 0x34, 0x56]),
        ]
        for (x, (hex, _)) in colors.enumerated() {
            canvas.rectangle(Double(x), 0, 1, 2)
            canvas.fill(CanvasColor(hex: hex))
        }
        let rgb = canvas.rgbImage()
        for (x, (_, expected)) in colors.enumerated() {
            #expect(Array(rgb.pixels[(x * 3)..<(x * 3 + 3)]) == expected)
        }
        #expect(try canvas.raster().rgb() == rgb)
        #expect(Raster(rgb).rgb() == rgb)
    }

    @Test func translucentPixelsAreUnpremultiplied() throws {
        let canvas = try CairoCanvas(width: 1, height: 1)
        canvas.rectangle(0, 0, 1, 1)
        canvas.fill(CanvasColor(hex: 0xC08040, alpha: 0.5))
        let pixels = canvas.rgbImage().pixels
        #expect(abs(Int(pixels[0]) - 0xC0) <= 2 && abs(Int(pixels[1]) - 0x80) <= 2 && abs(Int(pixels[2]) - 0x40) <= 2)
    }

    @Test func grayRasterReadsWhiteMaskAsFull() throws {
        let canvas = try CairoCanvas(width: 8, height: 8)
        canvas.rectangle(0, 0, 4, 8)
        canvas.fill(CanvasColor.white)
        let gray = try canvas.grayRaster().gray()
        #expect(gray[1, 3] == 255 && gray[6, 3] == 0)
    }
}
