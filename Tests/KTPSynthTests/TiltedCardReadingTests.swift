import Foundation
import KTPContract
import Testing
@testable import KTPVision
import KTPSynth

/// The engine's reading of a whole photo, real Tesseract included, when the locator has not
/// framed the card and nothing but the text itself can undo its tilt.
@Suite struct TiltedCardReadingTests {
    /// A card turned by `degrees` on ruled paper, the lines of which mislead a stroke-based skew search.
    static func photo(degrees: Double, seed: UInt64) throws -> (SyntheticIdentity, Raster) {
        var rng = SeededGenerator(seed: seed)
        var identity = try SyntheticIdentity.random(regions: try TestFixtures.regions(), using: &rng)
        // One line per value: this measures levelling a tilt, not reading an address wrapped onto two lines.
        identity.fields[.address] = "JL. MAWAR NO. 17"
        let card = try CardRenderer.render(identity, scale: 0.85, using: &rng)
        let (width, height) = (1200, 900)
        let angle = degrees * .pi / 180
        let (cx, cy) = (Double(width) / 2, Double(height) / 2)
        func corner(_ u: Double, _ v: Double) -> Point {
            let (du, dv) = (u * Double(card.image.width) / 2, v * Double(card.image.height) / 2)
            return Point(x: cx + cos(angle) * du - sin(angle) * dv, y: cy + sin(angle) * du + cos(angle) * dv)
        }
        let quad = Quad(
            topLeft: corner(-1, -1), topRight: corner(1, -1), bottomRight: corner(1, 1), bottomLeft: corner(-1, 1))
        let layout = PhotoLayout(width: width, height: height, quad: quad, scale: 0.85)
        let background = try BackgroundPainter.paint(.linedPaper, width: width, height: height, using: &rng)
        return (identity, try PhotoComposer.compose(card, onto: background, layout: layout, using: &rng))
    }

    @Test(arguments: [-10.5, 10.0])
    func aSteeplyTiltedCardIsLevelledUntilItsValuesMeetTheirLabels(degrees: Double) throws {
        let (identity, photo) = try Self.photo(degrees: degrees, seed: 11)
        let extractor = try KTPExtractor()
        let reading = extractor.read(photo, mode: .plain, glare: false)
        let card = FieldNormalizer(regions: try TestFixtures.regions()).normalize(reading.raw)
        for key in [FieldKey.nik, .fullName, .address, .rtRw, .occupation] {
            #expect(card.fields[key] == identity.fields[key], "\(key)")
        }
    }
}
