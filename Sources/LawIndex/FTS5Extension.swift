import GRDB
import GRDBSQLite

/// Registration of lawkb's FTS5 auxiliary functions (``RankFunction``, ``SnippetFunction``)
/// through FTS5's C interface, which SQLite hands out only as a pointer bound to `SELECT fts5(?1)`.
enum FTS5Extension {
    /// Why a function could not be registered.
    struct RegistrationError: Error, CustomStringConvertible {
        /// The function's SQL name.
        let function: String
        /// What failed.
        let message: String
        var description: String { "无法注册 FTS5 函数 \(function)：\(message)" }
    }

    /// Registers `callback` as the FTS5 auxiliary function `name` on `db`.
    static func register(_ name: String, _ callback: fts5_extension_function, on db: Database) throws {
        guard let connection = db.sqliteConnection else {
            throw RegistrationError(function: name, message: "连接已关闭")
        }
        guard let api = fts5API(connection) else { throw RegistrationError(function: name, message: "SQLite 未提供 FTS5") }
        guard let create = api.pointee.xCreateFunction else {
            throw RegistrationError(function: name, message: "FTS5 接口不完整")
        }
        let code = name.withCString { create(api, $0, nil, callback, nil) }
        guard code == SQLITE_OK else { throw RegistrationError(function: name, message: "SQLite 错误 \(code)") }
    }

    /// The `fts5_api` of `connection`, through `SELECT fts5(?1)` with a bound pointer.
    private static func fts5API(_ connection: OpaquePointer) -> UnsafeMutablePointer<fts5_api>? {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(connection, "SELECT fts5(?1)", -1, &statement, nil) == SQLITE_OK,
            let statement
        else { return nil }
        defer { sqlite3_finalize(statement) }
        var api: UnsafeMutablePointer<fts5_api>?
        let tag: StaticString = "fts5_api_ptr"
        withUnsafeMutablePointer(to: &api) { slot in
            tag.utf8Start.withMemoryRebound(to: CChar.self, capacity: tag.utf8CodeUnitCount + 1) { type in
                guard sqlite3_bind_pointer(statement, 1, slot, type, nil) == SQLITE_OK else { return }
                _ = sqlite3_step(statement)
            }
        }
        return api
    }
}
