import LawIndex
import Synchronization

/// The time limit of one query, as a deadline on the task that runs it.
///
/// The limit counts from the moment the query's read starts on its connection (the time
/// spent waiting for a connection is not the query's). The query runs in a child task
/// beside a timer; when the timer ends first, the query's task is cancelled, which
/// interrupts the SQLite statement it is running (see ``KnowledgeBase/read(_:)``). The
/// query then ends with ``ReadInterruption`` and ``run(_:)`` throws ``QueryTimedOut`` with
/// that interruption as its cause. A query that finishes first is answered, and its timer
/// is cancelled.
final class QueryDeadline: Sendable {
    /// The longest limit applied: a longer one is as good as none, and keeps the timer's
    /// arithmetic far from overflowing.
    static let longestLimit: Duration = .seconds(86_400)

    /// How long the query may run.
    let limit: Duration
    /// When the read started, once it has.
    private let start = Mutex<ContinuousClock.Instant?>(nil)
    /// Tells the timer that the read started, and when.
    private let starts: AsyncStream<ContinuousClock.Instant>
    private let startSignal: AsyncStream<ContinuousClock.Instant>.Continuation

    /// A deadline `limit` after the read starts.
    init(limit: Duration) {
        self.limit = min(max(limit, .zero), Self.longestLimit)
        (starts, startSignal) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(1))
    }

    /// Whether the read has started and run for the whole limit.
    var hasPassed: Bool {
        guard let start = start.withLock({ $0 }) else { return false }
        return ContinuousClock.now >= start.advanced(by: limit)
    }

    /// Starts the clock; called by the read as it starts, in its task. A limit that has
    /// passed already (shorter than this call) cancels the task at once, as the timer would
    /// a moment later: the read's statements are refused.
    func readStarted() {
        let now = ContinuousClock.now
        start.withLock { $0 = $0 ?? now }
        startSignal.yield(now)
        startSignal.finish()
        if hasPassed { withUnsafeCurrentTask { $0?.cancel() } }
    }

    /// What ends first: the query (with its result) or the timer.
    private enum Event<Value: Sendable>: Sendable {
        case finished(Result<Value, any Error>)
        case deadlinePassed
        case timerCancelled
    }

    /// Runs `operation`, which calls ``readStarted()`` as its read starts, and cancels it
    /// when the limit has passed.
    ///
    /// - Throws: ``QueryTimedOut`` when the read was interrupted after the limit passed;
    ///   otherwise what `operation` threw.
    func run<Value: Sendable>(_ operation: @escaping @Sendable () async throws -> Value) async throws -> Value {
        let result = await withTaskGroup(of: Event<Value>.self) { group in
            group.addTask {
                do { return .finished(.success(try await operation())) } catch { return .finished(.failure(error)) }
            }
            group.addTask { await self.timer() }
            var result: Result<Value, any Error> = .failure(CancellationError())
            for await event in group {
                switch event {
                case .finished(let finished):
                    result = finished
                    group.cancelAll()  // the timer
                case .deadlinePassed:
                    group.cancelAll()  // the query: its statement is interrupted
                case .timerCancelled:
                    break
                }
            }
            return result
        }
        switch result {
        case .success(let value):
            return value
        case .failure(let interruption as ReadInterruption) where hasPassed:
            throw QueryTimedOut(limit: limit, cause: interruption)
        case .failure(let error):
            throw error
        }
    }

    /// Waits for the read to start, then for the limit to pass.
    private func timer<Value>() async -> Event<Value> {
        for await start in starts {
            do {
                try await Task.sleep(until: start.advanced(by: limit), clock: .continuous)
                return .deadlinePassed
            } catch {
                return .timerCancelled
            }
        }
        return .timerCancelled
    }
}

/// A query stopped because it ran longer than its time limit.
struct QueryTimedOut: Error, CustomStringConvertible {
    /// The limit it ran over.
    let limit: Duration
    /// How SQLite was stopped.
    let cause: ReadInterruption

    var description: String { "query stopped after \(limit): \(cause)" }
}
