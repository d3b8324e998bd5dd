/// Reads the fields of one serialised protobuf message in order, without a schema: just enough wire format to
/// find a field and skip the rest.
struct ProtobufReader {
    enum Failure: Error, Equatable {
        case truncated
        case badWireType(Int)
        case noGraph
        case fieldZero
    }

    struct Field {
        var number: Int
        var value: Value
    }

    enum Value {
        case varint(UInt64)
        case fixed
        case bytes(Slice<UnsafeRawBufferPointer>)
    }

    private var bytes: Slice<UnsafeRawBufferPointer>

    init(_ bytes: Slice<UnsafeRawBufferPointer>) {
        self.bytes = bytes
    }

    /// The next field, `nil` at the end of the message.
    mutating func nextField() throws(Failure) -> Field? {
        guard !bytes.isEmpty else { return nil }
        let tag = try varint()
        let number = Int(tag >> 3)
        guard number > 0 else { throw .fieldZero }
        switch tag & 7 {
        case 0: return Field(number: number, value: .varint(try varint()))
        case 1: try skip(8); return Field(number: number, value: .fixed)
        case 5: try skip(4); return Field(number: number, value: .fixed)
        case 2:
            let length = try varint()
            guard length <= UInt64(bytes.count) else { throw .truncated }
            let start = bytes.startIndex
            let end = start + Int(length)
            defer { bytes = bytes[end...] }
            return Field(number: number, value: .bytes(bytes[start..<end]))
        default: throw .badWireType(Int(tag & 7))
        }
    }

    private mutating func varint() throws(Failure) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while let byte = bytes.first {
            bytes = bytes.dropFirst()
            guard shift < 64 else { throw .truncated }
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return value }
            shift += 7
        }
        throw .truncated
    }

    private mutating func skip(_ count: Int) throws(Failure) {
        guard bytes.count >= count else { throw .truncated }
        bytes = bytes.dropFirst(count)
    }
}
