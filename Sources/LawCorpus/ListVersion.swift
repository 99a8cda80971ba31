/// One version of one department's list of one kind, as published and filed.
///
/// A version is in force from its publication date (or, if none is given, its version
/// date) until the next version of the same list comes into force.
public struct ListVersion: Sendable {
    /// Path of the corpus file.
    public var file: String
    /// The department that publishes the list.
    public var department: Department
    /// What kind of list it is.
    public var kind: ListKind
    /// The title as published: 乌审旗市场监督管理局轻微违法行为不予处罚事项清单.
    public var title: String
    /// 版本日期: the date the version was adopted.
    public var version: CalendarDate
    /// 公示日期: when it was published.
    public var published: CalendarDate?
    /// 备案日期: when it was filed with the justice bureau.
    public var filed: CalendarDate?
    /// Where it was published.
    public var publishedAt: String?
    /// Whether this is real published data or a sample authored for demonstration.
    public var status: ListStatus
    /// Whether the list may be shown to the public.
    public var isPublic: Bool
    /// A note on the whole list.
    public var note: String?
    /// The items, in published order; empty when ``itemsAreDeferred``.
    public var items: [ListItem]
    /// Whether the items were left in the file, to be read a part at a time
    /// (``CorpusLoader/load(deferringItems:)``, ``ListItemSource``).
    public internal(set) var itemsAreDeferred = false
    /// The day after the last day this version is in force: the next version's start; set by the loader.
    public var inForceUntil: CalendarDate?

    /// First day in force: the publication date, or the version date when none is given.
    public var inForceFrom: CalendarDate { published ?? version }

    /// Whether the version is in force on `date`.
    public func isInForce(on date: CalendarDate) -> Bool {
        inForceFrom <= date && (inForceUntil.map { date < $0 } ?? true)
    }

    /// Creates a list version.
    public init(
        file: String, department: Department, kind: ListKind, title: String, version: CalendarDate,
        published: CalendarDate? = nil, filed: CalendarDate? = nil, publishedAt: String? = nil,
        status: ListStatus = .official, isPublic: Bool = true, note: String? = nil,
        items: [ListItem] = [], inForceUntil: CalendarDate? = nil
    ) {
        self.file = file
        self.department = department
        self.kind = kind
        self.title = title
        self.version = version
        self.published = published
        self.filed = filed
        self.publishedAt = publishedAt
        self.status = status
        self.isPublic = isPublic
        self.note = note
        self.items = items
        self.inForceUntil = inForceUntil
    }
}

/// Whether a list is real published data or a demonstration sample (shown as 示例).
public enum ListStatus: String, Codable, Sendable, CaseIterable, CustomStringConvertible {
    /// Published by the department.
    case official
    /// Authored for demonstration; every display labels it 示例.
    case sample

    /// The code, as JSON writes the status: `official`, `sample`.
    public var description: String { rawValue }

    /// The Chinese name people read and may type: 正式, 示例.
    public var chineseName: String {
        switch self {
        case .official: "正式"
        case .sample: "示例"
        }
    }

    /// The status called `name`: its code (`official`, `sample`, any case) or its Chinese
    /// name (正式, 示例); `nil` for anything else.
    public static func resolve(_ name: String) -> ListStatus? {
        let key = String(name.filter { !$0.isWhitespace }).lowercased()
        return allCases.first { $0.rawValue == key || $0.chineseName == key }
    }

    /// The status of a comparison of two versions: sample when either of them is.
    public static func combined(_ first: ListStatus, _ second: ListStatus) -> ListStatus {
        first == .sample || second == .sample ? .sample : .official
    }
}

/// One item of a list: a conduct and how it is treated, with its legal basis.
///
/// Its text columns (违法行为, 法律依据 …) are held by ``ListColumn``: `item[.basis]`. The
/// named properties (`basis`, `conduct` …) read and write the same values.
public struct ListItem: ListColumnValues, Sendable, Equatable {
    /// The label of `name`: 事项名称.
    public static let nameLabel = "事项名称"

    /// Stable id, kept by the same item across versions: SCJG-BYCF-001.
    public var id: String
    /// 事项名称.
    public var name: String
    /// The text columns that have a value.
    public var columns: ColumnValues<ListColumn>
    /// Discretion levels of a benchmark item (轻微/一般/较重/严重).
    public var levels: [BenchmarkLevel]
    /// Other columns, by the department's own column names, in order.
    public var fields: [ListField]
    /// Articles cited anywhere in the item.
    public var citations: [Citation]
    /// Line of the item in its file.
    public var line: Int

    /// Creates an item with the given column values.
    public init(
        id: String, name: String, columns: ColumnValues<ListColumn>, levels: [BenchmarkLevel] = [],
        fields: [ListField] = [], citations: [Citation] = [], line: Int = 0
    ) {
        self.id = id
        self.name = name
        self.columns = columns
        self.levels = levels
        self.fields = fields
        self.citations = citations
        self.line = line
    }

    /// Creates an item, naming its columns.
    public init(
        id: String, name: String, conduct: String? = nil, basis: String? = nil,
        penaltyBasis: String? = nil, conditions: String? = nil, measure: String? = nil,
        note: String? = nil, levels: [BenchmarkLevel] = [], fields: [ListField] = [],
        citations: [Citation] = [], line: Int = 0
    ) {
        let columns = ColumnValues<ListColumn>([
            .conduct: conduct, .basis: basis, .penaltyBasis: penaltyBasis, .conditions: conditions,
            .measure: measure, .note: note,
        ])
        self.init(id: id, name: name, columns: columns, levels: levels, fields: fields, citations: citations, line: line)
    }
}

/// A column of a list item that has no dedicated field (监管对象, 开具单位 …).
public struct ListField: Codable, Sendable, Equatable {
    /// The column name as the department writes it.
    public var name: String
    /// Its value.
    public var value: String

    /// Creates a field.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// One discretion level of a benchmark item.
///
/// Its parts (适用情形, 处罚标准) are held by ``LevelColumn``: `level[.penalty]`; the named
/// properties read and write the same values. Its JSON has `level`, each part with a value
/// under its key, and `amounts`.
public struct BenchmarkLevel: Codable, Sendable, Equatable {
    /// The label of `level`: 裁量阶次.
    public static let levelLabel = "裁量阶次"
    /// The label of `amounts`: 罚款幅度.
    public static let amountsLabel = "罚款幅度"

    /// 裁量阶次 as written: 轻微, 一般, 较重, 严重.
    public var level: String
    /// The parts that have a value.
    public var columns: ColumnValues<LevelColumn>
    /// Money and multiple ranges read from the 处罚标准.
    public var amounts: [AmountRange]

    /// The value of `column`.
    public subscript(column: LevelColumn) -> String? {
        get { columns[column] }
        set { columns[column] = newValue }
    }

    /// 适用情形: when this level applies.
    public var circumstances: String? {
        get { self[.circumstances] }
        set { self[.circumstances] = newValue }
    }
    /// 处罚标准 as written.
    public var penalty: String? {
        get { self[.penalty] }
        set { self[.penalty] = newValue }
    }

    /// Creates a level with the given parts; `amounts` default to those read from the 处罚标准.
    public init(level: String, columns: ColumnValues<LevelColumn>, amounts: [AmountRange]? = nil) {
        self.level = level
        self.columns = columns
        self.amounts = amounts ?? columns[.penalty].map(AmountRange.ranges(in:)) ?? []
    }

    /// Creates a level, naming its parts; `amounts` default to those read from `penalty`.
    public init(level: String, circumstances: String? = nil, penalty: String? = nil, amounts: [AmountRange]? = nil) {
        self.init(level: level, columns: ColumnValues([.circumstances: circumstances, .penalty: penalty]), amounts: amounts)
    }

    private static let levelKey: ColumnCodingKey = "level"
    private static let amountsKey: ColumnCodingKey = "amounts"

    /// Reads `level`, the parts under their keys and `amounts`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: ColumnCodingKey.self)
        level = try container.decode(String.self, forKey: Self.levelKey)
        columns = try ColumnValues(from: container)
        amounts = try container.decode([AmountRange].self, forKey: Self.amountsKey)
    }

    /// Writes `level`, the parts with a value under their keys, then `amounts`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: ColumnCodingKey.self)
        try container.encode(level, forKey: Self.levelKey)
        try columns.encode(into: &container)
        try container.encode(amounts, forKey: Self.amountsKey)
    }
}
