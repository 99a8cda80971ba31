import Synchronization

/// Counts the requests being answered and refuses to go over a maximum.
final class ConcurrencyGate: Sendable {
    /// Most requests at once.
    let maximum: Int
    private let count = Mutex(0)

    /// Creates a gate admitting `maximum` requests at once.
    init(maximum: Int) {
        self.maximum = maximum
    }

    /// Admits one more request, unless `maximum` are in flight.
    func enter() -> Bool {
        count.withLock { count in
            guard count < maximum else { return false }
            count += 1
            return true
        }
    }

    /// Requests admitted and not yet finished.
    var current: Int {
        count.withLock { $0 }
    }

    /// Marks an admitted request as finished.
    func leave() {
        count.withLock { $0 -= 1 }
    }
}
