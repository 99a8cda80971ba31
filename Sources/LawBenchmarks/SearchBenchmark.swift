import Foundation
import LawQuery

/// Median, p99 and maximum latency of repeated calls, in milliseconds.
public struct LatencyMeasurement: Codable, Sendable, CustomStringConvertible {
    /// Calls timed.
    public var runs: Int
    /// Median latency.
    public var medianMilliseconds: Double
    /// 99th-percentile latency.
    public var p99Milliseconds: Double
    /// Slowest call.
    public var maximumMilliseconds: Double
    /// Calls per second on one thread.
    public var callsPerSecond: Double

    /// Runs every call once to warm up, then `rounds` times, timing each.
    public static func measure(rounds: Int, calls: [() throws -> Void]) throws -> LatencyMeasurement {
        for call in calls { try call() }
        var latencies: [Double] = []
        latencies.reserveCapacity(rounds * calls.count)
        for _ in 0..<rounds {
            for call in calls {
                let start = DispatchTime.now()
                try call()
                latencies.append(Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6)
            }
        }
        latencies.sort()
        func percentile(_ p: Double) -> Double {
            guard !latencies.isEmpty else { return 0 }
            let index = min(latencies.count - 1, max(0, Int((p * Double(latencies.count)).rounded(.up)) - 1))
            return (latencies[index] * 1000).rounded() / 1000
        }
        let total = latencies.reduce(0, +)
        return LatencyMeasurement(
            runs: latencies.count, medianMilliseconds: percentile(0.5), p99Milliseconds: percentile(0.99),
            maximumMilliseconds: percentile(1), callsPerSecond: total > 0 ? (Double(latencies.count) / (total / 1000)).rounded() : 0)
    }

    /// `median 0.85 ms, p99 1.90 ms, max 2.09 ms over 1900 runs`.
    public var description: String {
        String(
            format: "median %.2f ms, p99 %.2f ms, max %.2f ms over %d runs (%.0f/s on one thread)",
            medianMilliseconds, p99Milliseconds, maximumMilliseconds, runs, callsPerSecond)
    }
}

/// Measures search latency over a set of queries, as users would run them.
public enum SearchBenchmark {
    /// Runs every query `rounds` times (after one warm-up round) and reports latencies;
    /// a query that fails stops the measurement with its error.
    public static func run(_ queries: LawQueries, queries texts: [String], rounds: Int, limit: Int = 10) throws -> LatencyMeasurement {
        try LatencyMeasurement.measure(
            rounds: rounds,
            calls: texts.map { text in
                { _ = try queries.search(SearchRequest(query: text, limit: limit)) }
            })
    }
}
