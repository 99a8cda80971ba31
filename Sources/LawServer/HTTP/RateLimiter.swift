import Synchronization

/// Per-client token buckets: each client (remote address) may make ``RateLimit/burst``
/// requests at once and ``RateLimit/requestsPerSecond`` on average.
final class RateLimiter: Sendable {
    /// The rate every client gets.
    let limit: RateLimit
    /// Clients tracked at most; beyond it, clients whose buckets have refilled are forgotten.
    let maximumClients: Int

    private struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }

    private let buckets = Mutex<[String: Bucket]>([:])
    private let clock = ContinuousClock()

    /// Creates a limiter for `limit`.
    init(limit: RateLimit, maximumClients: Int = 10_000) {
        self.limit = limit
        self.maximumClients = maximumClients
    }

    /// Takes a token for `client`: `nil` when the request may proceed, otherwise the
    /// number of whole seconds after which it will be admitted (for `Retry-After`).
    func admit(_ client: String) -> Int? {
        let now = clock.now
        return buckets.withLock { buckets -> Int? in
            var bucket = buckets[client] ?? Bucket(tokens: Double(limit.burst), updated: now)
            bucket.tokens = min(Double(limit.burst), bucket.tokens + refill(from: bucket.updated, to: now))
            bucket.updated = now
            defer {
                buckets[client] = bucket
                if buckets.count > maximumClients { forgetIdleClients(&buckets, now: now) }
            }
            if bucket.tokens >= 1 {
                bucket.tokens -= 1
                return nil
            }
            let wait = (1 - bucket.tokens) / limit.requestsPerSecond
            return max(1, Int(wait.rounded(.up)))
        }
    }

    private func refill(from start: ContinuousClock.Instant, to end: ContinuousClock.Instant) -> Double {
        let elapsed = start.duration(to: end)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return max(0, seconds) * limit.requestsPerSecond
    }

    /// Drops the buckets that would be full by now: forgetting them changes nothing.
    private func forgetIdleClients(_ buckets: inout [String: Bucket], now: ContinuousClock.Instant) {
        buckets = buckets.filter { _, bucket in
            bucket.tokens + refill(from: bucket.updated, to: now) < Double(limit.burst)
        }
    }
}
