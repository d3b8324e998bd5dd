/// Greedy CTC decoding of a recogniser's per-step class probabilities: the likeliest class at each step, repeats
/// collapsed, blanks dropped, and a space kept where the space class was likely enough between two characters.
public struct CTCDecoder: Sendable {
    /// The class that means "no character here"; it also separates a doubled letter's two runs.
    public static let blank = 0

    /// Each class's text: the blank's is empty.
    public let labels: [String]
    /// Between two characters, a space whose probability reaches this at some step is read even where the blank
    /// outweighs it. PP-OCR's recogniser, trained mostly on text without spaces, often gives a narrow printed space
    /// a clear but losing share (`NO. 58` read `NO.58`), while inside a word the space class stays near zero.
    public let spaceThreshold: Float

    /// PP-OCR's layout: the blank, the model's characters, then a space.
    public init(characters: [String], spaceThreshold: Float = 0.12) {
        labels = [""] + characters + [" "]
        self.spaceThreshold = spaceThreshold
    }

    /// The space class, last.
    var space: Int { labels.count - 1 }

    public var classCount: Int { labels.count }

    /// Decodes `steps` rows of ``classCount`` probabilities each, row-major.
    public func decode(_ probabilities: UnsafeBufferPointer<Float>, steps: Int) -> CTCDecoding {
        precondition(probabilities.count >= steps * classCount, "fewer probabilities than steps × classes")
        var symbols: [CTCDecoding.Symbol] = []
        var previous = Self.blank
        // The likeliest space seen on a blank step since the last character.
        var gapSpace: (step: Int, probability: Float)?
        for step in 0..<steps {
            let row = probabilities.baseAddress! + step * classCount
            var best = 0
            var bestValue = row[0]
            for index in 1..<classCount where row[index] > bestValue {
                best = index
                bestValue = row[index]
            }
            if best == Self.blank, row[space] > gapSpace?.probability ?? 0 {
                gapSpace = (step, row[space])
            }
            if best != Self.blank, best != previous {
                if best != space, let gap = gapSpace, gap.probability >= spaceThreshold,
                    let last = symbols.last, last.text != labels[space]
                {
                    symbols.append(
                        CTCDecoding.Symbol(text: labels[space], step: gap.step, probability: Double(gap.probability)))
                }
                symbols.append(CTCDecoding.Symbol(text: labels[best], step: step, probability: Double(bestValue)))
                gapSpace = nil
            }
            previous = best
        }
        return CTCDecoding(symbols: symbols, steps: steps)
    }

    /// Decodes one row of probabilities per step.
    public func decode(_ rows: [[Float]]) -> CTCDecoding {
        let flat = rows.flatMap { row in
            precondition(row.count == classCount, "a row does not have one probability per class")
            return row
        }
        return flat.withUnsafeBufferPointer { decode($0, steps: rows.count) }
    }
}
