import Hummingbird
import HummingbirdTesting
import LawIndex
import LawQuery
import Logging
import Testing

@testable import LawServer

/// The finishing middleware, each with one job, composed in one order: the order fixes
/// which headers a 304 or an error answer carries and the order of the headers sent.
@Suite("Response middleware and error answers")
struct MiddlewareTests {
    /// The names of `response`'s headers, in the order they are sent.
    static func headerNames(_ response: TestResponse) -> [String] {
        response.headers.map { $0.name.canonicalName }
    }

    @Test("a public API answer's headers come in the order of the middleware, innermost first")
    func headerOrder() async throws {
        try await ServerFixture.withClient(publicMode: true) { client in
            let response = try await client.get(ServerFixture.target("/api/search", [("q", "处罚")]))
            #expect(response.status == .ok)
            #expect(
                Self.headerNames(response) == [
                    "content-type", "content-length", "content-security-policy", "x-content-type-options",
                    "referrer-policy", "x-frame-options", "access-control-allow-origin", "etag", "cache-control",
                ])
            #expect(response.header("Content-Length") == String(response.body.readableBytes))
            #expect(response.header("Cache-Control") == "public, max-age=60")
        }
    }

    @Test("a 304 carries the security, CORS and caching headers, and no content type")
    func notModified() async throws {
        try await ServerFixture.withClient(publicMode: true) { client in
            let first = try await client.get("/api/documents")
            let tag = try #require(first.header("ETag"))
            let again = try await client.get("/api/documents", headers: [.ifNoneMatch: "W/\(tag)"])
            #expect(again.status == .notModified)
            #expect(again.body.readableBytes == 0)
            #expect(again.header("Content-Type") == nil)
            #expect(again.header("ETag") == tag)
            #expect(again.header("Access-Control-Allow-Origin") == "*")
            #expect(again.header("Content-Security-Policy") == SecurityHeadersMiddleware.contentSecurityPolicy)
        }
    }

    @Test("an error answer is finished like any other: security headers, no-store, its own headers")
    func errorAnswerFinished() async throws {
        try await ServerFixture.withClient { client in
            let response = try await client.execute(uri: "/api/documents", method: .post)
            #expect(response.status == .methodNotAllowed)
            #expect(try response.errorCode() == "method_not_allowed")
            #expect(
                Self.headerNames(response) == [
                    "allow", "content-type", "content-length", "content-security-policy", "x-content-type-options",
                    "referrer-policy", "x-frame-options", "cache-control",
                ])
            #expect(response.header("Cache-Control") == "no-store")
        }
    }

    @Test("HEAD answers have the GET answer's headers and no body")
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

    @Test("ServiceError answers as Hummingbird's HTTPResponseError, in its strict JSON form")
    func httpResponseError() async throws {
        let error: any HTTPResponseError = ServiceError.rateLimited(retryAfter: 3)
        #expect(error.status == .tooManyRequests)
        let router = Router(context: LawRequestContext.self)
        router.get("/fails") { _, _ -> Reply in throw ServiceError.rateLimited(retryAfter: 3) }
        try await Application(router: router, logger: ServerFixture.logger).test(.router) { client in
            let response = try await client.get("/fails")
            #expect(response.status == .tooManyRequests)
            #expect(response.header("Retry-After") == "3")
            #expect(response.header("Content-Type") == Reply.jsonType)
            #expect(response.text == #"{"error":{"code":"rate_limited","message":"请求过于频繁，请 3 秒后再试。"}}"#)
        }
    }

    @Test("errors that are not ServiceErrors are answered as one and kept as the cause")
    func foreignErrors() throws {
        struct Unexpected: Error {}
        let logger = ServerFixture.logger
        let unexpected = ErrorResponseMiddleware.serviceError(for: Unexpected(), logger: logger)
        #expect(unexpected == .internalError)
        #expect(unexpected.cause is Unexpected)
        let notFound = ErrorResponseMiddleware.serviceError(for: HTTPError(.notFound), logger: logger)
        #expect(notFound == .notFound)
        #expect((notFound.cause as? HTTPError)?.status == .notFound)
        let badRequest = ErrorResponseMiddleware.serviceError(for: HTTPError(.badRequest), logger: logger)
        #expect(badRequest.code == "bad_request")
        #expect(badRequest.status == .badRequest)
    }

    @Test("two errors giving the same answer are equal whatever their causes")
    func equalityIgnoresCause() {
        struct First: Error {}
        #expect(ServiceError.internalError.caused(by: First()) == .internalError)
        #expect(ServiceError.internalError != .unavailable)
    }

    @Test("a query stopped by its time limit answers query_timeout with the timeout, and its interruption, as the cause")
    func timeoutKeepsCause() async throws {
        let service = try ServerFixture.service()
        let error = await #expect(throws: ServiceError.self) {
            try await service.query(within: .milliseconds(50), CancellationTests.searchesWithoutEnd)
        }
        #expect(error?.code == "query_timeout")
        let timeout = try #require(error?.cause as? QueryTimedOut)
        #expect(timeout.limit == .milliseconds(50))
        #expect(ReadInterruption.isInterruption(timeout.cause.cause))
    }

    @Test("a query failure keeps the query's error as the cause")
    func queryErrorKeepsCause() async throws {
        let service = try ServerFixture.service()
        let error = await #expect(throws: ServiceError.self) {
            try await service.query { queries in try queries.article(document: "没有这部法", number: "1") }
        }
        #expect(error?.code == "unknown_document")
        #expect(error?.cause is QueryError)
    }
}
