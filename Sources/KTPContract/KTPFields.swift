/// The values read from a card, keyed by ``FieldKey``. A field that could not be read is `""`.
public struct KTPFields: Sendable, Hashable {
    /// Only non-empty values are stored, so an unread field and an empty one compare equal.
    private var values: [FieldKey: String]

    public init(_ values: [FieldKey: String] = [:]) {
        self.values = values.filter { !$0.value.isEmpty }
    }

    public subscript(key: FieldKey) -> String {
        get { values[key] ?? "" }
        set { values[key] = newValue.isEmpty ? nil : newValue }
    }
}

extension KTPFields: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: FieldKey.self)
        var values: [FieldKey: String] = [:]
        for key in FieldKey.allCases {
            values[key] = try container.decodeIfPresent(String.self, forKey: key)
        }
        self.init(values)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: FieldKey.self)
        for key in FieldKey.allCases {
            try container.encode(self[key], forKey: key)
        }
    }
}

extension FieldKey: CodingKey {}
