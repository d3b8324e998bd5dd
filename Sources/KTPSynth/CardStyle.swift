/// How one card is printed: its layout variant, faces, weights, sizes, spacing and offsets, and
/// which label variants it uses. Drawn per card from the data set's ``VariantPools``.
public struct CardStyle: Sendable, Hashable {
    public var layout: LayoutVariant
    public var labelFace: CardFace
    public var valueFace: CardFace
    /// OCR-A for the NIK, as on most cards; otherwise the value face in bold.
    public var nikInOCRA: Bool
    /// Stroke widths added to glyph outlines (base pixels): heavier weights than the face's regular.
    public var labelEmbolden: Double
    public var valueEmbolden: Double
    public var nikEmbolden: Double
    /// A factor on every text size.
    public var sizeScale: Double
    /// Letter spacing, base pixels.
    public var labelTracking: Double
    public var valueTracking: Double
    public var nikTracking: Double
    /// Offsets of the whole print, of the label column and of the value column.
    public var shiftX: Double
    public var shiftY: Double
    public var labelColumnShift: Double
    public var valueColumnShift: Double
    /// A factor on the row pitch.
    public var pitchScale: Double
    /// `Jenis kelamin`, `Tempat/Tgl. Lahir`, `Gol Darah`: the other spellings of labels.
    public var lowercaseGenderLabel: Bool
    public var dottedBirthLabel: Bool
    public var undottedBloodLabel: Bool
    /// Some printers leave out the `Gol. Darah` label and print only its colon and value.
    public var omitsBloodLabel: Bool
    public var ink: CanvasColor

    /// The look of the cards drawn before variants existed: layout a, Liberation Sans throughout.
    public static let classic = CardStyle(
        layout: .a, labelFace: .liberation, valueFace: .liberation, nikInOCRA: false, labelEmbolden: 0,
        valueEmbolden: 0, nikEmbolden: 0, sizeScale: 1, labelTracking: 0, valueTracking: 0, nikTracking: 0,
        shiftX: 0, shiftY: 0, labelColumnShift: 0, valueColumnShift: 0, pitchScale: 1, lowercaseGenderLabel: false,
        dottedBirthLabel: false, undottedBloodLabel: false, omitsBloodLabel: false, ink: CanvasColor(hex: 0x1A1A1E))

    /// A style from `pools`, within what real cards show.
    public static func random(from pools: VariantPools, using rng: inout SeededGenerator) -> CardStyle {
        let valueFace = rng.pick(pools.faces)
        let labelFace = rng.chance(0.7) ? valueFace : rng.pick(pools.faces)
        let heavy = rng.chance(0.25)
        return CardStyle(
            layout: rng.pick(pools.layouts),
            labelFace: labelFace,
            valueFace: valueFace,
            nikInOCRA: rng.chance(0.85),
            labelEmbolden: heavy ? rng.uniform(0.2...0.7) : 0,
            valueEmbolden: heavy || rng.chance(0.2) ? rng.uniform(0.2...0.8) : 0,
            nikEmbolden: rng.uniform(0.6...1.6),
            sizeScale: rng.uniform(0.93...1.06),
            labelTracking: rng.chance(0.6) ? 0 : rng.uniform(-0.3...0.9),
            valueTracking: rng.chance(0.5) ? 0 : rng.uniform(-0.4...1.2),
            nikTracking: rng.uniform(0...3.5),
            shiftX: rng.uniform(-8...8),
            shiftY: rng.uniform(-6...6),
            labelColumnShift: rng.uniform(-6...6),
            valueColumnShift: rng.uniform(-12...12),
            pitchScale: rng.uniform(0.96...1.03),
            lowercaseGenderLabel: rng.chance(0.35),
            dottedBirthLabel: rng.chance(0.2),
            undottedBloodLabel: rng.chance(0.15),
            omitsBloodLabel: rng.chance(0.08),
            ink: CanvasColor(hex: rng.pick([0x1A1A1E, 0x202028, 0x2A2A35, 0x15171F, 0x3A3A46]))
        )
    }
}
