import ArgumentParser
import LawQuery

struct ChangesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "changes",
        abstract: "What changed between versions of the lists: items added, removed and changed.",
        discussion: """
            Without --since or --from/--to every successive pair of versions is compared. For a \
            benchmark the changed fields name the level: levels.一般.penalty, levels.一般.amounts.

              lawkb changes --kind 裁量基准 --since 2022-10-31
              lawkb changes --department 交通运输局 --from 2022-10-26 --to 2023-10-16 --json
            """)

    @Option(help: "Only lists of this kind.")
    var kind: String?

    @Option(help: "Only this department's lists.")
    var department: String?

    @Option(help: "Only versions that came into force after this day (YYYY-MM-DD).")
    var since: String?

    @Option(help: "Compare the version current on this version date …")
    var from: String?

    @Option(help: "… with the version current on this one.")
    var to: String?

    @Flag(help: "Print JSON.")
    var json = false

    @OptionGroup var options: IndexOptions

    private struct Output: Encodable { var changes: [ListChange] }

    func run() throws {
        do {
            let changes = try options.open().changes(
                ChangesRequest(kind: kind, department: department, since: since, from: from, to: to))
            if json {
                try Terminal.printJSON(Output(changes: changes))
                return
            }
            if changes.isEmpty { print("No changes.") }
            for change in changes {
                let sample = change.status == "sample" ? "【示例】" : ""
                print("\(sample)\(change.department) · \(change.kind): \(change.from) → \(change.to)")
                for item in change.added { print("  + \(item.id) \(item.name)") }
                for item in change.removed { print("  - \(item.id) \(item.name)") }
                for item in change.changed {
                    print("  ~ \(item.id) \(item.name)")
                    for field in item.fields {
                        print("      \(field.field): \(field.before ?? "—") → \(field.after ?? "—")")
                    }
                }
                print("")
            }
        } catch {
            throw Terminal.fail(error)
        }
    }
}

struct CitedByCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cited-by",
        abstract: "List items, plan passages and articles that cite an article.",
        discussion: """
            List items come from the versions in force today (or --as-of).

              lawkb cited-by 行政处罚法 33
              lawkb cited-by 行政强制法 第十六条 --json
            """)

    @Argument(help: "The law.")
    var document: String

    @Argument(help: "The article number: 33 or 第三十三条.")
    var number: String

    @Option(name: .customLong("as-of"), help: "Use the list versions in force on this day; today by default.")
    var asOf: String?

    @Flag(help: "Print JSON.")
    var json = false

    @OptionGroup var options: IndexOptions

    func run() throws {
        do {
            let record = try options.open().citedBy(document: document, number: number, asOf: asOf)
            if json {
                try Terminal.printJSON(record)
                return
            }
            print("\(record.document) \(record.label): cited by \(record.items.count) list items "
                + "(in force on \(record.asOf)) and \(record.passages.count) passages")
            for item in record.items {
                let sample = item.status == "sample" ? "【示例】" : ""
                print("  \(sample)\(item.department) · \(item.kind)（\(item.version)） \(item.id) \(item.name)")
                print("      \(item.citation)")
            }
            for passage in record.passages {
                print("  \(passage.document) · \(passage.title): \(passage.citation)")
            }
        } catch {
            throw Terminal.fail(error)
        }
    }
}
