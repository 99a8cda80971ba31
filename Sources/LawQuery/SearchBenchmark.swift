import Foundation

/// Measures search latency over a set of queries, as users would run them.
public enum SearchBenchmark {
    /// Latency figures over all runs.
    public struct Measurement: Codable, Sendable {
        /// Distinct queries.
        public var queries: Int
        /// Searches run in all.
        public var runs: Int
        /// Median latency in milliseconds.
        public var medianMilliseconds: Double
        /// 99th-percentile latency in milliseconds.
        public var p99Milliseconds: Double
        /// Slowest run in milliseconds.
        public var maximumMilliseconds: Double
        /// Searches per second on one thread.
        public var searchesPerSecond: Double
    }

    /// Runs every query `rounds` times (after one warm-up round) and reports latencies.
    public static func run(_ queries: LawQueries, queries texts: [String], rounds: Int, limit: Int = 10) -> Measurement {
        for text in texts { _ = try? queries.search(SearchRequest(query: text, limit: limit)) }
        var latencies: [Double] = []
        latencies.reserveCapacity(texts.count * rounds)
        for _ in 0..<rounds {
            for text in texts {
                let start = DispatchTime.now()
                _ = try? queries.search(SearchRequest(query: text, limit: limit))
                latencies.append(Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6)
            }
        }
        latencies.sort()
        func percentile(_ p: Double) -> Double {
            guard !latencies.isEmpty else { return 0 }
            let index = min(latencies.count - 1, Int((p * Double(latencies.count)).rounded(.up)) - 1)
            return (latencies[max(index, 0)] * 1000).rounded() / 1000
        }
        let total = latencies.reduce(0, +)
        return Measurement(
            queries: texts.count, runs: latencies.count, medianMilliseconds: percentile(0.5),
            p99Milliseconds: percentile(0.99), maximumMilliseconds: percentile(1.0),
            searchesPerSecond: total > 0 ? (Double(latencies.count) / (total / 1000)).rounded() : 0)
    }
}
