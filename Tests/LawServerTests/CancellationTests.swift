import LawIndex
import LawQuery
import Testing

@testable import LawServer

/// The query time limit as a deadline on the query's task: the deadline cancels the read,
/// the cancellation interrupts SQLite, and the service keeps answering.
@Suite("Queries stopped by their time limit")
struct CancellationTests {
    /// Searches over and over: far more work than any time limit of these tests allows, so
    /// only the limit ends it.
    @Sendable static func searchesWithoutEnd(_ queries: LawQueries) throws -> Int {
        var total = 0
        for _ in 0..<100_000 {
            total += try queries.search(SearchRequest(query: "行政 处罚")).total
        }
        return total
    }

    /// A search that answers on the shipped corpus.
    @Sendable static func search(_ queries: LawQueries) throws -> Int {
        try queries.search(SearchRequest(query: "行政 处罚")).total
    }

    @Test("a query over its limit is interrupted mid-query, with the interruption kept as the cause")
    func interruptedWithCause() async throws {
        let service = try ServerFixture.service()
        let timeout = await #expect(throws: QueryTimedOut.self) {
            try await service.read(within: .milliseconds(50), Self.searchesWithoutEnd)
        }
        #expect(timeout?.limit == .milliseconds(50))
        // SQLite's interruption of the statement running, or GRDB's refusal of the next one.
        let cause = try #require(timeout?.cause.cause)
        #expect(ReadInterruption.isInterruption(cause))
    }

    @Test("the route sees the 503 query_timeout error, and the next queries on the service answer")
    func nextQueryAnswers() async throws {
        let service = try ServerFixture.service()
        let expected = try await service.query(Self.search)
        #expect(expected > 0)
        for _ in 0..<3 {
            let error = await #expect(throws: ServiceError.self) {
                try await service.query(within: .milliseconds(50), Self.searchesWithoutEnd)
            }
            #expect(error?.status == .serviceUnavailable)
            #expect(error?.code == "query_timeout")
            #expect(error?.message == "检索耗时过长，已停止；请换用更具体的检索词。")
            #expect(try await service.query(Self.search) == expected)
        }
        #expect(service.metrics.render().contains("lawkb_events_total{event=\"query_timeouts\"} 3"))
    }

    @Test("many timed-out queries at once leave every connection of the pool usable")
    func manyTimeoutsAtOnce() async throws {
        let service = try ServerFixture.service()
        let expected = try await service.query(Self.search)
        let codes = await withTaskGroup(of: String.self) { group in
            for _ in 0..<48 {
                group.addTask {
                    do {
                        _ = try await service.query(within: .milliseconds(20), Self.searchesWithoutEnd)
                        return "answered"
                    } catch let error as ServiceError {
                        return error.code
                    } catch {
                        return "\(error)"
                    }
                }
            }
            return await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(codes == Array(repeating: "query_timeout", count: 48))
        #expect(service.metrics.render().contains("lawkb_events_total{event=\"query_timeouts\"} 48"))
        let totals = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<16 {
                group.addTask { try await service.query(Self.search) }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(totals == Array(repeating: expected, count: 16))
    }

    @Test("a query that finishes within its limit answers, and its own errors keep their status")
    func withinLimit() async throws {
        let service = try ServerFixture.service()
        #expect(try await service.query(within: .seconds(60), Self.search) > 0)
        let error = await #expect(throws: ServiceError.self) {
            try await service.query(within: .seconds(60)) { queries in
                try queries.article(document: "没有这部法", number: "1")
            }
        }
        #expect(error?.code == "unknown_document")
    }

    @Test("a query whose request is cancelled stops without counting as a timeout")
    func requestCancelled() async throws {
        let service = try ServerFixture.service()
        let request = Task { try await service.read(within: .seconds(600), Self.searchesWithoutEnd) }
        request.cancel()
        await #expect(throws: ReadInterruption.self) { try await request.value }
        #expect(!service.metrics.render().contains("query_timeouts"))
        #expect(try await service.query(Self.search) > 0)
    }
}
