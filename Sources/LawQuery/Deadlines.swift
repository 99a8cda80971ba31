import GRDB
import LawCorpus
import LawIndex

extension LawQueries {
    /// The plan's obligations, soonest first; relative and recurring rules (no fixed date) last.
    public func deadlines() throws(QueryError) -> [DeadlineRecord] {
        try read { db in
            try DeadlineRow.fetchAll(db, sql: "SELECT * FROM deadline ORDER BY due IS NULL, due, document_id, ordinal")
                .map { row in
                    DeadlineRecord(
                        measure: row.measure, task: row.task, responsible: row.responsible, due: row.due,
                        rule: row.rule, kind: try row.deadlineKind(), reportTo: row.reportTo)
                }
        }
    }

    /// The plan and the laws of the corpus with their metadata and number of units
    /// (lists have ``lists(department:asOf:)``).
    public func documents() throws(QueryError) -> [DocumentRecord] {
        try read { db in
            try SQLRequest<Row>(
                """
                SELECT document.*, (SELECT count(*) FROM unit WHERE unit.document_id = document.id) AS units
                FROM document WHERE kind IN (\(DocumentKind.plan), \(DocumentKind.regulation)) ORDER BY kind, title, version
                """
            ).fetchAll(db).map { row in
                let document = try DocumentRow(row: row)
                return DocumentRecord(
                    kind: try document.documentKind(), title: document.title, shortName: document.shortName,
                    issuer: document.issuer, promulgated: document.promulgated,
                    effective: document.effective, status: document.status,
                    version: document.version, units: row["units"])
            }
        }
    }
}
