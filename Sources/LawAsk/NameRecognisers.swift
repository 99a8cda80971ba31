import LawCorpus

/// Finds the department a question is about, from the registry's names and the forms
/// people derive from them (交通, 市场局, 环保, 工商局).
public struct DepartmentRecogniser: Sendable {
    /// The departments and their spellings.
    public let registry: DepartmentRegistry
    private let spellings: [(spelling: [Character], departments: [Department])]

    /// A recogniser over `registry`.
    public init(registry: DepartmentRegistry) {
        self.registry = registry
        spellings = registry.spellings.map { (Array($0.spelling), $0.departments) }
    }

    /// What was found: the best reading and the other departments the words may mean.
    public struct Match: Sendable {
        /// The department chosen.
        public var department: Department
        /// Others the same words may name (an ambiguous derived form).
        public var alternatives: [Department]
        /// The words as written.
        public var words: String
    }

    /// The first department named in `question` (the longest spelling wins), claiming its words.
    public func recognise(_ question: inout Question) -> Match? {
        let lowered = Question(question.text.lowercased())
        for (spelling, departments) in spellings {
            guard let range = lowered.occurrences(of: spelling).first(where: { !question.isClaimed($0) }),
                let best = departments.first
            else { continue }
            question.claim(range)
            return Match(
                department: best, alternatives: Array(departments.dropFirst()),
                words: String(question.characters[range]))
        }
        return nil
    }
}

/// Finds the kind of list a question is about: any name or alias, with or without 清单/事项
/// (不予处罚, 免罚, 从轻, 裁量标准).
public struct KindRecogniser: Sendable {
    /// A recogniser over ``ListKind/spellings``.
    public init() {}

    /// What was found.
    public struct Match: Sendable {
        /// The kind.
        public var kind: ListKind
        /// Whether the words say "a list" by themselves (免罚清单, 裁量基准, 从轻处罚事项) rather
        /// than a phrase that may also be a legal term searched for (不予处罚, 不罚).
        public var explicit: Bool
    }

    /// The first kind of list named in `question`, claiming its words and a 清单/事项 after them.
    public func recognise(_ question: inout Question) -> Match? {
        for (spelling, kind) in ListKind.spellings {
            let word = Array(spelling)
            guard let range = question.occurrences(of: word).first else { continue }
            var end = range.upperBound
            var explicit = ["清单", "基准", "目录", "标准", "事项"].contains { spelling.hasSuffix($0) }
            for suffix in ["的事项", "的清单", "事项清单", "清单", "事项", "目录"] {
                let characters = Array(suffix)
                if end + characters.count <= question.characters.count,
                    Array(question.characters[end..<(end + characters.count)]) == characters
                {
                    end += characters.count
                    explicit = true
                    break
                }
            }
            question.claim(range.lowerBound..<end)
            return Match(kind: kind, explicit: explicit)
        }
        return nil
    }
}

/// Finds the article a question names (行政处罚法第33条, 《中华人民共和国行政强制法》第二十五条第二款,
/// 处罚法第51条, 行政处罚法 33) or, failing that, a document named without an article.
public struct CitationRecogniser: Sendable {
    /// The document names of the index.
    public let names: DocumentNames
    private let spellings: [[Character]]

    /// A recogniser resolving names with `names`.
    public init(names: DocumentNames) {
        self.names = names
        spellings = names.names.filter { $0.count >= 3 }.map { Array($0) }
    }

    /// A cited article, or a document named alone.
    public struct Match: Sendable {
        /// The canonical title.
        public var document: String
        /// The article, when one is named.
        public var article: Int?
        /// The paragraph (款), when one is named.
        public var paragraph: Int?
        /// The version written with the name: a year (`2017` of 2017年行政处罚法,
        /// 行政处罚法(2017)), or ``previousVersion`` for 旧/原行政处罚法.
        public var version: String? = nil
    }

    /// The version a name prefixed with 旧 or 原 means: the one before the current.
    public static let previousVersion = "previous"

    /// The first citation in `question`, else the first document named; claims the words and
    /// the version written with the name.
    public func recognise(_ question: inout Question) -> Match? {
        if let cited = citationAcrossVersion(&question) { return cited }
        let text = question.text
        let parser = CitationParser(names: names)
        var match: Match?
        var range: Range<Int>?
        if let citation = parser.citations(in: text, currentDocument: nil).first(where: { $0.document != nil }),
            let document = citation.document
        {
            range = question.occurrences(of: Array(citation.text)).first
            match = Match(document: document, article: citation.article, paragraph: citation.paragraph)
        } else if let citation = parser.parse(text), let document = citation.document {
            range = 0..<question.characters.count
            match = Match(document: document, article: citation.article, paragraph: citation.paragraph)
        } else {
            for spelling in spellings {
                guard let found = question.occurrences(of: spelling).first,
                    let document = names.resolve(String(spelling))
                else { continue }
                range = found
                match = Match(document: document, article: nil, paragraph: nil)
                break
            }
        }
        guard var match, let range else { return match }
        let marked = withMarks(range, in: question)
        match.version = Self.version(around: marked, in: &question)
        question.claim(marked)
        return match
    }

    /// A citation with the version between the name and the article (行政处罚法（2017年）第二十七条),
    /// claimed; `nil` when the question has none.
    private func citationAcrossVersion(_ question: inout Question) -> Match? {
        let characters = question.characters
        guard let open = characters.firstIndex(of: "("),
            let close = characters[open...].firstIndex(of: ")"), close - open <= 8
        else { return nil }
        var inside = String(characters[(open + 1)..<close])
        for ending in ["年版", "年", "版"] where inside.hasSuffix(ending) {
            inside = String(inside.dropLast(ending.count))
            break
        }
        guard let year = Self.year(ArraySlice(inside)) else { return nil }
        let removed = close + 1 - open
        let reduced = String(characters[..<open]) + String(characters[(close + 1)...])
        let parser = CitationParser(names: names)
        for citation in parser.citations(in: reduced, currentDocument: nil) {
            guard let document = citation.document,
                let found = Question(reduced).occurrences(of: Array(citation.text)).first,
                found.lowerBound < open, found.upperBound > open
            else { continue }
            var range = found.lowerBound..<(found.upperBound + removed)
            range = withMarks(range, in: question)
            question.claim(range)
            return Match(document: document, article: citation.article, paragraph: citation.paragraph, version: year)
        }
        return nil
    }

    /// The version written just before or after the name at `range` (2017年, 2017年版, 旧,
    /// 原 before it; (2017), （2017年） after it), claimed; `nil` when there is none. 新旧
    /// (新旧行政处罚法对照) names both versions, not one.
    static func version(around range: Range<Int>, in question: inout Question) -> String? {
        let characters = question.characters
        let start = range.lowerBound
        if start >= 1, "旧原".contains(characters[start - 1]), !(start >= 2 && characters[start - 2] == "新") {
            question.claim((start - 1)..<start)
            return previousVersion
        }
        for suffix in ["年版", "年"] {
            let end = start - suffix.count
            guard end >= 4, String(characters[end..<start]) == suffix,
                let year = year(characters[(end - 4)..<end])
            else { continue }
            question.claim((end - 4)..<start)
            return year
        }
        let after = range.upperBound
        guard after < characters.count, "(（".contains(characters[after]),
            let close = characters[after...].firstIndex(where: { ")）".contains($0) }), close - after <= 8
        else { return nil }
        var inside = String(characters[(after + 1)..<close])
        for ending in ["年版", "年", "版"] where inside.hasSuffix(ending) {
            inside = String(inside.dropLast(ending.count))
            break
        }
        guard let year = year(ArraySlice(inside)) else { return nil }
        question.claim(after..<(close + 1))
        return year
    }

    /// Four ASCII digits of a year lawkb reads.
    private static func year(_ characters: ArraySlice<Character>) -> String? {
        guard characters.count == 4, characters.allSatisfy({ $0.isASCII && $0.isNumber }),
            let value = Int(String(characters)), CalendarDate.parsedYears.contains(value)
        else { return nil }
        return String(characters)
    }

    /// `range` widened to the 《》 around it.
    private func withMarks(_ range: Range<Int>, in question: Question) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        if lower > 0, question.characters[lower - 1] == "《" { lower -= 1 }
        if upper < question.characters.count, question.characters[upper] == "》" { upper += 1 }
        return lower..<upper
    }
}
