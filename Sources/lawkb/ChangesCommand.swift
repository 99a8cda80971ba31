import ArgumentParser
import LawCorpus
import LawQuery

struct ChangesCommand: Answering {
    static let configuration = CommandConfiguration(
        commandName: "changes",
        abstract: "清单各版本之间的变化：新增、删除和修改的事项。",
        discussion: """
            不给 --since 或 --from/--to 时，比较每两个相邻版本。修改的字段用中文名称显示，\
            裁量基准写明阶次：一般 · 处罚标准、一般 · 罚款幅度（--json 中 field 为 levels.一般.penalty，label 为中文名称）。

              lawkb changes --kind 裁量基准 --since 2022-10-31
              lawkb changes --department 交通运输局 --from 2022-10-26 --to 2023-10-16 --json
            """)

    @Option(help: "只看该种清单（名称或简称：免罚清单、裁量基准 …）。", transform: ListKind.option)
    var kind: ListKind?

    @Option(help: "只看该部门的清单。")
    var department: String?

    @Option(help: "只看该日（YYYY-MM-DD）之后施行的新版本。")
    var since: String?

    @Option(help: "比较该日现行的版本 …")
    var from: String?

    @Option(help: "… 与该日现行的版本。")
    var to: String?

    @OptionGroup var format: OutputOptions<AnswerAsJSON>

    @OptionGroup var options: IndexOptions

    private struct Output: Encodable { var changes: [ListChange] }

    func answer() throws {
        let changes = try options.open().changes(
            ChangesRequest(kind: kind, department: department, since: since, from: from, to: to))
        if format.json {
            try Terminal.printJSON(Output(changes: changes))
            return
        }
        ChangesPrinter.print(changes)
    }
}

/// Prints list changes for people, fields by their Chinese names.
enum ChangesPrinter {
    static func print(_ changes: [ListChange]) {
        if changes.isEmpty { Swift.print("没有清单变更。") }
        for change in changes {
            let sample = Terminal.sampleMark(change.status)
            Swift.print(
                "\(sample)\(change.department) · \(change.kind)：\(change.from) → \(change.to)"
                    + "（新增 \(change.added.count)，删除 \(change.removed.count)，修改 \(change.changed.count)）")
            for item in change.added { Swift.print("  新增 \(item.id) \(item.name)") }
            for item in change.removed { Swift.print("  删除 \(item.id) \(item.name)") }
            for item in change.changed {
                Swift.print("  修改 \(item.id) \(item.name)")
                for field in item.fields {
                    Swift.print("      \(field.label)：\(field.before ?? "（无）") → \(field.after ?? "（删除）")")
                }
            }
            Swift.print("")
        }
    }
}

struct CitedByCommand: Answering {
    static let configuration = CommandConfiguration(
        commandName: "cited-by",
        abstract: "引用某一条文的清单事项、方案段落和法律条文。",
        discussion: """
            清单事项取自今日（或 --as-of 当日）施行的版本。条号按现行版本（或 --version 指定的版本）理解；
            有 --as-of 时取该日施行的法律版本中与之对应的条文（条号可能不同）。清单引用的是其版本日期
            当时施行的法律文本，--version 2022 列出引用该版本条文的各版清单事项。
            --list-kind 只列该种清单的事项。

              lawkb cited-by 行政处罚法 33
              lawkb cited-by 行政处罚法 第三十三条 --list-kind 免罚清单
              lawkb cited-by 行政强制法 第十六条 --json
              lawkb cited-by 道路运输条例 63 --version 2022
              lawkb cited-by 行政处罚法 33 --as-of 2020-05-01
            """)

    @Argument(help: "被引用的法律。")
    var document: String

    @Argument(help: "条文序号：33 或 第三十三条。")
    var number: String = ""

    @Option(name: .customLong("as-of"), help: "使用该日（YYYY-MM-DD）施行的清单版本和法律版本，默认今日。")
    var asOf: String?

    @Option(name: .customLong("version"), help: "被引用法律的版本（如 2022）：列出引用该版本条文的各版清单事项。")
    var lawVersion: String?

    @Option(
        name: .customLong("list-kind"), help: "只列该种清单的事项（名称或简称：免罚清单、裁量基准 …）。",
        transform: ListKind.option)
    var listKind: ListKind?

    @OptionGroup var format: OutputOptions<AnswerAsJSON>

    @OptionGroup var options: IndexOptions

    func answer() throws {
        let kind = listKind
        var record = try options.open().citedBy(
            document: document, number: number, asOf: asOf,
            version: lawVersion)
        if let kind { record.items.removeAll { $0.kind != kind } }
        if format.json {
            try Terminal.printJSON(record)
            return
        }
        let which = kind.map { "\($0.rawValue)中" } ?? "清单中"
        let version = record.version.map { "（\($0)年版本）" } ?? ""
        let when = record.everyListVersion ? "各版" : "\(record.asOf) 施行的"
        if let reading = record.reading, reading.askedVersion != record.version {
            print(reading.sentence(readVersion: record.version, labels: reading.articles.map(LawQueries.articleLabel)))
        }
        print(
            "\(record.document)\(version) \(record.label)：\(when)\(which)有 \(record.items.count) 项事项引用，"
                + "另有 \(record.passages.count) 处方案或法律条文引用")
        for item in record.items {
            let sample = Terminal.sampleMark(item.status)
            print("  \(sample)\(item.department) · \(item.kind)（\(item.version)） \(item.id) \(item.name)")
            print("      \(item.citation)")
        }
        for passage in record.passages {
            print("  \(passage.document) · \(passage.title)：\(passage.citation)")
        }
    }
}
