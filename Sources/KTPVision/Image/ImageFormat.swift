/// The two photo formats the contract accepts, recognised by their bytes rather than a name.
public enum ImageFormat: String, Sendable, Hashable {
    case jpeg
    case png

    /// The format named by the leading magic bytes, or `nil`.
    public init?<Bytes: Collection<UInt8>>(sniffing bytes: Bytes) {
        let head = Array(bytes.prefix(8))
        if head.starts(with: [0xFF, 0xD8, 0xFF]) {
            self = .jpeg
        } else if head == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] {
            self = .png
        } else {
            return nil
        }
    }
}
