import Foundation

/// The kinds of dated event from which a plan rule counts its time (下发后10个工作日内,
/// 开展单项联合执法工作前, 完成联合执法工作后20个工作日内).
public enum PlanEventKind: String, Codable, Sendable, CaseIterable, CustomStringConvertible {
    /// 年度市场监管领域部门联合“双随机、一公开”抽查工作计划下发.
    case randomInspectionPlanIssued = "random-inspection-plan-issued"
    /// 年度“双随机、一公开”抽查工作计划完成.
    case randomInspectionPlanCompleted = "random-inspection-plan-completed"
    /// A single joint enforcement action (单项联合执法) starts.
    case jointEnforcementStarted = "joint-enforcement-started"
    /// A single joint enforcement action is completed.
    case jointEnforcementCompleted = "joint-enforcement-completed"

    /// The code, as file names and JSON write it: `joint-enforcement-completed`.
    public var description: String { rawValue }

    /// The Chinese name, as event files and obligations write it: 联合执法完成.
    public var chineseName: String {
        switch self {
        case .randomInspectionPlanIssued: "双随机计划下发"
        case .randomInspectionPlanCompleted: "双随机计划完成"
        case .jointEnforcementStarted: "联合执法开始"
        case .jointEnforcementCompleted: "联合执法完成"
        }
    }

    /// The kind a file writes as its Chinese name or its code.
    public static func resolve(_ text: String) -> PlanEventKind? {
        let compact = String(text.filter { !$0.isWhitespace })
        return PlanEventKind(rawValue: compact) ?? allCases.first { $0.chineseName == compact }
    }

    /// Every kind, as a message lists them: `双随机计划下发、双随机计划完成、…`.
    public static var vocabulary: String { allCases.map(\.chineseName).joined(separator: "、") }
}

/// A dated event of one department that starts a plan rule counting (a joint enforcement action
/// completed, the annual 双随机 plan issued), as the justice bureau recorded it.
///
/// One file per event: `events/<department-id>/<date>-<kind code>.yaml`.
public struct PlanEvent: Sendable, Equatable {
    /// Path of the corpus file.
    public var file: String
    /// Id of the department: `scjg`.
    public var department: String
    /// What happened.
    public var kind: PlanEventKind
    /// The day it happened (or, for a start, the day it starts).
    public var date: CalendarDate
    /// A note: which action, which plan.
    public var note: String?
    /// Real record or demonstration sample (示例).
    public var status: ListStatus

    /// Creates an event from its parts.
    public init(
        file: String, department: String, kind: PlanEventKind, date: CalendarDate, note: String? = nil,
        status: ListStatus = .official
    ) {
        self.file = file
        self.department = department
        self.kind = kind
        self.date = date
        self.note = note
        self.status = status
    }

    /// Where events live inside a corpus directory.
    public static let folder = "events"

    /// The path of an event inside the corpus: `events/jtys/2022-09-28-joint-enforcement-completed.yaml`.
    public static func relativePath(department: String, date: CalendarDate, kind: PlanEventKind) -> String {
        "\(folder)/\(department)/\(date)-\(kind.rawValue).yaml"
    }

    /// Reads and checks the text of an event file at `file` (inside `events/<department-id>/`)
    /// as the loader does: for checking an event before writing it. With `calendar`, the
    /// due dates the event sets must fall inside the calendar's years.
    public static func parse(
        _ text: String, file: String, registry: DepartmentRegistry, obligations: ObligationSet,
        calendar: WorkingDayCalendar? = nil
    ) throws(CorpusError) -> PlanEvent {
        let folder = ((file as NSString).deletingLastPathComponent as NSString).lastPathComponent
        return try PlanEventParser(registry: registry, obligations: obligations, calendar: calendar)
            .parse(text, file: file, folderID: folder)
    }

    /// The YAML text of this event, as `event add` writes it and the loader reads it.
    public func yaml(departmentName: String) -> String {
        var lines = [
            "# 事件登记：\(departmentName)，\(kind.chineseName)。",
            "department: \(YAMLText.quoted(departmentName))",
            "event: \(kind.chineseName)",
            "date: \(date)",
        ]
        if let note { lines.append("note: \(YAMLText.quoted(note))") }
        lines.append("status: \(status.rawValue)")
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Reads and checks event files: the department must be the folder's, the event a kind of the
/// vocabulary that starts a rule of the obligations file binding the department, and the file
/// name `<date>-<kind code>.yaml`; every mistake names the file and line.
struct PlanEventParser {
    let registry: DepartmentRegistry
    let obligations: ObligationSet
    /// The working-day calendar, when the corpus has one: the due dates an event sets must be
    /// countable, or every compliance report would fail on it later.
    var calendar: WorkingDayCalendar?

    static let keys: Set<String> = ["department", "event", "date", "note", "status"]

    /// Parses the event at `path`, found in the folder of department `folderID`.
    func parse(_ path: String, folderID: String) throws(CorpusError) -> PlanEvent {
        let text = try TextFile.read(path)!
        return try parse(text, file: path, folderID: folderID)
    }

    func parse(_ text: String, file: String, folderID: String) throws(CorpusError) -> PlanEvent {
        let yaml = try Sidecar(file: file, yaml: text)
        try ObligationsParser.rejectUnknownKeys(yaml, allowed: Self.keys)
        guard let name = try yaml.string("department") else {
            throw CorpusError(file: file, line: yaml.line(of: "department"), message: "缺少“department”")
        }
        guard let department = registry.resolve(name) else {
            throw CorpusError(
                file: file, line: yaml.line(of: "department"), message: "“\(name.prefix(40))”不是 departments.yaml 中的部门")
        }
        guard department.id == folderID else {
            throw CorpusError(
                file: file, line: yaml.line(of: "department"),
                message: "\(department.name)的事件应放在 \(PlanEvent.folder)/\(department.id)/ 下，而不是 \(folderID)/")
        }
        guard let kindText = try yaml.string("event") else {
            throw CorpusError(
                file: file, line: yaml.line(of: "event"), message: "缺少“event”；可用：\(PlanEventKind.vocabulary)")
        }
        guard let kind = PlanEventKind.resolve(kindText) else {
            throw CorpusError(
                file: file, line: yaml.line(of: "event"),
                message: "“\(kindText.prefix(40))”不是事件种类；可用：\(PlanEventKind.vocabulary)")
        }
        let rules = obligations.triggered.filter { $0.trigger == kind }
        guard rules.contains(where: { $0.binds(department: department.id) }) else {
            throw CorpusError(
                file: file, line: yaml.line(of: "event"),
                message: rules.isEmpty
                    ? "\(obligations.file) 中没有由“\(kind.chineseName)”起算的义务"
                    : "由“\(kind.chineseName)”起算的义务不约束\(department.name)")
        }
        guard let date = try yaml.date("date") else {
            throw CorpusError(file: file, line: yaml.line(of: "date"), message: "缺少“date”（事件日期 YYYY-MM-DD）")
        }
        if let calendar {
            for rule in rules where rule.binds(department: department.id) {
                do {
                    _ = try calendar.kind(of: date)
                    _ = try rule.due(event: date, calendar: calendar)
                } catch {
                    throw CorpusError(
                        file: file, line: yaml.line(of: "date"), message: "无法计算“\(rule.rule)”的到期日：\(error.description)")
                }
            }
        }
        let expected = "\(date)-\(kind.rawValue).yaml"
        guard (file as NSString).lastPathComponent == expected else {
            throw CorpusError(file: file, line: nil, message: "文件名应为 \(expected)（事件日期-事件种类代码）")
        }
        var note: String?
        if let value = try yaml.string("note") {
            guard value.count <= FilingParser.maximumTextLength else {
                throw CorpusError(
                    file: file, line: yaml.line(of: "note"), message: "“note”超过 \(FilingParser.maximumTextLength) 个字符")
            }
            note = value
        }
        let statusText = try yaml.string("status") ?? ListStatus.official.rawValue
        guard let status = ListStatus.resolve(statusText) else {
            throw CorpusError(file: file, line: yaml.line(of: "status"), message: "“status”应为 official（正式）或 sample（示例）")
        }
        return PlanEvent(file: file, department: department.id, kind: kind, date: date, note: note, status: status)
    }
}
