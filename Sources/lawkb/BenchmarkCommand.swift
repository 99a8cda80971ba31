import ArgumentParser
import Foundation
import LawBenchmarks
import LawQuery
import Yams

struct BenchmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "benchmark",
        abstract: "测量分词速度和检索延迟（请用 -c release 编译）。",
        subcommands: [
            TokenizerBenchmarkCommand.self, SearchBenchmarkCommand.self, ListsBenchmarkCommand.self, AskBenchmarkCommand.self,
            CompareBenchmarkCommand.self,
        ])
}

struct TokenizerBenchmarkCommand: Answering {
    static let configuration = CommandConfiguration(
        commandName: "tokenizer",
        abstract: "语料文本的分词速度（MB/s）：单独的 lawkb_han，以及 FTS5 中的 lawkb_han、unicode61、trigram。")

    @Option(help: "语料目录，对其中的 .md 和 .txt 文件分词。")
    var corpus: String = "Corpus"

    @Option(help: "分词的重复次数。")
    var repetitions: Int = 20

    @OptionGroup var format: OutputOptions<AnswerAsJSON>

    func answer() throws {
        let paragraphs = try corpusParagraphs()
        let megabytes = Double(paragraphs.reduce(0) { $0 + $1.utf8.count }) / 1e6
        let results = try TokenizerBenchmark.run(paragraphs: paragraphs, repetitions: repetitions)
        if format.json {
            try Terminal.printJSON(results)
            return
        }
        print(String(format: "文本 %.2f MB × 重复 %d 次", megabytes, repetitions))
        for result in results {
            print(
                String(format: "%8.1f MB/s  ", result.megabytesPerSecond)
                    + "\(result.name)（\(result.tokens) 个词元）")
        }
    }

    private func corpusParagraphs() throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: corpus) else {
            throw ValidationError("\(corpus) 不是语料目录")
        }
        var paragraphs: [String] = []
        while let path = enumerator.nextObject() as? String {
            guard path.hasSuffix(".md") || path.hasSuffix(".txt") else { continue }
            let text = try String(contentsOfFile: "\(corpus)/\(path)", encoding: .utf8)
            paragraphs += text.split(separator: "\n").map(String.init)
        }
        return paragraphs
    }
}

struct SearchBenchmarkCommand: Answering {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "检索延迟（中位数、p99），检索词取自 YAML 文件（如 Tests/Eval/queries.yaml）。")

    @Option(help: "YAML 列表，每项有 `query` 键。")
    var queries: String = "Tests/Eval/queries.yaml"

    @Option(help: "每个检索词运行的次数。")
    var rounds: Int = 50

    @OptionGroup var format: OutputOptions<AnswerAsJSON>

    @OptionGroup var options: IndexOptions

    private struct Entry: Decodable { var query: String }

    func answer() throws {
        let text = try String(contentsOfFile: queries, encoding: .utf8)
        let entries = try YAMLDecoder().decode([Entry].self, from: text)
        let result = try SearchBenchmark.run(try options.open(), queries: entries.map(\.query), rounds: rounds)
        if format.json {
            try Terminal.printJSON(result)
            return
        }
        print("检索：\(result)（\(entries.count) 个检索词 × \(rounds) 次）")
    }
}

struct ListsBenchmarkCommand: Answering {
    static let configuration = CommandConfiguration(
        commandName: "lists",
        abstract: "`list`（每个部门的每种清单）和 `changes`（全部清单）的延迟。")

    @Option(help: "每次调用运行的次数。")
    var rounds: Int = 20

    @OptionGroup var format: OutputOptions<AnswerAsJSON>

    @OptionGroup var options: IndexOptions

    private struct Output: Encodable {
        var list: LatencyMeasurement
        var changes: LatencyMeasurement
    }

    func answer() throws {
        let queries = try options.open()
        // One version in force per department and kind (only one is in force on a day).
        let inForce = try queries.lists().filter(\.inForce)
        let list = try LatencyMeasurement.measure(
            rounds: rounds,
            calls: inForce.map { version in
                { _ = try queries.list(department: version.department, kind: version.kind) }
            })
        let changes = try LatencyMeasurement.measure(
            rounds: rounds,
            calls: [
                { _ = try queries.changes(ChangesRequest()) }
            ])
        if format.json {
            try Terminal.printJSON(Output(list: list, changes: changes))
            return
        }
        print("list：   \(list)（\(inForce.count) 份清单 × \(rounds) 次）")
        print("changes：\(changes)（全部清单 × \(rounds) 次）")
    }
}

struct CompareBenchmarkCommand: Answering {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "`compare`（新旧对照，含逐字差异）和按日期取条文（--as-of）的延迟。",
        discussion: """
            对每部收录了多个版本的法律，比较现行版本的上一个版本和现行版本；再按现行条号取
            上一版本施行期间的对应条文。

              lawkb benchmark compare --rounds 20
            """)

    @Option(help: "每次调用运行的次数。")
    var rounds: Int = 20

    @OptionGroup var format: OutputOptions<AnswerAsJSON>

    @OptionGroup var options: IndexOptions

    private struct Output: Encodable {
        var laws: [String]
        var compare: LatencyMeasurement
        var articleAsOf: LatencyMeasurement

        enum CodingKeys: String, CodingKey {
            case laws, compare
            case articleAsOf = "article_as_of"
        }
    }

    func answer() throws {
        let queries = try options.open()
        let laws = Dictionary(grouping: try queries.documents().filter { $0.kind == .regulation }, by: \.title)
            .filter { $0.value.count > 1 }.keys.sorted()
        guard !laws.isEmpty else { throw ValidationError("索引中没有收录了多个版本的法律") }
        let comparisons = try laws.map { try queries.compare(document: $0) }
        let compare = try LatencyMeasurement.measure(
            rounds: rounds, calls: laws.map { law in { _ = try queries.compare(document: law) } })
        let articleAsOf = try LatencyMeasurement.measure(
            rounds: rounds,
            calls: comparisons.map { comparison in
                let day = comparison.fromVersion.inForceFrom ?? "2000-01-01"
                let number = comparison.pairs.first { $0.change != .unchanged }?.to.first ?? 1
                return { _ = try queries.article(document: comparison.document, number: String(number), asOf: day) }
            })
        if format.json {
            try Terminal.printJSON(Output(laws: laws, compare: compare, articleAsOf: articleAsOf))
            return
        }
        print("compare：       \(compare)（\(laws.joined(separator: "、")) × \(rounds) 次）")
        print("article --as-of：\(articleAsOf)")
    }
}
