import Foundation
import GRDB
import LawCorpus

/// The report of an updated index, counted from the index itself: an update reads only the
/// changed files, so what a full build counts while writing is counted here from the rows.
enum StoredCounts {
    /// The report of the index `db`; `writer` wrote the changed files (its unresolved
    /// citations, those of the changed files, are listed), `warnings` are the update's.
    static func report(path: String, writer: IndexWriter, warnings: [String], _ db: Database) throws -> IndexReport {
        var report = writer.report(path: path, warnings: warnings)
        func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: "SELECT count(*) FROM \(sql)") ?? 0 }
        report.documents = try count("document")
        report.units = try count("unit")
        // A law's units are its articles; counted through the index on document_id, not a scan of every text.
        report.articles = try count("unit WHERE document_id IN (SELECT id FROM document WHERE kind = 'regulation')")
        report.lists = try count("document WHERE kind = 'list'")
        report.listItems = try count("list_item_row")
        report.deadlines = try count("deadline")
        report.citations = try count("citation_row")
        report.unresolvedNotInCorpus = try count("citation_row WHERE document_id IS NULL")
        report.unresolvedNoSuchArticle = try count(
            """
            citation_row AS citation WHERE citation.document_id IS NOT NULL AND NOT EXISTS (
                SELECT 1 FROM unit WHERE unit.document_id = citation.document_id AND unit.article = citation.article)
            """)
        report.unresolvedCitations = report.unresolvedNotInCorpus + report.unresolvedNoSuchArticle
        report.comparisons = try count("version_comparison WHERE problem IS NULL")
        report.obligations = try count("obligation")
        report.filings = try count("filing")
        report.events = try count("plan_event")
        report.thesaurusEntries = try count("thesaurus_entry")
        report.benchmarks = try storedTally(db) ?? benchmarks(db)
        let notes = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'notes'") ?? ""
        report.notes = notes.isEmpty ? [] : notes.components(separatedBy: "\n")
        return report
    }

    /// The key in `meta` of the benchmark tally of the whole index, as JSON.
    static let tallyKey = "benchmark_tally"

    /// The tally recorded in `meta`, if there is one.
    static func storedTally(_ db: Database) throws -> BenchmarkTally? {
        guard let json = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [tallyKey])
        else { return nil }
        return try JSONDecoder().decode(BenchmarkTally.self, from: Data(json.utf8))
    }

    /// Records `tally` in `meta`.
    static func store(_ tally: BenchmarkTally, _ db: Database) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys  // the same bytes from an update as from a full build
        let json = String(decoding: try encoder.encode(tally), as: UTF8.self)
        try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", arguments: [tallyKey, json])
    }

    /// `a` plus `b` times `sign` (1 or -1), count by count.
    static func combine(_ a: BenchmarkTally, _ b: BenchmarkTally, sign: Int) -> BenchmarkTally {
        var result = a
        result.items += sign * b.items
        result.levels += sign * b.levels
        result.withinLaw += sign * b.withinLaw
        result.beyondLaw += sign * b.beyondLaw
        result.unchecked += sign * b.unchecked
        return result
    }

    /// The benchmark checks stored with the items (of document `document` only, when given), tallied.
    static func benchmarks(_ db: Database, document: Int64? = nil) throws -> BenchmarkTally {
        var tally = BenchmarkTally()
        let decoder = JSONDecoder()
        var sql = "SELECT benchmark_check FROM list_item_row WHERE benchmark_check IS NOT NULL"
        var arguments = StatementArguments()
        if let document {
            sql += " AND document_id = ?"
            arguments += [document]
        }
        let checks = try String.fetchCursor(db, sql: sql, arguments: arguments)
        while let json = try checks.next() {
            tally.count(try decoder.decode(BenchmarkCheck.self, from: Data(json.utf8)))
        }
        return tally
    }
}
