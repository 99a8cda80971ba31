import Foundation
import Hummingbird
import HummingbirdTesting
import LawIndex
import LawQuery
import Testing

@testable import LawServer

/// Hostile text, a corpus full of it, and the check that a page shows it only as text.
enum Hostile {
    /// Every character HTML gives a meaning to, a script and a scheme.
    static let text = "<script>alert(1)</script>\"'&javascript:alert(1)"
    /// `text` as a page must write it.
    static let escaped = "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;javascript:alert(1)"
    /// `text` as a YAML double-quoted scalar.
    static let yaml = #""<script>alert(1)</script>\"'&javascript:alert(1)""#
    /// A department of the hostile corpus whose name, short names, type and sector are hostile.
    static let department = "乌审旗<script>alert(1)</script>\"'&局"
    static let departmentEscaped = "乌审旗&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;局"
    /// A law of the hostile corpus whose title, chapter and articles are hostile.
    static let law = "恶意条例" + text
    static let lawEscaped = "恶意条例" + escaped

    /// The registry entry of ``department``.
    static let departmentEntry = #"""

          - id: evil
            name: "乌审旗<script>alert(1)</script>\"'&局"
            short_names: ["javascript:alert(1)", "恶意局<b>"]
            type: "类型<script>alert(1)</script>\"'&javascript:alert(1)"
            sector: "领域<script>alert(1)</script>\"'&javascript:alert(1)"
            laws: []

        """#

    /// A list version with hostile text in every field, for `department` (a YAML scalar), `version`.
    static func list(department: String, version: String) -> String {
        let h = yaml.dropFirst().dropLast()
        return """
            department: \(department)
            kind: 重点监管事项清单
            title: "标题\(h) \(version)"
            version: \(version)
            published: \(version)
            published_at: "公布途径\(h)"
            status: sample
            public: true
            note: "说明\(h)"
            items:
              - id: "ID\(h)"
                name: "名称\(h)"
                conduct: "行为\(h)"
                basis: "《中华人民共和国行政处罚法》第三十三条\(h)"
                penalty_basis: "《中华人民共和国价格法》第十三条、第四十二条\(h)"
                conditions: "情形\(h)"
                measure: "处理\(h) \(version)"
                note: "备注\(h)"
                levels:
                  - level: "阶次\(h)"
                    circumstances: "阶次情形\(h)《中华人民共和国行政处罚法》第三十二条"
                    penalty: "处2000元以上1万元以下罚款\(h)"
                fields:
                  "栏目\(h)": "栏值\(h)"
              - id: "javascript:alert(1)"
                name: "javascript:alert(1)"
                conduct: "第二项 \(version)"

            """
    }

    /// A law with a hostile title, issuer, category, chapter and text.
    static let lawText = """
        # 恶意条例\(text)

        2020年1月1日 通过

        <!-- INFO END -->

        ## 第一章 总则\(text)

        第一条 条文\(text)第一段。

        第二段\(text)。

        第二条 又一条\(text)。

        """
    static let lawSidecar = """
        title: "恶意条例\(yaml.dropFirst().dropLast())"
        short_names:
          - "恶意条例<i>\\"'&"
        issuer: "发布机关\(yaml.dropFirst().dropLast())"
        category: "类别\(yaml.dropFirst().dropLast())"
        promulgated: 2020-01-01
        effective: 2020-01-01
        status: 现行有效
        version: "2020"

        """

    /// A copy of the shipped corpus with ``department``, two versions of a hostile list for it
    /// and for 嘎鲁图镇, and a hostile law; indexed once per test run.
    static let indexPath: String = {
        let root = try! ServerFixture.scratchDirectory()
        let corpus = root.appendingPathComponent("Corpus")
        try! FileManager.default.copyItem(atPath: ServerFixture.corpus, toPath: corpus.path)
        let registry = corpus.appendingPathComponent("departments.yaml")
        try! (String(contentsOf: registry, encoding: .utf8) + departmentEntry).write(to: registry, atomically: true, encoding: .utf8)
        for (folder, name) in [("gltz", "乌审旗嘎鲁图镇人民政府"), ("evil", #""乌审旗<script>alert(1)</script>\"'&局""#)] {
            let lists = corpus.appendingPathComponent("lists/\(folder)/重点监管事项清单")
            try! FileManager.default.createDirectory(at: lists, withIntermediateDirectories: true)
            for version in ["2022-06-01", "2023-06-01"] {
                try! list(department: name, version: version)
                    .write(to: lists.appendingPathComponent("\(version).yaml"), atomically: true, encoding: .utf8)
            }
        }
        let regulations = corpus.appendingPathComponent("regulations")
        try! lawText.write(to: regulations.appendingPathComponent("恶意条例(2020).md"), atomically: true, encoding: .utf8)
        try! lawSidecar.write(to: regulations.appendingPathComponent("恶意条例(2020).yaml"), atomically: true, encoding: .utf8)
        let path = root.appendingPathComponent("lawkb.sqlite").path
        _ = try! IndexBuilder(corpusRoot: corpus.path).build(to: path)
        return path
    }()

    /// Runs `body` against a server over the hostile index.
    static func withClient<Value: Sendable>(_ body: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        let service = try ServerFixture.service(indexPath: indexPath)
        return try await LawServer.makeApplication(service: service).test(.router, body)
    }
}

/// Reads a page as a browser would, enough to tell markup the page wrote from text that became markup.
enum MarkupCheck {
    /// Every element the pages write.
    static let elements: Set<String> = [
        "!doctype", "html", "head", "meta", "title", "style", "body", "header", "div", "a", "nav", "main", "footer", "p",
        "h1", "h2", "h3", "h4", "span", "form", "label", "input", "select", "option", "button", "details", "summary",
        "table", "caption", "thead", "tbody", "tr", "th", "td", "ol", "ul", "li", "section", "article", "code", "strong",
        "mark", "br", "del", "ins",
    ]
    /// Every attribute the pages write.
    static let attributes: Set<String> = [
        "html", "lang", "charset", "name", "content", "class", "href", "aria-label", "aria-current", "aria-labelledby", "id",
        "for", "type", "value", "maxlength", "placeholder", "autocomplete", "method", "action", "role", "selected", "open",
        "rel", "rowspan", "scope", "start", "title", "data-label", "aria-hidden",
    ]

    /// What is wrong with `html`: an element or attribute the pages never write (text read as
    /// markup), an unquoted attribute value, a link that leaves the site or runs a script.
    static func problems(_ html: String) -> [String] {
        var problems: [String] = []
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            rest = rest[rest.index(after: open)...]
            guard let close = rest.firstIndex(of: ">") else {
                problems.append("unclosed tag: \(rest.prefix(40))")
                break
            }
            let tag = rest[..<close]
            rest = rest[rest.index(after: close)...]
            var scanner = tag.drop { $0 == "/" }
            let name = scanner.prefix { !$0.isWhitespace }.lowercased()
            scanner = scanner.dropFirst(name.count)
            guard elements.contains(name) else {
                problems.append("element <\(tag.prefix(40))>")
                continue
            }
            if name == "style", let end = rest.range(of: "</style>") {
                rest = rest[end.lowerBound...]
            }
            problems += attributeProblems(scanner, in: name)
        }
        return problems
    }

    /// The problems of one tag's attributes, written ` name="value"` or ` name`.
    private static func attributeProblems(_ text: Substring, in element: String) -> [String] {
        var problems: [String] = []
        var rest = text
        while let start = rest.firstIndex(where: { !$0.isWhitespace }) {
            rest = rest[start...]
            let name = String(rest.prefix { $0.isLetter || $0 == "-" })
            guard !name.isEmpty, attributes.contains(name.lowercased()) || element == "!doctype" else {
                problems.append("attribute \(rest.prefix(40)) in <\(element)>")
                return problems
            }
            rest = rest.dropFirst(name.count)
            guard rest.first == "=" else { continue }
            rest = rest.dropFirst()
            guard rest.first == "\"", let end = rest.dropFirst().firstIndex(of: "\"") else {
                problems.append("unquoted value of \(name) in <\(element)>: \(rest.prefix(40))")
                return problems
            }
            let value = rest[rest.index(after: rest.startIndex)..<end]
            rest = rest[rest.index(after: end)...]
            if value.contains("<") || value.contains(">") || value.contains("'") {
                problems.append("unescaped \(name)=\"\(value.prefix(40))\"")
            }
            if name == "href", !HTML.isSitePath(value.replacingOccurrences(of: "&amp;", with: "&")) {
                problems.append("link off the site: href=\"\(value)\"")
            }
        }
        return problems
    }

    /// Expects `html` to hold only the pages' own markup, `escaped` forms present and the hostile text absent.
    static func expectSafe(_ html: String, showing escaped: [String] = [], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(problems(html) == [], sourceLocation: sourceLocation)
        #expect(!html.contains("<script"), sourceLocation: sourceLocation)
        #expect(!html.contains(Hostile.text), sourceLocation: sourceLocation)
        #expect(!html.contains("href=\"javascript"), sourceLocation: sourceLocation)
        for text in escaped {
            #expect(html.contains(text), "\(text)", sourceLocation: sourceLocation)
        }
    }
}

@Suite("Hostile text on every page")
struct XSSTests {
    private let e = Hostile.escaped

    @Test("the checker finds text read as markup")
    func checker() {
        #expect(MarkupCheck.problems("<p class=\"x\">a &lt;b&gt;</p>") == [])
        #expect(MarkupCheck.problems("<p>\(Hostile.text)</p>") != [])
        #expect(MarkupCheck.problems("<a href=\"javascript:alert(1)\">x</a>") != [])
        #expect(MarkupCheck.problems("<a href=\"/x\" onclick=\"alert(1)\">x</a>") != [])
        #expect(MarkupCheck.problems("<input value=\"\"'&javascript:alert(1)\">") != [])
    }

    @Test("interpolated text is escaped, HTML kept, hrefs only on this site")
    func htmlType() {
        let text = Hostile.text
        let markup: HTML = "<p title=\"\(text)\">\(text)\(HTML.link("/a?b=1&c=2", text))</p>"
        #expect(markup.markup == "<p title=\"\(e)\">\(e)<a href=\"/a?b=1&amp;c=2\">\(e)</a></p>")
        let substring: HTML = "\(text.dropFirst(0))\(3)"
        #expect(substring.markup == e + "3")
        let joined = [HTML(text: "<"), "<br>"].joined(separator: "<hr>")
        #expect(joined.markup == "&lt;<hr><br>")
        for href in [
            "javascript:alert(1)", "JAVASCRIPT:alert(1)", " javascript:alert(1)", "//evil.example/", "/\\evil.example/",
            "/\t/evil.example/", "data:text/html,<script>alert(1)</script>", "https://evil.example/", "", "x/y",
        ] {
            let link = HTML.link(href, text)
            #expect(link.markup == e, "\(href)")
        }
        #expect(HTML.link("/lists", "清单", rel: "next", class: "cite").markup == "<a href=\"/lists\" rel=\"next\" class=\"cite\">清单</a>")
        #expect(HTML.escape(text) == e)
        #expect(HTML.snippet("\(text)\(Highlight.open)script\(Highlight.close)").markup == e + "<mark>script</mark>")
    }

    @Test("the style sheet declares each rule once per block")
    func styleSheet() {
        var seen: Set<String> = []
        var block = ""
        for line in HTML.styleSheet.markup.split(separator: "\n") {
            if line.hasPrefix("@media") {
                block = String(line)
                continue
            }
            if line == "}" {
                block = ""
                continue
            }
            let selector = String(line.prefix { $0 != "{" })
            #expect(seen.insert(block + "|" + selector).inserted, "\(selector) declared twice")
        }
        #expect(HTML.styleSheet.contains(".top nav a{color:#fff;margin-left:1.2rem;text-decoration:none;opacity:.85;white-space:nowrap}"))
        #expect(HTML.styleSheet.contains("table.levels{margin-top:.5rem;table-layout:fixed}"))
    }

    @Test("a list's every field, on its page, in its history and on the lists page")
    func listPages() async throws {
        try await Hostile.withClient { client in
            let list = try await client.get(ServerFixture.target("/lists/嘎鲁图镇/重点监管事项清单")).text
            MarkupCheck.expectSafe(
                list,
                showing: [
                    "标题\(e) 2023-06-01", "公布途径：公布途径\(e)", "说明：说明\(e)", "名称\(e)", "<span class=\"item-id\">ID\(e)</span>",
                    "行为\(e)", "第三十三条</a><span class=\"cite-version\">〔2021年版〕</span>\(e)",
                    "第四十二条</a><span class=\"cite-version\">〔1997年版〕</span>\(e)",
                    "情形\(e)", "处理\(e) 2023-06-01", "备注\(e)", "<th scope=\"row\">栏目\(e)</th><td>栏值\(e)</td>",
                    "<td class=\"level\">阶次\(e)</td>",
                    "阶次情形\(e)<a href=", "处2000元以上1万元以下罚款\(e)",
                    "id=\"item-ID%3Cscript%3Ealert%281%29%3C%2Fscript%3E%22%27%26javascript%3Aalert%281%29\"",
                    "<h3>2. javascript:alert(1)<span class=\"item-id\">javascript:alert(1)</span></h3>", "<td>标题\(e) 2022-06-01</td>",
                ])
            let earlier = try await client.get(ServerFixture.target("/lists/嘎鲁图镇/重点监管事项清单", [("as_of", "2022-07-01")])).text
            MarkupCheck.expectSafe(earlier, showing: ["处理\(e) 2022-06-01", "本页显示 2022-07-01 当日施行的版本"])
            let department = try await client.get(ServerFixture.target("/lists/evil/重点监管事项清单")).text
            MarkupCheck.expectSafe(department, showing: ["清单</a> › \(Hostile.departmentEscaped) › 重点监管事项清单</nav>"])
            let lists = try await client.get("/lists").text
            MarkupCheck.expectSafe(
                lists,
                showing: [
                    "<h2 id=\"department-evil\">\(Hostile.departmentEscaped)<span class=\"rule\">也称：javascript:"
                        + "alert(1)、恶意局&lt;b&gt;</span>",
                    "类型\(e) · 主管领域：领域\(e)", "<option value=\"\(Hostile.departmentEscaped)\">",
                ])
            for filter in [("department", "evil"), ("as_of", "2022-07-01")] {
                let target = ServerFixture.target("/lists", [filter])
                MarkupCheck.expectSafe(try await client.get(target).text, showing: [Hostile.departmentEscaped])
            }
        }
    }

    @Test("the changes page: departments, items and fields before and after")
    func changesPage() async throws {
        try await Hostile.withClient { client in
            let html = try await client.get(ServerFixture.target("/changes", [("department", "evil")])).text
            MarkupCheck.expectSafe(
                html,
                showing: [
                    "<h2>\(Hostile.departmentEscaped) · <a href=", "<td class=\"before\" data-label=\"修改前\">处理\(e) 2022-06-01</td>",
                    "<td class=\"after\" data-label=\"修改后\">处理\(e) 2023-06-01</td>", "名称\(e)</a><span class=\"item-id\">ID\(e)</span>",
                    "<option value=\"\(Hostile.departmentEscaped)\" selected>",
                ])
            let between = try await client.get(ServerFixture.target("/changes", [("from", "2022-07-01"), ("to", "2023-07-01")])).text
            MarkupCheck.expectSafe(between, showing: ["名称\(e)"])
        }
    }

    @Test("a law's name, chapters and text on the documents, outline and article pages")
    func lawPages() async throws {
        try await Hostile.withClient { client in
            let documents = try await client.get("/documents").text
            MarkupCheck.expectSafe(documents, showing: [">\(Hostile.lawEscaped)</a>"])
            let outline = try await client.get("/documents/" + QueryString.encode(Hostile.law)).text
            MarkupCheck.expectSafe(
                outline,
                showing: [
                    "<h1>\(Hostile.lawEscaped)<span class=\"version-tag\">", "类别\(e) · 发布机关\(e)", "总则\(e)</h2>",
                    "<span class=\"opening\">条文&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;javascript…</span>",
                ])
            let article = try await client.get("/articles/\(QueryString.encode(Hostile.law))/1").text
            MarkupCheck.expectSafe(article, showing: ["<p>第一条 条文\(e)第一段。</p>", "<p>第二段\(e)。</p>", "总则\(e)"])
            let cited = try await client.get(ServerFixture.target("/articles/价格法/42")).text
            MarkupCheck.expectSafe(cited, showing: [">名称\(e)</a>", "<div class=\"rule\">ID\(e) · 引用：", Hostile.departmentEscaped])
        }
    }

    @Test("the query echoed in the form, the summary, the hits and the answer card")
    func searchPage() async throws {
        try await Hostile.withClient { client in
            let echo = try await client.get(ServerFixture.target("/", [("q", Hostile.text)])).text
            MarkupCheck.expectSafe(echo, showing: ["value=\"\(e)\"", "<p class=\"summary\">“\(e)”共", "<title>\(e) - 检索 · 行政执法法规库</title>"])
            for query in ["alert", "script", "javascript"] {
                let hits = try await client.get(ServerFixture.target("/", [("q", query)])).text
                MarkupCheck.expectSafe(hits, showing: ["<ol class=\"results\""])
            }
            let lawHit = try await client.get(ServerFixture.target("/", [("q", "条文"), ("document", Hostile.law)])).text
            MarkupCheck.expectSafe(
                lawHit,
                showing: [
                    "<p class=\"where\">\(Hostile.lawEscaped)", "<option value=\"恶意条例&lt;i&gt;&quot;&#39;&amp;\" selected>",
                ])
            let listHit = try await client.get(ServerFixture.target("/", [("q", "名称"), ("department", "evil")])).text
            MarkupCheck.expectSafe(listHit, showing: ["<p class=\"where\">\(Hostile.departmentEscaped) · 重点监管事项清单"])
            let card = try await client.get(ServerFixture.target("/", [("q", "嘎鲁图镇的重点监管清单")])).text
            MarkupCheck.expectSafe(card, showing: ["<section class=\"answer notice\"", "标题\(e) 2023-06-01</a>", "<li>名称\(e)（ID\(e)）</li>"])
            let departments = try await client.get(ServerFixture.target("/", [("q", "有哪些部门")])).text
            MarkupCheck.expectSafe(departments, showing: ["<li>\(Hostile.departmentEscaped)（"])
            let citedBy = try await client.get(ServerFixture.target("/", [("q", "价格法第四十二条被哪些清单引用")])).text
            MarkupCheck.expectSafe(citedBy, showing: ["重点监管事项清单：名称\(e)</li>"])
            let names = try await client.get(ServerFixture.target("/", [("q", "乌审旗<script>")])).text
            MarkupCheck.expectSafe(names, showing: ["您是不是要找：<a href=", ">\(Hostile.departmentEscaped)</a>"])
            let lists = try await client.get(ServerFixture.target("/", [("q", "恶意局<b>")])).text
            MarkupCheck.expectSafe(lists, showing: ["<p class=\"suggest hint\">\(Hostile.departmentEscaped)的清单：<a href="])
        }
    }

    @Test("bad parameters and unknown names come back escaped on the error pages and in the forms")
    func errorPages() async throws {
        try await Hostile.withClient { client in
            let name = QueryString.encode(Hostile.text)
            for target in [
                "/articles/\(name)/1", "/documents/\(name)", ServerFixture.target("/lists/\(name)/重点监管事项清单"),
                ServerFixture.target("/lists/嘎鲁图镇/\(name)"),
                ServerFixture.target("/lists", [("department", Hostile.text)]), ServerFixture.target("/lists", [("kind", Hostile.text)]),
            ] {
                let response = try await client.get(target)
                #expect(response.status == .notFound || response.status == .badRequest, "\(target)")
                MarkupCheck.expectSafe(response.text, showing: ["<p class=\"error\" role=\"alert\">", e])
            }
            for parameter in ["kind", "document", "department", "list_kind", "as_of", "limit"] {
                let response = try await client.get(ServerFixture.target("/", [("q", "处罚"), (parameter, Hostile.text)]))
                #expect(response.status != .ok, "\(parameter)")
                MarkupCheck.expectSafe(response.text, showing: ["<p class=\"error\" role=\"alert\">"])
            }
            for (parameter, status) in [("department", HTTPResponse.Status.notFound), ("kind", .badRequest), ("since", .badRequest)] {
                let response = try await client.get(ServerFixture.target("/changes", [(parameter, Hostile.text)]))
                #expect(response.status == status, "\(parameter)")
                MarkupCheck.expectSafe(response.text, showing: ["<p class=\"error\" role=\"alert\">"] + (parameter == "since" ? [] : [e]))
            }
            let number = try await client.get(ServerFixture.target("/articles/行政处罚法/\(name)"))
            MarkupCheck.expectSafe(number.text, showing: ["<p class=\"error\" role=\"alert\">"])
        }
    }

    @Test("every page of the hostile corpus a visitor can reach holds only the pages' own markup")
    func everyLinkedPage() async throws {
        try await Hostile.withClient { client in
            var queue = ["/", "/lists", "/documents", "/changes", "/deadlines", "/api", ServerFixture.target("/", [("q", "alert")])]
            var seen = Set(queue)
            while let target = queue.popLast() {
                let html = try await client.get(target).text
                MarkupCheck.expectSafe(html)
                for part in html.components(separatedBy: "href=\"").dropFirst() {
                    guard let end = part.firstIndex(of: "\"") else { continue }
                    let link = part[..<end].replacingOccurrences(of: "&amp;", with: "&").components(separatedBy: "#")[0]
                    // Every page of the hostile lists and law, their articles, and the top pages.
                    let wanted = link.contains("evil") || link.contains("%3Cscript") || link.contains(QueryString.encode("嘎鲁图镇"))
                    if wanted, !link.hasPrefix("/api/"), seen.insert(link).inserted { queue.append(link) }
                }
            }
            #expect(seen.count > 15)
        }
    }

    // MARK: Page functions with constructed records

    @Test("deadlines, the error page and the API guide built from hostile records")
    func constructedPages() async throws {
        let service = try ServerFixture.service(indexPath: Hostile.indexPath)
        var deadlines = try await service.query { try $0.deadlines() }
        deadlines[0].due = Hostile.text
        deadlines[0].rule = "规定" + Hostile.text
        deadlines[0].measure = "措施" + Hostile.text
        deadlines[0].responsible = "单位" + Hostile.text
        deadlines[0].task = "任务" + Hostile.text
        deadlines[0].reportTo = "报送" + Hostile.text
        MarkupCheck.expectSafe(
            Pages.deadlines(deadlines, publicMode: false),
            showing: [
                "<td class=\"due\">\(e)<div class=\"rule\">\(deadlines[0].kind.chineseName)</div></td>",
                "规定\(e)", "措施\(e)", "<strong>单位\(e)</strong>：任务\(e)", "报送\(e)",
            ])
        let error = ServiceError(.badRequest, code: "invalid_parameter", message: Hostile.text, chinese: "说明" + Hostile.text)
        MarkupCheck.expectSafe(Pages.error(error, publicMode: true), showing: ["<p class=\"error\" role=\"alert\">说明\(e)</p>"])
        let parameter = RouteParameter(
            Hostile.text, in: .query, required: true, description: "含义" + Hostile.text,
            example: "例" + Hostile.text)
        let routes = [
            Route(
                "/api/" + Hostile.text, operationID: Hostile.text, summary: "摘要" + Hostile.text, audience: .api,
                parameters: [parameter], contentType: Reply.jsonType
            ) { _, _ in Reply(contentType: Reply.jsonType, body: "") },
            Route("javascript:alert(1)", operationID: "x", summary: "脚本", audience: .api, contentType: Reply.jsonType) { _, _ in
                Reply(contentType: Reply.jsonType, body: "")
            },
        ]
        MarkupCheck.expectSafe(
            APIGuidePage.render(routes, publicMode: true),
            showing: [
                "<code>GET /api/\(e)</code>", "<p>摘要\(e)</p>", "<code>\(e)</code>", "含义\(e)<div class=\"rule\">例：例\(e)</div>",
                "<p class=\"example\">示例：javascript:alert(1)</p>",
            ])
    }

    @Test("the search, lists, changes and article pages built from hostile records")
    func constructedModels() async throws {
        let service = try ServerFixture.service(indexPath: Hostile.indexPath)
        let (documents, departments, lists, result) = try await service.query { queries in
            (
                try queries.documents(), try queries.departments(), try queries.lists(),
                try queries.search(SearchRequest(query: "处罚", limit: 3))
            )
        }
        let (article, citedBy, passages, outline) = try await service.query { queries in
            (
                try queries.article(document: "行政处罚法", number: "33", version: nil),
                try queries.citedBy(document: "行政处罚法", number: "33", version: nil),
                try queries.citedBy(document: "价格法", number: "14", version: nil).passages,
                try queries.outline(document: "道路运输条例", version: nil)
            )
        }
        var hostileDocuments = documents
        hostileDocuments[0].title = Hostile.text
        hostileDocuments[0].shortName = "简称" + Hostile.text
        hostileDocuments[0].status = "效力" + Hostile.text
        var hostileDepartments = departments.filter { $0.lists > 0 }
        hostileDepartments[0].name = "部门" + Hostile.text
        hostileDepartments[0].shortNames = ["简称" + Hostile.text]
        var hostileResult = result
        hostileResult.query = Hostile.text
        for index in hostileResult.hits.indices {
            hostileResult.hits[index].title = "标题" + Hostile.text
            hostileResult.hits[index].document = "文件" + Hostile.text
            hostileResult.hits[index].location = "位置" + Hostile.text
            hostileResult.hits[index].snippet = "摘要" + Hostile.text
            hostileResult.hits[index].version = "版本" + Hostile.text
        }
        var model = SearchPageModel(
            query: Hostile.text, kind: Hostile.text, document: Hostile.text, department: Hostile.text,
            listKind: Hostile.text, asOf: Hostile.text, limit: 1, documents: hostileDocuments,
            departments: hostileDepartments, result: hostileResult)
        MarkupCheck.expectSafe(
            Pages.search(model, publicMode: false),
            showing: [
                "value=\"\(e)\"", "<option value=\"\(e)\" selected>\(e)</option>", "<option value=\"简称\(e)\" selected>简称\(e)",
                "<option value=\"部门\(e)\">部门\(e)</option>", "标题\(e)", "文件\(e)", "位置\(e)", "摘要\(e)",
                "<input type=\"date\" name=\"as_of\" value=\"\(e)\">",
            ])
        model.result?.hits = []
        model.result?.total = 0
        MarkupCheck.expectSafe(Pages.search(model, publicMode: false), showing: ["没有找到与“\(e)”相关的条文"])
        model.result = nil
        model.error = ServiceError(.notFound, code: "unknown_document", message: Hostile.text, chinese: Hostile.text)
        MarkupCheck.expectSafe(Pages.search(model, publicMode: false), showing: ["<p class=\"error\" role=\"alert\">\(e)</p>"])

        var hostileLists = lists
        hostileLists[0].title = "标题" + Hostile.text
        hostileLists[0].version = "版本" + Hostile.text
        hostileLists[0].published = "公布" + Hostile.text
        hostileLists[0].filed = "备案" + Hostile.text
        hostileLists[0].department = hostileDepartments[0].name
        let listsModel = ListsPageModel(
            departments: hostileDepartments, lists: hostileLists, asOf: Hostile.text,
            department: Hostile.text, kind: Hostile.text, filtered: true)
        MarkupCheck.expectSafe(
            Pages.lists(listsModel, publicMode: false),
            showing: [
                "<h1>\(e) · \(e)</h1>", "版本\(e)</a>", "公布\(e)", "备案\(e)", "“现行”指\(e) 当日施行的版本",
            ])

        let request = ChangesRequest(
            kind: nil, department: Hostile.text, since: Hostile.text, from: Hostile.text,
            to: Hostile.text)
        var changesModel = ChangesPageModel(
            request: request, departments: hostileDepartments, lists: hostileLists,
            error: ServiceError(
                .badRequest, code: "invalid_parameter", message: Hostile.text,
                chinese: Hostile.text))
        changesModel.kindName = Hostile.text
        MarkupCheck.expectSafe(
            Pages.changes(changesModel, publicMode: false),
            showing: [
                "<option value=\"\(e)\" selected>\(e)</option>", "name=\"since\" value=\"\(e)\"", "name=\"to\" value=\"\(e)\"",
                "<p class=\"error\" role=\"alert\">\(e)</p>",
            ])

        var hostileArticle = article
        hostileArticle.shortName = "简称" + Hostile.text
        hostileArticle.label = "第" + Hostile.text + "条"
        hostileArticle.chapter = "章" + Hostile.text
        hostileArticle.text = "第一段" + Hostile.text + "\n第二段" + Hostile.text
        hostileArticle.status = "效力" + Hostile.text
        var hostileCitedBy = citedBy
        hostileCitedBy.passages = passages
        hostileCitedBy.asOf = Hostile.text
        for index in hostileCitedBy.items.indices {
            hostileCitedBy.items[index].name = "事项" + Hostile.text
            hostileCitedBy.items[index].citation = "引用" + Hostile.text
            hostileCitedBy.items[index].department = "部门" + Hostile.text
        }
        for index in hostileCitedBy.passages.indices {
            hostileCitedBy.passages[index].title = "段落" + Hostile.text
        }
        #expect(!hostileCitedBy.items.isEmpty && !hostileCitedBy.passages.isEmpty)
        let version = try #require(outline.versions.first)
        let versions = (0..<2).map { index in
            var version = version
            version.version = "\(index)" + Hostile.text
            version.status = "状态" + Hostile.text
            return version
        }
        hostileArticle.version = "0" + Hostile.text
        let page = Pages.article(hostileArticle, previous: 32, next: 34, citedBy: hostileCitedBy, versions: versions, publicMode: false)
        MarkupCheck.expectSafe(
            page,
            showing: [
                "<h1>简称\(e) 第\(e)条</h1>", "<p>第一段\(e)</p>", "<p>第二段\(e)</p>", "章\(e)", "效力\(e)", ">事项\(e)</a>", "引用：引用\(e)",
                "<h3>部门\(e) · ", "段落\(e)", "本条为0\(e)年版本", "1\(e)年版本（状态\(e)）的第\(e)条</a>", "<p>\(e) 施行的清单中",
            ])
    }
}
