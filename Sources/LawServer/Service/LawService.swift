import Dispatch
import LawCorpus
import LawIndex
import LawQuery
import Logging

/// The state shared by all requests: the index, the policies and limits, the metrics.
public final class LawService: Sendable {
    /// How the server was configured.
    public let configuration: ServerConfiguration
    /// The index being served (hot-reloaded).
    public let index: IndexHolder
    /// Request counters and latencies.
    public let metrics: ServerMetrics
    /// Which records may be shown.
    public let policy: PublicationPolicy
    /// Masks personal numbers in public mode.
    public let masker: SensitiveNumberMasker
    /// Per-client limits; `nil` when unlimited.
    public let rateLimiter: RateLimiter?
    /// Where the service logs.
    public let logger: Logger
    /// The requests being answered.
    public let inFlight: ConcurrencyGate
    /// Per-client turns; `nil` when a client may send any number of requests at once.
    public let clientLimiter: ClientConcurrencyLimiter?
    /// Responses started and not yet sent, on every connection.
    public let responses = ResponseTracker()

    /// Queries run here, off the Swift concurrency threads: SQLite calls block.
    private let queue = DispatchQueue(label: "lawkb.queries", attributes: .concurrent)

    /// Opens the index of `configuration` and prepares the service.
    public init(configuration: ServerConfiguration, logger: Logger = Logger(label: "lawkb")) throws(IndexError) {
        self.configuration = configuration
        self.logger = logger
        let metrics = ServerMetrics()
        self.metrics = metrics
        self.index = try IndexHolder(
            path: configuration.indexPath, publicOnly: configuration.publicMode, checkInterval: configuration.reloadCheckInterval, logger: logger,
            onReload: { metrics.recordEvent("index_reloads") })
        self.policy = PublicationPolicy(publicMode: configuration.publicMode)
        self.masker = SensitiveNumberMasker()
        self.rateLimiter = configuration.rateLimit.map { RateLimiter(limit: $0) }
        self.inFlight = ConcurrencyGate(maximum: configuration.maximumConcurrentRequests)
        self.clientLimiter = configuration.clientConcurrency.map {
            ClientConcurrencyLimiter(perClient: $0, queueLength: configuration.clientQueueLength)
        }
    }

    /// Runs `body` over the current index within the query time limit.
    ///
    /// Query failures become ``ServiceError``s; a query stopped by the time limit answers
    /// 503 `query_timeout`, and the connection it used serves the next query as usual.
    public func query<Value: Sendable>(_ body: @escaping @Sendable (LawQueries) throws -> Value) async throws(ServiceError) -> Value {
        let limit = configuration.queryTimeLimit
        let index = index
        let result: Result<Value, ServiceError> = await withCheckedContinuation { continuation in
            queue.async {
                let queries = index.current()
                let outcome = QueryTimeLimit.run(limit: limit) { try body(queries) }
                continuation.resume(returning: outcome.result.mapError { error in
                    self.serviceError(for: error, timedOut: outcome.timedOut)
                })
            }
        }
        return try result.get()
    }

    /// A value typed by a user, with personal numbers masked in public mode: a public
    /// client cannot confirm that a full number is in the index by searching for it.
    public func sanitizedInput(_ text: String) -> String {
        configuration.publicMode ? masker.mask(text) : text
    }

    private func serviceError(for error: any Error, timedOut: Bool) -> ServiceError {
        switch error {
        case let error as ServiceError:
            return error
        case let error as QueryError:
            if case .unavailable(let detail) = error {
                if timedOut {
                    metrics.recordEvent("query_timeouts")
                    logger.warning("query stopped by the time limit", metadata: ["limit": "\(configuration.queryTimeLimit)"])
                    return .queryTimeout(limit: configuration.queryTimeLimit)
                }
                logger.error("the index could not answer", metadata: ["error": "\(detail)"])
            }
            return ServiceError(error)
        default:
            logger.error("query failed", metadata: ["error": "\(error)"])
            return .internalError
        }
    }
}
