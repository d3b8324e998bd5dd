extension FuzzyMatcher {
    /// How a reading that lost part of its print (glare, a fold) lines up inside a candidate.
    struct Fragment: Sendable, Hashable {
        /// The share of the reading's characters the candidate explains, in [0, 1].
        var explained: Double
        /// The share of the candidate the reading covers, in [0, 1].
        var coverage: Double
    }

    /// Aligns the reading inside the candidate. Skipping the candidate's characters is nearly
    /// free, since glare erases whole stretches of print; opening each skipped stretch costs a
    /// little so that one contiguous loss beats letters picked from all over a long name.
    static func fragment(_ reading: String, in candidate: String) -> Fragment {
        let a = Array(key(reading))
        let b = Array(key(candidate))
        guard !a.isEmpty, !b.isEmpty else { return Fragment(explained: 0, coverage: 0) }
        let gapOpen = 0.4
        let gapExtend = 0.02
        let infinity = Double.greatestFiniteMagnitude / 4
        // aligned[j]: best cost with b[j-1] consumed by a match or substitution (or nothing yet);
        // skipping[j]: best cost ending inside a skipped stretch of b. Leading and trailing
        // stretches of the candidate are free: the reading may be any part of it.
        var aligned = [Double](repeating: 0, count: b.count + 1)
        var skipping = [Double](repeating: infinity, count: b.count + 1)
        for i in 1...a.count {
            var nextAligned = [Double](repeating: infinity, count: b.count + 1)
            var nextSkipping = [Double](repeating: infinity, count: b.count + 1)
            nextAligned[0] = Double(i)
            for j in 1...b.count {
                let before = min(aligned[j - 1], skipping[j - 1])
                let step = a[i - 1] == b[j - 1] ? 0.0 : 1.0
                // A reading character the candidate does not explain costs one.
                nextAligned[j] = min(before + step, min(aligned[j], skipping[j]) + 1)
                nextSkipping[j] = min(nextAligned[j - 1] + gapOpen, nextSkipping[j - 1] + gapExtend)
            }
            (aligned, skipping) = (nextAligned, nextSkipping)
        }
        // The trailing part of the candidate is free, so the best end is anywhere along b.
        let leadingFree = (0...b.count).map { min(aligned[$0], skipping[$0]) }.min() ?? infinity
        let cost = min(leadingFree, Double(a.count))
        return Fragment(
            explained: max(0, 1 - cost / Double(a.count)),
            coverage: min(1, Double(a.count) / Double(b.count)))
    }

    /// The candidate a partial reading most likely came from: the one that explains most of it,
    /// then the one it covers most. Nil below `minimumExplained` or for readings too short
    /// (under three characters) to tell candidates apart.
    static func bestFragment(
        _ reading: String, in candidates: [String], minimumExplained: Double = 0.8, minimumCoverage: Double = 0.3
    ) -> FuzzyMatch? {
        guard key(reading).count >= 3 else { return nil }
        var best: (value: String, fragment: Fragment, score: Double)?
        for candidate in candidates {
            let fragment = fragment(reading, in: candidate)
            let score = fragment.explained + 0.05 * fragment.coverage
            if score > best?.score ?? -1 { best = (candidate, fragment, score) }
        }
        guard let best, best.fragment.explained >= minimumExplained, best.fragment.coverage >= minimumCoverage
        else { return nil }
        return FuzzyMatch(value: best.value, similarity: best.fragment.explained * best.fragment.coverage.squareRoot())
    }
}
