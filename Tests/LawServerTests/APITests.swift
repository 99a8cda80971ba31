import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import LawServer

@Suite("JSON API")
struct APITests {
    @Test("search answers the CLI's shape, [ ] around matches, and a next link")
    func search() async throws {
        try await ServerFixture.withClient { client in
            let response = try await client.get(ServerFixture.target("/api/search", [("q", "违法行为轻微 及时改正")]))
            #expect(response.status == .ok)
            #expect(response.header("Content-Type") == "application/json; charset=utf-8")
            let object = try response.object()
            #expect(Set(object.keys) == ["query", "total", "limit", "offset", "hits", "next"])
            #expect(object["query"] as? String == "违法行为轻微 及时改正")
            let hits = try #require(object["hits"] as? [[String: Any]])
            let first = try #require(hits.first)
            #expect(first["title"] as? String == "行政处罚法 第三十三条")
            #expect((first["snippet"] as? String)?.contains("[违法行为轻微]") == true)
            #expect(!(first["snippet"] as? String ?? "").contains("\u{E000}"))
        }
    }

    @Test("next links page through the results until null")
    func paging() async throws {
        try await ServerFixture.withClient { client in
            var target: String? = ServerFixture.target("/api/search", [("q", "行政"), ("limit", "40")])
            var seen = Set<Int>()
            var total = 0
            var pages = 0
            while let current = target, pages < 20 {
                let object = try await client.get(current).object()
                total = object["total"] as? Int ?? 0
                for hit in object["hits"] as? [[String: Any]] ?? [] { seen.insert(hit["id"] as? Int ?? -1) }
                target = object["next"] as? String
                pages += 1
            }
            #expect(pages > 1)
            #expect(total > 40)
            #expect(seen.count == total, "pages neither overlap nor leave gaps")
        }
    }

    @Test("kind and document filters restrict the hits")
    func filters() async throws {
        try await ServerFixture.withClient { client in
            let target = ServerFixture.target("/api/search", [("q", "期限"), ("kind", "regulation"), ("document", "行政强制法")])
            let hits = try #require(try await client.get(target).object()["hits"] as? [[String: Any]])
            #expect(!hits.isEmpty)
            #expect(hits.allSatisfy { $0["document"] as? String == "中华人民共和国行政强制法" })
        }
    }

    static let badRequests: [(target: String, status: Int, code: String)] = [
        (ServerFixture.target("/api/search", [("q", "处罚"), ("kind", "law")]), 400, "invalid_parameter"),
        (ServerFixture.target("/api/search", [("q", "处罚"), ("document", "不存在的文件")]), 404, "unknown_document"),
        (ServerFixture.target("/api/search", [("q", "处罚"), ("offset", "-1")]), 400, "invalid_parameter"),
        (ServerFixture.target("/api/search", [("q", "处罚"), ("offset", "99999999")]), 400, "invalid_parameter"),
        (ServerFixture.target("/api/search", [("q", "处罚"), ("limit", "0")]), 400, "invalid_parameter"),
        (ServerFixture.target("/api/search", [("q", "处罚"), ("limit", "1000")]), 400, "invalid_parameter"),
        (ServerFixture.target("/api/search", [("q", "处罚"), ("limit", "ten")]), 400, "invalid_parameter"),
        (ServerFixture.target("/api/search", [("q", "处罚"), ("q", "强制")]), 400, "invalid_parameter"),
        (ServerFixture.target("/api/search", [("q", "")]), 400, "empty_query"),
        (ServerFixture.target("/api/search", [("q", "   ")]), 400, "empty_query"),
        ("/api/search", 400, "empty_query"),
        (ServerFixture.target("/api/search", [("q", "*** ！？")]), 400, "no_searchable_terms"),
        (ServerFixture.target("/api/search", [("q", "-处罚")]), 400, "only_exclusions"),
        ("/api/search?q=%E4%B8", 400, "invalid_encoding"),
        ("/api/search?q=%ZZ", 400, "invalid_encoding"),
        ("/api/search?q=%FF%FE", 400, "invalid_encoding"),
        ("/api/search?q=%", 400, "invalid_encoding"),
        ("/api/search?q=%00", 400, "invalid_encoding"),
        (ServerFixture.target("/api/search", [("q", String(repeating: "a", count: 10_000))]), 400, "query_too_long"),
        (ServerFixture.target("/api/search", [("q", String(repeating: "罚", count: 1001))]), 400, "query_too_long"),
        (ServerFixture.target("/api/search", [("q", String(repeating: "a ", count: 10_000))]), 414, "uri_too_long"),
        ("/api/articles/行政处罚法/90", 404, "no_such_article"),
        ("/api/articles/不存在的法/1", 404, "unknown_document"),
        ("/api/articles/行政处罚法/abc", 400, "invalid_parameter"),
        ("/api/articles/%E8%A1/1", 400, "invalid_encoding"),
        ("/api/cite", 400, "invalid_parameter"),
        (ServerFixture.target("/api/cite", [("q", "你好")]), 400, "unreadable_citation"),
        ("/api/nothing-here", 404, "not_found"),
        ("/nothing-here", 404, "not_found"),
    ]

    @Test("bad parameters answer strict JSON errors", arguments: badRequests)
    func badRequest(_ case: (target: String, status: Int, code: String)) async throws {
        try await ServerFixture.withClient { client in
            let response = try await client.get(`case`.target)
            #expect(response.status.code == `case`.status, "\(`case`.target.prefix(80))")
            #expect(try response.errorCode() == `case`.code)
            #expect(response.header("Cache-Control") == "no-store")
        }
    }

    @Test("only GET and HEAD: other methods answer 405 with Allow")
    func methods() async throws {
        try await ServerFixture.withClient { client in
            for method in [HTTPRequest.Method.post, .put, .delete, .patch, .options] {
                for path in ["/api/search?q=处罚", "/", "/nothing"] {
                    let response = try await client.execute(uri: ServerFixture.target(path), method: method)
                    #expect(response.status == .methodNotAllowed, "\(method) \(path)")
                    #expect(response.header("Allow") == "GET, HEAD")
                    #expect(try response.errorCode() == "method_not_allowed")
                }
            }
        }
    }

    @Test("a GET with a body is refused")
    func body() async throws {
        try await ServerFixture.withClient { client in
            let response = try await client.execute(uri: "/api/documents", method: .get, body: ByteBuffer(string: "{}"))
            #expect(response.status.code == 413)
            #expect(try response.errorCode() == "body_not_allowed")
        }
    }

    @Test("articles by number in any notation, with the CLI's keys")
    func article() async throws {
        try await ServerFixture.withClient { client in
            for number in ["33", "第三十三条", "三十三", "第33条"] {
                let response = try await client.get(ServerFixture.target("/api/articles/行政处罚法/\(QueryString.encode(number))"))
                #expect(response.status == .ok)
                let object = try response.object()
                #expect(object["label"] as? String == "第三十三条")
                #expect(object["article"] as? Int == 33)
                #expect(object["document"] as? String == "中华人民共和国行政处罚法")
                #expect(object["short_name"] as? String == "行政处罚法")
                #expect((object["chapter"] as? String)?.contains("第四章") == true)
            }
        }
    }

    @Test("citations resolve to the paragraph they name")
    func cite() async throws {
        try await ServerFixture.withClient { client in
            let target = ServerFixture.target("/api/cite", [("q", "《中华人民共和国行政处罚法》第三十三条第二款")])
            let object = try await client.get(target).object()
            #expect(object["paragraph"] as? Int == 2)
            #expect((object["paragraph_text"] as? String)?.hasPrefix("当事人有证据足以证明没有主观过错的") == true)
            #expect((object["article"] as? [String: Any])?["article"] as? Int == 33)
        }
    }

    @Test("deadlines and documents are wrapped in an object")
    func lists() async throws {
        try await ServerFixture.withClient { client in
            let deadlines = try #require(try await client.get("/api/deadlines").object()["deadlines"] as? [[String: Any]])
            #expect(deadlines.count >= 20)
            #expect(deadlines.allSatisfy { $0.keys.contains("due") && $0.keys.contains("report_to") })
            #expect(deadlines.first?["due"] as? String == "2022-03-28")
            let documents = try #require(try await client.get("/api/documents").object()["documents"] as? [[String: Any]])
            let titles = Set(documents.compactMap { $0["title"] as? String })
            #expect(titles.isSuperset(of: ["中华人民共和国行政处罚法", "中华人民共和国行政强制法", "优化营商环境条例"]))
        }
    }

    @Test("healthz reports the index and its counts, never cached")
    func health() async throws {
        try await ServerFixture.withClient { client in
            let response = try await client.get("/healthz")
            #expect(response.status == .ok)
            #expect(response.header("Cache-Control") == "no-store")
            let object = try response.object()
            #expect(object["status"] as? String == "ok")
            #expect(object["index"] as? String == ServerFixture.indexPath)
            let counts = try #require(object["counts"] as? [String: Any])
            #expect((counts["documents"] as? Int ?? 0) >= 4)
            #expect((counts["units"] as? Int ?? 0) >= 271)
            #expect((counts["deadlines"] as? Int ?? 0) >= 20)
        }
    }

    @Test("HEAD answers the headers of GET without the body")
    func head() async throws {
        try await ServerFixture.withClient { client in
            let get = try await client.get("/api/documents")
            let head = try await client.execute(uri: "/api/documents", method: .head)
            #expect(head.status == .ok)
            #expect(head.body.readableBytes == 0)
            #expect(head.header("Content-Length") == String(get.body.readableBytes))
            #expect(head.header("ETag") == get.header("ETag"))
        }
    }

    @Test("JSON answers have the keys their OpenAPI schema describes")
    func schemas() async throws {
        try await ServerFixture.withClient { client in
            let service = try ServerFixture.service()
            for route in LawServer.routes(for: service) where route.contentType == Reply.jsonType {
                guard let name = route.schema, case .object(let schema) = try #require(OpenAPIDocument.schemas[name]),
                    case .object(let properties) = try #require(schema["properties"]),
                    case .array(let required) = try #require(schema["required"])
                else { continue }
                let object = try await client.get(route.exampleTarget).object()
                let keys = Set(object.keys)
                #expect(keys.isSubset(of: Set(properties.keys)), "\(route.path): \(keys.subtracting(properties.keys))")
                let requiredKeys = Set(required.compactMap { if case .string(let key) = $0 { key } else { nil } })
                #expect(requiredKeys.isSubset(of: keys), "\(route.path): missing \(requiredKeys.subtracting(keys))")
            }
        }
    }
}
