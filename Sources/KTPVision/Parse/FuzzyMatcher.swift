/// Snaps OCR readings to closed lists by normalised Levenshtein similarity.
///
/// Readings and candidates are compared by ``key(_:)``, upper-case letters and digits only,
/// so that spacing and punctuation slips (`LAKI LAKI`, `SEUMURHIDUP`) cost nothing.
public struct FuzzyMatcher: Sendable, Hashable {
    /// Below this similarity a reading is not snapped.
    public var minimumSimilarity: Double

    public init(minimumSimilarity: Double = 0.75) {
        self.minimumSimilarity = minimumSimilarity
    }

    /// The closest candidate if it reaches ``minimumSimilarity``; the first wins a tie.
    public func match(_ text: String, in candidates: [String]) -> FuzzyMatch? {
        guard let best = Self.best(text, in: candidates), best.similarity >= minimumSimilarity else { return nil }
        return best
    }

    /// The closest candidate whatever its similarity; nil only for an empty list.
    public static func best(_ text: String, in candidates: [String]) -> FuzzyMatch? {
        let textKey = Array(key(text))
        var best: FuzzyMatch?
        for candidate in candidates {
            let similarity = similarity(textKey, Array(key(candidate)))
            if similarity > best?.similarity ?? -1 {
                best = FuzzyMatch(value: candidate, similarity: similarity)
            }
        }
        return best
    }

    /// 1 minus the edit distance over the longer key's length; two empty keys are unrelated (0).
    public static func similarity(_ a: String, _ b: String) -> Double {
        similarity(Array(key(a)), Array(key(b)))
    }

    static func similarity(_ a: [Character], _ b: [Character]) -> Double {
        let longest = max(a.count, b.count)
        guard longest > 0, !a.isEmpty, !b.isEmpty else { return 0 }
        return 1 - Double(distance(a, b)) / Double(longest)
    }

    /// Positions at which two equally long strings differ (Hamming distance); `Int.max` when their
    /// lengths differ. For printed digits, where OCR substitutes but does not drop.
    static func differingCharacters(_ a: some StringProtocol, _ b: some StringProtocol) -> Int {
        guard a.count == b.count else { return Int.max }
        return zip(a, b).filter { $0 != $1 }.count
    }

    /// Levenshtein distance: insertions, deletions and substitutions each cost one.
    public static func distance(_ a: String, _ b: String) -> Int {
        distance(Array(a), Array(b))
    }

    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
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
        return previous[b.count]
    }

    /// Similarity of two strings as they are, with no key applied.
    static func ratio(_ a: String, _ b: String) -> Double {
        similarity(Array(a), Array(b))
    }

    /// Upper-case letters only: the form printed labels are compared in, where a digit is noise.
    static func letters(_ text: some StringProtocol) -> String {
        String(text.uppercased().filter { $0.isASCII && $0.isLetter })
    }

    /// The comparison form: upper case, letters and digits only.
    public static func key(_ text: String) -> String {
        String(text.uppercased().filter { $0.isLetter || $0.isNumber })
    }
}
