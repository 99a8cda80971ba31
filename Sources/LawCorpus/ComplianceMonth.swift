/// One month of the progress table (附件3 工作任务推进表) departments send every month.
public struct ComplianceMonth: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The year.
    public let year: Int
    /// The month, 1…12.
    public let month: Int

    /// The month `year`-`month`, or `nil` when it is not a month of ``CalendarDate/parsedYears``.
    public init?(year: Int, month: Int) {
        guard CalendarDate.parsedYears.contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// Reads `2022-11`, `2022-1`, `2022/11`, `2022.11` or `2022年11月`; `nil` for anything else.
    public init?(_ text: String) {
        let folded = String(TextSupport.trim(text).precomposedStringWithCompatibilityMapping.prefix(20))
        var parts: [Int] = []
        var current = ""
        for character in folded {
            if character.isASCII, character.isNumber {
                current.append(character)
            } else if "-/.年月".contains(character), !current.isEmpty {
                guard let value = Int(current) else { return nil }
                parts.append(value)
                current = ""
            } else {
                return nil
            }
        }
        if !current.isEmpty {
            guard let value = Int(current) else { return nil }
            parts.append(value)
        }
        guard parts.count == 2 else { return nil }
        self.init(year: parts[0], month: parts[1])
    }

    /// The month's first day.
    public var first: CalendarDate { CalendarDate(year: year, month: month, day: 1)! }
    /// The month's last day.
    public var last: CalendarDate { CalendarDate.endOfMonth(year: year, month: month)! }

    /// `2022-11`.
    public var description: String { String(first.description.prefix(7)) }

    public static func < (lhs: ComplianceMonth, rhs: ComplianceMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }
}

/// The month's 工作任务推进表 (附件3): for each department, the tasks due in the month or still
/// open then, with their deadline, status, completion date and an explanation — as rows of
/// text under Chinese headers, ready for a spreadsheet or CSV writer.
public struct ProgressTable: Sendable, Equatable {
    /// The column headers: 部门, 工作任务, 完成时限, 完成情况, 完成时间, 情况说明.
    public static let headers = ["部门", "工作任务", "完成时限", "完成情况", "完成时间", "情况说明"]

    /// The month.
    public var month: ComplianceMonth
    /// The day the statuses describe: the month's last day.
    public var asOf: String
    /// ``headers``.
    public var headers: [String]
    /// One row per department and task, in the report's order; each has as many cells as ``headers``.
    public var rows: [[String]]

    /// The month's table from a report made on the month's last day: the rows that bind the
    /// department and fall due in the month, or fell due earlier and were not done before it began.
    public init(month: ComplianceMonth, report: ComplianceReport) {
        self.month = month
        self.asOf = report.asOf
        self.headers = Self.headers
        let first = month.first.description
        let last = month.last.description
        rows = report.rows.filter { row in
            guard row.status != .notApplicable else { return false }
            if row.due >= first && row.due <= last { return true }
            return row.due < first && (row.done.map { $0 >= first } ?? true)
        }
        .map { row in
            [
                row.department, "\(row.task)（\(row.rule)）", row.due, row.status.chineseName, row.done ?? "",
                Self.explanation(row, asOf: report.asOf),
            ]
        }
    }

    /// Why the row stands as it does, with its evidence.
    static func explanation(_ row: ComplianceRow, asOf: String) -> String {
        var parts: [String] = []
        switch row.status {
        case .late: parts.append("逾期 \(row.lateWorkingDays ?? 0) 个工作日完成")
        case .overdue: parts.append("截至 \(asOf) 逾期 \(row.lateWorkingDays ?? 0) 个工作日未完成")
        case .notDue: parts.append("截至 \(asOf) 未到期")
        case .onTime, .notApplicable: break
        }
        parts += row.evidence.map(\.summary)
        return parts.joined(separator: "；")
    }
}
