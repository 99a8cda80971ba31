import Dispatch
import GRDBSQLite

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Time limits for the SQLite statements that one thread runs.
///
/// ``installOnNewConnections()`` registers an SQLite auto-extension, so every connection
/// opened afterwards in this process (the read-only pools of ``KnowledgeBase`` included)
/// gets a progress handler. The handler looks up the deadline of the thread it runs on,
/// set by ``run(limit:_:)``, and interrupts the statement once the deadline has passed;
/// threads without a deadline (index builds, the CLI) are never interrupted.
///
/// GRDB runs a synchronous `read` on the calling thread, so a deadline set around a
/// ``LawQueries`` call covers exactly the statements of that call. An interrupted read
/// fails with `SQLITE_INTERRUPT`, its transaction is rolled back and the connection goes
/// back to its pool ready for the next read.
public enum QueryTimeLimit {
    /// How many SQLite virtual-machine instructions run between two deadline checks.
    public static let instructionsBetweenChecks: Int32 = 1000

    /// The outcome of ``run(limit:_:)``: the body's result and whether the deadline passed.
    public struct Outcome<Value> {
        /// What the body returned or threw.
        public var result: Result<Value, any Error>
        /// `true` when the deadline had passed by the time the body finished; an error
        /// thrown then is the interruption.
        public var timedOut: Bool
    }

    /// Gives every SQLite connection opened from now on the deadline-checking progress
    /// handler. Idempotent; call it before opening the connections to be limited.
    public static func installOnNewConnections() {
        _ = installation
    }

    /// Runs `body` on the current thread with its SQLite statements limited to `limit` in all.
    public static func run<Value>(limit: Duration, _ body: () throws -> Value) -> Outcome<Value> {
        installOnNewConnections()
        let deadline = DispatchTime.now().uptimeNanoseconds &+ nanoseconds(limit)
        let previous = pthread_getspecific(deadlineKey)
        pthread_setspecific(deadlineKey, UnsafeRawPointer(bitPattern: UInt(max(deadline, 1))))
        defer { pthread_setspecific(deadlineKey, previous.map { UnsafeRawPointer($0) }) }
        let result = Result { try body() }
        return Outcome(result: result, timedOut: DispatchTime.now().uptimeNanoseconds >= deadline)
    }

    /// Whether the current thread has a deadline and it has passed.
    static func currentThreadIsPastDeadline() -> Bool {
        // The deadline (uptime in nanoseconds) is stored as the thread-specific value's bit
        // pattern: no allocation, and 0 (no value) means no deadline.
        let deadline = UInt64(UInt(bitPattern: pthread_getspecific(deadlineKey)))
        return deadline != 0 && DispatchTime.now().uptimeNanoseconds >= deadline
    }

    private static func nanoseconds(_ duration: Duration) -> UInt64 {
        let (seconds, attoseconds) = duration.components
        guard seconds >= 0, attoseconds >= 0 else { return 0 }
        let whole = UInt64(clamping: seconds).multipliedReportingOverflow(by: 1_000_000_000)
        if whole.overflow { return UInt64.max / 2 }
        return whole.partialValue &+ UInt64(attoseconds / 1_000_000_000)
    }

    private static let deadlineKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    private static let installation: Void = {
        typealias EntryPoint = @convention(c) (OpaquePointer?, UnsafeMutableRawPointer?, UnsafeRawPointer?) -> Int32
        let entryPoint: EntryPoint = { connection, _, _ in
            sqlite3_progress_handler(connection, QueryTimeLimit.instructionsBetweenChecks, { _ in
                QueryTimeLimit.currentThreadIsPastDeadline() ? 1 : 0
            }, nil)
            return SQLITE_OK
        }
        // SQLite declares auto-extension entry points as `void (*)(void)` and calls them
        // with (connection, error message, API routines).
        sqlite3_auto_extension(unsafeBitCast(entryPoint, to: (@convention(c) () -> Void).self))
    }()
}
