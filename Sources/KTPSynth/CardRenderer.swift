import Foundation
import KTPContract
import KTPVision

/// Draws a SPESIMEN e-KTP in the national layout, with small per-card variations so that a
/// reader cannot overfit one pixel layout.
public enum CardRenderer {
    /// 85.6 × 54 mm at about 300 dpi.
    public static let baseWidth = 1012
    public static let baseHeight = 638

    static let ink = CanvasColor(hex: 0x1A1A1E)
    static let specimenRed = CanvasColor(hex: 0xD7191C)

    /// Renders `identity` at `scale` image pixels per base pixel.
    public static func render(
        _ identity: SyntheticIdentity, scale: Double = 1,
        using rng: inout SeededGenerator
    ) throws(SynthError) -> RenderedCard {
        let width = Int((Double(baseWidth) * scale).rounded())
        let height = Int((Double(baseHeight) * scale).rounded())
        let canvas = try CairoCanvas(width: width, height: height)
        canvas.scale(scale, scale)
        drawBackground(canvas, using: &rng)

        let fields = identity.fields
        let dx = rng.uniform(-8...8), dy = rng.uniform(-6...6)
        let fontScale = rng.uniform(0.95...1.05)
        var boxes: [FieldKey: PixelRect] = [:]

        // Header: two centred bold lines.
        let centreX = 506 + dx + rng.uniform(-6...6)
        canvas.setFont(size: 27 * fontScale, bold: true)
        let line1 = "PROVINSI " + fields[.state]
        let line1Width = min(canvas.textWidth(line1), 900)
        let line1X = centreX - line1Width / 2
        canvas.text(line1, x: line1X, y: 46 + dy, color: ink, maxWidth: 900)
        let prefixWidth = canvas.textWidth("PROVINSI ") * line1Width / canvas.textWidth(line1)
        boxes[.state] = box(canvas, x: line1X + prefixWidth, y: 46 + dy, width: line1Width - prefixWidth)
        let line2Width = min(canvas.textWidth(fields[.city]), 900)
        canvas.text(fields[.city], x: centreX - line2Width / 2, y: 80 + dy, color: ink, maxWidth: 900)
        boxes[.city] = box(canvas, x: centreX - line2Width / 2, y: 80 + dy, width: line2Width)

        // NIK row, larger and bold.
        let labelX = 30 + dx + rng.uniform(-6...6)
        let colonX = labelX + 198 + rng.uniform(-10...10)
        let photoX = 772 + dx * 0.5
        let photoY = 150 + dy
        canvas.setFont(size: 31 * fontScale, bold: true)
        let nikY = 134 + dy
        canvas.text("NIK", x: labelX, y: nikY, color: ink)
        canvas.text(":", x: colonX - 24, y: nikY, color: ink)
        canvas.setFont(size: 35 * fontScale, bold: true)
        let nikX = colonX - 6
        let nikWidth = canvas.text(fields[.nik], x: nikX, y: nikY + 1, color: ink, maxWidth: photoX + 150 - nikX)
        boxes[.nik] = box(canvas, x: nikX, y: nikY + 1, width: nikWidth)

        // Label / colon / value rows.
        canvas.setFont(size: 20.5 * fontScale)
        let step = 29.5 * rng.uniform(0.97...1.03)
        let valueX = colonX + 16
        let maxValue = photoX - 14 - valueX
        var y = 176 + dy
        func row(_ label: String, _ value: String, _ key: FieldKey?, indent: Double = 0, maxWidth: Double? = nil) {
            canvas.text(label, x: labelX + indent, y: y, color: ink)
            canvas.text(":", x: colonX, y: y, color: ink)
            let drawn = canvas.text(value, x: valueX, y: y, color: ink, maxWidth: maxWidth ?? maxValue)
            if let key { boxes[key] = box(canvas, x: valueX, y: y, width: drawn) }
            y += step
        }

        canvas.text("Nama", x: labelX, y: y, color: ink)
        canvas.text(":", x: colonX, y: y, color: ink)
        let nameWidth = canvas.text(fields[.fullName], x: valueX, y: y, color: ink, maxWidth: maxValue)
        boxes[.fullName] = box(canvas, x: valueX, y: y, width: nameWidth)
        y += step

        let place = fields[.placeOfBirth] + ", "
        let birth = place + fields[.dateOfBirth]
        let birthScale = min(1, maxValue / canvas.textWidth(birth))
        canvas.text("Tempat/Tgl Lahir", x: labelX, y: y, color: ink)
        canvas.text(":", x: colonX, y: y, color: ink)
        canvas.text(birth, x: valueX, y: y, color: ink, maxWidth: maxValue)
        let placeWidth = canvas.textWidth(fields[.placeOfBirth]) * birthScale
        let dateX = valueX + canvas.textWidth(place) * birthScale
        boxes[.placeOfBirth] = box(canvas, x: valueX, y: y, width: placeWidth)
        boxes[.dateOfBirth] = box(canvas, x: dateX, y: y, width: canvas.textWidth(fields[.dateOfBirth]) * birthScale)
        y += step

        let bloodLabelX = valueX + 215 * fontScale + rng.uniform(-8...8)
        canvas.text("Gol. Darah", x: bloodLabelX, y: y, color: ink)
        let bloodColonX = bloodLabelX + canvas.textWidth("Gol. Darah") + 10
        canvas.text(":", x: bloodColonX, y: y, color: ink)
        let bloodWidth = canvas.text(fields[.bloodType], x: bloodColonX + 14, y: y, color: ink)
        boxes[.bloodType] = box(canvas, x: bloodColonX + 14, y: y, width: bloodWidth)
        row("Jenis Kelamin", fields[.gender], .gender, maxWidth: bloodLabelX - valueX - 10)

        let indent = 26 + rng.uniform(-4...4)
        row("Alamat", fields[.address], .address)
        row("RT/RW", fields[.rtRw], .rtRw, indent: indent)
        row("Kel/Desa", fields[.administrativeVillage], .administrativeVillage, indent: indent)
        row("Kecamatan", fields[.district], .district, indent: indent)
        row("Agama", fields[.religion], .religion)
        row("Status Perkawinan", fields[.maritalStatus], .maritalStatus)
        row("Pekerjaan", fields[.occupation], .occupation)
        row("Kewarganegaraan", fields[.nationality], .nationality)
        row("Berlaku Hingga", fields[.validUntil], .validUntil)

        drawPhoto(canvas, x: photoX, y: photoY, width: 196, height: 246, female: identity.isFemale, using: &rng)
        drawIssue(canvas, identity: identity, centreX: photoX + 98, top: photoY + 246, using: &rng)
        drawSpecimen(canvas, photoX: photoX, photoY: photoY, bottomX: labelX, using: &rng)

        return RenderedCard(image: canvas.rgbImage(), fieldBoxes: boxes, scale: scale, cornerRadius: 30 * scale)
    }

    private static func box(_ canvas: CairoCanvas, x: Double, y: Double, width: Double) -> PixelRect {
        let (ascent, descent) = canvas.fontMetrics()
        let top = (y - ascent * 0.8).rounded(.down)
        return PixelRect(
            x: Int(x.rounded(.down)), y: Int(top), width: Int(width.rounded(.up)),
            height: Int((y + descent * 0.6).rounded(.up) - top))
    }

    /// Pale blue gradient with guilloche waves and faint rosettes, like the printed security pattern.
    private static func drawBackground(_ canvas: CairoCanvas, using rng: inout SeededGenerator) {
        let w = Double(baseWidth), h = Double(baseHeight)
        let top = CanvasColor(hex: 0xC9DEF0).scaled(rng.uniform(0.98...1.02))
        let bottom = CanvasColor(hex: 0xE2EEF8)
        canvas.rectangle(0, 0, w, h)
        canvas.fill(.linear(x0: 0, y0: 0, x1: w * 0.6, y1: h, stops: [GradientStop(0, top), GradientStop(1, bottom)]))

        canvas.rectangle(0, 0, w, h)
        canvas.fill(
            .radial(
                cx: w * 0.45, cy: h * 0.55, r0: 20, r1: 420,
                stops: [
                    GradientStop(0, CanvasColor(hex: 0xF3E9C8, alpha: 0.35)),
                    GradientStop(1, CanvasColor(hex: 0xF3E9C8, alpha: 0)),
                ]))

        let waveColor = CanvasColor(hex: 0x8FB2D6, alpha: 0.35)
        let phase = rng.uniform(0...(2 * Double.pi))
        for k in 0..<22 {
            let base = 18 + Double(k) * 28
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
        for r in stride(from: 30.0, through: 300, by: 22) {
            canvas.arc(cx, cy, radius: r, from: 0, to: 2 * Double.pi)
            canvas.stroke(circleColor, width: 1)
        }
        for petal in 0..<12 {
            let angle = Double(petal) * Double.pi / 6
            canvas.arc(cx + 70 * cos(angle), cy + 70 * sin(angle), radius: 70, from: 0, to: 2 * Double.pi)
            canvas.stroke(circleColor, width: 0.8)
        }
    }

    /// A head-and-shoulders silhouette on the red or blue backdrop of official photos.
    private static func drawPhoto(
        _ canvas: CairoCanvas, x: Double, y: Double, width: Double, height: Double,
        female: Bool, using rng: inout SeededGenerator
    ) {
        let backdrop = rng.chance(0.5) ? CanvasColor(hex: 0xC4232B) : CanvasColor(hex: 0x2C63B8)
        canvas.rectangle(x, y, width, height)
        canvas.fill(backdrop)
        canvas.isolated {
            canvas.rectangle(x, y, width, height)
            canvas.clip()
            let cx = x + width / 2 + rng.uniform(-6...6)
            let skin = CanvasColor(hex: rng.pick([0xC68E65, 0xB07A52, 0x8D5B3A, 0xD9A37E]))
            let cloth = CanvasColor(hex: rng.pick([0x1F2430, 0x2B2B2B, 0xF2F2F2, 0x34495E]))
            // Shoulders.
            canvas.moveTo(x - 10, y + height)
            canvas.curveTo(x + 10, y + height * 0.72, cx - 40, y + height * 0.7, cx, y + height * 0.7)
            canvas.curveTo(cx + 40, y + height * 0.7, x + width - 10, y + height * 0.72, x + width + 10, y + height)
            canvas.closePath()
            canvas.fill(cloth)
            // Neck and head.
            canvas.rectangle(cx - 17, y + height * 0.5, 34, height * 0.22)
            canvas.fill(skin.scaled(0.9))
            let headY = y + height * 0.4
            if female, rng.chance(0.5) {
                canvas.ellipse(cx, headY + 8, rx: 60, ry: 76)
                canvas.fill(CanvasColor(hex: rng.pick([0x2B2B2B, 0x5A3E6B, 0x1F4E5F, 0xE8E2D0])))
            } else {
                canvas.ellipse(cx, headY - 16, rx: 50, ry: 46)
                canvas.fill(CanvasColor(hex: 0x1C1714))
            }
            canvas.ellipse(cx, headY, rx: 41, ry: 54)
            canvas.fill(skin)
            canvas.ellipse(cx - 15, headY - 6, rx: 5, ry: 3)
            canvas.ellipse(cx + 15, headY - 6, rx: 5, ry: 3)
            canvas.fill(CanvasColor(hex: 0x20160F))
            canvas.moveTo(cx - 13, headY + 25)
            canvas.curveTo(cx - 5, headY + 30, cx + 5, headY + 30, cx + 13, headY + 25)
            canvas.stroke(CanvasColor(hex: 0x6B3A2A), width: 2)
        }
    }

    /// The issuing city and date under the photo, and a signature squiggle.
    private static func drawIssue(
        _ canvas: CairoCanvas, identity: SyntheticIdentity, centreX: Double, top: Double,
        using rng: inout SeededGenerator
    ) {
        canvas.setFont(size: 17)
        for (line, offset) in [(identity.issuePlace, 26.0), (identity.issueDate.printed, 48.0)] {
            let width = min(canvas.textWidth(line), 220)
            canvas.text(line, x: centreX - width / 2, y: top + offset, color: ink, maxWidth: 220)
        }
        var x = centreX - 55, y = top + 82
        canvas.moveTo(x, y)
        for _ in 0..<4 {
            let nx = x + rng.uniform(20...34), ny = top + 82 + rng.uniform(-12...10)
            canvas.curveTo(
                x + rng.uniform(-5...15), y - rng.uniform(10...26), nx - rng.uniform(0...15),
                ny + rng.uniform(8...22), nx, ny)
            x = nx
            y = ny
        }
        canvas.stroke(CanvasColor(hex: 0x1B2A5C, alpha: 0.85), width: 1.8)
    }

    /// The SPESIMEN marks: large and rotated across the photo, small at the bottom left.
    private static func drawSpecimen(
        _ canvas: CairoCanvas, photoX: Double, photoY: Double, bottomX: Double,
        using rng: inout SeededGenerator
    ) {
        canvas.isolated {
            canvas.translate(photoX + 98, photoY + 123)
            canvas.rotate(-0.55 + rng.uniform(-0.08...0.08))
            canvas.setFont(size: 46, bold: true)
            let width = canvas.textWidth("SPESIMEN")
            // A white halo keeps the mark readable on the red backdrop.
            for (ox, oy) in [(-2.0, 0.0), (2, 0), (0, -2), (0, 2)] {
                canvas.text("SPESIMEN", x: -width / 2 + ox, y: 16 + oy, color: CanvasColor.white.with(alpha: 0.8))
            }
            canvas.text("SPESIMEN", x: -width / 2, y: 16, color: specimenRed)
        }
        canvas.setFont(size: 20, bold: true)
        canvas.text("SPESIMEN", x: bottomX, y: Double(baseHeight) - 24, color: specimenRed)
    }
}
