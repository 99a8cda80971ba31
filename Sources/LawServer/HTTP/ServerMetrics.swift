import Foundation
import Synchronization

/// Request counters and latency histograms, rendered in the Prometheus text format at `/metrics`.
///
/// Routes are labelled by their template (`/api/articles/{document}/{number}`), and requests
/// that match no route by `unmatched`, so the number of series stays bounded.
final class ServerMetrics: Sendable {
    /// Upper bounds of the latency histogram buckets, in seconds.
    static let latencyBuckets: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]

    private struct RequestKey: Hashable, Comparable {
        var route: String
        var method: String
        var status: Int

        static func < (a: Self, b: Self) -> Bool {
            (a.route, a.method, a.status) < (b.route, b.method, b.status)
        }
    }

    private struct Histogram {
        var counts = [Int](repeating: 0, count: ServerMetrics.latencyBuckets.count)
        var sum = 0.0
        var count = 0
    }

    private struct State {
        var requests: [RequestKey: Int] = [:]
        var latencies: [String: Histogram] = [:]
        var events: [String: Int] = [:]
    }

    private let state = Mutex(State())

    /// Creates empty metrics.
    init() {}

    /// Counts one answered request and its latency.
    func recordRequest(route: String, method: String, status: Int, seconds: Double) {
        state.withLock { state in
            state.requests[RequestKey(route: route, method: method, status: status), default: 0] += 1
            var histogram = state.latencies[route] ?? Histogram()
            for (index, bound) in Self.latencyBuckets.enumerated() where seconds <= bound {
                histogram.counts[index] += 1
            }
            histogram.sum += seconds
            histogram.count += 1
            state.latencies[route] = histogram
        }
    }

    /// Counts an event of the service: `index_reloads`, `query_timeouts`, `rate_limited`.
    func recordEvent(_ name: String) {
        state.withLock { $0.events[name, default: 0] += 1 }
    }

    /// How many requests of `route` were answered with `status` (for tests and health checks).
    func requestCount(route: String, status: Int) -> Int {
        state.withLock { state in
            state.requests.filter { $0.key.route == route && $0.key.status == status }.values.reduce(0, +)
        }
    }

    /// The metrics in the Prometheus text exposition format (version 0.0.4).
    func render() -> String {
        let snapshot = state.withLock { $0 }
        var lines: [String] = []
        lines.append("# HELP lawkb_http_requests_total HTTP requests answered, by route template, method and status.")
        lines.append("# TYPE lawkb_http_requests_total counter")
        for (key, count) in snapshot.requests.sorted(by: { $0.key < $1.key }) {
            let labels = "route=\"\(Self.escape(key.route))\",method=\"\(Self.escape(key.method))\",status=\"\(key.status)\""
            lines.append("lawkb_http_requests_total{\(labels)} \(count)")
        }
        lines.append("# HELP lawkb_http_request_duration_seconds Time to answer a request, by route template.")
        lines.append("# TYPE lawkb_http_request_duration_seconds histogram")
        for (route, histogram) in snapshot.latencies.sorted(by: { $0.key < $1.key }) {
            let label = "route=\"\(Self.escape(route))\""
            for (index, bound) in Self.latencyBuckets.enumerated() {
                lines.append("lawkb_http_request_duration_seconds_bucket{\(label),le=\"\(Self.format(bound))\"} \(histogram.counts[index])")
            }
            lines.append("lawkb_http_request_duration_seconds_bucket{\(label),le=\"+Inf\"} \(histogram.count)")
            lines.append("lawkb_http_request_duration_seconds_sum{\(label)} \(Self.format(histogram.sum))")
            lines.append("lawkb_http_request_duration_seconds_count{\(label)} \(histogram.count)")
        }
        lines.append("# HELP lawkb_events_total Service events: index reloads, query timeouts, rate-limited requests.")
        lines.append("# TYPE lawkb_events_total counter")
        for (name, count) in snapshot.events.sorted(by: { $0.key < $1.key }) {
            lines.append("lawkb_events_total{event=\"\(Self.escape(name))\"} \(count)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
