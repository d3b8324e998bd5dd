import CCairo
import CTesseract
import KTPVision

/// An ARGB32 Cairo image surface with its drawing context: the one place the generator holds
/// Cairo pointers. Not `Sendable`; a canvas lives on the task that draws it.
public final class CairoCanvas {
    /// The surface size in device pixels.
    public let width: Int
    public let height: Int
    private let surface: OpaquePointer
    private let context: OpaquePointer

    /// A transparent surface; throws when Cairo cannot allocate it.
    public init(width: Int, height: Int) throws(SynthError) {
        guard width > 0, height > 0,
            let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height))
        else { throw SynthError(.canvasFailed, "\(width)×\(height)") }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let context = cairo_create(surface) else {
            cairo_surface_destroy(surface)
            throw SynthError(.canvasFailed, "\(width)×\(height)")
        }
        self.width = width
        self.height = height
        self.surface = surface
        self.context = context
        cairo_set_antialias(context, CAIRO_ANTIALIAS_GRAY)
    }

    deinit {
        cairo_destroy(context)
        cairo_surface_destroy(surface)
    }

    // MARK: State

    /// Transforms of user space, as in Cairo; undo them with ``isolated(_:)``.
    public func translate(_ x: Double, _ y: Double) { cairo_translate(context, x, y) }
    public func rotate(_ radians: Double) { cairo_rotate(context, radians) }
    public func scale(_ x: Double, _ y: Double) { cairo_scale(context, x, y) }

    /// Runs `body` with the state saved, so transforms and clips made inside do not leak.
    public func isolated(_ body: () throws -> Void) rethrows {
        cairo_save(context)
        defer { cairo_restore(context) }
        try body()
    }

    /// Restricts drawing to the current path (intersected with any earlier clip).
    public func clip() { cairo_clip(context) }

    // MARK: Paths

    /// Path building, as in Cairo.
    public func moveTo(_ x: Double, _ y: Double) { cairo_move_to(context, x, y) }
    public func lineTo(_ x: Double, _ y: Double) { cairo_line_to(context, x, y) }
    public func curveTo(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ x3: Double, _ y3: Double) {
        cairo_curve_to(context, x1, y1, x2, y2, x3, y3)
    }
    public func closePath() { cairo_close_path(context) }

    /// Adds an axis-aligned rectangle to the path.
    public func rectangle(_ x: Double, _ y: Double, _ width: Double, _ height: Double) {
        cairo_rectangle(context, x, y, width, height)
    }

    /// A rectangle with circular corners of `radius`, as ID cards and photo boxes have.
    public func roundedRectangle(_ x: Double, _ y: Double, _ width: Double, _ height: Double, radius: Double) {
        let r = min(radius, width / 2, height / 2)
        cairo_new_sub_path(context)
        cairo_arc(context, x + width - r, y + r, r, -Double.pi / 2, 0)
        cairo_arc(context, x + width - r, y + height - r, r, 0, Double.pi / 2)
        cairo_arc(context, x + r, y + height - r, r, Double.pi / 2, Double.pi)
        cairo_arc(context, x + r, y + r, r, Double.pi, 3 * Double.pi / 2)
        cairo_close_path(context)
    }

    /// An ellipse centred on `(cx, cy)`.
    public func ellipse(_ cx: Double, _ cy: Double, rx: Double, ry: Double) {
        cairo_save(context)
        cairo_translate(context, cx, cy)
        cairo_scale(context, rx, ry)
        cairo_new_sub_path(context)
        cairo_arc(context, 0, 0, 1, 0, 2 * Double.pi)
        cairo_restore(context)
    }

    /// Adds a circular arc as its own sub-path, so no line joins it to the previous point.
    public func arc(_ cx: Double, _ cy: Double, radius: Double, from start: Double, to end: Double) {
        cairo_new_sub_path(context)
        cairo_arc(context, cx, cy, radius, start, end)
    }

    // MARK: Painting

    /// Fills the current path and clears it.
    public func fill(_ paint: CanvasPaint) {
        withSource(paint) { cairo_fill(context) }
    }

    /// Strokes the current path and clears it.
    public func stroke(_ paint: CanvasPaint, width: Double) {
        cairo_set_line_width(context, width)
        cairo_set_line_cap(context, CAIRO_LINE_CAP_ROUND)
        cairo_set_line_join(context, CAIRO_LINE_JOIN_ROUND)
        withSource(paint) { cairo_stroke(context) }
    }

    /// Shorthands for a solid colour.
    public func fill(_ color: CanvasColor) { fill(.solid(color)) }
    public func stroke(_ color: CanvasColor, width: Double) { stroke(.solid(color), width: width) }

    /// Paints the whole clip region.
    public func paint(_ paint: CanvasPaint) {
        withSource(paint) { cairo_paint(context) }
    }

    /// Film-grain-like noise: a seeded gray tile, repeated, blended with `alpha` over the clip.
    /// Cheaper than per-pixel noise and still breaks up flat areas as real textures do.
    public func paintNoise(using rng: inout SeededGenerator, alpha: Double, tile: Int = 96) {
        guard let noise = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(tile), Int32(tile)) else { return }
        defer { cairo_surface_destroy(noise) }
        cairo_surface_flush(noise)
        let stride = Int(cairo_image_surface_get_stride(noise))
        if let data = cairo_image_surface_get_data(noise) {
            for y in 0..<tile {
                let row = UnsafeMutableRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
                for x in 0..<tile {
                    let v = UInt32(truncatingIfNeeded: rng.next() >> 56)
                    row[x] = 0xFF00_0000 | v << 16 | v << 8 | v
                }
            }
        }
        cairo_surface_mark_dirty(noise)
        let pattern = cairo_pattern_create_for_surface(noise)
        cairo_pattern_set_extend(pattern, CAIRO_EXTEND_REPEAT)
        cairo_pattern_set_filter(pattern, CAIRO_FILTER_NEAREST)
        cairo_set_source(context, pattern)
        cairo_paint_with_alpha(context, alpha)
        cairo_pattern_destroy(pattern)
    }

    private func withSource(_ paint: CanvasPaint, _ body: () -> Void) {
        switch paint {
        case .solid(let c):
            cairo_set_source_rgba(context, c.red, c.green, c.blue, c.alpha)
            body()
        case let .linear(x0, y0, x1, y1, stops):
            let pattern = cairo_pattern_create_linear(x0, y0, x1, y1)
            addStops(stops, to: pattern)
            cairo_set_source(context, pattern)
            body()
            cairo_pattern_destroy(pattern)
        case let .radial(cx, cy, r0, r1, stops):
            let pattern = cairo_pattern_create_radial(cx, cy, r0, cx, cy, r1)
            addStops(stops, to: pattern)
            cairo_set_source(context, pattern)
            body()
            cairo_pattern_destroy(pattern)
        }
    }

    private func addStops(_ stops: [GradientStop], to pattern: OpaquePointer?) {
        for stop in stops {
            let c = stop.color
            cairo_pattern_add_color_stop_rgba(pattern, stop.offset, c.red, c.green, c.blue, c.alpha)
        }
    }

    // MARK: Text

    /// Selects `family` (Liberation Sans, Arial-metric, unless told) at `size` pixels. `tracking` adds space
    /// after every character and `embolden` strokes the outlines, for weights between a face's own.
    public func setFont(
        size: Double, bold: Bool = false, family: String = "Liberation Sans",
        tracking: Double = 0, embolden: Double = 0
    ) {
        cairo_select_font_face(
            context, family, CAIRO_FONT_SLANT_NORMAL,
            bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(context, size)
        self.tracking = tracking
        self.embolden = embolden
    }

    private var tracking = 0.0
    private var embolden = 0.0

    /// The advance width of `text` in the current font, letter spacing included.
    public func textWidth(_ text: String) -> Double {
        var extents = cairo_text_extents_t()
        cairo_text_extents(context, text, &extents)
        return extents.x_advance + tracking * Double(max(0, text.count - 1))
    }

    /// The current font's ascent and descent, for boxes that hold any line of text.
    public func fontMetrics() -> (ascent: Double, descent: Double) {
        var extents = cairo_font_extents_t()
        cairo_font_extents(context, &extents)
        return (extents.ascent, extents.descent)
    }

    /// Draws `text` with its baseline starting at `(x, y)`; squeezes it horizontally when it is
    /// wider than `maxWidth`, as card printers do with long names. Returns the drawn width.
    @discardableResult
    public func text(
        _ text: String, x: Double, y: Double, color: CanvasColor,
        maxWidth: Double = .infinity
    ) -> Double {
        let natural = textWidth(text)
        let squeeze = natural > maxWidth ? maxWidth / natural : 1
        cairo_save(context)
        cairo_translate(context, x, y)
        cairo_scale(context, squeeze, 1)
        cairo_set_source_rgba(context, color.red, color.green, color.blue, color.alpha)
        if tracking == 0, embolden == 0 {
            cairo_move_to(context, 0, 0)
            cairo_show_text(context, text)
        } else {
            // Character by character: Cairo's toy text API has no letter spacing (and no kerning to lose).
            var pen = 0.0
            for character in text {
                let glyph = String(character)
                cairo_move_to(context, pen, 0)
                if embolden > 0 {
                    cairo_text_path(context, glyph)
                    cairo_set_line_width(context, embolden)
                    cairo_set_line_join(context, CAIRO_LINE_JOIN_ROUND)
                    cairo_fill_preserve(context)
                    cairo_stroke(context)
                } else {
                    cairo_show_text(context, glyph)
                }
                var extents = cairo_text_extents_t()
                cairo_text_extents(context, glyph, &extents)
                pen += extents.x_advance + tracking
            }
        }
        cairo_restore(context)
        return natural * squeeze
    }

    // MARK: Conversion

    /// The surface as interleaved RGB, un-premultiplying Cairo's native-endian `0xAARRGGBB` words.
    public func rgbImage() -> RGBImage {
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        pixels.withUnsafeMutableBufferPointer { target in
            forEachRow { y, row in
                var i = y * width * 3
                for x in 0..<width {
                    let (r, g, b) = Self.straight(row[x])
                    target[i] = r
                    target[i + 1] = g
                    target[i + 2] = b
                    i += 3
                }
            }
        }
        return RGBImage(width: width, height: height, pixels: pixels)
    }

    /// The surface as a 32 bpp Leptonica raster (`0xRRGGBB00` words), without an RGB detour.
    public func raster() throws(SynthError) -> Raster {
        guard let pix = pixCreate(Int32(width), Int32(height), 32) else {
            throw SynthError(.imageOperationFailed, "pixCreate")
        }
        forEachRow { y, row in
            let target = ktp_pix_row(pix, Int32(y))!
            for x in 0..<width {
                let (r, g, b) = Self.straight(row[x])
                target[x] = UInt32(r) << 24 | UInt32(g) << 16 | UInt32(b) << 8
            }
        }
        return Raster(owning: pix)!
    }

    /// The green channel as an 8 bpp raster: masks are drawn white on black, so any channel will do.
    public func grayRaster() throws(SynthError) -> Raster {
        guard let pix = pixCreate(Int32(width), Int32(height), 8) else {
            throw SynthError(.imageOperationFailed, "pixCreate")
        }
        forEachRow { y, row in
            let target = UnsafeMutableRawPointer(ktp_pix_row(pix, Int32(y))!).assumingMemoryBound(to: UInt8.self)
            // Leptonica stores bytes big-endian within each 32-bit word.
            for x in 0..<width { target[x ^ 3] = UInt8(truncatingIfNeeded: row[x] >> 8) }
        }
        return Raster(owning: pix)!
    }

    private func forEachRow(_ body: (Int, UnsafePointer<UInt32>) -> Void) {
        cairo_surface_flush(surface)
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard let data = cairo_image_surface_get_data(surface) else { return }
        for y in 0..<height {
            body(y, UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self))
        }
    }

    private static func straight(_ word: UInt32) -> (UInt8, UInt8, UInt8) {
        let a = word >> 24
        var r = word >> 16 & 0xFF, g = word >> 8 & 0xFF, b = word & 0xFF
        if a == 0 { return (0, 0, 0) }
        if a < 255 {
            r = min(255, (r * 255 + a / 2) / a)
            g = min(255, (g * 255 + a / 2) / a)
            b = min(255, (b * 255 + a / 2) / a)
        }
        return (UInt8(r), UInt8(g), UInt8(b))
    }
}
