import Foundation
import GRDB
import LawCorpus
import Synchronization

/// An open, read-only lawkb index.
///
/// The index file is an immutable artifact: `lawkb index` writes a new file and renames
/// it into place. Readers therefore open it read-only and never write to it.
public final class KnowledgeBase: Sendable {
    /// Default location of the index, relative to the working directory.
    public static let defaultPath = "Index/lawkb.sqlite"
    /// Default location of the public index (``IndexArtifact/public``), which public servers serve.
    public static let defaultPublicPath = "Index/lawkb-public.sqlite"

    /// Path of the index file.
    public let path: String
    /// The connection(s) used to read the index.
    public let reader: any DatabaseReader
    /// Which audience the index was built for.
    public let artifact: IndexArtifact

    /// The words people use for what the texts say (`Corpus/thesaurus.yaml` as indexed), read
    /// once when the index is opened: the index file never changes while open.
    public let thesaurus: Thesaurus

    /// The `meta` table (build time, corpus fingerprint, counts), read once when the index is
    /// opened, so that code running inside a read can ask for it without a second access.
    private let metaValues: [String: String]

    /// What ranking needs of every unit (``SearchStatistics``), read on first use by
    /// ``searchStatistics(_:)``: commands that never search do not pay for it.
    private let statistics = Mutex<SearchStatistics?>(nil)

    /// Whether the index was built for the public (`lawkb index --public`): lists not marked
    /// public are absent and personal numbers are masked in the stored text.
    public var isPublicArtifact: Bool { artifact == .public }

    /// Opens the index at `path` for reading.
    ///
    /// - Parameter concurrent: `true` opens a `DatabasePool` for many concurrent
    ///   readers (the HTTP service); `false` a single connection (the CLI).
    public init(path: String, concurrent: Bool = false) throws(IndexError) {
        guard FileManager.default.fileExists(atPath: path) else { throw .missing(path: path) }
        self.path = path
        let config = KnowledgeBase.configuration(readonly: true)
        do {
            reader =
                concurrent
                ? try DatabasePool(path: path, configuration: config)
                : try DatabaseQueue(path: path, configuration: config)
        } catch {
            throw .storage(path: path, message: "无法打开：\(error)")
        }
        do {
            metaValues = try reader.read { db in
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT CAST(key AS TEXT), CAST(value AS TEXT) FROM meta WHERE key IS NOT NULL AND value IS NOT NULL
                        """)
                return Dictionary(rows.map { row -> (String, String) in (row[0], row[1]) }, uniquingKeysWith: { first, _ in first })
            }
        } catch {
            throw .incompatible(path: path, reason: "没有 lawkb 元数据")
        }
        artifact = IndexArtifact(recorded: metaValues[IndexArtifact.metaKey])
        let version = metaValues["schema_version"].flatMap { Int($0) }
        guard version == Schema.version else {
            throw .incompatible(
                path: path,
                reason: "结构版本为 \(version.map(String.init) ?? "未知")，应为 \(Schema.version)")
        }
        do {
            thesaurus = try reader.read { db in try StoredThesaurus.read(db) }
        } catch {
            throw .incompatible(path: path, reason: "同义词表无法读取：\(error)")
        }
    }

    /// Throws ``IndexError/notPublic(path:)`` unless the index was built for the public.
    public func requirePublicArtifact() throws(IndexError) {
        guard isPublicArtifact else { throw .notPublic(path: path) }
    }

    /// The artifact an index file records, read without opening it as a knowledge base (so
    /// also from an index of another schema version); `nil` when the file is missing or
    /// is not a lawkb index at all.
    public static func recordedArtifact(at path: String) -> IndexArtifact? {
        guard FileManager.default.fileExists(atPath: path),
            let queue = try? DatabaseQueue(path: path, configuration: configuration(readonly: true))
        else { return nil }
        defer { try? queue.close() }
        let values = try? queue.read { db in
            try Row.fetchAll(
                db, sql: "SELECT key, value FROM meta WHERE key IN ('schema_version', ?)",
                arguments: [IndexArtifact.metaKey])
        }
        guard let values, !values.isEmpty else { return nil }
        return IndexArtifact(recorded: values.first { $0["key"] == IndexArtifact.metaKey }?["value"])
    }

    /// Page cache of each read-only connection, in KiB: a common word's position lists (a few
    /// MB at 100,000 units) stay cached between searches instead of being read again from the
    /// file on every search; small enough that a pool of readers stays within tens of MB.
    public static let readerCacheKiB = 8192

    /// A GRDB configuration whose connections know the `lawkb_han` tokenizer and the rank
    /// function. Read-only connections keep a larger page cache (``readerCacheKiB``) and
    /// their temporary tables in memory: they never write a file.
    public static func configuration(readonly: Bool) -> Configuration {
        var config = Configuration()
        config.readonly = readonly
        config.label = "lawkb"
        config.prepareDatabase { db in
            db.add(tokenizer: HanFTS5Tokenizer.self)
            try RankFunction.register(db)
            try SnippetFunction.register(db)
            if readonly {
                try db.execute(sql: "PRAGMA cache_size = -\(readerCacheKiB); PRAGMA temp_store = MEMORY")
            }
        }
        return config
    }

    /// The index's ``SearchStatistics``, read once (through `db`, a connection to this index)
    /// and then kept: the index file never changes while open. Concurrent first callers wait
    /// for one read.
    public func searchStatistics(_ db: Database) throws -> SearchStatistics {
        try statistics.withLock { cached in
            if let cached { return cached }
            let read = try SearchStatistics.read(db)
            cached = read
            return read
        }
    }

    /// A value stored in the index's `meta` table (build time, corpus fingerprint, counts).
    ///
    /// Answered from the table as read when the index was opened: it needs no connection, so
    /// code running inside a ``read(_:)`` may ask for it too. Kept `throws` for its callers.
    public func meta(_ key: String) throws -> String? {
        metaValues[key]
    }
}

// MARK: - Reading from Swift concurrency

extension KnowledgeBase {
    /// Runs `body` in one read transaction, suspending the calling task instead of blocking
    /// its thread while a connection is found and the statements run.
    ///
    /// Cancelling the calling task stops the read: GRDB interrupts the statement running
    /// (`sqlite3_interrupt`) and refuses the next ones, the transaction is rolled back and
    /// the connection goes back to the pool ready for the next read. When `body` then fails,
    /// whatever error it made of the interruption (a query's own error, say), the read throws
    /// ``ReadInterruption`` with GRDB's error as its cause; any other failure is thrown as
    /// `body` threw it. A `body` that handles the failure of a statement and returns answers
    /// with what it returned.
    public func read<T: Sendable>(_ body: @Sendable (ReadAccess) throws -> T) async throws -> T {
        let record = ReadAccess.Record()
        do {
            return try await reader.read { db in try body(ReadAccess(self, db, record: record)) }
        } catch {
            if let cause = record.interruption ?? (ReadInterruption.isInterruption(error) ? error : nil) {
                throw ReadInterruption(cause: cause)
            }
            throw error
        }
    }
}

/// One read transaction in progress: its connection, lent to the code that runs inside it.
///
/// GRDB accesses are not reentrant: code running inside a read may not ask the pool for a
/// second one. Code given an access runs its statements with ``read(_:)``, on the connection
/// and in the transaction of the read that made it. An access is valid only while that read
/// runs, on the read's own thread (GRDB checks it).
public struct ReadAccess: @unchecked Sendable {
    /// The index being read.
    public let knowledgeBase: KnowledgeBase
    private let database: Database
    private let record: Record

    init(_ knowledgeBase: KnowledgeBase, _ database: Database, record: Record) {
        self.knowledgeBase = knowledgeBase
        self.database = database
        self.record = record
    }

    /// Runs `body` on the access's connection. An interruption it throws is also noted, so
    /// that a read failing with an error the caller made of it ends with ``ReadInterruption``.
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try body(database)
        } catch {
            if ReadInterruption.isInterruption(error) { record.note(error) }
            throw error
        }
    }

    /// The first interruption seen by the statements of one read.
    final class Record: Sendable {
        private let first = Mutex<(any Error)?>(nil)

        var interruption: (any Error)? { first.withLock { $0 } }

        func note(_ error: any Error) {
            first.withLock { if $0 == nil { $0 = error } }
        }
    }
}

/// A read stopped before it finished: its task was cancelled, or SQLite was interrupted.
public struct ReadInterruption: Error, CustomStringConvertible {
    /// What stopped it, as GRDB reported it: `CancellationError` for a statement interrupted
    /// or refused because its task was cancelled, a `DatabaseError` whose
    /// `isInterruptionError` is true for one interrupted otherwise (`DatabaseReader.interrupt()`).
    public let cause: any Error

    public var description: String { "read interrupted: \(cause)" }

    /// Whether `error` says an access was stopped: by the cancellation of its task
    /// (`CancellationError`) or by SQLite's interruption (`SQLITE_INTERRUPT`, `SQLITE_ABORT`).
    public static func isInterruption(_ error: any Error) -> Bool {
        switch error {
        case let error as DatabaseError: return error.isInterruptionError
        case is CancellationError: return true
        default: return false
        }
    }
}
