import Hummingbird
import Logging
import Synchronization

/// Outermost middleware: one structured access-log line and the metrics of every request.
struct AccessLogMiddleware: RouterMiddleware {
    typealias Context = LawRequestContext

    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        do {
            let response = try await next(request, context)
            record(request, context, status: response.status.code, since: started)
            return response
        } catch {
            record(request, context, status: 500, since: started)
            throw error
        }
    }

    private func record(_ request: Request, _ context: Context, status: Int, since started: ContinuousClock.Instant) {
        let elapsed = started.duration(to: .now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let route = context.endpointPath.flatMap { $0 == "NotFound" ? nil : $0 } ?? "unmatched"
        metrics.recordRequest(route: route, method: request.method.rawValue, status: status, seconds: seconds)
        // The path only: the query string holds what people search for.
        context.logger.info("request", metadata: [
            "method": "\(request.method.rawValue)",
            "path": "\(request.uri.path)",
            "route": "\(route)",
            "status": "\(status)",
            "latency_ms": "\((seconds * 100_000).rounded() / 100)",
            "client": "\(context.clientAddress)",
        ])
    }
}

/// Rejects what no route serves before any work is done: clients over their rate,
/// methods other than GET and HEAD, over-long request targets, request bodies; then
/// waits for a turn of the client (``ClientConcurrencyLimiter``) and of the server.
struct RequestGuardMiddleware: RouterMiddleware {
    typealias Context = LawRequestContext

    let service: LawService

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let limiter = service.rateLimiter, let retryAfter = limiter.admit(context.clientAddress) {
            service.metrics.recordEvent("rate_limited")
            throw ServiceError.rateLimited(retryAfter: retryAfter)
        }
        guard request.method == .get || request.method == .head else {
            throw ServiceError.methodNotAllowed
        }
        let limit = service.configuration.maximumTargetLength
        guard request.uri.string.utf8.count <= limit else {
            throw ServiceError.targetTooLong(limit: limit)
        }
        let length = request.headers[.contentLength].flatMap { Int($0) } ?? 0
        guard length == 0, request.headers[.transferEncoding] == nil else {
            throw ServiceError.bodyNotAllowed
        }
        if let limiter = service.clientLimiter {
            guard await limiter.acquire(context.clientAddress) else {
                service.metrics.recordEvent("client_queue_full")
                throw ServiceError.rateLimited(retryAfter: 1)
            }
        }
        defer { service.clientLimiter?.release(context.clientAddress) }
        guard service.inFlight.enter() else {
            service.metrics.recordEvent("overloaded")
            throw ServiceError.overloaded
        }
        defer { service.inFlight.leave() }
        return try await next(request, context)
    }
}

/// Counts the requests being answered and refuses to go over a maximum.
public final class ConcurrencyGate: Sendable {
    /// Most requests at once.
    public let maximum: Int
    private let count = Mutex(0)

    /// Creates a gate admitting `maximum` requests at once.
    public init(maximum: Int) {
        self.maximum = maximum
    }

    /// Admits one more request, unless `maximum` are in flight.
    public func enter() -> Bool {
        count.withLock { count in
            guard count < maximum else { return false }
            count += 1
            return true
        }
    }

    /// Requests admitted and not yet finished.
    public var current: Int {
        count.withLock { $0 }
    }

    /// Marks an admitted request as finished.
    public func leave() {
        count.withLock { $0 -= 1 }
    }
}
