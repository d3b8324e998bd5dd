import Foundation

/// Draws images that are not KTPs but share their look: other Indonesian cards, paper, a plain
/// photo. All names are fictional and every card carries SPESIMEN.
public enum NegativeRenderer {
    static let ink = CanvasColor(hex: 0x1C1C1C)

    /// Renders a card or paper `kind` at `scale`; `.photo` is drawn by ``renderScene``.
    public static func render(
        _ kind: NegativeKind, scale: Double = 1,
        using rng: inout SeededGenerator
    ) throws(SynthError) -> RenderedCard {
        let base = kind == .photo ? (CardRenderer.baseWidth, CardRenderer.baseHeight) : kind.baseSize
        let canvas = try CairoCanvas(
            width: Int((Double(base.0) * scale).rounded()),
            height: Int((Double(base.1) * scale).rounded()))
        canvas.scale(scale, scale)
        let (w, h) = (Double(base.0), Double(base.1))
        switch kind {
        case .studentID: drawStudentID(canvas, w, h, using: &rng)
        case .bankCard: drawBankCard(canvas, w, h, using: &rng)
        case .drivingLicence: drawDrivingLicence(canvas, w, h, using: &rng)
        case .taxCard: drawTaxCard(canvas, w, h, using: &rng)
        case .textPage: drawTextPage(canvas, w, h, using: &rng)
        case .receipt: drawReceipt(canvas, w, h, using: &rng)
        case .photo: drawScene(canvas, w, h, using: &rng)
        }
        if kind.isCard {
            canvas.setFont(size: 20, bold: true)
            canvas.text("SPESIMEN", x: w - 150, y: h - 22, color: CardRenderer.specimenRed)
        }
        return RenderedCard(
            image: canvas.rgbImage(), fieldBoxes: [:], scale: scale,
            cornerRadius: kind.isCard ? 30 * scale : 0)
    }

    /// An abstract outdoor scene filling a whole `width`×`height` frame.
    public static func renderScene(
        width: Int, height: Int,
        using rng: inout SeededGenerator
    ) throws(SynthError) -> CairoCanvas {
        let canvas = try CairoCanvas(width: width, height: height)
        drawScene(canvas, Double(width), Double(height), using: &rng)
        return canvas
    }

    // MARK: Cards

    private static func drawStudentID(_ c: CairoCanvas, _ w: Double, _ h: Double, using rng: inout SeededGenerator) {
        let accent = CanvasColor(hex: rng.pick([0x0B5D3B, 0x1B3F8F, 0x7A1F2B, 0xB8860B]))
        c.rectangle(0, 0, w, h)
        c.fill(CanvasColor(hex: 0xF7F7F2))
        c.rectangle(0, 0, w, 150)
        c.fill(accent)
        c.arc(90, 75, radius: 52, from: 0, to: 2 * .pi)
        c.fill(CanvasColor(hex: 0xF4D03F))
        c.setFont(size: 30, bold: true)
        c.text(
            "UNIVERSITAS " + rng.pick(["NUSANTARA JAYA", "BINA PERSADA", "CENDEKIA MANDIRI"]),
            x: 165, y: 65, color: .white)
        c.setFont(size: 26)
        c.text("KARTU TANDA MAHASISWA", x: 165, y: 110, color: .white)
        let rows = [
            ("NIM", String(rng.int(10_000_000...99_999_999)) + String(rng.int(10...99))),
            ("Nama", SyntheticIdentity.name(isFemale: rng.chance(0.5), using: &rng)),
            ("Fakultas", rng.pick(["TEKNIK", "EKONOMI DAN BISNIS", "HUKUM", "ILMU KOMPUTER", "KEDOKTERAN"])),
            ("Program Studi", rng.pick(["INFORMATIKA", "AKUNTANSI", "ILMU HUKUM", "TEKNIK SIPIL", "MANAJEMEN"])),
            ("Angkatan", String(rng.int(2018...2025))),
        ]
        drawRows(c, rows, x: 40, colon: 250, top: 220, step: 46, size: 26, maxWidth: 420)
        drawPhotoBox(c, x: w - 260, y: 190, width: 200, height: 250, using: &rng)
    }

    private static func drawBankCard(_ c: CairoCanvas, _ w: Double, _ h: Double, using rng: inout SeededGenerator) {
        let (a, b) = rng.pick([(0x0E2A5C, 0x1F5FA8), (0x1A1A1A, 0x4A4A4A), (0x6B0F1A, 0xB22234), (0x0B4D3C, 0x1E8C6E)])
        c.rectangle(0, 0, w, h)
        c.fill(
            .linear(
                x0: 0, y0: 0, x1: w, y1: h,
                stops: [
                    GradientStop(0, CanvasColor(hex: UInt32(a))),
                    GradientStop(1, CanvasColor(hex: UInt32(b))),
                ]))
        for k in 0..<6 {
            c.arc(w * 0.8, h * 0.2, radius: 120 + Double(k) * 60, from: 0, to: 2 * .pi)
            c.stroke(CanvasColor.white.with(alpha: 0.06), width: 18)
        }
        c.setFont(size: 38, bold: true)
        c.text("BANK " + rng.pick(["SEJAHTERA", "NUSANTARA", "MAKMUR RAYA", "PERSADA"]), x: 60, y: 90, color: .white)
        c.roundedRectangle(90, 220, 130, 100, radius: 14)
        c.fill(
            .linear(
                x0: 90, y0: 220, x1: 220, y1: 320,
                stops: [
                    GradientStop(0, CanvasColor(hex: 0xE8C872)),
                    GradientStop(1, CanvasColor(hex: 0xB8923A)),
                ]))
        let groups = (0..<4).map { _ in CalendarDate.fourDigits(rng.int(0...9999)) }
        c.setFont(size: 54, family: "Liberation Mono")
        c.text(groups.joined(separator: " "), x: 80, y: 420, color: CanvasColor(hex: 0xF0F0F0))
        c.setFont(size: 18)
        c.text("VALID", x: 420, y: 462, color: .white)
        c.text("THRU", x: 420, y: 482, color: .white)
        c.setFont(size: 32, family: "Liberation Mono")
        let expiry = CalendarDate.twoDigits(rng.int(1...12)) + "/" + CalendarDate.twoDigits(rng.int(26...32))
        c.text(expiry, x: 480, y: 482, color: .white)
        c.setFont(size: 34, family: "Liberation Mono")
        c.text(
            SyntheticIdentity.name(isFemale: rng.chance(0.5), using: &rng), x: 80, y: 560, color: .white,
            maxWidth: 700)
    }

    private static func drawDrivingLicence(
        _ c: CairoCanvas, _ w: Double, _ h: Double,
        using rng: inout SeededGenerator
    ) {
        c.rectangle(0, 0, w, h)
        c.fill(
            .linear(
                x0: 0, y0: 0, x1: w, y1: 0,
                stops: [
                    GradientStop(0, CanvasColor(hex: 0xF6E7C1)), GradientStop(1, CanvasColor(hex: 0xE9F0F7)),
                ]))
        c.setFont(size: 22, bold: true)
        c.text("KEPOLISIAN NEGARA REPUBLIK INDONESIA", x: 200, y: 48, color: CanvasColor(hex: 0x5A3A12))
        c.setFont(size: 36, bold: true)
        c.text("SURAT IZIN MENGEMUDI", x: 200, y: 95, color: CanvasColor(hex: 0x8B1A1A))
        c.setFont(size: 80, bold: true)
        c.text(rng.pick(["A", "C", "B I", "B II"]), x: 40, y: 120, color: CanvasColor(hex: 0x8B1A1A))
        let rows = [
            ("Nama", SyntheticIdentity.name(isFemale: rng.chance(0.5), using: &rng)),
            ("Alamat", SyntheticIdentity.address(using: &rng)),
            (
                "Tempat & Tgl. Lahir",
                rng.pick(["BANDUNG", "MEDAN", "SURABAYA", "MAKASSAR"]) + ", "
                    + CalendarDate.random(in: 1960...2005, using: &rng).printed
            ),
            ("Tinggi", "\(rng.int(150...185)) cm"),
            ("Pekerjaan", rng.pick(["KARYAWAN SWASTA", "WIRASWASTA", "PELAJAR/MAHASISWA", "PEDAGANG"])),
            ("No. SIM", (0..<3).map { _ in CalendarDate.fourDigits(rng.int(0...9999)) }.joined(separator: "-")),
        ]
        drawRows(c, rows, x: 40, colon: 270, top: 190, step: 50, size: 24, maxWidth: 420)
        drawPhotoBox(c, x: w - 250, y: 170, width: 190, height: 240, using: &rng)
    }

    private static func drawTaxCard(_ c: CairoCanvas, _ w: Double, _ h: Double, using rng: inout SeededGenerator) {
        c.rectangle(0, 0, w, h)
        c.fill(CanvasColor(hex: 0xF4F1E8))
        for k in 0..<30 {
            c.moveTo(0, Double(k) * 24)
            c.curveTo(w * 0.3, Double(k) * 24 - 30, w * 0.6, Double(k) * 24 + 30, w, Double(k) * 24)
            c.stroke(CanvasColor(hex: 0xD9C27A, alpha: 0.25), width: 1)
        }
        c.rectangle(0, 0, w, 130)
        c.fill(CanvasColor(hex: 0x13294B))
        c.setFont(size: 26, bold: true)
        c.text("KEMENTERIAN KEUANGAN REPUBLIK INDONESIA", x: 40, y: 55, color: .white)
        c.text("DIREKTORAT JENDERAL PAJAK", x: 40, y: 100, color: CanvasColor(hex: 0xF2C94C))
        c.setFont(size: 44, bold: true)
        let number =
            CalendarDate.twoDigits(rng.int(1...99)) + "." + String(rng.int(100...999)) + "."
            + String(rng.int(100...999)) + "." + String(rng.int(1...9)) + "-" + String(rng.int(100...999)) + ".000"
        c.text("NPWP : " + number, x: 40, y: 230, color: ink)
        c.setFont(size: 30, bold: true)
        c.text(SyntheticIdentity.name(isFemale: rng.chance(0.5), using: &rng), x: 40, y: 310, color: ink)
        c.setFont(size: 24)
        c.text(SyntheticIdentity.address(using: &rng), x: 40, y: 360, color: ink)
        c.text("KOTA " + rng.pick(["SEMARANG", "BOGOR", "MALANG", "PADANG"]), x: 40, y: 395, color: ink)
        c.setFont(size: 20)
        c.text(
            "Tanggal Terdaftar " + CalendarDate.random(in: 2005...2024, using: &rng).printed,
            x: 40, y: 520, color: ink)
    }

    // MARK: Paper

    static let words = [
        "yang", "dan", "di", "ini", "dengan", "untuk", "dari", "dalam", "akan", "pada", "tidak", "juga",
        "karena", "tersebut", "dapat", "oleh", "atau", "sudah", "saat", "masyarakat", "pemerintah", "daerah",
        "kegiatan", "pembangunan", "desa", "warga", "program", "pelayanan", "kesehatan", "pendidikan", "tahun",
        "kota", "wilayah", "rapat", "kerja", "bersama", "sesuai", "ketentuan", "laporan", "anggaran", "kepala",
        "bagian", "umum", "perlu", "segera", "dilaksanakan", "berdasarkan", "peraturan", "menteri", "bulan",
    ]

    private static func drawTextPage(_ c: CairoCanvas, _ w: Double, _ h: Double, using rng: inout SeededGenerator) {
        c.rectangle(0, 0, w, h)
        c.fill(CanvasColor(hex: rng.pick([0xFFFFFF, 0xFBFAF5, 0xF7F5EE])))
        c.setFont(size: 26, bold: true)
        c.text(
            rng.pick(["PENGUMUMAN", "SURAT KETERANGAN", "NOTULEN RAPAT", "LAPORAN KEGIATAN"]),
            x: 80, y: 110, color: ink)
        c.setFont(size: 17, family: rng.chance(0.5) ? "Liberation Serif" : "Liberation Sans")
        var y = 170.0
        while y < h - 90 {
            let lines = rng.int(3...7)
            for line in 0..<lines where y < h - 90 {
                var text = ""
                while c.textWidth(text) < (line == lines - 1 ? rng.uniform(150...600) : 670) {
                    text += (text.isEmpty && line == 0 ? rng.pick(words).capitalized : rng.pick(words)) + " "
                }
                c.text(text, x: 80, y: y, color: ink, maxWidth: 690)
                y += 26
            }
            y += 18
        }
    }

    private static func drawReceipt(_ c: CairoCanvas, _ w: Double, _ h: Double, using rng: inout SeededGenerator) {
        c.rectangle(0, 0, w, h)
        c.fill(CanvasColor(hex: 0xFAFAF7))
        c.setFont(size: 24, bold: true, family: "Liberation Mono")
        let shop = rng.pick(["TOKO SUMBER REJEKI", "MINIMARKET SEGAR", "WARUNG BAROKAH", "APOTEK SEHAT"])
        c.text(shop, x: (w - c.textWidth(shop)) / 2, y: 60, color: ink)
        c.setFont(size: 16, family: "Liberation Mono")
        c.text("JL. \(rng.pick(NameBank.streets)) NO. \(rng.int(1...99))", x: 30, y: 95, color: ink, maxWidth: 380)
        c.text(
            CalendarDate.random(in: 2023...2025, using: &rng).printed + "  "
                + CalendarDate.twoDigits(rng.int(7...21)) + ":" + CalendarDate.twoDigits(rng.int(0...59)),
            x: 30, y: 120, color: ink)
        c.text(String(repeating: "-", count: 36), x: 30, y: 145, color: ink)
        let items = [
            "BERAS 5KG", "MINYAK GORENG", "GULA PASIR", "TELUR 1KG", "KOPI SACHET", "MIE INSTAN",
            "SABUN MANDI", "AIR MINERAL", "TEH CELUP", "SUSU UHT", "ROTI TAWAR", "KECAP MANIS",
        ]
        var y = 175.0, total = 0
        for _ in 0..<rng.int(5...14) {
            let qty = rng.int(1...4), price = rng.int(2...80) * 500
            total += qty * price
            c.text(rng.pick(items), x: 30, y: y, color: ink)
            let amount = "\(qty) x \(price)"
            c.text(amount, x: w - 30 - c.textWidth(amount), y: y + 22, color: ink)
            y += 50
        }
        c.text(String(repeating: "-", count: 36), x: 30, y: y, color: ink)
        c.setFont(size: 18, bold: true, family: "Liberation Mono")
        let paid = (total / 50_000 + 1) * 50_000
        for (label, value) in [("TOTAL", total), ("TUNAI", paid), ("KEMBALI", paid - total)] {
            y += 30
            c.text(label, x: 30, y: y, color: ink)
            c.text(String(value), x: w - 30 - c.textWidth(String(value)), y: y, color: ink)
        }
        c.setFont(size: 16, family: "Liberation Mono")
        c.text("TERIMA KASIH", x: (w - c.textWidth("TERIMA KASIH")) / 2, y: min(h - 30, y + 60), color: ink)
    }

    private static func drawScene(_ c: CairoCanvas, _ w: Double, _ h: Double, using rng: inout SeededGenerator) {
        let horizon = h * rng.uniform(0.45...0.7)
        c.rectangle(0, 0, w, h)
        c.fill(
            .linear(
                x0: 0, y0: 0, x1: 0, y1: horizon,
                stops: [
                    GradientStop(0, CanvasColor(hex: rng.pick([0x4A7FC1, 0xF2A65A, 0x87B5E5]))),
                    GradientStop(1, CanvasColor(hex: 0xEAF2FA)),
                ]))
        c.arc(w * rng.uniform(0.1...0.9), horizon * rng.uniform(0.2...0.6), radius: h * 0.06, from: 0, to: 2 * .pi)
        c.fill(CanvasColor(hex: 0xFFF3C4))
        for layer in 0..<3 {
            let green = CanvasColor(hex: rng.pick([0x2F6B3A, 0x4C8C4A, 0x6E9E5A, 0x3B5F7A]))
            let shade = green.scaled(0.8 + 0.1 * Double(layer))
            c.moveTo(0, h)
            c.lineTo(0, horizon - rng.uniform(0...80))
            var x = 0.0
            while x < w {
                let nx = x + rng.uniform(150...400)
                c.curveTo(
                    x + 60, horizon - rng.uniform(0...160), nx - 60, horizon - rng.uniform(0...160),
                    nx, horizon - rng.uniform(0...60) + Double(layer) * 40)
                x = nx
            }
            c.lineTo(w, h)
            c.closePath()
            c.fill(shade)
        }
        for _ in 0..<rng.int(3...8) {
            let bx = rng.uniform(0...w), bw = rng.uniform(40...160), bh = rng.uniform(60...300)
            c.rectangle(bx, horizon + 40 - bh, bw, bh)
            c.fill(CanvasColor(hex: rng.pick([0xC9B79C, 0x8E7F6E, 0xD9D4C7, 0xA14A3B])))
        }
        c.paintNoise(using: &rng, alpha: 0.05)
    }

    // MARK: Pieces

    private static func drawRows(
        _ c: CairoCanvas, _ rows: [(String, String)], x: Double, colon: Double, top: Double,
        step: Double, size: Double, maxWidth: Double
    ) {
        c.setFont(size: size)
        for (index, (label, value)) in rows.enumerated() {
            let y = top + Double(index) * step
            c.text(label, x: x, y: y, color: ink)
            c.text(":", x: colon, y: y, color: ink)
            c.text(value, x: colon + 18, y: y, color: ink, maxWidth: maxWidth)
        }
    }

    private static func drawPhotoBox(
        _ c: CairoCanvas, x: Double, y: Double, width: Double, height: Double,
        using rng: inout SeededGenerator
    ) {
        c.rectangle(x, y, width, height)
        c.fill(CanvasColor(hex: rng.pick([0x2C63B8, 0xC4232B, 0xDDDDDD])))
        c.ellipse(x + width / 2, y + height * 0.4, rx: width * 0.2, ry: height * 0.22)
        c.fill(CanvasColor(hex: 0xB07A52))
        c.moveTo(x, y + height)
        c.curveTo(x + 10, y + height * 0.7, x + width - 10, y + height * 0.7, x + width, y + height)
        c.closePath()
        c.fill(CanvasColor(hex: 0x2B2B2B))
    }
}
