import ArgumentParser
import Foundation
import LawCorpus

/// `lawkb filing …`: the documents the justice bureau receives for obligations no list shows.
struct FilingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "filing",
        abstract: "登记旗司法局收到的报送材料（名单、培训情况、月度情况表等）。",
        subcommands: [FilingAddCommand.self])
}

struct FilingAddCommand: Answering {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "登记一份报送材料：写入 Corpus/filings/<部门 id>/<收到日期>-<义务 id>.yaml。",
        discussion: """
            义务 id 见 Corpus/plan/obligations.yaml（如 training-report、monthly-report-2022-11）；\
            由事件起算的义务为规则 id 加事件日期（如 joint-enforcement-report-2022-09-28），须先用 lawkb event add 登记事件。\
            已有同名文件时不覆盖。登记后运行 lawkb index。

              lawkb filing add --department 市场监管局 --obligation training-report --received 2022-06-14 --number 乌市监发〔2022〕35号
            """)

    @Option(help: "报送部门（全称或简称）。")
    var department: String

    @Option(help: "义务 id。")
    var obligation: String

    @Option(help: "收到日期（YYYY-MM-DD）。")
    var received: String

    @Option(help: "文号。")
    var number: String?

    @OptionGroup var record: CorpusRecordOptions

    func answer() throws {
        guard let day = WrittenDate.day(received) else {
            throw FilingError(description: "收到日期“\(received.prefix(40))”不是日期；请写作 YYYY-MM-DD")
        }
        let context = try record.context(recording: "报送材料", department: department)
        let filing = Filing(
            file: "", department: context.unit.id, obligation: obligation, received: day,
            number: CorpusRecordOptions.text(number), note: record.trimmedNote, status: record.status)
        let path = record.path(Filing.relativePath(department: context.unit.id, received: day, obligation: obligation))
        let text = filing.yaml(departmentName: context.unit.name)
        _ = try Filing.parse(
            text, file: path, registry: context.registry, obligations: context.obligations, events: context.corpus.events)
        try NewCorpusFile.write(text, to: path)
        Terminal.print("已登记：\(path)\n运行 lawkb index 更新索引后，lawkb compliance 即反映这份材料。")
    }
}

/// The options `filing add` and `event add` share (a note, the sample mark, the corpus), and
/// what both need before writing: the corpus loaded, its obligations and the department.
struct CorpusRecordOptions: ParsableArguments {
    @Option(help: "说明。")
    var note: String?

    @Flag(help: "登记为示例数据（示例）。")
    var sample = false

    @Option(help: "语料目录。")
    var corpus: String = "Corpus"

    /// The corpus, its obligations and registry, and the department called `name`.
    struct Context {
        var corpus: Corpus
        var obligations: ObligationSet
        var registry: DepartmentRegistry
        var unit: Department
    }

    /// Loads the corpus for recording `what` (报送材料, 事件) for the department called `name`.
    func context(recording what: String, department name: String) throws -> Context {
        let loaded = try CorpusLoader(root: corpus).load()
        guard let obligations = loaded.obligations else {
            throw FilingError(description: "\(corpus)/plan/obligations.yaml 不存在，无法登记\(what)")
        }
        let registry = try DepartmentRegistry(loaded.departments)
        let unit = try NewCorpusFile.department(name, in: registry)
        return Context(corpus: loaded, obligations: obligations, registry: registry, unit: unit)
    }

    /// The note without surrounding spaces; `nil` when nothing remains.
    var trimmedNote: String? { Self.text(note) }

    /// `official`, or `sample` with `--sample`.
    var status: ListStatus { sample ? .sample : .official }

    /// `relative` inside the corpus.
    func path(_ relative: String) -> String {
        (corpus as NSString).appendingPathComponent(relative)
    }

    /// An optional value without surrounding spaces; `nil` when nothing remains.
    static func text(_ value: String?) -> String? {
        let trimmed = value?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return trimmed.isEmpty ? nil : trimmed
    }
}

/// A corpus file that `filing add` or `event add` creates.
enum NewCorpusFile {
    /// The department of the registry called `name`, or an error saying it is none or which
    /// it may be.
    static func department(_ name: String, in registry: DepartmentRegistry) throws -> Department {
        if let unit = registry.resolve(name) { return unit }
        let candidates = registry.matches(name).map(\.name)
        throw FilingError(
            description: candidates.isEmpty
                ? "“\(name.prefix(40))”不是 departments.yaml 中的部门"
                : "“\(name.prefix(40))”可指\(candidates.joined(separator: "、"))，请写全称")
    }

    /// Writes `text` to a new file at `path`; an existing file is never replaced.
    static func write(_ text: String, to path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let handle: FileHandle
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else {
            if errno == EEXIST {
                throw FilingError(description: "\(path) 已存在，未覆盖；如需更正请直接编辑该文件")
            }
            throw FilingError(description: "无法创建 \(path)：\(String(cString: strerror(errno)))")
        }
        handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }
}

/// Why a filing could not be recorded.
struct FilingError: Error, CustomStringConvertible {
    var description: String
}
