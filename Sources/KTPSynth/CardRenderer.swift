import Foundation
import KTPContract
import KTPVision

/// Draws a SPESIMEN e-KTP in the national layout, in a ``CardStyle`` (layout variant, faces,
/// weights, spacing, label spellings), so that a reader cannot overfit one pixel layout.
public enum CardRenderer {
    /// 85.6 × 54 mm at about 300 dpi.
    public static let baseWidth = 1012
    public static let baseHeight = 638

    static let specimenRed = CanvasColor(hex: 0xD7191C)

    /// Renders `identity` in `style` at `scale` image pixels per base pixel.
    public static func render(
        _ identity: SyntheticIdentity, style: CardStyle = .classic, scale: Double = 1,
        using rng: inout SeededGenerator
    ) throws(SynthError) -> RenderedCard {
        let width = Int((Double(baseWidth) * scale).rounded())
        let height = Int((Double(baseHeight) * scale).rounded())
        let canvas = try CairoCanvas(width: width, height: height)
        canvas.scale(scale, scale)
        CardBackground.draw(canvas, width: Double(baseWidth), height: Double(baseHeight), using: &rng)

        let layout = CardGeometry.of(style.layout)
        let ink = style.ink
        let fields = identity.printedFields
        let (dx, dy, size) = (style.shiftX, style.shiftY, style.sizeScale)
        var lines: [FieldKey: [PixelRect]] = [:]
        var variants = identity.printedVariants

        // Header: two centred bold lines.
        let centreX = 506 + dx + rng.uniform(-6...6)
        canvas.setFont(size: layout.headerSize * size, bold: true, family: style.labelFace.family)
        let (header1, header2) = (layout.headerBaselines.0 + dy, layout.headerBaselines.1 + dy)
        let line1 = "PROVINSI " + fields[.state]
        let line1Width = min(canvas.textWidth(line1), 900)
        let line1X = centreX - line1Width / 2
        canvas.text(line1, x: line1X, y: header1, color: ink, maxWidth: 900)
        let prefixWidth = canvas.textWidth("PROVINSI ") * line1Width / canvas.textWidth(line1)
        lines[.state] = [box(canvas, x: line1X + prefixWidth, y: header1, width: line1Width - prefixWidth)]
        let line2Width = min(canvas.textWidth(fields[.city]), 900)
        canvas.text(fields[.city], x: centreX - line2Width / 2, y: header2, color: ink, maxWidth: 900)
        lines[.city] = [box(canvas, x: centreX - line2Width / 2, y: header2, width: line2Width)]

        // NIK row, larger and bold.
        let labelX = layout.labelX + dx + style.labelColumnShift
        let colonX = layout.colonX + dx + style.valueColumnShift
        let photoX = layout.photoX + dx * 0.5
        let photoY = layout.photoY + dy
        let nikY = layout.nikBaseline + dy
        canvas.setFont(size: layout.nikLabelSize * size, bold: true, family: style.labelFace.family)
        canvas.text("NIK", x: labelX, y: nikY, color: ink)
        canvas.text(":", x: colonX - 24, y: nikY, color: ink)
        if style.nikInOCRA {
            canvas.setFont(
                size: layout.nikSize * size, family: CardFace.ocrAFamily, tracking: style.nikTracking,
                embolden: style.nikEmbolden)
        } else {
            canvas.setFont(
                size: layout.nikSize * size, bold: true, family: style.valueFace.family,
                tracking: style.nikTracking / 3)
        }
        let nikX = colonX - 6
        let nikWidth = canvas.text(fields[.nik], x: nikX, y: nikY + 1, color: ink, maxWidth: photoX + 150 - nikX)
        lines[.nik] = [box(canvas, x: nikX, y: nikY + 1, width: nikWidth)]

        // Label / colon / value rows.
        let rowSize = layout.rowSize * size
        func labelFont() {
            canvas.setFont(
                size: rowSize, family: style.labelFace.family, tracking: style.labelTracking,
                embolden: style.labelEmbolden)
        }
        func valueFont() {
            canvas.setFont(
                size: rowSize, family: style.valueFace.family, tracking: style.valueTracking,
                embolden: style.valueEmbolden)
        }
        let step = layout.rowPitch * style.pitchScale
        let valueX = colonX + layout.valueGap
        let maxValue = photoX - 14 - valueX
        var y = layout.firstRowBaseline + dy
        for row in CardRow.standard {
            let indent = row.indented ? layout.subIndent : 0
            labelFont()
            let label = row.labels[labelVariant(row, style)]
            canvas.text(label, x: labelX + indent, y: y, color: ink, maxWidth: colonX - labelX - indent - 8)
            canvas.text(":", x: colonX, y: y, color: ink)
            valueFont()
            switch row.content {
            case .value(let key):
                let printed = row.wraps ? wrapped(fields[key], canvas: canvas, maxWidth: maxValue) : [fields[key]]
                if printed.count > 1 { variants.append(key == .fullName ? "wrapped-name" : "wrapped-address") }
                for (index, text) in printed.enumerated() {
                    let lineY = y + Double(index) * step
                    let drawn = canvas.text(text, x: valueX, y: lineY, color: ink, maxWidth: maxValue)
                    lines[key, default: []].append(box(canvas, x: valueX, y: lineY, width: drawn))
                }
                y += step * Double(printed.count)
            case .birth:
                let place = fields[.placeOfBirth] + ", "
                let birth = place + fields[.dateOfBirth]
                let birthScale = min(1, maxValue / canvas.textWidth(birth))
                canvas.text(birth, x: valueX, y: y, color: ink, maxWidth: maxValue)
                let placeWidth = canvas.textWidth(fields[.placeOfBirth]) * birthScale
                let dateX = valueX + canvas.textWidth(place) * birthScale
                let dateWidth = canvas.textWidth(fields[.dateOfBirth]) * birthScale
                lines[.placeOfBirth] = [box(canvas, x: valueX, y: y, width: placeWidth)]
                lines[.dateOfBirth] = [box(canvas, x: dateX, y: y, width: dateWidth)]
                y += step
            case .genderAndBlood:
                let bloodLabelX = valueX + layout.bloodLabelOffset * size + rng.uniform(-8...8)
                labelFont()
                let bloodLabel = CardRow.bloodLabels[style.undottedBloodLabel ? 1 : 0]
                if style.omitsBloodLabel {
                    variants.append("no-blood-label")
                } else {
                    canvas.text(bloodLabel, x: bloodLabelX, y: y, color: ink)
                }
                let bloodColonX = bloodLabelX + canvas.textWidth(bloodLabel) + 10
                canvas.text(":", x: bloodColonX, y: y, color: ink)
                valueFont()
                let bloodWidth = canvas.text(fields[.bloodType], x: bloodColonX + 14, y: y, color: ink)
                lines[.bloodType] = [box(canvas, x: bloodColonX + 14, y: y, width: bloodWidth)]
                let genderWidth = canvas.text(
                    fields[.gender], x: valueX, y: y, color: ink, maxWidth: bloodLabelX - valueX - 10)
                lines[.gender] = [box(canvas, x: valueX, y: y, width: genderWidth)]
                y += step
            }
        }
        if style.lowercaseGenderLabel { variants.append("lowercase-label") }

        drawPhoto(
            canvas, x: photoX, y: photoY, width: layout.photoWidth, height: layout.photoHeight,
            female: identity.isFemale, using: &rng)
        canvas.setFont(size: layout.issueSize * size, family: style.valueFace.family)
        drawIssue(
            canvas, identity: identity, ink: ink, centreX: photoX + layout.photoWidth / 2,
            top: photoY + layout.photoHeight, using: &rng)
        drawSpecimen(
            canvas, photoCentreX: photoX + layout.photoWidth / 2, photoCentreY: photoY + layout.photoHeight / 2,
            bottomX: labelX, using: &rng)

        return RenderedCard(
            image: canvas.rgbImage(), lineBoxes: lines, scale: scale, cornerRadius: 30 * scale,
            printedVariants: variants)
    }

    /// Which of a row's label spellings `style` prints.
    private static func labelVariant(_ row: CardRow, _ style: CardStyle) -> Int {
        guard row.labels.count > 1 else { return 0 }
        switch row.content {
        case .birth: return style.dottedBirthLabel ? 1 : 0
        case .genderAndBlood: return style.lowercaseGenderLabel ? 1 : 0
        case .value: return 0
        }
    }

    /// `text` as printed in a column `maxWidth` wide: one line, squeezed a little if need be, or
    /// broken at the last space that fits, as printers wrap long names and addresses.
    static func wrapped(_ text: String, canvas: CairoCanvas, maxWidth: Double) -> [String] {
        guard canvas.textWidth(text) > maxWidth * 1.12 else { return [text] }
        let words = text.split(separator: " ").map(String.init)
        var first = words[0]
        var index = 1
        while index < words.count - 1, canvas.textWidth(first + " " + words[index]) <= maxWidth {
            first += " " + words[index]
            index += 1
        }
        guard index < words.count else { return [text] }
        return [first, words[index...].joined(separator: " ")]
    }

    private static func box(_ canvas: CairoCanvas, x: Double, y: Double, width: Double) -> PixelRect {
        let (ascent, descent) = canvas.fontMetrics()
        let top = (y - ascent * 0.8).rounded(.down)
        return PixelRect(
            x: Int(x.rounded(.down)), y: Int(top), width: Int(width.rounded(.up)),
            height: Int((y + descent * 0.6).rounded(.up) - top))
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
        _ canvas: CairoCanvas, identity: SyntheticIdentity, ink: CanvasColor, centreX: Double, top: Double,
        using rng: inout SeededGenerator
    ) {
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
        _ canvas: CairoCanvas, photoCentreX: Double, photoCentreY: Double, bottomX: Double,
        using rng: inout SeededGenerator
    ) {
        canvas.isolated {
            canvas.translate(photoCentreX, photoCentreY)
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
