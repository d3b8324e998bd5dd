/// Greedy CTC decoding of a recogniser's per-step class probabilities: the likeliest class at each step, repeats
/// collapsed, blanks dropped.
public struct CTCDecoder: Sendable {
    /// The class that means "no character here"; it also separates a doubled letter's two runs.
    public static let blank = 0

    /// Each class's text: the blank's is empty.
    public let labels: [String]

    /// PP-OCR's layout: the blank, the model's characters, then a space.
    public init(characters: [String]) {
        labels = [""] + characters + [" "]
    }

    public var classCount: Int { labels.count }

    /// Decodes `steps` rows of ``classCount`` probabilities each, row-major.
    public func decode(_ probabilities: UnsafeBufferPointer<Float>, steps: Int) -> CTCDecoding {
        precondition(probabilities.count >= steps * classCount, "fewer probabilities than steps × classes")
        var symbols: [CTCDecoding.Symbol] = []
        var previous = Self.blank
        for step in 0..<steps {
            let row = probabilities.baseAddress! + step * classCount
            var best = 0
            var bestValue = row[0]
            for index in 1..<classCount where row[index] > bestValue {
                best = index
                bestValue = row[index]
            }
            if best != Self.blank, best != previous {
                symbols.append(CTCDecoding.Symbol(text: labels[best], step: step, probability: Double(bestValue)))
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
