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
    }

    /// The first citation in `question`, else the first document named; claims the words.
    public func recognise(_ question: inout Question) -> Match? {
        let text = question.text
        let parser = CitationParser(names: names)
        if let citation = parser.citations(in: text, currentDocument: nil).first(where: { $0.document != nil }),
            let document = citation.document
        {
            claim(citation.text, in: &question)
            return Match(document: document, article: citation.article, paragraph: citation.paragraph)
        }
        if let citation = parser.parse(text), let document = citation.document {
            question.claim(0..<question.characters.count)
            return Match(document: document, article: citation.article, paragraph: citation.paragraph)
        }
        for spelling in spellings {
            guard let range = question.occurrences(of: spelling).first,
                let document = names.resolve(String(spelling))
            else { continue }
            claimWithMarks(range, in: &question)
            return Match(document: document, article: nil, paragraph: nil)
        }
        return nil
    }

    private func claim(_ matched: String, in question: inout Question) {
        let words = Array(matched)
        if let range = question.occurrences(of: words).first { claimWithMarks(range, in: &question) }
    }

    /// Claims `range` and the 《》 around it.
    private func claimWithMarks(_ range: Range<Int>, in question: inout Question) {
        var lower = range.lowerBound
        var upper = range.upperBound
        if lower > 0, question.characters[lower - 1] == "《" { lower -= 1 }
        if upper < question.characters.count, question.characters[upper] == "》" { upper += 1 }
        question.claim(lower..<upper)
    }
}
