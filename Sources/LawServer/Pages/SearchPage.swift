import LawAsk
import LawCorpus
import LawQuery

/// What the search page shows: the form as filled in and, after a search, its outcome.
struct SearchPageModel: Sendable {
    /// The search as the form holds it: the query and filters as given, and the page size.
    var parameters: SearchParameters
    /// Documents offered in the document filter.
    var documents: [DocumentRecord]
    /// Departments offered in the department filter.
    var departments: [DepartmentSummary]
    /// The result of the search, if one was made and succeeded.
    var result: SearchResult?
    /// Why the search failed, if it did.
    var error: ServiceError?
    /// The structured answer the query reads as (a citation's article, a question's list,
    /// changes, deadlines …), shown above the hits.
    var answer: AskAnswer?
    /// What to offer when nothing is found.
    var suggestions: Suggestions?

    /// The query as typed (empty before the first search).
    var query: String { parameters.query ?? "" }
    /// The selected kind filter.
    var kind: String? { parameters.kind }
    /// The selected document filter.
    var document: String? { parameters.document }
    /// The selected department (lists).
    var department: String? { parameters.department }
    /// The selected kind of list.
    var listKind: String? { parameters.listKind }
    /// The day whose list versions are searched.
    var asOf: String? { parameters.asOf }
    /// Page size.
    var limit: Int { parameters.limit }

    /// Creates the model.
    init(
        query: String = "", kind: String? = nil, document: String? = nil, department: String? = nil,
        listKind: String? = nil, asOf: String? = nil, limit: Int = 10,
        documents: [DocumentRecord], departments: [DepartmentSummary] = [], result: SearchResult? = nil,
        error: ServiceError? = nil
    ) {
        self.parameters = SearchParameters(
            query: query, kind: kind, document: document, department: department,
            listKind: listKind, asOf: asOf, limit: limit)
        self.documents = documents
        self.departments = departments
        self.result = result
        self.error = error
    }
}

extension Pages {
    /// `/`: the search form and, after a search, the hits with highlighted snippets and page links.
    static func search(_ model: SearchPageModel, publicMode: Bool) -> String {
        var main: HTML = "<h1 class=\"sr\">法规检索</h1>\n" + SearchForm.html(model)
        if let answer = model.answer {
            main += AnswerCard.html(answer, asOf: model.asOf)
        }
        if let error = model.error, model.answer == nil {
            main += errorMessage(error) + "\n"
        } else if let result = model.result {
            main += results(result, model: model)
            if result.total == 0, let suggestions = model.suggestions { main += suggestionsHTML(suggestions) }
        } else if model.answer == nil {
            main += introduction(model.documents)
        }
        let title = model.query.isEmpty ? "检索" : "\(model.query) - 检索"
        return PageFrame.render(title: title, publicMode: publicMode, current: "/", main: main)
    }

    /// The summary line, the hits of this page and the page links; or why there are none.
    private static func results(_ result: SearchResult, model: SearchPageModel) -> HTML {
        guard !result.hits.isEmpty else {
            let message =
                result.total == 0
                ? "没有找到与“\(result.query)”相关的条文。可减少检索词或去掉筛选条件后再试。"
                : "本页没有结果；共 \(result.total) 条。"
            return "<p class=\"summary\">\(message)</p>\n"
        }
        let first = result.offset + 1
        let last = result.offset + result.hits.count
        return """
            <p class="summary">“\(result.query)”共 \(result.total) 条结果，显示第 \(first)–\(last) 条</p>
            <ol class="results" start="\(first)">
            \(result.hits.map { hit($0, asOf: model.asOf) }.joined())</ol>
            \(pager(result, model: model))
            """
    }

    /// One hit: its kind, its title linked to its page, where it is, and the snippet.
    private static func hit(_ hit: SearchHit, asOf: String?) -> HTML {
        let location = hit.location.isEmpty ? "" : " · " + hit.location
        var heading = HTML(text: hit.title)
        var whereLine = hit.document + location
        if hit.kind == .regulation, let article = hit.article {
            heading = HTML.link(HTML.articlePath(document: hit.document, article: article, version: hit.version), hit.title)
            whereLine = hit.document + (hit.version.map { "（\($0)年版本）" } ?? "") + location
        } else if hit.kind == .list, let department = hit.department, let listKind = hit.listKind {
            heading = HTML.link(HTML.listPath(department: department, kind: listKind, asOf: asOf, item: hit.itemID), hit.title)
            whereLine = [department, listKind.rawValue, hit.version.map { "版本 \($0)" }, hit.itemID].compactMap { $0 }
                .joined(separator: " · ")
        }
        return """
            <li class="hit">
            <h2><span class="kind">\(hit.kind.chineseName)</span>\(heading)\(HTML.sampleLabel(status: hit.status))</h2>
            <p class="where">\(whereLine)</p>
            <p class="snippet">\(HTML.snippet(hit.snippet))</p>
            </li>

            """
    }

    /// Near names (您是不是要找) and the lists of the department asked about.
    private static func suggestionsHTML(_ suggestions: Suggestions) -> HTML {
        var html: HTML = ""
        if !suggestions.names.isEmpty {
            let links = suggestions.names.map { HTML.link(HTML.searchPath([("q", $0)]), $0) }
            html += "<p class=\"suggest hint\">您是不是要找：\(links.joined(separator: "、"))</p>\n"
        }
        if let department = suggestions.department, !suggestions.kinds.isEmpty {
            let links = suggestions.kinds.map { HTML.link(HTML.listPath(department: department, kind: $0), $0.rawValue) }
            html += "<p class=\"suggest hint\">\(department)的清单：\(links.joined(separator: "、"))</p>\n"
        }
        return html
    }

    /// Links to the previous and next pages of hits, and which page this is; nothing for one page.
    private static func pager(_ result: SearchResult, model: SearchPageModel) -> HTML {
        let pages = max(1, (result.total + result.limit - 1) / result.limit)
        guard pages > 1 else { return "" }
        func page(at offset: Int) -> String {
            model.parameters.link("/", offset: offset, compact: true)
        }
        let current = result.offset / result.limit + 1
        let previous =
            result.offset > 0
            ? HTML.link(page(at: max(0, result.offset - result.limit)), "‹ 上一页", rel: "prev")
            : "<span></span>"
        let next =
            result.offset + result.limit < result.total
            ? HTML.link(page(at: result.offset + result.limit), "下一页 ›", rel: "next")
            : "<span></span>"
        return "<nav class=\"pager\" aria-label=\"分页\">\(previous)<span>第 \(current) / \(pages) 页</span>\(next)</nav>\n"
    }

    /// Before the first search: example queries and the documents of the corpus.
    private static func introduction(_ documents: [DocumentRecord]) -> HTML {
        let examples = ["违法行为轻微并及时改正", "查封 扣押 期限", "听证 OR 陈述", "清单 -证明"]
            .map { HTML.link(HTML.searchPath([("q", $0)]), $0) }.joined(separator: "　")
        let rows = documents.map { document -> HTML in
            let name = document.shortName ?? document.title
            return """
                <tr><td><span class="kind">\(document.kind.chineseName)</span>\
                \(HTML.link(HTML.searchPath([("document", name)]), document.title))</td>\
                <td>\(document.status ?? "")</td><td>\(document.units)</td></tr>
                """
        }
        return """
            <p>试试：\(examples)</p>
            <h2>收录文件</h2>
            <table class="documents">
            \(Tables.head(["文件", "效力", "条目数"]))
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody>
            </table>

            """
    }
}
