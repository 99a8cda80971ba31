import Foundation
import Hummingbird
import HummingbirdTesting
import LawCorpus
import LawQuery
import Testing

@testable import LawServer

/// The departments' lists over HTTP: the JSON API, the pages, and public mode.
@Suite("Departments' lists: API")
struct ListAPITests {
    static let market = "乌审旗市场监督管理局"
    static let noPenalty = "不予处罚事项清单"
    static let benchmark = "行政处罚裁量权基准"

    @Test("departments: the registry with names, laws and list counts")
    func departments() async throws {
        try await ServerFixture.withClient { client in
            let object = try await client.get("/api/departments").object()
            #expect(Set(object.keys) == ["departments"])
            let departments = try #require(object["departments"] as? [[String: Any]])
            let market = try #require(departments.first { $0["id"] as? String == "scjg" })
            #expect(Set(market.keys) == ["id", "name", "short_names", "type", "sector", "laws", "lists"])
            #expect(market["name"] as? String == Self.market)
            #expect((market["short_names"] as? [String])?.contains("市监局") == true)
            #expect(market["lists"] as? Int == 13)
        }
    }

    @Test("lists: every version with its dates; department filter by alias; in_force on as_of")
    func lists() async throws {
        try await ServerFixture.withClient { client in
            let object = try await client.get("/api/lists").object()
            #expect(Set(object.keys) == ["lists"])
            let all = try #require(object["lists"] as? [[String: Any]])
            #expect(all.count >= 40)
            for list in all {
                let keys = Set(list.keys)
                #expect(keys.isSuperset(of: ["department", "kind", "title", "version", "status", "items", "in_force_from", "in_force"]))
                #expect(
                    keys.isSubset(of: [
                        "department", "kind", "title", "version", "published", "filed", "status", "items",
                        "in_force_from", "in_force_until", "in_force",
                    ]))
            }
            let market = try #require(
                try await client.get(ServerFixture.target("/api/lists", [("department", "市监局")]))
                    .object()["lists"] as? [[String: Any]])
            #expect(market.count == 13)
            #expect(market.allSatisfy { $0["department"] as? String == Self.market })
            for (day, current) in [("2023-08-14", "2022-10-25"), ("2023-08-15", "2023-08-10")] {
                let versions = try #require(
                    try await client.get(ServerFixture.target("/api/lists", [("department", "scjg"), ("as_of", day)]))
                        .object()["lists"] as? [[String: Any]]
                ).filter { $0["kind"] as? String == Self.noPenalty }
                #expect(versions.count == 2)
                #expect(versions.filter { $0["in_force"] as? Bool == true }.map { $0["version"] as? String } == [current], "\(day)")
            }
        }
    }

    @Test("a list by aliases, raw or percent-encoded, with the CLI's keys")
    func list() async throws {
        try await ServerFixture.withClient { client in
            let targets = [
                "/api/lists/市监局/免罚清单",
                "/api/lists/\(QueryString.encode("市监局"))/\(QueryString.encode("免罚清单"))",
                "/api/lists/scjg/\(QueryString.encode(Self.noPenalty))",
            ]
            for target in targets {
                let response = try await client.get(target)
                #expect(response.status == .ok, "\(target)")
                let object = try response.object()
                #expect(Set(object.keys).isSuperset(of: ["department", "kind", "title", "version", "status", "in_force_from", "items"]))
                #expect(
                    Set(object.keys).isSubset(of: [
                        "department", "kind", "title", "version", "published", "filed", "published_at",
                        "status", "in_force_from", "in_force_until", "note", "items",
                    ]))
                #expect(object["department"] as? String == Self.market)
                #expect(object["kind"] as? String == Self.noPenalty)
                #expect(object["version"] as? String == "2023-08-10")
                #expect(object["status"] as? String == "sample")
                let items = try #require(object["items"] as? [[String: Any]])
                #expect(items.count == 9)
                let first = try #require(items.first)
                #expect(Set(first.keys).isSuperset(of: ["id", "name", "levels", "fields", "citations"]))
                #expect(first["id"] as? String == "SCJG-BYCF-001")
                let citations = try #require(first["citations"] as? [[String: Any]])
                #expect(citations.contains { $0["document"] as? String == "中华人民共和国行政处罚法" && $0["article"] as? Int == 33 })
            }
            let benchmark = try await client.get(ServerFixture.target("/api/lists/市场监管局/裁量基准")).object()
            let item = try #require((benchmark["items"] as? [[String: Any]])?.first)
            let levels = try #require(item["levels"] as? [[String: Any]])
            #expect(levels.map { $0["level"] as? String } == ["轻微", "一般", "较重", "严重"])
            let amounts = try #require(levels[2]["amounts"] as? [[String: Any]])
            #expect(amounts.first?["lower"] as? Int == 1000)
            #expect(amounts.first?["upper"] as? Int == 3000)
        }
    }

    @Test(
        "as_of chooses the version in force that day",
        arguments: [
            ("2023-08-14", "2022-10-25"), ("2023-08-15", "2023-08-10"), ("2022-10-28", "2022-10-25"), ("2030-01-01", "2023-08-10"),
        ])
    func asOf(_ day: String, _ version: String) async throws {
        try await ServerFixture.withClient { client in
            let object = try await client.get(ServerFixture.target("/api/lists/市场监管局/不予处罚事项清单", [("as_of", day)])).object()
            #expect(object["version"] as? String == version)
        }
    }

    static let errors: [(target: String, status: Int, code: String, parameter: String?)] = [
        (ServerFixture.target("/api/lists/市监局/免罚清单", [("as_of", "2023-13-45")]), 400, "invalid_parameter", "as_of"),
        (ServerFixture.target("/api/lists/市监局/免罚清单", [("as_of", "yesterday")]), 400, "invalid_parameter", "as_of"),
        (ServerFixture.target("/api/lists/市监局/免罚清单", [("as_of", String(repeating: "9", count: 40))]), 400, "invalid_parameter", "as_of"),
        (ServerFixture.target("/api/lists/市监局/免罚清单", [("as_of", "2022-01-01")]), 404, "no_such_list", nil),
        (ServerFixture.target("/api/lists/不存在局/免罚清单"), 404, "unknown_department", nil),
        (ServerFixture.target("/api/lists/市监局/不存在的清单"), 400, "invalid_parameter", "kind"),
        (ServerFixture.target("/api/lists/农牧局/追责情形清单"), 404, "no_such_list", nil),
        (ServerFixture.target("/api/lists/\(String(repeating: "局", count: 101))/免罚清单"), 400, "invalid_parameter", "department"),
        ("/api/lists/%E5%B8/x", 400, "invalid_encoding", nil),
        (ServerFixture.target("/api/lists", [("department", "不存在局")]), 404, "unknown_department", nil),
        (ServerFixture.target("/api/lists", [("as_of", "2023-08-15x")]), 400, "invalid_parameter", "as_of"),
        (ServerFixture.target("/api/changes", [("since", "bad")]), 400, "invalid_parameter", "since"),
        (ServerFixture.target("/api/changes", [("from", "2022-10-26")]), 400, "invalid_parameter", "to"),
        (ServerFixture.target("/api/changes", [("to", "2023-10-16")]), 400, "invalid_parameter", "from"),
        (ServerFixture.target("/api/changes", [("from", "2022-10-26"), ("to", "x")]), 400, "invalid_parameter", "to"),
        (
            ServerFixture.target("/api/changes", [("since", "2022-10-31"), ("from", "2022-10-26"), ("to", "2023-10-16")]),
            400, "invalid_parameter", "since"
        ),
        (ServerFixture.target("/api/changes", [("kind", "不存在的清单")]), 400, "invalid_parameter", "kind"),
        (ServerFixture.target("/api/changes", [("department", "不存在局")]), 404, "unknown_department", nil),
        (ServerFixture.target("/api/cited-by/行政处罚法/33", [("as_of", "2023-02-30x")]), 400, "invalid_parameter", "as_of"),
        (ServerFixture.target("/api/cited-by/不存在的法/33"), 404, "unknown_document", nil),
        (ServerFixture.target("/api/cited-by/行政处罚法/999"), 404, "no_such_article", nil),
        (ServerFixture.target("/api/search", [("q", "处罚"), ("as_of", "bad")]), 400, "invalid_parameter", "as_of"),
        (ServerFixture.target("/api/search", [("q", "处罚"), ("department", "不存在局")]), 404, "unknown_department", nil),
        (ServerFixture.target("/api/search", [("q", "处罚"), ("list_kind", "不存在的清单")]), 400, "invalid_parameter", "list_kind"),
    ]

    @Test("bad days, unknown departments and kinds answer strict errors naming the parameter", arguments: errors)
    func error(_ case: (target: String, status: Int, code: String, parameter: String?)) async throws {
        try await ServerFixture.withClient { client in
            let response = try await client.get(`case`.target)
            #expect(response.status.code == `case`.status, "\(`case`.target)")
            #expect(try response.errorCode() == `case`.code, "\(`case`.target)")
            if let parameter = `case`.parameter {
                let message = try #require((try response.object()["error"] as? [String: Any])?["message"] as? String)
                #expect(message.hasPrefix("参数 \(parameter) 有误") || message.contains("清单种类"), "\(message)")
                #expect(!message.contains("invalid"), "\(message)")
            }
        }
    }

    @Test("changes since a day: items added, removed and changed field by field")
    func changesSince() async throws {
        try await ServerFixture.withClient { client in
            let object = try await client.get(ServerFixture.target("/api/changes", [("kind", "裁量基准"), ("since", "2022-10-31")])).object()
            #expect(Set(object.keys) == ["changes"])
            let changes = try #require(object["changes"] as? [[String: Any]])
            #expect(changes.count == 3)
            #expect(changes.allSatisfy { $0["kind"] as? String == Self.benchmark })
            let market = try #require(changes.first { $0["department"] as? String == Self.market })
            #expect(Set(market.keys) == ["department", "kind", "from", "to", "status", "added", "removed", "changed"])
            #expect(market["from"] as? String == "2022-10-25")
            #expect(market["to"] as? String == "2024-03-20")
            #expect(market["status"] as? String == "sample")
            #expect((market["added"] as? [[String: Any]])?.map { $0["id"] as? String } == ["SCJG-CLJZ-008"])
            #expect((market["removed"] as? [[String: Any]])?.map { $0["id"] as? String } == ["SCJG-CLJZ-007"])
            let changed = try #require((market["changed"] as? [[String: Any]])?.first { $0["id"] as? String == "SCJG-CLJZ-001" })
            let fields = try #require(changed["fields"] as? [[String: Any]])
            #expect(fields.allSatisfy { Set($0.keys) == ["field", "label", "before", "after"] }, "before and after are always present")
            let penalty = try #require(fields.first { $0["field"] as? String == "levels.一般.penalty" })
            #expect((penalty["before"] as? String)?.contains("2000元以下") == true)
            #expect((penalty["after"] as? String)?.contains("1000元以下") == true)
            #expect(penalty["label"] as? String == "一般 · 处罚标准")
            let added = try #require(fields.first { $0["field"] as? String == "levels.较重" })
            #expect(added["before"] is NSNull)
            #expect(added["label"] as? String == "较重（裁量阶次）")

            let later = try #require(
                try await client.get(ServerFixture.target("/api/changes", [("since", "2023-12-31")]))
                    .object()["changes"] as? [[String: Any]])
            #expect(later.map { $0["to"] as? String } == ["2024-03-20"])
            let all = try #require(try await client.get("/api/changes").object()["changes"] as? [[String: Any]])
            #expect(all.count == 4)
        }
    }

    @Test("changes from one day's version to another's")
    func changesFromTo() async throws {
        try await ServerFixture.withClient { client in
            let target = ServerFixture.target("/api/changes", [("department", "交通运输局"), ("from", "2022-10-26"), ("to", "2023-10-16")])
            let changes = try #require(try await client.get(target).object()["changes"] as? [[String: Any]])
            #expect(changes.count == 1)
            #expect(changes.first?["department"] as? String == "乌审旗交通运输局")
            #expect(changes.first?["from"] as? String == "2022-10-26")
            #expect(changes.first?["to"] as? String == "2023-10-16")
            let same = ServerFixture.target("/api/changes", [("department", "交通运输局"), ("from", "2023-10-16"), ("to", "2024-01-01")])
            #expect((try await client.get(same).object()["changes"] as? [[String: Any]])?.isEmpty == true)
        }
    }

    @Test("cited-by 行政处罚法 33: many list items, in the versions in force on as_of")
    func citedBy() async throws {
        try await ServerFixture.withClient { client in
            let object = try await client.get(ServerFixture.target("/api/cited-by/行政处罚法/33")).object()
            #expect(Set(object.keys) == ["document", "version", "article", "label", "as_of", "every_list_version", "items", "passages"])
            #expect(object["version"] as? String == "2021")
            #expect(object["document"] as? String == "中华人民共和国行政处罚法")
            #expect(object["label"] as? String == "第三十三条")
            let items = try #require(object["items"] as? [[String: Any]])
            #expect(items.count > 10)
            for item in items {
                #expect(Set(item.keys).isSuperset(of: ["department", "kind", "version", "status", "id", "name", "citation"]))
            }
            #expect(items.contains { $0["id"] as? String == "SCJG-BYCF-001" && $0["version"] as? String == "2023-08-10" })
            let earlier = try #require(
                try await client.get(ServerFixture.target("/api/cited-by/行政处罚法/第三十三条", [("as_of", "2023-08-14")]))
                    .object()["items"] as? [[String: Any]])
            #expect(earlier.contains { $0["id"] as? String == "SCJG-BYCF-001" && $0["version"] as? String == "2022-10-25" })
            #expect(!earlier.contains { $0["id"] as? String == "SCJG-BYCF-009" })
        }
    }

    @Test("search: kind=list with department, list_kind (aliases) and as_of")
    func search() async throws {
        try await ServerFixture.withClient { client in
            for (day, version) in [("2023-01-01", "2022-10-25"), ("2023-09-01", "2023-08-10")] {
                let target = ServerFixture.target(
                    "/api/search",
                    [
                        ("q", "营业执照"), ("kind", "list"), ("department", "市场监管局"), ("list_kind", "免罚清单"), ("as_of", day),
                    ])
                let object = try await client.get(target).object()
                let hits = try #require(object["hits"] as? [[String: Any]])
                #expect(!hits.isEmpty)
                for hit in hits {
                    #expect(hit["kind"] as? String == "list")
                    #expect(hit["department"] as? String == Self.market)
                    #expect(hit["list_kind"] as? String == Self.noPenalty)
                    #expect(hit["version"] as? String == version, "\(day)")
                    #expect(hit["status"] as? String == "sample")
                    #expect((hit["item_id"] as? String)?.hasPrefix("SCJG-BYCF-") == true)
                }
                let next = object["next"] as? String
                #expect(next == nil || next?.contains("as_of=\(day)") == true)
            }
        }
    }

    @Test("the list routes answer with the keys of their OpenAPI schemas, nested ones too")
    func schemas() async throws {
        try await ServerFixture.withClient { client in
            func check(_ value: Any, schema name: String, at path: String) throws {
                guard case .object(let schema) = try #require(OpenAPIDocument.schemas[name], "\(name)"),
                    case .object(let properties) = try #require(schema["properties"]),
                    case .array(let required) = try #require(schema["required"]),
                    let object = value as? [String: Any]
                else {
                    Issue.record("\(path): not an object")
                    return
                }
                let requiredKeys = Set(required.compactMap { if case .string(let key) = $0 { key } else { nil } })
                #expect(Set(object.keys).isSubset(of: Set(properties.keys)), "\(path): \(Set(object.keys).subtracting(properties.keys))")
                #expect(requiredKeys.isSubset(of: Set(object.keys)), "\(path): missing \(requiredKeys.subtracting(object.keys))")
                for (key, property) in properties {
                    guard let child = object[key] else { continue }
                    if case .object(let description) = property, case .string(let reference)? = description["$ref"] {
                        try check(child, schema: String(reference.split(separator: "/").last!), at: "\(path).\(key)")
                    } else if case .object(let description) = property, case .object(let items)? = description["items"],
                        case .string(let reference)? = items["$ref"], let array = child as? [Any]
                    {
                        for element in array.prefix(5) {
                            try check(element, schema: String(reference.split(separator: "/").last!), at: "\(path).\(key)[]")
                        }
                    }
                }
            }
            let targets: [(String, String)] = [
                ("/api/departments", "Departments"), ("/api/lists", "Lists"),
                (ServerFixture.target("/api/lists/市监局/裁量基准"), "ListRecord"),
                (ServerFixture.target("/api/lists/嘎鲁图镇/综合行政执法事项清单"), "ListRecord"),
                ("/api/changes", "Changes"), (ServerFixture.target("/api/cited-by/行政处罚法/33"), "CitedByRecord"),
                (ServerFixture.target("/api/search", [("q", "营业执照"), ("kind", "list")]), "SearchResult"),
            ]
            for (target, schema) in targets {
                let response = try await client.get(target)
                #expect(response.status == .ok, "\(target)")
                try check(try response.object(), schema: schema, at: target)
            }
        }
    }
}

@Suite("Departments' lists: pages")
struct ListPageTests {
    private func expectPage(_ response: TestResponse, current: String?, sourceLocation: SourceLocation = #_sourceLocation) {
        let html = response.text
        #expect(response.status == .ok, sourceLocation: sourceLocation)
        #expect(response.header("Content-Type") == "text/html; charset=utf-8", sourceLocation: sourceLocation)
        #expect(html.hasPrefix("<!DOCTYPE html>"), sourceLocation: sourceLocation)
        #expect(!html.contains("<script"), sourceLocation: sourceLocation)
        #expect(!html.contains("src=\"http"), sourceLocation: sourceLocation)
        #expect(!html.contains("href=\"http"), sourceLocation: sourceLocation)
        for (href, label) in [("/", "检索"), ("/lists", "清单"), ("/changes", "变更"), ("/deadlines", "期限")] {
            let plain = "<a href=\"\(href)\">\(label)</a>"
            let marked = "<a href=\"\(href)\" aria-current=\"page\">\(label)</a>"
            #expect(html.contains(plain) || html.contains(marked), "navigation to \(href)", sourceLocation: sourceLocation)
            #expect(html.contains(marked) == (href == current), "current page \(href)", sourceLocation: sourceLocation)
        }
    }

    static func listHref(_ department: String, _ kind: ListKind, asOf: String? = nil) -> String {
        HTML.escape(HTML.listPath(department: department, kind: kind, asOf: asOf))
    }

    @Test("every page has the navigation between 检索, 清单, 变更 and 期限")
    func navigation() async throws {
        try await ServerFixture.withClient { client in
            for (target, current) in [
                ("/", "/"), ("/lists", "/lists"), ("/changes", "/changes"), ("/deadlines", "/deadlines"),
                (ServerFixture.target("/lists/市监局/免罚清单"), "/lists"),
                (ServerFixture.target("/articles/行政处罚法/33"), nil),
            ] as [(String, String?)] {
                expectPage(try await client.get(target), current: current)
            }
        }
    }

    @Test("/lists: departments and their versions, in force or replaced, linking to each list")
    func lists() async throws {
        try await ServerFixture.withClient { client in
            let html = try await client.get("/lists").text
            #expect(html.contains("<div class=\"table-scroll\"><table class=\"lists\">"))
            #expect(html.contains("<h2 id=\"department-scjg\">乌审旗市场监督管理局"))
            #expect(html.contains("href=\"\(Self.listHref(ListAPITests.market, .noPenalty))\""))
            #expect(html.contains("href=\"\(Self.listHref(ListAPITests.market, .noPenalty, asOf: "2022-10-28"))\">2022-10-25</a>"))
            #expect(html.contains("已替换"))
            #expect(html.contains("现行"))
            #expect(html.contains("2023-08-25"), "filing date")
            let versions = try #require(try await client.get("/api/lists").object()["lists"] as? [[String: Any]])
            let samples = versions.filter { $0["status"] as? String == "sample" }.count
            #expect(html.components(separatedBy: "class=\"sample\"").count - 1 == samples, "示例 on every sample version")
            let earlier = try await client.get(ServerFixture.target("/lists", [("as_of", "2023-01-01")])).text
            #expect(earlier.contains("尚未施行"))
            #expect(try await client.get(ServerFixture.target("/lists", [("as_of", "bad")])).status == .badRequest)
        }
    }

    @Test("a list page: items, levels with amounts, bases linked to articles, version history")
    func list() async throws {
        try await ServerFixture.withClient { client in
            let response = try await client.get(ServerFixture.target("/lists/市监局/裁量基准"))
            expectPage(response, current: "/lists")
            let html = response.text
            #expect(html.contains("<h1>乌审旗市场监督管理局行政处罚裁量权基准（部分事项）（2024年修订）<span class=\"sample\""))
            #expect(html.contains("版本 2024-03-20"))
            #expect(html.contains("<table class=\"item-fields\">"))
            #expect(html.contains("<table class=\"levels stack checked\">"))
            #expect(html.contains("<td data-label=\"处罚标准\">"))
            #expect(html.contains("<th scope=\"col\">罚款幅度</th>"))
            #expect(html.contains("1000–3000 元"))
            #expect(html.contains("id=\"item-SCJG-CLJZ-001\""))
            let article = HTML.escape(HTML.articlePath(document: "中华人民共和国行政处罚法", article: 33, version: "2021"))
            #expect(
                html.contains(
                    "<a href=\"\(article)\" class=\"cite\">《中华人民共和国行政处罚法》第三十三条第一款</a><span class=\"cite-version\">〔2021年版〕</span>"))
            // Two articles written as one citation each get their link, to the version in force on the list's date.
            for number in [13, 42] {
                let price = HTML.escape(HTML.articlePath(document: "中华人民共和国价格法", article: number, version: "1997"))
                #expect(html.contains("<a href=\"\(price)\" class=\"cite\">"), "价格法 第\(number)条")
            }
            #expect(html.contains("<section class=\"history\""))
            #expect(
                html.contains("href=\"\(Self.listHref(ListAPITests.market, .discretionBenchmark, asOf: "2022-10-28"))\">2022-10-25</a>"))
            let changes = HTML.escape(
                QueryString.link("/changes", [("department", ListAPITests.market), ("kind", ListAPITests.benchmark)]))
            #expect(html.contains("href=\"\(changes)\""))
        }
    }

    @Test("a list page as of a day shows that day's version and links to the current one")
    func listAsOf() async throws {
        try await ServerFixture.withClient { client in
            let html = try await client.get(ServerFixture.target("/lists/市监局/免罚清单", [("as_of", "2023-08-14")])).text
            #expect(html.contains("版本 2022-10-25"))
            #expect(html.contains("本页显示 2023-08-14 当日施行的版本"))
            #expect(html.contains("查看现行版本"))
            #expect(
                html.contains(
                    "<tr aria-current=\"true\"><td><a href=\"\(Self.listHref(ListAPITests.market, .noPenalty, asOf: "2022-10-28"))"
                        + "\">2022-10-25</a>"
                ))
            #expect(!html.contains("SCJG-BYCF-009"), "added in 2023-08-10")
            let current = try await client.get(ServerFixture.target("/lists/市监局/免罚清单", [("as_of", "2023-08-15")])).text
            #expect(current.contains("版本 2023-08-10"))
            #expect(current.contains("SCJG-BYCF-009"))
            // Lists without levels show their own columns.
            let town = try await client.get(ServerFixture.target("/lists/嘎鲁图镇/综合执法事项清单"))
            expectPage(town, current: "/lists")
            #expect(!town.text.contains("<table class=\"levels"))
        }
    }

    @Test("unknown lists and bad days are Chinese error pages")
    func listErrors() async throws {
        try await ServerFixture.withClient { client in
            for (target, status) in [
                (ServerFixture.target("/lists/不存在局/免罚清单"), 404), (ServerFixture.target("/lists/农牧局/追责情形清单"), 404),
                (ServerFixture.target("/lists/市监局/免罚清单", [("as_of", "bad")]), 400),
                (ServerFixture.target("/lists/市监局/免罚清单", [("as_of", "2020-01-01")]), 404),
                ("/lists/%3Cb%3Ex%3C%2Fb%3E/%3Ci%3E", 400),
            ] {
                let response = try await client.get(target)
                #expect(response.status.code == status, "\(target)")
                #expect(response.text.hasPrefix("<!DOCTYPE html>"))
                #expect(response.text.contains("class=\"error\""))
                #expect(!response.text.contains("<b>x</b>"))
            }
        }
    }

    @Test("/changes: added, removed, and changed fields before and after side by side")
    func changes() async throws {
        try await ServerFixture.withClient { client in
            let response = try await client.get(ServerFixture.target("/changes", [("kind", "裁量基准"), ("since", "2022-10-31")]))
            expectPage(response, current: "/changes")
            let html = response.text
            #expect(html.contains("<form class=\"plain\" method=\"get\" action=\"/changes\">"))
            #expect(html.contains("<option value=\"\(ListAPITests.benchmark)\" selected>"))
            #expect(html.contains("value=\"2022-10-31\""))
            #expect(html.contains("新增事项"))
            #expect(html.contains("删除事项"))
            #expect(html.contains("SCJG-CLJZ-008"))
            #expect(html.contains("<table class=\"diff stack\">"))
            #expect(html.contains("修改前（2022-10-25 版）"))
            #expect(html.contains("修改后（2024-03-20 版）"))
            #expect(html.contains("<td class=\"before\" data-label=\"修改前\">责令改正，没收违法所得，可以并处2000元以下罚款</td>"))
            #expect(html.contains("<td class=\"after\" data-label=\"修改后\">责令改正，没收违法所得，可以并处1000元以下罚款</td>"))
            #expect(html.contains("<th scope=\"row\">一般 · 处罚标准</th>"))
            #expect(!html.contains("levels."), "no field paths for people")
            #expect(html.contains("class=\"absent\""), "a level new in the later version")
            #expect(html.components(separatedBy: "<section class=\"change\">").count - 1 == 3)
            #expect(html.components(separatedBy: "class=\"sample\"").count - 1 == 3)
            let bad = try await client.get(ServerFixture.target("/changes", [("from", "2022-10-26")]))
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains("class=\"error\""))
            #expect(bad.text.contains("<form class=\"plain\""))
            let none = try await client.get(ServerFixture.target("/changes", [("department", "文旅局")])).text
            #expect(none.contains("所选范围内没有清单变更"))
        }
    }

    @Test("the article page lists the list items citing it, linking to their lists")
    func citedBy() async throws {
        try await ServerFixture.withClient { client in
            let html = try await client.get(ServerFixture.target("/articles/行政处罚法/33")).text
            #expect(html.contains("引用本条的清单事项"))
            #expect(html.contains("<ul class=\"cited-by\">"))
            let list = HTML.escape(HTML.listPath(department: ListAPITests.market, kind: .noPenalty))
            #expect(html.contains("<h3>\(ListAPITests.market) · <a href=\"\(list)\">\(ListAPITests.noPenalty)</a>"))
            #expect(html.contains("未将营业执照置于住所或者主要经营场所醒目位置"))
            let item = HTML.escape(HTML.listPath(department: ListAPITests.market, kind: .noPenalty, item: "SCJG-BYCF-001"))
            #expect(html.contains("href=\"\(item)\""))
            let items = try #require(
                try await client.get(ServerFixture.target("/api/cited-by/行政处罚法/33"))
                    .object()["items"] as? [[String: Any]])
            let samples = items.filter { $0["status"] as? String == "sample" }.count
            #expect(samples > 10)
            #expect(html.components(separatedBy: "class=\"sample\"").count - 1 == samples)
        }
    }

    @Test("the search page filters lists and links list hits to their list page")
    func search() async throws {
        try await ServerFixture.withClient { client in
            let target = ServerFixture.target(
                "/",
                [
                    ("q", "营业执照"), ("kind", "list"), ("department", "市监局"), ("list_kind", "免罚清单"), ("as_of", "2023-01-01"),
                ])
            let response = try await client.get(target)
            #expect(response.status == .ok)
            let html = response.text
            #expect(html.contains("<details class=\"filters\" open>"))
            #expect(html.contains("<option value=\"list\" selected>"))
            #expect(html.contains("<option value=\"\(ListAPITests.market)\" selected>"))
            #expect(html.contains("<option value=\"\(ListAPITests.noPenalty)\" selected>"))
            #expect(html.contains("name=\"as_of\" value=\"2023-01-01\""))
            let link = HTML.escape(
                HTML.listPath(
                    department: ListAPITests.market, kind: .noPenalty, asOf: "2023-01-01",
                    item: "SCJG-BYCF-001"))
            #expect(html.contains("<a href=\"\(link)\">"))
            #expect(html.contains("版本 2022-10-25"))
            #expect(html.contains("class=\"sample\""))
            let plain = try await client.get("/").text
            #expect(plain.contains("<details class=\"filters\">"))
            #expect(plain.contains("<select name=\"list_kind\""))
        }
    }
}

@Suite("Departments' lists: public mode")
struct ListPublicModeTests {
    static func isInternalList(_ object: [String: Any]) -> Bool {
        object["department"] as? String == "乌审旗应急管理局"
            && (object["kind"] as? String == "追责情形清单" || object["list_kind"] as? String == "追责情形清单")
    }

    @Test("a list marked not public is never served by a public server", arguments: [true, false])
    func hidden(publicMode: Bool) async throws {
        try await ServerFixture.withClient(publicMode: publicMode) { client in
            let lists = try #require(try await client.get("/api/lists").object()["lists"] as? [[String: Any]])
            #expect(lists.contains(where: Self.isInternalList) == !publicMode)
            #expect(
                lists.contains { $0["department"] as? String == "乌审旗市场监督管理局" && $0["kind"] as? String == "追责情形清单" },
                "public lists of the same kind stay")

            let list = try await client.get(ServerFixture.target("/api/lists/应急管理局/追责情形清单"))
            #expect(list.status == (publicMode ? .notFound : .ok))
            if publicMode { #expect(try list.errorCode() == "no_such_list") }
            let page = try await client.get(ServerFixture.target("/lists/应急管理局/追责情形清单"))
            #expect(page.status == (publicMode ? .notFound : .ok))

            for query in ["承办人", "内部备注"] {
                let hits = try #require(
                    try await client.get(ServerFixture.target("/api/search", [("q", query), ("limit", "100")]))
                        .object()["hits"] as? [[String: Any]])
                #expect(hits.contains(where: Self.isInternalList) == !publicMode, "\(query)")
            }
            let citing = try #require(
                try await client.get(ServerFixture.target("/api/cited-by/行政强制法/61"))
                    .object()["items"] as? [[String: Any]])
            #expect(citing.contains { ($0["id"] as? String)?.hasPrefix("YJGL-ZZQX-") == true } == !publicMode)
            let departments = try #require(try await client.get("/api/departments").object()["departments"] as? [[String: Any]])
            let emergency = try #require(departments.first { $0["id"] as? String == "yjgl" })
            #expect(emergency["lists"] as? Int == (publicMode ? 5 : 6))

            let overview = try await client.get("/lists").text
            let internalList = HTML.escape(HTML.listPath(department: "乌审旗应急管理局", kind: .accountability))
            #expect(overview.contains("href=\"\(internalList)\"") == !publicMode)
            #expect(overview.contains("href=\"\(HTML.escape(HTML.listPath(department: "乌审旗应急管理局", kind: .noPenalty)))\""))
            let article = try await client.get(ServerFixture.target("/articles/行政强制法/61")).text
            #expect(article.contains("YJGL-ZZQX-") == !publicMode)
            let search = try await client.get(ServerFixture.target("/", [("q", "承办人")])).text
            #expect(search.contains("YJGL-ZZQX-") == !publicMode)
        }
    }
}
