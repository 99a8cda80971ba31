import LawAsk
import LawCorpus
import LawQuery

/// What the search page shows: the form as filled in and, after a search, its outcome.
public struct SearchPageModel: Sendable {
    /// The query as typed (empty before the first search).
    public var query: String
    /// The selected kind filter.
    public var kind: String?
    /// The selected document filter.
    public var document: String?
    /// The selected department (lists).
    public var department: String?
    /// The selected kind of list.
    public var listKind: String?
    /// The day whose list versions are searched.
    public var asOf: String?
    /// Page size.
    public var limit: Int
    /// Documents offered in the document filter.
    public var documents: [DocumentRecord]
    /// Departments offered in the department filter.
    public var departments: [DepartmentSummary]
    /// The result of the search, if one was made and succeeded.
    public var result: SearchResult?
    /// Why the search failed, if it did.
    public var error: ServiceError?
    /// The structured answer the query reads as (a citation's article, a question's list,
    /// changes, deadlines …), shown above the hits.
    public var answer: AskAnswer?
    /// What to offer when nothing is found.
    public var suggestions: Suggestions?

    /// Creates the model.
    public init(query: String = "", kind: String? = nil, document: String? = nil, department: String? = nil,
                listKind: String? = nil, asOf: String? = nil, limit: Int = 10,
                documents: [DocumentRecord], departments: [DepartmentSummary] = [], result: SearchResult? = nil,
                error: ServiceError? = nil) {
        self.query = query
        self.kind = kind
        self.document = document
        self.department = department
        self.listKind = listKind
        self.asOf = asOf
        self.limit = limit
        self.documents = documents
        self.departments = departments
        self.result = result
        self.error = error
    }
}

/// The server-rendered pages, in Chinese. They need no JavaScript and load nothing else.
public enum Pages {
    /// `/`: the search form and, after a search, the hits with highlighted snippets and page links.
    public static func search(_ model: SearchPageModel, publicMode: Bool) -> String {
        var main = "<h1 class=\"sr\">法规检索</h1>\n" + searchForm(model)
        if let answer = model.answer {
            main += AnswerCard.html(answer, asOf: model.asOf)
        }
        if let error = model.error, model.answer == nil {
            main += "<p class=\"error\" role=\"alert\">\(HTML.escape(error.chineseMessage))</p>\n"
        } else if let result = model.result {
            main += results(result, model: model)
            if result.total == 0, let suggestions = model.suggestions { main += suggestionsHTML(suggestions) }
        } else if model.answer == nil {
            main += introduction(model.documents)
        }
        let title = model.query.isEmpty ? "检索" : "\(model.query) - 检索"
        return HTML.page(title: title, publicMode: publicMode, current: "/", main: main)
    }

    /// `/articles/{document}/{number}`: one article with its chapter and neighbours.
    ///
    /// `citedBy` lists the list items (in versions in force today) and the plan passages and
    /// law articles that cite the article; the section is shown whenever it is given (an
    /// empty record says so), and left out when `nil`. `versions` are the law's versions:
    /// with more than one, the page says which this is and links the same article in the others.
    public static func article(
        _ record: ArticleRecord, previous: Int?, next: Int?, citedBy: CitedByRecord?,
        versions: [VersionSummary] = [], publicMode: Bool
    ) -> String {
        let name = record.shortName ?? record.document
        // Links stay on this version unless it is the current one.
        let linkVersion = record.status == RegulationMetadata.Status.inForce ? nil : record.version
        var meta = [HTML.link(HTML.documentPath(document: name, version: linkVersion),
                              record.document + (record.version.map { "（\($0)）" } ?? ""))]
        if let status = record.status { meta.append(HTML.escape(status)) }
        if !record.chapter.isEmpty { meta.append(HTML.escape(record.chapter)) }
        let paragraphs = record.text.split(separator: "\n", omittingEmptySubsequences: true)
            .map { "<p>\(HTML.escape(String($0)))</p>" }.joined(separator: "\n")
        var neighbours = ""
        if previous != nil || next != nil {
            let before = previous.map {
                HTML.link(HTML.articlePath(document: name, article: $0, version: linkVersion),
                          "‹ 第\(ChineseNumeralFormatter.format($0))条", attributes: "rel=\"prev\"")
            } ?? "<span></span>"
            let after = next.map {
                HTML.link(HTML.articlePath(document: name, article: $0, version: linkVersion),
                          "第\(ChineseNumeralFormatter.format($0))条 ›", attributes: "rel=\"next\"")
            } ?? "<span></span>"
            neighbours = "<nav class=\"neighbours\" aria-label=\"相邻条文\">\(before)\(after)</nav>\n"
        }
        let main = """
            <nav class="crumbs" aria-label="位置">\(HTML.link("/documents", "法规")) › \(HTML.link(HTML.documentPath(document: name, version: linkVersion), name)) › \(HTML.escape(record.label))</nav>
            <h1>\(HTML.escape(name)) \(HTML.escape(record.label))</h1>
            <p class="meta">\(meta.joined(separator: " · "))</p>
            \(versionNotice(record, versions: versions, name: name))<article class="law-text">
            \(paragraphs)
            </article>
            \(neighbours)\(citedBy.map(citedBySection) ?? "")
            """
        return HTML.page(title: "\(name) \(record.label)", publicMode: publicMode, current: "", main: main)
    }

    /// Which version an article belongs to, its period in force, and the same article in the
    /// law's other versions (by number; a renumbered article may have moved). Empty for a law
    /// with one version.
    private static func versionNotice(_ record: ArticleRecord, versions: [VersionSummary], name: String) -> String {
        guard versions.count > 1, let version = record.version else { return "" }
        let period = (record.inForceFrom.map { "施行 \($0)" } ?? "")
            + (record.inForceUntil.map { " 至 \($0) 前" } ?? " 起")
        let others = versions.filter { $0.version != version }.map { other in
            HTML.link(HTML.articlePath(document: name, article: record.article,
                                       version: other.status == RegulationMetadata.Status.inForce ? nil : other.version),
                      "\(other.version)年版本（\(other.status ?? "")）的\(record.label)")
        }.joined(separator: "、")
        return """
            <p class="notice">本条为\(HTML.escape(version))年版本（\(HTML.escape(record.status ?? ""))，\(HTML.escape(period))）。            其他版本：\(others)。条文序号可能随修订变化，请对照内容。</p>

            """
    }

    /// `/deadlines`: the plan's obligations as a table, soonest first.
    public static func deadlines(_ deadlines: [DeadlineRecord], publicMode: Bool) -> String {
        let rows = deadlines.map { deadline -> String in
            let kind: String
            switch deadline.kind {
            case "absolute": kind = "限期"
            case "relative": kind = "相对期限"
            case "recurring": kind = "定期"
            default: kind = deadline.kind
            }
            let who = deadline.responsible.map { "<strong>\(HTML.escape($0))</strong>：" } ?? ""
            return """
                <tr><td class="due">\(HTML.escape(deadline.due ?? "—"))<div class="rule">\(HTML.escape(kind))</div></td>\
                <td data-label="原文规定">\(HTML.escape(deadline.rule))</td>\
                <td data-label="所属措施">\(HTML.escape(deadline.measure))</td>\
                <td data-label="责任单位与任务">\(who)\(HTML.escape(deadline.task))</td>\
                <td data-label="报送至">\(HTML.escape(deadline.reportTo ?? "—"))</td></tr>
                """
        }.joined(separator: "\n")
        let main = """
            <h1>实施方案工作时限</h1>
            <p>乌司发〔2022〕11号规定的 \(deadlines.count) 项报送和完成时限：有具体日期的按日期排列，相对期限和定期报送列在最后。</p>
            <table class="deadlines stack">
            <thead><tr><th scope="col">期限</th><th scope="col">原文规定</th><th scope="col">所属措施</th><th scope="col">责任单位与任务</th><th scope="col">报送至</th></tr></thead>
            <tbody>
            \(rows)
            </tbody>
            </table>
            """
        return HTML.page(title: "工作时限", publicMode: publicMode, current: "/deadlines", main: main)
    }

    /// The page shown for a failed request (unknown address, unknown article …).
    public static func error(_ error: ServiceError, publicMode: Bool) -> String {
        let main = """
            <h1>\(error.status.code == 404 ? "未找到" : "无法完成请求")</h1>
            <p class="error" role="alert">\(HTML.escape(error.chineseMessage))</p>
            <p>\(HTML.link("/", "返回检索"))</p>
            """
        return HTML.page(title: "出错了", publicMode: publicMode, current: "", main: main)
    }

    private static func searchForm(_ model: SearchPageModel) -> String {
        func option(_ value: String, _ label: String, selected: Bool) -> String {
            "<option value=\"\(HTML.escape(value))\"\(selected ? " selected" : "")>\(HTML.escape(label))</option>"
        }
        let kinds = [option("", "全部类型", selected: model.kind == nil)]
            + SearchRequest.kinds.map { option($0, HTML.kindName($0), selected: model.kind == $0) }
        var documentOptions = [option("", "全部文件", selected: model.document == nil)]
        var offered = false
        for document in model.documents {
            let value = document.shortName ?? document.title
            let label = document.kind == "plan" ? "\(value)（实施方案）" : value
            let selected = model.document == value || model.document == document.title
            offered = offered || selected
            documentOptions.append(option(value, label, selected: selected))
        }
        if let document = model.document, !offered {
            documentOptions.append(option(document, document, selected: true))
        }
        var departmentOptions = [option("", "全部部门", selected: model.department == nil)]
        var departmentOffered = false
        for department in model.departments where department.lists > 0 {
            let selected = model.department.map {
                $0 == department.name || $0 == department.id || department.shortNames.contains($0)
            } ?? false
            departmentOffered = departmentOffered || selected
            departmentOptions.append(option(department.name, department.name, selected: selected))
        }
        if let department = model.department, !departmentOffered {
            departmentOptions.append(option(department, department, selected: true))
        }
        let listKind = model.listKind.map { ListKind.resolve($0)?.rawValue ?? $0 }
        var kindOptions = [option("", "全部清单", selected: listKind == nil)]
        kindOptions += ListKind.allCases.map { option($0.rawValue, $0.rawValue, selected: listKind == $0.rawValue) }
        if let listKind, ListKind(rawValue: listKind) == nil {
            kindOptions.append(option(listKind, listKind, selected: true))
        }
        let open = model.department != nil || model.listKind != nil || model.asOf != nil || model.kind == "list"
        return """
            <form class="search" method="get" action="/" role="search">
            <label class="sr" for="q">检索词</label>
            <input id="q" type="search" name="q" value="\(HTML.escape(model.query))" maxlength="\(QueryParser.maximumLength)" placeholder="例如：违法行为轻微 及时改正" autocomplete="off">
            <select name="kind" aria-label="文件类型">\(kinds.joined())</select>
            <select name="document" aria-label="文件">\(documentOptions.joined())</select>
            <button type="submit">检索</button>
            <details class="filters"\(open ? " open" : "")>
            <summary>清单筛选（部门、清单种类、施行日期）</summary>
            <div class="row">
            <select name="department" aria-label="部门">\(departmentOptions.joined())</select>
            <select name="list_kind" aria-label="清单种类">\(kindOptions.joined())</select>
            <label>施行于 <input type="date" name="as_of" value="\(HTML.escape(model.asOf ?? ""))"></label>
            </div>
            </details>
            </form>
            <p class="hint">空格分隔的词须同时出现；<code>OR</code> 连接的词出现其一即可；<code>-词</code> 排除含该词的条文；<code>"…"</code> 视为整体短语。中文无需空格。</p>

            """
    }

    private static func results(_ result: SearchResult, model: SearchPageModel) -> String {
        guard !result.hits.isEmpty else {
            let message = result.total == 0
                ? "没有找到与“\(result.query)”相关的条文。可减少检索词或去掉筛选条件后再试。"
                : "本页没有结果；共 \(result.total) 条。"
            return "<p class=\"summary\">\(HTML.escape(message))</p>\n"
        }
        let first = result.offset + 1
        let last = result.offset + result.hits.count
        var html = "<p class=\"summary\">“\(HTML.escape(result.query))”共 \(result.total) 条结果，显示第 \(first)–\(last) 条</p>\n"
        html += "<ol class=\"results\" start=\"\(first)\">\n"
        for hit in result.hits {
            let heading: String
            var whereLine = HTML.escape(hit.document) + (hit.location.isEmpty ? "" : " · " + HTML.escape(hit.location))
            if hit.kind == "regulation", let article = hit.article {
                heading = HTML.link(HTML.articlePath(document: hit.document, article: article, version: hit.version),
                                    hit.title)
                whereLine = HTML.escape(hit.document + (hit.version.map { "（\($0)年版本）" } ?? ""))
                    + (hit.location.isEmpty ? "" : " · " + HTML.escape(hit.location))
            } else if hit.kind == "list", let department = hit.department, let listKind = hit.listKind {
                heading = HTML.link(HTML.listPath(department: department, kind: listKind, asOf: model.asOf, item: hit.itemID),
                                    hit.title)
                whereLine = [department, listKind, hit.version.map { "版本 \($0)" }, hit.itemID]
                    .compactMap { $0 }.map(HTML.escape).joined(separator: " · ")
            } else {
                heading = HTML.escape(hit.title)
            }
            html += """
                <li class="hit">
                <h2><span class="kind">\(HTML.escape(HTML.kindName(hit.kind)))</span>\(heading)\(HTML.sampleLabel(status: hit.status))</h2>
                <p class="where">\(whereLine)</p>
                <p class="snippet">\(HTML.snippet(hit.snippet))</p>
                </li>

                """
        }
        html += "</ol>\n"
        html += pager(result, model: model)
        return html
    }

    /// Near names (您是不是要找) and the lists of the department asked about.
    private static func suggestionsHTML(_ suggestions: Suggestions) -> String {
        var html = ""
        if !suggestions.names.isEmpty {
            let links = suggestions.names.map { HTML.link(QueryString.link("/", [("q", $0)]), $0) }
            html += "<p class=\"suggest hint\">您是不是要找：\(links.joined(separator: "、"))</p>\n"
        }
        if let department = suggestions.department, !suggestions.kinds.isEmpty {
            let links = suggestions.kinds.map { HTML.link(HTML.listPath(department: department, kind: $0), $0) }
            html += "<p class=\"suggest hint\">\(HTML.escape(department))的清单：\(links.joined(separator: "、"))</p>\n"
        }
        return html
    }

    private static func pager(_ result: SearchResult, model: SearchPageModel) -> String {
        let pages = max(1, (result.total + result.limit - 1) / result.limit)
        guard pages > 1 else { return "" }
        func page(at offset: Int) -> String {
            QueryString.link("/", [
                ("q", model.query), ("kind", model.kind), ("document", model.document),
                ("department", model.department), ("list_kind", model.listKind), ("as_of", model.asOf),
                ("limit", model.limit == 10 ? nil : String(model.limit)), ("offset", offset == 0 ? nil : String(offset)),
            ])
        }
        let current = result.offset / result.limit + 1
        let previous = result.offset > 0
            ? HTML.link(page(at: max(0, result.offset - result.limit)), "‹ 上一页", attributes: "rel=\"prev\"")
            : "<span></span>"
        let next = result.offset + result.limit < result.total
            ? HTML.link(page(at: result.offset + result.limit), "下一页 ›", attributes: "rel=\"next\"")
            : "<span></span>"
        return "<nav class=\"pager\" aria-label=\"分页\">\(previous)<span>第 \(current) / \(pages) 页</span>\(next)</nav>\n"
    }

    private static func introduction(_ documents: [DocumentRecord]) -> String {
        let examples = ["违法行为轻微并及时改正", "查封 扣押 期限", "听证 OR 陈述", "清单 -证明"]
            .map { HTML.link(QueryString.link("/", [("q", $0)]), $0) }.joined(separator: "　")
        let rows = documents.map { document -> String in
            let name = document.shortName ?? document.title
            return """
                <tr><td><span class="kind">\(HTML.escape(HTML.kindName(document.kind)))</span>\
                \(HTML.link(QueryString.link("/", [("document", name)]), document.title))</td>\
                <td>\(HTML.escape(document.status ?? ""))</td><td>\(document.units)</td></tr>
                """
        }.joined(separator: "\n")
        return """
            <p>试试：\(examples)</p>
            <h2>收录文件</h2>
            <table class="documents">
            <thead><tr><th scope="col">文件</th><th scope="col">效力</th><th scope="col">条目数</th></tr></thead>
            <tbody>
            \(rows)
            </tbody>
            </table>

            """
    }

    private static func citedBySection(_ record: CitedByRecord) -> String {
        var body: String
        if record.items.isEmpty {
            body = record.everyListVersion ? "<p>没有清单事项引用本版本的本条。</p>\n" : "<p>暂无现行清单事项引用本条。</p>\n"
        } else {
            // One group per list version, in the order of the answer (department, kind, item).
            var groups: [(key: String, items: [CitingItem])] = []
            for item in record.items {
                let key = "\(item.department)\u{1F}\(item.kind)\u{1F}\(item.version)"
                if groups.last?.key == key {
                    groups[groups.count - 1].items.append(item)
                } else {
                    groups.append((key, [item]))
                }
            }
            let lists = groups.map { group -> String in
                let first = group.items[0]
                let entries = group.items.map { item -> String in
                    let link = HTML.link(HTML.listPath(department: item.department, kind: item.kind,
                                                       asOf: record.everyListVersion ? item.inForceFrom : nil, item: item.id),
                                         item.name)
                    return "<li>\(link)\(HTML.sampleLabel(status: item.status))"
                        + "<div class=\"rule\">\(HTML.escape(item.id)) · 引用：\(HTML.escape(item.citation))</div></li>"
                }.joined(separator: "\n")
                return """
                    <h3>\(HTML.escape(first.department)) · \(HTML.link(HTML.listPath(department: first.department, kind: first.kind, asOf: record.everyListVersion ? first.inForceFrom : nil), first.kind))<span class="rule">（\(HTML.escape(first.version)) 版，\(group.items.count) 项）</span></h3>
                    <ul class="cited-by">
                    \(entries)
                    </ul>

                    """
            }.joined()
            body = """
                <p>\(record.everyListVersion ? "各版清单中" : HTML.escape(record.asOf) + " 施行的清单中")，有 \(record.items.count) 项事项引用本条\(record.everyListVersion ? "的这一版本" : "")：</p>
                \(lists)
                """
        }
        if !record.passages.isEmpty {
            let passages = record.passages.map { passage -> String in
                "<li>\(HTML.escape(passage.title))<span class=\"rule\"> · \(HTML.escape(passage.document))</span>"
                    + "<div class=\"rule\">\(HTML.escape(passage.citation))</div></li>"
            }.joined(separator: "\n")
            body += "<h3>引用本条的方案和法律条文</h3>\n<ul class=\"cited-by\">\n\(passages)\n</ul>\n"
        }
        return """
            <section class="citing" id="cited-by" aria-labelledby="citing-heading">
            <h2 id="citing-heading">引用本条的清单事项</h2>
            \(body)</section>

            """
    }
}
