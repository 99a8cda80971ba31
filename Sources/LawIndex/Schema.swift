import GRDB

/// The tables of a lawkb index.
///
/// Metadata lives in ordinary tables; the searchable text of every unit is indexed by
/// the external-content FTS5 table `unit_fts`, so the text is stored once (in `unit`)
/// and `snippet()`/`highlight()` read it from there.
public enum Schema {
    /// Bumped whenever the tables change; an index of another version is rebuilt.
    public static let version = 1

    /// Column weights for `bm25(unit_fts, …)`: a match in a unit's title (a measure's
    /// heading, the law's name and article label) counts more than one in its text.
    ///
    /// A unit's location (its chapter or measure) is not indexed: it would make every
    /// point of a measure match the words of the measure's heading.
    public static let bm25Weights = (title: 4.0, text: 1.0)

    /// Creates all tables in an empty database.
    public static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE meta (
                key TEXT PRIMARY KEY NOT NULL,
                value TEXT NOT NULL
            );
            CREATE TABLE document (
                id INTEGER PRIMARY KEY,
                kind TEXT NOT NULL,            -- plan | regulation
                title TEXT NOT NULL,           -- full title
                short_name TEXT,               -- the name people use: 行政处罚法
                number TEXT,                   -- 文号 of a plan
                issuer TEXT,
                category TEXT,
                promulgated TEXT,              -- YYYY-MM-DD
                effective TEXT,
                status TEXT,                   -- 现行有效 | 已修改 | 已废止 | 尚未生效
                version TEXT,
                file TEXT NOT NULL,
                notes TEXT                     -- parser notes shown in the index report
            );
            CREATE TABLE document_name (
                name TEXT NOT NULL,            -- normalised title or short name
                document_id INTEGER NOT NULL REFERENCES document(id),
                PRIMARY KEY (name, document_id)
            );
            CREATE TABLE unit (
                id INTEGER PRIMARY KEY,
                document_id INTEGER NOT NULL REFERENCES document(id),
                ordinal INTEGER NOT NULL,      -- reading order inside the document
                kind TEXT NOT NULL,            -- article | preamble | part | measure | point | schedule | …
                title TEXT NOT NULL,
                location TEXT NOT NULL,        -- 第二章 › 第九条, 二、方法措施 › （一）…
                article INTEGER,               -- article number, for regulation units
                text TEXT NOT NULL,
                line INTEGER NOT NULL
            );
            CREATE INDEX unit_document ON unit(document_id, article);
            CREATE TABLE citation (
                id INTEGER PRIMARY KEY,
                unit_id INTEGER NOT NULL REFERENCES unit(id),
                document_id INTEGER REFERENCES document(id),  -- NULL: cited document not in the corpus
                name TEXT,                     -- as written
                article INTEGER NOT NULL,
                paragraph INTEGER,
                item INTEGER,
                text TEXT NOT NULL
            );
            CREATE INDEX citation_target ON citation(document_id, article);
            CREATE TABLE deadline (
                id INTEGER PRIMARY KEY,
                document_id INTEGER NOT NULL REFERENCES document(id),
                ordinal INTEGER NOT NULL,
                measure TEXT NOT NULL,
                task TEXT NOT NULL,
                responsible TEXT,
                due TEXT,                      -- YYYY-MM-DD, absolute rules only
                rule TEXT NOT NULL,
                kind TEXT NOT NULL,            -- absolute | relative | recurring
                report_to TEXT,
                line INTEGER NOT NULL
            );
            """)
        try db.execute(sql: """
            CREATE VIRTUAL TABLE unit_fts USING fts5(
                title, text,
                content='unit', content_rowid='id',
                tokenize='\(HanFTS5Tokenizer.name)'
            )
            """)
    }
}
