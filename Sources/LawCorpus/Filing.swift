import Foundation

/// A document a department sent the justice bureau to meet an obligation no list shows (名单,
/// 培训情况, 月度情况表 …), as the bureau recorded receiving it.
///
/// One file per filing: `filings/<department-id>/<received>-<obligation-id>.yaml`.
public struct Filing: Sendable, Equatable {
    /// Path of the corpus file.
    public var file: String
    /// Id of the department that sent it: `scjg`.
    public var department: String
    /// Id of the obligation it meets: `training-report`, `monthly-report-2022-11`.
    public var obligation: String
    /// The day the bureau received it.
    public var received: CalendarDate
    /// 文号 of the document, when it has one.
    public var number: String?
    /// A note: what was sent, what is missing.
    public var note: String?
    /// Real record or demonstration sample (示例).
    public var status: ListStatus

    /// Creates a filing from its parts.
    public init(
        file: String, department: String, obligation: String, received: CalendarDate, number: String? = nil,
        note: String? = nil, status: ListStatus = .official
    ) {
        self.file = file
        self.department = department
        self.obligation = obligation
        self.received = received
        self.number = number
        self.note = note
        self.status = status
    }

    /// Where filings live inside a corpus directory.
    public static let folder = "filings"

    /// The path of a filing inside the corpus: `filings/scjg/2022-06-14-training-report.yaml`.
    public static func relativePath(department: String, received: CalendarDate, obligation: String) -> String {
        "\(folder)/\(department)/\(received)-\(obligation).yaml"
    }

    /// Reads and checks the text of a filing file at `file` (inside `filings/<department-id>/`)
    /// as the loader does: for checking a filing before writing it.
    /// `events` are the corpus's dated events: a filing for an obligation an event sets
    /// (`joint-enforcement-report-2022-09-28`) needs that event.
    public static func parse(
        _ text: String, file: String, registry: DepartmentRegistry, obligations: ObligationSet,
        events: [PlanEvent] = []
    ) throws(CorpusError) -> Filing {
        let folder = ((file as NSString).deletingLastPathComponent as NSString).lastPathComponent
        return try FilingParser(registry: registry, obligations: obligations, events: events)
            .parse(text, file: file, folderID: folder)
    }

    /// The YAML text of this filing, as `filing add` writes it and the loader reads it.
    public func yaml(departmentName: String) -> String {
        var lines = [
            "# 报送材料登记：\(departmentName)，义务 \(obligation)。",
            "department: \(YAMLText.quoted(departmentName))",
            "obligation: \(obligation)",
            "received: \(received)",
        ]
        if let number { lines.append("number: \(YAMLText.quoted(number))") }
        if let note { lines.append("note: \(YAMLText.quoted(note))") }
        lines.append("status: \(status.rawValue)")
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Reads and checks filing files: the department must be the folder's, the obligation one the
/// obligations file defines that binds the department and is met by a filing (or one a recorded
/// event of the department sets), and the file name must be `<received>-<obligation>.yaml`;
/// every mistake names the file and line.
struct FilingParser {
    let registry: DepartmentRegistry
    let obligations: ObligationSet
    /// The corpus's dated events, which set the obligations of event-started rules.
    var events: [PlanEvent] = []

    static let keys: Set<String> = ["department", "obligation", "received", "number", "note", "status"]
    /// The longest note or document number accepted, in characters.
    static let maximumTextLength = 2_000

    /// Parses the filing at `path`, found in the folder of department `folderID`.
    func parse(_ path: String, folderID: String) throws(CorpusError) -> Filing {
        let text = try TextFile.read(path)!
        return try parse(text, file: path, folderID: folderID)
    }

    func parse(_ text: String, file: String, folderID: String) throws(CorpusError) -> Filing {
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
                message: "\(department.name)的报送材料应放在 \(Filing.folder)/\(department.id)/ 下，而不是 \(folderID)/")
        }
        guard let id = try yaml.string("obligation") else {
            throw CorpusError(file: file, line: yaml.line(of: "obligation"), message: "缺少“obligation”")
        }
        guard let received = try yaml.date("received") else {
            throw CorpusError(file: file, line: yaml.line(of: "received"), message: "缺少“received”（收到日期 YYYY-MM-DD）")
        }
        if let obligation = obligations.obligation(id) {
            guard obligation.satisfiedBy == .filing else {
                throw CorpusError(
                    file: file, line: yaml.line(of: "obligation"),
                    message: "义务“\(id)”由清单的公示或备案完成，不需要登记报送材料")
            }
            guard obligation.binds(department: department.id) else {
                throw CorpusError(
                    file: file, line: yaml.line(of: "obligation"), message: "义务“\(id)”不约束\(department.name)")
            }
        } else if let (rule, date) = obligations.triggeredObligation(id) {
            try checkEvent(rule, date: date, department: department, received: received, yaml: yaml)
        } else {
            throw CorpusError(
                file: file, line: yaml.line(of: "obligation"),
                message: "\(obligations.file) 中没有 id 为“\(id.prefix(60))”的义务")
        }
        let expected = "\(received)-\(id).yaml"
        guard (file as NSString).lastPathComponent == expected else {
            throw CorpusError(file: file, line: nil, message: "文件名应为 \(expected)（收到日期-义务 id）")
        }
        let number = try bounded(yaml, "number", file: file)
        let note = try bounded(yaml, "note", file: file)
        let statusText = try yaml.string("status") ?? ListStatus.official.rawValue
        guard let status = ListStatus.resolve(statusText) else {
            throw CorpusError(file: file, line: yaml.line(of: "status"), message: "“status”应为 official（正式）或 sample（示例）")
        }
        return Filing(
            file: file, department: department.id, obligation: id, received: received, number: number, note: note,
            status: status)
    }

    /// A filing for the obligation the event of `rule`'s kind on `date` sets: the rule binds the
    /// department, the event is recorded, and a report due after the event was received on or after it.
    private func checkEvent(
        _ rule: TriggeredRule, date: CalendarDate, department: Department, received: CalendarDate, yaml: Sidecar
    ) throws(CorpusError) {
        let id = rule.obligationID(event: date)
        guard rule.binds(department: department.id) else {
            throw CorpusError(
                file: yaml.file, line: yaml.line(of: "obligation"), message: "义务“\(id)”不约束\(department.name)")
        }
        guard events.contains(where: { $0.department == department.id && $0.kind == rule.trigger && $0.date == date })
        else {
            throw CorpusError(
                file: yaml.file, line: yaml.line(of: "obligation"),
                message: "义务“\(id)”须有事件登记 "
                    + "\(PlanEvent.relativePath(department: department.id, date: date, kind: rule.trigger))"
                    + "（\(rule.trigger.chineseName) \(date)）")
        }
        if case .after = rule.timing, received < date {
            throw CorpusError(
                file: yaml.file, line: yaml.line(of: "received"),
                message: "收到日期 \(received) 早于\(rule.trigger.chineseName)的日期 \(date)；“\(rule.rule)”的材料应在事件之后报送")
        }
    }

    private func bounded(_ yaml: Sidecar, _ key: String, file: String) throws(CorpusError) -> String? {
        guard let value = try yaml.string(key) else { return nil }
        guard value.count <= Self.maximumTextLength else {
            throw CorpusError(
                file: file, line: yaml.line(of: key), message: "“\(key)”超过 \(Self.maximumTextLength) 个字符")
        }
        return value
    }
}
