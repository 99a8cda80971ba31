import GRDB
import LawIndex
import Testing

/// Async reads of an index (`KnowledgeBase.read`), stopped by the cancellation of their task.
@Suite("Cancelling an async read interrupts SQLite")
struct ReadInterruptionTests {
    /// The shipped corpus's index opened as a connection pool, as the server opens it.
    static func pool() throws -> KnowledgeBase {
        try KnowledgeBase(path: Fixture.shared.knowledgeBase.path, concurrent: true)
    }

    /// A statement that counts to a billion (minutes of work) after calling
    /// `lawkb_started()`, which yields to `started`: the statement is running from then on.
    static func endlessCount(_ db: Database, started: AsyncStream<Void>.Continuation) throws -> Int? {
        db.add(
            function: DatabaseFunction("lawkb_started", argumentCount: 0, pure: false) { _ in
                started.yield()
                return 1
            })
        return try Int.fetchOne(
            db,
            sql: """
                WITH RECURSIVE n(x) AS (SELECT lawkb_started() UNION ALL SELECT x + 1 FROM n WHERE x < 1000000000)
                SELECT count(*) FROM n
                """)
    }

    /// Units whose text matches 处罚, by full-text search.
    static func matches(_ access: ReadAccess) throws -> Int {
        try access.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM unit_fts WHERE unit_fts MATCH ?", arguments: ["处罚"]) ?? 0
        }
    }

    @Test("a read cancelled mid-statement is interrupted, with the cancellation as the cause")
    func cancelledMidStatement() async throws {
        let knowledgeBase = try Self.pool()
        let (started, signal) = AsyncStream<Void>.makeStream()
        let read = Task {
            try await knowledgeBase.read { access in
                try access.read { db in try Self.endlessCount(db, started: signal) }
            }
        }
        for await _ in started { break }
        read.cancel()
        // The count would take minutes: it ended because SQLite was interrupted, which GRDB
        // reports for a cancelled task as CancellationError.
        let interruption = await #expect(throws: ReadInterruption.self) { try await read.value }
        #expect(interruption?.cause is CancellationError)
    }

    @Test("a read interrupted by the pool, not by its task, keeps SQLite's interruption error as the cause")
    func interruptedByReader() async throws {
        let knowledgeBase = try Self.pool()
        let (started, signal) = AsyncStream<Void>.makeStream()
        let read = Task {
            try await knowledgeBase.read { access in
                try access.read { db in try Self.endlessCount(db, started: signal) }
            }
        }
        for await _ in started { break }
        knowledgeBase.reader.interrupt()
        let interruption = await #expect(throws: ReadInterruption.self) { try await read.value }
        let cause = try #require(interruption?.cause as? DatabaseError)
        #expect(cause.isInterruptionError)
        #expect(try await knowledgeBase.read { access in try Self.matches(access) } > 0)
    }

    @Test("a read whose body handles the interruption answers with what the body returned")
    func handledInterruption() async throws {
        let knowledgeBase = try Self.pool()
        let (started, signal) = AsyncStream<Void>.makeStream()
        let read = Task {
            try await knowledgeBase.read { access in
                let count = try? access.read { db in try Self.endlessCount(db, started: signal) }
                return count ?? -1
            }
        }
        for await _ in started { break }
        read.cancel()
        #expect(try await read.value == -1)
    }

    @Test("after interruptions every connection of the pool answers full-text searches again")
    func poolUsableAfterInterruptions() async throws {
        let knowledgeBase = try Self.pool()
        let expected = try await knowledgeBase.read { access in try Self.matches(access) }
        #expect(expected > 0)
        for _ in 0..<3 {
            let (started, signal) = AsyncStream<Void>.makeStream()
            let read = Task {
                try await knowledgeBase.read { access in
                    _ = try Self.matches(access)
                    return try access.read { db in try Self.endlessCount(db, started: signal) }
                }
            }
            for await _ in started { break }
            read.cancel()
            await #expect(throws: ReadInterruption.self) { try await read.value }
            #expect(try await knowledgeBase.read { access in try Self.matches(access) } == expected)
        }
        // More reads at once than the pool has connections: each connection serves one.
        let counts = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<12 {
                group.addTask { try await knowledgeBase.read { access in try Self.matches(access) } }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(counts == Array(repeating: expected, count: 12))
    }

    @Test("a read that is not cancelled answers, and a failure of its own is thrown as it was")
    func uncancelledRead() async throws {
        struct Refusal: Error, Equatable {}
        let knowledgeBase = try Self.pool()
        #expect(try await knowledgeBase.read { access in try Self.matches(access) } > 0)
        await #expect(throws: Refusal()) {
            try await knowledgeBase.read { access -> Int in
                _ = try Self.matches(access)
                throw Refusal()
            }
        }
        let syntax = await #expect(throws: DatabaseError.self) {
            try await knowledgeBase.read { access in
                try access.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM no_such_table") }
            }
        }
        #expect(syntax?.isInterruptionError == false)
    }

    @Test("meta values are answered inside a read, which may not open a second access")
    func metaInsideRead() async throws {
        let knowledgeBase = try Self.pool()
        let version = try await knowledgeBase.read { access in
            try access.knowledgeBase.meta("schema_version")
        }
        #expect(version == String(Schema.version))
    }
}
