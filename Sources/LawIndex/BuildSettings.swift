import GRDB

/// How an index file is written while it is built: it is a throwaway file until it is renamed
/// into place (``TemporaryIndexFile``), so it needs no journal and no syncs — a crash leaves
/// only a file the next build removes.
struct BuildSettings: Sendable {
    /// SQLite page size of the index file.
    var pageSize = 8192
    /// Page cache of the build connection, in MiB.
    var cacheMiB = 16
    /// FTS5 options set before the full-text index is built, as `name` → value (none: the
    /// defaults of `automerge`, `crisismerge` and `pgsz` measured as fast as any other tried).
    var fullTextOptions: [(name: String, value: Int)] = []
    /// Whether the full-text index is merged into one segment at the end.
    var optimize = true
    /// Whether the file is rewritten (VACUUM) at the end.
    var vacuum = false

    /// The settings builds use, as measured on a 100,000-item corpus: 8 KiB pages give a
    /// slightly smaller file than 4 KiB at the same speed (16 KiB slows the full-text build);
    /// merging the full-text index into one segment costs about a second and keeps queries
    /// fast; VACUUM would only reclaim the few MB the merge frees, at the price of rewriting
    /// the whole file.
    static let current = BuildSettings()

    /// Sets the file's pragmas; before any table exists and outside a transaction.
    func prepare(_ db: Database) throws {
        try db.execute(sql: "PRAGMA page_size = \(pageSize)")
        try db.execute(sql: "PRAGMA journal_mode = OFF")
        try db.execute(sql: "PRAGMA synchronous = OFF")
        try db.execute(sql: "PRAGMA cache_size = -\(cacheMiB * 1024)")
    }

    /// Sets the FTS5 options of the full-text table.
    func configureFullText(_ db: Database) throws {
        for option in fullTextOptions {
            try db.execute(
                sql: "INSERT INTO \(Schema.ftsTable)(\(Schema.ftsTable), rank) VALUES(?, ?)",
                arguments: [option.name, option.value])
        }
    }
}
