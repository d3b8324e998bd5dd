import KTPVision

/// The dimensions that a JPEG's frame header or a PNG's IHDR states, read without walking the
/// rest of the file. The contract answers the size (check 11) before a truncated or corrupt
/// file (check 12), and the structural check stops at the first defect without the header.
enum HeaderPeek {
    static func header(of b: [UInt8]) -> ImageHeader? {
        switch ImageFormat(sniffing: b) {
        case .png?:
            guard b.count >= 24, b[12..<16].elementsEqual("IHDR".utf8) else { return nil }
            return ImageHeader(format: .png, width: uint32(b, 16), height: uint32(b, 20))
        case .jpeg?:
            var i = 2
            while i + 9 <= b.count, b[i] == 0xFF {
                let marker = b[i + 1]
                switch marker {
                case 0xFF:
                    i += 1
                case 0x01, 0xD0...0xD8:
                    i += 2
                case 0xDA, 0xD9:
                    return nil
                case 0xC0...0xCF where ![0xC4, 0xC8, 0xCC].contains(marker):
                    return ImageHeader(
                        format: .jpeg, width: Int(b[i + 7]) << 8 | Int(b[i + 8]),
                        height: Int(b[i + 5]) << 8 | Int(b[i + 6]))
                default:
                    i += 2 + (Int(b[i + 2]) << 8 | Int(b[i + 3]))
                }
            }
            return nil
        case nil:
            return nil
        }
    }

    private static func uint32(_ b: [UInt8], _ i: Int) -> Int {
        Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3])
    }
}
