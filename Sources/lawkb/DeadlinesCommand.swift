import ArgumentParser
import LawCorpus
import LawQuery

struct DeadlinesCommand: Answering {
    static let configuration = CommandConfiguration(
        commandName: "deadlines",
        abstract: "实施方案规定的工作时限，最近的在前。",
        discussion: """
            有具体日期的按日期排列在前；相对期限（…后10个工作日内）和定期报送（每月25日前）\
            列在后面，按原文写明规定。给出 --department 时，每条时限下列出该部门相应义务的\
            完成情况；相对期限按该部门每个清单新版本的版本日期、或登记的起算事件（Corpus/events/，\
            如联合执法完成）的日期算出到期日（工作日）。
            """)

    @Option(help: "列出该部门（全称或简称）对各时限的完成情况。")
    var department: String?

    @Option(name: .customLong("as-of"), help: "完成情况按该日（YYYY-MM-DD）判断，默认今日；须与 --department 同用。")
    var asOf: String?

    @OptionGroup var format: OutputOptions<AnswerAsJSON>

    @OptionGroup var options: IndexOptions

    private struct Output: Encodable {
        var deadlines: [DeadlineRecord]
    }

    private struct DepartmentOutput: Encodable {
        var department: String
        var deadlines: [DepartmentDeadline]
    }

    func validate() throws {
        if asOf != nil && department == nil {
            throw ValidationError("--as-of 须与 --department 同用")
        }
    }

    func answer() throws {
        let queries = try options.open()
        if let department {
            let deadlines = try queries.deadlines(department: department, asOf: asOf)
            if format.json {
                try Terminal.printJSON(DepartmentOutput(department: department, deadlines: deadlines))
            } else {
                for entry in deadlines { printDeadline(entry.deadline, rows: entry.compliance) }
            }
            return
        }
        let deadlines = try queries.deadlines()
        if format.json {
            try Terminal.printJSON(Output(deadlines: deadlines))
            return
        }
        for deadline in deadlines { printDeadline(deadline, rows: nil) }
    }

    private func printDeadline(_ deadline: DeadlineRecord, rows: [ComplianceRow]?) {
        let due = deadline.due ?? "—"
        let who = deadline.responsible.map { "\($0)：" } ?? ""
        let to = deadline.reportTo.map { "  → \($0)" } ?? ""
        print("\(due.padding(toLength: 10, withPad: " ", startingAt: 0))  \(deadline.rule)")
        print("            \(deadline.measure)")
        print("            \(who)\(deadline.task)\(to)")
        guard let rows else { return }
        if rows.isEmpty { print("            （该部门无此项义务记录）") }
        for row in rows {
            print("            \(row.due)  \(CompliancePrinter.pad(row.statusText, 28))  \(row.task)")
        }
    }
}
