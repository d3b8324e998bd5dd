import Foundation

/// The card's printed security background: a pale blue gradient, a faint archipelago map, a globe
/// of meridians and parallels, guilloche waves and rows of faint repeated text.
enum CardBackground {
    /// Islands as ellipses `(cx, cy, rx, ry, angle)` in base pixels, roughly where the map sits.
    private static let islands: [(Double, Double, Double, Double, Double)] = [
        (170, 300, 150, 36, 0.62), (400, 432, 125, 20, 0.08), (430, 292, 92, 78, 0),
        (612, 318, 62, 16, 1.2), (650, 345, 52, 13, -0.35), (585, 462, 70, 9, 0.05), (860, 372, 118, 46, 0.15),
        (700, 420, 22, 10, 0.4),
    ]

    static func draw(_ canvas: CairoCanvas, width w: Double, height h: Double, using rng: inout SeededGenerator) {
        let top = CanvasColor(hex: 0xC9DEF0).scaled(rng.uniform(0.97...1.03))
        let bottom = CanvasColor(hex: rng.pick([0xE2EEF8, 0xDCEBF5, 0xE8F1F6]))
        canvas.rectangle(0, 0, w, h)
        canvas.fill(.linear(x0: 0, y0: 0, x1: w * 0.6, y1: h, stops: [GradientStop(0, top), GradientStop(1, bottom)]))
        canvas.rectangle(0, 0, w, h)
        canvas.fill(
            .radial(
                cx: w * 0.45, cy: h * 0.55, r0: 20, r1: 420,
                stops: [
                    GradientStop(0, CanvasColor(hex: 0xF3E9C8, alpha: rng.uniform(0.2...0.4))),
                    GradientStop(1, CanvasColor(hex: 0xF3E9C8, alpha: 0)),
                ]))
        drawMap(canvas, using: &rng)
        drawGlobe(canvas, using: &rng)
        drawWaves(canvas, width: w, height: h, using: &rng)
        if rng.chance(0.6) { drawRepeatedText(canvas, width: w, height: h, using: &rng) }
    }

    /// Island outlines with a wobbly coast, so no two cards have the same map edge.
    private static func drawMap(_ canvas: CairoCanvas, using rng: inout SeededGenerator) {
        let (shiftX, shiftY) = (rng.uniform(-30...30), rng.uniform(-20...20))
        let zoom = rng.uniform(0.9...1.1)
        let fill = CanvasColor(hex: rng.pick([0xA9CBE4, 0xB4D3E2, 0xA2C6DD]), alpha: rng.uniform(0.25...0.45))
        let coast = CanvasColor(hex: 0x7FA8CF, alpha: rng.uniform(0.25...0.45))
        for (cx, cy, rx, ry, angle) in islands {
            let (x0, y0) = (506 + (cx - 506) * zoom + shiftX, 319 + (cy - 319) * zoom + shiftY)
            let phases = (rng.uniform(0...6.3), rng.uniform(0...6.3))
            func addCoast() {
                let steps = 28
                for step in 0...steps {
                    let t = Double(step) / Double(steps) * 2 * Double.pi
                    let wobble = 1 + 0.12 * sin(3 * t + phases.0) + 0.07 * sin(7 * t + phases.1)
                    let (ex, ey) = (rx * zoom * wobble * cos(t), ry * zoom * wobble * sin(t))
                    let (px, py) = (x0 + ex * cos(angle) - ey * sin(angle), y0 + ex * sin(angle) + ey * cos(angle))
                    if step == 0 { canvas.moveTo(px, py) } else { canvas.lineTo(px, py) }
                }
                canvas.closePath()
            }
            addCoast()
            canvas.fill(fill)
            addCoast()
            canvas.stroke(coast, width: 0.9)
        }
    }

    /// A wire globe: a circle, meridians as ellipses and parallels as chords.
    private static func drawGlobe(_ canvas: CairoCanvas, using rng: inout SeededGenerator) {
        let (cx, cy) = (rng.uniform(230...300), rng.uniform(300...360))
        let radius = rng.uniform(130...175)
        let line = CanvasColor(hex: 0x7FA3C9, alpha: rng.uniform(0.14...0.24))
        canvas.arc(cx, cy, radius: radius, from: 0, to: 2 * Double.pi)
        for k in 1...5 {
            canvas.ellipse(cx, cy, rx: radius * cos(Double(k) * Double.pi / 12), ry: radius)
        }
        for k in -5...5 where k != 0 {
            let dy = radius * sin(Double(k) * Double.pi / 12)
            let half = (radius * radius - dy * dy).squareRoot()
            canvas.moveTo(cx - half, cy + dy)
            canvas.lineTo(cx + half, cy + dy)
        }
        canvas.moveTo(cx - radius, cy)
        canvas.lineTo(cx + radius, cy)
        canvas.stroke(line, width: 0.8)
    }

    /// Guilloche: sine waves of drifting amplitude across the whole card, and a rosette.
    private static func drawWaves(
        _ canvas: CairoCanvas, width w: Double, height h: Double, using rng: inout SeededGenerator
    ) {
        let waveColor = CanvasColor(hex: 0x8FB2D6, alpha: rng.uniform(0.25...0.4))
        let phase = rng.uniform(0...(2 * Double.pi))
        let spacing = rng.uniform(24...32)
        for k in 0..<Int(h / spacing) + 1 {
            let base = 18 + Double(k) * spacing
            let amplitude = 7 + 5 * sin(Double(k) * 0.7 + phase)
            let wavelength = 90 + Double(k % 5) * 14
            canvas.moveTo(0, base)
            var x = 0.0
            while x <= w {
                x += 6
                canvas.lineTo(x, base + amplitude * sin(2 * Double.pi * x / wavelength + phase + Double(k)))
            }
            canvas.stroke(waveColor, width: 0.8)
        }
        let circleColor = CanvasColor(hex: 0x7FA3C9, alpha: 0.16)
        let cx = w * rng.uniform(0.42...0.5), cy = h * rng.uniform(0.5...0.6)
        for petal in 0..<12 {
            let angle = Double(petal) * Double.pi / 6
            canvas.arc(cx + 70 * cos(angle), cy + 70 * sin(angle), radius: 70, from: 0, to: 2 * Double.pi)
            canvas.stroke(circleColor, width: 0.8)
        }
    }

    /// Small faint words repeated in staggered rows, as the card's background print has.
    private static func drawRepeatedText(
        _ canvas: CairoCanvas, width w: Double, height h: Double, using rng: inout SeededGenerator
    ) {
        let word = rng.pick(["REPUBLIK INDONESIA", "INDONESIA", "KTP-EL REPUBLIK INDONESIA"])
        let color = CanvasColor(hex: 0x6C93BC, alpha: rng.uniform(0.08...0.15))
        canvas.setFont(size: rng.uniform(8...11), bold: rng.chance(0.5))
        let repeated = Array(repeating: word, count: Int(w / canvas.textWidth(word + "  ")) + 2)
            .joined(separator: "  ")
        let pitch = rng.uniform(26...40)
        var y = rng.uniform(10...24)
        var row = 0
        while y < h {
            let offset = row % 2 == 0 ? -rng.uniform(0...40) : -rng.uniform(40...90)
            canvas.text(repeated, x: offset, y: y, color: color)
            y += pitch
            row += 1
        }
    }
}
