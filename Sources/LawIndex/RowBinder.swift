import GRDB
import GRDBSQLite

/// Runs a prepared `INSERT` with values bound through SQLite's C API: a build stores hundreds of
/// thousands of rows, and making GRDB's argument arrays for each (values boxed, validated and
/// released) cost about as much as SQLite storing them.
struct RowBinder {
    private let statement: Statement
    private var index: Int32 = 0
    /// The first binding SQLite refused since the last run (a value over its size limit).
    private var refused: Int32 = SQLITE_OK

    /// `INSERT` statements are prepared once per connection (GRDB's statement cache).
    init(_ db: Database, sql: String) throws {
        statement = try db.cachedStatement(sql: sql)
    }

    mutating func bind(_ value: Int64) {
        index += 1
        note(sqlite3_bind_int64(statement.sqliteStatement, index, value))
    }

    mutating func bind(_ value: Int?) {
        index += 1
        if let value {
            note(sqlite3_bind_int64(statement.sqliteStatement, index, Int64(value)))
        } else {
            note(sqlite3_bind_null(statement.sqliteStatement, index))
        }
    }

    mutating func bind(_ value: String?) {
        index += 1
        guard var value else {
            sqlite3_bind_null(statement.sqliteStatement, index)
            return
        }
        let sqliteStatement = statement.sqliteStatement
        let index = self.index
        let code = value.withUTF8 { bytes in
            sqlite3_bind_text64(sqliteStatement, index, bytes.baseAddress, UInt64(bytes.count), Self.transient, UInt8(SQLITE_UTF8))
        }
        note(code)
    }

    mutating func bind(_ value: DatabaseValue) {
        switch value.storage {
        case .null: bind(nil as Int?)
        case .int64(let number): bind(number)
        case .double(let number):
            index += 1
            note(sqlite3_bind_double(statement.sqliteStatement, index, number))
        case .string(let text): bind(text)
        case .blob(let data):
            index += 1
            let sqliteStatement = statement.sqliteStatement
            let index = self.index
            note(
                data.withUnsafeBytes { bytes in
                    sqlite3_bind_blob64(sqliteStatement, index, bytes.baseAddress, UInt64(bytes.count), Self.transient)
                })
        }
    }

    private mutating func note(_ code: Int32) {
        if code != SQLITE_OK && refused == SQLITE_OK { refused = code }
    }

    mutating func bind(_ values: [DatabaseValue]) {
        for value in values { bind(value) }
    }

    /// Runs the statement with the values bound since the last run, and makes it ready for the next.
    mutating func run(_ db: Database) throws {
        defer {
            sqlite3_reset(statement.sqliteStatement)
            index = 0
            refused = SQLITE_OK
        }
        // Every parameter bound for this row, none left from the one before.
        guard index == sqlite3_bind_parameter_count(statement.sqliteStatement) else {
            throw DatabaseError(
                resultCode: .SQLITE_MISUSE, message: "\(index) values bound for \(statement.sql)", sql: statement.sql)
        }
        let code = refused == SQLITE_OK ? sqlite3_step(statement.sqliteStatement) : refused
        guard code == SQLITE_DONE else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                sql: statement.sql)
        }
    }

    /// SQLite copies the bound text (`SQLITE_TRANSIENT`).
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
