import GRDB
import LawCorpus

/// The tables of a lawkb index.
///
/// Metadata lives in ordinary tables; the searchable text of every unit is indexed by
/// the external-content FTS5 table `unit_fts`, so the text is stored once (in `unit`)
/// and `snippet()`/`highlight()` read it from there.
public enum Schema {
    /// Bumped whenever the tables change; an index of another version is rebuilt.
    public static let version = 10

    /// Column weights for `bm25(unit_fts, …)`: a match in a unit's title (a measure's
    /// heading, the law's name and article label) counts more than one in its text.
    ///
    /// A unit's location (its chapter or measure) is not indexed: it would make every
    /// point of a measure match the words of the measure's heading.
    public static let bm25Weights = (title: 4.0, text: 1.0)

    /// The full-text table; FTS5 keeps its index in shadow tables named after it (`unit_fts_data` …).
    static let ftsTable = "unit_fts"

    /// Columns that hold JSON, as `table.column`: masking touches only the strings inside them.
    static let jsonColumns: Set<String> = [
        "list_item_row.levels", "list_item_row.fields", "list_item_row.benchmark_check",
    ]

    /// The SQL reading back a text stored as a ``StoredSpan`` in columns `column`,
    /// `column_at` and `column_length` of `table`, beside a join with its `unit`.
    static func storedText(_ column: String, table: String) -> String {
        "coalesce(\(table).\(column), substr(unit.text, \(table).\(column)_at, \(table).\(column)_length))"
    }

    /// Creates all tables in an empty database.
    public static func create(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE meta (
                    key TEXT PRIMARY KEY NOT NULL,
                    value TEXT NOT NULL
                );
                CREATE TABLE department (
                    id INTEGER PRIMARY KEY,
                    code TEXT NOT NULL UNIQUE,     -- stable ASCII id: scjg
                    name TEXT NOT NULL,            -- official name
                    short_names TEXT NOT NULL,     -- separated by U+001F
                    type TEXT,
                    sector TEXT,
                    laws TEXT NOT NULL             -- full titles, separated by U+001F
                );
                CREATE TABLE document (
                    id INTEGER PRIMARY KEY,
                    kind TEXT NOT NULL,            -- plan | regulation | list
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
                    notes TEXT,                    -- parser notes, or a list's note
                    department_id INTEGER REFERENCES department(id),  -- lists only, from here on
                    list_kind TEXT,                -- 不予处罚事项清单 …
                    published TEXT,
                    filed TEXT,
                    published_at TEXT,
                    sample INTEGER NOT NULL DEFAULT 0,   -- 1: demonstration data, shown as 示例
                    public INTEGER NOT NULL DEFAULT 1,   -- 0: never served by a public endpoint
                    in_force_from TEXT,
                    in_force_until TEXT,           -- exclusive; NULL while no later version exists
                    cited INTEGER NOT NULL DEFAULT 0  -- citations of this law (any version) from other documents
                );
                CREATE INDEX document_list ON document(department_id, list_kind, in_force_from);
                CREATE TABLE document_name (
                    name TEXT NOT NULL,            -- normalised title or short name
                    document_id INTEGER NOT NULL REFERENCES document(id),
                    PRIMARY KEY (name, document_id)
                );
                CREATE TABLE unit (
                    id INTEGER PRIMARY KEY,        -- document id × 2^20 + ordinal (StableIDs)
                    document_id INTEGER NOT NULL REFERENCES document(id),
                    ordinal INTEGER NOT NULL,      -- reading order inside the document
                    kind TEXT NOT NULL,            -- article | list_item | preamble | part | measure | point | …
                    title TEXT NOT NULL,
                    location TEXT NOT NULL,        -- 第二章 › 第九条, 二、方法措施 › （一）…
                    article INTEGER,               -- article number, for regulation units
                    text TEXT NOT NULL,
                    line INTEGER NOT NULL
                );
                CREATE INDEX unit_document ON unit(document_id, article);
                CREATE TABLE list_item_row (      -- read through the view list_item; an item's id is its unit's
                    unit_id INTEGER PRIMARY KEY REFERENCES unit(id),
                    document_id INTEGER NOT NULL REFERENCES document(id),
                    ordinal INTEGER NOT NULL,
                    item_id TEXT NOT NULL,         -- stable across versions
                \(ListColumn.keys.map { "    \($0) TEXT, \($0)_at INTEGER, \($0)_length INTEGER,\n" }.joined())\
                    levels TEXT NOT NULL,          -- JSON array of BenchmarkLevel
                    benchmark_check TEXT,          -- JSON BenchmarkCheck: the levels against the statute; NULL without levels
                    fields TEXT NOT NULL,          -- JSON array of ListField
                    line INTEGER NOT NULL
                );
                CREATE INDEX list_item_document ON list_item_row(document_id, ordinal);
                CREATE VIEW list_item AS           -- an item's name is its unit's title, its columns are read from the unit's text
                    SELECT item.unit_id AS id, item.document_id, item.unit_id, item.ordinal, item.item_id, unit.title AS name,
                \(ListColumn.keys.map { "        \(storedText($0, table: "item")) AS \($0),\n" }.joined())\
                        item.levels, item.benchmark_check, item.fields, item.line
                    FROM list_item_row AS item JOIN unit ON unit.id = item.unit_id;
                CREATE TABLE citation_row (        -- read through the view citation
                    id INTEGER PRIMARY KEY,        -- citing document id × 2^24 + its citations before this one
                    unit_id INTEGER NOT NULL REFERENCES unit(id),
                    document_id INTEGER REFERENCES document(id),  -- NULL: cited document not in the corpus
                    name TEXT,                     -- as written
                    article INTEGER NOT NULL,
                    paragraph INTEGER,
                    item INTEGER,
                    text TEXT, text_at INTEGER, text_length INTEGER  -- the words cited, or their place in the unit's text
                );
                CREATE INDEX citation_target ON citation_row(document_id, article);
                CREATE INDEX citation_unit ON citation_row(unit_id);
                CREATE VIEW citation AS
                    SELECT citation.id, citation.unit_id, citation.document_id, citation.name, citation.article,
                           citation.paragraph, citation.item, \(storedText("text", table: "citation")) AS text
                    FROM citation_row AS citation JOIN unit ON unit.id = citation.unit_id;
                CREATE TABLE version_comparison (  -- two versions of a law, articles aligned by content
                    id INTEGER PRIMARY KEY,
                    from_document_id INTEGER NOT NULL REFERENCES document(id),  -- the older version
                    to_document_id INTEGER NOT NULL REFERENCES document(id),    -- the newer one
                    problem TEXT,                  -- why the articles could not be aligned; NULL when they were
                    UNIQUE (from_document_id, to_document_id)
                );
                CREATE TABLE article_group (       -- old articles and the new ones carrying them on
                    id INTEGER PRIMARY KEY,
                    comparison_id INTEGER NOT NULL REFERENCES version_comparison(id),
                    ordinal INTEGER NOT NULL,      -- order of the newer version
                    change TEXT NOT NULL,          -- unchanged | renumbered | modified | split | merged
                    from_articles TEXT NOT NULL,   -- article numbers, separated by spaces
                    to_articles TEXT NOT NULL
                );
                CREATE INDEX article_group_comparison ON article_group(comparison_id, ordinal);
                CREATE TABLE article_link (        -- one row per old × new article of a group, for lookups
                    group_id INTEGER NOT NULL REFERENCES article_group(id),
                    from_document_id INTEGER NOT NULL,
                    from_article INTEGER NOT NULL,
                    to_document_id INTEGER NOT NULL,
                    to_article INTEGER NOT NULL
                );
                CREATE INDEX article_link_from ON article_link(from_document_id, from_article);
                CREATE INDEX article_link_to ON article_link(to_document_id, to_article);
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
                CREATE TABLE obligation (        -- Corpus/plan/obligations.yaml, recurring rules expanded; full index only
                    id INTEGER PRIMARY KEY,        -- file order
                    code TEXT NOT NULL UNIQUE,     -- stable ASCII id: four-lists-published, monthly-report-2022-11
                    task TEXT NOT NULL,
                    measure TEXT NOT NULL,         -- the plan measure of its deadline
                    rule TEXT NOT NULL,            -- the deadline as the plan writes it
                    due TEXT NOT NULL,             -- YYYY-MM-DD
                    binds TEXT NOT NULL,           -- as the file writes it, separated by U+001F
                    departments TEXT NOT NULL,     -- department codes it binds, separated by U+001F
                    list_kinds TEXT,               -- kinds whose versions satisfy it, separated by U+001F; NULL: a filing does
                    event TEXT,                    -- published | filed; NULL for a filing
                    line INTEGER NOT NULL
                );
                CREATE TABLE adjustment_rule (   -- later list versions: publish and file within N working days
                    id INTEGER PRIMARY KEY,
                    code TEXT NOT NULL UNIQUE,
                    task TEXT NOT NULL,
                    measure TEXT NOT NULL,
                    rule TEXT NOT NULL,
                    working_days INTEGER NOT NULL,
                    list_kinds TEXT NOT NULL,      -- separated by U+001F
                    line INTEGER NOT NULL
                );
                CREATE TABLE filing (            -- Corpus/filings/**: documents received by the justice bureau; full index only
                    id INTEGER PRIMARY KEY,
                    department_id INTEGER NOT NULL REFERENCES department(id),
                    obligation TEXT NOT NULL,      -- obligation.code
                    received TEXT NOT NULL,        -- YYYY-MM-DD
                    number TEXT,                   -- 文号
                    note TEXT,
                    sample INTEGER NOT NULL,       -- 1: demonstration data, shown as 示例
                    file TEXT NOT NULL
                );
                CREATE INDEX filing_department ON filing(department_id, obligation, received);
                CREATE TABLE triggered_rule (    -- rules counted from a dated event (完成联合执法工作后20个工作日内); full index only
                    id INTEGER PRIMARY KEY,        -- file order
                    code TEXT NOT NULL UNIQUE,
                    task TEXT NOT NULL,
                    measure TEXT NOT NULL,
                    rule TEXT NOT NULL,
                    trigger TEXT NOT NULL,         -- event kind code: joint-enforcement-completed
                    working_days INTEGER,          -- N of …后N个工作日内; NULL: due before the event
                    binds TEXT NOT NULL,           -- separated by U+001F
                    departments TEXT NOT NULL,     -- department codes, separated by U+001F
                    line INTEGER NOT NULL
                );
                CREATE TABLE plan_event (        -- Corpus/events/**: dated events that start rules; full index only
                    id INTEGER PRIMARY KEY,
                    department_id INTEGER NOT NULL REFERENCES department(id),
                    kind TEXT NOT NULL,            -- event kind code
                    day TEXT NOT NULL,             -- YYYY-MM-DD
                    note TEXT,
                    sample INTEGER NOT NULL,       -- 1: demonstration data, shown as 示例
                    file TEXT NOT NULL
                );
                CREATE TABLE calendar_holiday (  -- Corpus/calendar/workdays.yaml, so an index alone counts working days
                    id INTEGER PRIMARY KEY,        -- file order
                    year INTEGER NOT NULL,
                    source_title TEXT NOT NULL,
                    source_number TEXT,
                    source_date TEXT NOT NULL,
                    name TEXT NOT NULL,
                    day_from TEXT NOT NULL,        -- first day off
                    day_to TEXT NOT NULL,          -- last day off
                    work TEXT NOT NULL             -- adjusted working days, separated by spaces
                );
                CREATE TABLE source_file (       -- every corpus file the index was built from, to tell which changed
                    path TEXT PRIMARY KEY NOT NULL,  -- relative to the corpus directory
                    size INTEGER NOT NULL,         -- bytes
                    modified INTEGER NOT NULL      -- milliseconds since 1970
                );
                CREATE TABLE thesaurus_entry (   -- Corpus/thesaurus.yaml, so an index alone can expand queries
                    id INTEGER PRIMARY KEY,        -- file order
                    terms TEXT NOT NULL,           -- what people type, separated by U+001F
                    finds TEXT NOT NULL,           -- how the texts write it (parts joined by …), separated by U+001F
                    mutual INTEGER NOT NULL,       -- 1: the finds also expand to the terms
                    source TEXT NOT NULL,          -- 法条原文 | 修订解读 | 常用说法
                    note TEXT,
                    line INTEGER NOT NULL
                );
                """)
        try db.execute(
            sql: """
                CREATE VIRTUAL TABLE \(ftsTable) USING fts5(
                    title, text,
                    content='unit', content_rowid='id',
                    tokenize='\(HanFTS5Tokenizer.name)'
                )
                """)
    }
}
