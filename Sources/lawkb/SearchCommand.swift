import ArgumentParser
import LawQuery

struct SearchCommand: ParsableCommand {
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
            """)

    @Argument(parsing: .allUnrecognized, help: "The query; several words mean AND.")
    var query: [String] = []

    @Option(help: "Only this kind of document: plan, regulation or list.")
    var kind: String?

    @Option(help: "Only this document (full title, short name or 文号).")
    var document: String?

    @Option(help: "Only the lists of this department (市场监管局, 乌审旗交通运输局 …).")
    var department: String?

    @Option(name: .customLong("list-kind"), help: "Only lists of this kind (不予处罚事项清单, 免罚清单, 裁量基准 …).")
    var listKind: String?

    @Option(name: .customLong("as-of"), help: "Search the list versions in force on this day (YYYY-MM-DD); today by default.")
    var asOf: String?

    @Option(help: "Hits per page (1–\(SearchRequest.maximumLimit)).")
    var limit: Int = 10

    @Option(help: "Hits to skip, for the next pages.")
    var offset: Int = 0

    @Flag(help: "Print JSON (matches marked with [ and ]).")
    var json = false

    @OptionGroup var options: IndexOptions

    func run() throws {
        do {
            let request = SearchRequest(query: query.joined(separator: " "), kind: kind, document: document,
                                        department: department, listKind: listKind, asOf: asOf,
                                        limit: limit, offset: offset)
            let result = try options.open().search(request)
            if json {
                var copy = result
                copy.hits = result.hits.map { hit in
                    var hit = hit
                    hit.snippet = Highlight.render(hit.snippet, open: "[", close: "]")
                    return hit
                }
                try Terminal.printJSON(copy)
            } else {
                printHuman(result)
            }
        } catch {
            throw Terminal.fail(error)
        }
    }

    private func printHuman(_ result: SearchResult) {
        guard !result.hits.isEmpty else {
            print(result.total == 0
                  ? "No hits for \(result.query)."
                  : "No hits on this page; \(result.total) in all (offset \(result.offset)).")
            return
        }
        let first = result.offset + 1
        let noun = result.total == 1 ? "hit" : "hits"
        print("\(result.total) \(noun) for \(result.query) (showing \(first)–\(result.offset + result.hits.count))")
        for (index, hit) in result.hits.enumerated() {
            print("")
            let sample = hit.status == "sample" ? "【示例】" : ""
            print("\(first + index). \(sample)\(hit.title)  ·  \(hit.document)")
            if !hit.location.isEmpty && hit.location != hit.title { print("   \(hit.location)") }
            print("   " + Terminal.highlighted(hit.snippet).replacingOccurrences(of: "\n", with: "\n   "))
        }
    }
}
