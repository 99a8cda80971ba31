import Foundation

/// A range of money or of multiples read from a penalty: 罚款1000元以上5000元以下 → 1000…5000 元;
/// 违法所得1倍以上5倍以下 → 1…5 倍 of 违法所得. An open end is `nil`.
public struct AmountRange: Codable, Sendable, Equatable, CustomStringConvertible {
    /// Lower bound (以上), if stated.
    public var lower: Double?
    /// Upper bound (以下), if stated.
    public var upper: Double?
    /// `元` for money, `倍` for multiples.
    public var unit: String
    /// For multiples, what is multiplied: 违法所得, 货值金额 ….
    public var of: String?
    /// The words the range was read from.
    public var text: String

    /// Creates a range.
    public init(lower: Double?, upper: Double?, unit: String, of: String? = nil, text: String) {
        self.lower = lower
        self.upper = upper
        self.unit = unit
        self.of = of
        self.text = text
    }

    /// The largest amount read from text: one thousand billion (10¹⁵), above any fine and still
    /// exact as a `Double`. Larger figures are not read as amounts.
    public static let maximumAmount: Double = 1e15

    /// `1000–5000 元`, `≤ 2000 元`, `违法所得 1–5 倍`.
    public var description: String {
        func number(_ value: Double) -> String {
            // Whole numbers without `.0`; only those an `Int` holds exactly are converted.
            value == value.rounded() && abs(value) <= Self.maximumAmount ? String(Int(value)) : String(value)
        }
        let range: String
        switch (lower, upper) {
        case (let lower?, let upper?) where lower == upper: range = number(lower)
        case (let lower?, let upper?): range = "\(number(lower))–\(number(upper))"
        case (let lower?, nil): range = "≥ \(number(lower))"
        case (nil, let upper?): range = "≤ \(number(upper))"
        case (nil, nil): range = "?"
        }
        return [of, range, unit].compactMap { $0 }.joined(separator: " ")
    }

    /// Things a multiple is taken of, as penalty clauses name them.
    static let multipliedAmounts = [
        "违法所得", "货值金额", "违法经营额", "违法收入", "违法销售额", "违法销售收入",
        "违法生产经营的食品货值金额", "工程合同价款", "应缴纳税款", "逃避缴纳的税款",
    ]

    /// Where a text states an amount: a number (digits or Chinese numerals), an optional 万/千,
    /// and 元 or 倍 — what `(?<number>[0-9]+(?:\.[0-9]+)?|[〇零一二两三四五六七八九十百千]+)(?<scale>[万千])?(?<unit>[元倍])`
    /// matches, found by hand: a regex is compiled each time it is made, and making one for
    /// every text was most of the time of checking benchmark levels.
    struct AmountMatch {
        var range: Range<String.Index>
        var number: Substring
        var scale: Substring?
        var unit: Substring

        static let numerals: Set<Character> = Set("〇零一二两三四五六七八九十百千")
        static let scales: Set<Character> = ["万", "千"]
        static let units: Set<Character> = ["元", "倍"]

        /// Every amount stated in `text`, in order, as the regex's successive matches.
        static func all(in text: String) -> [AmountMatch] {
            let characters = Array(text)
            var indices = Array(text.indices)
            indices.append(text.endIndex)
            var matches: [AmountMatch] = []
            var start = 0
            while start < characters.count {
                let (found, next) = match(characters, at: start)
                guard let (numberEnd, scale, unit) = found else {
                    start = next
                    continue
                }
                let end = unit + 1
                matches.append(
                    AmountMatch(
                        range: indices[start]..<indices[end], number: text[indices[start]..<indices[numberEnd]],
                        scale: scale.map { text[indices[$0]..<indices[$0 + 1]] }, unit: text[indices[unit]..<indices[end]]))
                start = end
            }
            return matches
        }

        /// The end of the number, and the places of the scale and unit, of a match at `start`;
        /// without one, where the next match may start. A match tried from inside a run of
        /// digits or numerals meets the same end of the run and what follows it, so a failed
        /// run is skipped whole: a text of many numerals is read in one pass.
        private static func match(_ c: [Character], at start: Int) -> ((Int, Int?, Int)?, next: Int) {
            func isDigit(_ index: Int) -> Bool { index < c.count && c[index].isASCII && c[index].isWholeNumber }
            func run(from index: Int, while belongs: (Int) -> Bool) -> Int {
                var end = index
                while end < c.count && belongs(end) { end += 1 }
                return end
            }
            /// A scale then a unit, or a unit, at `index` (the scale tried first, as `?` is greedy).
            func tail(_ index: Int) -> (Int?, Int)? {
                if index + 1 < c.count && scales.contains(c[index]) && units.contains(c[index + 1]) { return (index, index + 1) }
                if index < c.count && units.contains(c[index]) { return (nil, index) }
                return nil
            }
            if isDigit(start) {
                let whole = run(from: start, while: isDigit)
                if whole < c.count && c[whole] == "." && isDigit(whole + 1) {
                    let fraction = run(from: whole + 1, while: isDigit)
                    if let (scale, unit) = tail(fraction) { return ((fraction, scale, unit), fraction) }
                }
                // A shorter run of digits is followed by a digit, neither a scale nor a unit.
                // (The digits after a `.` are a run of their own: the next match may start there.)
                return (tail(whole).map { (whole, $0.0, $0.1) }, whole)
            }
            guard numerals.contains(c[start]) else { return (nil, start + 1) }
            // Only the longest run can be followed by a scale or unit: a shorter one is followed
            // by a numeral, and 千 then a unit would let the longest run match as well.
            let end = run(from: start) { numerals.contains(c[$0]) }
            return (tail(end).map { (end, $0.0, $0.1) }, end)
        }
    }

    /// Every range stated in `text`, in order.
    public static func ranges(in text: String) -> [AmountRange] {
        let folded = text.precomposedStringWithCompatibilityMapping
        let matches = AmountMatch.all(in: folded)
        var result: [AmountRange] = []
        var index = 0
        while index < matches.count {
            let first = matches[index]
            guard let firstValue = value(first) else {
                index += 1
                continue
            }
            let unit = String(first.unit)
            let after = folded[first.range.upperBound...]
            let of = unit == "倍" ? multiplied(before: first.range.lowerBound, in: folded) : nil
            if let next = matches[safe: index + 1], String(next.unit) == unit, let nextValue = value(next),
                isRangeJoin(folded[first.range.upperBound..<next.range.lowerBound])
            {
                let end =
                    folded[next.range.upperBound...].hasPrefix("以下")
                    ? folded.index(next.range.upperBound, offsetBy: 2) : next.range.upperBound
                result.append(
                    AmountRange(
                        lower: firstValue, upper: nextValue, unit: unit, of: of,
                        text: String(folded[first.range.lowerBound..<end])))
                index += 2
                continue
            }
            if after.hasPrefix("以下") {
                result.append(
                    AmountRange(
                        lower: nil, upper: firstValue, unit: unit, of: of,
                        text: String(folded[first.range.lowerBound..<folded.index(first.range.upperBound, offsetBy: 2)])))
            } else if after.hasPrefix("以上") {
                result.append(
                    AmountRange(
                        lower: firstValue, upper: nil, unit: unit, of: of,
                        text: String(folded[first.range.lowerBound..<folded.index(first.range.upperBound, offsetBy: 2)])))
            } else {
                result.append(
                    AmountRange(
                        lower: firstValue, upper: firstValue, unit: unit, of: of,
                        text: String(folded[first.range])))
            }
            index += 1
        }
        return result
    }

    /// Between the two ends of a range: 以上 (and nothing else of substance), 至, 到, a dash.
    private static func isRangeJoin(_ between: Substring) -> Bool {
        let trimmed = between.trimmingCharacters(in: .whitespaces)
        return ["以上", "以上、", "以上，", "至", "到", "-", "—", "－", "~", "～", "以上至"].contains(trimmed)
    }

    /// The amount a match states, scale applied; `nil` when it is not a number or above
    /// ``maximumAmount`` (`9999999999999999999999元` is not a fine).
    private static func value(_ match: AmountMatch) -> Double? {
        let digits = match.number
        guard digits.count <= ChineseNumeral.maximumLength else { return nil }
        let base = Double(String(digits)) ?? ChineseNumeral.parse(digits).map(Double.init)
        guard let base, base.isFinite else { return nil }
        let scaled: Double
        switch match.scale {
        case "万": scaled = base * 10_000
        case "千": scaled = base * 1_000
        default: scaled = base
        }
        return scaled <= maximumAmount ? scaled : nil
    }

    private static func multiplied(before index: String.Index, in text: String) -> String? {
        let start = text.index(index, offsetBy: -16, limitedBy: text.startIndex) ?? text.startIndex
        let window = String(text[start..<index])
        var best: (word: String, end: Int)?
        for word in multipliedAmounts {
            guard let range = window.range(of: word, options: .backwards) else { continue }
            let end = window.distance(from: window.startIndex, to: range.upperBound)
            if best == nil || end > best!.end || (end == best!.end && word.count > best!.word.count) {
                best = (word, end)
            }
        }
        return best?.word
    }
}

extension Array {
    fileprivate subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
