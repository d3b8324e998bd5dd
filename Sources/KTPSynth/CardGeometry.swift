/// Where a layout variant puts things, in base pixels of the 1012×638 card: the one place the
/// card's geometry is written down. ``CardStyle`` jitters these per card.
public struct CardGeometry: Sendable, Hashable {
    public var variant: LayoutVariant
    /// The two centred header lines (province, regency).
    public var headerSize: Double
    public var headerBaselines: (Double, Double)
    public var nikLabelSize: Double
    public var nikSize: Double
    public var nikBaseline: Double
    /// The label column's left edge, the colon column and the gap from colon to value.
    public var labelX: Double
    public var colonX: Double
    public var valueGap: Double
    public var rowSize: Double
    public var firstRowBaseline: Double
    public var rowPitch: Double
    /// How far RT/RW, Kel/Desa and Kecamatan sit right of the other labels.
    public var subIndent: Double
    /// The `Gol. Darah` label's distance right of the value column.
    public var bloodLabelOffset: Double
    public var photoX: Double
    public var photoY: Double
    public var photoWidth: Double
    public var photoHeight: Double
    public var issueSize: Double

    /// The measurements of `variant`.
    public static func of(_ variant: LayoutVariant) -> CardGeometry {
        switch variant {
        case .a:
            CardGeometry(
                variant: .a, headerSize: 27, headerBaselines: (46, 80), nikLabelSize: 31, nikSize: 35,
                nikBaseline: 134, labelX: 30, colonX: 228, valueGap: 16, rowSize: 20.5, firstRowBaseline: 176,
                rowPitch: 29.5, subIndent: 26, bloodLabelOffset: 215, photoX: 772, photoY: 150, photoWidth: 196,
                photoHeight: 246, issueSize: 17)
        case .b:
            CardGeometry(
                variant: .b, headerSize: 25, headerBaselines: (42, 73), nikLabelSize: 28, nikSize: 33,
                nikBaseline: 124, labelX: 24, colonX: 210, valueGap: 13, rowSize: 19.5, firstRowBaseline: 164,
                rowPitch: 27.5, subIndent: 20, bloodLabelOffset: 200, photoX: 786, photoY: 138, photoWidth: 188,
                photoHeight: 238, issueSize: 16)
        case .c:
            CardGeometry(
                variant: .c, headerSize: 28.5, headerBaselines: (50, 86), nikLabelSize: 33, nikSize: 37,
                nikBaseline: 142, labelX: 40, colonX: 252, valueGap: 19, rowSize: 21.5, firstRowBaseline: 186,
                rowPitch: 28.5, subIndent: 32, bloodLabelOffset: 185, photoX: 762, photoY: 166, photoWidth: 200,
                photoHeight: 250, issueSize: 18)
        }
    }

    public static func == (lhs: CardGeometry, rhs: CardGeometry) -> Bool { lhs.variant == rhs.variant }
    public func hash(into hasher: inout Hasher) { hasher.combine(variant) }
}
