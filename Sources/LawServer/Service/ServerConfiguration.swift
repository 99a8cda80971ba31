import Foundation
import LawIndex

/// Everything that shapes how the query service runs: where it listens, which index it
/// serves, and the limits that keep a public endpoint safe.
public struct ServerConfiguration: Sendable {
    /// Interface to bind, e.g. `127.0.0.1` (local only) or `0.0.0.0`.
    var host: String
    /// TCP port to listen on; 0 picks a free port.
    var port: Int
    /// The index file served; re-opened when `lawkb index` replaces it.
    var indexPath: String
    /// Public mode: personal numbers are masked in every response, only public records are
    /// served, and the API may be read from any origin (CORS).
    var publicMode: Bool
    /// Per-client request rate limit; `nil` serves every request.
    var rateLimit: RateLimit?
    /// Longest time one query may run in SQLite before it is stopped (503 `query_timeout`).
    var queryTimeLimit: Duration
    /// Longest request target (path and query string) accepted, in bytes (longer: 414).
    ///
    /// 12 KiB lets a query reach the parser's 1000-character limit even when every
    /// character is a percent-encoded Han character (9 bytes each).
    var maximumTargetLength: Int
    /// How often, at most, the index file is checked for replacement.
    var reloadCheckInterval: Duration
    /// `max-age` of cacheable responses, in seconds.
    var cacheMaxAge: Int
    /// Most requests answered at once; further ones get 503 `overloaded` until others finish.
    var maximumConcurrentRequests: Int
    /// Idle connections are closed after this long.
    var idleTimeout: Duration
    /// Requests of one client answered at once; further ones wait their turn (up to
    /// ``clientQueueLength`` of them) so that one client's slow requests cannot take every
    /// core from the others. `nil` puts no per-client bound.
    var clientConcurrency: Int?
    /// Requests of one client that may wait for a turn; beyond them the client gets 429.
    var clientQueueLength: Int
    /// After SIGTERM or SIGINT, how long responses in flight may take to finish before the
    /// server stops anyway.
    var shutdownGracePeriod: Duration
    /// Whether `/metrics` and the details of `/healthz` (index path, build time, counts)
    /// are served. On by default off public mode; a public server shows them only when
    /// asked (for an operator's address that the public cannot reach).
    var exposeOperations: Bool
    /// Reads of the index run at once; further ones wait their turn (``ReadTurns``). `nil`
    /// leaves it to the connection pool (five readers).
    var concurrentReads: Int?
    /// How many successful API and page answers are kept to answer the same requests again
    /// (``ResponseCache``); ``ResponseCacheLimits/off`` keeps none.
    var responseCache: ResponseCacheLimits

    /// Creates a configuration; the defaults suit a local, non-public server.
    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        indexPath: String = KnowledgeBase.defaultPath,
        publicMode: Bool = false,
        rateLimit: RateLimit? = nil,
        queryTimeLimit: Duration = .seconds(2),
        maximumTargetLength: Int = 12 * 1024,
        reloadCheckInterval: Duration = .seconds(1),
        cacheMaxAge: Int = 60,
        maximumConcurrentRequests: Int = 64,
        idleTimeout: Duration = .seconds(30),
        clientConcurrency: Int? = nil,
        clientQueueLength: Int = 32,
        shutdownGracePeriod: Duration = .seconds(30),
        exposeOperations: Bool? = nil,
        responseCache: ResponseCacheLimits = .standard,
        concurrentReads: Int? = ServerConfiguration.defaultConcurrentReads
    ) {
        self.host = host
        self.port = port
        self.indexPath = indexPath
        self.publicMode = publicMode
        self.rateLimit = rateLimit
        self.queryTimeLimit = queryTimeLimit
        self.maximumTargetLength = maximumTargetLength
        self.reloadCheckInterval = reloadCheckInterval
        self.cacheMaxAge = cacheMaxAge
        self.maximumConcurrentRequests = maximumConcurrentRequests
        self.idleTimeout = idleTimeout
        self.clientConcurrency = clientConcurrency
        self.clientQueueLength = clientQueueLength
        self.shutdownGracePeriod = shutdownGracePeriod
        self.exposeOperations = exposeOperations ?? !publicMode
        self.responseCache = responseCache
        self.concurrentReads = concurrentReads
    }

    /// Reads at once by default: one per core (at least two), each search being one core's
    /// work from start to end.
    public static let defaultConcurrentReads = max(2, ProcessInfo.processInfo.activeProcessorCount)

    /// Requests of one client answered at once in public mode unless configured otherwise.
    /// One: a page is a single request (no scripts, no external resources), and on a
    /// two-core machine a client holding two slow requests leaves others no core
    /// (measured with `Benchmarks/fairness.py`: the other client's median went up 18× at
    /// two, 1.8× at one). Its further requests wait their turn rather than fail.
    public static let publicClientConcurrency = 1
}

/// A token-bucket rate: `requestsPerSecond` sustained, bursts of up to `burst` requests.
public struct RateLimit: Sendable, Equatable {
    /// Tokens added per second.
    public var requestsPerSecond: Double
    /// Bucket size: requests a client may make at once after being idle.
    public var burst: Int

    /// Creates a rate; `requestsPerSecond` must be positive and `burst` at least 1.
    public init(requestsPerSecond: Double, burst: Int) {
        precondition(requestsPerSecond > 0 && burst >= 1, "a rate limit needs a positive rate and a burst of at least 1")
        self.requestsPerSecond = requestsPerSecond
        self.burst = burst
    }

    /// The default in public mode: 20 requests per second, bursts of 40.
    public static let publicDefault = RateLimit(requestsPerSecond: 20, burst: 40)
}
