import ArgumentParser
import LawCorpus
import LawQuery

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Show the items of a department's list, as in force on a day.",
        discussion: """
            Department and kind accept the names people use: 市场监管局 or 乌审旗市场监督管理局; \
            不予处罚事项清单, 免罚清单, 裁量基准 ….

              lawkb list 市场监管局 免罚清单
              lawkb list 交通运输局 裁量基准 --as-of 2023-01-01 --json
            """)

    @Argument(help: "The department.")
    var department: String

    @Argument(help: "The kind of list.")
    var kind: String

    @Option(name: .customLong("as-of"), help: "The version in force on this day (YYYY-MM-DD); today by default.")
    var asOf: String?

    @Flag(help: "Print JSON.")
    var json = false

    @OptionGroup var options: IndexOptions

    func run() throws {
        do {
            let list = try options.open().list(department: department, kind: kind, asOf: asOf)
            if json {
                try Terminal.printJSON(list)
            } else {
                ListPrinter.print(list)
            }
        } catch {
            throw Terminal.fail(error)
        }
    }
}

/// Prints a list version for people.
enum ListPrinter {
    static func print(_ list: ListRecord) {
        let sample = list.status == "sample" ? "【示例】" : ""
        Swift.print("\(sample)\(list.title)")
        let until = list.inForceUntil.map { "，至 \($0) 止" } ?? ""
        Swift.print("\(list.department) · \(list.kind) · 版本 \(list.version) · 施行 \(list.inForceFrom)\(until)"
            + (list.filed.map { " · 备案 \($0)" } ?? ""))
        for (index, item) in list.items.enumerated() {
            Swift.print("")
            Swift.print("\(index + 1). \(item.name)  [\(item.id)]")
            for (label, value) in [("违法行为", item.conduct), ("法律依据", item.basis), ("处罚依据", item.penaltyBasis),
                                   ("适用情形", item.conditions), ("处理方式", item.measure)] {
                if let value { Swift.print("   \(label)：\(value)") }
            }
            for level in item.levels {
                let amounts = level.amounts.isEmpty ? "" : "  (\(level.amounts.map(\.description).joined(separator: "; ")))"
                Swift.print("   【\(level.level)】\(level.circumstances ?? "")")
                if let penalty = level.penalty { Swift.print("          \(penalty)\(amounts)") }
            }
            for field in item.fields { Swift.print("   \(field.name)：\(field.value)") }
            if let note = item.note { Swift.print("   备注：\(note)") }
        }
    }
}

struct ListsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lists",
        abstract: "Every list version, with its dates and whether it is in force.",
        discussion: "  lawkb lists --department 市场监管局")

    @Option(help: "Only this department's lists.")
    var department: String?

    @Option(name: .customLong("as-of"), help: "Mark the versions in force on this day; today by default.")
    var asOf: String?

    @Flag(help: "Print JSON.")
    var json = false

    @OptionGroup var options: IndexOptions

    private struct Output: Encodable { var lists: [ListSummary] }

    func run() throws {
        do {
            let lists = try options.open().lists(department: department, asOf: asOf)
            if json {
                try Terminal.printJSON(Output(lists: lists))
                return
            }
            for list in lists {
                let state = list.inForce ? "现行" : (list.inForceUntil == nil ? "未施行" : "已替换")
                let sample = list.status == "sample" ? "【示例】" : ""
                Swift.print("\(list.version)  \(state)  \(sample)\(list.department) · \(list.kind)  "
                    + "\(list.items) 项  公示 \(list.published ?? "—")  备案 \(list.filed ?? "—")")
            }
        } catch {
            throw Terminal.fail(error)
        }
    }
}

struct DepartmentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "departments",
        abstract: "The departments and 苏木镇 of the registry, with the names lawkb understands.")

    @Flag(help: "Print JSON.")
    var json = false

    @OptionGroup var options: IndexOptions

    private struct Output: Encodable { var departments: [DepartmentSummary] }

    func run() throws {
        do {
            let departments = try options.open().departments()
            if json {
                try Terminal.printJSON(Output(departments: departments))
                return
            }
            for department in departments {
                Swift.print("\(department.id.padding(toLength: 6, withPad: " ", startingAt: 0)) \(department.name)"
                    + "（\(department.shortNames.joined(separator: "、"))）\(department.lists) 个清单版本")
            }
        } catch {
            throw Terminal.fail(error)
        }
    }
}
