import LawCorpus

/// What a question asks for: which of lawkb's answers matches it.
public enum Intent: String, Codable, Equatable, Sendable, CaseIterable {
    /// A department's list (or one kind of list across departments).
    case list
    /// What changed between versions of lists.
    case changes
    /// What an article says.
    case article
    /// What changed between two versions of a law (新旧对照).
    case compare
    /// What cites an article.
    case citedBy = "cited-by"
    /// The plan's obligations and when they fall due.
    case deadlines
    /// The departments and 苏木镇.
    case departments
    /// Who met which obligation of the plan (督导): on time, late, overdue, not yet due.
    case compliance
    /// Full-text search, with the recognised names as filters.
    case search

    /// How the intent is named to people.
    public var label: String {
        switch self {
        case .list: return "清单"
        case .changes: return "清单变化"
        case .article: return "条文"
        case .compare: return "新旧对照"
        case .citedBy: return "引用该条的事项"
        case .deadlines: return "时间节点"
        case .departments: return "部门"
        case .compliance: return "督导"
        case .search: return "全文检索"
        }
    }
}

/// The request a question was understood as, in the index's own vocabulary. Keys that do
/// not apply are `null` in JSON.
public struct Understood: Codable, Equatable, Sendable {
    /// The department's official name.
    public var department: String?
    /// The canonical list kind (不予处罚事项清单).
    public var kind: String?
    /// The full title of the document.
    public var document: String?
    /// The version of the law named with it: a year (`2017`), or `previous` (旧/原: the one
    /// before the current). For a comparison, the version compared with the current one.
    public var version: String?
    /// The article number.
    public var article: Int?
    /// The paragraph (款) number.
    public var paragraph: Int?
    /// The day whose versions are asked about (YYYY-MM-DD).
    public var asOf: String?
    /// The first day of the period asked about.
    public var since: String?
    /// The last day of the period asked about.
    public var until: String?
    /// The words searched for (search only).
    public var terms: [String]?
    /// The statuses of the obligations asked about (compliance only, and absent from the JSON
    /// otherwise): `overdue` for 逾期了, `overdue` and `not_due` for 还有什么没完成; empty for
    /// every status.
    public var statuses: [ComplianceStatus]?

    enum CodingKeys: String, CodingKey {
        case department, kind, document, version, article, paragraph
        case asOf = "as_of"
        case since, until, terms, statuses
    }

    /// Nothing understood.
    public init(
        department: String? = nil, kind: String? = nil, document: String? = nil, version: String? = nil,
        article: Int? = nil, paragraph: Int? = nil, asOf: String? = nil, since: String? = nil, until: String? = nil,
        terms: [String]? = nil, statuses: [ComplianceStatus]? = nil
    ) {
        self.department = department
        self.kind = kind
        self.document = document
        self.version = version
        self.article = article
        self.paragraph = paragraph
        self.asOf = asOf
        self.since = since
        self.until = until
        self.terms = terms
        self.statuses = statuses
    }

    /// Writes every key, `null` when it does not apply, so clients can rely on the shape;
    /// `statuses` only in a compliance reading.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(department, forKey: .department)
        try container.encode(kind, forKey: .kind)
        try container.encode(document, forKey: .document)
        try container.encode(version, forKey: .version)
        try container.encode(article, forKey: .article)
        try container.encode(paragraph, forKey: .paragraph)
        try container.encode(asOf, forKey: .asOf)
        try container.encode(since, forKey: .since)
        try container.encode(until, forKey: .until)
        try container.encode(terms, forKey: .terms)
        // Only a compliance reading has statuses; other readings keep the keys they always had.
        try container.encodeIfPresent(statuses, forKey: .statuses)
    }
}

/// One reading of a question: what it asks and about what, with a line for people.
public struct Reading: Codable, Equatable, Sendable {
    /// What is asked.
    public var intent: Intent
    /// About what.
    public var understood: Understood
    /// `乌审旗市场监督管理局 · 不予处罚事项清单 · 现行版本`: how the question was understood.
    public var summary: String

    /// A reading.
    public init(intent: Intent, understood: Understood, summary: String) {
        self.intent = intent
        self.understood = understood
        self.summary = summary
    }
}
