import GRDB
import LawCorpus
import LawIndex

extension LawQueries {
    /// Every list item (in the versions in force on `asOf`, today by default) and every plan
    /// passage or law article that cites article `number` of `document`: of its version
    /// `version` when given, else of the current version; with `asOf`, that article's
    /// counterpart in the version in force on that day (``article(document:number:version:asOf:)``). A citation points at
    /// the version that applied when it was written, so items citing an older text of the
    /// article are found through that version. With `version` and no `asOf`, the items of
    /// every list version citing that version are returned, in force or not.
    public func citedBy(
        document: String, number: String, asOf: String? = nil,
        version: String? = nil
    ) throws(QueryError) -> CitedByRecord {
        let day = try Self.date(asOf, parameter: "as_of")
        let cited =
            if let asOf {
                try article(document: document, number: number, version: version, asOf: asOf)
            } else {
                try article(document: document, number: number, version: version)
            }
        // A version asked for by name is read with every list version that rests on it.
        let everyListVersion = version != nil && asOf == nil
        return try read { db in
            let inForce = everyListVersion ? SQL("1") : Schema.inForce(on: day)
            let items = try SQLRequest<CitingItem>(
                """
                SELECT department.name AS department, document.list_kind AS kind, document.version,
                       \(Self.listStatus) AS status, document.in_force_from,
                       list_item.item_id AS id, list_item.name, citation.text AS citation, citation.paragraph
                FROM citation
                JOIN document AS target ON target.id = citation.document_id
                JOIN unit ON unit.id = citation.unit_id
                JOIN list_item ON list_item.unit_id = unit.id
                JOIN document ON document.id = unit.document_id
                JOIN department ON department.id = document.department_id
                WHERE target.id = \(cited.documentID) AND citation.article = \(cited.article) AND \(visible)
                  AND \(inForce)
                ORDER BY department.id, document.list_kind, document.in_force_from, list_item.ordinal
                """
            ).fetchAll(db)
            let passages = try SQLRequest<CitingPassage>(
                """
                SELECT document.kind, document.title AS document, unit.title, unit.location, citation.text AS citation
                FROM citation
                JOIN document AS target ON target.id = citation.document_id
                JOIN unit ON unit.id = citation.unit_id
                JOIN document ON document.id = unit.document_id
                WHERE target.id = \(cited.documentID) AND citation.article = \(cited.article)
                  AND document.kind IN (\(DocumentKind.plan), \(DocumentKind.regulation)) AND \(visible)
                ORDER BY document.kind, document.id, unit.ordinal
                """
            ).fetchAll(db)
            return CitedByRecord(
                document: cited.document, version: cited.version, article: cited.article, label: cited.label,
                asOf: day.description, everyListVersion: everyListVersion,
                items: items, passages: passages, reading: cited.asOf)
        }
    }
}

// Rows of the queries above decode straight into the answers: each column is aliased to the
// answer's key.
extension CitingItem: FetchableRecord {}
extension CitingPassage: FetchableRecord {}

extension LawQueries {
    /// A list document's status as the answers write it (`sample` or `official`), in SQL.
    static let listStatus: SQL = """
        CASE WHEN document.sample THEN \(ListStatus.sample.rawValue) ELSE \(ListStatus.official.rawValue) END
        """
}
