import Foundation
import KTPVision

/// Paints procedural, seeded surfaces at photo size with Cairo (no per-pixel Swift work).
public enum BackgroundPainter {
    /// A `width`×`height` surface of `kind`.
    public static func paint(
        _ kind: BackgroundKind, width: Int, height: Int,
        using rng: inout SeededGenerator
    ) throws(SynthError) -> Raster {
        let canvas = try CairoCanvas(width: width, height: height)
        let w = Double(width), h = Double(height)
        switch kind {
        case .wood: wood(canvas, w, h, using: &rng)
        case .linedPaper: linedPaper(canvas, w, h, using: &rng)
        case .fabric: fabric(canvas, w, h, using: &rng)
        case .darkDesk: darkDesk(canvas, w, h, using: &rng)
        case .plainTable: plainTable(canvas, w, h, using: &rng)
        }
        return try canvas.raster()
    }

    private static func wood(_ c: CairoCanvas, _ w: Double, _ h: Double, using rng: inout SeededGenerator) {
        let base = CanvasColor(hex: rng.pick([0x8B5A2B, 0xA0522D, 0x6F4A2F, 0xB07D4F, 0x5C3A21]))
        c.rectangle(0, 0, w, h)
        c.fill(base)
        let angle = rng.uniform(-0.15...0.15) + (rng.chance(0.3) ? Double.pi / 2 : 0)
        c.isolated {
            c.translate(w / 2, h / 2)
            c.rotate(angle)
            let span = (w * w + h * h).squareRoot()
            var y = -span / 2
            while y < span / 2 {
                let shade = base.scaled(rng.uniform(0.7...1.25)).with(alpha: rng.uniform(0.15...0.45))
                let amplitude = rng.uniform(1...10), wavelength = rng.uniform(200...700), phase = rng.uniform(0...6.3)
                c.moveTo(-span / 2, y)
                var x = -span / 2
                while x < span / 2 {
                    x += 24
                    c.lineTo(x, y + amplitude * sin(x / wavelength * 2 * .pi + phase))
                }
                c.stroke(shade, width: rng.uniform(0.8...4))
                y += rng.uniform(2...9)
            }
            var seam = -span / 2 + rng.uniform(100...300)
            while seam < span / 2 {
                c.moveTo(-span / 2, seam)
                c.lineTo(span / 2, seam)
                c.stroke(base.scaled(0.35).with(alpha: 0.7), width: 2.5)
                seam += rng.uniform(220...380)
            }
        }
        c.paintNoise(using: &rng, alpha: 0.07)
    }

    private static func linedPaper(_ c: CairoCanvas, _ w: Double, _ h: Double, using rng: inout SeededGenerator) {
        c.rectangle(0, 0, w, h)
        c.fill(CanvasColor(hex: rng.pick([0xFBF8EC, 0xFFFFFF, 0xF5F1E1, 0xF9F9F4])))
        let spacing = rng.uniform(30...42)
        var y = rng.uniform(40...90)
        while y < h {
            c.moveTo(0, y)
            c.lineTo(w, y)
            c.stroke(CanvasColor(hex: 0x7EA6D8, alpha: 0.8), width: 1.5)
            y += spacing
        }
        let margin = rng.uniform(80...180)
        c.moveTo(margin, 0)
        c.lineTo(margin, h)
        c.stroke(CanvasColor(hex: 0xE0474C, alpha: 0.85), width: 2)
        c.paintNoise(using: &rng, alpha: 0.04)
    }

    private static func fabric(_ c: CairoCanvas, _ w: Double, _ h: Double, using rng: inout SeededGenerator) {
        let base = CanvasColor(hex: rng.pick([0x3A5F8F, 0x8F3A3A, 0x4F7F4F, 0x7A6A8F, 0xB89B6A, 0x444444, 0xC8C0B0]))
        c.rectangle(0, 0, w, h)
        c.fill(base)
        let thread = rng.uniform(3...6)
        var x = 0.0
        var odd = false
        while x < w {
            c.rectangle(x, 0, thread * 0.55, h)
            c.fill(base.scaled(odd ? 1.25 : 0.8).with(alpha: 0.35))
            x += thread
            odd.toggle()
        }
        var y = 0.0
        while y < h {
            c.rectangle(0, y, w, thread * 0.55)
            c.fill(base.scaled(odd ? 0.75 : 1.2).with(alpha: 0.3))
            y += thread
            odd.toggle()
        }
        c.paintNoise(using: &rng, alpha: 0.08)
    }

    private static func darkDesk(_ c: CairoCanvas, _ w: Double, _ h: Double, using rng: inout SeededGenerator) {
        let level = rng.uniform(0.06...0.14)
        let tone = CanvasColor(red: level, green: level, blue: level * rng.uniform(0.9...1.15))
        c.rectangle(0, 0, w, h)
        c.fill(.linear(x0: 0, y0: 0, x1: w, y1: h, stops: [GradientStop(0, tone.scaled(1.4)), GradientStop(1, tone)]))
        c.paintNoise(using: &rng, alpha: 0.06)
    }

    private static func plainTable(_ c: CairoCanvas, _ w: Double, _ h: Double, using rng: inout SeededGenerator) {
        let tone = CanvasColor(hex: rng.pick([0xE8E4DC, 0xD6D3CE, 0xF0EDE6, 0xC9C2B5, 0xDCE3E8]))
        c.rectangle(0, 0, w, h)
        c.fill(
            .linear(
                x0: 0, y0: 0, x1: w * rng.uniform(0.3...1), y1: h,
                stops: [
                    GradientStop(0, tone.scaled(1.05)), GradientStop(1, tone.scaled(0.9)),
                ]))
        c.paintNoise(using: &rng, alpha: 0.04)
    }
}
