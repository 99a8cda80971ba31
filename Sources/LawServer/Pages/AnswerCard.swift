import LawAsk
import LawQuery

/// The best-answer card of the search page: how the query was understood (理解为：…) and the
/// answer in short, with a link to the page that shows it in full.
enum AnswerCard {
    /// Most rows (items, changes, deadlines) a card shows; the linked page has them all.
    static let rows = 5

    static func html(_ answer: AskAnswer, asOf: String?) -> String {
        var html = "<section class=\"answer notice\" aria-label=\"最佳答案\">\n"
        html += "<p class=\"understood\">\(HTML.escape(answer.understoodLine))</p>\n"
        html += body(answer.answer)
        html += "</section>\n"
        return html
    }

    private static func body(_ payload: AnswerPayload) -> String {
        switch payload {
        case .article(let record):
            return article(record)
        case .list(let list):
            let more = list.items.count > rows ? "<p>共 \(list.items.count) 项，\(HTML.link(HTML.listPath(department: list.department, kind: list.kind, asOf: list.version), "查看全部"))</p>\n" : ""
            return "<h2>\(HTML.link(HTML.listPath(department: list.department, kind: list.kind, asOf: list.version), list.title))\(HTML.sampleLabel(status: list.status))</h2>\n"
                + "<p class=\"meta\">\(HTML.escape("\(list.department) · \(list.kind) · 版本 \(list.version) · 施行 \(list.inForceFrom)"))</p>\n"
                + items(list.items.prefix(rows).map { "\($0.name)（\($0.id)）" }) + more
        case .lists(let lists):
            guard !lists.isEmpty else { return "<p>没有符合条件的清单。</p>\n" }
            return "<ul>\n" + lists.prefix(rows * 4).map { list in
                "<li>\(HTML.link(HTML.listPath(department: list.department, kind: list.kind, asOf: list.version), "\(list.department) · \(list.kind)"))"
                    + " <span class=\"meta\">\(HTML.escape("版本 \(list.version) · \(list.items) 项" + (list.inForce ? " · 现行" : "")))</span></li>"
            }.joined(separator: "\n") + "\n</ul>\n"
        case .changes(let changes):
            guard !changes.isEmpty else { return "<p>没有变化。</p>\n" }
            return items(changes.prefix(rows).map {
                "\($0.department) · \($0.kind)：\($0.from) → \($0.to)（新增 \($0.added.count)，删除 \($0.removed.count)，修改 \($0.changed.count)）"
            }) + (changes.count > rows ? "<p>共 \(changes.count) 处变化。</p>\n" : "")
        case .citedBy(let record):
            return "<h2>\(HTML.link(HTML.articlePath(document: record.document, article: record.article), "\(record.document) \(record.label)"))</h2>\n"
                + "<p>\(HTML.escape("\(record.asOf) 施行的清单中有 \(record.items.count) 项事项引用，另有 \(record.passages.count) 处方案或法律条文引用"))</p>\n"
                + items(record.items.prefix(rows).map { "\($0.department) · \($0.kind)：\($0.name)" })
        case .deadlines(let deadlines):
            return items(deadlines.prefix(rows).map { "\($0.due ?? "—") · \($0.rule)：\($0.task)" })
        case .departments(let departments):
            return items(departments.map { "\($0.name)（\($0.lists) 个清单版本）" })
        case .search:
            return ""
        }
    }

    private static func article(_ record: ArticleRecord) -> String {
        "<h2>\(HTML.link(HTML.articlePath(document: record.document, article: record.article), "\(record.document) \(record.label)"))</h2>\n"
            + "<p class=\"where\">\(HTML.escape(record.chapter))</p>\n"
            + "<div class=\"law-text\">" + record.text.split(separator: "\n").map { "<p>\(HTML.escape(String($0)))</p>" }.joined() + "</div>\n"
    }

    private static func items(_ lines: [String]) -> String {
        guard !lines.isEmpty else { return "" }
        return "<ul>\n" + lines.map { "<li>\(HTML.escape($0))</li>" }.joined(separator: "\n") + "\n</ul>\n"
    }
}
