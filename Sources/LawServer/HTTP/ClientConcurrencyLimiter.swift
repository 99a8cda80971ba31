import Synchronization

/// Bounds how many requests of one client are answered at once.
///
/// A rate limit counts requests, not what they cost: a client holding eight connections
/// open on a route that takes half a second stays within 20 requests a second and still
/// keeps every core busy. Here each client gets ``perClient`` turns at once; further
/// requests wait, in order, for one of its turns to end (costing nothing meanwhile), and
/// beyond ``queueLength`` waiting requests the client is told to slow down. Other
/// clients never wait behind it.
final class ClientConcurrencyLimiter: Sendable {
    /// Requests of one client answered at once.
    let perClient: Int
    /// Requests of one client that may wait for a turn.
    let queueLength: Int

    private struct Client {
        var running = 0
        var waiting: [CheckedContinuation<Bool, Never>] = []
    }

    private let clients = Mutex<[String: Client]>([:])

    /// Creates a limiter giving each client `perClient` turns and `queueLength` places to wait.
    init(perClient: Int, queueLength: Int) {
        precondition(perClient >= 1 && queueLength >= 0, "a client needs at least one turn")
        self.perClient = perClient
        self.queueLength = queueLength
    }

    /// Waits for a turn of `client`. `false` when its queue is full: the request is refused.
    /// Every `true` must be matched by one ``release(_:)``.
    func acquire(_ client: String) async -> Bool {
        await withCheckedContinuation { continuation in
            clients.withLock { clients in
                var state = clients[client, default: Client()]
                if state.running < perClient {
                    state.running += 1
                    continuation.resume(returning: true)
                } else if state.waiting.count < queueLength {
                    state.waiting.append(continuation)
                } else {
                    continuation.resume(returning: false)
                }
                clients[client] = state
            }
        }
    }

    /// Ends a turn of `client`, handing it to the request that waited longest.
    func release(_ client: String) {
        clients.withLock { clients in
            guard var state = clients[client] else { return }
            if state.waiting.isEmpty {
                state.running -= 1
            } else {
                state.waiting.removeFirst().resume(returning: true)
            }
            clients[client] = state.running == 0 ? nil : state
        }
    }

    /// Requests of `client` being answered and waiting, for tests and metrics.
    func load(of client: String) -> (running: Int, waiting: Int) {
        clients.withLock { clients in
            let state = clients[client] ?? Client()
            return (state.running, state.waiting.count)
        }
    }
}
