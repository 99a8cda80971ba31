import Foundation

/// A text held twice, character by character: as written and NFKC-folded.
///
/// Parsers match on the folded characters (so `３３`, `（二）` and `33`, `(二)` look alike)
/// and cut what they report out of the original, so stored text stays as written. Folding is
/// per `Character`, which keeps both arrays the same length and their indices aligned.
struct FoldedText {
    /// The characters as written.
    let original: [Character]
    /// The same characters after NFKC; a character whose folding is not a single character is
    /// kept as written.
    let folded: [Character]

    /// Each folded character as one number: its Unicode scalar value when its canonical (NFC)
    /// form is one scalar, ``FoldedText/compound`` otherwise. Two characters with codes other than
    /// ``FoldedText/compound`` are equal (`==`, canonical equivalence) exactly when their codes
    /// are, so parsers compare codes instead of `Character`s where that is exact.
    let codes: [UInt32]

    init(_ text: some StringProtocol) {
        var original: [Character] = []
        var folded: [Character] = []
        var codes: [UInt32] = []
        original.reserveCapacity(text.utf8.count / 2)
        folded.reserveCapacity(text.utf8.count / 2)
        codes.reserveCapacity(text.utf8.count / 2)
        for c in text {
            original.append(c)
            if let scalar = Self.stableScalar(c) {
                folded.append(c)
                codes.append(scalar)
            } else {
                let f = FoldedText.fold(c)
                folded.append(f)
                codes.append(Self.code(f))
            }
        }
        self.original = original
        self.folded = folded
        self.codes = codes
    }

    var count: Int { folded.count }

    /// The code of a character made of several scalars (even in NFC); such characters are
    /// compared as `Character`s.
    static let compound = UInt32.max

    /// The scalar of `c` when `c` is one scalar that both NFKC and NFC leave as it is (ASCII,
    /// CJK punctuation, unified ideographs); `nil` for any other character.
    @inline(__always)
    static func stableScalar(_ c: Character) -> UInt32? {
        let scalars = c.unicodeScalars
        guard let first = scalars.first else { return nil }
        let v = first.value
        // Of CJK Symbols and Punctuation, U+3000, U+3036 and U+3038…U+303A change under NFKC.
        guard
            v < 0x80 || (0x4E00...0x9FFF).contains(v) || (0x3001...0x3035).contains(v) || v == 0x3037
                || (0x303B...0x303F).contains(v)
        else { return nil }
        return scalars.index(after: scalars.startIndex) == scalars.endIndex ? v : nil
    }

    /// The code of `c` (see ``codes``): its NFC scalar, or ``compound``.
    static func code(_ c: Character) -> UInt32 {
        if let scalar = stableScalar(c) { return scalar }
        let canonical = String(c).precomposedStringWithCanonicalMapping.unicodeScalars
        guard let first = canonical.first, canonical.count == 1 else { return compound }
        return first.value
    }

    /// Whether the folded character at `index` equals `c`, given `code`, the code of `c`.
    @inline(__always)
    func isCharacter(_ c: Character, code: UInt32, at index: Int) -> Bool {
        let here = codes[index]
        if here != Self.compound && code != Self.compound { return here == code }
        return here == code && folded[index] == c
    }

    /// Whether the folded character at `index` may appear in a number (``TextSupport/isNumeral(_:)``).
    @inline(__always)
    func isNumeral(at index: Int) -> Bool {
        let code = codes[index]
        if code < 0x80 { return (0x30...0x39).contains(code) }
        if code == Self.compound { return TextSupport.isNumeral(folded[index]) }
        return (0xFF10...0xFF19).contains(code) || Self.numeralCodes.contains(code)
    }

    /// The codes of ``ChineseNumeral/characters``.
    static let numeralCodes = Set(ChineseNumeral.characters.map(code))

    /// Whether the folded character at `index` has `code`, the code of a one-scalar character.
    @inline(__always)
    func has(_ code: UInt32, at index: Int) -> Bool {
        index >= 0 && index < codes.count && codes[index] == code
    }

    /// Whether the folded text has `word` (given with its codes) at `index`.
    func has(_ word: Word, at index: Int) -> Bool {
        guard index >= 0, index + word.count <= codes.count else { return false }
        for k in 0..<word.count where !isCharacter(word.characters[k], code: word.codes[k], at: index + k) {
            return false
        }
        return true
    }

    /// Whether the folded text ends with `word` just before `index`.
    func has(_ word: Word, endingAt index: Int) -> Bool {
        has(word, at: index - word.count)
    }

    /// A word to look for in folded text, with the codes of its characters worked out once.
    struct Word: Sendable {
        let text: String
        let characters: [Character]
        let codes: [UInt32]

        init(_ text: String) {
            self.text = text
            characters = Array(text)
            codes = characters.map(FoldedText.code)
        }

        var count: Int { characters.count }
    }

    /// The characters of `range` as written.
    func text(_ range: Range<Int>) -> String { String(original[range]) }

    /// The folded characters of `range`.
    func foldedText(_ range: Range<Int>) -> String { String(folded[range]) }

    /// Whether the folded text has `word` at `index`.
    func has(_ word: String, at index: Int) -> Bool {
        var i = index
        for c in word {
            guard i >= 0, i < folded.count, folded[i] == c else { return false }
            i += 1
        }
        return true
    }

    /// Whether the folded text ends with `word` just before `index`.
    func has(_ word: String, endingAt index: Int) -> Bool {
        has(word, at: index - word.count)
    }

    /// The first index at or after `start` (and before `end`) where `word` occurs.
    func firstIndex(of word: String, from start: Int, to end: Int? = nil) -> Int? {
        let limit = (end ?? folded.count) - word.count
        guard start <= limit else { return nil }
        for i in start...limit where has(word, at: i) { return i }
        return nil
    }

    /// The end of the run of numeral characters (digits or Chinese numerals) that starts at
    /// `index`; equal to `index` when there is none.
    func numeralRunEnd(from index: Int) -> Int {
        var i = index
        while i < folded.count, isNumeral(at: i) { i += 1 }
        return i
    }

    /// The run of ASCII digits starting at `index`, as an integer and its end; `nil` when there
    /// is none or it is too long to be a number.
    func digits(at index: Int) -> (value: Int, end: Int)? {
        var i = index
        while i < folded.count, folded[i].isASCII, folded[i].isWholeNumber { i += 1 }
        guard i > index, i - index <= ChineseNumeral.maximumLength,
            let value = Int(String(folded[index..<i]))
        else { return nil }
        return (value, i)
    }

    /// What the run of numeral characters starting at `index` says, and where it ends
    /// (equal to `index`, with ``ChineseNumeral/Reading/invalid``, when there is none).
    func numeralReading(at index: Int) -> (reading: ChineseNumeral.Reading, end: Int) {
        let end = numeralRunEnd(from: index)
        guard end > index else { return (.invalid, end) }
        guard end - index <= ChineseNumeral.maximumLength else { return (.tooLarge, end) }
        return (ChineseNumeral.read(String(folded[index..<end])), end)
    }

    /// A numeral (digits or Chinese) starting at `index`, its value and end; `nil` when the run
    /// is not a numeral or too large to be one.
    func numeral(at index: Int) -> (value: Int, end: Int)? {
        guard case (.number(let value), let end) = numeralReading(at: index) else { return nil }
        return (value, end)
    }

    /// An article, paragraph or item number (1…``ChineseNumeral/maximumOrdinal``) starting at
    /// `index`, and its end.
    func ordinal(at index: Int) -> (value: Int, end: Int)? {
        guard let (value, end) = numeral(at: index), (1...ChineseNumeral.maximumOrdinal).contains(value) else {
            return nil
        }
        return (value, end)
    }

    /// NFKC folding of one character, keeping characters whose folding is not one character.
    static func fold(_ c: Character) -> Character {
        if c.isASCII { return c }
        if let scalar = c.unicodeScalars.first, c.unicodeScalars.count == 1 {
            let v = scalar.value
            if (0x4E00...0x9FFF).contains(v) { return c }  // CJK unified ideographs are stable under NFKC
            // Full-width ASCII (，（）：；１…) and the ideographic space are NFKC's <wide> forms of
            // ASCII: folded here without asking Foundation, as they are in almost every text.
            if (0xFF01...0xFF5E).contains(v), let ascii = Unicode.Scalar(v - 0xFEE0) { return Character(ascii) }
            if v == 0x3000 { return " " }
        }
        let folded = String(c).precomposedStringWithCompatibilityMapping
        return folded.count == 1 ? folded.first! : c
    }
}

/// Small text helpers shared by the parsers.
enum TextSupport {
    /// Whitespace as found in Chinese texts: ASCII, ideographic space, no-break space.
    static func isSpace(_ c: Character) -> Bool {
        c == " " || c == "\t" || c == "\u{3000}" || c == "\u{00A0}" || c == "\r"
    }

    /// A character that may appear in a number: ASCII or full-width digit, or Chinese numeral.
    static func isNumeral(_ c: Character) -> Bool {
        if c.isASCII { return c.isWholeNumber }
        if let v = c.unicodeScalars.first?.value, (0xFF10...0xFF19).contains(v) { return true }
        return ChineseNumeral.characters.contains(c)
    }

    /// A Han (CJK ideograph) character.
    static func isHan(_ c: Character) -> Bool {
        guard let v = c.unicodeScalars.first?.value else { return false }
        return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v)
            || (0x20000...0x2FFFF).contains(v) || c == "〇"
    }

    /// `text` without leading and trailing whitespace (including ideographic spaces).
    static func trim(_ text: some StringProtocol) -> String {
        var chars = Substring(text)
        while let first = chars.first, isSpace(first) || first == "\n" { chars = chars.dropFirst() }
        while let last = chars.last, isSpace(last) || last == "\n" { chars = chars.dropLast() }
        return String(chars)
    }

    /// Collapses runs of whitespace to one space and drops whitespace between two Han
    /// characters (`总 则` → `总则`), as spacing in Chinese headings is typographic.
    static func normaliseSpacing(_ text: some StringProtocol) -> String {
        let chars = Array(trim(text))
        var out: [Character] = []
        var i = 0
        while i < chars.count {
            if isSpace(chars[i]) {
                var j = i
                while j < chars.count, isSpace(chars[j]) { j += 1 }
                let before = out.last
                let after = j < chars.count ? chars[j] : nil
                if let before, let after, isHan(before), isHan(after) {
                    // typographic spacing inside a Chinese phrase
                } else {
                    out.append(" ")
                }
                i = j
            } else {
                out.append(chars[i])
                i += 1
            }
        }
        return String(out)
    }

    /// Splits a file into lines, dropping a byte-order mark and carriage returns.
    static func lines(of text: String) -> [String] {
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        return body.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.last == "\r" ? String(line.dropLast()) : String(line)
        }
    }

    /// Whether a line is empty or whitespace only.
    static func isBlank(_ line: some StringProtocol) -> Bool {
        line.allSatisfy { isSpace($0) }
    }
}

/// Finds dates written as `2021年7月15日` (digits, full-width digits or Chinese numerals), with
/// a year in ``CalendarDate/parsedYears``.
enum DateScanner {
    /// Every date in `text`, in order, with the character range it occupies.
    static func dates(in text: FoldedText) -> [(date: CalendarDate, range: Range<Int>)] {
        var result: [(CalendarDate, Range<Int>)] = []
        var i = 0
        while i < text.count {
            if i == 0 || !TextSupport.isNumeral(text.folded[i - 1]),
                let (year, yEnd) = text.numeral(at: i), CalendarDate.parsedYears.contains(year), text.has("年", at: yEnd),
                let (month, mEnd) = text.numeral(at: yEnd + 1), text.has("月", at: mEnd),
                let (day, dEnd) = text.numeral(at: mEnd + 1), text.has("日", at: dEnd),
                let date = CalendarDate(year: year, month: month, day: day)
            {
                result.append((date, i..<(dEnd + 1)))
                i = dEnd + 1
            } else {
                i += 1
            }
        }
        return result
    }

    /// The first date in `text`.
    static func firstDate(in text: String) -> CalendarDate? {
        dates(in: FoldedText(text)).first?.date
    }
}
