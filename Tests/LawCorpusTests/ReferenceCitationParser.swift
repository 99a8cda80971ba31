@testable import LawCorpus

// The citation parser as it was before it compared characters by code and skipped texts
// without 第: kept here, unchanged but for its name, so that tests can check the faster
// parser finds exactly what this one finds, in the same order.

/// Finds article citations in Chinese legal text and reads single citations typed by users.
///
/// Understands `《中华人民共和国行政处罚法》第三十三条第一款`, short titles with or without 《》
/// (when registered), `本法`/`本条例` (the current document), Arabic and full-width digits
/// (`第33条`, `第３３条`), lists (`第三十二条、第三十三条`, `第三十二、三十三条`,
/// `第二十八条第一款、第二款`), ranges (`第六十七条至第六十九条`) and items (`第（二）项`,
/// `第二项`). A 《title》 not followed by an article is not a citation.
struct ReferenceCitationParser: Sendable {
    /// The register that turns names into canonical titles.
    let names: DocumentNames

    /// A parser resolving names with `names`.
    init(names: DocumentNames) {
        self.names = names
    }

    /// Words meaning "this document".
    static let selfReferences = ["本条例", "本法", "本规定", "本办法", "本细则", "本规则", "本决定", "本准则"]

    /// The largest range (`第一条至第九十条`) expanded; longer ones keep only their ends.
    static let maximumRange = 50

    /// The longest citation a user may type, in characters; longer text is not read as one.
    static let maximumTypedLength = 200

    /// Every citation in `text`, in order. `currentDocument` is the canonical title that
    /// `本法`/`本条例` and bare `第X条` refer to; with `nil`, bare `第X条` are not citations.
    func citations(in text: String, currentDocument: String?) -> [Citation] {
        let t = ReferenceFoldedText(text)
        var result: [Citation] = []
        var depth = 0  // inside 《…》
        var lowerBound = 0  // a document name may not reach back before the last match
        var i = 0
        while i < t.count {
            let c = t.folded[i]
            if c == "《" { depth += 1 } else if c == "》" { depth = max(0, depth - 1) }
            guard c == "第", depth == 0, let match = references(in: t, at: i) else {
                i += 1
                continue
            }
            let (start, document, name) = documentBefore(
                i, in: t, lowerBound: lowerBound,
                currentDocument: currentDocument)
            if document == nil && name == nil && currentDocument == nil {
                i = match.end
                continue
            }
            let matched = t.text(start..<match.end)
            result += match.references.map {
                Citation(
                    document: document, name: name, article: $0.article, paragraph: $0.paragraph,
                    item: $0.item, text: matched)
            }
            lowerBound = match.end
            i = match.end
        }
        return result
    }

    /// The `第…条`, `第…款` and `第…项` expressions of `text` whose number is beyond any article,
    /// paragraph or item (larger than ``ChineseNumeral/maximumOrdinal``, or too long to be a
    /// number): ``citations(in:currentDocument:)`` does not read them as citations, and a corpus
    /// editor should hear about them.
    func outOfRangeReferences(in text: String) -> [String] {
        let t = ReferenceFoldedText(text)
        var result: [String] = []
        var i = 0
        while i < t.count {
            guard t.folded[i] == "第" else {
                i += 1
                continue
            }
            var j = skipSpaces(t, i + 1)
            if j < t.count, t.folded[j] == "(" { j += 1 }
            let (reading, end) = t.numeralReading(at: j)
            var k = end
            if k < t.count, t.folded[k] == ")" { k += 1 }
            k = skipSpaces(t, k)
            let tooLarge: Bool
            switch reading {
            case .tooLarge: tooLarge = true
            case .number(let value): tooLarge = value > ChineseNumeral.maximumOrdinal
            case .invalid: tooLarge = false
            }
            if tooLarge, k < t.count, "条款项".contains(t.folded[k]) {
                result.append(t.text(i..<(k + 1)))
                i = k + 1
            } else {
                i = max(end, i + 1)
            }
        }
        return result
    }

    // MARK: - Grammar

    /// One expanded reference: article, paragraph, item.
    struct Reference: Equatable {
        var article: Int
        var paragraph: Int?
        var item: Int?
    }

    /// The references of the expression starting at `index` (a 第), and where it ends.
    func references(in t: ReferenceFoldedText, at index: Int) -> (references: [Reference], end: Int)? {
        guard let first = articleGroup(in: t, at: index) else { return nil }
        var refs = first.references
        var end = first.end
        // Continuations: 、第三十三条  和第三十四条  至第六十九条  、三十三条
        while true {
            let separators = ["以及", "或者", "、", "和", "及", "或", "至", "到"]
            guard let separator = separators.first(where: { t.has($0, at: end) }) else { break }
            let next = skipSpaces(t, end + separator.count)
            guard let group = articleGroup(in: t, at: next) else { break }
            if separator == "至" || separator == "到", let from = refs.last?.article,
                let to = group.references.first?.article, to > from + 1, to - from <= Self.maximumRange
            {
                refs += (from + 1..<to).map { Reference(article: $0) }
            }
            refs += group.references
            end = group.end
        }
        return (refs, end)
    }

    /// `第三十二条第一款、第二款第（三）项` or `第三十二、三十三条` (the 第 optional after a list
    /// separator), expanded to references.
    private func articleGroup(in t: ReferenceFoldedText, at index: Int) -> (references: [Reference], end: Int)? {
        var i = index
        let hasDi = t.has("第", at: i)
        if hasDi { i += 1 }
        var articles: [Int] = []
        guard let (n, e) = number(in: t, at: skipSpaces(t, i)) else { return nil }
        articles.append(n)
        i = skipSpaces(t, e)
        while t.has("、", at: i), let (m, e2) = number(in: t, at: skipSpaces(t, i + 1)) {
            let after = skipSpaces(t, e2)
            guard t.has("、", at: after) || t.has("条", at: after) else { break }
            articles.append(m)
            i = after
        }
        guard t.has("条", at: i) else { return nil }
        i += 1
        guard hasDi || articles.count == 1 else { return nil }

        // Paragraphs: 第一款、第二款 (和第三款)
        var paragraphs: [Int] = []
        var j = skipSpaces(t, i)
        while let (p, e) = unit("款", in: t, at: j) {
            paragraphs.append(p)
            i = e
            let next = skipSpaces(t, e)
            if let separator = listSeparator(in: t, at: next) {
                j = skipSpaces(t, next + separator)
            } else if t.has("第", at: next) {
                j = next
            } else {
                break
            }
        }
        // Items: 第（二）项、第三项
        var items: [Int] = []
        j = skipSpaces(t, i)
        while let (item, e) = unit("项", in: t, at: j) {
            items.append(item)
            i = e
            let next = skipSpaces(t, e)
            if let separator = listSeparator(in: t, at: next) {
                j = skipSpaces(t, next + separator)
            } else if t.has("第", at: next) {
                j = next
            } else {
                break
            }
        }

        var refs: [Reference] = []
        for article in articles {
            if paragraphs.isEmpty && items.isEmpty {
                refs.append(Reference(article: article))
                continue
            }
            for p in paragraphs.dropLast() { refs.append(Reference(article: article, paragraph: p)) }
            if items.isEmpty {
                refs.append(Reference(article: article, paragraph: paragraphs.last))
            } else {
                refs += items.map { Reference(article: article, paragraph: paragraphs.last, item: $0) }
            }
        }
        return (refs, i)
    }

    /// The length of a separator between paragraphs or items (`第一款、第二款`, `第一项和第二项`)
    /// at `index`, when one is there.
    private func listSeparator(in t: ReferenceFoldedText, at index: Int) -> Int? {
        ["以及", "或者", "、", "和", "及", "或"].first { t.has($0, at: index) }?.count
    }

    /// `第N款` / `第N项` / `第（N）项` at `index`.
    private func unit(_ unit: Character, in t: ReferenceFoldedText, at index: Int) -> (Int, Int)? {
        guard t.has("第", at: index) else { return nil }
        var i = skipSpaces(t, index + 1)
        let parenthesised = i < t.count && t.folded[i] == "("
        if parenthesised { i += 1 }
        guard let (n, e) = number(in: t, at: i) else { return nil }
        i = e
        if parenthesised {
            guard i < t.count, t.folded[i] == ")" else { return nil }
            i += 1
        }
        i = skipSpaces(t, i)
        guard i < t.count, t.folded[i] == unit else { return nil }
        return (n, i + 1)
    }

    /// An article, paragraph or item number at `index`: 1…``ChineseNumeral/maximumOrdinal``.
    private func number(in t: ReferenceFoldedText, at index: Int) -> (Int, Int)? {
        t.ordinal(at: index)
    }

    private func skipSpaces(_ t: ReferenceFoldedText, _ index: Int) -> Int {
        var i = index
        while i < t.count, TextSupport.isSpace(t.original[i]) || t.folded[i] == " " { i += 1 }
        return i
    }

    /// The document an expression at `index` refers to, from the words just before it:
    /// 《title》, 本法/本条例, or a registered name. Returns where those words start.
    private func documentBefore(_ index: Int, in t: ReferenceFoldedText, lowerBound: Int, currentDocument: String?)
        -> (start: Int, document: String?, name: String?)
    {
        if index > lowerBound, t.folded[index - 1] == "》" {
            var k = index - 2
            var nesting = 0
            while k >= lowerBound {
                if t.folded[k] == "》" { nesting += 1 }
                if t.folded[k] == "《" {
                    if nesting == 0 { break }
                    nesting -= 1
                }
                k -= 1
            }
            if k >= lowerBound {
                let name = t.text((k + 1)..<(index - 1))
                return (k, names.resolve(name), name)
            }
        }
        for word in Self.selfReferences where index - word.count >= lowerBound && t.has(word, endingAt: index) {
            return (index - word.count, currentDocument, nil)
        }
        for spelling in names.names {
            let folded = String(spelling.map(ReferenceFoldedText.fold))
            if index - folded.count >= lowerBound, t.has(folded, endingAt: index) {
                return (index - folded.count, names.resolve(spelling), spelling)
            }
        }
        return (index, currentDocument, nil)
    }
}

/// The folded text the reference parser reads.
struct ReferenceFoldedText {
    /// The characters as written.
    let original: [Character]
    /// The same characters after NFKC; a character whose folding is not a single character is
    /// kept as written.
    let folded: [Character]

    init(_ text: some StringProtocol) {
        original = Array(text)
        folded = original.map(ReferenceFoldedText.fold)
    }

    var count: Int { folded.count }

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
        while i < folded.count, TextSupport.isNumeral(folded[i]) { i += 1 }
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
        if let scalar = c.unicodeScalars.first, c.unicodeScalars.count == 1,
            (0x4E00...0x9FFF).contains(scalar.value)
        {
            return c  // CJK unified ideographs are stable under NFKC
        }
        let folded = String(c).precomposedStringWithCompatibilityMapping
        return folded.count == 1 ? folded.first! : c
    }
}
