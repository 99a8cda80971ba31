import LawCorpus

/// A citation as stored in the index: where an item or passage points.
public struct CitationRecord: Codable, Equatable, Sendable {
    /// Full title of the cited document when it is in the corpus, else `nil`.
    public var document: String?
    /// The version of the document the citation resolved to: the one in force on the citing
    /// list's date (`2022`); `nil` when the document is not in the corpus.
    public var version: String?
    /// Whether that version has the cited article.
    public var resolved: Bool
    /// The name as written (行政处罚法); `nil` for 本法.
    public var name: String?
    /// Article number.
    public var article: Int
    /// Paragraph (款), if named.
    public var paragraph: Int?
    /// Item (项), if named.
    public var item: Int?
    /// The citation as written.
    public var text: String
    /// When the version cited is not the current one: the current version's corresponding
    /// article (or none), so a reader sees what a list citing an older text rests on today.
    public var current: ArticleCounterpart?

    /// Whether the current version reads differently: another number, a changed text, or no
    /// counterpart at all.
    public var currentDiffers: Bool {
        guard let current else { return false }
        return current.change != .unchanged || current.articles != [article]
    }
}

/// One item of a list version, with its legal basis resolved into citations.
///
/// Its text columns are held by ``ListColumn`` (`item[.basis]`), written to JSON each under
/// its key when it has a value; the named properties read and write the same values.
public struct ListItemRecord: ListColumnValues, Codable, Equatable, Sendable {
    /// Stable id across versions.
    public var id: String
    /// 事项名称.
    public var name: String
    /// The text columns that have a value.
    public var columns: ColumnValues<ListColumn>
    /// Discretion levels (benchmarks), with money ranges read from the penalty.
    public var levels: [BenchmarkLevel]
    /// Other columns, by the department's column names.
    public var fields: [ListField]
    /// Articles the item cites.
    public var citations: [CitationRecord]
    /// For a benchmark item, its levels checked against the statute its 处罚依据 cites
    /// (in the version in force on the list's date); `nil` for items without levels.
    public var benchmarkCheck: BenchmarkCheck?

    /// Creates a record with the given column values.
    init(
        id: String, name: String, columns: ColumnValues<ListColumn>, levels: [BenchmarkLevel], fields: [ListField],
        citations: [CitationRecord], benchmarkCheck: BenchmarkCheck?
    ) {
        self.id = id
        self.name = name
        self.columns = columns
        self.levels = levels
        self.fields = fields
        self.citations = citations
        self.benchmarkCheck = benchmarkCheck
    }

    /// Creates a record, naming its columns.
    init(
        id: String, name: String, conduct: String?, basis: String?, penaltyBasis: String?, conditions: String?,
        measure: String?, note: String?, levels: [BenchmarkLevel], fields: [ListField], citations: [CitationRecord],
        benchmarkCheck: BenchmarkCheck?
    ) {
        let columns = ColumnValues<ListColumn>([
            .conduct: conduct, .basis: basis, .penaltyBasis: penaltyBasis, .conditions: conditions,
            .measure: measure, .note: note,
        ])
        self.init(
            id: id, name: name, columns: columns, levels: levels, fields: fields, citations: citations,
            benchmarkCheck: benchmarkCheck)
    }

    private enum Key {
        static let id: ColumnCodingKey = "id"
        static let name: ColumnCodingKey = "name"
        static let levels: ColumnCodingKey = "levels"
        static let fields: ColumnCodingKey = "fields"
        static let citations: ColumnCodingKey = "citations"
        static let benchmarkCheck: ColumnCodingKey = "benchmark_check"
    }

    /// Reads a record: `id`, `name`, each column under its key, `levels`, `fields`,
    /// `citations` and `benchmark_check`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: ColumnCodingKey.self)
        id = try container.decode(String.self, forKey: Key.id)
        name = try container.decode(String.self, forKey: Key.name)
        columns = try ColumnValues(from: container)
        levels = try container.decode([BenchmarkLevel].self, forKey: Key.levels)
        fields = try container.decode([ListField].self, forKey: Key.fields)
        citations = try container.decode([CitationRecord].self, forKey: Key.citations)
        benchmarkCheck = try container.decodeIfPresent(BenchmarkCheck.self, forKey: Key.benchmarkCheck)
    }

    /// Writes the record; columns without a value and a missing check are left out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: ColumnCodingKey.self)
        try container.encode(id, forKey: Key.id)
        try container.encode(name, forKey: Key.name)
        try columns.encode(into: &container)
        try container.encode(levels, forKey: Key.levels)
        try container.encode(fields, forKey: Key.fields)
        try container.encodeIfPresent(benchmarkCheck, forKey: Key.benchmarkCheck)
        try container.encode(citations, forKey: Key.citations)
    }
}

/// A list version with its items: the answer to `lawkb list` and `/api/lists/{department}/{kind}`.
public struct ListRecord: Codable, Equatable, Sendable {
    /// Official name of the department.
    public var department: String
    /// Kind of list (its canonical name in JSON).
    public var kind: ListKind
    /// Title as published.
    public var title: String
    /// Version date.
    public var version: String
    /// Publication date.
    public var published: String?
    /// Filing date.
    public var filed: String?
    /// Where it was published.
    public var publishedAt: String?
    /// `sample` (shown as 示例) or `official`.
    public var status: ListStatus
    /// First day in force.
    public var inForceFrom: String
    /// Day the next version replaced it (exclusive), if any.
    public var inForceUntil: String?
    /// A note on the whole list.
    public var note: String?
    /// The items, in published order.
    public var items: [ListItemRecord]

    enum CodingKeys: String, CodingKey {
        case department, kind, title, version, published, filed
        case publishedAt = "published_at"
        case status
        case
            inForceFrom = "in_force_from"
        case inForceUntil = "in_force_until"
        case note, items
    }
}

/// One version of one list, without its items: `lawkb lists`.
public struct ListSummary: Codable, Equatable, Sendable {
    /// Official name of the department.
    public var department: String
    /// Kind of list.
    public var kind: ListKind
    /// Title as published.
    public var title: String
    /// Version date.
    public var version: String
    /// Publication date.
    public var published: String?
    /// Filing date.
    public var filed: String?
    /// `sample` or `official`.
    public var status: ListStatus
    /// Number of items.
    public var items: Int
    /// First day in force.
    public var inForceFrom: String
    /// Day the next version replaced it (exclusive), if any.
    public var inForceUntil: String?
    /// Whether it is in force on the day asked about (today by default).
    public var inForce: Bool

    enum CodingKeys: String, CodingKey {
        case department, kind, title, version, published, filed, status, items
        case
            inForceFrom = "in_force_from"
        case inForceUntil = "in_force_until"
        case inForce = "in_force"
    }
}

/// A department of the registry: `lawkb departments`.
public struct DepartmentSummary: Codable, Equatable, Sendable {
    /// Stable ASCII id.
    public var id: String
    /// Official name.
    public var name: String
    /// Names people use.
    public var shortNames: [String]
    /// 行政执法部门, 苏木镇 …
    public var type: String?
    /// Sector supervised.
    public var sector: String?
    /// Sector laws its lists rest on.
    public var laws: [String]
    /// Number of list versions it has published.
    public var lists: Int

    enum CodingKeys: String, CodingKey {
        case id, name
        case shortNames = "short_names"
        case type, sector, laws, lists
    }
}

/// What changed between two versions of one list.
public struct ListChange: Codable, Equatable, Sendable {
    /// Official name of the department.
    public var department: String
    /// Kind of list.
    public var kind: ListKind
    /// Version date of the older version.
    public var from: String
    /// Version date of the newer version.
    public var to: String
    /// `sample` when either version is sample data (示例), else `official`.
    public var status: ListStatus
    /// Items only in the newer version.
    public var added: [ItemSummary]
    /// Items only in the older version.
    public var removed: [ItemSummary]
    /// Items in both whose fields differ.
    public var changed: [ItemChange]
}

/// An item named by id and name.
public struct ItemSummary: Codable, Equatable, Sendable {
    /// Stable id.
    public var id: String
    /// 事项名称.
    public var name: String
}

/// An item whose fields differ between two versions.
public struct ItemChange: Codable, Equatable, Sendable {
    /// Stable id.
    public var id: String
    /// Name in the newer version.
    public var name: String
    /// The fields that differ.
    public var fields: [FieldChange]
}

/// One field before and after: `basis`, `levels.一般.penalty`, `levels.一般.amounts`, `fields.监管对象` ….
///
/// `field` is the stable path scripts rely on; `label` is its Chinese name for people
/// (`一般 · 处罚标准`), written to JSON too so clients need not translate paths themselves.
public struct FieldChange: Codable, Equatable, Sendable {
    /// Which field.
    public var field: String
    /// Value in the older version; `null` when the field (or level) is new.
    public var before: String?
    /// Value in the newer version; `null` when it was removed.
    public var after: String?

    /// The Chinese name of ``field``, as the lists' columns call it.
    public var label: String { FieldLabel.chinese(field) }

    enum CodingKeys: String, CodingKey {
        case field, before, after, label
    }

    /// Creates a field change.
    public init(field: String, before: String?, after: String?) {
        self.field = field
        self.before = before
        self.after = after
    }

    /// Reads a field change; `label` is derived from `field`, so it is not read.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        field = try container.decode(String.self, forKey: .field)
        before = try container.decodeIfPresent(String.self, forKey: .before)
        after = try container.decodeIfPresent(String.self, forKey: .after)
    }

    /// Writes `before` and `after` even when `null`, so scripts can rely on both keys, and the label.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(field, forKey: .field)
        try container.encode(before, forKey: .before)
        try container.encode(after, forKey: .after)
        try container.encode(label, forKey: .label)
    }
}

/// The Chinese names of list item fields, as departments title their columns.
public enum FieldLabel {
    /// The columns every list item may have, by their JSON name.
    static let columns: [String: String] = Dictionary(
        uniqueKeysWithValues: [("name", ListItem.nameLabel)] + ListColumn.allCases.map { ($0.key, $0.label) })
    /// The parts of a benchmark level.
    static let levelParts: [String: String] = Dictionary(
        uniqueKeysWithValues: LevelColumn.allCases.map { ($0.key, $0.label) } + [("amounts", BenchmarkLevel.amountsLabel)])

    /// The name people read for a field path: `levels.一般.penalty` → `一般 · 处罚标准`,
    /// `levels.较重` → `较重（裁量阶次）`, `fields.监管对象` → `监管对象`, `basis` → `法律依据`.
    /// A path of no known form is returned as it is.
    public static func chinese(_ field: String) -> String {
        if let name = columns[field] { return name }
        if field.hasPrefix("fields.") { return String(field.dropFirst("fields.".count)) }
        guard field.hasPrefix("levels.") else { return field }
        let rest = field.dropFirst("levels.".count)
        if let dot = rest.lastIndex(of: "."), let part = levelParts[String(rest[rest.index(after: dot)...])] {
            return "\(rest[..<dot]) · \(part)"
        }
        return "\(rest)（\(BenchmarkLevel.levelLabel)）"
    }
}

/// Everything that cites one article: `lawkb cited-by`.
public struct CitedByRecord: Codable, Equatable, Sendable {
    /// Full title of the cited law.
    public var document: String
    /// The version of the law whose article this is (`2021`).
    public var version: String?
    /// Article number.
    public var article: Int
    /// Its label: 第三十三条.
    public var label: String
    /// The day for which list versions in force were chosen.
    public var asOf: String
    /// Whether `items` come from every list version citing this version of the law, in force
    /// on `asOf` or not (asked for a version by name, without a day).
    public var everyListVersion: Bool
    /// List items citing it, in versions in force on `asOf` (or in every version, see above).
    public var items: [CitingItem]
    /// Plan passages and law articles citing it.
    public var passages: [CitingPassage]
    /// With a day: how the article asked for (by today's number) led to this one.
    public var reading: AsOfReading?

    enum CodingKeys: String, CodingKey {
        case document, version, article, label
        case asOf = "as_of"
        case everyListVersion = "every_list_version"
        case items, passages, reading
    }
}

/// A list item that cites an article.
public struct CitingItem: Codable, Equatable, Sendable {
    /// Official name of the department.
    public var department: String
    /// Kind of list.
    public var kind: ListKind
    /// Version date of the list version.
    public var version: String
    /// First day that list version was in force.
    public var inForceFrom: String
    /// `sample` or `official`.
    public var status: ListStatus
    /// Item id.
    public var id: String
    /// Item name.
    public var name: String
    /// The citation as written in the item.
    public var citation: String
    /// Paragraph cited, if any.
    public var paragraph: Int?

    enum CodingKeys: String, CodingKey {
        case department, kind, version
        case inForceFrom = "in_force_from"
        case status, id, name, citation, paragraph
    }
}

/// A plan passage or a law article that cites an article.
public struct CitingPassage: Codable, Equatable, Sendable {
    /// `plan` or `regulation`.
    public var kind: DocumentKind
    /// Full title of the citing document.
    public var document: String
    /// Title of the citing unit.
    public var title: String
    /// Its location.
    public var location: String
    /// The citation as written.
    public var citation: String
}
