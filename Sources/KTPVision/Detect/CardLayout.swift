/// Maps the OCR lines of a card to its fields by the printed labels, pure and geometry-light so
/// that it holds on layouts it has not seen.
public enum CardLayout {
    /// Body words starting right of this share of the width belong to the photo column.
    static let photoColumn = 0.70
    /// Below this a line is not taken for a label at all.
    static let minimumLabel = 0.45
    /// A label read this well is taken as read even without its colon.
    static let clearlyRead = 0.7

    public static func read(_ words: [OCRWord], width: Int, height: Int) -> CardReading {
        // The photo column's noise would drag rows out of line, so rows are built without it;
        // the header, which spans the card, is read from rows of every word.
        let cut = Int(Double(width) * photoColumn)
        var body = LineGrouper.group(words.filter { $0.box.x < cut })
        var assignment = align(body)
        let nikRow = unlabelledNIKRow(body, assignment: assignment)
        if let nikRow { assignment[nikRow] = LabelMatch(label: .nik, similarity: 0) }
        // What the labels read like is the evidence for a KTP; rows taken in order only place values.
        let scores = Dictionary(assignment.values.map { ($0.label, $0.similarity) }) { a, _ in a }
        if let nik = assignment.first(where: { $0.value.label == .nik })?.key {
            alignRowsInOrder(&assignment, lines: &body, below: nik)
        }
        var raw: RawCard = [:]
        var boxes: [RawSlot: PixelRect] = [:]
        var colonEnds: [Int: Int] = [:]
        var valueStarts: [(x: Int, y: Int)] = []
        for (index, match) in assignment {
            let row = body[index]
            if let end = colonEnd(of: row, label: match.label) {
                colonEnds[index] = end
                valueStarts.append((end, row.box.midY))
            } else if match.similarity >= clearlyRead, row.words.count > match.label.wordCount {
                // A clearly read label without a colon: its value starts a colon's width further on.
                let first = row.words[match.label.wordCount].box
                valueStarts.append((first.x - first.height / 2, row.box.midY))
            }
        }
        let column = ValueColumn.fit(valueStarts)
        for (index, match) in assignment {
            let columnX = column?.x(atY: body[index].box.midY)
            let start = colonEnds[index] ?? columnX
            let value =
                index == nikRow
                ? digitRun(of: body[index]) : valueWords(of: body[index], label: match.label, column: columnX)
            guard !value.isEmpty else {
                // Glare or blur took the whole value but left its label: the line pass looks there.
                if let start, start < cut {
                    let row = body[index].box
                    let expected = PixelRect(x: start, y: row.y, width: cut - start, height: row.height)
                    boxes[match.label.slot] = widened(expected, row: row, after: start, limit: cut)
                }
                continue
            }
            let line = OCRLine(words: value)
            raw[match.label.slot] = RawValue(text: line.text, confidence: line.confidence)
            boxes[match.label.slot] = widened(line.box, row: body[index].box, after: start, limit: cut)
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
        fillTail(&assignment, lines: lines)
        return assignment
    }

    /// Lines after the last found label, each one row pitch below the one before, are the
    /// labels that follow it: blur takes the small labels of the last rows first.
    private static func fillTail(_ assignment: inout [Int: LabelMatch], lines: [OCRLine]) {
        let labels = CardLabel.allCases
        let found = assignment.sorted { $0.key < $1.key }
        let pitches = zip(found, found.dropFirst()).map { a, b in
            Double(lines[b.key].box.midY - lines[a.key].box.midY) / Double(b.key - a.key)
        }.sorted()
        guard let last = found.last, pitches.count >= 3, var label = labels.firstIndex(of: last.value.label) else {
            return
        }
        let pitch = pitches[pitches.count / 2]
        var line = last.key
        while line + 1 < lines.count, label + 1 < labels.count {
            let step = Double(lines[line + 1].box.midY - lines[line].box.midY)
            guard step >= 0.6 * pitch, step <= 1.5 * pitch else { return }
            (line, label) = (line + 1, label + 1)
            assignment[line] = LabelMatch(label: labels[label], similarity: 0)
        }
    }

    /// A label read this well stops rows from being taken in order against it. Lower, noise
    /// matches a short label by chance (`nada` for `Nama`, 0.75) far from where it is printed.
    static let surelyRead = 0.85

    /// When blur leaves the small labels unreadable, their rows still stand in order under the NIK:
    /// twelve rows at an even pitch (thirteen with a wrapped address) are the twelve labels, as
    /// long as every surely read label falls on its own row. Weaker matches that disagree go. Lines
    /// less than half a pitch apart are one row (a label set a little lower than its value), and
    /// are merged into its first line.
    static func alignRowsInOrder(_ assignment: inout [Int: LabelMatch], lines: inout [OCRLine], below nikRow: Int) {
        let candidates = Array(lines.indices.dropFirst(nikRow + 1))
        let heights = candidates.map { lines[$0].box.height }.sorted()
        guard heights.count >= 12 else { return }
        let typicalHeight = heights[heights.count / 2]
        // Specks and stray marks make lines of their own, far thinner than print.
        let printed = candidates.filter { 2 * lines[$0].box.height >= typicalHeight }
        func pitch(_ midYs: [Int]) -> Int? {
            let steps = zip(midYs, midYs.dropFirst()).map { $1 - $0 }.sorted()
            return steps.isEmpty ? nil : steps[steps.count / 2]
        }
        guard let linePitch = pitch(printed.map { lines[$0].box.midY }) else { return }
        var rows: [[Int]] = []
        for line in printed {
            if let last = rows.last?.last, 2 * (lines[line].box.midY - lines[last].box.midY) < linePitch {
                rows[rows.count - 1].append(line)
            } else {
                rows.append([line])
            }
        }
        func midY(_ row: [Int]) -> Int { row.map { lines[$0].box.midY }.reduce(0, +) / row.count }
        guard rows.count >= 12, let rowPitch = pitch(rows.map(midY)) else { return }
        var run = [rows[0]]
        for (previous, row) in zip(rows, rows.dropFirst()) {
            let step = midY(row) - midY(previous)
            guard 2 * step >= rowPitch, 2 * step <= 3 * rowPitch else { break }
            run.append(row)
        }
        let labels = Array(CardLabel.allCases.dropFirst())
        var order: [([Int], CardLabel)]
        switch run.count {
        case labels.count:
            order = Array(zip(run, labels))
        case labels.count + 1:
            // The row under `Alamat` is the rest of the address.
            let address = labels.firstIndex(of: .address)!
            order = Array(zip(run.prefix(address + 1), labels.prefix(address + 1)))
            order += zip(run.dropFirst(address + 2), labels.dropFirst(address + 1))
        default:
            return
        }
        let labelOfLine = Dictionary(uniqueKeysWithValues: order.flatMap { row, label in row.map { ($0, label) } })
        let clear = assignment.filter { $0.value.label != .nik && $0.value.similarity >= surelyRead }
        guard clear.allSatisfy({ labelOfLine[$0.key] == $0.value.label }) else { return }
        let kept = assignment
        assignment = assignment.filter { $0.value.label == .nik }
        for row in run where row.count > 1 {
            let words = row.flatMap { lines[$0].words }.sorted { $0.box.x < $1.box.x }
            for line in row { lines[line] = OCRLine(words: []) }
            lines[row[0]] = OCRLine(words: words)
        }
        for (row, label) in order {
            let similarity = row.compactMap { kept[$0] }.first { $0.label == label }?.similarity ?? 0
            assignment[row[0]] = LabelMatch(label: label, similarity: similarity)
        }
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

    /// The words after the label: after the first colon, else right of the value column, else
    /// after the label's word count.
    static func valueWords(of line: OCRLine, label: CardLabel, column: Int? = nil) -> [OCRWord] {
        let words = line.words
        if let colon = separatorIndex(in: line, label: label) {
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
        if let column {
            return words.filter { $0.box.x + $0.box.width / 2 > column }
        }
        let skip = min(words.count, label.wordCount)
        return Array(words.dropFirst(skip))
    }

    /// Where the colon after the label ends, if OCR read one among the label's first words.
    static func colonEnd(of line: OCRLine, label: CardLabel) -> Int? {
        separatorIndex(in: line, label: label).map { line.words[$0] }
            .map {
                $0.box.x + $0.box.width * (($0.text.firstIndex(of: ":")?.utf16Offset(in: $0.text) ?? 0) + 1)
                    / max(1, $0.text.count)
            }
    }

    /// The word holding the colon between label and value. A colon glued to the end of the last
    /// word, past the label's own words (`Pekerjaan WIRASWASTA:`), is a stray mark after the value.
    static func separatorIndex(in line: OCRLine, label: CardLabel) -> Int? {
        guard let colon = line.words.firstIndex(where: { $0.text.contains(":") }), colon <= label.wordCount + 1
        else { return nil }
        let text = line.words[colon].text
        let trailing = colon >= label.wordCount && colon == line.words.count - 1 && !text.hasPrefix(":")
        return trailing ? nil : colon
    }

    /// The NIK's row when its label was not read: the first row above every found label whose
    /// longest word holds fourteen or more digits, the NIK's large print surviving a photo too
    /// soft for the small labels.
    static func unlabelledNIKRow(_ lines: [OCRLine], assignment: [Int: LabelMatch]) -> Int? {
        guard !assignment.values.contains(where: { $0.label == .nik }) else { return nil }
        let firstLabel = assignment.keys.min() ?? lines.count
        return lines.indices.prefix(firstLabel).first { index in
            lines[index].words.contains { $0.text.filter(\.isASCIIDigit).count >= 14 }
        }
    }

    /// The words of the row's longest run of mostly-digit words, around its most digit-laden word.
    static func digitRun(of line: OCRLine) -> [OCRWord] {
        let words = line.words
        func digitCount(_ word: OCRWord) -> Int { word.text.filter(\.isASCIIDigit).count }
        guard let peak = words.indices.max(by: { digitCount(words[$0]) < digitCount(words[$1]) }) else { return [] }
        func mostlyDigits(_ index: Int) -> Bool { 2 * digitCount(words[index]) >= words[index].text.count }
        var (low, high) = (peak, peak)
        while low > 0, mostlyDigits(low - 1) { low -= 1 }
        while high + 1 < words.count, mostlyDigits(high + 1) { high += 1 }
        return Array(words[low...high])
    }

    /// A value's box grown by a third of a line up and down, to the left as far as the colon or
    /// the value column (or a line height without either: a first word the sparse pass dropped)
    /// and up to four line heights to the right, never into the photo column.
    static func widened(_ value: PixelRect, row: PixelRect, after colonEnd: Int?, limit: Int) -> PixelRect {
        let h = max(value.height, row.height / 2)
        let x = max(0, colonEnd.map { min(value.x, $0 + 2) } ?? value.x - h), y = max(0, row.y - h / 3)
        let maxX = min(limit, max(value.maxX + h, min(limit, value.maxX + 4 * h)))
        return PixelRect(x: x, y: y, width: max(1, maxX - x), height: row.height + 2 * (h / 3))
    }

    /// Drops what a wider second pass can pick up before the value: a colon, a stray `1` or `|`
    /// read from one, and the tail of the label (`Desa` of `Kel/Desa`, `Lahir`, `RW`). A word like
    /// an earlier label word is dropped only when the rest of the label follows it, so that a place
    /// named `EMPAT LAWANG` keeps the word like `Tempat`; and a word before a comma is the birthplace,
    /// however like a label it reads (`LAHAT,` for `Lahir`).
    public static func strippingLabelRemnant(_ text: String, label: CardLabel) -> String {
        let labelWords = label.rawValue.split(whereSeparator: { $0 == " " || $0 == "/" }).map(String.init)
        func remnant(_ word: String) -> Int? {
            let letters = FuzzyMatcher.letters(word)
            return labelWords.lastIndex { labelWord in
                letters.count >= 2 && FuzzyMatcher.ratio(letters, labelWord) >= 0.6
                    || letters.count >= 3 && labelWord.hasSuffix(letters)
            }
        }
        var words = text.split(separator: " ").map(String.init)
        while let first = words.first, words.count > 1, !first.hasSuffix(",") {
            if FuzzyMatcher.letters(first).isEmpty, first.count <= 2 {
                words.removeFirst()
                continue
            }
            guard let index = remnant(first) else { break }
            if index < labelWords.count - 1, words.count < 3 || (remnant(words[1]) ?? -1) <= index { break }
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

    /// `KABUPATEN …` or `KOTA …`: the regency line, never the province's.
    private static func startsWithKindWord(_ line: OCRLine) -> Bool {
        line.words.first.map { RegionSnapper.isKindWord($0.text) } ?? false
    }

    /// The province line reads `PROVINSI …`; the line below it is the regency or city. Without
    /// it, a `KABUPATEN`/`KOTA` line is the regency, else the last two lines are taken unsurely.
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
        } else if let regency = candidates.lastIndex(where: startsWithKindWord) {
            // The province line was lost, and what stands over the regency line is noise.
            let city = candidates[regency]
            raw[.cityHeader] = RawValue(text: city.text, confidence: city.confidence * 0.5)
        } else if candidates.count >= 2 {
            let (province, city) = (candidates[candidates.count - 2], candidates[candidates.count - 1])
            raw[.provinceHeader] = RawValue(text: province.text, confidence: province.confidence * 0.5)
            raw[.cityHeader] = RawValue(text: city.text, confidence: city.confidence * 0.5)
        }
        return (raw, provinceIndex != nil)
    }
}
