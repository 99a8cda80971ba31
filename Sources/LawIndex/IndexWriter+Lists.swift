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
        _ list: ListVersion, departmentID: Int64, targets: CitationTargets, id: Int64? = nil, _ db: Database
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO document (id, kind, title, short_name, issuer, status, version, file, notes,
                                      department_id, list_kind, published, filed, published_at, sample, public,
                                      in_force_from, in_force_until, effective)
                VALUES (?, 'list', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                id, list.title, list.kind.rawValue, list.department.name, list.status.rawValue,
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
        encoder.outputFormatting = .sortedKeys  // the same bytes from every build of the same corpus
        let checker = targets.checker
        for (ordinal, item) in list.items.enumerated() {
            let layout = Self.searchableLayout(of: item)
            let unitID = try insertUnit(
                documentID: documentID, ordinal: ordinal, kind: "list_item", title: item.name,
                location: location, article: nil, text: layout.text, line: item.line, db)
            var arguments: StatementArguments = [documentID, unitID, ordinal, item.id]
            for column in ListColumn.allCases {
                let stored = StoredSpan(item[column], at: layout.spans[column])
                arguments += [stored.literal, stored.start, stored.length]
            }
            arguments += [
                String(decoding: try encoder.encode(item.levels), as: UTF8.self),
                String(decoding: try encoder.encode(item.fields), as: UTF8.self),
                try check(item, of: list, checker, encoder), item.line,
            ]
            try db.cachedStatement(sql: Self.insertListItem).execute(arguments: arguments)
            let place = CitationPlace(file: list.file, line: item.line, date: list.version, citingRegulation: nil)
            try insertCitations(
                item.citations, unitID: unitID, unitText: layout.text, place: place, targets: targets, db)
            listItems += 1
        }
    }

    /// The statement inserting an item into `list_item_row`: each text column of ``ListColumn``
    /// as its place in the unit's text (or, when it is not there, its value).
    private static let insertListItem: String = {
        let columns =
            ["document_id", "unit_id", "ordinal", "item_id"]
            + ListColumn.keys.flatMap { [$0, "\($0)_at", "\($0)_length"] }
            + ["levels", "fields", "benchmark_check", "line"]
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        return "INSERT INTO list_item_row (\(columns.joined(separator: ", "))) VALUES (\(placeholders))"
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
        searchableLayout(of: item).text
    }

    /// ``searchableText(of:)`` and where in it (in Unicode scalars, as SQLite's `substr` counts)
    /// the value of each of the item's columns is written.
    static func searchableLayout(of item: ListItem) -> (text: String, spans: [ListColumn: Range<Int>]) {
        var text = ""
        var length = 0
        var spans: [ListColumn: Range<Int>] = [:]
        func addLine(_ line: String) {
            if length > 0 {
                text += "\n"
                length += 1
            }
            text += line
            length += line.unicodeScalars.count
        }
        func add(_ label: String, _ value: String?, column: ListColumn? = nil) {
            guard let value, !value.isEmpty else { return }
            addLine("\(label)：")
            let start = length
            text += value
            length += value.unicodeScalars.count
            if let column { spans[column] = start..<length }
        }
        let searched = ListColumn.allCases.filter(\.isSearchable)
        for column in searched where !column.isRemark { add(column.label, item[column], column: column) }
        for level in item.levels {
            let parts = LevelColumn.allCases.filter(\.isSearchable).compactMap { level[$0] }
            addLine("\(level.level)：" + parts.joined(separator: "；"))
        }
        for field in item.fields { add(field.name, field.value) }
        for column in searched where column.isRemark { add(column.label, item[column], column: column) }
        return (text, spans)
    }
}

/// How a text value is stored in a row beside the unit whose text holds it: as the place of
/// the value in the unit's text (1-based start and length in Unicode scalars, for SQLite's
/// `substr`), or as the value itself when the text does not hold it. The views `list_item` and
/// `citation` (``Schema``) read either back as the value.
struct StoredSpan {
    var literal: String?
    var start: Int?
    var length: Int?

    /// `value` at `span` of the unit's text (0-based), or as itself without a span.
    init(_ value: String?, at span: Range<Int>?) {
        guard let value else { return }
        if let span {
            start = span.lowerBound + 1
            length = span.count
        } else if value.isEmpty {
            start = 1
            length = 0
        } else {
            literal = value
        }
    }
}
