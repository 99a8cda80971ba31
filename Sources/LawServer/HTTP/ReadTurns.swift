import Synchronization

/// Bounds how many reads of the index run at once; further reads wait, in order, for a turn.
///
/// A search is work for one core from start to end: running more of them than there are
/// cores does not finish them sooner, it only stretches each one (and a stretched query
/// meets its time limit, which counts from the start of its read), and gives each
/// connection of the pool its own cold page cache. A read waiting for a turn costs nothing,
/// and its time limit has not started.
final class ReadTurns: Sendable {
    /// Reads running at once.
    let maximum: Int

    private struct State {
        var running = 0
        var waiting: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())

    /// Turns for `maximum` reads at once (at least one).
    init(maximum: Int) {
        self.maximum = max(1, maximum)
    }

    /// Waits for a turn. Every call must be matched by one ``release()``.
    func acquire() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            state.withLock { state in
                if state.running < maximum {
                    state.running += 1
                    continuation.resume()
                } else {
                    state.waiting.append(continuation)
                }
            }
        }
    }

    /// Ends a turn, handing it to the read that waited longest.
    func release() {
        state.withLock { state in
            if state.waiting.isEmpty {
                state.running -= 1
            } else {
                state.waiting.removeFirst().resume()
            }
        }
    }

    /// Reads running and waiting, for tests and metrics.
    var load: (running: Int, waiting: Int) {
        state.withLock { ($0.running, $0.waiting.count) }
    }
}
