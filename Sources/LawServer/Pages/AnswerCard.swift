import LawAsk
import LawCorpus
import LawQuery

/// The best-answer card of the search page: how the query was understood (理解为：…) and the
/// answer in short, with a link to the page that shows it in full.
enum AnswerCard {
    /// Most rows (items, changes, deadlines) a card shows; the linked page has them all.
    static let rows = 5

    static func html(_ answer: AskAnswer, asOf: String?) -> HTML {
        """
        <section class="answer notice" aria-label="最佳答案">
        <p class="understood">\(answer.understoodLine)</p>
        \(body(answer.answer, statuses: answer.reading.understood.statuses ?? []))</section>

        """
    }

    private static func body(_ payload: AnswerPayload, statuses: [ComplianceStatus]) -> HTML {
        switch payload {
        case .article(let record):
            return article(record)
        case .list(let list):
            return Self.list(list)
        case .lists(let lists):
            return Self.lists(lists)
        case .changes(let changes):
            guard !changes.isEmpty else { return "<p>没有变化。</p>\n" }
            let more: HTML = changes.count > rows ? "<p>共 \(changes.count) 处变化。</p>\n" : ""
            return items(
                changes.prefix(rows).map {
                    "\($0.department) · \($0.kind)：\($0.from) → \($0.to)"
                        + "（新增 \($0.added.count)，删除 \($0.removed.count)，修改 \($0.changed.count)）"
                }) + more
        case .citedBy(let record):
            let article = HTML.link(
                HTML.articlePath(document: record.document, article: record.article),
                "\(record.document) \(record.label)")
            return """
                <h2>\(article)</h2>
                <p>\(record.asOf) 施行的清单中有 \(record.items.count) 项事项引用，另有 \(record.passages.count) 处方案或法律条文引用</p>

                """ + items(record.items.prefix(rows).map { "\($0.department) · \($0.kind)：\($0.name)" })
        case .compare(let comparison):
            let path = QueryString.link(
                "/compare/\(QueryString.encode(comparison.document))", [("from", comparison.from), ("to", comparison.to)])
            let summary = comparison.summary
            return """
                <h2>\(HTML.link(path, "\(comparison.document) 新旧对照：\(comparison.from)年版本 → \(comparison.to)年版本"))</h2>
                <p>修改 \(summary.modified) 处，新增 \(summary.added) 条，删除 \(summary.removed) 条，\
                仅条号变化 \(summary.renumbered) 条，未修改 \(summary.unchanged) 条</p>

                """
        case .deadlines(let deadlines):
            return items(deadlines.prefix(rows).map { "\($0.due ?? "—") · \($0.rule)：\($0.task)" })
        case .departments(let departments):
            return items(departments.map { "\($0.name)（\($0.lists) 个清单版本）" })
        case .compliance(let report):
            return compliance(report, statuses: statuses)
        case .search:
            return ""
        }
    }

    /// A compliance answer: how many obligations in each status, the most urgent first, and
    /// a link to the 督导 page, which shows them all with their evidence.
    private static func compliance(_ report: ComplianceReport, statuses: [ComplianceStatus]) -> HTML {
        let departments = Set(report.rows.map(\.department))
        let department = departments.count == 1 ? departments.first : nil
        let path = HTML.compliancePath(department: department, asOf: report.asOf, overdueOnly: statuses == [.overdue])
        let rows = ComplianceTable.ordered(report.rows)
        let lines = rows.prefix(Self.rows).map { row -> HTML in
            let who: HTML = department == nil ? "\(row.department) · " : ""
            return """
                <li><span class="status \(row.status.cssClass)">\(row.status.chineseName)</span> \(who)\(row.task)\
                <span class="meta">（时限 \(row.due)\(row.statusDetail.map { "，\($0)" } ?? "")）</span></li>
                """
        }
        let list: HTML = lines.isEmpty ? "<p>没有符合条件的义务。</p>\n" : "<ul>\n\(lines.joined(separator: "\n"))\n</ul>\n"
        return """
            <h2>\(HTML.link(path, "督导：\(department ?? "各部门")（截至 \(report.asOf)）"))</h2>
            \(ComplianceTable.tally(report.rows, omittingNone: true))\(list)\
            <p>\(HTML.link(path, "在督导页查看全部 \(report.rows.count) 项及完成依据"))</p>

            """
    }

    /// An article: its name linked, its chapter and its text.
    private static func article(_ record: ArticleRecord) -> HTML {
        let link = HTML.link(
            HTML.articlePath(document: record.document, article: record.article),
            "\(record.document) \(record.label)")
        let paragraphs = record.text.split(separator: "\n").map { paragraph -> HTML in "<p>\(paragraph)</p>" }
        return """
            <h2>\(link)</h2>
            <p class="where">\(record.chapter)</p>
            <div class="law-text">\(paragraphs.joined())</div>

            """
    }

    /// A list version: its title linked, its facts and its first items.
    private static func list(_ list: ListRecord) -> HTML {
        let path = HTML.listPath(department: list.department, kind: list.kind, asOf: list.version)
        let more: HTML = list.items.count > rows ? "<p>共 \(list.items.count) 项，\(HTML.link(path, "查看全部"))</p>\n" : ""
        return """
            <h2>\(HTML.link(path, list.title))\(HTML.sampleLabel(status: list.status))</h2>
            <p class="meta">\(list.department) · \(list.kind) · 版本 \(list.version) · 施行 \(list.inForceFrom)</p>

            """ + items(list.items.prefix(rows).map { "\($0.name)（\($0.id)）" }) + more
    }

    /// List versions, each linked, with their item counts.
    private static func lists(_ lists: [ListSummary]) -> HTML {
        guard !lists.isEmpty else { return "<p>没有符合条件的清单。</p>\n" }
        let entries = lists.prefix(rows * 4).map { list -> HTML in
            let link = HTML.link(
                HTML.listPath(department: list.department, kind: list.kind, asOf: list.version),
                "\(list.department) · \(list.kind.rawValue)")
            return "<li>\(link) <span class=\"meta\">版本 \(list.version) · \(list.items) 项\(list.inForce ? " · 现行" : "")</span></li>"
        }
        return "<ul>\n\(entries.joined(separator: "\n"))\n</ul>\n"
    }

    /// Lines of text as a list; nothing when there are none.
    private static func items(_ lines: [String]) -> HTML {
        guard !lines.isEmpty else { return "" }
        return "<ul>\n\(lines.map { line -> HTML in "<li>\(line)</li>" }.joined(separator: "\n"))\n</ul>\n"
    }
}
