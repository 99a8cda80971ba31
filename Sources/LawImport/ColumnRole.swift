import LawCorpus

/// What a column of a department's table holds, and so where its cells go in the list file.
public enum ColumnRole: Sendable, Hashable, CustomStringConvertible {
    /// 序号: not written, but tells items from category rows and continuation rows.
    case order
    /// 编号 / 事项编码: the item's id.
    case id
    /// 事项名称 and its equivalents: the item's `name`.
    case name
    /// One of the item's text columns (违法行为 → `conduct`, 法律依据 → `basis` …).
    case item(ListColumn)
    /// 裁量阶次 / 违法程度: a level's `level`.
    case level
    /// A part of a level (适用情形 beside 裁量阶次 → `circumstances`, 处罚标准 → `penalty`).
    case levelPart(LevelColumn)
    /// Any other column, kept under `fields` by its own header.
    case field(String)

    /// 违法行为: `conduct`.
    public static let conduct = ColumnRole.item(.conduct)
    /// 法律依据 / 设定依据 / 依据: `basis`.
    public static let basis = ColumnRole.item(.basis)
    /// 处罚依据 beside a separate 违法依据 or 法律依据 column: `penalty_basis`.
    public static let penaltyBasis = ColumnRole.item(.penaltyBasis)
    /// 适用条件 / 不予处罚的情形 / 情节: `conditions`.
    public static let conditions = ColumnRole.item(.conditions)
    /// 处理方式 / 处罚措施: `measure`.
    public static let measure = ColumnRole.item(.measure)
    /// 备注: `note`.
    public static let note = ColumnRole.item(.note)
    /// 适用情形 beside 裁量阶次: a level's `circumstances`.
    public static let circumstances = ColumnRole.levelPart(.circumstances)
    /// 处罚标准 / 裁量标准: a level's `penalty`.
    public static let penalty = ColumnRole.levelPart(.penalty)

    /// The key the value is written under: `basis`, `levels[].penalty`, `fields.监管对象`.
    public var description: String {
        switch self {
        case .order: return "(序号, not written)"
        case .id: return "id"
        case .name: return "name"
        case .item(let column): return column.key
        case .level: return "levels[].level"
        case .levelPart(let part): return "levels[].\(part.key)"
        case .field(let name): return "fields.\(name)"
        }
    }

    /// Whether the value belongs to a discretion level rather than to the item.
    public var isLevelColumn: Bool {
        switch self {
        case .level, .levelPart: return true
        default: return false
        }
    }

    /// Whether the cells cite articles, read as citations once written to the list file.
    public var holdsCitations: Bool {
        switch self {
        case .item(let column): return column.holdsCitations
        case .levelPart(let part): return part.holdsCitations
        default: return false
        }
    }
}

/// The header names departments use, and what each may mean.
enum HeaderVocabulary {
    /// What a header may mean before the other headers of the table are known.
    enum Meaning: Equatable {
        case order, id, conduct, basis, conditions, level, penalty
        /// A column of the item with no rule of its own (处理方式, 备注 …): always that column.
        case column(ListColumn)
        /// An item name; lower ranks win when several columns could be the name.
        case name(rank: Int)
        /// 处罚依据: the penalty basis beside a 违法依据 column, else the basis.
        case penaltyBasis
        /// 违法依据: the basis that makes a 处罚依据 column the penalty basis.
        case violationBasis
        /// 情形: the name when nothing names the item better, else the conditions.
        case nameOrConditions
        /// 决定类型: the name when nothing names the item better, else a field.
        case nameOrField
    }

    static let exact: [String: Meaning] = {
        var table: [String: Meaning] = [:]
        func add(_ meaning: Meaning, _ names: [String]) {
            for name in names { table[CellText.headerKey(name)] = meaning }
        }
        add(.order, ["序号", "顺序号", "排序", "No.", "No"])
        add(.id, ["编号", "事项编码", "事项编号", "编码", "清单编号", "事项代码", "ID"])
        add(
            .name(rank: 1),
            [
                "事项名称", "违法行为名称", "证明名称", "证明事项名称", "监管事项名称", "执法事项名称",
                "行政处罚事项名称", "处罚事项名称", "权力事项名称", "职权名称", "项目名称",
                "重大执法决定事项", "决定事项", "强制措施事项", "追责事项", "免责事项",
            ])
        add(.name(rank: 2), ["监管事项", "证明事项", "执法事项", "事项", "名称", "追责情形", "免责情形", "违法事项"])
        add(.nameOrConditions, ["情形"])
        add(.nameOrField, ["决定类型"])
        // The item's text columns and the levels' parts are headed as their definitions say.
        for column in ListColumn.allCases { add(HeaderVocabulary.meaning(ofHeadersOf: column), column.headers) }
        for part in LevelColumn.allCases {
            if let meaning = HeaderVocabulary.meaning(ofHeadersOf: part) { add(meaning, part.headers) }
        }
        add(.violationBasis, ["违法依据", "违反条款", "违法条款", "违反的法律规定"])
        add(
            .level,
            [
                "裁量阶次", "违法程度", "情节程度", "裁量等次", "裁量档次", "阶次", "裁量等级", "违法情节程度",
                "裁量幅度档次",
            ])
        return table
    }()

    /// What the headers of an item's text column mean.
    static func meaning(ofHeadersOf column: ListColumn) -> Meaning {
        switch column {
        case .conduct: return .conduct
        case .basis: return .basis
        case .penaltyBasis: return .penaltyBasis
        case .conditions: return .conditions
        default: return .column(column)
        }
    }

    /// What the headers of a level's part mean; `nil` for 适用情形, which tables head like an
    /// item's conditions (the layout takes the conditions column nearest 裁量阶次).
    static func meaning(ofHeadersOf part: LevelColumn) -> Meaning? {
        switch part {
        case .circumstances: return nil
        case .penalty: return .penalty
        }
    }

    /// The meaning of a header, or `nil` for a column of the department's own.
    static func meaning(of header: String) -> Meaning? {
        let key = CellText.headerKey(header)
        guard !key.isEmpty else { return nil }
        if let meaning = exact[key] { return meaning }
        let bare = CellText.withoutRemark(key)
        if let meaning = exact[bare] { return meaning }
        return nil
    }
}
