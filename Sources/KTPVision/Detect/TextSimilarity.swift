/// Edit-distance similarity for matching OCR text against expected words.
public enum TextSimilarity {
    /// 1 for equal strings, falling to 0 as the Levenshtein distance reaches the longer length.
    public static func ratio(_ a: String, _ b: String) -> Double {
        let a = Array(a), b = Array(b)
        if a.isEmpty && b.isEmpty { return 1 }
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            swap(&previous, &current)
        }
        return 1 - Double(previous[b.count]) / Double(max(a.count, b.count))
    }

    /// Upper-case ASCII letters only.
    public static func letters(_ text: some StringProtocol) -> String {
        String(text.uppercased().filter { $0.isASCII && $0.isLetter })
    }
}
