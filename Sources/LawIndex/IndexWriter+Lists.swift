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

    /// Inserts one list version as a document, and each of its items, as `pipeline` gives
    /// them (``ListItemPipeline``), as a searchable unit.
    mutating func insertList(
        _ list: ListVersion, departmentID: Int64, items pipeline: ListItemPipeline, _ db: Database
    ) throws {
        let (documentID, location) = try insertListDocument(list, departmentID: departmentID, id: nil, db)
        var ordinal = 0
        while true {
            switch try pipeline.next() {
            case .items(let items, let warnings):
                try insertItems(items, documentID: documentID, from: ordinal, location: location, db)
                ordinal += items.count
                itemWarnings[list.file, default: []] += warnings
            case .end(let warnings):
                itemWarnings[list.file, default: []] += warnings
                return
            }
        }
    }

    /// Reads the items of a list left out of the index, as `pipeline` gives them: a fault in
    /// them still stops the build, and their warnings are reported.
    mutating func checkList(_ list: ListVersion, items pipeline: ListItemPipeline) throws {
        while true {
            switch try pipeline.next() {
            case .items(_, let warnings):
                itemWarnings[list.file, default: []] += warnings
            case .end(let warnings):
                itemWarnings[list.file, default: []] += warnings
                return
            }
        }
    }

    /// Inserts one list version, holding its items, as a document under `id` (a new id when
    /// `nil`), and each item as a searchable unit.
    mutating func insertList(
        _ list: ListVersion, departmentID: Int64, targets: CitationTargets, id: Int64? = nil, _ db: Database
    ) throws {
        let (documentID, location) = try insertListDocument(list, departmentID: departmentID, id: id, db)
        let preparer = ListItemPreparer(list: list, targets: targets)
        try insertItems(list.items.map(preparer.prepare), documentID: documentID, from: 0, location: location, db)
    }

    /// Inserts the document of a list version; returns its id and the location its items show.
    private mutating func insertListDocument(
        _ list: ListVersion, departmentID: Int64, id: Int64?, _ db: Database
    ) throws -> (id: Int64, location: String) {
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
        documents += 1
        lists += 1
        let shortName = list.department.shortNames.first ?? list.department.name
        return (db.lastInsertedRowID, "\(shortName) › \(list.kind.rawValue)（\(list.version)）")
    }

    /// Stores prepared items of document `documentID`, the first as item `ordinal`.
    private mutating func insertItems(
        _ items: [PreparedListItem], documentID: Int64, from ordinal: Int, location: String, _ db: Database
    ) throws {
        var statement = try statements(db).item
        for (offset, item) in items.enumerated() {
            let unitID = try insertUnit(
                documentID: documentID, ordinal: ordinal + offset, kind: "list_item", title: item.title,
                location: location, article: nil, text: item.text, line: item.line, db)
            statement.bind(documentID)
            statement.bind(unitID)
            statement.bind(ordinal + offset)
            statement.bind(item.values)
            try statement.run(db)
            if let check = item.check { benchmarks.count(check) }
            try insertCitations(item.citations, unitID: unitID, db)
            listItems += 1
        }
    }

    /// The statement inserting an item into `list_item_row`: each text column of ``ListColumn``
    /// as its place in the unit's text (or, when it is not there, its value).
    static let insertListItem: String = {
        let columns =
            ["document_id", "unit_id", "ordinal", "item_id"]
            + ListColumn.keys.flatMap { [$0, "\($0)_at", "\($0)_length"] }
            + ["levels", "fields", "benchmark_check", "line"]
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        return "INSERT INTO list_item_row (\(columns.joined(separator: ", "))) VALUES (\(placeholders))"
    }()

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
