import Foundation
import Hummingbird
import HummingbirdTesting
import LawCorpus
import LawIndex
import LawQuery
import Testing

@testable import LawServer

@Suite("Response cache and the index's memo")
struct ResponseCacheTests {
    /// The count of `event` in `/metrics`-style text of `service`, 0 when never counted.
    static func events(_ event: String, _ service: LawService) -> Int {
        let prefix = "lawkb_events_total{event=\"\(event)\"} "
        let line = service.metrics.render().split(separator: "\n").first { $0.hasPrefix(prefix) }
        return line.flatMap { Int($0.dropFirst(prefix.count)) } ?? 0
    }

    /// A key for `target` on the first index, today, internal.
    static func key(_ target: String, generation: Int = 1, publicMode: Bool = false) -> ResponseCacheKey {
        ResponseCacheKey(generation: generation, today: .todayInChina(), publicMode: publicMode, target: target)
    }

    /// An answer whose body is `text`.
    static func answer(_ text: String) -> CachedResponse {
        CachedResponse(status: .ok, headers: [.contentType: Reply.jsonType], body: ByteBuffer(string: text))
    }

    // MARK: Through the server

    @Test("the same search twice is answered once by the index and once from the cache, identically")
    func hit() async throws {
        let service = try ServerFixture.service()
        try await LawServer.makeApplication(service: service).test(.router) { client in
            let target = ServerFixture.target("/api/search", [("q", "不予处罚"), ("limit", "5")])
            let first = try await client.get(target)
            let second = try await client.get(target)
            #expect(first.status == .ok)
            #expect(second.status == .ok)
            #expect(first.text == second.text)
            #expect(first.header("ETag") == second.header("ETag"))
            #expect(second.header("ETag") == ConditionalGETMiddleware.entityTag(second.body), "the tag names the body sent")
            let revalidated = try await client.get(target, headers: [.ifNoneMatch: try #require(first.header("ETag"))])
            #expect(revalidated.status == .notModified)
            #expect(second.header("Cache-Control") == first.header("Cache-Control"))
            #expect(second.header("Content-Security-Policy") != nil, "the finishing steps run on a cached answer")
            #expect(Self.events("response_cache_misses", service) == 1)
            #expect(Self.events("response_cache_hits", service) == 2)
            // The parameters in another order, or encoded otherwise, are the same request.
            let reordered = try await client.get("/api/search?limit=5&q=" + QueryString.encode("不予处罚"))
            #expect(reordered.text == first.text)
            #expect(Self.events("response_cache_hits", service) == 3)
            // HEAD is answered from the same entry, without a body.
            let head = try await client.execute(uri: target, method: .head)
            #expect(head.status == .ok)
            #expect(head.body.readableBytes == 0)
            #expect(Self.events("response_cache_hits", service) == 4)
        }
    }

    @Test("requests differing in any parameter are answered and kept apart")
    func keySeparation() async throws {
        let service = try ServerFixture.service()
        try await LawServer.makeApplication(service: service).test(.router) { client in
            let variants: [[(String, String)]] = [
                [("q", "不予处罚")],
                [("q", "不予处罚"), ("limit", "3")],
                [("q", "不予处罚"), ("offset", "2")],
                [("q", "不予处罚"), ("kind", "list")],
                [("q", "不予处罚"), ("as_of", "2020-01-01")],
                [("q", "责令改正")],
            ]
            var bodies: [String] = []
            for parameters in variants {
                let response = try await client.get(ServerFixture.target("/api/search", parameters))
                #expect(response.status == .ok, "\(parameters)")
                bodies.append(response.text)
            }
            #expect(Set(bodies).count == variants.count, "each request got its own answer")
            #expect(Self.events("response_cache_hits", service) == 0)
            #expect(service.responseCache.usage.entries == variants.count)
            // Asked again, each gets its own answer back.
            for (parameters, body) in zip(variants, bodies) {
                #expect(try await client.get(ServerFixture.target("/api/search", parameters)).text == body)
            }
            #expect(Self.events("response_cache_hits", service) == variants.count)
            // The same words under another route are another answer.
            let page = try await client.get(ServerFixture.target("/", [("q", "不予处罚")]))
            #expect(page.header("Content-Type") == Reply.htmlType)
        }
    }

    @Test("the key orders parameters by name, and no value or encoding can pose as another request")
    func unambiguousKey() {
        func key(_ query: String?, path: String = "/api/search") -> String? {
            ResponseCacheKey.normalized(path: path, query: query)
        }
        #expect(key("q=a&limit=5") == key("limit=5&q=a"))
        #expect(key("q=a&kind=list") != key("q=" + QueryString.encode("a&kind=list")))
        #expect(key("q=a&q=b") != key("q=b&q=a"), "parameters of one name keep their order")
        #expect(key("%71=b&q=a") != key("q=a&%71=b"), "names are compared decoded")
        #expect(key("%71=b&q=a") != nil)
        #expect(key("%71=%ZZ") == nil, "malformed: never cached")
        #expect(key("q=a") != key(nil))
        #expect(key(nil) != key(nil, path: "/api/cite"))
        #expect(key("q=a", path: "/api/search") != key("search?q=a", path: "/api/"))
        #expect(Self.key("/x", publicMode: true) != Self.key("/x", publicMode: false))
        #expect(Self.key("/x", generation: 2) != Self.key("/x", generation: 1))
    }

    @Test("a public server keys its answers as public, still masks them and still limits the rate")
    func publicMode() async throws {
        let service = try ServerFixture.service(publicMode: true, rateLimit: RateLimit(requestsPerSecond: 0.001, burst: 3))
        try await LawServer.makeApplication(service: service).test(.router) { client in
            let target = ServerFixture.target("/api/search", [("q", "达古拉")])
            for _ in 0..<3 {
                let response = try await client.get(target)
                #expect(response.status == .ok)
                #expect(response.text.contains("150****4088"))
                #expect(!response.text.contains("15047134088"))
                #expect(response.header("ETag") == ConditionalGETMiddleware.entityTag(response.body))
            }
            #expect(Self.events("response_cache_hits", service) == 2)
            let refused = try await client.get(target)
            #expect(refused.status == .tooManyRequests, "an answer in the cache is no way around the rate limit")
        }
        let target = try #require(ResponseCacheKey.normalized(path: "/api/search", query: "q=" + QueryString.encode("达古拉")))
        let generation = service.index.generation
        #expect(service.responseCache.value(for: Self.key(target, generation: generation, publicMode: true)) != nil)
        #expect(service.responseCache.value(for: Self.key(target, generation: generation, publicMode: false)) == nil)
    }

    @Test("errors are never kept: bad parameters, unknown documents, and 503 query_timeout under the heaviest query")
    func errorsNotCached() async throws {
        let service = try ServerFixture.service(queryTimeLimit: .nanoseconds(1))
        try await LawServer.makeApplication(service: service).test(.router) { client in
            for _ in 0..<3 {
                let heavy = try await client.get(ServerFixture.target("/api/search", [("q", "处罚")]))
                #expect(heavy.status == .serviceUnavailable)
                #expect(try heavy.errorCode() == "query_timeout")
                #expect(try await client.get(ServerFixture.target("/api/search", [("q", "处罚"), ("limit", "x")])).status == .badRequest)
            }
            #expect(Self.events("response_cache_hits", service) == 0)
            #expect(Self.events("query_timeouts", service) == 3)
            #expect(service.responseCache.usage.entries == 0)
            // Operations answers are never kept either.
            _ = try await client.get("/healthz")
            #expect(service.responseCache.usage.entries == 0)
        }
        let unlimited = try ServerFixture.service()
        try await LawServer.makeApplication(service: unlimited).test(.router) { client in
            for _ in 0..<2 {
                let unknown = try await client.get(ServerFixture.target("/api/articles/没有这部法/1"))
                #expect(unknown.status == .notFound)
            }
            #expect(unlimited.responseCache.usage.entries == 0)
        }
    }

    @Test("an answer made without a part that failed for the moment is not kept; a request's own error does not prevent it")
    func momentaryFailureRefusesStorage() async throws {
        let service = try ServerFixture.service()
        let timedOut = ResponseStorability()
        await ResponseStorability.$current.withValue(timedOut) {
            _ = try? await service.query(within: .nanoseconds(1)) { try $0.search(SearchRequest(query: "处罚")) }
        }
        #expect(!timedOut.isStorable)
        let ownError = ResponseStorability()
        await ResponseStorability.$current.withValue(ownError) {
            _ = try? await service.query { try $0.article(document: "没有这部法", number: "1") }
        }
        #expect(ownError.isStorable)
    }

    @Test("a reloaded index empties the cache and is answered from at once")
    func invalidatedOnReload() async throws {
        let directory = try ServerFixture.scratchDirectory()
        let indexPath = directory.appendingPathComponent("lawkb.sqlite").path
        try FileManager.default.copyItem(atPath: ServerFixture.indexPath, toPath: indexPath)
        let corpus = try ServerFixture.corpusMarking("缓存失效标记", in: directory)

        let service = try ServerFixture.service(indexPath: indexPath, reloadCheckInterval: .milliseconds(1))
        try await LawServer.makeApplication(service: service).test(.router) { client in
            let marker = ServerFixture.target("/api/search", [("q", "缓存失效标记")])
            let article = ServerFixture.target("/api/articles/行政处罚法/33")
            for _ in 0..<2 {
                #expect(try await client.get(marker).object()["total"] as? Int == 0)
                #expect((try await client.get(article).object()["text"] as? String)?.contains("缓存失效标记") == false)
            }
            #expect(Self.events("response_cache_hits", service) == 2)
            let memo = service.index.current().memo
            #expect(memo.count >= 1, "the article's document name was resolved with the index's memo")

            let rebuilt = directory.appendingPathComponent("rebuilt.sqlite").path
            _ = try IndexBuilder(corpusRoot: corpus.path).build(to: rebuilt)
            #expect(rename(rebuilt, indexPath) == 0)
            // Answers from the cache alone still notice the new file (the check runs at most every 1 ms).
            var total = 0
            for _ in 0..<200 where total == 0 {
                total = try await client.get(marker).object()["total"] as? Int ?? 0
                if total == 0 { try await Task.sleep(for: .milliseconds(10)) }
            }
            #expect(total >= 1)
            #expect(service.index.generation == 2)
            #expect((try await client.get(article).object()["text"] as? String)?.contains("缓存失效标记") == true)
            #expect(service.index.current().memo !== memo, "the memo went with the old index")
        }
    }

    @Test("the index's memo is shared by the queries of every request")
    func memoShared() async throws {
        let service = try ServerFixture.service()
        let memo = service.index.current().memo
        #expect(memo.count == 0)
        let first = try await service.query { try $0.article(document: "行政处罚法", number: "33") }
        #expect(memo.count == 1)
        let again = try await service.query { queries in
            (queries.memo === memo, try queries.article(document: "处罚法", number: "33"))
        }
        #expect(again.0)
        #expect(again.1.text == first.text)
        #expect(memo.count == 1)
    }

    @Test("the same new request from many clients at once gets one answer, and no lead is left open")
    func concurrentSameRequest() async throws {
        let service = try ServerFixture.service()
        try await LawServer.makeApplication(service: service).test(.router) { client in
            let target = ServerFixture.target("/api/search", [("q", "行政 处罚"), ("limit", "50")])
            let answers = try await withThrowingTaskGroup(of: (Int, String).self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        let response = try await client.get(target)
                        return (response.status.code, response.text)
                    }
                }
                return try await group.reduce(into: [(Int, String)]()) { $0.append($1) }
            }
            #expect(answers.allSatisfy { $0.0 == 200 })
            #expect(Set(answers.map(\.1)).count == 1)
            let counted = ["response_cache_misses", "response_cache_hits", "response_cache_joined"].map {
                Self.events($0, service)
            }
            #expect(counted.reduce(0, +) == 8)
            #expect(counted[0] >= 1)
        }
    }

    @Test("a request waiting for the same answer gets the leader's answer, or makes its own when there is none")
    func flights() async throws {
        let flights = ResponseFlights()
        let key = Self.key("/api/search?q=x")
        guard case .lead = await flights.join(key) else {
            Issue.record("the first request leads")
            return
        }
        let follower = Task { await flights.join(key) }
        while flights.usage.waiting == 0 { await Task.yield() }
        flights.finish(key, with: Self.answer("made once"))
        guard case .answered(let answer?) = await follower.value else {
            Issue.record("the follower gets the answer")
            return
        }
        #expect(String(buffer: answer.body) == "made once")
        #expect(flights.usage.leads == 0)

        guard case .lead = await flights.join(key) else {
            Issue.record("after the end, a request leads again")
            return
        }
        let second = Task { await flights.join(key) }
        while flights.usage.waiting == 0 { await Task.yield() }
        flights.finish(key, with: nil)
        guard case .answered(nil) = await second.value else {
            Issue.record("a failed lead hands on nothing")
            return
        }
        #expect(flights.usage.leads == 0)
    }

    // MARK: Read turns

    @Test("reads beyond the turns wait in order and start as turns end")
    func readTurns() async {
        let turns = ReadTurns(maximum: 2)
        await turns.acquire()
        await turns.acquire()
        let third = Task { await turns.acquire() }
        while turns.load.waiting == 0 { await Task.yield() }
        #expect(turns.load == (running: 2, waiting: 1))
        turns.release()
        await third.value
        #expect(turns.load == (running: 2, waiting: 0))
        turns.release()
        turns.release()
        #expect(turns.load == (running: 0, waiting: 0))
        #expect(ReadTurns(maximum: 0).maximum == 1)
    }

    @Test("with one read at a time, many searches at once all answer alike and give every turn back")
    func oneReadAtATime() async throws {
        let configuration = ServerConfiguration(
            host: "127.0.0.1", port: 0, indexPath: ServerFixture.indexPath, responseCache: .off, concurrentReads: 1)
        let service = try LawService(configuration: configuration, logger: ServerFixture.logger)
        let totals = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<12 {
                group.addTask { try await service.query { try $0.search(SearchRequest(query: "行政 处罚")).total } }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(totals.count == 12)
        #expect(Set(totals).count == 1)
        #expect(totals[0] > 0)
        let turns = try #require(service.readTurns)
        #expect(turns.load == (running: 0, waiting: 0))
        // A timed-out read gives its turn back too.
        await #expect(throws: ServiceError.self) {
            try await service.query(within: .nanoseconds(1)) { try $0.search(SearchRequest(query: "处罚")) }
        }
        #expect(turns.load == (running: 0, waiting: 0))
    }

    // MARK: The cache itself

    @Test("the cache keeps at most its number of entries, dropping the least recently used")
    func boundedEntries() {
        let cache = ResponseCache(limits: ResponseCacheLimits(entries: 3, bytes: 1 << 20))
        for name in ["a", "b", "c"] { cache.store(Self.answer(name), for: Self.key(name)) }
        #expect(cache.value(for: Self.key("a")) != nil)  // a is now the most recently used
        cache.store(Self.answer("d"), for: Self.key("d"))
        #expect(cache.usage.entries == 3)
        #expect(cache.value(for: Self.key("b")) == nil, "b was the least recently used")
        for name in ["a", "c", "d"] {
            #expect(cache.value(for: Self.key(name)).map { String(buffer: $0.body) } == name)
        }
        cache.store(Self.answer("d2"), for: Self.key("d"))
        #expect(cache.usage.entries == 3)
        #expect(cache.value(for: Self.key("d")).map { String(buffer: $0.body) } == "d2")
        cache.removeAll()
        #expect(cache.usage.entries == 0)
        #expect(cache.usage.bytes == 0)
    }

    @Test("the cache keeps at most its bytes, and no answer larger than a sixteenth of them")
    func boundedBytes() {
        let limit = 64 * 1024
        let cache = ResponseCache(limits: ResponseCacheLimits(entries: 1000, bytes: limit))
        let body = String(repeating: "x", count: 3000)
        for number in 0..<100 { cache.store(Self.answer(body), for: Self.key("/\(number)")) }
        #expect(cache.usage.bytes <= limit)
        #expect(cache.usage.entries < 100)
        #expect(cache.usage.entries >= limit / 4000)
        #expect(cache.value(for: Self.key("/99")) != nil, "the newest is kept")
        #expect(cache.value(for: Self.key("/0")) == nil, "the oldest went")
        cache.store(Self.answer(String(repeating: "y", count: limit / 16)), for: Self.key("/large"))
        #expect(cache.value(for: Self.key("/large")) == nil)
        let off = ResponseCache(limits: .off)
        off.store(Self.answer("a"), for: Self.key("a"))
        #expect(off.value(for: Self.key("a")) == nil)
    }

    @Test("a server whose cache is off answers every request from the index")
    func off() async throws {
        let configuration = ServerConfiguration(
            host: "127.0.0.1", port: 0, indexPath: ServerFixture.indexPath, responseCache: .off)
        let service = try LawService(configuration: configuration, logger: ServerFixture.logger)
        try await LawServer.makeApplication(service: service).test(.router) { client in
            let target = ServerFixture.target("/api/search", [("q", "不予处罚")])
            let first = try await client.get(target).text
            let second = try await client.get(target).text
            #expect(first == second)
            #expect(Self.events("response_cache_hits", service) == 0)
            #expect(Self.events("response_cache_misses", service) == 0)
        }
    }
}
