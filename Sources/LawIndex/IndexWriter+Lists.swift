import Foundation
import GRDB
import LawCorpus

extension IndexWriter {
    /// Inserts the registry; returns database ids by department code.
    mutating func insertDepartments(_ departments: [Department], _ db: Database) throws -> [String: Int64] {
        var ids: [String: Int64] = [:]
        for department in departments {
            try db.execute(
                sql: "INSERT INTO department (code, name, short_names, type, sector, laws) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [
                    department.id, department.name, department.shortNames.joined(separator: "\u{1F}"),
                    department.type, department.sector, department.laws.joined(separator: "\u{1F}"),
                ])
            ids[department.id] = db.lastInsertedRowID
        }
        return ids
    }

    /// Inserts one list version as a document, and each item as a searchable unit.
    mutating func insertList(
        _ list: ListVersion, departmentID: Int64, targets: CitationTargets, _ db: Database
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO document (kind, title, short_name, issuer, status, version, file, notes,
                                      department_id, list_kind, published, filed, published_at, sample, public,
                                      in_force_from, in_force_until, effective)
                VALUES ('list', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                list.title, list.kind.rawValue, list.department.name, list.status.rawValue,
                list.version.description, list.file, list.note, departmentID, list.kind.rawValue,
                list.published?.description, list.filed?.description, list.publishedAt,
                list.status == .sample, list.isPublic, list.inForceFrom.description,
                list.inForceUntil?.description, list.inForceFrom.description,
            ])
        let documentID = db.lastInsertedRowID
        documents += 1
        lists += 1
        let shortName = list.department.shortNames.first ?? list.department.name
        let location = "\(shortName) › \(list.kind.rawValue)（\(list.version)）"
        let encoder = JSONEncoder()
        let checker = targets.checker
        for (ordinal, item) in list.items.enumerated() {
            let unitID = try insertUnit(
                documentID: documentID, ordinal: ordinal, kind: "list_item", title: item.name,
                location: location, article: nil, text: Self.searchableText(of: item), line: item.line, db)
            var arguments: StatementArguments = [documentID, unitID, ordinal, item.id, item.name]
            arguments += StatementArguments(ListColumn.allCases.map { item[$0] })
            arguments += [
                String(decoding: try encoder.encode(item.levels), as: UTF8.self),
                String(decoding: try encoder.encode(item.fields), as: UTF8.self),
                try check(item, of: list, checker, encoder), item.line,
            ]
            try db.execute(sql: Self.insertListItem, arguments: arguments)
            let place = CitationPlace(file: list.file, line: item.line, date: list.version, citingRegulation: nil)
            try insertCitations(item.citations, unitID: unitID, place: place, targets: targets, db)
            listItems += 1
        }
    }

    /// The statement inserting an item: its text columns are those of ``ListColumn``, each
    /// stored under its key.
    private static let insertListItem: String = {
        let columns =
            ["document_id", "unit_id", "ordinal", "item_id", "name"] + ListColumn.keys
            + ["levels", "fields", "benchmark_check", "line"]
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        return "INSERT INTO list_item (\(columns.joined(separator: ", "))) VALUES (\(placeholders))"
    }()

    /// The item's levels checked against its 处罚依据, as JSON (`nil` without levels), counted
    /// for the report.
    private mutating func check(
        _ item: ListItem, of list: ListVersion, _ checker: BenchmarkChecker, _ encoder: JSONEncoder
    ) throws -> String? {
        guard let check = checker.check(item, on: list.version) else { return nil }
        benchmarks.count(check)
        return String(decoding: try encoder.encode(check), as: UTF8.self)
    }

    /// The text of an item as searched and shown in snippets: each searchable column with its
    /// label, each level with its searchable parts, the department's own columns, then the remarks.
    static func searchableText(of item: ListItem) -> String {
        var lines: [String] = []
        func add(_ label: String, _ value: String?) {
            if let value, !value.isEmpty { lines.append("\(label)：\(value)") }
        }
        let searched = ListColumn.allCases.filter(\.isSearchable)
        for column in searched where !column.isRemark { add(column.label, item[column]) }
        for level in item.levels {
            let parts = LevelColumn.allCases.filter(\.isSearchable).compactMap { level[$0] }
            lines.append("\(level.level)：" + parts.joined(separator: "；"))
        }
        for field in item.fields { add(field.name, field.value) }
        for column in searched where column.isRemark { add(column.label, item[column]) }
        return lines.joined(separator: "\n")
    }
}
