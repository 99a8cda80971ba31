import LawCorpus

/// Finds article references (`第…条`, `第…款`, `第（…）项`) whose number cannot be read,
/// so that the import report names them: a number written with more digits than any
/// article has (第九九九九九九九九九九九九九九九九九九九条), an ill-formed numeral, or one
/// beyond the last article of any law. Such text is imported as written but cites nothing.
enum CitationCheck {
    /// The largest article, paragraph or item number taken as real (the longest law has
    /// about 1,300 articles).
    static let largestNumber = 100_000
    /// Numerals longer than this are not read at all.
    static let longestNumeral = 12

    /// The references in `text` whose number cannot be read, as written (`第九九…九条`).
    static func unreadableNumbers(in text: String) -> [String] {
        guard text.unicodeScalars.contains("第") else { return [] }
        let scalars = Array(text.unicodeScalars)
        var found: [String] = []
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "第" else {
                index += 1
                continue
            }
            let start = index
            var cursor = skipSpaces(scalars, index + 1)
            let parenthesised = cursor < scalars.count && (scalars[cursor] == "（" || scalars[cursor] == "(")
            if parenthesised { cursor += 1 }
            let numeralStart = cursor
            while cursor < scalars.count, isNumeral(scalars[cursor]) { cursor += 1 }
            let numeral = scalars[numeralStart..<cursor]
            if parenthesised, cursor < scalars.count, scalars[cursor] == "）" || scalars[cursor] == ")" {
                cursor += 1
            }
            cursor = skipSpaces(scalars, cursor)
            guard !numeral.isEmpty, cursor < scalars.count, "条款项".unicodeScalars.contains(scalars[cursor]) else {
                index = max(index + 1, numeralStart)
                continue
            }
            if !isReadable(numeral) {
                let shown = scalars[start...cursor]
                found.append(shown.count > 40 ? string(shown.prefix(20)) + "…" + string(shown.suffix(4)) : string(shown))
            }
            index = cursor + 1
        }
        return found
    }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        String(String.UnicodeScalarView(scalars))
    }

    /// Whether `numeral` reads as a number from 1 to ``largestNumber``.
    private static func isReadable(_ numeral: ArraySlice<Unicode.Scalar>) -> Bool {
        guard numeral.count <= longestNumeral, let value = ChineseNumeral.parse(string(numeral)) else { return false }
        return (1...largestNumber).contains(value)
    }

    /// The characters of Chinese numerals, as scalars.
    private static let numeralScalars = Set(ChineseNumeral.characters.flatMap(\.unicodeScalars))

    private static func isNumeral(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar) || (0xFF10...0xFF19).contains(scalar.value) || numeralScalars.contains(scalar)
    }

    private static func skipSpaces(_ scalars: [Unicode.Scalar], _ start: Int) -> Int {
        var index = start
        while index < scalars.count,
            scalars[index] == " " || scalars[index] == "\u{3000}"
                || scalars[index] == "\u{A0}" || scalars[index] == "\t"
        {
            index += 1
        }
        return index
    }
}
