/// Finds article citations in Chinese legal text and reads single citations typed by users.
///
/// Understands `《中华人民共和国行政处罚法》第三十三条第一款`, short titles with or without 《》
/// (when registered), `本法`/`本条例` (the current document), Arabic and full-width digits
/// (`第33条`, `第３３条`), lists (`第三十二条、第三十三条`, `第三十二、三十三条`,
/// `第二十八条第一款、第二款`), ranges (`第六十七条至第六十九条`) and items (`第（二）项`,
/// `第二项`). A 《title》 not followed by an article is not a citation.
public struct CitationParser: Sendable {
    /// The register that turns names into canonical titles.
    public let names: DocumentNames
    /// What this parser already worked out: names resolved, texts analysed.
    private let memo: CitationMemo

    /// A parser resolving names with `names`.
    public init(names: DocumentNames) {
        self.names = names
        memo = CitationMemo()
    }

    /// Words meaning "this document".
    static let selfReferences = ["本条例", "本法", "本规定", "本办法", "本细则", "本规则", "本决定", "本准则"]
    private static let selfReferenceWords = selfReferences.map(FoldedText.Word.init)

    /// Separators between articles of a list or range, longest first.
    private static let continuations = ["以及", "或者", "、", "和", "及", "或", "至", "到"].map(FoldedText.Word.init)
    /// Separators between paragraphs or items.
    private static let listSeparators = ["以及", "或者", "、", "和", "及", "或"].map(FoldedText.Word.init)

    /// The codes (``FoldedText/codes``) of the characters the grammar looks for.
    private enum Code {
        static let di = FoldedText.code("第")
        static let tiao = FoldedText.code("条")
        static let kuan = FoldedText.code("款")
        static let xiang = FoldedText.code("项")
        static let comma = FoldedText.code("、")
        static let open = FoldedText.code("《")
        static let close = FoldedText.code("》")
        static let leftParenthesis = FoldedText.code("(")
        static let rightParenthesis = FoldedText.code(")")
    }

    /// Whether `text` may hold a citation or a `第…条` reference at all: every one starts with
    /// 第, and no other character folds (NFKC) to 第, so a text without it has none. Checked on
    /// the UTF-8 bytes, before any folding.
    static func mayReference(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= 3 else { return false }
            var i = 0
            let end = bytes.count - 2
            while i < end {
                // 第 is U+7B2C: E7 AC AC.
                if bytes[i] == 0xE7 && bytes[i + 1] == 0xAC && bytes[i + 2] == 0xAC { return true }
                i += 1
            }
            return false
        }
    }

    /// The citations of `text` (as ``citations(in:currentDocument:)`` with no current document)
    /// and its references beyond any article (``outOfRangeReferences(in:)``), folding it once.
    /// Texts already analysed by this parser are answered from memory: lists repeat their
    /// 法律依据 from item to item.
    public func analyse(_ text: String) -> (citations: [Citation], outOfRange: [String]) {
        guard Self.mayReference(text) else { return ([], []) }
        if let known = memo.analysis(of: text) { return known }
        let folded = FoldedText(text)
        let found = (citations(in: folded, currentDocument: nil), outOfRangeReferences(in: folded))
        memo.remember(found, for: text)
        return found
    }

    /// The largest range (`第一条至第九十条`) expanded; longer ones keep only their ends.
    static let maximumRange = 50

    /// The longest citation a user may type, in characters; longer text is not read as one.
    public static let maximumTypedLength = 200

    /// Every citation in `text`, in order. `currentDocument` is the canonical title that
    /// `本法`/`本条例` and bare `第X条` refer to; with `nil`, bare `第X条` are not citations.
    public func citations(in text: String, currentDocument: String?) -> [Citation] {
        guard Self.mayReference(text) else { return [] }
        return citations(in: FoldedText(text), currentDocument: currentDocument)
    }

    private func citations(in t: FoldedText, currentDocument: String?) -> [Citation] {
        var result: [Citation] = []
        var depth = 0  // inside 《…》
        var lowerBound = 0  // a document name may not reach back before the last match
        var i = 0
        while i < t.count {
            let c = t.codes[i]
            if c == Code.open { depth += 1 } else if c == Code.close { depth = max(0, depth - 1) }
            guard c == Code.di, depth == 0, let match = references(in: t, at: i) else {
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
            let matched = memo.intern(t.text(start..<match.end))
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
    public func outOfRangeReferences(in text: String) -> [String] {
        guard Self.mayReference(text) else { return [] }
        return outOfRangeReferences(in: FoldedText(text))
    }

    private func outOfRangeReferences(in t: FoldedText) -> [String] {
        var result: [String] = []
        var i = 0
        while i < t.count {
            guard t.codes[i] == Code.di else {
                i += 1
                continue
            }
            var j = skipSpaces(t, i + 1)
            if j < t.count, t.codes[j] == Code.leftParenthesis { j += 1 }
            let (reading, end) = t.numeralReading(at: j)
            var k = end
            if k < t.count, t.codes[k] == Code.rightParenthesis { k += 1 }
            k = skipSpaces(t, k)
            let tooLarge: Bool
            switch reading {
            case .tooLarge: tooLarge = true
            case .number(let value): tooLarge = value > ChineseNumeral.maximumOrdinal
            case .invalid: tooLarge = false
            }
            if tooLarge, k < t.count, [Code.tiao, Code.kuan, Code.xiang].contains(t.codes[k]) {
                result.append(t.text(i..<(k + 1)))
                i = k + 1
            } else {
                i = max(end, i + 1)
            }
        }
        return result
    }

    /// Reads one citation typed by a user: `《行政处罚法》第三十三条第一款`, `行政处罚法第33条`,
    /// `行政处罚法 33`, `中华人民共和国行政处罚法第三十三条第二款第（一）项`. For a list, the
    /// first article. `nil` when the text is not a citation.
    public func parse(_ citation: String) -> Citation? {
        guard citation.unicodeScalars.count <= Self.maximumTypedLength * 4 else { return nil }
        var typed = TextSupport.trim(citation)
        while let last = typed.last, "。.;；,，".contains(last) { typed = TextSupport.trim(typed.dropLast()) }
        let t = FoldedText(typed)
        guard t.count > 0, t.count <= Self.maximumTypedLength else { return nil }
        // `…第X条…` covering the whole input.
        for k in 0..<t.count where t.codes[k] == Code.di {
            if let match = references(in: t, at: k), skipSpaces(t, match.end) == t.count,
                let first = match.references.first
            {
                return make(name: t.text(0..<k), reference: first, text: typed)
            }
        }
        // `行政处罚法 33`, `行政处罚法33条`, `行政处罚法 三十三`.
        var end = t.count
        if t.folded[end - 1] == "条" { end -= 1 }
        var start = end
        while start > 0, TextSupport.isNumeral(t.folded[start - 1]) { start -= 1 }
        guard start < end, let number = ChineseNumeral.ordinal(t.foldedText(start..<end)) else {
            return nil
        }
        let arabic = t.folded[start..<end].allSatisfy { $0.isASCII }
        guard arabic || start == 0 || TextSupport.isSpace(t.original[start - 1]) || end < t.count else {
            return nil
        }
        return make(name: t.text(0..<start), reference: Reference(article: number), text: typed)
    }

    private func make(name raw: String, reference: Reference, text: String) -> Citation {
        let cleaned = TextSupport.trim(raw.filter { !"《》".contains($0) })
        let selfReference = Self.selfReferences.contains(cleaned)
        let name = cleaned.isEmpty || selfReference ? nil : cleaned
        return Citation(
            document: name.flatMap(names.resolve), name: name, article: reference.article,
            paragraph: reference.paragraph, item: reference.item, text: text)
    }

    // MARK: - Grammar

    /// One expanded reference: article, paragraph, item.
    struct Reference: Equatable {
        var article: Int
        var paragraph: Int?
        var item: Int?
    }

    /// The references of the expression starting at `index` (a 第), and where it ends.
    func references(in t: FoldedText, at index: Int) -> (references: [Reference], end: Int)? {
        guard let first = articleGroup(in: t, at: index) else { return nil }
        var refs = first.references
        var end = first.end
        // Continuations: 、第三十三条  和第三十四条  至第六十九条  、三十三条
        while true {
            guard let separator = Self.continuations.first(where: { t.has($0, at: end) }) else { break }
            let next = skipSpaces(t, end + separator.count)
            guard let group = articleGroup(in: t, at: next) else { break }
            if separator.text == "至" || separator.text == "到", let from = refs.last?.article,
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
    private func articleGroup(in t: FoldedText, at index: Int) -> (references: [Reference], end: Int)? {
        var i = index
        let hasDi = t.has(Code.di, at: i)
        if hasDi { i += 1 }
        var articles: [Int] = []
        guard let (n, e) = number(in: t, at: skipSpaces(t, i)) else { return nil }
        articles.append(n)
        i = skipSpaces(t, e)
        while t.has(Code.comma, at: i), let (m, e2) = number(in: t, at: skipSpaces(t, i + 1)) {
            let after = skipSpaces(t, e2)
            guard t.has(Code.comma, at: after) || t.has(Code.tiao, at: after) else { break }
            articles.append(m)
            i = after
        }
        guard t.has(Code.tiao, at: i) else { return nil }
        i += 1
        guard hasDi || articles.count == 1 else { return nil }

        // Paragraphs: 第一款、第二款 (和第三款)
        var paragraphs: [Int] = []
        var j = skipSpaces(t, i)
        while let (p, e) = unit(Code.kuan, in: t, at: j) {
            paragraphs.append(p)
            i = e
            let next = skipSpaces(t, e)
            if let separator = listSeparator(in: t, at: next) {
                j = skipSpaces(t, next + separator)
            } else if t.has(Code.di, at: next) {
                j = next
            } else {
                break
            }
        }
        // Items: 第（二）项、第三项
        var items: [Int] = []
        j = skipSpaces(t, i)
        while let (item, e) = unit(Code.xiang, in: t, at: j) {
            items.append(item)
            i = e
            let next = skipSpaces(t, e)
            if let separator = listSeparator(in: t, at: next) {
                j = skipSpaces(t, next + separator)
            } else if t.has(Code.di, at: next) {
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
    private func listSeparator(in t: FoldedText, at index: Int) -> Int? {
        Self.listSeparators.first { t.has($0, at: index) }?.count
    }

    /// `第N款` / `第N项` / `第（N）项` at `index`.
    private func unit(_ unit: UInt32, in t: FoldedText, at index: Int) -> (Int, Int)? {
        guard t.has(Code.di, at: index) else { return nil }
        var i = skipSpaces(t, index + 1)
        let parenthesised = i < t.count && t.codes[i] == Code.leftParenthesis
        if parenthesised { i += 1 }
        guard let (n, e) = number(in: t, at: i) else { return nil }
        i = e
        if parenthesised {
            guard i < t.count, t.codes[i] == Code.rightParenthesis else { return nil }
            i += 1
        }
        i = skipSpaces(t, i)
        guard i < t.count, t.codes[i] == unit else { return nil }
        return (n, i + 1)
    }

    /// An article, paragraph or item number at `index`: 1…``ChineseNumeral/maximumOrdinal``.
    private func number(in t: FoldedText, at index: Int) -> (Int, Int)? {
        t.ordinal(at: index)
    }

    private func skipSpaces(_ t: FoldedText, _ index: Int) -> Int {
        var i = index
        // Spaces as written (ASCII, ideographic, no-break) all fold to a space, a tab or a
        // carriage return, and nothing else folds to these.
        while i < t.count, t.codes[i] == 0x20 || t.codes[i] == 0x09 || t.codes[i] == 0x0D { i += 1 }
        return i
    }

    /// The document an expression at `index` refers to, from the words just before it:
    /// 《title》, 本法/本条例, or a registered name. Returns where those words start.
    private func documentBefore(_ index: Int, in t: FoldedText, lowerBound: Int, currentDocument: String?)
        -> (start: Int, document: String?, name: String?)
    {
        if index > lowerBound, t.codes[index - 1] == Code.close {
            var k = index - 2
            var nesting = 0
            while k >= lowerBound {
                if t.codes[k] == Code.close { nesting += 1 }
                if t.codes[k] == Code.open {
                    if nesting == 0 { break }
                    nesting -= 1
                }
                k -= 1
            }
            if k >= lowerBound {
                let name = memo.intern(t.text((k + 1)..<(index - 1)))
                return (k, resolve(name), name)
            }
        }
        for word in Self.selfReferenceWords where index - word.count >= lowerBound && t.has(word, endingAt: index) {
            return (index - word.count, currentDocument, nil)
        }
        for (spelling, folded) in names.spellings {
            if index - folded.count >= lowerBound, t.has(folded, endingAt: index) {
                return (index - folded.count, resolve(spelling), spelling)
            }
        }
        return (index, currentDocument, nil)
    }

    /// `names.resolve(name)`, worked out once per name as written.
    private func resolve(_ name: String) -> String? {
        if let known = memo.resolved(name) { return known }
        let resolved = names.resolve(name)
        memo.remember(resolved, forName: name)
        return resolved
    }
}
