import GRDB
import LawCorpus

/// Masks personal numbers in the stored text of a public index, once everything is written
/// and before the full-text index is built from it.
///
/// Every text column of every table is masked, not a chosen few, so a column added later is
/// covered without anyone remembering to; JSON columns (``Schema/jsonColumns``) are masked
/// inside their strings only, so they stay valid JSON. What is left out: `meta` (build
/// data; the writer masks its notes itself) and the full-text tables, which are rebuilt from
/// the masked `unit` table afterwards.
struct StoredTextMasking {
    let masker: SensitiveNumberMasker

    /// Masks every stored value; returns how many values changed, counting the values of
    /// `list_item` and `citation` read from their unit's text (``StoredSpan``) as readers see them.
    func maskAll(_ db: Database) throws -> Int {
        var changed = try countSpannedValuesToMask(db)
        for table in try Self.maskedTables(db) {
            for column in try Self.textColumns(of: table, db) {
                changed += try mask(column: column, of: table, db)
            }
        }
        return changed
    }

    /// Values of `list_item` and `citation` stored as a place in their unit's text (or, for an
    /// item's name, as its unit's title) that hold a personal number: masking the unit masks them.
    private func countSpannedValuesToMask(_ db: Database) throws -> Int {
        let spanned = ListColumn.keys.map { ("list_item_row", $0) } + [("citation_row", "text")]
        var count = 0
        for (table, column) in spanned {
            let values = try String.fetchCursor(
                db,
                sql: """
                    SELECT substr(unit.text, row.\(column)_at, row.\(column)_length)
                    FROM \(table) AS row JOIN unit ON unit.id = row.unit_id
                    WHERE row.\(column) IS NULL AND row.\(column)_at IS NOT NULL
                    """)
            while let value = try values.next() {
                if masker.containsSensitiveNumber(value) { count += 1 }
            }
        }
        // An item's name is its unit's title.
        let names = try String.fetchCursor(
            db, sql: "SELECT unit.title FROM list_item_row AS row JOIN unit ON unit.id = row.unit_id")
        while let name = try names.next() {
            if masker.containsSensitiveNumber(name) { count += 1 }
        }
        return count
    }

    /// Ordinary tables, without `meta` and the full-text index's own tables.
    private static func maskedTables(_ db: Database) throws -> [String] {
        try String.fetchAll(
            db,
            sql: """
                SELECT name FROM sqlite_master
                WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
                  AND name != 'meta' AND name != ? AND substr(name, 1, ?) != ?
                ORDER BY name
                """, arguments: [Schema.ftsTable, Schema.ftsTable.count + 1, Schema.ftsTable + "_"])
    }

    /// The columns of `table` declared `TEXT`.
    private static func textColumns(of table: String, _ db: Database) throws -> [String] {
        try Row.fetchAll(db, sql: "PRAGMA table_info(\(table.quotedDatabaseIdentifier))")
            .filter { ($0["type"] as String? ?? "").uppercased() == "TEXT" }
            .map { $0["name"] }
    }

    private func mask(column: String, of table: String, _ db: Database) throws -> Int {
        let isJSON = Schema.jsonColumns.contains("\(table).\(column)")
        let quotedColumn = column.quotedDatabaseIdentifier
        let quotedTable = table.quotedDatabaseIdentifier
        var updates: [(rowID: Int64, text: String)] = []
        let rows = try Row.fetchCursor(
            db, sql: "SELECT rowid, \(quotedColumn) FROM \(quotedTable) WHERE \(quotedColumn) IS NOT NULL")
        while let row = try rows.next() {
            guard let text = row[1] as String? else { continue }
            let masked = isJSON ? maskStrings(ofJSON: text) : masker.mask(text)
            if masked != text { updates.append((row[0], masked)) }
        }
        for update in updates {
            try db.execute(
                sql: "UPDATE \(quotedTable) SET \(quotedColumn) = ? WHERE rowid = ?",
                arguments: [update.text, update.rowID])
        }
        return updates.count
    }

    /// `json` with the personal numbers inside its strings masked; numbers, keys' quotes
    /// and structure stay as they are.
    func maskStrings(ofJSON json: String) -> String {
        var result = ""
        var literal = ""
        var inString = false
        var escaped = false
        for scalar in json.unicodeScalars {
            guard inString else {
                result.unicodeScalars.append(scalar)
                inString = scalar == "\""
                continue
            }
            if escaped {
                escaped = false
            } else if scalar == "\\" {
                escaped = true
            } else if scalar == "\"" {
                result += masker.mask(literal)
                result.unicodeScalars.append(scalar)
                literal = ""
                inString = false
                continue
            }
            literal.unicodeScalars.append(scalar)
        }
        return result + literal
    }
}
