import ArgumentParser
import Foundation
import LawCorpus

/// `lawkb event …`: the dated events from which plan rules count their time (联合执法完成 …).
struct EventCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "event",
        abstract: "登记方案时限起算的事件（双随机计划下发、联合执法开始、联合执法完成等）。",
        subcommands: [EventAddCommand.self])
}

struct EventAddCommand: Answering {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "登记一个事件：写入 Corpus/events/<部门 id>/<事件日期>-<事件种类代码>.yaml。",
        discussion: """
            事件种类：\(PlanEventKind.vocabulary)（也可写代码，如 joint-enforcement-completed）。\
            每个事件为约束该部门的相应规则（Corpus/plan/obligations.yaml 的 triggered）设一项义务，\
            义务 id 为规则 id 加事件日期。已有同名文件时不覆盖。登记后运行 lawkb index。

              lawkb event add --department 交通局 --kind 联合执法完成 --date 2022-09-28 --note 货运车辆超限超载联合治理
            """)

    @Option(help: "部门（全称或简称）。")
    var department: String

    @Option(help: "事件种类：\(PlanEventKind.vocabulary)。")
    var kind: String

    @Option(help: "事件日期（YYYY-MM-DD）。")
    var date: String

    @OptionGroup var record: CorpusRecordOptions

    func answer() throws {
        guard let day = WrittenDate.day(date) else {
            throw FilingError(description: "事件日期“\(date.prefix(40))”不是日期；请写作 YYYY-MM-DD")
        }
        guard let eventKind = PlanEventKind.resolve(kind) else {
            throw FilingError(description: "“\(kind.prefix(40))”不是事件种类；可用：\(PlanEventKind.vocabulary)")
        }
        let context = try record.context(recording: "事件", department: department)
        let unit = context.unit
        let event = PlanEvent(
            file: "", department: unit.id, kind: eventKind, date: day, note: record.trimmedNote, status: record.status)
        let path = record.path(PlanEvent.relativePath(department: unit.id, date: day, kind: eventKind))
        let text = event.yaml(departmentName: unit.name)
        _ = try PlanEvent.parse(
            text, file: path, registry: context.registry, obligations: context.obligations,
            calendar: context.corpus.calendar)
        try NewCorpusFile.write(text, to: path)
        let ids = context.obligations.triggered.filter { $0.trigger == eventKind && $0.binds(department: unit.id) }
            .map { $0.obligationID(event: day) }
        Terminal.print(
            "已登记：\(path)\n由此起算的义务：\(ids.joined(separator: "、"))\n运行 lawkb index 更新索引后，lawkb compliance 即列出这些义务。")
    }
}
