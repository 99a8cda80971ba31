/// Where a department stands on one obligation on a given day.
public enum ComplianceStatus: String, Codable, Sendable, CaseIterable, CustomStringConvertible {
    /// Done by the due date.
    case onTime = "on_time"
    /// Done after the due date.
    case late
    /// Not done, and the due date has passed.
    case overdue
    /// Not done, and the due date has not passed.
    case notDue = "not_due"
    /// The obligation does not bind the department.
    case notApplicable = "not_applicable"

    /// The code, as JSON writes it: `on_time`, `late`, `overdue`, `not_due`, `not_applicable`.
    public var description: String { rawValue }

    /// The Chinese name: 按时, 逾期完成, 逾期未完成, 未到期, 不适用.
    public var chineseName: String {
        switch self {
        case .onTime: "按时"
        case .late: "逾期完成"
        case .overdue: "逾期未完成"
        case .notDue: "未到期"
        case .notApplicable: "不适用"
        }
    }
}

/// What shows that an obligation was met (or how far it got): a list version or a filing.
public struct ComplianceEvidence: Codable, Sendable, Equatable {
    /// What the evidence is.
    public enum Kind: String, Codable, Sendable {
        /// A version of a department's list.
        case list
        /// A document received by the justice bureau.
        case filing
    }

    /// `list` or `filing`.
    public var kind: Kind
    /// The kind of list, for a list version.
    public var listKind: ListKind?
    /// The list's title, for a list version.
    public var title: String?
    /// 版本日期 of the list version.
    public var version: String?
    /// 公示日期 of the list version.
    public var published: String?
    /// 备案日期 of the list version.
    public var filed: String?
    /// The day a filing was received.
    public var received: String?
    /// 文号 of a filing.
    public var number: String?
    /// The corpus file it comes from.
    public var file: String
    /// Demonstration data (示例).
    public var sample: Bool

    enum CodingKeys: String, CodingKey {
        case kind
        case listKind = "list_kind"
        case title, version, published, filed, received, number, file, sample
    }

    /// Creates evidence from its parts.
    public init(
        kind: Kind, listKind: ListKind? = nil, title: String? = nil, version: String? = nil, published: String? = nil,
        filed: String? = nil, received: String? = nil, number: String? = nil, file: String, sample: Bool
    ) {
        self.kind = kind
        self.listKind = listKind
        self.title = title
        self.version = version
        self.published = published
        self.filed = filed
        self.received = received
        self.number = number
        self.file = file
        self.sample = sample
    }

    /// One line in Chinese: `不予处罚事项清单（2022-10-25 版）公示 2022-10-28，备案 2022-11-08（示例）`.
    public var summary: String {
        let mark = sample ? "（示例）" : ""
        switch kind {
        case .list:
            let kindName = listKind?.rawValue ?? "清单"
            let published = published.map { "公示 \($0)" } ?? "未公示"
            let filed = filed.map { "备案 \($0)" } ?? "未备案"
            return "\(kindName)（\(version ?? "?") 版）\(published)，\(filed)\(mark)"
        case .filing:
            let number = number.map { "\($0)，" } ?? ""
            return "报送材料 \(number)\(received ?? "?") 收到\(mark)"
        }
    }
}

/// One department's standing on one obligation.
public struct ComplianceRow: Codable, Sendable, Equatable {
    /// The department's official name.
    public var department: String
    /// The department's id: `scjg`.
    public var departmentID: String
    /// The obligation's id: `four-lists-published`.
    public var obligation: String
    /// The task in words.
    public var task: String
    /// The plan measure of the deadline.
    public var measure: String
    /// The deadline rule as the plan writes it.
    public var rule: String
    /// The due date, YYYY-MM-DD.
    public var due: String
    /// Where the department stands.
    public var status: ComplianceStatus
    /// The Chinese name of the status.
    public var statusName: String
    /// The day it was done, when it was (by the report's date).
    public var done: String?
    /// Working days late (done late) or overdue (as of the report's date); `nil` otherwise.
    public var lateWorkingDays: Int?
    /// The list versions or filing that show it, or show how far it got.
    public var evidence: [ComplianceEvidence]

    enum CodingKeys: String, CodingKey {
        case department
        case departmentID = "department_id"
        case obligation, task, measure, rule, due, status
        case statusName = "status_name"
        case done
        case lateWorkingDays = "late_working_days"
        case evidence
    }

    /// Creates a row from its parts.
    public init(
        department: String, departmentID: String, obligation: String, task: String, measure: String, rule: String,
        due: String, status: ComplianceStatus, done: String?, lateWorkingDays: Int?, evidence: [ComplianceEvidence]
    ) {
        self.department = department
        self.departmentID = departmentID
        self.obligation = obligation
        self.task = task
        self.measure = measure
        self.rule = rule
        self.due = due
        self.status = status
        self.statusName = status.chineseName
        self.done = done
        self.lateWorkingDays = lateWorkingDays
        self.evidence = evidence
    }

    /// Writes every key, `done` and `late_working_days` as `null` when they have no value:
    /// scripts rely on every row having the same keys.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(department, forKey: .department)
        try container.encode(departmentID, forKey: .departmentID)
        try container.encode(obligation, forKey: .obligation)
        try container.encode(task, forKey: .task)
        try container.encode(measure, forKey: .measure)
        try container.encode(rule, forKey: .rule)
        try container.encode(due, forKey: .due)
        try container.encode(status, forKey: .status)
        try container.encode(statusName, forKey: .statusName)
        try container.encode(done, forKey: .done)
        try container.encode(lateWorkingDays, forKey: .lateWorkingDays)
        try container.encode(evidence, forKey: .evidence)
    }

    /// In words, for tables: `按时（2022-10-28）`, `逾期完成（3 个工作日）`, `逾期未完成（12 个工作日）`.
    public var statusText: String {
        switch status {
        case .onTime: "按时（\(done ?? "")）"
        case .late: "逾期完成（\(lateWorkingDays ?? 0) 个工作日）"
        case .overdue: "逾期未完成（\(lateWorkingDays ?? 0) 个工作日）"
        case .notDue, .notApplicable: status.chineseName
        }
    }
}

/// Every department's standing on every obligation on one day.
public struct ComplianceReport: Codable, Sendable, Equatable {
    /// The day the report describes, YYYY-MM-DD.
    public var asOf: String
    /// Departments in registry order, each with its obligations in file order and then the
    /// later versions of its lists.
    public var rows: [ComplianceRow]

    enum CodingKeys: String, CodingKey {
        case asOf = "as_of"
        case rows
    }

    /// Creates a report from its parts.
    public init(asOf: String, rows: [ComplianceRow]) {
        self.asOf = asOf
        self.rows = rows
    }
}

/// The dates of one list version that obligations look at.
public struct ListVersionDates: Sendable, Equatable {
    /// Id of the department whose list it is: `scjg`.
    public var department: String
    /// The kind of list.
    public var kind: ListKind
    /// The title as published.
    public var title: String
    /// 版本日期.
    public var version: CalendarDate
    /// 公示日期, when published.
    public var published: CalendarDate?
    /// 备案日期, when filed.
    public var filed: CalendarDate?
    /// The corpus file.
    public var file: String
    /// Demonstration data (示例).
    public var sample: Bool

    /// Creates the dates of a version from their parts.
    public init(
        department: String, kind: ListKind, title: String, version: CalendarDate, published: CalendarDate?,
        filed: CalendarDate?, file: String, sample: Bool
    ) {
        self.department = department
        self.kind = kind
        self.title = title
        self.version = version
        self.published = published
        self.filed = filed
        self.file = file
        self.sample = sample
    }

    /// The dates of a loaded list version.
    public init(_ list: ListVersion) {
        self.init(
            department: list.department.id, kind: list.kind, title: list.title, version: list.version,
            published: list.published, filed: list.filed, file: list.file, sample: list.status == .sample)
    }

    /// The date of `event`.
    public func date(of event: ListEvent) -> CalendarDate? {
        event == .published ? published : filed
    }

    var evidence: ComplianceEvidence {
        ComplianceEvidence(
            kind: .list, listKind: kind, title: title, version: version.description,
            published: published?.description, filed: filed?.description, file: file, sample: sample)
    }
}

extension ComplianceReport {
    /// The rows with the overdue ones first (most working days overdue first), then the others
    /// in report order: how a supervisor reads the table.
    public var overdueFirst: [ComplianceRow] {
        let overdue = rows.filter { $0.status == .overdue }.enumerated()
            .sorted { ($1.element.lateWorkingDays ?? 0, $0.offset) < ($0.element.lateWorkingDays ?? 0, $1.offset) }
            .map(\.element)
        return overdue + rows.filter { $0.status != .overdue }
    }

    /// The departments (official names, report order) with at least one row of `status`:
    /// 哪些部门逾期了 is `departments(with: .overdue)`.
    public func departments(with status: ComplianceStatus) -> [String] {
        var names: [String] = []
        for row in rows where row.status == status && !names.contains(row.department) {
            names.append(row.department)
        }
        return names
    }
}
