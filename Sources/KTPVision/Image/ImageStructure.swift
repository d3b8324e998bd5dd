import Foundation

/// A cheap structural check of a JPEG's markers or a PNG's chunks, with no pixel decoding.
///
/// libjpeg decodes a truncated file into a grey-padded picture without failing, so the
/// engine and the service's accept path both need this to call such a file corrupt.
public enum ImageStructure {
    /// Reads the header fields and walks the file's structure; throws on the first defect.
    public static func validate(_ bytes: [UInt8]) throws(ImageError) -> ImageHeader {
        guard !bytes.isEmpty else { throw ImageError(.empty) }
        guard let format = ImageFormat(sniffing: bytes) else { throw ImageError(.unsupportedFormat) }
        switch format {
        case .jpeg: return try validateJPEG(bytes)
        case .png: return try validatePNG(bytes)
        }
    }

    private static func validateJPEG(_ b: [UInt8]) throws(ImageError) -> ImageHeader {
        var i = 2
        var size: (Int, Int)?
        var sawScan = false
        while i + 4 <= b.count {
            guard b[i] == 0xFF else {
                if sawScan { break }
                throw ImageError(.unreadableHeader, "bad JPEG marker at byte \(i)")
            }
            let marker = b[i + 1]
            if marker == 0xFF { i += 1; continue }
            if marker == 0xD9 { break }
            if (0xD0...0xD7).contains(marker) || marker == 0x01 { i += 2; continue }
            let length = Int(b[i + 2]) << 8 | Int(b[i + 3])
            guard length >= 2, i + 2 + length <= b.count else {
                throw ImageError(.undecodable, "JPEG segment runs past the end")
            }
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker), length >= 7 {
                size = (Int(b[i + 7]) << 8 | Int(b[i + 8]), Int(b[i + 5]) << 8 | Int(b[i + 6]))
            }
            i += 2 + length
            if marker == 0xDA {
                sawScan = true
                i = entropyCodedEnd(b, from: i)
            }
        }
        guard let (width, height) = size, width > 0, height > 0 else {
            throw ImageError(.unreadableHeader, "no JPEG frame header")
        }
        guard sawScan, b.count >= 2, b[b.count - 2] == 0xFF, b[b.count - 1] == 0xD9 else {
            throw ImageError(.undecodable, "the JPEG has no end-of-image marker")
        }
        return ImageHeader(format: .jpeg, width: width, height: height)
    }

    /// Where the entropy-coded data from `start` ends: the first 0xFF that starts a marker, not a
    /// stuffed 0xFF00 or a restart, or the last byte when none does. It is most of a JPEG, so
    /// `memchr` finds the 0xFF bytes rather than a loop over every byte.
    private static func entropyCodedEnd(_ b: [UInt8], from start: Int) -> Int {
        b.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return start }
            var i = start
            while i + 1 < buffer.count {
                guard let found = memchr(base + i, 0xFF, buffer.count - 1 - i) else { return buffer.count - 1 }
                i = found.assumingMemoryBound(to: UInt8.self) - UnsafeMutablePointer(mutating: base)
                let next = buffer[i + 1]
                if next != 0x00, !(0xD0...0xD7).contains(next) { return i }
                i += 1
            }
            return i
        }
    }

    private static func validatePNG(_ b: [UInt8]) throws(ImageError) -> ImageHeader {
        var i = 8
        var header: ImageHeader?
        var sawData = false
        while i + 12 <= b.count {
            let length = Int(readUInt32(b, i))
            guard length <= b.count - i - 12 else { throw ImageError(.undecodable, "PNG chunk runs past the end") }
            let type = Array(b[(i + 4)..<(i + 8)])
            let stored = readUInt32(b, i + 8 + length)
            guard CRC32.checksum(b[(i + 4)..<(i + 8 + length)]) == stored else {
                throw ImageError(.undecodable, "PNG chunk CRC mismatch")
            }
            switch String(decoding: type, as: UTF8.self) {
            case "IHDR" where length >= 8:
                header = ImageHeader(format: .png, width: Int(readUInt32(b, i + 8)), height: Int(readUInt32(b, i + 12)))
            case "IDAT":
                sawData = true
            case "IEND":
                guard let header, header.width > 0, header.height > 0 else {
                    throw ImageError(.unreadableHeader, "no PNG header chunk")
                }
                guard sawData else { throw ImageError(.undecodable, "the PNG has no image data") }
                return header
            default:
                break
            }
            if header == nil { throw ImageError(.unreadableHeader, "the PNG does not start with IHDR") }
            i += 12 + length
        }
        if header == nil { throw ImageError(.unreadableHeader, "no PNG header chunk") }
        throw ImageError(.undecodable, "the PNG has no end chunk")
    }

    private static func readUInt32(_ b: [UInt8], _ i: Int) -> UInt32 {
        UInt32(b[i]) << 24 | UInt32(b[i + 1]) << 16 | UInt32(b[i + 2]) << 8 | UInt32(b[i + 3])
    }
}
