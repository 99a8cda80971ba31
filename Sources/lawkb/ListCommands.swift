import ArgumentParser
import LawCorpus
import LawQuery

struct ListCommand: Answering {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "显示某部门某种清单在某日施行的版本及其事项。",
        discussion: """
            部门和清单种类都可用常用叫法：市场监管局 或 乌审旗市场监督管理局；不予处罚事项清单、免罚清单、裁量基准 …。\
            只给清单种类时，列出每个部门的该种清单；只给部门时，列出该部门的全部清单版本。

              lawkb list 市场监管局 免罚清单
              lawkb list 免罚清单
              lawkb list 交通运输局 裁量基准 --as-of 2023-01-01 --json
            """)

    @Argument(help: "部门（或只给清单种类）。")
    var department: String

    @Argument(help: "清单种类。")
    var kind: String?

    @Option(name: .customLong("as-of"), help: "显示该日（YYYY-MM-DD）施行的版本，默认今日。")
    var asOf: String?

    @OptionGroup var format: OutputOptions<AnswerAsJSON>

    @OptionGroup var options: IndexOptions

    private struct Output: Encodable { var lists: [ListRecord] }
    private struct Summaries: Encodable { var lists: [ListSummary] }

    func answer() throws {
        let queries = try options.open()
        if let kind {
            let list = try queries.list(department: department, kind: kind, asOf: asOf)
            if format.json { try Terminal.printJSON(list) } else { ListPrinter.print(list) }
            return
        }
        if let listKind = ListKind.resolve(department) {
            let lists = try EveryDepartment.lists(of: listKind, queries: queries, asOf: asOf)
            if format.json { try Terminal.printJSON(Output(lists: lists)) } else { ListPrinter.print(lists, kind: listKind) }
            return
        }
        let lists = try EveryDepartment.lists(ofDepartment: department, queries: queries, asOf: asOf)
        if format.json { try Terminal.printJSON(Summaries(lists: lists)) } else { ListSummaryPrinter.print(lists) }
    }
}

/// `list` given one name: a kind shown for every department, or a department's lists.
enum EveryDepartment {
    /// The version of every department's list of `kind` in force on `asOf`, departments in registry order.
    static func lists(of kind: ListKind, queries: LawQueries, asOf: String?) throws -> [ListRecord] {
        var lists: [ListRecord] = []
        for department in try queries.departments() where department.lists > 0 {
            do {
                lists.append(try queries.list(department: department.id, kind: kind.rawValue, asOf: asOf))
            } catch .noSuchList {
                continue
            }
        }
        guard !lists.isEmpty else { throw CommandError.noDepartmentHasKind(kind.rawValue, asOf: asOf) }
        return lists
    }

    /// Every version of the lists of the department called `name`; a name that is neither a
    /// department nor a kind of list is answered with the closest of both.
    static func lists(ofDepartment name: String, queries: LawQueries, asOf: String?) throws -> [ListSummary] {
        do {
            return try queries.lists(department: name, asOf: asOf)
        } catch .unknownDepartment(_, let known) {
            throw CommandError.neitherDepartmentNorKind(name, known: known + QueryError.listKindVocabulary)
        }
    }
}

/// Prints list versions for people.
enum ListPrinter {
    static func print(_ list: ListRecord) {
        let sample = Terminal.sampleMark(list.status)
        Terminal.print("\(sample)\(list.title)")
        let until = list.inForceUntil.map { "，至 \($0) 止" } ?? ""
        Terminal.print(
            "\(list.department) · \(list.kind) · 版本 \(list.version) · 施行 \(list.inForceFrom)\(until)"
                + (list.filed.map { " · 备案 \($0)" } ?? ""))
        for (index, item) in list.items.enumerated() {
            Terminal.print("")
            Terminal.print("\(index + 1). \(item.name)  [\(item.id)]")
            for column in ListColumn.body {
                if let value = item[column] { Terminal.print("   \(column.label)：\(value)") }
            }
            if let versions = citedVersions(item) { Terminal.print("   引用条文：\(versions)") }
            if let check = item.benchmarkCheck {
                for provision in check.provisions {
                    Terminal.print("   法定处罚：\(provision.chineseLabel())：\(provision.penalty.chineseSummary)")
                }
                if let problem = check.problem { Terminal.print("   法定处罚：\(problem.chineseDescription)") }
            }
            for (index, level) in item.levels.enumerated() {
                let amounts = level.amounts.isEmpty ? "" : "（\(level.amounts.map(\.description).joined(separator: "；"))）"
                Terminal.print("   【\(level.level)】\(level.circumstances ?? "")")
                if let penalty = level.penalty { Terminal.print("          \(penalty)\(amounts)") }
                if let verdict = verdict(item.benchmarkCheck, level: index) { Terminal.print("          对照法条：\(verdict)") }
            }
            for field in item.fields { Terminal.print("   \(field.name)：\(field.value)") }
            for column in ListColumn.remarks {
                if let value = item[column] { Terminal.print("   \(column.label)：\(value)") }
            }
        }
    }

    /// The versions the item's citations opened: `中华人民共和国道路运输条例 2022 年版本`; `nil`
    /// without citations of the corpus.
    private static func citedVersions(_ item: ListItemRecord) -> String? {
        var seen: [String] = []
        for citation in item.citations {
            guard let document = citation.document, let version = citation.version else { continue }
            let entry = "\(document)（\(version)年版本）" + (citation.resolved ? "" : "，无第\(citation.article)条")
            if !seen.contains(entry) { seen.append(entry) }
        }
        return seen.isEmpty ? nil : seen.joined(separator: "、")
    }

    /// A level's verdict against the statute, when the index checked it.
    private static func verdict(_ check: BenchmarkCheck?, level index: Int) -> String? {
        guard let check, check.problem == nil, check.levels.indices.contains(index) else { return nil }
        let findings = check.levels[index].findings
        return findings.isEmpty ? "在法定幅度内" : findings.map(\.chineseDescription).joined(separator: "；")
    }

    /// Several departments' lists of one kind, each under a rule.
    static func print(_ lists: [ListRecord], kind: ListKind) {
        Terminal.print("\(kind.rawValue)：\(lists.count) 个部门")
        for list in lists {
            Terminal.print("")
            Terminal.print(String(repeating: "─", count: 20))
            print(list)
        }
    }
}

/// Prints list versions without their items, one a line.
enum ListSummaryPrinter {
    static func print(_ lists: [ListSummary]) {
        if lists.isEmpty { Terminal.print("没有清单。") }
        for list in lists {
            let state = list.inForce ? "现行" : (list.inForceUntil == nil ? "未施行" : "已替换")
            let sample = Terminal.sampleMark(list.status)
            Terminal.print(
                "\(list.version)  \(state)  \(sample)\(list.department) · \(list.kind)  "
                    + "\(list.items) 项  公示 \(list.published ?? "—")  备案 \(list.filed ?? "—")")
        }
    }
}

struct ListsCommand: Answering {
    static let configuration = CommandConfiguration(
        commandName: "lists",
        abstract: "全部清单版本，及其日期和是否现行。",
        discussion: "  lawkb lists --department 市场监管局")

    @Option(help: "只看该部门的清单。")
    var department: String?

    @Option(name: .customLong("as-of"), help: "标出该日（YYYY-MM-DD）施行的版本，默认今日。")
    var asOf: String?

    @OptionGroup var format: OutputOptions<AnswerAsJSON>

    @OptionGroup var options: IndexOptions

    private struct Output: Encodable { var lists: [ListSummary] }

    func answer() throws {
        let lists = try options.open().lists(department: department, asOf: asOf)
        if format.json {
            try Terminal.printJSON(Output(lists: lists))
            return
        }
        ListSummaryPrinter.print(lists)
    }
}

struct DepartmentsCommand: Answering {
    static let configuration = CommandConfiguration(
        commandName: "departments",
        abstract: "部门和苏木镇名录，以及 lawkb 能识别的名称。")

    @OptionGroup var format: OutputOptions<AnswerAsJSON>

    @OptionGroup var options: IndexOptions

    private struct Output: Encodable { var departments: [DepartmentSummary] }

    func answer() throws {
        let departments = try options.open().departments()
        if format.json {
            try Terminal.printJSON(Output(departments: departments))
            return
        }
        for department in departments {
            Terminal.print(
                "\(department.id.padding(toLength: 6, withPad: " ", startingAt: 0)) \(department.name)"
                    + "（\(department.shortNames.joined(separator: "、"))）\(department.lists) 个清单版本")
        }
    }
}
