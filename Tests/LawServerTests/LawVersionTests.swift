import Foundation
import HummingbirdTesting
import LawQuery
import Testing

@testable import LawServer

/// The laws' pages and the benchmark check over HTTP: documents, outlines, articles of a
/// version, citations linked to the version they resolved to, levels against the statute.
@Suite("Laws, versions and benchmark checks over HTTP")
struct LawVersionTests {
    static let road = "道路运输条例"

    @Test("/documents lists every law and version, linked to its page")
    func documentsPage() async throws {
        try await ServerFixture.withClient { client in
            let response = try await client.get("/documents")
            #expect(response.status == .ok)
            let html = response.text
            #expect(html.contains("<a href=\"/documents\" aria-current=\"page\">法规</a>"))
            let earlier = HTML.escape(HTML.documentPath(document: Self.road, version: "2022"))
            #expect(html.contains("<a href=\"\(earlier)\">中华人民共和国道路运输条例</a>"))
            #expect(html.contains(HTML.escape(HTML.documentPath(document: "食品安全法"))))
            #expect(html.contains("已修改") && html.contains("现行有效"))
        }
    }

    @Test("a law's page: chapters, every article linked, versions, items resting on each article")
    func outlinePage() async throws {
        try await ServerFixture.withClient { client in
            let response = try await client.get(ServerFixture.target("/documents/\(Self.road)", [("version", "2022")]))
            #expect(response.status == .ok)
            let html = response.text
            #expect(html.contains("<h1>中华人民共和国道路运输条例<span class=\"version-tag\">2022年版本</span></h1>"))
            #expect(html.contains("<h2>第一章　总则</h2>"))
            let article63 = HTML.escape(HTML.articlePath(document: Self.road, article: 63, version: "2022"))
            #expect(html.contains("<a href=\"\(article63)\">第六十三条</a>"))
            #expect(html.contains("\(article63)#cited-by\">被引 "))
            #expect(html.contains("<caption>版本</caption>"))
            let missing = try await client.get(ServerFixture.target("/documents/\(Self.road)", [("version", "1999")]))
            #expect(missing.status == .badRequest)
            #expect(missing.text.contains("收录的版本：2022、2023"))
            let tooLong = try await client.get(
                ServerFixture.target(
                    "/documents/\(Self.road)",
                    [("version", String(repeating: "2", count: 500))]))
            #expect(tooLong.status == .badRequest)
        }
    }

    @Test("an article of an earlier version names its version and links the others")
    func articleOfAVersion() async throws {
        try await ServerFixture.withClient { client in
            let response = try await client.get(ServerFixture.target("/articles/\(Self.road)/68", [("version", "2022")]))
            #expect(response.status == .ok)
            let html = response.text
            #expect(html.contains("车辆营运证"))
            #expect(html.contains("本条为2022年版本（已修改，施行 2022-05-01 至 2023-07-20 前）"))
            #expect(html.contains(HTML.escape(HTML.articlePath(document: Self.road, article: 68))))
            #expect(html.contains("rel=\"next\""))
            #expect(html.contains(HTML.escape(HTML.articlePath(document: Self.road, article: 69, version: "2022"))))
            #expect(html.contains("各版清单中，有"))
            let current = try await client.get(ServerFixture.target("/articles/\(Self.road)/68")).text
            #expect(!current.contains("车辆营运证"))
        }
    }

    @Test("a benchmark page shows the statute and each level's verdict")
    func listPageChecks() async throws {
        try await ServerFixture.withClient { client in
            let html = try await client.get(ServerFixture.target("/lists/交通运输局/裁量基准", [("as_of", "2023-01-01")])).text
            #expect(html.contains("<p class=\"statute\"><span class=\"rule\">法定处罚</span>"))
            let article = HTML.escape(HTML.articlePath(document: "中华人民共和国道路运输条例", article: 63, version: "2022"))
            #expect(html.contains("<a href=\"\(article)\">中华人民共和国道路运输条例（2022）第六十三条</a>："))
            #expect(html.contains("<th scope=\"col\">对照法条</th>"))
            #expect(html.contains("<td data-label=\"对照法条\" class=\"verdict within\">在法定幅度内</td>"))
            #expect(!html.contains("verdict beyond"))
            // Citations link to the version they resolved to, and say which.
            #expect(html.contains("<span class=\"cite-version\">〔2022年版〕</span>"))
        }
    }

    @Test("/api/benchmark-checks and /api/documents/{document}")
    func api() async throws {
        try await ServerFixture.withClient { client in
            let review = try await client.get(ServerFixture.target("/api/benchmark-checks", [("every_version", "true")])).object()
            #expect(Set(review.keys) == ["as_of", "every_version", "benchmarks", "tally"])
            let tally = try #require(review["tally"] as? [String: Any])
            #expect(Set(tally.keys) == ["items", "levels", "within_law", "beyond_law", "unchecked"])
            #expect((tally["levels"] as? Int ?? 0) > 100)
            let benchmarks = try #require(review["benchmarks"] as? [[String: Any]])
            #expect(benchmarks.count == 6)
            let bad = try await client.get(ServerFixture.target("/api/benchmark-checks", [("every_version", "maybe")]))
            #expect(bad.status == .badRequest)
            #expect(try bad.errorCode() == "invalid_parameter")
            let outline = try await client.get(ServerFixture.target("/api/documents/食品安全法")).object()
            #expect(outline["title"] as? String == "中华人民共和国食品安全法")
            #expect((outline["chapters"] as? [[String: Any]])?.isEmpty == false)
        }
    }
}
