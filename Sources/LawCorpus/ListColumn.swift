/// A text column of a list: one of an item's columns (违法行为, 法律依据 …) or one part of a
/// benchmark level (适用情形, 处罚标准).
///
/// The column's definition is the one place that says how it is called in the corpus files,
/// the index and the JSON (`key`), how people call it (`label`), whether its text cites
/// articles, and whether it is searched. The parser, the importer's YAML writer, the index,
/// change detection, the printers, the pages and the API schema all iterate `allCases`, so a
/// new column is one new case with its definition.
public protocol TextColumn: CaseIterable, Hashable, Sendable, CustomStringConvertible where AllCases == [Self] {
    /// The key in the corpus's YAML, the index's column and the JSON: `penalty_basis`.
    var key: String { get }
    /// The name departments give the column: 处罚依据.
    var label: String { get }
    /// Whether the text cites articles (《…》第…条) that are read as citations.
    var holdsCitations: Bool { get }
    /// Whether the text is part of what a search matches and snippets show.
    var isSearchable: Bool { get }
}

extension TextColumn {
    /// The column with JSON and YAML key `key`, if any.
    public init?(key: String) {
        guard let column = Self.allCases.first(where: { $0.key == key }) else { return nil }
        self = column
    }

    /// The keys of all columns, in file order.
    public static var keys: [String] { allCases.map(\.key) }

    /// The key.
    public var description: String { key }
}

/// A column of a list item besides its id and name, in the order the corpus files write them.
public enum ListColumn: String, TextColumn {
    /// 违法行为: the unlawful conduct.
    case conduct
    /// 法律依据 / 设定依据: the provisions the item rests on.
    case basis
    /// 处罚依据 of a benchmark item: the provision setting the penalty.
    case penaltyBasis = "penalty_basis"
    /// 适用情形 / 条件: when the item applies.
    case conditions
    /// 处理方式: how the conduct is treated.
    case measure
    /// 备注: a remark.
    case note

    /// What is known of a column.
    public struct Definition: Sendable {
        /// The name departments give the column.
        public var label: String
        /// Whether its text cites articles.
        public var holdsCitations: Bool
        /// Whether it is searched.
        public var isSearchable: Bool
        /// Whether it is a remark, shown after the department's own columns and the levels.
        public var isRemark: Bool
        /// Whether, in a published table, its cells tell one item from another, so that a row
        /// repeating them (or leaving them blank) continues the item above.
        public var identifiesItem: Bool
        /// The headers departments give the column in their tables, besides `label`.
        public var headers: [String]

        init(
            label: String, holdsCitations: Bool = false, isSearchable: Bool = true, isRemark: Bool = false,
            identifiesItem: Bool = false, headers: [String]
        ) {
            self.label = label
            self.holdsCitations = holdsCitations
            self.isSearchable = isSearchable
            self.isRemark = isRemark
            self.identifiesItem = identifiesItem
            self.headers = headers
        }
    }

    /// The column's definition.
    public var definition: Definition { Self.definitions[self] ?? Self.define(self) }

    /// The definitions, made once.
    private static let definitions = Dictionary(uniqueKeysWithValues: allCases.map { ($0, define($0)) })

    /// The definition of `column`: the one entry to write for a new column.
    private static func define(_ column: ListColumn) -> Definition {
        switch column {
        case .conduct:
            Definition(
                label: "违法行为", identifiesItem: true,
                headers: [
                    "违法行为表现", "具体违法行为", "违法行为描述", "违法行为内容", "违法行为情形",
                    "主要违法行为", "违法表现",
                ])
        case .basis:
            Definition(
                label: "法律依据", holdsCitations: true, identifiesItem: true,
                headers: [
                    "设定依据", "实施依据", "依据", "法律法规依据", "法定依据", "法规依据", "政策依据",
                    "执法依据", "职权依据", "不予处罚依据", "从轻处罚依据", "减轻处罚依据", "免予强制依据",
                    "追责依据", "免责依据", "法律条款",
                ])
        case .penaltyBasis:
            Definition(
                label: "处罚依据", holdsCitations: true, identifiesItem: true,
                headers: ["处罚条款", "罚则", "罚则依据"])
        case .conditions:
            Definition(
                label: "适用情形", holdsCitations: true,
                headers: [
                    "适用条件", "不予处罚的情形", "不予处罚情形", "不予处罚条件", "从轻处罚情形",
                    "从轻处罚的情形", "减轻处罚情形", "减轻处罚的情形", "免予强制情形", "免予行政强制情形",
                    "情节", "条件", "具体情形", "裁量情形", "违法情节", "适用范围", "具体情节",
                ])
        case .measure:
            Definition(
                label: "处理方式", holdsCitations: true,
                headers: [
                    "处罚措施", "处理措施", "处置方式", "处理结果", "处罚结果", "责任追究方式", "追责方式",
                    "处理意见", "执法方式",
                ])
        case .note:
            Definition(label: "备注", isRemark: true, headers: ["说明"])
        }
    }

    public var key: String { rawValue }
    public var label: String { definition.label }
    public var holdsCitations: Bool { definition.holdsCitations }
    public var isSearchable: Bool { definition.isSearchable }
    /// Whether it is a remark, shown after the department's own columns and the levels (备注).
    public var isRemark: Bool { definition.isRemark }
    /// Whether a published table's cells in this column tell one item from another.
    public var identifiesItem: Bool { definition.identifiesItem }
    /// The headers departments give the column: its label first, then the other names.
    public var headers: [String] { [label] + definition.headers }

    /// The columns shown before the department's own columns and the levels, in order.
    public static let body = allCases.filter { !$0.isRemark }
    /// The remarks, shown after the department's own columns and the levels.
    public static let remarks = allCases.filter(\.isRemark)
}

/// A part of a benchmark level besides its name (裁量阶次), in the order the corpus files write them.
public enum LevelColumn: String, TextColumn {
    /// 适用情形: when the level applies.
    case circumstances
    /// 处罚标准: the penalty at this level, as written; its money ranges are read into `amounts`.
    case penalty

    /// What is known of a part.
    public struct Definition: Sendable {
        /// The name departments give the part.
        public var label: String
        /// Whether its text cites articles.
        public var holdsCitations: Bool
        /// Whether it is searched.
        public var isSearchable: Bool
        /// The headers departments give the part in their tables, besides `label`.
        public var headers: [String]

        init(label: String, holdsCitations: Bool = true, isSearchable: Bool = true, headers: [String]) {
            self.label = label
            self.holdsCitations = holdsCitations
            self.isSearchable = isSearchable
            self.headers = headers
        }
    }

    /// The part's definition.
    public var definition: Definition { Self.definitions[self] ?? Self.define(self) }

    /// The definitions, made once.
    private static let definitions = Dictionary(uniqueKeysWithValues: allCases.map { ($0, define($0)) })

    /// The definition of `part`: the one entry to write for a new part.
    private static func define(_ part: LevelColumn) -> Definition {
        switch part {
        case .circumstances:
            // Tables head it like an item's conditions; the importer takes the conditions column
            // nearest the 裁量阶次 column.
            Definition(label: "适用情形", headers: [])
        case .penalty:
            Definition(
                label: "处罚标准",
                headers: [
                    "裁量标准", "处罚幅度", "裁量基准", "罚款幅度", "处罚裁量标准", "具体裁量标准",
                    "裁量幅度", "处罚种类和幅度",
                ])
        }
    }

    public var key: String { rawValue }
    public var label: String { definition.label }
    public var holdsCitations: Bool { definition.holdsCitations }
    public var isSearchable: Bool { definition.isSearchable }
    /// The headers departments give the part: its label first, then the other names.
    public var headers: [String] { [label] + definition.headers }
}

/// The values of a row's text columns, by column; a column without a value has none (not "").
public struct ColumnValues<Column: TextColumn>: Sendable, Equatable {
    private var values: [Column: String]

    /// No values.
    public init() {
        values = [:]
    }

    /// The given values; `nil` ones are left out.
    public init(_ values: [Column: String?]) {
        self.values = values.compactMapValues { $0 }
    }

    /// The value of `column`; setting `nil` removes it.
    public subscript(column: Column) -> String? {
        get { values[column] }
        set { values[column] = newValue }
    }

    /// The columns that have a value, in column order.
    public var filled: [(column: Column, value: String)] {
        Column.allCases.compactMap { column in values[column].map { (column, $0) } }
    }

    /// Whether no column has a value.
    public var isEmpty: Bool { values.isEmpty }

    /// Reads each column under its key from `container`; absent and `null` keys give no value.
    public init(from container: KeyedDecodingContainer<ColumnCodingKey>) throws {
        values = [:]
        for column in Column.allCases {
            values[column] = try container.decodeIfPresent(String.self, forKey: ColumnCodingKey(column.key))
        }
    }

    /// Reads the columns from the keyed container of `decoder`, beside whatever else it holds
    /// (a database row, an object with other keys).
    public init(flattenedFrom decoder: any Decoder) throws {
        try self.init(from: decoder.container(keyedBy: ColumnCodingKey.self))
    }

    /// Writes each value under its column's key, in column order; columns without a value are left out.
    public func encode(into container: inout KeyedEncodingContainer<ColumnCodingKey>) throws {
        for (column, value) in filled {
            try container.encode(value, forKey: ColumnCodingKey(column.key))
        }
    }
}

/// A JSON key given by name: the keys of types whose columns come from ``TextColumn`` definitions.
public struct ColumnCodingKey: CodingKey, Hashable, Sendable, ExpressibleByStringLiteral {
    public var stringValue: String
    public var intValue: Int? { nil }

    /// The key `name`.
    public init(_ name: String) {
        stringValue = name
    }

    public init(stringValue: String) {
        self.init(stringValue)
    }

    public init?(intValue: Int) {
        nil
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }
}

/// A value that holds a list item's columns (the corpus's `ListItem`, the answers'
/// `ListItemRecord`): reading and writing them by column, and by the names code uses.
public protocol ListColumnValues {
    /// The values, by column.
    var columns: ColumnValues<ListColumn> { get set }
}

extension ListColumnValues {
    /// The value of `column`.
    public subscript(column: ListColumn) -> String? {
        get { columns[column] }
        set { columns[column] = newValue }
    }

    /// 违法行为.
    public var conduct: String? {
        get { self[.conduct] }
        set { self[.conduct] = newValue }
    }
    /// 法律依据 / 设定依据, as written.
    public var basis: String? {
        get { self[.basis] }
        set { self[.basis] = newValue }
    }
    /// 处罚依据 of a benchmark item.
    public var penaltyBasis: String? {
        get { self[.penaltyBasis] }
        set { self[.penaltyBasis] = newValue }
    }
    /// 适用情形 / 条件.
    public var conditions: String? {
        get { self[.conditions] }
        set { self[.conditions] = newValue }
    }
    /// 处理方式.
    public var measure: String? {
        get { self[.measure] }
        set { self[.measure] = newValue }
    }
    /// 备注.
    public var note: String? {
        get { self[.note] }
        set { self[.note] = newValue }
    }
}
