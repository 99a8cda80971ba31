/// What a column of a department's table holds, and so where its cells go in the list file.
public enum ColumnRole: Sendable, Hashable, CustomStringConvertible {
    /// 序号: not written, but tells items from category rows and continuation rows.
    case order
    /// 编号 / 事项编码: the item's id.
    case id
    /// 事项名称 and its equivalents: the item's `name`.
    case name
    /// 违法行为: `conduct`.
    case conduct
    /// 法律依据 / 设定依据 / 依据: `basis`.
    case basis
    /// 处罚依据 beside a separate 违法依据 or 法律依据 column: `penalty_basis`.
    case penaltyBasis
    /// 适用条件 / 不予处罚的情形 / 情节: `conditions`.
    case conditions
    /// 处理方式 / 处罚措施: `measure`.
    case measure
    /// 裁量阶次 / 违法程度: a level's `level`.
    case level
    /// 适用情形 beside 裁量阶次: a level's `circumstances`.
    case circumstances
    /// 处罚标准 / 裁量标准: a level's `penalty`.
    case penalty
    /// 备注: `note`.
    case note
    /// Any other column, kept under `fields` by its own header.
    case field(String)

    /// The key the value is written under: `basis`, `levels[].penalty`, `fields.监管对象`.
    public var description: String {
        switch self {
        case .order: return "(序号, not written)"
        case .id: return "id"
        case .name: return "name"
        case .conduct: return "conduct"
        case .basis: return "basis"
        case .penaltyBasis: return "penalty_basis"
        case .conditions: return "conditions"
        case .measure: return "measure"
        case .level: return "levels[].level"
        case .circumstances: return "levels[].circumstances"
        case .penalty: return "levels[].penalty"
        case .note: return "note"
        case .field(let name): return "fields.\(name)"
        }
    }

    /// Whether the value belongs to a discretion level rather than to the item.
    public var isLevelColumn: Bool {
        switch self {
        case .level, .circumstances, .penalty: return true
        default: return false
        }
    }
}

/// The header names departments use, and what each may mean.
enum HeaderVocabulary {
    /// What a header may mean before the other headers of the table are known.
    enum Meaning: Equatable {
        case order, id, conduct, basis, conditions, measure, level, penalty, note
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
        add(.name(rank: 1), ["事项名称", "违法行为名称", "证明名称", "证明事项名称", "监管事项名称", "执法事项名称",
                             "行政处罚事项名称", "处罚事项名称", "权力事项名称", "职权名称", "项目名称",
                             "重大执法决定事项", "决定事项", "强制措施事项", "追责事项", "免责事项"])
        add(.name(rank: 2), ["监管事项", "证明事项", "执法事项", "事项", "名称", "追责情形", "免责情形", "违法事项"])
        add(.nameOrConditions, ["情形"])
        add(.nameOrField, ["决定类型"])
        add(.conduct, ["违法行为", "违法行为表现", "具体违法行为", "违法行为描述", "违法行为内容", "违法行为情形",
                       "主要违法行为", "违法表现"])
        add(.basis, ["法律依据", "设定依据", "实施依据", "依据", "法律法规依据", "法定依据", "法规依据", "政策依据",
                     "执法依据", "职权依据", "不予处罚依据", "从轻处罚依据", "减轻处罚依据", "免予强制依据", "追责依据",
                     "免责依据", "法律条款"])
        add(.violationBasis, ["违法依据", "违反条款", "违法条款", "违反的法律规定"])
        add(.penaltyBasis, ["处罚依据", "处罚条款", "罚则", "罚则依据"])
        add(.conditions, ["适用条件", "适用情形", "不予处罚的情形", "不予处罚情形", "不予处罚条件", "从轻处罚情形",
                          "从轻处罚的情形", "减轻处罚情形", "减轻处罚的情形", "免予强制情形", "免予行政强制情形",
                          "情节", "条件", "具体情形", "裁量情形", "违法情节", "适用范围", "具体情节"])
        add(.measure, ["处理方式", "处罚措施", "处理措施", "处置方式", "处理结果", "处罚结果", "责任追究方式",
                       "追责方式", "处理意见", "执法方式"])
        add(.level, ["裁量阶次", "违法程度", "情节程度", "裁量等次", "裁量档次", "阶次", "裁量等级", "违法情节程度",
                     "裁量幅度档次"])
        add(.penalty, ["处罚标准", "裁量标准", "处罚幅度", "裁量基准", "罚款幅度", "处罚裁量标准", "具体裁量标准",
                       "裁量幅度", "处罚种类和幅度"])
        add(.note, ["备注", "说明"])
        return table
    }()

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
