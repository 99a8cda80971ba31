import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import LawServer

/// `/api/ask`, and the answers `/api/search` and the search page put above the hits.
@Suite("Questions over HTTP")
struct AskTests {
    static func ask(_ question: String) -> String {
        ServerFixture.target("/api/ask", [("q", question)])
    }

    @Test("/api/ask answers with the ask --json shape")
    func shape() async throws {
        try await ServerFixture.withClient { client in
            let response = try await client.get(Self.ask("2023年1月1日市监局的免罚清单"))
            #expect(response.status == .ok)
            let object = try response.object()
            #expect(Set(object.keys) == ["question", "intent", "understood", "summary", "answer", "alternatives"])
            #expect(object["intent"] as? String == "list")
            let understood = try #require(object["understood"] as? [String: Any])
            #expect(
                Set(understood.keys) == [
                    "department", "kind", "document", "version", "article", "paragraph", "as_of",
                    "since", "until", "terms",
                ])
            #expect(understood["department"] as? String == "乌审旗市场监督管理局")
            #expect(understood["kind"] as? String == "不予处罚事项清单")
            #expect(understood["as_of"] as? String == "2023-01-01")
            #expect(understood["article"] is NSNull)
            let answer = try #require(object["answer"] as? [String: Any])
            #expect(answer["department"] as? String == "乌审旗市场监督管理局")
            #expect((answer["items"] as? [Any])?.isEmpty == false)
        }
    }

    @Test("/api/ask is described in /openapi.json")
    func described() async throws {
        try await ServerFixture.withClient { client in
            let paths = try #require(try await client.get("/openapi.json").object()["paths"] as? [String: Any])
            #expect(paths["/api/ask"] != nil)
        }
    }

    @Test(
        "a missing, empty or hostile question is a 4xx JSON error, never a failure",
        arguments: [
            "", String(repeating: "清", count: 10_000), "\u{1}\u{7}市监局\u{1B}免罚清单",
            "行政处罚法第9223372036854775807条", "9223372036854775807年1月1日的清单", "《《《《》》》》",
        ])
    func hostile(_ question: String) async throws {
        try await ServerFixture.withClient { client in
            let response = try await client.get(Self.ask(question))
            #expect(response.status.code < 500, "\(response.status)")
            if response.status != .ok { _ = try response.errorCode() }
        }
    }

    @Test("a citation typed into /api/search puts the article first, keeping the search keys")
    func searchCitation() async throws {
        try await ServerFixture.withClient { client in
            let object = try await client.get(ServerFixture.target("/api/search", [("q", "行政处罚法第33条")])).object()
            for key in ["query", "total", "limit", "offset", "hits", "next"] { #expect(object.keys.contains(key), "\(key)") }
            let answer = try #require(object["answer"] as? [String: Any])
            #expect(answer["intent"] as? String == "article")
            #expect((answer["answer"] as? [String: Any])?["article"] as? Int == 33)
        }
    }

    @Test("a question typed into /api/search puts its structured answer above the hits")
    func searchQuestion() async throws {
        try await ServerFixture.withClient { client in
            let object = try await client.get(ServerFixture.target("/api/search", [("q", "交通运输局的裁量基准有哪些变化")])).object()
            let answer = try #require(object["answer"] as? [String: Any])
            #expect(answer["intent"] as? String == "changes")
            #expect((answer["answer"] as? [String: Any])?["changes"] is [Any])
            // A plain search has no answer key.
            let plain = try await client.get(ServerFixture.target("/api/search", [("q", "违法行为轻微 及时改正")])).object()
            #expect(plain["answer"] == nil)
        }
    }

    @Test("the search page shows the best answer and how the query was understood")
    func page() async throws {
        try await ServerFixture.withClient { client in
            let html = try await client.get(ServerFixture.target("/", [("q", "处罚法第51条")])).text
            #expect(html.contains("理解为："))
            #expect(html.contains("class=\"answer"))
            #expect(html.contains("第五十一条"))
            let list = try await client.get(ServerFixture.target("/", [("q", "农牧局不予处罚的事项有哪些")])).text
            #expect(list.contains("理解为：乌审旗农牧局 · 不予处罚事项清单"))
        }
    }

    @Test("a search that finds nothing suggests near names and the department's lists")
    func suggestions() async throws {
        try await ServerFixture.withClient { client in
            let html = try await client.get(ServerFixture.target("/", [("q", "市监局 鲸鱼")])).text
            #expect(html.contains("乌审旗市场监督管理局的清单"))
            #expect(html.contains("不予处罚事项清单"))
        }
    }

    @Test("in public mode a list that is not public is neither answered nor named")
    func publicMode() async throws {
        try await ServerFixture.withClient(publicMode: true) { client in
            for question in ["应急局追责情形清单", "应急管理局有哪些清单", "追责情形清单有哪些", "应急局 鲸鱼"] {
                for target in [
                    Self.ask(question), ServerFixture.target("/", [("q", question)]),
                    ServerFixture.target("/api/search", [("q", question)]),
                ] {
                    let text = try await client.get(target).text
                    #expect(!text.contains("内部审核稿"), "\(target)")
                    #expect(!text.contains("13900001234"), "\(target)")
                    #expect(!text.contains("应急管理局行政执法“失职照单问责”"), "\(target)")
                }
            }
            let lists = try await client.get(Self.ask("应急管理局有哪些清单")).object()
            let answer = try #require(lists["answer"] as? [String: Any])
            let kinds = (answer["lists"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
            #expect(!kinds.isEmpty)
            #expect(!kinds.contains("追责情形清单"))
            let page = try await client.get(ServerFixture.target("/", [("q", "应急局 鲸鱼")])).text
            let offered = try #require(page.range(of: "乌审旗应急管理局的清单："))
            let line = page[offered.upperBound...].prefix { $0 != "\n" }
            #expect(line.contains("从轻处罚事项清单") || line.contains("清单"))
            #expect(!line.contains("追责情形清单"))
        }
    }
}
