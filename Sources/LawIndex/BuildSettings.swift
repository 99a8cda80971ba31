import GRDB

/// How an index file is written while it is built: it is a throwaway file until it is renamed
/// into place (``TemporaryIndexFile``), so it needs no journal and no syncs — a crash leaves
/// only a file the next build removes.
struct BuildSettings: Sendable {
    /// SQLite page size of the index file.
    var pageSize = 8192
    /// Page cache of the build connection, in MiB.
    var cacheMiB = 16
    /// FTS5 options set before the full-text index is built, as `name` → value. FTS5 gathers
    /// new entries in memory and writes them out as a segment whenever they pass `hashsize`
    /// (1 MiB by default): at 64 MiB a 100,000-item corpus is written in two segments instead
    /// of a hundred small ones merged again and again, which halves the time of building the
    /// full-text index for about 40 MB more memory. (`automerge`, `crisismerge` and `pgsz` at
    /// their defaults measured as fast as any other value tried.)
    var fullTextOptions: [(name: String, value: Int)] = [("hashsize", 64 * 1024 * 1024)]
    /// The full-text index is merged into one segment at the end (`optimize`) when it has more
    /// segments than this. Searches read each segment: on 100,000 items, the 30 queries of the
    /// side-by-side benchmark took a median 2.30–2.46 ms with two segments against 2.20–2.28 ms
    /// with one (p99 the same), while merging rewrites the whole full-text index (half a second,
    /// an eighth of the build); a larger corpus ends with more segments and is merged.
    var mostSegmentsKept = 2
    /// Whether the file is rewritten (VACUUM) at the end.
    var vacuum = false

    /// The settings builds use, as measured on a 100,000-item corpus: 8 KiB pages give a
    /// slightly smaller file than 4 KiB at the same speed (16 KiB slows the full-text build);
    /// VACUUM would only reclaim the few MB a merge frees, at the price of rewriting the whole
    /// file.
    static let current = BuildSettings()

    /// Sets the file's pragmas; before any table exists and outside a transaction.
    func prepare(_ db: Database) throws {
        try db.execute(sql: "PRAGMA page_size = \(pageSize)")
        try db.execute(sql: "PRAGMA journal_mode = OFF")
        try db.execute(sql: "PRAGMA synchronous = OFF")
        try db.execute(sql: "PRAGMA cache_size = -\(cacheMiB * 1024)")
    }

    /// Whether the full-text index of `db` has more segments than ``mostSegmentsKept``.
    func shouldOptimize(_ db: Database) throws -> Bool {
        let segments = try Int.fetchOne(db, sql: "SELECT count(DISTINCT segid) FROM \(Schema.ftsTable)_idx") ?? 0
        return segments > mostSegmentsKept
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
