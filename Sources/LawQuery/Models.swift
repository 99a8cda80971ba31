import LawCorpus

/// One ranked search hit. Its JSON form is a contract shared by `lawkb search --json`
/// and the HTTP API.
public struct SearchHit: Codable, Equatable, Sendable {
    /// Stable id of the unit within this index.
    public var id: Int64
    /// The kind of document the unit belongs to (`plan`, `regulation` or `list` in JSON).
    public var kind: DocumentKind
    /// Full title of the document (for list hits, the list's title).
    public var document: String
    /// Title of the unit: `行政处罚法 第三十三条`, a measure heading, `进度安排`.
    public var title: String
    /// Where the unit sits: `第四章　行政处罚的管辖和适用 › 第三十三条`.
    public var location: String
    /// An excerpt around the matches; matches are wrapped in ``Highlight/open`` and ``Highlight/close``.
    public var snippet: String
    /// Relevance: higher is better (negated bm25).
    public var score: Double
    /// Article number, for regulation hits.
    public var article: Int?
    /// Department, for list hits.
    public var department: String?
    /// Kind of list, for list hits.
    public var listKind: ListKind?
    /// Version date of the list, for list hits; version of the law (`2023`) for regulation hits.
    public var version: String?
    /// `sample` (shown as 示例) or `official`, for list hits.
    public var status: ListStatus?
    /// The item's stable id, for list hits.
    public var itemID: String?
    /// For a hit found only through the thesaurus (ranked after the literal hits): which
    /// query term found it as which written form. Absent for literal hits.
    public var matchedVia: [MatchedVia]?

    enum CodingKeys: String, CodingKey {
        case id, kind, document, title, location, snippet, score, article, department
        case
            listKind = "list_kind"
        case version, status
        case itemID = "item_id"
        case matchedVia = "matched_via"
    }

    /// Creates a hit.
    public init(
        id: Int64, kind: DocumentKind, document: String, title: String, location: String, snippet: String,
        score: Double, article: Int? = nil, department: String? = nil, listKind: ListKind? = nil,
        version: String? = nil, status: ListStatus? = nil, itemID: String? = nil,
        matchedVia: [MatchedVia]? = nil
    ) {
        self.id = id
        self.kind = kind
        self.document = document
        self.title = title
        self.location = location
        self.snippet = snippet
        self.score = score
        self.article = article
        self.department = department
        self.listKind = listKind
        self.version = version
        self.status = status
        self.itemID = itemID
        self.matchedVia = matchedVia
    }
}

/// The answer to a search: one page of hits and the total number of matches.
public struct SearchResult: Codable, Equatable, Sendable {
    /// The query as the user typed it.
    public var query: String
    /// How many units match in all (not only this page).
    public var total: Int
    /// Page size used.
    public var limit: Int
    /// Number of hits skipped before this page.
    public var offset: Int
    /// The hits of this page, best first.
    public var hits: [SearchHit]
}

extension SearchResult {
    /// The answer of a search that found nothing of its own words (a question answered
    /// otherwise): no hits, the request's page.
    public static func empty(for request: SearchRequest) -> SearchResult {
        SearchResult(query: request.query, total: 0, limit: request.limit, offset: request.offset, hits: [])
    }
}

/// The markers wrapped around matched text in snippets.
///
/// Internally they are private-use characters that never occur in the corpus; front ends
/// turn them into `[`…`]` (JSON), ANSI bold (terminal) or `<mark>` (HTML).
public enum Highlight {
    /// Marks the start of a match inside a snippet.
    public static let open = "\u{E000}"
    /// Marks the end of a match inside a snippet.
    public static let close = "\u{E001}"

    /// Replaces the markers with `open`/`close`.
    public static func render(_ snippet: String, open: String, close: String) -> String {
        snippet.replacingOccurrences(of: Self.open, with: open)
            .replacingOccurrences(of: Self.close, with: close)
    }
}

/// An article of a regulation, as shown by `lawkb article` and `lawkb cite`.
public struct ArticleRecord: Codable, Equatable, Sendable {
    /// Full title of the regulation.
    public var document: String
    /// The name people use (行政处罚法).
    public var shortName: String?
    /// Version of the regulation (2021).
    public var version: String?
    /// Validity: 现行有效, 已修改 …
    public var status: String?
    /// Article number.
    public var article: Int
    /// The label as written: 第三十三条.
    public var label: String
    /// The enclosing chapter (and section): `第四章　行政处罚的管辖和适用`.
    public var chapter: String
    /// The article's full text.
    public var text: String
    /// Line of the article in its corpus file.
    public var line: Int
    /// First day the version was in force (YYYY-MM-DD), when known.
    public var inForceFrom: String?
    /// The next version's first day (exclusive), while a later version exists.
    public var inForceUntil: String?
    /// The version's document id in this index, for queries that follow the article; not part of the JSON.
    public var documentID: Int64 = 0
    /// The corresponding article of each other version of the law, oldest first.
    public var counterparts: [ArticleCounterpart] = []
    /// How the article was reached from another version's number on a day (`--as-of`);
    /// `nil` when it was asked for directly.
    public var asOf: AsOfReading?

    enum CodingKeys: String, CodingKey {
        case document
        case shortName = "short_name"
        case version, status, article, label, chapter, text, line
        case
            inForceFrom = "in_force_from"
        case inForceUntil = "in_force_until"
        case counterparts
        case asOf = "as_of"
    }

    /// Reads a record; `counterparts` may be missing (answers written before versions were compared).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        document = try container.decode(String.self, forKey: .document)
        shortName = try container.decodeIfPresent(String.self, forKey: .shortName)
        version = try container.decodeIfPresent(String.self, forKey: .version)
        status = try container.decodeIfPresent(String.self, forKey: .status)
        article = try container.decode(Int.self, forKey: .article)
        label = try container.decode(String.self, forKey: .label)
        chapter = try container.decode(String.self, forKey: .chapter)
        text = try container.decode(String.self, forKey: .text)
        line = try container.decode(Int.self, forKey: .line)
        inForceFrom = try container.decodeIfPresent(String.self, forKey: .inForceFrom)
        inForceUntil = try container.decodeIfPresent(String.self, forKey: .inForceUntil)
        counterparts = try container.decodeIfPresent([ArticleCounterpart].self, forKey: .counterparts) ?? []
        asOf = try container.decodeIfPresent(AsOfReading.self, forKey: .asOf)
    }

    /// Creates a record from its parts.
    public init(
        document: String, shortName: String?, version: String?, status: String?, article: Int, label: String,
        chapter: String, text: String, line: Int, inForceFrom: String? = nil, inForceUntil: String? = nil,
        documentID: Int64 = 0
    ) {
        self.document = document
        self.shortName = shortName
        self.version = version
        self.status = status
        self.article = article
        self.label = label
        self.chapter = chapter
        self.text = text
        self.line = line
        self.inForceFrom = inForceFrom
        self.inForceUntil = inForceUntil
        self.documentID = documentID
    }
}

/// An article asked for by its number in one version (today's, or one named) and read in the
/// version in force on a day: 行政处罚法第五十四条 on 2020-05-01 is 2017 第三十六条.
public struct AsOfReading: Codable, Equatable, Sendable {
    /// The day (YYYY-MM-DD).
    public var date: String
    /// The version whose numbering was used (`2021`).
    public var askedVersion: String?
    /// The number asked for, in that version.
    public var askedArticle: Int
    /// Its label: 第五十四条.
    public var askedLabel: String
    /// Every article of the version in force that carries it (two when it was merged from two).
    public var articles: [Int]

    enum CodingKeys: String, CodingKey {
        case date
        case askedVersion = "asked_version"
        case askedArticle = "asked_article"
        case askedLabel = "asked_label"
        case articles
    }

    /// `2020-05-01施行的是2017年版本，现行（2021年版本）第五十四条对应该版本第三十六条`.
    public func sentence(readVersion: String?, labels: [String]) -> String {
        let asked = "\(askedVersion ?? "")年版本\(askedLabel)"
        if askedVersion == readVersion { return "\(date)施行的就是\(readVersion ?? "")年版本，条号相同" }
        return "\(date)施行的是\(readVersion ?? "")年版本；\(asked)对应该版本\(labels.joined(separator: "、"))"
    }
}

/// A citation resolved to the article it names.
public struct CitationAnswer: Codable, Equatable, Sendable {
    /// The citation as typed.
    public var citation: String
    /// Paragraph (款) named by the citation, if any.
    public var paragraph: Int?
    /// Item (项) named by the citation, if any.
    public var item: Int?
    /// The text of the cited paragraph, when a paragraph was named and exists.
    public var paragraphText: String?
    /// The whole article.
    public var article: ArticleRecord

    enum CodingKeys: String, CodingKey {
        case citation, paragraph, item
        case paragraphText = "paragraph_text"
        case article
    }
}

/// An obligation of the plan: what is due, by whom, when, to whom it is reported.
public struct DeadlineRecord: Codable, Equatable, Sendable {
    /// The measure that imposes it.
    public var measure: String
    /// What must be done.
    public var task: String
    /// Who must do it.
    public var responsible: String?
    /// The due date (`YYYY-MM-DD`) for absolute rules; `nil` for relative and recurring ones.
    public var due: String?
    /// The rule as written: 2022年10月底前, 动态调整后10个工作日内, 每月25日前.
    public var rule: String
    /// How the deadline is fixed (`absolute`, `relative` or `recurring` in JSON).
    public var kind: DeadlineKind
    /// To whom it is reported or filed.
    public var reportTo: String?

    enum CodingKeys: String, CodingKey {
        case measure, task, responsible, due, rule, kind
        case reportTo = "report_to"
    }

    /// Writes every key, with `null` for what is unknown: scripts rely on `due` being present.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(measure, forKey: .measure)
        try container.encode(task, forKey: .task)
        try container.encode(responsible, forKey: .responsible)
        try container.encode(due, forKey: .due)
        try container.encode(rule, forKey: .rule)
        try container.encode(kind, forKey: .kind)
        try container.encode(reportTo, forKey: .reportTo)
    }
}

/// A document of the corpus, as listed by `lawkb documents` and `/api/documents`.
public struct DocumentRecord: Codable, Equatable, Sendable {
    /// `plan` or `regulation`.
    public var kind: DocumentKind
    /// Full title.
    public var title: String
    /// Short name or 文号.
    public var shortName: String?
    /// Issuing body.
    public var issuer: String?
    /// Promulgation date.
    public var promulgated: String?
    /// Effective date.
    public var effective: String?
    /// Validity.
    public var status: String?
    /// Version.
    public var version: String?
    /// Number of searchable units (articles, sections).
    public var units: Int

    enum CodingKeys: String, CodingKey {
        case kind, title
        case shortName = "short_name"
        case issuer, promulgated, effective, status, version, units
    }
}
