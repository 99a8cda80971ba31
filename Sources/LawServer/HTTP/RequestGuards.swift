import Hummingbird

/// Refuses clients over their rate (429 `rate_limited`, with `Retry-After`) before any
/// other work is done for them.
struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = LawRequestContext

    let limiter: RateLimiter
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let retryAfter = limiter.admit(context.clientAddress) {
            metrics.recordEvent("rate_limited")
            throw ServiceError.rateLimited(retryAfter: retryAfter)
        }
        return try await next(request, context)
    }
}

/// Refuses what no route serves: methods other than GET and HEAD (405), request targets
/// longer than the configured maximum (414), requests with a body (413).
struct RequestShapeMiddleware: RouterMiddleware {
    typealias Context = LawRequestContext

    /// Longest request target accepted, in bytes.
    let maximumTargetLength: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            throw ServiceError.methodNotAllowed
        }
        guard request.uri.string.utf8.count <= maximumTargetLength else {
            throw ServiceError.targetTooLong(limit: maximumTargetLength)
        }
        let length = request.headers[.contentLength].flatMap { Int($0) } ?? 0
        guard length == 0, request.headers[.transferEncoding] == nil else {
            throw ServiceError.bodyNotAllowed
        }
        return try await next(request, context)
    }
}

/// Waits for a turn of the client (``ClientConcurrencyLimiter``; 429 when its queue is
/// full), then for one of the server (``ConcurrencyGate``; 503 `overloaded` when every
/// turn is taken), and gives both back when the answer is ready.
struct ConcurrencyLimitMiddleware: RouterMiddleware {
    typealias Context = LawRequestContext

    /// Per-client turns; `nil` when a client may send any number of requests at once.
    let clientLimiter: ClientConcurrencyLimiter?
    /// The server's turns.
    let inFlight: ConcurrencyGate
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let clientLimiter {
            guard await clientLimiter.acquire(context.clientAddress) else {
                metrics.recordEvent("client_queue_full")
                throw ServiceError.rateLimited(retryAfter: 1)
            }
        }
        defer { clientLimiter?.release(context.clientAddress) }
        guard inFlight.enter() else {
            metrics.recordEvent("overloaded")
            throw ServiceError.overloaded
        }
        defer { inFlight.leave() }
        return try await next(request, context)
    }
}
