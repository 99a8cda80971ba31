import GRDB
import LawCorpus

/// Which version pairs `changes` compares.
public struct ChangesRequest: Equatable, Sendable {
    /// Only lists of this kind.
    public var kind: ListKind?
    /// Only lists of this department.
    public var department: String?
    /// Only versions that came into force after this day (YYYY-MM-DD).
    public var since: String?
    /// Compare the version current on this version date …
    public var from: String?
    /// … with the version current on this one.
    public var to: String?

    /// Creates a request; with neither `since` nor `from`/`to`, every successive pair of versions is compared.
    public init(
        kind: ListKind? = nil, department: String? = nil, since: String? = nil, from: String? = nil,
        to: String? = nil
    ) {
        self.kind = kind
        self.department = department
        self.since = since
        self.from = from
        self.to = to
    }

    /// Creates a request from parameters as a client wrote them, `kindName` any name or alias
    /// of a kind of list (免罚清单, 裁量基准 …). Checks the days, then the kind, naming the first
    /// parameter that is wrong.
    public init(
        kindName: String?, department: String? = nil, since: String? = nil, from: String? = nil,
        to: String? = nil
    ) throws(QueryError) {
        self.init(department: department, since: since, from: from, to: to)
        _ = try days()
        kind = try kindName.map(LawQueries.listKind)
    }

    /// The days of the request, checked: each a date, and `since` or `from` with `to`.
    func days() throws(QueryError) -> (since: CalendarDate?, from: CalendarDate?, to: CalendarDate?) {
        let since = try since.map { text throws(QueryError) in try LawQueries.date(text, parameter: "since") }
        let from = try from.map { text throws(QueryError) in try LawQueries.date(text, parameter: "from") }
        let to = try to.map { text throws(QueryError) in try LawQueries.date(text, parameter: "to") }
        if since != nil && (from != nil || to != nil) {
            throw .invalidParameter(name: "since", message: "since 与 from/to 只能选用其一")
        }
        if (from == nil) != (to == nil) {
            throw .invalidParameter(name: from == nil ? "from" : "to", message: "from 和 to 须同时给出")
        }
        return (since, from, to)
    }
}

extension LawQueries {
    /// For each list whose version changed, the items added, removed and changed.
    public func changes(_ request: ChangesRequest) throws(QueryError) -> [ListChange] {
        let (since, from, to) = try request.days()
        return try read { db in
            var sql = """
                SELECT document.*, department.name AS department FROM document
                JOIN department ON department.id = document.department_id
                WHERE document.kind = ? AND \(visibleDocuments)
                """
            var arguments: StatementArguments = [DocumentKind.list]
            if let kind = request.kind {
                sql += " AND document.list_kind = ?"
                _ = arguments.append(contentsOf: [kind])
            }
            if let department = request.department {
                sql += " AND document.department_id = ?"
                _ = arguments.append(contentsOf: [try departmentID(named: department, db)])
            }
            sql += " ORDER BY department.id, document.list_kind, document.in_force_from"
            let rows = try Row.fetchAll(db, sql: sql, arguments: arguments)
            var changes: [ListChange] = []
            for group in Self.groupByList(rows) {
                for (older, newer) in Self.pairs(group, since: since, from: from, to: to) {
                    changes.append(ChangeDetector.compare(try listRecord(older, db), try listRecord(newer, db)))
                }
            }
            return changes
        }
    }

    private static func groupByList(_ rows: [Row]) -> [[Row]] {
        var groups: [[Row]] = []
        var key: (Int64, String)?
        for row in rows {
            let rowKey: (Int64, String) = (row["department_id"], row["list_kind"])
            if let key, key == rowKey {
                groups[groups.count - 1].append(row)
            } else {
                groups.append([row])
            }
            key = rowKey
        }
        return groups
    }

    private static func pairs(_ versions: [Row], since: CalendarDate?, from: CalendarDate?, to: CalendarDate?)
        -> [(Row, Row)]
    {
        if let from, let to {
            func current(on day: CalendarDate) -> Row? {
                versions.last { ($0["version"] as String) <= day.description }
            }
            guard let older = current(on: from), let newer = current(on: to),
                (older["id"] as Int64) != (newer["id"] as Int64)
            else { return [] }
            return [(older, newer)]
        }
        return zip(versions, versions.dropFirst()).filter { _, newer in
            since.map { (newer["in_force_from"] as String) > $0.description } ?? true
        }
    }
}

/// Compares two versions of one list item by item, field by field.
enum ChangeDetector {
    static func compare(_ older: ListRecord, _ newer: ListRecord) -> ListChange {
        let before = Dictionary(older.items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(newer.items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let added = newer.items.filter { before[$0.id] == nil }.map { ItemSummary(id: $0.id, name: $0.name) }
        let removed = older.items.filter { after[$0.id] == nil }.map { ItemSummary(id: $0.id, name: $0.name) }
        let changed = newer.items.compactMap { item -> ItemChange? in
            guard let old = before[item.id] else { return nil }
            let fields = differences(old, item)
            return fields.isEmpty ? nil : ItemChange(id: item.id, name: item.name, fields: fields)
        }
        let status = ListStatus.combined(older.status, newer.status)
        return ListChange(
            department: newer.department, kind: newer.kind, from: older.version, to: newer.version,
            status: status, added: added, removed: removed, changed: changed)
    }

    static func differences(_ old: ListItemRecord, _ new: ListItemRecord) -> [FieldChange] {
        var changes: [FieldChange] = []
        func compare(_ field: String, _ before: String?, _ after: String?) {
            if before != after { changes.append(FieldChange(field: field, before: before, after: after)) }
        }
        compare("name", old.name, new.name)
        for column in ListColumn.allCases { compare(column.key, old[column], new[column]) }
        for name in orderedUnion(old.fields.map(\.name), new.fields.map(\.name)) {
            compare(
                "fields.\(name)", old.fields.first { $0.name == name }?.value,
                new.fields.first { $0.name == name }?.value)
        }
        for level in orderedUnion(old.levels.map(\.level), new.levels.map(\.level)) {
            let before = old.levels.first { $0.level == level }
            let after = new.levels.first { $0.level == level }
            guard let before, let after else {
                compare("levels.\(level)", before.map(summary), after.map(summary))
                continue
            }
            for part in LevelColumn.allCases {
                compare("levels.\(level).\(part.key)", before[part], after[part])
            }
            compare("levels.\(level).amounts", amounts(before), amounts(after))
        }
        return changes
    }

    /// A level's parts in one line, for a level added or removed as a whole.
    private static func summary(_ level: BenchmarkLevel) -> String {
        level.columns.filled.map(\.value).joined(separator: "；")
    }

    private static func amounts(_ level: BenchmarkLevel) -> String? {
        level.amounts.isEmpty ? nil : level.amounts.map(\.description).joined(separator: "; ")
    }

    private static func orderedUnion(_ first: [String], _ second: [String]) -> [String] {
        var seen = Set<String>()
        return (first + second).filter { seen.insert($0).inserted }
    }
}
