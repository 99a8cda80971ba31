import Foundation
import Hummingbird
import HummingbirdTesting
import LawIndex
import LawQuery
import Testing

@testable import LawServer

@Suite("Operations: OpenAPI, metrics, time limits, hot reload, sockets")
struct OperationsTests {
    @Test("every documented path answers, and every route is documented")
    func openAPICoverage() async throws {
        try await ServerFixture.withClient { client in
            let service = try ServerFixture.service()
            let routes = LawServer.routes(for: service)
            let document = try await client.get("/openapi.json").object()
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            #expect(Set(paths.keys) == Set(routes.map(\.path)))
            for (path, operations) in paths {
                #expect(Set(operations.keys) == ["get", "head"], "\(path)")
                let get = try #require(operations["get"] as? [String: Any])
                let parameters = get["parameters"] as? [[String: Any]] ?? []
                // Build the request from the document alone: its path and its examples.
                var target = path
                var query: [(String, String)] = []
                for parameter in parameters {
                    let name = try #require(parameter["name"] as? String)
                    let example = try #require(parameter["example"] as? String)
                    if parameter["in"] as? String == "path" {
                        target = target.replacingOccurrences(of: "{\(name)}", with: QueryString.encode(example))
                    } else if parameter["required"] as? Bool == true {
                        query.append((name, example))
                    }
                }
                for method in [HTTPRequest.Method.get, .head] {
                    let response = try await client.execute(uri: ServerFixture.target(target, query), method: method)
                    #expect(response.status == .ok, "\(method) \(target) answered \(response.status)")
                }
            }
            // The router answers exactly the documented paths: an undocumented neighbour is unknown.
            #expect(try await client.get("/api/article").status == .notFound)
            #expect(try await client.get("/api/articles/行政处罚法").status == .notFound)
        }
    }

    @Test("/metrics counts requests by route and status, with latency histograms")
    func metrics() async throws {
        try await ServerFixture.withClient { client in
            _ = try await client.get(ServerFixture.target("/api/search", [("q", "处罚")]))
            _ = try await client.get(ServerFixture.target("/api/search", [("q", "处罚")]))
            _ = try await client.get("/api/search")
            _ = try await client.get(ServerFixture.target("/api/articles/行政处罚法/33"))
            _ = try await client.get("/no/such/thing")
            let response = try await client.get("/metrics")
            #expect(response.status == .ok)
            #expect(response.header("Content-Type") == Reply.metricsType)
            let text = response.text
            #expect(text.contains("# TYPE lawkb_http_requests_total counter"))
            #expect(text.contains("lawkb_http_requests_total{route=\"/api/search\",method=\"GET\",status=\"200\"} 2"))
            #expect(text.contains("lawkb_http_requests_total{route=\"/api/search\",method=\"GET\",status=\"400\"} 1"))
            #expect(text.contains("lawkb_http_requests_total{route=\"/api/articles/{document}/{number}\",method=\"GET\",status=\"200\"} 1"))
            #expect(text.contains("lawkb_http_requests_total{route=\"unmatched\",method=\"GET\",status=\"404\"} 1"))
            #expect(text.contains("# TYPE lawkb_http_request_duration_seconds histogram"))
            #expect(text.contains("lawkb_http_request_duration_seconds_bucket{route=\"/api/search\",le=\"+Inf\"} 3"))
            #expect(text.contains("lawkb_http_request_duration_seconds_count{route=\"/api/search\"} 3"))
        }
    }

    @Test("a query over its time limit answers 503 and the server keeps serving")
    func timeout() async throws {
        try await ServerFixture.withClient(queryTimeLimit: .nanoseconds(1)) { client in
            for _ in 0..<3 {
                let response = try await client.get(ServerFixture.target("/api/search", [("q", "行政 处罚")]))
                #expect(response.status == .serviceUnavailable)
                #expect(try response.errorCode() == "query_timeout")
                #expect(!response.text.contains("SQLITE"), "no internals")
            }
            #expect(try await client.get("/metrics").text.contains("lawkb_events_total{event=\"query_timeouts\"} 3"))
            #expect(try await client.get("/openapi.json").status == .ok)
        }
        // The interrupted connections go back to their pool and answer the next queries.
        let service = try ServerFixture.service()
        for _ in 0..<5 {
            await #expect(throws: QueryTimedOut.self) {
                try await service.read(within: .nanoseconds(1)) { try $0.search(SearchRequest(query: "行政 处罚")) }
            }
            let answered = try await service.read(within: .seconds(10)) { try $0.search(SearchRequest(query: "行政 处罚")) }
            #expect(answered.total > 0)
        }
        // Without a deadline (the CLI's synchronous reads), nothing is interrupted.
        let queries = LawQueries(try KnowledgeBase(path: ServerFixture.indexPath, concurrent: true))
        #expect(try queries.search(SearchRequest(query: "行政 处罚")).total > 0)
    }

    @Test("a rebuilt index is served without restart while requests keep succeeding")
    func hotReload() async throws {
        let directory = try ServerFixture.scratchDirectory()
        let indexPath = directory.appendingPathComponent("lawkb.sqlite").path
        _ = try IndexBuilder(corpusRoot: ServerFixture.corpus).build(to: indexPath)
        let corpus = try ServerFixture.corpusMarking("热更新标记", in: directory)

        let service = try ServerFixture.service(indexPath: indexPath, reloadCheckInterval: .milliseconds(20))
        let marker = ServerFixture.target("/api/search", [("q", "热更新标记")])
        try await LawServer.makeApplication(service: service).test(.router) { client in
            #expect(try await client.get(marker).object()["total"] as? Int == 0)
            let statuses = try await withThrowingTaskGroup(of: [Int].self) { group in
                for worker in 0..<4 {
                    group.addTask {
                        var statuses: [Int] = []
                        for round in 0..<40 {
                            let target =
                                round % 2 == 0
                                ? ServerFixture.target("/api/search", [("q", "不予处罚"), ("offset", String(worker))])
                                : ServerFixture.target("/api/articles/行政处罚法/33")
                            statuses.append(try await client.get(target).status.code)
                            try await Task.sleep(for: .milliseconds(2))
                        }
                        return statuses
                    }
                }
                group.addTask {
                    try await Task.sleep(for: .milliseconds(30))
                    _ = try IndexBuilder(corpusRoot: corpus.path).build(to: indexPath)
                    return []
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            #expect(statuses.count == 160)
            #expect(statuses.allSatisfy { $0 == 200 }, "\(statuses.filter { $0 != 200 })")
            // The new index is served (the check runs at most every 20 ms).
            var total = 0
            for _ in 0..<100 where total == 0 {
                total = try await client.get(marker).object()["total"] as? Int ?? 0
                if total == 0 { try await Task.sleep(for: .milliseconds(20)) }
            }
            #expect(total >= 1)
            let article = try await client.get(ServerFixture.target("/api/articles/行政处罚法/33")).object()
            #expect((article["text"] as? String)?.contains("热更新标记") == true)
            #expect((try await client.get("/healthz").object()["generation"] as? Int ?? 0) >= 2)
        }
        #expect(service.index.generation >= 2)
    }

    @Test("a replacement that is not an index is skipped; the previous index stays in use")
    func brokenReplacement() async throws {
        let directory = try ServerFixture.scratchDirectory()
        let indexPath = directory.appendingPathComponent("lawkb.sqlite").path
        try FileManager.default.copyItem(atPath: ServerFixture.indexPath, toPath: indexPath)
        let service = try ServerFixture.service(indexPath: indexPath, reloadCheckInterval: .milliseconds(1))
        try await LawServer.makeApplication(service: service).test(.router) { client in
            let garbage = directory.appendingPathComponent("garbage").path
            try Data("not a database".utf8).write(to: URL(fileURLWithPath: garbage))
            #expect(rename(garbage, indexPath) == 0)
            try await Task.sleep(for: .milliseconds(5))
            for _ in 0..<3 {
                #expect(try await client.get(ServerFixture.target("/api/search", [("q", "处罚")])).status == .ok)
            }
            #expect(service.index.generation == 1)
        }
    }

    @Test("requests over the concurrency limit are refused, not queued")
    func concurrencyGate() {
        let gate = ConcurrencyGate(maximum: 2)
        #expect(gate.enter())
        #expect(gate.enter())
        #expect(!gate.enter())
        gate.leave()
        #expect(gate.enter())
    }

    @Test("a real loopback socket serves pages and JSON")
    func liveSocket() async throws {
        let service = try ServerFixture.service(publicMode: true, rateLimit: .publicDefault)
        try await LawServer.makeApplication(service: service).test(.live) { client in
            #expect(client.port != nil)
            let health = try await client.get("/healthz")
            #expect(health.status == .ok)
            #expect(try health.object().keys.sorted() == ["status"], "a public server shows liveness only")
            let search = try await client.get(ServerFixture.target("/api/search", [("q", "达古拉")]))
            #expect(search.status == .ok)
            #expect(search.text.contains("150****4088"))
            #expect(search.header("Access-Control-Allow-Origin") == "*")
            let page = try await client.get(ServerFixture.target("/", [("q", "不予处罚")]))
            #expect(page.text.contains("<mark>"))
            let post = try await client.execute(uri: "/api/search", method: .post, body: ByteBuffer(string: "x"))
            #expect(post.status == .methodNotAllowed)
            #expect(try await client.get("/healthz").status == .ok, "the connection survives an error")
        }
    }
}
