import Foundation
import HummingbirdTesting
import LawCorpus
import LawQuery
import Testing

@testable import LawServer

/// Versions of a law over HTTP: the comparison (新旧对照) as JSON and as a page, each
/// article's counterparts in the other versions, the article in force on a day, and the
/// current article beside a list's citation of an older text.
@Suite("Law versions compared, counterparts and as_of over HTTP")
struct CompareTests {
    static let law = "行政处罚法"

    /// The pairs of a comparison answer.
    static func pairs(_ object: [String: Any]) throws -> [[String: Any]] {
        try #require(object["pairs"] as? [[String: Any]])
    }

    /// The text of one side of a diff: the shared runs and those of `op`.
    static func side(_ diff: [[String: Any]], keeping op: String) -> String {
        diff.compactMap { run -> String? in
            let text = run["text"] as? String
            return run["op"] as? String == "=" || run["op"] as? String == op ? text : nil
        }.joined()
    }

    /// The body of an article answer: its text without the label.
    static func body(_ article: [String: Any]) throws -> String {
        let text = try #require(article["text"] as? String)
        let label = try #require(article["label"] as? String)
        return text.hasPrefix(label + " ") ? String(text.dropFirst(label.count + 1)) : text
    }

    @Test("/api/compare: 2017 第三十条 is 2021 第四十条, the diff gives back both texts, 48 and 49 are new")
    func compareAPI() async throws {
        try await ServerFixture.withClient { client in
            let response = try await client.get(ServerFixture.target("/api/compare/\(Self.law)", [("from", "2017"), ("to", "2021")]))
            #expect(response.status == .ok)
            let object = try response.object()
            #expect(object["document"] as? String == "中华人民共和国行政处罚法")
            #expect(object["from"] as? String == "2017" && object["to"] as? String == "2021")
            #expect((object["from_version"] as? [String: Any])?["effective"] as? String == "2018-01-01")
            #expect((object["to_version"] as? [String: Any])?["status"] as? String == "现行有效")
            let pairs = try Self.pairs(object)
            let pair = try #require(pairs.first { $0["from"] as? [Int] == [30] })
            #expect(pair["to"] as? [Int] == [40])
            let diff = try #require(pair["diff"] as? [[String: Any]])
            let old = try await client.get(ServerFixture.target("/api/articles/\(Self.law)/30", [("version", "2017")])).object()
            let new = try await client.get(ServerFixture.target("/api/articles/\(Self.law)/40")).object()
            #expect(Self.side(diff, keeping: "-") == (try Self.body(old)))
            #expect(Self.side(diff, keeping: "+") == (try Self.body(new)))
            // Every pair's diff reads back as its own two sides, and only modified pairs change text.
            for pair in pairs {
                let diff = try #require(pair["diff"] as? [[String: Any]])
                let changed = diff.contains { $0["op"] as? String != "=" }
                #expect(changed == (pair["change"] as? String == "modified"), "\(pair["from"] ?? "")")
            }
            let added = try #require(object["added"] as? [Int])
            #expect(added.contains(48) && added.contains(49))
            let summary = try #require(object["summary"] as? [String: Any])
            #expect(summary["added"] as? Int == added.count)
            #expect(summary["removed"] as? Int == (object["removed"] as? [Int])?.count)
            #expect(!pairs.contains { ($0["to"] as? [Int] ?? []).contains(48) })
        }
    }

    @Test("/openapi.json describes /api/compare, its parameters and schema, and as_of on the article routes")
    func openAPI() async throws {
        try await ServerFixture.withClient { client in
            let document = try await client.get("/openapi.json").object()
            let paths = try #require(document["paths"] as? [String: Any])
            let get = try #require((paths["/api/compare/{document}"] as? [String: Any])?["get"] as? [String: Any])
            let names = (get["parameters"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
            #expect(names == ["document", "from", "to"])
            let ok = try #require((get["responses"] as? [String: Any])?["200"] as? [String: Any])
            #expect("\(ok)".contains("#/components/schemas/VersionComparison"))
            for path in [
                "/api/articles/{document}/{number}", "/api/cite", "/api/cited-by/{document}/{number}", "/articles/{document}/{number}",
            ] {
                let operation = try #require((paths[path] as? [String: Any])?["get"] as? [String: Any])
                let names = (operation["parameters"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
                #expect(names.contains("as_of"), "\(path)")
            }
            let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
            for name in ["VersionComparison", "ComparedArticles", "DiffRun", "AlignmentSummary", "ArticleCounterpart", "AsOfReading"] {
                #expect(schemas[name] != nil, "\(name)")
            }
            let page = try #require((paths["/compare/{document}"] as? [String: Any])?["get"] as? [String: Any])
            #expect("\(page)".contains("modified"))
        }
    }

    @Test("the new answers have the keys of their OpenAPI schemas, nested ones too")
    func schemas() async throws {
        try await ServerFixture.withClient { client in
            let targets: [(String, String)] = [
                (ServerFixture.target("/api/compare/\(Self.law)"), "VersionComparison"),
                (ServerFixture.target("/api/articles/\(Self.law)/54", [("as_of", "2020-05-01")]), "ArticleRecord"),
                (ServerFixture.target("/api/cited-by/\(Self.law)/54", [("as_of", "2020-05-01")]), "CitedByRecord"),
                (ServerFixture.target("/api/lists/农牧局/不予处罚事项清单", [("as_of", "2023-01-01")]), "ListRecord"),
            ]
            for (target, schema) in targets {
                let response = try await client.get(target)
                #expect(response.status == .ok, "\(target)")
                Self.check(try response.object(), schema: schema, at: target)
            }
        }
    }

    /// Checks that `value` has the keys of schema `name`: none unknown, every required one,
    /// and the same for the objects its properties refer to.
    static func check(_ value: Any, schema name: String, at path: String) {
        guard case .object(let schema)? = OpenAPIDocument.schemas[name], case .object(let properties)? = schema["properties"],
            case .array(let required)? = schema["required"], let object = value as? [String: Any]
        else {
            Issue.record("\(path): no schema \(name) or not an object")
            return
        }
        let requiredKeys = Set(required.compactMap { if case .string(let key) = $0 { key } else { nil } })
        #expect(Set(object.keys).isSubset(of: Set(properties.keys)), "\(path): \(Set(object.keys).subtracting(properties.keys))")
        #expect(requiredKeys.isSubset(of: Set(object.keys)), "\(path): missing \(requiredKeys.subtracting(object.keys))")
        for (key, property) in properties {
            guard let child = object[key], case .object(let description) = property else { continue }
            if case .string(let reference)? = description["$ref"] {
                check(child, schema: String(reference.split(separator: "/").last!), at: "\(path).\(key)")
            } else if case .object(let items)? = description["items"], case .string(let reference)? = items["$ref"],
                let array = child as? [Any]
            {
                for element in array.prefix(8) {
                    check(element, schema: String(reference.split(separator: "/").last!), at: "\(path).\(key)[]")
                }
            }
        }
    }

    @Test("/api/compare without versions compares the version before the current one with the current one")
    func defaultVersions() async throws {
        try await ServerFixture.withClient { client in
            let plain = try await client.get(ServerFixture.target("/api/compare/\(Self.law)"))
            #expect(plain.status == .ok)
            let object = try plain.object()
            #expect(object["from"] as? String == "2017" && object["to"] as? String == "2021")
            let explicit = try await client.get(ServerFixture.target("/api/compare/\(Self.law)", [("from", "2017"), ("to", "2021")]))
            #expect(plain.text == explicit.text)
            // Backwards: the pairs turn around, the added articles become removed ones.
            let backwards = try await client.get(ServerFixture.target("/api/compare/\(Self.law)", [("from", "2021"), ("to", "2017")]))
            #expect(backwards.status == .ok)
            let removed = try #require(try backwards.object()["removed"] as? [Int])
            #expect(removed == object["added"] as? [Int])
        }
    }

    @Test("bad versions, unknown laws and hostile parameters are clean errors naming the parameter")
    func errors() async throws {
        try await ServerFixture.withClient { client in
            for (parameters, name) in [
                ([("from", "1999")], "from"), ([("to", "1999")], "to"), ([("from", "2017"), ("to", "1999")], "to"),
                ([("from", "2021"), ("to", "2021")], "to"), ([("from", String(repeating: "2", count: 300))], "from"),
                ([("to", "20\u{1}21")], "to"), ([("from", "20\u{7F}17")], "from"),
            ] {
                let response = try await client.get(ServerFixture.target("/api/compare/\(Self.law)", parameters))
                #expect(response.status == .badRequest, "\(parameters)")
                #expect(try response.errorCode() == "invalid_parameter", "\(parameters)")
                #expect(response.text.contains("参数 \(name) 有误"), "\(parameters): \(response.text)")
                let page = try await client.get(ServerFixture.target("/compare/\(Self.law)", parameters))
                #expect(page.status == .badRequest, "\(parameters)")
                #expect(page.text.contains("<p class=\"error\" role=\"alert\">参数 \(name) 有误"), "\(parameters)")
            }
            let unknown = try await client.get(ServerFixture.target("/api/compare/没有这部法"))
            #expect(unknown.status == .notFound)
            #expect(try unknown.errorCode() == "unknown_document")
            let single = try await client.get(ServerFixture.target("/api/compare/价格法"))
            #expect(single.status == .badRequest)
            #expect(single.text.contains("只收录了一个版本"))
            let plan = try await client.get(ServerFixture.target("/api/compare/乌司发〔2022〕11号"))
            #expect(plan.status == .badRequest)
            #expect(plan.text.contains("参数 document 有误") && plan.text.contains("不是法律法规"))
            let long = try await client.get(ServerFixture.target("/api/compare/" + String(repeating: "法", count: 200)))
            #expect(long.status == .badRequest)
            let show = try await client.get(ServerFixture.target("/compare/\(Self.law)", [("show", "<b>")]))
            #expect(show.status == .badRequest)
            #expect(show.text.contains("参数 show 有误"))
            let encoded = try await client.get("/api/compare/\(QueryString.encode(Self.law))?from=%00")
            #expect(encoded.status == .badRequest)
        }
    }

    @Test("/compare: both versions' facts, the counts, anchors, <del>/<ins>, a legend and a print style sheet")
    func comparePage() async throws {
        try await ServerFixture.withClient { client in
            let response = try await client.get(ServerFixture.target("/compare/\(Self.law)"))
            #expect(response.status == .ok)
            let html = response.text
            #expect(html.contains("<h1>中华人民共和国行政处罚法 新旧对照</h1>"))
            #expect(html.contains("已修改 · 公布 2017-09-01 · 施行 2018-01-01<br>施行期间 2018-01-01 至 2021-07-15 前"))
            #expect(html.contains("现行有效 · 公布 2021-01-22 · 施行 2021-07-15<br>施行期间 2021-07-15 起"))
            let old30 = HTML.escape(HTML.articlePath(document: Self.law, article: 30, version: "2017"))
            let new40 = HTML.escape(HTML.articlePath(document: Self.law, article: 40))
            #expect(html.contains("<a id=\"from-30\" href=\"\(old30)\">第三十条</a>"))
            #expect(html.contains("<a id=\"to-40\" href=\"\(new40)\">第四十条</a>"))
            #expect(html.contains("<del>") && html.contains("<ins>"))
            #expect(html.contains("<span class=\"change\">修改，拆分</span>"))
            #expect(html.contains("<details class=\"pair same\"><summary>"))
            #expect(html.contains("<span class=\"change\">仅条号变化</span>"))
            #expect(html.contains("标记说明：<del>删除线</del>"))
            #expect(html.contains("新增 19 条"))
            #expect(html.contains("id=\"to-48\""))
            #expect(html.contains("2017年版本中删除的条文（1 条）"))
            #expect(html.contains("@media print{"))
            #expect(html.contains("@page{size:A4"))
            #expect(html.contains(".pair,.single,details.pair{break-inside:avoid"))
            #expect(html.contains("del{text-decoration:line-through"))
            #expect(html.contains("ins{text-decoration:underline"))
            #expect(html.contains("<body class=\"wide\">"))
            for filter in CompareFilter.allCases {
                let path = HTML.escape(ComparePage.path(document: Self.law, from: "2017", to: "2021", show: filter))
                #expect(html.contains("<a href=\"\(path)\"\(filter == .all ? " aria-current=\"page\"" : "")>\(filter.label)</a>"))
            }
        }
    }

    @Test("/compare filters: only modified pairs, only added or only removed articles")
    func filters() async throws {
        try await ServerFixture.withClient { client in
            func page(_ show: String) async throws -> String {
                try await client.get(ServerFixture.target("/compare/\(Self.law)", [("show", show)])).text
            }
            let modified = try await page("modified")
            #expect(modified.contains("修改的条文（53 组）"))
            #expect(modified.contains("id=\"to-40\"") && modified.contains("<del>"))
            #expect(!modified.contains("<details class=\"pair same\">"))
            #expect(!modified.contains("id=\"to-48\""))
            #expect(modified.contains("aria-current=\"page\">只看修改</a>"))
            let added = try await page("added")
            #expect(added.contains("2021年版本新增的条文（19 条）"))
            #expect(added.contains("id=\"to-48\"") && added.contains("id=\"to-49\""))
            #expect(!added.contains("id=\"to-40\"") && !added.contains("<div class=\"pair\">"))
            let removed = try await page("removed")
            #expect(removed.contains("2017年版本中删除的条文（1 条）"))
            #expect(!removed.contains("id=\"to-48\"") && !removed.contains("逐条对照"))
        }
    }

    @Test("an article page links its counterpart in every other version and the comparison at itself")
    func articleCounterparts() async throws {
        try await ServerFixture.withClient { client in
            let current = try await client.get(ServerFixture.target("/articles/\(Self.law)/54")).text
            let old36 = HTML.escape(HTML.articlePath(document: Self.law, article: 36, version: "2017"))
            #expect(current.contains("<li>2017年版本（已修改）<a href=\"\(old36)\">第三十六条</a>（修改）</li>"))
            #expect(current.contains("本条为2021年版本（现行有效，施行 2021-07-15 起）"))
            let compare = HTML.escape(ComparePage.path(document: Self.law, from: nil, to: nil, anchor: "to-54"))
            #expect(current.contains("<a href=\"\(compare)\">新旧对照</a>"))
            let earlier = try await client.get(ServerFixture.target("/articles/\(Self.law)/36", [("version", "2017")])).text
            let new54 = HTML.escape(HTML.articlePath(document: Self.law, article: 54))
            #expect(earlier.contains("<li>2021年版本（现行有效）<a href=\"\(new54)\">第五十四条</a>（修改）</li>"))
            let back = HTML.escape(ComparePage.path(document: Self.law, from: "2017", to: nil, anchor: "from-36"))
            #expect(earlier.contains("<a href=\"\(back)\">新旧对照</a>"))
            // An article added in 2021 says that 2017 has none, and links 2017's article of that number as another one.
            let added = try await client.get(ServerFixture.target("/articles/\(Self.law)/48")).text
            let old48 = HTML.escape(HTML.articlePath(document: Self.law, article: 48, version: "2017"))
            #expect(added.contains("<li>2017年版本没有对应条文（本版本新增）；同一条号的<a href=\"\(old48)\">2017年版本的第四十八条</a>是另一条文</li>"))
            // 2017 has 64 articles: an added 2021 article past them has no such link.
            let late = try await client.get(ServerFixture.target("/articles/\(Self.law)/84")).text
            #expect(late.contains("<li>2017年版本没有对应条文（本版本新增）</li>"))
        }
    }

    @Test("as_of on /api/articles, /api/cite, /api/cited-by and the article page reads the version in force that day")
    func asOf() async throws {
        try await ServerFixture.withClient { client in
            let article = try await client.get(ServerFixture.target("/api/articles/\(Self.law)/54", [("as_of", "2020-05-01")]))
            #expect(article.status == .ok)
            let record = try article.object()
            #expect(record["article"] as? Int == 36)
            #expect(record["version"] as? String == "2017")
            let reading = try #require(record["as_of"] as? [String: Any])
            #expect(reading["asked_article"] as? Int == 54 && reading["asked_version"] as? String == "2021")
            let today = try await client.get(ServerFixture.target("/api/articles/\(Self.law)/54", [("as_of", "2022-05-01")])).object()
            #expect(today["article"] as? Int == 54 && today["version"] as? String == "2021")
            let cite = try await client.get(
                ServerFixture.target("/api/cite", [("q", "行政处罚法第三十条"), ("as_of", "2020-05-01")])
            ).object()
            let cited = try #require(cite["article"] as? [String: Any])
            #expect(cited["version"] as? String == "2017" && cited["article"] as? Int == 30)
            let citedBy = try await client.get(
                ServerFixture.target("/api/cited-by/\(Self.law)/54", [("as_of", "2020-05-01")])
            ).object()
            #expect(citedBy["article"] as? Int == 36 && citedBy["version"] as? String == "2017")
            #expect((citedBy["reading"] as? [String: Any])?["asked_article"] as? Int == 54)
            let page = try await client.get(ServerFixture.target("/articles/\(Self.law)/54", [("as_of", "2020-05-01")]))
            #expect(page.status == .ok)
            #expect(page.text.contains("<p class=\"notice as-of\">按日期查看：2020-05-01施行的是2017年版本；2021年版本第五十四条对应该版本第三十六条。</p>"))
            #expect(page.text.contains("<h1>行政处罚法 第三十六条</h1>"))
            // A day before the 2017 version, a malformed day, an article 2017 did not have.
            for (target, status) in [
                (ServerFixture.target("/api/articles/\(Self.law)/54", [("as_of", "2020-13-45")]), 400),
                (ServerFixture.target("/api/articles/\(Self.law)/54", [("as_of", String(repeating: "9", count: 300))]), 400),
                (ServerFixture.target("/api/articles/\(Self.law)/54", [("as_of", "2020\u{1}05-01")]), 400),
                (ServerFixture.target("/api/cite", [("q", "行政处罚法第三十条"), ("as_of", "yesterday")]), 400),
                (ServerFixture.target("/api/articles/\(Self.law)/48", [("as_of", "2020-05-01")]), 404),
                (ServerFixture.target("/articles/\(Self.law)/48", [("as_of", "2020-05-01")]), 404),
            ] {
                let response = try await client.get(target)
                #expect(response.status.code == status, "\(target): \(response.text.prefix(300))")
            }
            let none = try await client.get(ServerFixture.target("/api/articles/\(Self.law)/48", [("as_of", "2020-05-01")]))
            #expect(try none.errorCode() == "no_counterpart")
        }
    }

    @Test("/api/search: as_of searches the law versions in force that day; version with document one version")
    func searchVersions() async throws {
        try await ServerFixture.withClient { client in
            for parameters in [
                [("q", "当场收缴"), ("as_of", "2020-05-01")],
                [("q", "当场收缴"), ("document", "行政处罚法"), ("version", "2017")],
                [("q", "当场收缴"), ("document", "行政处罚法(2017)")],
            ] {
                let result = try await client.get(ServerFixture.target("/api/search", parameters)).object()
                let hits = try #require(result["hits"] as? [[String: Any]])
                #expect(!hits.isEmpty && hits.allSatisfy { $0["version"] as? String != "2021" }, "\(parameters)")
            }
            let next = try await client.get(
                ServerFixture.target("/api/search", [("q", "罚款"), ("document", "行政处罚法"), ("version", "2017"), ("limit", "1")])
            ).object()
            #expect((next["next"] as? String)?.contains("version=2017") == true)
            let alone = try await client.get(ServerFixture.target("/api/search", [("q", "当场收缴"), ("version", "2017")]))
            #expect(alone.status == .badRequest && alone.text.contains("version"))
            let long = try await client.get(
                ServerFixture.target("/api/search", [("q", "罚款"), ("document", "行政处罚法"), ("version", String(repeating: "7", count: 50))]))
            #expect(long.status == .badRequest)
        }
    }

    @Test("a list citing an older version shows the current corresponding article beside the citation")
    func listShowsCurrentArticle() async throws {
        try await ServerFixture.withClient { client in
            let api = try await client.get(
                ServerFixture.target("/api/lists/农牧局/不予处罚事项清单", [("as_of", "2023-01-01")])
            ).object()
            let items = try #require(api["items"] as? [[String: Any]])
            let citations = items.flatMap { $0["citations"] as? [[String: Any]] ?? [] }
            let outdated = try #require(citations.first { ($0["current"] as? [String: Any])?["articles"] as? [Int] == [69] })
            #expect(outdated["version"] as? String == "2018" && outdated["article"] as? Int == 47)
            let html = try await client.get(ServerFixture.target("/lists/农牧局/不予处罚事项清单", [("as_of", "2023-01-01")])).text
            let current = HTML.escape(HTML.articlePath(document: "中华人民共和国农产品质量安全法", article: 69))
            #expect(html.contains("<span class=\"cite-current\">〔现行2022年版本：<a href=\"\(current)\">第六十九条</a>（修改）〕</span>"))
            #expect(html.contains(HTML.escape(HTML.articlePath(document: "中华人民共和国农产品质量安全法", article: 47, version: "2018"))))
        }
    }

    @Test("the documents page and a law's page link the comparison when the law has several versions")
    func documentLinks() async throws {
        try await ServerFixture.withClient { client in
            let compare = HTML.escape(ComparePage.path(document: Self.law, from: nil, to: nil))
            let documents = try await client.get("/documents").text
            #expect(documents.contains("<div class=\"rule\"><a href=\"\(compare)\">新旧对照</a></div>"))
            #expect(!documents.contains(HTML.escape(ComparePage.path(document: "价格法", from: nil, to: nil))))
            let outline = try await client.get(ServerFixture.target("/documents/\(Self.law)")).text
            #expect(outline.contains("<a href=\"\(compare)\">新旧对照：与上一版本逐条比较</a>"))
            let older = try await client.get(ServerFixture.target("/documents/\(Self.law)", [("version", "2017")])).text
            let forward = HTML.escape(ComparePage.path(document: Self.law, from: "2017", to: nil))
            #expect(older.contains("<a href=\"\(forward)\">新旧对照：本版本与现行版本逐条比较</a>"))
        }
    }

    @Test("a question asking for the comparison answers with /api/compare's JSON, and the search page links the page")
    func ask() async throws {
        try await ServerFixture.withClient { client in
            let asked = try await client.get(ServerFixture.target("/api/ask", [("q", "新旧行政处罚法对照")])).object()
            #expect(asked["intent"] as? String == "compare")
            let answer = try #require(asked["answer"] as? NSDictionary)
            let compared = try await client.get(ServerFixture.target("/api/compare/\(Self.law)")).object()
            #expect(answer == compared as NSDictionary)
            let page = try await client.get(ServerFixture.target("/", [("q", "行政处罚法修改了哪些内容")])).text
            #expect(page.contains("<section class=\"answer notice\""))
            #expect(page.contains("href=\"/compare/"))
        }
    }

    @Test("a public server compares laws like an internal one")
    func publicMode() async throws {
        let internalAnswer = try await ServerFixture.withClient { client in
            try await client.get(ServerFixture.target("/api/compare/\(Self.law)")).text
        }
        try await ServerFixture.withClient(publicMode: true) { client in
            let response = try await client.get(ServerFixture.target("/api/compare/\(Self.law)"))
            #expect(response.status == .ok)
            #expect(response.text == internalAnswer)
            #expect(try await client.get(ServerFixture.target("/compare/\(Self.law)")).status == .ok)
        }
    }

    @Test("the compare page built from a hostile comparison shows every value as text")
    func hostileComparison() async throws {
        let service = try ServerFixture.service()
        var comparison = try await service.query { try $0.compare(document: Self.law) }
        let h = Hostile.text
        let e = Hostile.escaped
        comparison.document = "法" + h
        comparison.shortName = "简" + h
        comparison.from = "旧" + h
        comparison.to = "新" + h
        comparison.fromVersion.status = "状态" + h
        comparison.toVersion.promulgated = "日" + h
        let modified = try #require(comparison.pairs.firstIndex { $0.change == .modified })
        comparison.pairs[modified].diff = [
            ArticleDiff.Run(op: .equal, text: "同" + h), ArticleDiff.Run(op: .delete, text: "删" + h),
            ArticleDiff.Run(op: .insert, text: "增" + h),
        ]
        let same = try #require(comparison.pairs.firstIndex { $0.change != .modified })
        comparison.pairs[same].diff = [ArticleDiff.Run(op: .equal, text: "未改" + h)]
        let added = try #require(comparison.added.first)
        comparison.toTexts[added] = "新条" + h
        for show in CompareFilter.allCases {
            MarkupCheck.expectSafe(ComparePage.render(comparison, show: show, publicMode: false))
        }
        MarkupCheck.expectSafe(
            ComparePage.render(comparison, show: .all, publicMode: false),
            showing: [
                "<h1>法\(e) 新旧对照</h1>", "状态\(e) · 公布", "公布 日\(e)", "同\(e)<del>删\(e)</del>", "同\(e)<ins>增\(e)</ins>",
                "<div class=\"diff\">未改\(e)</div>", "<div class=\"diff\">新条\(e)</div>", "旧\(e)年版本中删去的文字",
                "<title>简\(e) 新旧对照（旧\(e)—新\(e)）",
            ])
    }
}
