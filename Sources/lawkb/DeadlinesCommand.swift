import ArgumentParser
import LawQuery

struct DeadlinesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deadlines",
        abstract: "The plan's obligations, soonest first.",
        discussion: """
            Dated obligations come first, by due date; relative rules (…后10个工作日内) and \
            recurring ones (每月25日前) follow with their rule as written.
            """)

    @Flag(help: "Print JSON.")
    var json = false

    @OptionGroup var options: IndexOptions

    private struct Output: Encodable {
        var deadlines: [DeadlineRecord]
    }

    func run() throws {
        do {
            let deadlines = try options.open().deadlines()
            if json {
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
        } catch {
            throw Terminal.fail(error)
        }
    }
}
