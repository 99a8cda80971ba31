import GRDB
import LawCorpus

extension LawQueries {
    /// Every list item (in the versions in force on `asOf`, today by default) and every plan
    /// passage or law article that cites article `number` of `document`: of its version
    /// `version` when given, else of the version in force on `asOf`. A citation points at
    /// the version that applied when it was written, so items citing an older text of the
    /// article are found through that version. With `version` and no `asOf`, the items of
    /// every list version citing that version are returned, in force or not.
    public func citedBy(document: String, number: String, asOf: String? = nil,
                        version: String? = nil) throws(QueryError) -> CitedByRecord {
        let day = try Self.date(asOf, parameter: "as_of")
        let cited = try article(document: document, number: number, version: version,
                                on: asOf == nil ? nil : day)
        // A version asked for by name is read with every list version that rests on it.
        let everyListVersion = version != nil && asOf == nil
        return try read { db in
            let titleArguments: StatementArguments = [cited.documentID, cited.article]
            let items = try Row.fetchAll(db, sql: """
                SELECT department.name AS department, document.list_kind, document.version, document.sample,
                       document.in_force_from,
                       list_item.item_id, list_item.name, citation.text, citation.paragraph
                FROM citation
                JOIN document AS target ON target.id = citation.document_id
                JOIN unit ON unit.id = citation.unit_id
                JOIN list_item ON list_item.unit_id = unit.id
                JOIN document ON document.id = unit.document_id
                JOIN department ON department.id = document.department_id
                WHERE target.id = ? AND citation.article = ? AND \(visibleDocuments)
                  AND (? OR (document.in_force_from <= ?
                             AND (document.in_force_until IS NULL OR document.in_force_until > ?)))
                ORDER BY department.id, document.list_kind, document.in_force_from, list_item.ordinal
                """, arguments: titleArguments + [everyListVersion, day.description, day.description])
            let passages = try Row.fetchAll(db, sql: """
                SELECT document.kind, document.title AS document, unit.title, unit.location, citation.text
                FROM citation
                JOIN document AS target ON target.id = citation.document_id
                JOIN unit ON unit.id = citation.unit_id
                JOIN document ON document.id = unit.document_id
                WHERE target.id = ? AND citation.article = ? AND document.kind IN ('plan', 'regulation')
                  AND \(visibleDocuments)
                ORDER BY document.kind, document.id, unit.ordinal
                """, arguments: titleArguments)
            return CitedByRecord(
                document: cited.document, version: cited.version, article: cited.article, label: cited.label,
                asOf: day.description, everyListVersion: everyListVersion,
                items: items.map { row in
                    CitingItem(department: row["department"], kind: row["list_kind"], version: row["version"],
                               inForceFrom: row["in_force_from"], status: Self.status(row), id: row["item_id"], name: row["name"],
                               citation: row["text"], paragraph: row["paragraph"])
                },
                passages: passages.map { row in
                    CitingPassage(kind: row["kind"], document: row["document"], title: row["title"],
                                  location: row["location"], citation: row["text"])
                })
        }
    }
}
