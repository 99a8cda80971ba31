import Dispatch
import Foundation
import LawIndex
import LawQuery
import Logging
import Synchronization

/// The index being served, swapped for a new one when `lawkb index` replaces the file.
///
/// `lawkb index` renames a complete new file over the old path. ``current()`` checks the
/// file's identity (inode, size, modification time) at most every ``checkInterval`` and,
/// when it changed, opens and verifies the new file in the background and swaps it in. A request keeps the
/// ``LawQueries`` it started with, and with it the old connection pool, whose open files
/// still read the old index; the old pool is closed when the last such request ends.
/// A new file that cannot be opened or fails verification is logged and skipped: the
/// previous index stays in use.
final class IndexHolder: Sendable {
    /// Path of the index file.
    let path: String
    /// Shortest time between two checks of the file.
    let checkInterval: Duration

    private struct FileIdentity: Equatable {
        var inode: UInt64
        var size: UInt64
        var modified: Double
    }

    private struct State {
        var queries: LawQueries
        var identity: FileIdentity?
        var lastCheck: ContinuousClock.Instant
        var checking = false
        var generation = 1
    }

    private let state: Mutex<State>
    private let clock = ContinuousClock()
    private let logger: Logger
    private let onReload: @Sendable () -> Void

    /// Opens the index at `path` (a read-only connection pool).
    ///
    /// - Parameter onReload: called after each swap to a new index.
    init(
        path: String, publicOnly: Bool = false, checkInterval: Duration = .seconds(1), logger: Logger,
        onReload: @escaping @Sendable () -> Void = {}
    ) throws(IndexError) {
        self.publicOnly = publicOnly
        self.path = path
        self.checkInterval = checkInterval
        self.logger = logger
        self.onReload = onReload
        let identity = Self.identity(of: path)
        let knowledgeBase = try Self.open(path, publicOnly: publicOnly)
        state = Mutex(State(queries: LawQueries(knowledgeBase, publicOnly: publicOnly), identity: identity, lastCheck: ContinuousClock.now))
    }

    /// Whether the queries hide records not marked public (a public endpoint).
    let publicOnly: Bool

    /// How many indexes have been served so far (1, then +1 per reload).
    var generation: Int {
        state.withLock { $0.generation }
    }

    /// The queries over the current index. At most every ``checkInterval`` it also starts a
    /// check, in the background, of whether the file was replaced; a request never waits
    /// for a new index to be opened and verified.
    ///
    /// The queries carry the memo of the index (``QueryMemo``): what one request derives
    /// from it the next ones reuse, until a reload replaces both.
    func current() -> LawQueries {
        served().queries
    }

    /// The current index's queries and generation, read together; like ``current()``, it
    /// starts a check of the file when one is due, so that a server answering every request
    /// from its response cache still notices a new index.
    func served() -> (queries: LawQueries, generation: Int) {
        let now = clock.now
        let (queries, generation, due) = state.withLock { state -> (LawQueries, Int, Bool) in
            guard !state.checking, state.lastCheck.duration(to: now) >= checkInterval else {
                return (state.queries, state.generation, false)
            }
            state.checking = true
            state.lastCheck = now
            return (state.queries, state.generation, true)
        }
        if due {
            DispatchQueue.global(qos: .utility).async { self.reloadIfReplaced() }
        }
        return (queries, generation)
    }

    /// Opens and verifies the file if it is not the one being served, then swaps it in.
    /// A file that fails is remembered, so it is not tried again until it changes.
    private func reloadIfReplaced() {
        let identity = Self.identity(of: path)
        let known = state.withLock { $0.identity }
        guard let identity, identity != known else {
            state.withLock { $0.checking = false }
            return
        }
        do {
            let queries = LawQueries(try Self.open(path, publicOnly: publicOnly), publicOnly: publicOnly)
            let generation = state.withLock { state -> Int in
                state.queries = queries
                state.identity = identity
                state.checking = false
                state.generation += 1
                return state.generation
            }
            logger.notice("index reloaded", metadata: ["index": "\(path)", "generation": "\(generation)"])
            onReload()
        } catch {
            state.withLock { state in
                state.identity = identity
                state.checking = false
            }
            logger.error(
                "the new index cannot be used; still serving the previous one",
                metadata: ["index": "\(path)", "error": "\(error)"])
        }
    }

    /// Opens the index at `path` for serving, after checking that it is sound and, for a
    /// public server, that it was built public (`lawkb index --public`): an index holding
    /// non-public lists or unmasked numbers is never served to the public, not even by a
    /// hot reload.
    static func open(_ path: String, publicOnly: Bool) throws(IndexError) -> KnowledgeBase {
        let knowledgeBase = try KnowledgeBase(path: path, concurrent: true)
        if publicOnly { try knowledgeBase.requirePublicArtifact() }
        try knowledgeBase.verifyIntegrity()
        return knowledgeBase
    }

    private static func identity(of path: String) -> FileIdentity? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
        return FileIdentity(
            inode: (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0,
            size: (attributes[.size] as? NSNumber)?.uint64Value ?? 0,
            modified: (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)
    }
}
