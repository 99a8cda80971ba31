import ArgumentParser
import LawAsk
import LawCorpus
import LawQuery

struct SearchCommand: Answering {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Full-text search in Chinese over the plan and the laws.",
        discussion: """
            Words separated by spaces must all match; OR between two words matches either; \
            -word excludes; "…" keeps words together as one phrase. Chinese needs no spaces: \
            every word or phrase is matched exactly.

              lawkb search 违法行为轻微并及时改正
              lawkb search 查封 扣押 期限 --document 行政强制法
              lawkb search 听证 OR 陈述 --kind regulation --json
              lawkb search 清单 -证明 --kind plan
              lawkb search 标签 --kind list --department 市场监管局 --list-kind 免罚清单
              lawkb search 罚款 --kind list --list-kind 裁量基准 --as-of 2023-01-01
              lawkb search 当场收缴 --document 行政处罚法 --version 2017
              lawkb search 当场收缴 --as-of 2020-05-01
            """)

    @Argument(parsing: .allUnrecognized, help: "The query; several words mean AND.")
    var query: [String] = []

    @Option(
        help: "Only this kind of document: plan (实施方案), regulation (法律法规) or list (清单).",
        transform: DocumentKind.option)
    var kind: DocumentKind?

    @Option(help: "Only this document (full title, short name or 文号).")
    var document: String?

    @Option(help: "Only the lists of this department (市场监管局, 乌审旗交通运输局 …).")
    var department: String?

    @Option(
        name: .customLong("list-kind"), help: "Only lists of this kind (不予处罚事项清单, 免罚清单, 裁量基准 …).",
        transform: ListKind.option)
    var listKind: ListKind?

    @Option(name: .customLong("as-of"), help: "检索该日（YYYY-MM-DD）施行的清单版本和法律版本；默认今日施行的清单和现行法律。")
    var asOf: String?

    @Option(name: .customLong("version"), help: "与 --document 一起：检索该法律的这一版本（如 2017）。")
    var lawVersion: String?

    @Option(help: "Hits per page (1–\(SearchRequest.maximumLimit)).")
    var limit: Int = 10

    @Option(help: "Hits to skip, for the next pages.")
    var offset: Int = 0

    @OptionGroup var format: OutputOptions<HitsAsJSON>

    @OptionGroup var options: IndexOptions

    func answer() throws {
        var request = SearchRequest(
            query: query.joined(separator: " "), kind: kind, document: document,
            department: department, listKind: listKind, asOf: asOf,
            limit: limit, offset: offset)
        request.version = lawVersion
        let queries = try options.open()
        let best = filtered || offset > 0 ? nil : Asker(queries).bestAnswer(for: request.query)
        var result: SearchResult?
        do {
            result = try queries.search(request)
        } catch {
            // A question or a citation may have no full-text hits of its own words.
            guard best != nil else { throw error }
        }
        if format.json {
            try Terminal.printJSON(
                SearchWithAnswer(
                    result: result.map(AnswerPayload.bracketed), request: request, answer: best))
            return
        }
        if let best {
            print(best.understoodLine)
            print("")
            AnswerPrinter.print(best.answer)
            print("")
            print("——— 全文检索 ———")
        }
        if let result { SearchPrinter.print(result) }
    }

    /// Whether a filter narrows the search: then the query is searched as typed, not asked.
    private var filtered: Bool {
        kind != nil || document != nil || department != nil || listKind != nil || asOf != nil || lawVersion != nil
    }
}

/// `search --json`: the search result and, under `answer`, the structured answer a question
/// or citation was understood as (`null` when the query is only a search).
/// When the words themselves could not be searched (only names), the result is empty.
struct SearchWithAnswer: Encodable {
    var result: SearchResult?
    var request: SearchRequest
    var answer: AskAnswer?

    private enum Keys: String, CodingKey { case answer }

    func encode(to encoder: any Encoder) throws {
        try (result ?? .empty(for: request)).encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(answer, forKey: .answer)
    }
}

/// Prints search hits for people.
enum SearchPrinter {
    static func print(_ result: SearchResult) {
        guard !result.hits.isEmpty else {
            Swift.print(
                result.total == 0
                    ? "没有找到“\(result.query)”的结果。"
                    : "本页没有结果；共 \(result.total) 条（已跳过 \(result.offset) 条）。")
            return
        }
        let first = result.offset + 1
        Swift.print("共 \(result.total) 条结果：\(result.query)（显示第 \(first)–\(result.offset + result.hits.count) 条）")
        for (index, hit) in result.hits.enumerated() {
            Swift.print("")
            let sample = Terminal.sampleMark(hit.status)
            let version = hit.kind == .regulation ? hit.version.map { "（\($0)年版本）" } ?? "" : ""
            Swift.print("\(first + index). \(sample)\(hit.title)  ·  \(hit.document)\(version)")
            if !hit.location.isEmpty && hit.location != hit.title { Swift.print("   \(hit.location)") }
            Swift.print("   " + Terminal.highlighted(hit.snippet).replacingOccurrences(of: "\n", with: "\n   "))
        }
    }
}
