import GRDB

extension LawQueries {
    /// The plan's obligations, soonest first; relative and recurring rules (no fixed date) last.
    public func deadlines() throws(QueryError) -> [DeadlineRecord] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT measure, task, responsible, due, rule, kind, report_to FROM deadline
                ORDER BY due IS NULL, due, document_id, ordinal
                """).map { row in
                DeadlineRecord(measure: row["measure"], task: row["task"], responsible: row["responsible"],
                               due: row["due"], rule: row["rule"], kind: row["kind"], reportTo: row["report_to"])
            }
        }
    }

    /// The plan and the laws of the corpus with their metadata and number of units
    /// (lists have ``lists(department:asOf:)``).
    public func documents() throws(QueryError) -> [DocumentRecord] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT document.*, (SELECT count(*) FROM unit WHERE unit.document_id = document.id) AS units
                FROM document WHERE kind IN ('plan', 'regulation') ORDER BY kind, title, version
                """).map { row in
                DocumentRecord(kind: row["kind"], title: row["title"], shortName: row["short_name"],
                               issuer: row["issuer"], promulgated: row["promulgated"],
                               effective: row["effective"], status: row["status"], version: row["version"],
                               units: row["units"])
            }
        }
    }
}
