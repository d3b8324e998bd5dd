extension RegionTable {
    /// Every regency and city code, in table order.
    public var regencyCodes: [String] {
        provinceCodes.flatMap { children(of: $0) }
    }

    /// Whether the table holds `code` at any level.
    public func contains(_ code: String) -> Bool {
        name(of: code) != nil
    }
}
