import ArgumentParser
import LawQuery

struct DeadlinesCommand: Answering {
    static let configuration = CommandConfiguration(
        commandName: "deadlines",
        abstract: "实施方案规定的工作时限，最近的在前。",
        discussion: """
            有具体日期的按日期排列在前；相对期限（…后10个工作日内）和定期报送（每月25日前）\
            列在后面，按原文写明规定。
            """)

    @OptionGroup var format: OutputOptions<AnswerAsJSON>

    @OptionGroup var options: IndexOptions

    private struct Output: Encodable {
        var deadlines: [DeadlineRecord]
    }

    func answer() throws {
        let deadlines = try options.open().deadlines()
        if format.json {
            try Terminal.printJSON(Output(deadlines: deadlines))
            return
        }
        for deadline in deadlines {
            let due = deadline.due ?? "—"
            let who = deadline.responsible.map { "\($0)：" } ?? ""
            let to = deadline.reportTo.map { "  → \($0)" } ?? ""
            print("\(due.padding(toLength: 10, withPad: " ", startingAt: 0))  \(deadline.rule)")
            print("            \(deadline.measure)")
            print("            \(who)\(deadline.task)\(to)")
        }
    }
}
