import Foundation
import Hummingbird
import HummingbirdTesting
import LawQuery
import Testing

@testable import LawServer

/// Messages, labels and pages for people are in Chinese, readable on a phone, and name the
/// closest names rather than the whole vocabulary.
@Suite("Chinese for people")
struct ChineseTests {
    static let market = "乌审旗市场监督管理局"
    static let noPenalty = "不予处罚事项清单"

    /// Whether `text` holds Chinese characters.
    static func isChinese(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
    }

    /// The names after “您是不是要找：”, or `nil`.
    static func suggestions(_ text: String) -> [String]? {
        guard let start = text.range(of: "您是不是要找：") else { return nil }
        return text[start.upperBound...].prefix { $0 != "？" }.split(separator: "、").map(String.init)
    }

    static let errors: [String] = [
        "/api/articles/行政处罚法/90",
        "/api/articles/行政处罚条例/1",
        "/api/articles/行政处罚法/abc",
        "/api/search",
        ServerFixture.target("/api/search", [("q", "*** ！？")]),
        ServerFixture.target("/api/search", [("q", "-处罚")]),
        ServerFixture.target("/api/search", [("q", String(repeating: "罚", count: 1001))]),
        ServerFixture.target("/api/changes", [("kind", "奇怪清单")]),
        ServerFixture.target("/api/changes", [("from", "2022-10-26")]),
        ServerFixture.target("/api/changes", [("since", "2022-10-26"), ("from", "2022-10-26"), ("to", "2023-10-26")]),
        ServerFixture.target("/api/lists", [("department", "宇宙管理局")]),
        ServerFixture.target("/api/cite", [("q", "你好")]),
        "/api/nothing-here",
    ]

    @Test("every JSON error message is Chinese; the code stays English", arguments: errors)
    func chineseMessages(_ target: String) async throws {
        try await ServerFixture.withClient { client in
            let response = try await client.get(target)
            let error = try #require(try response.object()["error"] as? [String: Any])
            let message = try #require(error["message"] as? String)
            let code = try #require(error["code"] as? String)
            #expect(Self.isChinese(message), "\(target): \(message)")
            #expect(!message.contains("invalid") && !message.contains("known"), "\(target): \(message)")
            #expect(code.unicodeScalars.allSatisfy { $0.isASCII })
        }
    }

    @Test("an unknown document or department names at most five close names, not the vocabulary")
    func didYouMean() async throws {
        try await ServerFixture.withClient { client in
            let document = try await client.get("/api/articles/行政处罚条例/1")
            #expect(try document.errorCode() == "unknown_document")
            let message = try #require((try document.object()["error"] as? [String: Any])?["message"] as? String)
            #expect(message.hasPrefix("没有名为“行政处罚条例”的文件。您是不是要找："), "\(message)")
            let names = try #require(Self.suggestions(message))
            #expect(names.first == "行政处罚法")
            #expect(names.count <= NameSuggestions.limit)
            #expect(Set(names).count == names.count, "each name once")

            let department = try await client.get(ServerFixture.target("/api/lists", [("department", "宇宙管理局")]))
            let text = try #require((try department.object()["error"] as? [String: Any])?["message"] as? String)
            #expect(text.hasPrefix("没有名为“宇宙管理局”的部门。"), "\(text)")
            #expect((Self.suggestions(text)?.count ?? 0) <= NameSuggestions.limit)

            let page = try await client.get(ServerFixture.target("/articles/行政处罚条例/1"))
            #expect(page.status == .notFound)
            #expect(page.text.contains("您是不是要找：行政处罚法"))
        }
    }

    @Test("the API link opens a page explaining every JSON route in Chinese")
    func apiGuide() async throws {
        try await ServerFixture.withClient { client in
            let response = try await client.get("/api")
            #expect(response.status == .ok)
            #expect(response.header("Content-Type") == "text/html; charset=utf-8")
            let html = response.text
            #expect(html.contains("<a href=\"/api\" aria-current=\"page\">API</a>"))
            #expect(html.contains("<h1>API 使用说明</h1>"))
            #expect(html.contains("<a href=\"/openapi.json\">/openapi.json</a>"))
            for path in [
                "/api/search", "/api/articles/{document}/{number}", "/api/lists/{department}/{kind}",
                "/api/changes", "/api/cited-by/{document}/{number}",
            ] {
                #expect(html.contains("<code>GET \(HTML.escape(path))</code>"), "\(path)")
            }
            #expect(html.contains("全文检索"))
            #expect(html.contains("<code>invalid_parameter</code>"))
            #expect(!html.contains("Full-text search"), "summaries in Chinese")
            let home = try await client.get("/").text
            #expect(home.contains("<a href=\"/api\">API</a>"))
            let document = try await client.get("/openapi.json").object()
            let paths = try #require(document["paths"] as? [String: Any])
            #expect(paths["/api"] != nil, "the page is a route of the route table")
        }
    }

    @Test("every example on the API page answers")
    func apiGuideExamples() async throws {
        try await ServerFixture.withClient { client in
            let html = try await client.get("/api").text
            let examples = html.components(separatedBy: "<p class=\"example\">示例：<a href=\"").dropFirst()
                .compactMap { $0.components(separatedBy: "\"").first }
            #expect(examples.count >= 10)
            for example in examples {
                let target = example.replacingOccurrences(of: "&amp;", with: "&")
                #expect(try await client.get(target).status == .ok, "\(target)")
            }
        }
    }

    @Test("wide tables scroll inside their box or stack on a phone")
    func narrowTables() async throws {
        let style = HTML.styleSheet
        #expect(style.contains(".table-scroll{overflow-x:auto"))
        #expect(style.contains("@media (max-width:40rem){"))
        #expect(
            style.contains(
                "table.stack,table.stack tbody,table.stack tr,table.stack td,table.stack th[scope=row]{display:block;width:auto}"))
        #expect(style.contains("table.stack td[data-label]::before{content:attr(data-label)"))
        try await ServerFixture.withClient { client in
            let changes = try await client.get(ServerFixture.target("/changes", [("kind", "裁量基准")])).text
            #expect(changes.contains("<table class=\"diff stack\">"))
            let deadlines = try await client.get("/deadlines").text
            #expect(deadlines.contains("<table class=\"deadlines stack\">"))
            let list = try await client.get(ServerFixture.target("/lists/市监局/裁量基准")).text
            #expect(list.contains("<table class=\"levels stack checked\">"))
            #expect(list.contains("<div class=\"table-scroll\"><table class=\"versions\">"))
            let lists = try await client.get("/lists").text
            let wrapped = lists.components(separatedBy: "<div class=\"table-scroll\"><table class=\"lists\">").count - 1
            #expect(wrapped >= 5)
            #expect(lists.components(separatedBy: "<table class=\"lists\">").count - 1 == wrapped, "every overview table scrolls")
        }
    }

    @Test("/lists narrows to a kind for every department, or to one department")
    func listFilters() async throws {
        try await ServerFixture.withClient { client in
            let kind = try await client.get(ServerFixture.target("/lists", [("kind", "免罚清单")]))
            #expect(kind.status == .ok)
            let html = kind.text
            #expect(html.contains("<h1>\(Self.noPenalty)</h1>"))
            #expect(html.contains("<option value=\"\(Self.noPenalty)\" selected>"))
            #expect(html.components(separatedBy: "<section class=\"department\"").count - 1 >= 3)
            #expect(!html.contains(">行政处罚裁量权基准</a>"), "only the kind asked for")
            #expect(!html.contains("暂无公布清单的部门"))

            let department = try await client.get(ServerFixture.target("/lists", [("department", "市监局")])).text
            #expect(department.contains("<h1>\(Self.market)</h1>"))
            #expect(department.components(separatedBy: "<section class=\"department\"").count - 1 == 1)

            let unknown = try await client.get(ServerFixture.target("/lists", [("kind", "奇怪清单")]))
            #expect(unknown.status == .badRequest)
            #expect(unknown.text.contains("没有名为“奇怪清单”的清单种类"))
        }
    }

    @Test("the search page's list filters without a query show those lists")
    func filtersWithoutQuery() async throws {
        try await ServerFixture.withClient { client in
            let response = try await client.get(ServerFixture.target("/", [("department", "市监局"), ("list_kind", "免罚清单")]))
            #expect(response.status == .ok)
            let html = response.text
            #expect(html.contains("<h1>\(Self.market) · \(Self.noPenalty)</h1>"))
            #expect(html.contains("<section class=\"department\""))
            let kindOnly = try await client.get(ServerFixture.target("/", [("list_kind", "免罚清单")])).text
            #expect(kindOnly.contains("<h1>\(Self.noPenalty)</h1>"))
        }
    }

    @Test("field paths have Chinese labels")
    func fieldLabels() {
        #expect(FieldLabel.chinese("levels.一般.penalty") == "一般 · 处罚标准")
        #expect(FieldLabel.chinese("levels.较重.amounts") == "较重 · 罚款幅度")
        #expect(FieldLabel.chinese("levels.轻微.circumstances") == "轻微 · 适用情形")
        #expect(FieldLabel.chinese("levels.较重") == "较重（裁量阶次）")
        #expect(FieldLabel.chinese("basis") == "法律依据")
        #expect(FieldLabel.chinese("conduct") == "违法行为")
        #expect(FieldLabel.chinese("fields.监管对象") == "监管对象")
        #expect(FieldChange(field: "conditions", before: nil, after: "x").label == "适用情形")
    }
}
