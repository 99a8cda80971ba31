import Hummingbird
import LawCorpus
import Synchronization

/// How much the ``ResponseCache`` may hold.
public struct ResponseCacheLimits: Sendable, Equatable {
    /// Most answers kept.
    public var entries: Int
    /// Most bytes kept (bodies, header values and keys).
    public var bytes: Int

    /// Limits of `entries` answers and `bytes` bytes; zero in either keeps nothing.
    public init(entries: Int, bytes: Int) {
        self.entries = max(0, entries)
        self.bytes = max(0, bytes)
    }

    /// 4,096 answers in 32 MiB: a search answer is about 6 KB, so the bytes bind first only
    /// for pages and long lists.
    public static let standard = ResponseCacheLimits(entries: 4096, bytes: 32 << 20)

    /// Keeps nothing: every request is answered afresh.
    public static let off = ResponseCacheLimits(entries: 0, bytes: 0)

    /// Whether anything can be kept.
    var isOff: Bool { entries == 0 || bytes == 0 }

    /// The largest answer kept: a sixteenth of the bytes, so that one answer cannot push out
    /// most of the others.
    var largestEntry: Int { bytes / 16 }
}

/// What a cached answer depends on besides the index's content: a request with the same key
/// gets the same answer, so the key holds everything that can change what a client sees.
struct ResponseCacheKey: Hashable, Sendable {
    /// The index served (``IndexHolder/generation``): a reloaded index answers anew.
    var generation: Int
    /// Today in China (the day `as_of` and "in force" default to).
    var today: CalendarDate
    /// Whether the server is public (only public records, masked numbers).
    var publicMode: Bool
    /// The path as sent and the query's parameters decoded, in a fixed order (``normalized(path:query:)``).
    var target: String

    /// `path` and the parameters of `query` in a fixed order: sorted by name, parameters of
    /// one name keeping their order (the only order the routes can tell apart).
    ///
    /// When no name needs decoding (no `%`, no `+`), the parameters are kept as sent: the
    /// routes decode a value the same way each time, so equal raw values are equal values,
    /// and a raw `name=value` cannot hold the `&` that separates them. Otherwise they are
    /// decoded as the routes decode them and each is written with its length; `nil` when the
    /// query string is malformed (the route refuses it, and errors are not cached). The two
    /// forms start differently, so they never meet; a value encoded two ways is two keys.
    static func normalized(path: String, query: String?) -> String? {
        let prefix = "\(path.utf8.count):\(path)"
        guard let query, !query.isEmpty else { return "raw:" + prefix }
        let parts = query.split(separator: "&")
        let names = parts.map { $0.prefix { $0 != "=" } }
        if names.allSatisfy({ !$0.utf8.contains(UInt8(ascii: "%")) && !$0.utf8.contains(UInt8(ascii: "+")) }) {
            let ordered = zip(names, parts).enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }
            return "raw:" + prefix + "?" + ordered.map { String($0.element.1) }.joined(separator: "&")
        }
        guard let parameters = try? QueryString(query) else { return nil }
        var target = "decoded:" + prefix
        for (name, value) in parameters.pairs.enumerated().sorted(by: { ($0.element.name, $0.offset) < ($1.element.name, $1.offset) })
            .map(\.element)
        {
            target += "\u{1F}\(name.utf8.count):\(name)\(value.utf8.count):\(value)"
        }
        return target
    }

    /// The bytes the key takes in memory, roughly.
    var size: Int { target.utf8.count + 48 }
}

/// A successful answer as its route made it, before the finishing steps (masking, headers,
/// caching headers), which run again on every answer given from the cache. It carries its
/// `ETag`, so that ``ConditionalGETMiddleware`` need not hash the body again unless a step
/// changed it (``MaskingMiddleware`` then drops the tag).
struct CachedResponse: Sendable {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var body: ByteBuffer
    /// The body's entity tag (``ConditionalGETMiddleware/entityTag(_:)``), made once.
    var entityTag: String

    /// The answer of `status`, `headers` and `body`, with the body's tag.
    init(status: HTTPResponse.Status, headers: HTTPFields, body: ByteBuffer) {
        self.status = status
        self.headers = headers
        self.body = body
        self.entityTag = ConditionalGETMiddleware.entityTag(body)
        self.headers[.eTag] = entityTag
    }

    /// The bytes the answer takes in memory, roughly.
    var size: Int {
        body.readableBytes + headers.reduce(0) { $0 + $1.name.rawName.utf8.count + $1.value.utf8.count + 16 } + 64
    }

    /// A response of this answer.
    var response: Response {
        Response(status: status, headers: headers, body: ResponseBody(byteBuffer: body))
    }
}

/// The read-only answers given recently, by ``ResponseCacheKey``, least recently used first out.
///
/// Bounded by ``ResponseCacheLimits`` in entries and bytes. A reload of the index empties it
/// (``removeAll()``), and the key's generation keeps an answer made just before a reload from
/// being given after it.
final class ResponseCache: Sendable {
    /// The bounds.
    let limits: ResponseCacheLimits

    private struct Node {
        var key: ResponseCacheKey
        var value: CachedResponse
        var size: Int
        var newer: Int?
        var older: Int?
    }

    /// Nodes in an array linked from the most recently used (`newest`) to the least (`oldest`).
    private struct State {
        var nodes: [Node?] = []
        var free: [Int] = []
        var slots: [ResponseCacheKey: Int] = [:]
        var newest: Int?
        var oldest: Int?
        var bytes = 0

        mutating func unlink(_ slot: Int) {
            guard let node = nodes[slot] else { return }
            if let newer = node.newer { nodes[newer]?.older = node.older } else { newest = node.older }
            if let older = node.older { nodes[older]?.newer = node.newer } else { oldest = node.newer }
            nodes[slot]?.newer = nil
            nodes[slot]?.older = nil
        }

        mutating func pushNewest(_ slot: Int) {
            nodes[slot]?.older = newest
            nodes[slot]?.newer = nil
            if let newest { nodes[newest]?.newer = slot }
            newest = slot
            if oldest == nil { oldest = slot }
        }

        mutating func remove(_ slot: Int) {
            guard let node = nodes[slot] else { return }
            unlink(slot)
            slots[node.key] = nil
            bytes -= node.size
            nodes[slot] = nil
            free.append(slot)
        }
    }

    private let state = Mutex(State())

    /// An empty cache bounded by `limits`.
    init(limits: ResponseCacheLimits) {
        self.limits = limits
    }

    /// The answer kept for `key`, which becomes the most recently used.
    func value(for key: ResponseCacheKey) -> CachedResponse? {
        guard !limits.isOff else { return nil }
        return state.withLock { state in
            guard let slot = state.slots[key] else { return nil }
            state.unlink(slot)
            state.pushNewest(slot)
            return state.nodes[slot]?.value
        }
    }

    /// Keeps `value` for `key`, dropping the least recently used answers beyond the limits.
    /// An answer larger than ``ResponseCacheLimits/largestEntry`` is not kept.
    func store(_ value: CachedResponse, for key: ResponseCacheKey) {
        let size = value.size + key.size
        guard !limits.isOff, size <= limits.largestEntry else { return }
        state.withLock { state in
            if let existing = state.slots[key] { state.remove(existing) }
            while let oldest = state.oldest,
                state.slots.count >= limits.entries || state.bytes + size > limits.bytes
            {
                state.remove(oldest)
            }
            let node = Node(key: key, value: value, size: size)
            let slot: Int
            if let reused = state.free.popLast() {
                slot = reused
                state.nodes[slot] = node
            } else {
                slot = state.nodes.count
                state.nodes.append(node)
            }
            state.slots[key] = slot
            state.bytes += size
            state.pushNewest(slot)
        }
    }

    /// Forgets every answer (the index was replaced).
    func removeAll() {
        state.withLock { $0 = State() }
    }

    /// Answers kept and the bytes they take.
    var usage: (entries: Int, bytes: Int) {
        state.withLock { ($0.slots.count, $0.bytes) }
    }
}

/// Whether the answer being made may be kept by the ``ResponseCache``: it may not when
/// something it depends on failed for a reason of the moment (a query stopped by the time
/// limit or interrupted, the index unavailable) and the route answered without it, as
/// `/api/search` does without its best answer. ``LawService`` tells it so; the cache asks
/// it before keeping an answer.
final class ResponseStorability: Sendable {
    private let refused = Atomic<Bool>(false)

    /// The storability of the request being answered by this task, if the cache watches it.
    @TaskLocal static var current: ResponseStorability?

    /// Marks the answer of the current request as one not to keep.
    static func refuse() {
        current?.refused.store(true, ordering: .relaxed)
    }

    /// Whether nothing refused it.
    var isStorable: Bool { !refused.load(ordering: .relaxed) }
}

/// The requests waiting for an answer that another request of the same key is making:
/// when many clients ask the same new question at once, the index answers it once.
final class ResponseFlights: Sendable {
    /// What a request asking for a key learns.
    enum Turn: Sendable {
        /// No request of the key is being answered: this one makes the answer, and must
        /// call ``finish(_:with:)`` however it ends.
        case lead
        /// The request that led made this answer; `nil` when it failed or made one not to
        /// keep, and the waiting request makes its own.
        case answered(CachedResponse?)
    }

    private let waiting = Mutex<[ResponseCacheKey: [CheckedContinuation<Turn, Never>]]>([:])

    /// Leads `key`, or waits for the request leading it to finish.
    func join(_ key: ResponseCacheKey) async -> Turn {
        await withCheckedContinuation { continuation in
            let leads = waiting.withLock { waiting -> Bool in
                if waiting[key] == nil {
                    waiting[key] = []
                    return true
                }
                waiting[key]?.append(continuation)
                return false
            }
            if leads { continuation.resume(returning: .lead) }
        }
    }

    /// Ends the lead of `key`, handing `answer` to the requests that waited for it.
    func finish(_ key: ResponseCacheKey, with answer: CachedResponse?) {
        let waiters = waiting.withLock { $0.removeValue(forKey: key) } ?? []
        for waiter in waiters { waiter.resume(returning: .answered(answer)) }
    }

    /// Keys being answered, and the requests waiting for them, for tests.
    var usage: (leads: Int, waiting: Int) {
        waiting.withLock { waiting in (waiting.count, waiting.values.reduce(0) { $0 + $1.count }) }
    }
}

/// Answers the API and the pages from the ``ResponseCache`` when it holds the same request's
/// answer for the same index, day and mode, and keeps the successful answers it lets through.
///
/// It runs after the rate limit and the request's shape are checked (a client over its rate
/// is refused even what is cached) and before the concurrency turns are awaited (an answer
/// from the cache costs no query). Only 200 answers of `api` and `page` routes are kept; an
/// error, including 503 and 429, passes through and is never kept, and neither is an answer
/// that ``ResponseStorability`` refused. The same new request arriving while its answer is
/// being made waits for that answer (``ResponseFlights``) instead of running the query again,
/// and makes its own when that one is not kept. The finishing steps outside it (ETag,
/// masking, security headers) run on every answer, cached or not.
struct ResponseCacheMiddleware: RouterMiddleware {
    typealias Context = LawRequestContext

    let cache: ResponseCache
    let flights: ResponseFlights
    let index: IndexHolder
    let publicMode: Bool
    let audiences: RouteAudiences
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let key = key(for: request, context: context) else {
            return try await next(request, context)
        }
        if let cached = cache.value(for: key) {
            metrics.recordEvent("response_cache_hits")
            return cached.response
        }
        switch await flights.join(key) {
        case .answered(let answer?):
            metrics.recordEvent("response_cache_joined")
            return answer.response
        case .answered(nil):
            metrics.recordEvent("response_cache_misses")
            return try await answer(request, context: context, key: key, next: next).response
        case .lead:
            metrics.recordEvent("response_cache_misses")
            let made: (response: Response, kept: CachedResponse?)
            do {
                made = try await answer(request, context: context, key: key, next: next)
            } catch {
                flights.finish(key, with: nil)
                throw error
            }
            flights.finish(key, with: made.kept)
            return made.response
        }
    }

    /// The route's answer to `request`, and the copy kept in the cache when it may be kept.
    private func answer(
        _ request: Request, context: Context, key: ResponseCacheKey, next: (Request, Context) async throws -> Response
    ) async throws -> (response: Response, kept: CachedResponse?) {
        let storability = ResponseStorability()
        var response = try await ResponseStorability.$current.withValue(storability) {
            try await next(request, context)
        }
        guard response.status == .ok, storability.isStorable, still(key) else { return (response, nil) }
        let body = try await response.collectBody()
        let kept = CachedResponse(status: response.status, headers: response.headers, body: body)
        cache.store(kept, for: key)
        response.headers[.eTag] = kept.entityTag
        return (response, kept)
    }
    /// The key of `request`, `nil` when its answer is never cached: not an API or page route,
    /// a malformed query string, or the cache turned off.
    private func key(for request: Request, context: Context) -> ResponseCacheKey? {
        guard !cache.limits.isOff, request.method == .get || request.method == .head else { return nil }
        switch audiences.audience(of: context) {
        case .api?, .page?: break
        case .operations?, nil: return nil
        }
        guard let target = ResponseCacheKey.normalized(path: request.uri.path, query: request.uri.query) else {
            return nil
        }
        return ResponseCacheKey(
            generation: index.served().generation, today: .todayInChina(), publicMode: publicMode, target: target)
    }

    /// Whether the index and the day are still those of `key` as the answer is ready: an
    /// answer made across a reload or midnight is given but not kept.
    private func still(_ key: ResponseCacheKey) -> Bool {
        key.generation == index.generation && key.today == .todayInChina()
    }
}
