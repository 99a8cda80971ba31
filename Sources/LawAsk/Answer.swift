import LawCorpus
import LawQuery

/// The answer of the command a question was understood as: encoded exactly as that command
/// prints it with `--json` (`list`, `lists`, `changes`, `article`, `cited-by`, `deadlines`,
/// `departments`, `search`, `compliance`).
public enum AnswerPayload: Encodable, Sendable {
    /// `lawkb list DEPARTMENT KIND --json`.
    case list(ListRecord)
    /// `lawkb lists --json` (one kind across departments, or one department's lists).
    case lists([ListSummary])
    /// `lawkb changes --json`.
    case changes([ListChange])
    /// `lawkb article DOCUMENT NUMBER --json`.
    case article(ArticleRecord)
    /// `lawkb cited-by DOCUMENT NUMBER --json`.
    case citedBy(CitedByRecord)
    /// Two versions of a law compared article by article.
    case compare(VersionComparison)
    /// `lawkb deadlines --json`, the obligations the question is about first.
    case deadlines([DeadlineRecord])
    /// `lawkb departments --json`.
    case departments([DepartmentSummary])
    /// `lawkb search --json` (matches marked with `[` and `]`).
    case search(SearchResult)
    /// `lawkb compliance --json`, only the rows in the statuses the question names.
    case compliance(ComplianceReport)

    private enum Keys: String, CodingKey { case lists, changes, deadlines, departments }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .list(let record): try record.encode(to: encoder)
        case .article(let record): try record.encode(to: encoder)
        case .citedBy(let record): try record.encode(to: encoder)
        case .compare(let comparison): try comparison.encode(to: encoder)
        case .search(let result): try Self.bracketed(result).encode(to: encoder)
        case .compliance(let report): try report.encode(to: encoder)
        case .lists(let lists):
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(lists, forKey: .lists)
        case .changes(let changes):
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(changes, forKey: .changes)
        case .deadlines(let deadlines):
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(deadlines, forKey: .deadlines)
        case .departments(let departments):
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(departments, forKey: .departments)
        }
    }

    /// `result` with its match markers written `[` and `]`, as `search --json` prints them.
    public static func bracketed(_ result: SearchResult) -> SearchResult {
        var copy = result
        copy.hits = result.hits.map { hit in
            var hit = hit
            hit.snippet = Highlight.render(hit.snippet, open: "[", close: "]")
            return hit
        }
        return copy
    }
}

/// What `lawkb ask --json` and `GET /api/ask` return: the question, how it was understood,
/// the answer of the matching command, and the other readings it could have had.
public struct AskAnswer: Encodable, Sendable {
    /// The question as asked.
    public var question: String
    /// The reading chosen.
    public var reading: Reading
    /// The answer to that reading.
    public var answer: AnswerPayload
    /// Other readings the question could have had, best first.
    public var alternatives: [Reading]

    private enum Keys: String, CodingKey { case question, intent, understood, summary, answer, alternatives }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(question, forKey: .question)
        try container.encode(reading.intent, forKey: .intent)
        try container.encode(reading.understood, forKey: .understood)
        try container.encode(reading.summary, forKey: .summary)
        try container.encode(answer, forKey: .answer)
        try container.encode(alternatives, forKey: .alternatives)
    }

    /// The line people read first: `理解为：…`, with the other readings.
    public var understoodLine: String {
        var line = "理解为：" + reading.summary
        if !alternatives.isEmpty {
            line += "（也可能是：" + alternatives.prefix(3).map(\.summary).joined(separator: "；") + "）"
        }
        return line
    }
}
