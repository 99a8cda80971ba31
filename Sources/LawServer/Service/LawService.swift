import LawCorpus
import LawIndex
import LawQuery
import Logging

/// The state shared by all requests: the index, the policies and limits, the metrics.
final class LawService: Sendable {
    /// How the server was configured.
    let configuration: ServerConfiguration
    /// The index being served (hot-reloaded).
    let index: IndexHolder
    /// Request counters and latencies.
    let metrics: ServerMetrics
    /// Which records may be shown.
    let policy: PublicationPolicy
    /// Masks personal numbers in public mode.
    let masker: SensitiveNumberMasker
    /// Per-client limits; `nil` when unlimited.
    let rateLimiter: RateLimiter?
    /// Where the service logs.
    let logger: Logger
    /// The requests being answered.
    let inFlight: ConcurrencyGate
    /// Per-client turns; `nil` when a client may send any number of requests at once.
    let clientLimiter: ClientConcurrencyLimiter?
    /// Responses started and not yet sent, on every connection.
    let responses = ResponseTracker()
    /// Recent successful answers of the API and the pages, emptied when the index is reloaded.
    let responseCache: ResponseCache
    /// Turns of the reads of the index; `nil` when as many run at once as the pool allows.
    let readTurns: ReadTurns?

    /// Opens the index of `configuration` and prepares the service.
    init(configuration: ServerConfiguration, logger: Logger = Logger(label: "lawkb")) throws(IndexError) {
        self.configuration = configuration
        self.logger = logger
        let metrics = ServerMetrics()
        self.metrics = metrics
        let responseCache = ResponseCache(limits: configuration.responseCache)
        self.responseCache = responseCache
        self.index = try IndexHolder(
            path: configuration.indexPath, publicOnly: configuration.publicMode,
            checkInterval: configuration.reloadCheckInterval, logger: logger,
            onReload: {
                responseCache.removeAll()
                metrics.recordEvent("index_reloads")
            })
        self.policy = PublicationPolicy(publicMode: configuration.publicMode)
        self.masker = SensitiveNumberMasker()
        self.rateLimiter = configuration.rateLimit.map { RateLimiter(limit: $0) }
        self.inFlight = ConcurrencyGate(maximum: configuration.maximumConcurrentRequests)
        self.readTurns = configuration.concurrentReads.map { ReadTurns(maximum: $0) }
        self.clientLimiter = configuration.clientConcurrency.map {
            ClientConcurrencyLimiter(perClient: $0, queueLength: configuration.clientQueueLength)
        }
    }

    /// Runs `body` over the current index within the query time limit.
    ///
    /// `body` runs in one read transaction of the index, on GRDB's connection pool, without
    /// blocking a Swift concurrency thread or an event loop, with the queries' memo of the
    /// index (``IndexHolder``). Failures become ``ServiceError``s; a query stopped by the time
    /// limit answers 503 `query_timeout`, and the connection it used serves the next query as
    /// usual. A failure of the moment (time limit, interruption, index unavailable) also
    /// keeps the request's answer out of the response cache (``ResponseStorability``), even
    /// when the route answers without what failed.
    func query<Value: Sendable>(_ body: @escaping @Sendable (LawQueries) throws -> Value) async throws(ServiceError) -> Value {
        try await query(within: configuration.queryTimeLimit, body)
    }

    /// ``query(_:)`` with the time limit `limit`.
    func query<Value: Sendable>(
        within limit: Duration, _ body: @escaping @Sendable (LawQueries) throws -> Value
    ) async throws(ServiceError) -> Value {
        do {
            return try await read(within: limit, body)
        } catch {
            throw serviceError(for: error)
        }
    }

    /// Runs `body` in one read of the current index, cancelled when it has run for `limit`.
    /// The read first waits for a turn (``ServerConfiguration/concurrentReads``); the limit
    /// counts from the start of the read, after the wait.
    ///
    /// - Throws: ``QueryTimedOut`` (its cause the interruption) when the limit stopped it,
    ///   ``ReadInterruption`` when the request itself was cancelled, otherwise what `body` threw.
    func read<Value: Sendable>(
        within limit: Duration, _ body: @escaping @Sendable (LawQueries) throws -> Value
    ) async throws -> Value {
        if let readTurns {
            await readTurns.acquire()
            defer { readTurns.release() }
            return try await readNow(within: limit, body)
        }
        return try await readNow(within: limit, body)
    }

    /// ``read(within:_:)`` once its turn has come.
    private func readNow<Value: Sendable>(
        within limit: Duration, _ body: @escaping @Sendable (LawQueries) throws -> Value
    ) async throws -> Value {
        let current = index.current()
        let deadline = QueryDeadline(limit: limit)
        return try await deadline.run {
            try await current.knowledgeBase.read { access in
                deadline.readStarted()
                return try body(current.within(access))
            }
        }
    }

    /// A value typed by a user, with personal numbers masked in public mode: a public
    /// client cannot confirm that a full number is in the index by searching for it.
    func sanitizedInput(_ text: String) -> String {
        configuration.publicMode ? masker.mask(text) : text
    }

    /// The answer to a failed query. One that depends on the moment (load, cancellation,
    /// storage) rather than on the request and the index is never kept by the response cache
    /// (``ResponseStorability``): the same request may answer otherwise the next time.
    private func serviceError(for error: any Error) -> ServiceError {
        switch error {
        case let error as ServiceError:
            return error  // a route's own answer, made from the request and the index
        case let timeout as QueryTimedOut:
            ResponseStorability.refuse()
            metrics.recordEvent("query_timeouts")
            logger.warning(
                "query stopped by the time limit",
                metadata: ["limit": "\(timeout.limit)", "cause": "\(timeout.cause.cause)"])
            return .queryTimeout(limit: timeout.limit, cause: timeout)
        case let interruption as ReadInterruption:
            ResponseStorability.refuse()
            logger.notice("query cancelled with its request", metadata: ["cause": "\(interruption.cause)"])
            return ServiceError.unavailable.caused(by: interruption)
        case let error as QueryError:
            if case .unavailable(let detail) = error {
                ResponseStorability.refuse()
                logger.error("the index could not answer", metadata: ["error": "\(detail)"])
            }
            return ServiceError(error)
        default:
            ResponseStorability.refuse()
            logger.error("query failed", metadata: ["error": "\(error)"])
            return ServiceError.internalError.caused(by: error)
        }
    }
}
