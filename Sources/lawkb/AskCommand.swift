import ArgumentParser
import LawAsk
import LawQuery

struct AskCommand: Answering {
    static let configuration = CommandConfiguration(
        commandName: "ask",
        abstract: "用自己的话提问：清单、变化、条文、引用、时间节点。",
        discussion: """
            问题中的部门、清单种类、法律条文和日期按人们的写法识别（市监局、免罚清单、\
            处罚法第51条、2022年10月31日、2023年以来）；先输出“理解为：…”，再输出相应命令的答案。\
            --json 输出 {question, intent, understood, summary, answer, alternatives}，answer 与相应命令的 --json 相同。

              lawkb ask 农牧局不予处罚的事项有哪些
              lawkb ask 交通运输局的裁量基准有哪些变化
              lawkb ask 处罚法第51条怎么规定
              lawkb ask 重点监管清单什么时候公示 --json
            """)

    @Argument(parsing: .allUnrecognized, help: "问题。")
    var question: [String] = []

    @OptionGroup var format: OutputOptions<AnswerAsJSON>

    @OptionGroup var options: IndexOptions

    func answer() throws {
        let answer = try Asker(try options.open()).ask(question.joined(separator: " "))
        if format.json {
            try Terminal.printJSON(answer)
        } else {
            print(answer.understoodLine)
            print("")
            AnswerPrinter.print(answer.answer)
        }
    }
}

/// Prints an answer as the matching command prints it for people.
enum AnswerPrinter {
    static func print(_ payload: AnswerPayload) {
        switch payload {
        case .list(let list): ListPrinter.print(list)
        case .lists(let lists):
            if lists.isEmpty { Terminal.print("没有符合条件的清单。") } else { ListSummaryPrinter.print(lists) }
        case .changes(let changes): ChangesPrinter.print(changes)
        case .article(let record): ArticlePrinter.print(record)
        case .citedBy(let record): printCitedBy(record)
        case .compare(let comparison): ComparisonPrinter.print(comparison, changedOnly: true)
        case .deadlines(let deadlines): printDeadlines(deadlines)
        case .departments(let departments):
            for department in departments {
                Terminal.print("\(department.name)（\(department.shortNames.joined(separator: "、"))）\(department.lists) 个清单版本")
            }
        case .search(let result): SearchPrinter.print(result)
        case .compliance(let report): CompliancePrinter.print(report, overdueOnly: false)
        }
    }

    private static func printCitedBy(_ record: CitedByRecord) {
        Terminal.print(
            "\(record.document) \(record.label)：\(record.asOf) 施行的清单中有 \(record.items.count) 项事项引用，"
                + "另有 \(record.passages.count) 处方案或法律条文引用")
        for item in record.items {
            let sample = Terminal.sampleMark(item.status)
            Terminal.print("  \(sample)\(item.department) · \(item.kind)（\(item.version)） \(item.id) \(item.name)")
            Terminal.print("      \(item.citation)")
        }
        for passage in record.passages {
            Terminal.print("  \(passage.document) · \(passage.title)：\(passage.citation)")
        }
    }

    private static func printDeadlines(_ deadlines: [DeadlineRecord]) {
        for deadline in deadlines {
            let due = deadline.due ?? "—"
            let who = deadline.responsible.map { "\($0)：" } ?? ""
            let to = deadline.reportTo.map { "  → \($0)" } ?? ""
            Terminal.print("\(due.padding(toLength: 10, withPad: " ", startingAt: 0))  \(deadline.rule)")
            Terminal.print("            \(deadline.measure)")
            Terminal.print("            \(who)\(deadline.task)\(to)")
        }
    }
}
