import Foundation
import GRDB

/// An open, read-only lawkb index.
///
/// The index file is an immutable artifact: `lawkb index` writes a new file and renames
/// it into place. Readers therefore open it read-only and never write to it.
public final class KnowledgeBase: Sendable {
    /// Default location of the index, relative to the working directory.
    public static let defaultPath = "Index/lawkb.sqlite"

    /// Path of the index file.
    public let path: String
    /// The connection(s) used to read the index.
    public let reader: any DatabaseReader

    /// Opens the index at `path` for reading.
    ///
    /// - Parameter concurrent: `true` opens a `DatabasePool` for many concurrent
    ///   readers (the HTTP service); `false` a single connection (the CLI).
    public init(path: String, concurrent: Bool = false) throws(IndexError) {
        guard FileManager.default.fileExists(atPath: path) else { throw .missing(path: path) }
        self.path = path
        let config = KnowledgeBase.configuration(readonly: true)
        do {
            reader = concurrent
                ? try DatabasePool(path: path, configuration: config)
                : try DatabaseQueue(path: path, configuration: config)
        } catch {
            throw .storage(path: path, message: "cannot open: \(error)")
        }
        let version: Int?
        do {
            version = try reader.read { db in
                try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema_version'")
                    .flatMap(Int.init)
            }
        } catch {
            throw .incompatible(path: path, reason: "no lawkb metadata")
        }
        guard version == Schema.version else {
            throw .incompatible(
                path: path,
                reason: "schema version \(version.map(String.init) ?? "unknown"), expected \(Schema.version)")
        }
    }

    /// A GRDB configuration whose connections know the `lawkb_han` tokenizer.
    public static func configuration(readonly: Bool) -> Configuration {
        var config = Configuration()
        config.readonly = readonly
        config.label = "lawkb"
        config.prepareDatabase { db in
            db.add(tokenizer: HanFTS5Tokenizer.self)
        }
        return config
    }

    /// A value stored in the index's `meta` table (build time, corpus fingerprint, counts).
    public func meta(_ key: String) throws -> String? {
        try reader.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key])
        }
    }
}
