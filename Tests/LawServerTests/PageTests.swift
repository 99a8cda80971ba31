import Foundation
import Hummingbird
import HummingbirdTesting
import LawQuery
import Testing

@testable import LawServer

@Suite("Web pages")
struct PageTests {
    /// What every page must be: Chinese, UTF-8, self-contained, script-free.
    private func expectWellFormedPage(_ response: TestResponse, sourceLocation: SourceLocation = #_sourceLocation) {
        let html = response.text
        #expect(response.header("Content-Type") == "text/html; charset=utf-8", sourceLocation: sourceLocation)
        #expect(html.hasPrefix("<!DOCTYPE html>"), sourceLocation: sourceLocation)
        #expect(html.contains("<html lang=\"zh-CN\">"), sourceLocation: sourceLocation)
        #expect(html.contains("<meta charset=\"utf-8\">"), sourceLocation: sourceLocation)
        #expect(!html.contains("<script"), sourceLocation: sourceLocation)
        #expect(!html.contains("src=\"http"), sourceLocation: sourceLocation)
        #expect(!html.contains("href=\"http"), sourceLocation: sourceLocation)
    }

    @Test("the search page without a query shows the form and the documents")
    func home() async throws {
        try await ServerFixture.withClient { client in
            let response = try await client.get("/")
            #expect(response.status == .ok)
            expectWellFormedPage(response)
            let html = response.text
            #expect(html.contains("<form class=\"search\" method=\"get\" action=\"/\""))
            #expect(html.contains("name=\"q\""))
            #expect(html.contains("<select name=\"kind\""))
            #expect(html.contains("<select name=\"document\""))
            #expect(html.contains("中华人民共和国行政处罚法"))
            #expect(!html.contains("<ol class=\"results\""))
        }
    }

    @Test("results have highlighted snippets, article links and page links")
    func results() async throws {
        try await ServerFixture.withClient { client in
            let response = try await client.get(ServerFixture.target("/", [("q", "违法行为轻微"), ("kind", "regulation")]))
            #expect(response.status == .ok)
            expectWellFormedPage(response)
            let html = response.text
            #expect(html.contains("<ol class=\"results\" start=\"1\">"))
            #expect(html.contains("<mark>违法行为轻微</mark>"))
            #expect(!html.contains("\u{E000}"))
            #expect(html.contains("href=\"/articles/"))
            #expect(html.contains("value=\"违法行为轻微\""))
            #expect(html.contains("<option value=\"regulation\" selected>"))
            let second = try await client.get(ServerFixture.target("/", [("q", "行政"), ("offset", "10")])).text
            #expect(second.contains("rel=\"prev\""))
            #expect(second.contains("rel=\"next\""))
            #expect(second.contains("<ol class=\"results\" start=\"11\">"))
        }
    }

    @Test("hits from sample data carry the 示例 label")
    func sampleHits() async throws {
        try await ServerFixture.withClient { client in
            let object = try await client.get(ServerFixture.target("/api/search", [("q", "处罚"), ("limit", "100")])).object()
            let hits = object["hits"] as? [[String: Any]] ?? []
            let samples = hits.filter { $0["status"] as? String == "sample" }.count
            let html = try await client.get(ServerFixture.target("/", [("q", "处罚"), ("limit", "100")])).text
            #expect(html.components(separatedBy: "class=\"sample\"").count - 1 == samples)
        }
    }

    @Test("form filters are kept: + as space, selected options")
    func filters() async throws {
        try await ServerFixture.withClient { client in
            let html = try await client.get("/?q=%E6%9F%A5%E5%B0%81+%E6%9C%9F%E9%99%90&kind=regulation&document=").text
            #expect(html.contains("value=\"查封 期限\""))
            #expect(html.contains("<option value=\"regulation\" selected>"))
            #expect(html.contains("<mark>查封</mark>"))
        }
    }

    @Test("bad input is explained on the page, in Chinese, with the form")
    func badInput() async throws {
        try await ServerFixture.withClient { client in
            let response = try await client.get(ServerFixture.target("/", [("q", "处罚"), ("kind", "law")]))
            #expect(response.status == .badRequest)
            expectWellFormedPage(response)
            #expect(response.text.contains("class=\"error\""))
            #expect(response.text.contains("name=\"q\""))
        }
    }

    @Test("everything typed is HTML-escaped")
    func escaping() async throws {
        try await ServerFixture.withClient { client in
            let attack = "\"><script>alert(1)</script>"
            let html = try await client.get(ServerFixture.target("/", [("q", attack)])).text
            #expect(!html.contains("<script>"))
            #expect(html.contains("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"))
            let article = try await client.get("/articles/%3Cb%3Ex%3C%2Fb%3E/1").text
            #expect(!article.contains("<b>x</b>"))
        }
    }

    @Test("an article page has the text, its chapter and its neighbours")
    func article() async throws {
        try await ServerFixture.withClient { client in
            let response = try await client.get(ServerFixture.target("/articles/行政处罚法/33"))
            #expect(response.status == .ok)
            expectWellFormedPage(response)
            let html = response.text
            #expect(html.contains("<h1>行政处罚法 第三十三条</h1>"))
            #expect(html.contains("第四章"))
            #expect(html.contains("<p>第三十三条 违法行为轻微并及时改正"))
            #expect(html.contains("rel=\"prev\">‹ 第三十二条</a>"))
            #expect(html.contains("rel=\"next\">第三十四条 ›</a>"))
            let last = try await client.get(ServerFixture.target("/articles/行政处罚法/86")).text
            #expect(!last.contains("rel=\"next\""))
        }
    }

    @Test("an unknown article or address is a Chinese error page for browsers")
    func notFound() async throws {
        try await ServerFixture.withClient { client in
            let article = try await client.get(ServerFixture.target("/articles/行政处罚法/99"))
            #expect(article.status == .notFound)
            expectWellFormedPage(article)
            #expect(article.text.contains("第八十六条"))
            let page = try await client.get("/no-such-page", headers: [.accept: "text/html,application/xhtml+xml"])
            #expect(page.status == .notFound)
            expectWellFormedPage(page)
            let api = try await client.get("/api/no-such-route", headers: [.accept: "text/html"])
            #expect(try api.errorCode() == "not_found")
        }
    }

    @Test("the deadlines page is a table of the plan's obligations")
    func deadlines() async throws {
        try await ServerFixture.withClient { client in
            let response = try await client.get("/deadlines")
            #expect(response.status == .ok)
            expectWellFormedPage(response)
            let html = response.text
            #expect(html.contains("<table class=\"deadlines stack\">"))
            #expect(html.contains("<td data-label=\"责任单位与任务\">"))
            #expect(html.contains("2022-03-28"))
            #expect(html.contains("每月25日前"))
            #expect(html.components(separatedBy: "<tr>").count - 2 >= 20)
        }
    }

    @Test("list items citing an article are shown with 示例 labels for sample data")
    func citingSection() throws {
        let json =
            #"{"document":"中华人民共和国行政处罚法","short_name":"行政处罚法","version":"2021","status":"现行有效","article""#
            + #":33,"label":"第三十三条","chapter":"第四章","text":"第三十三条 违法行为轻微……","line":155}"#
        let record = try JSONDecoder().decode(ArticleRecord.self, from: Data(json.utf8))
        let citing = #"""
            {"document":"中华人民共和国行政处罚法","article":33,"label":"第三十三条","as_of":"2024-01-01",
             "every_list_version":false,"items":[
             {"department":"市场监督管理局","kind":"不予处罚事项清单","version":"2023-08-10","in_force_from":"2023-08-10",
              "status":"sample","id":"X-1",
              "name":"首次轻微违法<不罚>","citation":"《行政处罚法》第三十三条","paragraph":1},
             {"department":"市场监督管理局","kind":"不予处罚事项清单","version":"2023-08-10","in_force_from":"2023-08-10",
              "status":"official","id":"X-2",
              "name":"正式事项","citation":"《行政处罚法》第三十三条"}],
             "passages":[{"kind":"plan","document":"方案","title":"（一）","location":"二","citation":"第三十三条"}]}
            """#
        let citedBy = try JSONDecoder().decode(CitedByRecord.self, from: Data(citing.utf8))
        let html = Pages.article(record, previous: 32, next: 34, citedBy: citedBy, publicMode: false)
        #expect(html.contains("引用本条的清单事项"))
        #expect(html.contains("首次轻微违法&lt;不罚&gt;"))
        #expect(html.contains("href=\"/lists/\(QueryString.encode("市场监督管理局"))/\(QueryString.encode("不予处罚事项清单"))#item-X-1\""))
        #expect(html.components(separatedBy: "class=\"sample\"").count == 2, "one sample label, for the sample item")
        #expect(html.contains("引用本条的方案和法律条文"))
        var empty = citedBy
        empty.items = []
        empty.passages = []
        let none = Pages.article(record, previous: 32, next: 34, citedBy: empty, publicMode: false)
        #expect(none.contains("暂无现行清单事项引用本条"))
        let absent = Pages.article(record, previous: 32, next: 34, citedBy: nil, publicMode: false)
        #expect(!absent.contains("引用本条的清单事项"))
        #expect(HTML.sampleLabel(status: .sample).contains("示例"))
        #expect(HTML.sampleLabel(status: .official).isEmpty)
    }
}
