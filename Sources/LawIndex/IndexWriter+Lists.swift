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
                arguments: [department.id, department.name, department.shortNames.joined(separator: "\u{1F}"),
                            department.type, department.sector, department.laws.joined(separator: "\u{1F}")])
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
            arguments: [list.title, list.kind.rawValue, list.department.name, list.status.rawValue,
                        list.version.description, list.file, list.note, departmentID, list.kind.rawValue,
                        list.published?.description, list.filed?.description, list.publishedAt,
                        list.status == .sample, list.isPublic, list.inForceFrom.description,
                        list.inForceUntil?.description, list.inForceFrom.description])
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
            try db.execute(
                sql: """
                    INSERT INTO list_item (document_id, unit_id, ordinal, item_id, name, conduct, basis, penalty_basis,
                                           conditions, measure, note, levels, fields, benchmark_check, line)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [documentID, unitID, ordinal, item.id, item.name, item.conduct, item.basis,
                            item.penaltyBasis, item.conditions, item.measure, item.note,
                            String(decoding: try encoder.encode(item.levels), as: UTF8.self),
                            String(decoding: try encoder.encode(item.fields), as: UTF8.self),
                            try check(item, of: list, checker, encoder), item.line])
            let place = CitationPlace(file: list.file, line: item.line, date: list.version, citingRegulation: nil)
            try insertCitations(item.citations, unitID: unitID, place: place, targets: targets, db)
            listItems += 1
        }
    }

    /// The item's levels checked against its 处罚依据, as JSON (`nil` without levels), counted
    /// for the report.
    private mutating func check(
        _ item: ListItem, of list: ListVersion, _ checker: BenchmarkChecker, _ encoder: JSONEncoder
    ) throws -> String? {
        guard let check = checker.check(item, on: list.version) else { return nil }
        benchmarks.count(check)
        return String(decoding: try encoder.encode(check), as: UTF8.self)
    }

    /// The text of an item as searched and shown in snippets: each column with its label.
    static func searchableText(of item: ListItem) -> String {
        var lines: [String] = []
        func add(_ label: String, _ value: String?) {
            if let value, !value.isEmpty { lines.append("\(label)：\(value)") }
        }
        add("违法行为", item.conduct)
        add("法律依据", item.basis)
        add("处罚依据", item.penaltyBasis)
        add("适用情形", item.conditions)
        add("处理方式", item.measure)
        for level in item.levels {
            lines.append("\(level.level)：" + [level.circumstances, level.penalty].compactMap { $0 }.joined(separator: "；"))
        }
        for field in item.fields { add(field.name, field.value) }
        add("备注", item.note)
        return lines.joined(separator: "\n")
    }
}
