import Foundation
import GRDB
import LawCorpus
import LawIndex

extension LawQueries {
    /// The departments of the registry and how many list versions each has.
    public func departments() throws(QueryError) -> [DepartmentSummary] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT department.*, (SELECT count(*) FROM document WHERE document.department_id = department.id
                                      AND \(visibleDocuments)) AS lists
                FROM department ORDER BY department.id
                """).map { row in
                DepartmentSummary(
                    id: row["code"], name: row["name"], shortNames: Self.split(row["short_names"]),
                    type: row["type"], sector: row["sector"], laws: Self.split(row["laws"]), lists: row["lists"])
            }
        }
    }

    /// Every list version, of one department or all, with whether it is in force on `asOf` (today by default).
    public func lists(department: String? = nil, asOf: String? = nil) throws(QueryError) -> [ListSummary] {
        let day = try Self.date(asOf, parameter: "as_of")
        return try read { db in
            var sql = """
                SELECT document.*, department.name AS department,
                       (SELECT count(*) FROM list_item WHERE list_item.document_id = document.id) AS items
                FROM document JOIN department ON department.id = document.department_id
                WHERE document.kind = 'list' AND \(visibleDocuments)
                """
            var arguments: StatementArguments = []
            if let department {
                sql += " AND department.id = ?"
                _ = arguments.append(contentsOf: [try departmentID(named: department, db)])
            }
            sql += " ORDER BY department.id, document.list_kind, document.in_force_from"
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                let from: String = row["in_force_from"]
                let until: String? = row["in_force_until"]
                return ListSummary(
                    department: row["department"], kind: row["list_kind"], title: row["title"], version: row["version"],
                    published: row["published"], filed: row["filed"], status: Self.status(row), items: row["items"],
                    inForceFrom: from, inForceUntil: until,
                    inForce: from <= day.description && until.map { day.description < $0 } ?? true)
            }
        }
    }

    /// The version of `department`'s list of `kind` in force on `asOf` (today by default), with its items.
    public func list(department: String, kind: String, asOf: String? = nil) throws(QueryError) -> ListRecord {
        let day = try Self.date(asOf, parameter: "as_of")
        let listKind = try Self.listKind(kind)
        return try read { db in
            let departmentID = try departmentID(named: department, db)
            let rows = try Row.fetchAll(db, sql: """
                SELECT document.*, department.name AS department
                FROM document JOIN department ON department.id = document.department_id
                WHERE document.department_id = ? AND document.list_kind = ? AND \(visibleDocuments)
                ORDER BY document.in_force_from
                """, arguments: [departmentID, listKind.rawValue])
            let name = try String.fetchOne(db, sql: "SELECT name FROM department WHERE id = ?",
                                           arguments: [departmentID]) ?? department
            guard !rows.isEmpty else {
                let kinds = try String.fetchAll(db, sql: """
                    SELECT DISTINCT list_kind FROM document WHERE department_id = ? AND \(visibleDocuments)
                    """, arguments: [departmentID])
                throw QueryError.noSuchList(department: name, kind: listKind.rawValue,
                                            message: kinds.isEmpty ? "该部门尚未公布清单"
                                                : "该部门的清单有：" + kinds.joined(separator: "、"))
            }
            guard let row = rows.last(where: { ($0["in_force_from"] as String) <= day.description }) else {
                throw QueryError.noSuchList(
                    department: name, kind: listKind.rawValue,
                    message: "\(day) 没有施行中的版本；最早的版本自 \(rows[0]["in_force_from"] as String) 起施行")
            }
            return try listRecord(row, db)
        }
    }

    func listRecord(_ row: Row, _ db: Database) throws -> ListRecord {
        let documentID: Int64 = row["id"]
        let items = try Row.fetchAll(db, sql: """
            SELECT * FROM list_item WHERE document_id = ? ORDER BY ordinal
            """, arguments: [documentID])
        let citations = try citationsByUnit(documentID: documentID, db)
        let decoder = JSONDecoder()
        return ListRecord(
            department: row["department"], kind: row["list_kind"], title: row["title"], version: row["version"],
            published: row["published"], filed: row["filed"], publishedAt: row["published_at"],
            status: Self.status(row), inForceFrom: row["in_force_from"], inForceUntil: row["in_force_until"],
            note: row["notes"],
            items: try items.map { item in
                ListItemRecord(
                    id: item["item_id"], name: item["name"], conduct: item["conduct"], basis: item["basis"],
                    penaltyBasis: item["penalty_basis"], conditions: item["conditions"], measure: item["measure"],
                    note: item["note"],
                    levels: try decoder.decode([BenchmarkLevel].self, from: Data((item["levels"] as String).utf8)),
                    fields: try decoder.decode([ListField].self, from: Data((item["fields"] as String).utf8)),
                    citations: citations[item["unit_id"]] ?? [],
                    benchmarkCheck: try (item["benchmark_check"] as String?).map {
                        try decoder.decode(BenchmarkCheck.self, from: Data($0.utf8))
                    })
            })
    }

    private func citationsByUnit(documentID: Int64, _ db: Database) throws -> [Int64: [CitationRecord]] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT citation.*, document.title AS document, document.version AS document_version,
                   EXISTS (SELECT 1 FROM unit AS cited
                           WHERE cited.document_id = citation.document_id AND cited.article = citation.article) AS resolved
            FROM citation
            JOIN unit ON unit.id = citation.unit_id
            LEFT JOIN document ON document.id = citation.document_id
            WHERE unit.document_id = ? ORDER BY citation.id
            """, arguments: [documentID])
        var result: [Int64: [CitationRecord]] = [:]
        for row in rows {
            result[row["unit_id"], default: []].append(CitationRecord(
                document: row["document"], version: row["document_version"], resolved: row["resolved"],
                name: row["name"], article: row["article"],
                paragraph: row["paragraph"], item: row["item"], text: row["text"]))
        }
        return result
    }

    /// The database id of the department called `name`: official name, short name, id, or
    /// a form people derive (交通, 市场局, 环保); an ambiguous form means the first department
    /// it may name, in registry order.
    func departmentID(named name: String, _ db: Database) throws -> Int64 {
        let registry = try departmentRegistry(db)
        guard let found = registry.matches(name).first,
              let id = try Int64.fetchOne(db, sql: "SELECT id FROM department WHERE code = ?", arguments: [found.id])
        else {
            let known = registry.departments.flatMap { [$0.name] + $0.shortNames }
            throw QueryError.unknownDepartment(name, known: known)
        }
        return id
    }

    /// The list kind called `name` (any name or alias, with or without 清单/事项), or an
    /// error naming the closest kinds.
    static func listKind(_ name: String) throws(QueryError) -> ListKind {
        if let kind = ListKind.resolve(name) { return kind }
        throw .unknownListKind(name, known: QueryError.listKindVocabulary)
    }

    static func split(_ joined: String?) -> [String] {
        (joined ?? "").split(separator: "\u{1F}").map(String.init)
    }

    static func status(_ row: Row) -> String {
        (row["sample"] as Bool? ?? false) ? ListStatus.sample.rawValue : ListStatus.official.rawValue
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
