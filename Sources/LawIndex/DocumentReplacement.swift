import Foundation
import GRDB
import LawCorpus

/// Replaces, in a copy of an index, the documents of changed list files by those of the
/// files as they are now, keeping their ids, and sets again what depends on several list
/// versions (when each stops being in force).
///
/// Gives up with ``IndexUpdateRun/Fallback`` wherever the result could differ from a full
/// build: the laws' statuses changed with the day, or a list file now holds another number of
/// versions or moves among the versions of its list (which renumbers documents).
struct DocumentReplacement {
    let root: String
    let corpus: Corpus
    let db: Database
    /// Every stored list version, in id order (the order a full build stores them in).
    private var rows: [ListRow] = []

    /// A stored list version.
    struct ListRow {
        var id: Int64
        var departmentID: Int64
        /// Where it stands among the versions of its list, as the loader orders them.
        var place: ListVersionPlace
        var file: String { place.file }
    }

    /// A changed file's list version and the document it replaces.
    struct Replacement {
        var list: ListVersion
        var row: ListRow
    }

    init(root: String, corpus: Corpus, db: Database) {
        self.root = root
        self.corpus = corpus
        self.db = db
    }

    /// Gives up when a law is stored with another title, version or status than it loads with
    /// now, or under another file name (the corpus directory is named otherwise).
    func checkLaws() throws {
        let stored = try Row.fetchAll(
            db, sql: "SELECT title, version, status, file FROM document WHERE kind = 'regulation' ORDER BY id")
        guard stored.count == corpus.regulations.count else { throw IndexUpdateRun.Fallback(reason: .lawStatusChanged) }
        for (row, regulation) in zip(stored, corpus.regulations) {
            guard row["file"] == regulation.file else {
                throw IndexUpdateRun.Fallback(reason: .corpusPathChanged)
            }
            let m = regulation.metadata
            guard row["title"] == m.title, row["version"] == m.version, row["status"] == m.status else {
                throw IndexUpdateRun.Fallback(reason: .lawStatusChanged, file: regulation.file)
            }
        }
    }

    /// The list version of each changed file (relative to the corpus) with the document it
    /// replaces; throws the loader's error when two files hold the same version of a list.
    mutating func checkLists(_ changed: [String]) throws -> [Replacement] {
        rows = try Self.storedLists(db)
        var replacements: [Replacement] = []
        for relative in changed {
            let file = (root as NSString).appendingPathComponent(relative)
            let loaded = corpus.lists.filter { $0.file == file }
            let stored = rows.indices.filter { rows[$0].file == file }
            guard !stored.isEmpty else { throw IndexUpdateRun.Fallback(reason: .corpusPathChanged, file: relative) }
            guard loaded.count == 1, stored.count == 1, let list = loaded.first, let position = stored.first,
                let departmentID = try Int64.fetchOne(
                    db, sql: "SELECT id FROM department WHERE code = ?", arguments: [list.department.id])
            else { throw IndexUpdateRun.Fallback(reason: .listOrderChanged, file: relative) }
            rows[position].departmentID = departmentID
            rows[position].place = list.place
            replacements.append(Replacement(list: list, row: rows[position]))
        }
        try ListVersionOrder.checkUnique(rows.map(\.place))
        for (earlier, later) in zip(rows, rows.dropFirst()) where !ListVersionPlace.precedes(earlier.place, later.place) {
            let moved = changed.first { relative in
                let file = (root as NSString).appendingPathComponent(relative)
                return file == earlier.file || file == later.file
            }
            throw IndexUpdateRun.Fallback(reason: .listOrderChanged, file: moved)
        }
        return replacements
    }

    /// Deletes each replaced document with its units, items, citations and full-text entries,
    /// and stores the file's list version under the same id; the benchmark tally recorded in
    /// `meta` loses the old items' checks and gains the new ones'.
    func replace(_ replacements: [Replacement], with writer: inout IndexWriter) throws {
        let regulationIDs = try Int64.fetchAll(db, sql: "SELECT id FROM document WHERE kind = 'regulation' ORDER BY id")
        let targets = CitationTargets(
            regulations: corpus.regulations, versions: RegulationVersions(corpus.regulations),
            documentIDs: regulationIDs)
        var tally = try StoredCounts.storedTally(db) ?? StoredCounts.benchmarks(db)
        defer { writer.releaseStatements() }
        for replacement in replacements {
            let id = replacement.row.id
            tally = StoredCounts.combine(tally, try StoredCounts.benchmarks(db, document: id), sign: -1)
            try delete(document: id)
            // The writer writes the full-text entries with the units.
            try writer.insertList(replacement.list, departmentID: replacement.row.departmentID, targets: targets, id: id, db)
        }
        try StoredCounts.store(StoredCounts.combine(tally, writer.benchmarks, sign: 1), db)
    }

    /// Sets when each list version stops being in force: the day the next version of its list
    /// starts; returns the loader's warnings for versions starting on the same day.
    func setInForcePeriods() throws -> [String] {
        let periods = ListVersionOrder.inForceUntil(rows.map(\.place))
        for (row, until) in zip(rows, periods.until) {
            try db.execute(
                sql: "UPDATE document SET in_force_until = ? WHERE id = ? AND in_force_until IS NOT ?",
                arguments: [until?.description, row.id, until?.description])
        }
        return periods.warnings
    }

    private func delete(document id: Int64) throws {
        let units = StableIDs.unitRange(of: id)
        try db.execute(
            sql: """
                INSERT INTO \(Schema.ftsTable)(\(Schema.ftsTable), rowid, title, text)
                SELECT 'delete', id, title, text FROM unit WHERE document_id = ?
                """,
            arguments: [id])
        try db.execute(
            sql: "DELETE FROM citation_row WHERE unit_id BETWEEN ? AND ?",
            arguments: [units.lowerBound, units.upperBound])
        try db.execute(sql: "DELETE FROM list_item_row WHERE document_id = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM unit WHERE document_id = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM document_name WHERE document_id = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM document WHERE id = ?", arguments: [id])
    }

    private static func storedLists(_ db: Database) throws -> [ListRow] {
        let sql = """
            SELECT document.id, document.file, document.department_id, department.code, department.name,
                   document.list_kind, document.in_force_from, document.version
            FROM document JOIN department ON department.id = document.department_id
            WHERE document.kind = 'list' ORDER BY document.id
            """
        return try Row.fetchAll(db, sql: sql).map { row in
            guard let from = CalendarDate(iso: row["in_force_from"] ?? ""),
                let version = CalendarDate(iso: row["version"] ?? "")
            else { throw IndexUpdateRun.Fallback(reason: .listOrderChanged, file: row["file"]) }
            let place = ListVersionPlace(
                department: row["code"], departmentName: row["name"], kind: row["list_kind"], inForceFrom: from,
                version: version, file: row["file"])
            return ListRow(id: row["id"], departmentID: row["department_id"], place: place)
        }
    }
}
