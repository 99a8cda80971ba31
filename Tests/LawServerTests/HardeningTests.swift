import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LawIndex
import NIOCore
import NIOEmbedded
import NIOHTTP1
import NIOHTTPTypes
import Testing

@testable import LawServer

@Suite("Hardening: connections, shutdown, per-client turns, damaged indexes, operations")
struct HardeningTests {
    // MARK: Connections

    @Test("a close waits until the queued response parts are on the wire")
    func closeWaitsForPendingWrites() throws {
        let tracker = ResponseTracker()
        let channel = EmbeddedChannel(handler: ConnectionGuardHandler(tracker: tracker))
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 1)).wait()
        let body = ByteBuffer(repeating: UInt8(ascii: "x"), count: 4_000_000)
        // Written, not yet flushed: what a slow reader leaves queued.
        channel.write(HTTPResponsePart.head(.init(status: .ok, headerFields: [.contentLength: "4000000"])), promise: nil)
        channel.write(HTTPResponsePart.body(body), promise: nil)
        channel.write(HTTPResponsePart.end(nil), promise: nil)
        #expect(tracker.openResponses == 1)

        channel.close(promise: nil)
        #expect(channel.isActive, "the close waits for the queued writes")

        channel.flush()
        #expect(!channel.isActive, "the close happens once the writes completed")
        #expect(tracker.openResponses == 0)
        var received = 0
        while let part = try channel.readOutbound(as: HTTPResponsePart.self) {
            if case .body(let buffer) = part { received += buffer.readableBytes }
        }
        #expect(received == 4_000_000, "every byte of the response went out before the close")
    }

    @Test("at the end of the grace period a connection still sending is closed and counted as cut off")
    func graceEndsWithForcedClose() throws {
        let tracker = ResponseTracker()
        let channel = EmbeddedChannel(handler: ConnectionGuardHandler(tracker: tracker))
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 1)).wait()
        channel.write(HTTPResponsePart.head(.init(status: .ok)), promise: nil)
        channel.write(HTTPResponsePart.body(ByteBuffer(string: "a reader that never reads")), promise: nil)
        channel.close(promise: nil)
        #expect(channel.isActive)
        tracker.closeAllConnections()
        channel.embeddedEventLoop.run()
        #expect(!channel.isActive)
        #expect(tracker.cutResponses == 1)
    }

    @Test("a close with nothing queued happens at once")
    func closeWithoutPendingWrites() throws {
        let channel = EmbeddedChannel(handler: ConnectionGuardHandler(tracker: ResponseTracker()))
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 1)).wait()
        try channel.close().wait()
        #expect(!channel.isActive)
    }

    @Test("the HTTP parser's empty 400 becomes the server's JSON error")
    func parserErrorsAnswerJSON() throws {
        let channel = EmbeddedChannel(handler: ConnectionGuardHandler(tracker: ResponseTracker()))
        channel.pipeline.fireErrorCaught(HTTPParserError.invalidHeaderToken)
        #expect(throws: HTTPParserError.self) { try channel.throwIfErrorCaught() }
        // What Hummingbird writes after a parse error.
        try channel.writeOutbound(
            HTTPResponsePart.head(
                .init(
                    status: .badRequest, headerFields: [.connection: "close", .contentLength: "0"])))
        try channel.writeOutbound(HTTPResponsePart.end(nil))

        guard case .head(let head) = try #require(try channel.readOutbound(as: HTTPResponsePart.self)) else {
            Issue.record("no head first")
            return
        }
        #expect(head.status == .badRequest)
        #expect(head.headerFields[.contentType] == Reply.jsonType)
        guard case .body(let body) = try #require(try channel.readOutbound(as: HTTPResponsePart.self)) else {
            Issue.record("no body")
            return
        }
        #expect(head.headerFields[.contentLength] == String(body.readableBytes))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any])
        let error = try #require(object["error"] as? [String: Any])
        #expect(error["code"] as? String == "bad_request")
        guard case .end = try #require(try channel.readOutbound(as: HTTPResponsePart.self)) else {
            Issue.record("no end")
            return
        }
    }

    @Test("malformed requests on a real socket get a JSON 400 and the server keeps serving")
    func malformedRequestsOverLoopback() async throws {
        let service = try ServerFixture.service(publicMode: true)
        try await LawServer.makeApplication(service: service).test(.live) { client in
            let port = try #require(client.port)
            for raw in [
                "GARBAGE\r\n\r\n", "GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n",
                "GET /\u{1}\u{2} HTTP/1.1\r\n\r\n",
            ] {
                let answer = try RawSocket.exchange(raw, port: port)
                #expect(answer.hasPrefix("HTTP/1.1 400"), "\(answer.prefix(80))")
                #expect(answer.contains("\"code\":\"bad_request\""), "\(answer)")
            }
            #expect(try await client.get("/healthz").status == .ok)
        }
    }

    // MARK: Per-client turns

    @Test("each client gets its own turns; extra requests wait in order, then are refused")
    func clientTurns() async throws {
        let limiter = ClientConcurrencyLimiter(perClient: 2, queueLength: 1)
        #expect(await limiter.acquire("a"))
        #expect(await limiter.acquire("a"))
        #expect(await limiter.acquire("b"), "another client does not wait behind a")

        let waiting = Task { await limiter.acquire("a") }
        while limiter.load(of: "a").waiting == 0 { await Task.yield() }
        #expect(await limiter.acquire("a") == false, "the queue of a is full")

        limiter.release("a")
        #expect(await waiting.value, "the waiting request got the turn")
        #expect(limiter.load(of: "a") == (running: 2, waiting: 0))
        limiter.release("a")
        limiter.release("a")
        limiter.release("b")
        #expect(limiter.load(of: "a") == (running: 0, waiting: 0))
    }

    @Test("a client over its turns and queue gets 429 with Retry-After, others are served")
    func clientTurnsOverHTTP() async throws {
        let configuration = ServerConfiguration(
            host: "127.0.0.1", port: 0, indexPath: ServerFixture.indexPath,
            clientConcurrency: 1, clientQueueLength: 0)
        let service = try LawService(configuration: configuration, logger: ServerFixture.logger)
        try await LawServer.makeApplication(service: service).test(.router) { client in
            // Hold the only turn of the in-process client ("local").
            #expect(await service.clientLimiter?.acquire("local") == true)
            let refused = try await client.get(ServerFixture.target("/api/search", [("q", "处罚")]))
            #expect(refused.status == .tooManyRequests)
            #expect(refused.header("Retry-After") == "1")
            #expect(try refused.errorCode() == "rate_limited")
            service.clientLimiter?.release("local")
            #expect(try await client.get(ServerFixture.target("/api/search", [("q", "处罚")])).status == .ok)
        }
    }

    // MARK: Damaged indexes

    @Test("a same-size index with damaged pages is not swapped in")
    func damagedReplacementIsRefused() async throws {
        let directory = try ServerFixture.scratchDirectory()
        let indexPath = directory.appendingPathComponent("lawkb.sqlite").path
        try FileManager.default.copyItem(atPath: ServerFixture.indexPath, toPath: indexPath)
        let service = try ServerFixture.service(indexPath: indexPath, reloadCheckInterval: .milliseconds(1))
        try await LawServer.makeApplication(service: service).test(.router) { client in
            let damaged = directory.appendingPathComponent("damaged").path
            try Self.damagedCopy(of: ServerFixture.indexPath, to: damaged)
            #expect(rename(damaged, indexPath) == 0)
            for _ in 0..<20 {
                #expect(try await client.get(ServerFixture.target("/api/search", [("q", "处罚")])).status == .ok)
                #expect(try await client.get("/changes").status == .ok)
                try await Task.sleep(for: .milliseconds(5))
            }
            #expect(service.index.generation == 1, "the damaged file was refused")
        }
    }

    @Test("a damaged index is refused at start with the reason")
    func damagedIndexAtStart() throws {
        let directory = try ServerFixture.scratchDirectory()
        let damaged = directory.appendingPathComponent("lawkb.sqlite").path
        try Self.damagedCopy(of: ServerFixture.indexPath, to: damaged)
        #expect(throws: IndexError.self) { _ = try ServerFixture.service(indexPath: damaged) }
    }

    /// A copy of `source` of the same size whose pages past the schema are overwritten
    /// with a repeating pattern, the way a bad disk or an interrupted copy leaves them.
    static func damagedCopy(of source: String, to destination: String) throws {
        var bytes = try Data(contentsOf: URL(fileURLWithPath: source))
        let pageSize = Int(bytes[16]) << 8 | Int(bytes[17])
        let start = pageSize * 4
        let end = min(bytes.count, start + pageSize * 40)
        for offset in start..<end { bytes[offset] = UInt8(truncatingIfNeeded: offset * 31) }
        try bytes.write(to: URL(fileURLWithPath: destination))
    }

    @Test("a public server refuses an index that was not built public, at start and on reload")
    func publicServerNeedsPublicIndex() async throws {
        #expect(throws: IndexError.self) {
            _ = try ServerFixture.service(publicMode: true, indexPath: ServerFixture.indexPath)
        }
        let directory = try ServerFixture.scratchDirectory()
        let indexPath = directory.appendingPathComponent("lawkb-public.sqlite").path
        try FileManager.default.copyItem(atPath: ServerFixture.publicIndexPath, toPath: indexPath)
        let service = try ServerFixture.service(publicMode: true, indexPath: indexPath, reloadCheckInterval: .milliseconds(1))
        try await LawServer.makeApplication(service: service).test(.router) { client in
            let full = directory.appendingPathComponent("full").path
            try FileManager.default.copyItem(atPath: ServerFixture.indexPath, toPath: full)
            #expect(rename(full, indexPath) == 0)
            for _ in 0..<10 {
                #expect(try await client.get(ServerFixture.target("/api/search", [("q", "处罚")])).status == .ok)
                try await Task.sleep(for: .milliseconds(5))
            }
            #expect(service.index.generation == 1, "the full index was not swapped in")
        }
    }

    // MARK: Operations routes

    @Test("a public server keeps /metrics and the details of /healthz to itself")
    func operationsHiddenInPublicMode() async throws {
        try await ServerFixture.withClient(publicMode: true) { client in
            #expect(try await client.get("/metrics").status == .notFound)
            let health = try await client.get("/healthz")
            #expect(health.status == .ok)
            #expect(try health.object().keys.sorted() == ["status"])
            #expect(!health.text.contains("sqlite"), "no index path")
            let document = try await client.get("/openapi.json").object()
            let paths = try #require(document["paths"] as? [String: Any])
            #expect(paths["/metrics"] == nil)
        }
    }

    @Test("/metrics of a public server that exposes it is not masked")
    func metricsAreNotMasked() async throws {
        let configuration = ServerConfiguration(
            host: "127.0.0.1", port: 0, indexPath: ServerFixture.publicIndexPath, publicMode: true, exposeOperations: true)
        let service = try LawService(configuration: configuration, logger: ServerFixture.logger)
        try await LawServer.makeApplication(service: service).test(.router) { client in
            for _ in 0..<5 { _ = try await client.get(ServerFixture.target("/api/search", [("q", "处罚")])) }
            let metrics = try await client.get("/metrics")
            #expect(metrics.status == .ok)
            #expect(!metrics.text.contains("*"), "numbers are intact")
            #expect(metrics.text.contains("lawkb_http_request_duration_seconds_sum{route=\"/api/search\"}"))
            #expect(try await client.get("/healthz").object()["index"] as? String == ServerFixture.publicIndexPath)
        }
    }
}

/// One request written as raw bytes to a loopback port, and the whole answer.
enum RawSocket {
    static func exchange(_ request: String, port: Int) throws -> String {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXFailure(call: "socket") }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 30, tv_usec: 0)  // generous: the whole suite runs in parallel on two cores
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw POSIXFailure(call: "connect") }
        let bytes = Array(request.utf8)
        guard send(fd, bytes, bytes.count, 0) == bytes.count else { throw POSIXFailure(call: "send") }
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { break }
            answer += buffer[0..<count]
        }
        return String(decoding: answer, as: UTF8.self)
    }

    struct POSIXFailure: Error {
        var call: String
    }
}
