/// Maps the OCR lines of a card to its fields by the printed labels, pure and geometry-light so
/// that it holds on layouts it has not seen.
public enum CardLayout {
    /// Body words starting right of this share of the width belong to the photo column.
    static let photoColumn = 0.70
    /// Below this a line is not taken for a label at all.
    static let minimumLabel = 0.45

    public static func read(_ words: [OCRWord], width: Int, height: Int) -> CardReading {
        // The photo column's noise would drag rows out of line, so rows are built without it;
        // the header, which spans the card, is read from rows of every word.
        let cut = Int(Double(width) * photoColumn)
        let body = LineGrouper.group(words.filter { $0.box.x < cut })
        let assignment = align(body)
        var raw: RawCard = [:]
        var scores: [CardLabel: Double] = [:]
        var boxes: [RawSlot: PixelRect] = [:]
        for (index, match) in assignment {
            let value = valueWords(of: body[index], label: match.label)
            scores[match.label] = match.similarity
            guard !value.isEmpty else { continue }
            let line = OCRLine(words: value)
            raw[match.label.slot] = RawValue(text: line.text, confidence: line.confidence)
            let colonEnd = body[index].words.prefix(match.label.wordCount + 2).last { $0.text.contains(":") }
                .map {
                    $0.box.x + $0.box.width * (($0.text.firstIndex(of: ":")?.utf16Offset(in: $0.text) ?? 0) + 1)
                        / max(1, $0.text.count)
                }
            boxes[match.label.slot] = widened(line.box, row: body[index].box, after: colonEnd, limit: cut)
        }
        appendAddressContinuation(lines: body, assignment: assignment, into: &raw)
        let firstLabelTop = assignment.keys.min().map { body[$0].box.y } ?? height
        let header = readHeader(LineGrouper.group(words.filter { $0.box.maxY <= firstLabelTop }))
        raw.merge(header.raw) { current, _ in current }
        return CardReading(raw: raw, valueBoxes: boxes, labelScores: scores, hasProvinceHeader: header.hasProvince)
    }

    struct LabelMatch: Hashable {
        var label: CardLabel
        var similarity: Double
    }

    /// The best in-order assignment of labels to lines (a longest-common-subsequence alignment
    /// weighted by similarity), then any single gap between two found labels filled by position.
    static func align(_ lines: [OCRLine]) -> [Int: LabelMatch] {
        let labels = CardLabel.allCases
        let similarities = lines.map { line in labels.map { labelSimilarity(line, $0) } }
        let n = lines.count, m = labels.count
        var best = [[Double]](repeating: [Double](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                let take = similarities[i][j] >= minimumLabel ? similarities[i][j] + best[i + 1][j + 1] : 0
                best[i][j] = max(take, best[i + 1][j], best[i][j + 1])
            }
        }
        var assignment: [Int: LabelMatch] = [:]
        var (i, j) = (0, 0)
        while i < n, j < m {
            let s = similarities[i][j]
            if s >= minimumLabel, best[i][j] == s + best[i + 1][j + 1] {
                assignment[i] = LabelMatch(label: labels[j], similarity: s)
                (i, j) = (i + 1, j + 1)
            } else if best[i][j] == best[i + 1][j] {
                i += 1
            } else {
                j += 1
            }
        }
        fillGaps(&assignment, lineCount: n)
        return assignment
    }

    /// Where k lines sit between two assigned labels that are k labels apart, they are those labels.
    private static func fillGaps(_ assignment: inout [Int: LabelMatch], lineCount: Int) {
        let labels = CardLabel.allCases
        let found = assignment.sorted { $0.key < $1.key }
        for (a, b) in zip(found, found.dropFirst()) {
            let lineGap = b.key - a.key
            guard let la = labels.firstIndex(of: a.value.label), let lb = labels.firstIndex(of: b.value.label),
                lb - la == lineGap, lineGap > 1
            else { continue }
            for k in 1..<lineGap {
                assignment[a.key + k] = LabelMatch(label: labels[la + k], similarity: 0)
            }
        }
    }

    /// How well the start of `line` reads as `label`: the label part is the words before a colon,
    /// or failing one, as many words as the label has.
    static func labelSimilarity(_ line: OCRLine, _ label: CardLabel) -> Double {
        let words = line.words.map(\.text)
        guard !words.isEmpty else { return 0 }
        var candidates: [[String]] = []
        if let colon = words.firstIndex(where: { $0.contains(":") }) {
            var head = Array(words[..<colon])
            let beforeColon = words[colon].split(separator: ":", omittingEmptySubsequences: false).first ?? ""
            if !beforeColon.isEmpty { head.append(String(beforeColon)) }
            candidates.append(head)
        }
        for count in max(1, label.wordCount - 1)...(label.wordCount + 1) where count <= words.count {
            candidates.append(Array(words.prefix(count)))
        }
        return candidates.map { FuzzyMatcher.ratio(FuzzyMatcher.letters($0.joined()), label.letters) }.max() ?? 0
    }

    /// The words after the label: after the first colon, else after the label's word count.
    static func valueWords(of line: OCRLine, label: CardLabel) -> [OCRWord] {
        let words = line.words
        if let colon = words.firstIndex(where: { $0.text.contains(":") }), colon <= label.wordCount + 1 {
            var value = Array(words[(colon + 1)...])
            let afterColon = words[colon].text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            if afterColon.count == 2, !afterColon[1].isEmpty {
                // Keep only the part of the box right of the colon, by its share of the characters.
                var first = words[colon]
                let cut = first.box.width * (first.text.count - afterColon[1].count) / max(1, first.text.count)
                first.text = String(afterColon[1])
                first.box.x += cut
                first.box.width -= cut
                value.insert(first, at: 0)
            }
            return value
        }
        let skip = min(words.count, label.wordCount)
        return Array(words.dropFirst(skip))
    }

    /// A value's box grown by a third of a line up and down, to the left as far as the colon (or
    /// a line height without one: a first word the sparse pass dropped) and up to four line
    /// heights to the right, never into the photo column.
    static func widened(_ value: PixelRect, row: PixelRect, after colonEnd: Int?, limit: Int) -> PixelRect {
        let h = max(value.height, row.height / 2)
        let x = max(0, colonEnd.map { min(value.x, $0 + 2) } ?? value.x - h), y = max(0, row.y - h / 3)
        let maxX = min(limit, max(value.maxX + h, min(limit, value.maxX + 4 * h)))
        return PixelRect(x: x, y: y, width: max(1, maxX - x), height: row.height + 2 * (h / 3))
    }

    /// Drops what a wider second pass can pick up before the value: a colon, a stray `1` or `|`
    /// read from one, and the tail of the label (`Desa` of `Kel/Desa`, `Lahir`, `RW`).
    public static func strippingLabelRemnant(_ text: String, label: CardLabel) -> String {
        let labelWords = label.rawValue.split(whereSeparator: { $0 == " " || $0 == "/" }).map(String.init)
        var words = text.split(separator: " ").map(String.init)
        while let first = words.first, words.count > 1 {
            let letters = FuzzyMatcher.letters(first)
            let noise = letters.isEmpty && first.count <= 2
            let remnant =
                letters.count >= 2 && labelWords.contains { FuzzyMatcher.ratio(letters, $0) >= 0.6 }
                || letters.count >= 3 && labelWords.contains { $0.hasSuffix(letters) }
            guard noise || remnant else { break }
            words.removeFirst()
        }
        return words.joined(separator: " ")
    }

    /// An address that wraps puts its second line between `Alamat` and `RT/RW`.
    private static func appendAddressContinuation(
        lines: [OCRLine], assignment: [Int: LabelMatch], into raw: inout RawCard
    ) {
        guard let addressLine = assignment.first(where: { $0.value.label == .address })?.key,
            let next = assignment.first(where: { $0.value.label == .rtRw })?.key,
            next == addressLine + 2, var address = raw[.address]
        else { return }
        let continuation = lines[addressLine + 1]
        guard !continuation.words.isEmpty else { return }
        address.text += " " + continuation.text
        address.confidence = (address.confidence + continuation.confidence) / 2
        raw[.address] = address
    }

    /// The province line reads `PROVINSI …`; the line below it is the regency or city.
    static func readHeader(_ lines: [OCRLine]) -> (raw: RawCard, hasProvince: Bool) {
        let candidates = lines.filter { !$0.words.isEmpty }
        let provinceIndex = candidates.firstIndex { line in
            line.words.prefix(2).contains { FuzzyMatcher.ratio(FuzzyMatcher.letters($0.text), "PROVINSI") >= 0.75 }
        }
        var raw: RawCard = [:]
        if let provinceIndex {
            raw[.provinceHeader] = RawValue(
                text: candidates[provinceIndex].text,
                confidence: candidates[provinceIndex].confidence)
            if provinceIndex + 1 < candidates.count {
                let city = candidates[provinceIndex + 1]
                raw[.cityHeader] = RawValue(text: city.text, confidence: city.confidence)
            }
        } else if candidates.count >= 2 {
            let (province, city) = (candidates[candidates.count - 2], candidates[candidates.count - 1])
            raw[.provinceHeader] = RawValue(text: province.text, confidence: province.confidence * 0.5)
            raw[.cityHeader] = RawValue(text: city.text, confidence: city.confidence * 0.5)
        }
        return (raw, provinceIndex != nil)
    }
}
