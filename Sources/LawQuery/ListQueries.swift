import Foundation
import GRDB
import LawCorpus
import LawIndex

extension LawQueries {
    /// The departments of the registry and how many list versions each has.
    public func departments() throws(QueryError) -> [DepartmentSummary] {
        try read { db in
            try SQLRequest<Row>(
                """
                SELECT department.*, (SELECT count(*) FROM document WHERE document.department_id = department.id
                                      AND \(visible)) AS lists
                FROM department ORDER BY department.id
                """
            ).fetchAll(db).map { row in
                let department = try DepartmentRow(row: row)
                return DepartmentSummary(
                    id: department.code, name: department.name, shortNames: Self.split(department.shortNames),
                    type: department.type, sector: department.sector, laws: Self.split(department.laws),
                    lists: row["lists"])
            }
        }
    }

    /// Every list version, of one department or all, with whether it is in force on `asOf` (today by default).
    public func lists(department: String? = nil, asOf: String? = nil) throws(QueryError) -> [ListSummary] {
        let day = try Self.date(asOf, parameter: "as_of")
        return try read { db in
            let ofDepartment: SQL = try department.map { "AND department.id = \(try departmentID(named: $0, db))" } ?? ""
            return try SQLRequest<Row>(
                """
                SELECT document.*, department.name AS department, \(Schema.inForce(on: day)) AS in_force,
                       (SELECT count(*) FROM list_item WHERE list_item.document_id = document.id) AS items
                FROM document JOIN department ON department.id = document.department_id
                WHERE document.kind = \(DocumentKind.list) AND \(visible) \(ofDepartment)
                ORDER BY department.id, document.list_kind, document.in_force_from
                """
            ).fetchAll(db).map { row in
                let document = try DocumentRow(row: row)
                return ListSummary(
                    department: row["department"], kind: try document.kindOfList(), title: document.title,
                    version: document.version ?? "", published: document.published, filed: document.filed,
                    status: document.listStatus, items: row["items"], inForceFrom: document.inForceFrom ?? "",
                    inForceUntil: document.inForceUntil, inForce: row["in_force"])
            }
        }
    }

    /// The version of `department`'s list of `kind` in force on `asOf` (today by default), with its items.
    /// `kind` is any name or alias of a kind of list (免罚清单, 裁量基准 …).
    public func list(department: String, kind: String, asOf: String? = nil) throws(QueryError) -> ListRecord {
        try list(department: department, kind: try Self.listKind(kind), asOf: asOf)
    }

    /// The version of `department`'s list of `listKind` in force on `asOf` (today by default), with its items.
    public func list(department: String, kind listKind: ListKind, asOf: String? = nil) throws(QueryError) -> ListRecord {
        let day = try Self.date(asOf, parameter: "as_of")
        return try read { db in
            let departmentID = try departmentID(named: department, db)
            let rows = try SQLRequest<Row>(
                """
                SELECT document.*, department.name AS department, \(Schema.inForce(on: day)) AS in_force
                FROM document JOIN department ON department.id = document.department_id
                WHERE document.department_id = \(departmentID) AND document.list_kind = \(listKind) AND \(visible)
                ORDER BY document.in_force_from
                """
            ).fetchAll(db)
            let name =
                try SQLRequest<String>("SELECT name FROM department WHERE id = \(departmentID)").fetchOne(db)
                ?? department
            guard !rows.isEmpty else {
                let kinds = try SQLRequest<String>(
                    """
                    SELECT DISTINCT list_kind FROM document WHERE department_id = \(departmentID) AND \(visible)
                    """
                ).fetchAll(db)
                throw QueryError.noSuchList(
                    department: name, kind: listKind.rawValue,
                    message: kinds.isEmpty
                        ? "该部门尚未公布清单"
                        : "该部门的清单有：" + kinds.joined(separator: "、"))
            }
            guard let row = rows.first(where: { $0["in_force"] as Bool }) else {
                throw QueryError.noSuchList(
                    department: name, kind: listKind.rawValue,
                    message: "\(day) 没有施行中的版本；最早的版本自 \(rows[0]["in_force_from"] as String) 起施行")
            }
            return try listRecord(row, db)
        }
    }

    /// A list version with its items, from a row of `document` joined with its department's
    /// name (as `department`).
    func listRecord(_ row: Row, _ db: Database) throws -> ListRecord {
        let document = try DocumentRow(row: row)
        let items = try SQLRequest<ListItemRow>("SELECT * FROM list_item WHERE document_id = \(document.id) ORDER BY ordinal")
            .fetchAll(db)
        let citations = try citationsByUnit(documentID: document.id, db)
        return ListRecord(
            department: row["department"], kind: try document.kindOfList(), title: document.title,
            version: document.version ?? "", published: document.published, filed: document.filed,
            publishedAt: document.publishedAt, status: document.listStatus,
            inForceFrom: document.inForceFrom ?? "", inForceUntil: document.inForceUntil, note: document.notes,
            items: try items.map { try Self.itemRecord($0, citations: citations[$0.unitID] ?? []) })
    }

    /// An item as the answers show it: its JSON columns decoded, its citations attached.
    static func itemRecord(_ item: ListItemRow, citations: [CitationRecord]) throws -> ListItemRecord {
        let decoder = JSONDecoder()
        return ListItemRecord(
            id: item.itemID, name: item.name, columns: item.columns,
            levels: try decoder.decode([BenchmarkLevel].self, from: Data(item.levels.utf8)),
            fields: try decoder.decode([ListField].self, from: Data(item.fields.utf8)),
            citations: citations,
            benchmarkCheck: try item.benchmarkCheck.map { try decoder.decode(BenchmarkCheck.self, from: Data($0.utf8)) })
    }

    private func citationsByUnit(documentID: Int64, _ db: Database) throws -> [Int64: [CitationRecord]] {
        let rows = try SQLRequest<CitationRow>(
            """
            SELECT citation.unit_id, citation.name, citation.article, citation.paragraph, citation.item, citation.text,
                   citation.document_id, document.title AS document, document.version, document.status,
                   EXISTS (SELECT 1 FROM unit AS cited
                           WHERE cited.document_id = citation.document_id AND cited.article = citation.article) AS resolved
            FROM citation
            JOIN unit ON unit.id = citation.unit_id
            LEFT JOIN document ON document.id = citation.document_id
            WHERE unit.document_id = \(documentID) ORDER BY citation.id
            """
        ).fetchAll(db)
        var result: [Int64: [CitationRecord]] = [:]
        var current: [String: ArticleCounterpart?] = [:]
        for row in rows {
            var record = CitationRecord(
                document: row.document, version: row.version, resolved: row.resolved, name: row.name,
                article: row.article, paragraph: row.paragraph, item: row.item, text: row.text)
            if let cited = row.documentID, row.resolved, row.status != RegulationMetadata.Status.inForce {
                let key = "\(cited) \(row.article)"
                if current[key] == nil {
                    current[key] = try counterparts(documentID: cited, article: row.article, db)
                        .last { $0.status == RegulationMetadata.Status.inForce }
                }
                record.current = current[key] ?? nil
            }
            result[row.unitID, default: []].append(record)
        }
        return result
    }

    /// The database id of the department called `name`: official name, short name, id, or
    /// a form people derive (交通, 市场局, 环保); an ambiguous form means the first department
    /// it may name, in registry order.
    func departmentID(named name: String, _ db: Database) throws -> Int64 {
        let registry = try departmentRegistry(db)
        guard let found = registry.matches(name).first,
            let id = try SQLRequest<Int64>("SELECT id FROM department WHERE code = \(found.id)").fetchOne(db)
        else {
            let known = registry.departments.flatMap { [$0.name] + $0.shortNames }
            throw QueryError.unknownDepartment(name, known: known)
        }
        return id
    }

    /// The list kind called `name` (any name or alias, with or without 清单/事项), or an
    /// error naming the closest kinds.
    public static func listKind(_ name: String) throws(QueryError) -> ListKind {
        if let kind = ListKind.resolve(name) { return kind }
        throw .unknownListKind(name, known: QueryError.listKindVocabulary)
    }

    static func split(_ joined: String?) -> [String] {
        (joined ?? "").split(separator: "\u{1F}").map(String.init)
    }

    /// Parses a date parameter as people write it (`2022-10-31`, `2022年10月31日`, `2022/10/31`,
    /// `2022.10.31`, `2022-1-5`); `nil` means today (China Standard Time).
    static func date(_ text: String?, parameter: String) throws(QueryError) -> CalendarDate {
        guard let text else { return CalendarDate.todayInChina() }
        guard let date = WrittenDate.day(text) else {
            throw .invalidDate(parameter: parameter, text: text)
        }
        return date
    }
}

/// A citation of a list item, with the version of the law it resolved to.
private struct CitationRow: Decodable, FetchableRecord {
    var unitID: Int64
    var name: String?
    var article: Int
    var paragraph: Int?
    var item: Int?
    var text: String
    var documentID: Int64?
    var document: String?
    var version: String?
    var status: String?
    var resolved: Bool

    enum CodingKeys: String, CodingKey {
        case unitID = "unit_id"
        case documentID = "document_id"
        case name, article, paragraph, item, text, document, version, status, resolved
    }
}
