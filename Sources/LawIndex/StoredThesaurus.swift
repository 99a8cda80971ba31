import GRDB
import LawCorpus

/// The thesaurus as stored in an index (table `thesaurus_entry`), so that a server holding
/// only the index file expands queries exactly as the corpus says.
public enum StoredThesaurus {
    /// Separator between the words of one column.
    static let separator: Character = "\u{1F}"

    /// Writes every entry of `thesaurus` in file order.
    static func write(_ thesaurus: Thesaurus, into db: Database) throws {
        for entry in thesaurus.entries {
            try db.execute(
                sql: """
                    INSERT INTO thesaurus_entry (terms, finds, mutual, source, note, line)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    entry.terms.joined(separator: String(separator)),
                    entry.finds.map(\.description).joined(separator: String(separator)),
                    entry.mutual, entry.source.rawValue, entry.note, entry.line,
                ])
        }
    }

    /// The thesaurus stored in the index `db`; entries whose source is not known to this
    /// version are skipped rather than guessed.
    public static func read(_ db: Database) throws -> Thesaurus {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT terms, finds, mutual, source, note, line FROM thesaurus_entry ORDER BY id
                """)
        var entries: [Thesaurus.Entry] = []
        for row in rows {
            guard let source = Thesaurus.Source(rawValue: row["source"]) else { continue }
            let terms = (row["terms"] as String).split(separator: separator).map(String.init)
            let finds = (row["finds"] as String).split(separator: separator).map { Thesaurus.WrittenForm(String($0)) }
            entries.append(
                Thesaurus.Entry(
                    terms: terms, finds: finds, mutual: row["mutual"], source: source,
                    note: row["note"], line: row["line"]))
        }
        return Thesaurus(entries: entries)
    }
}

extension IndexWriter {
    /// Stores the thesaurus and counts its entries.
    mutating func write(_ thesaurus: Thesaurus, into db: Database) throws {
        try StoredThesaurus.write(thesaurus, into: db)
        thesaurusEntries = thesaurus.entries.count
    }
}
