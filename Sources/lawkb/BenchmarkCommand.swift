import ArgumentParser
import Foundation
import LawIndex
import LawQuery
import Yams

struct BenchmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "benchmark",
        abstract: "Measure tokenizer throughput and search latency (build with -c release).",
        subcommands: [TokenizerBenchmarkCommand.self, SearchBenchmarkCommand.self, ListsBenchmarkCommand.self])
}

struct TokenizerBenchmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokenizer",
        abstract: "Tokenizer MB/s on the corpus texts: lawkb_han alone, and lawkb_han, unicode61, trigram in FTS5.")

    @Option(help: "The corpus directory whose .md and .txt files are tokenized.")
    var corpus: String = "Corpus"

    @Option(help: "How many times the texts are tokenized.")
    var repetitions: Int = 20

    @Flag(help: "Print JSON.")
    var json = false

    func run() throws {
        let paragraphs = try corpusParagraphs()
        let megabytes = Double(paragraphs.reduce(0) { $0 + $1.utf8.count }) / 1e6
        let results = try TokenizerBenchmark.run(paragraphs: paragraphs, repetitions: repetitions)
        if json {
            try Terminal.printJSON(results)
            return
        }
        print(String(format: "%.2f MB of text × %d repetitions", megabytes, repetitions))
        for result in results {
            print(String(format: "%8.1f MB/s  ", result.megabytesPerSecond)
                + "\(result.name)  (\(result.tokens) tokens/terms)")
        }
    }

    private func corpusParagraphs() throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: corpus) else {
            throw ValidationError("no corpus directory at \(corpus)")
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

struct SearchBenchmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search latency (median, p99) over the queries of a YAML file such as ../shared/eval/queries.yaml.")

    @Option(help: "A YAML list of entries with a `query` key.")
    var queries: String = "../shared/eval/queries.yaml"

    @Option(help: "How many times each query runs.")
    var rounds: Int = 50

    @Flag(help: "Print JSON.")
    var json = false

    @OptionGroup var options: IndexOptions

    private struct Entry: Decodable { var query: String }

    func run() throws {
        let text = try String(contentsOfFile: queries, encoding: .utf8)
        let entries = try YAMLDecoder().decode([Entry].self, from: text)
        let result = try SearchBenchmark.run(try options.open(), queries: entries.map(\.query), rounds: rounds)
        if json {
            try Terminal.printJSON(result)
            return
        }
        print("search: \(result)  (\(entries.count) queries × \(rounds))")
    }
}

struct ListsBenchmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lists",
        abstract: "Latency of `list` (every department's every list kind) and `changes` (all lists).")

    @Option(help: "How many times each call runs.")
    var rounds: Int = 20

    @Flag(help: "Print JSON.")
    var json = false

    @OptionGroup var options: IndexOptions

    private struct Output: Encodable {
        var list: LatencyMeasurement
        var changes: LatencyMeasurement
    }

    func run() throws {
        let queries = try options.open()
        let pairs = Set(try queries.lists().filter(\.inForce).map { [$0.department, $0.kind] })
        let list = try LatencyMeasurement.measure(rounds: rounds, calls: pairs.map { pair in
            { _ = try queries.list(department: pair[0], kind: pair[1]) }
        })
        let changes = try LatencyMeasurement.measure(rounds: rounds, calls: [
            { _ = try queries.changes(ChangesRequest()) },
        ])
        if json {
            try Terminal.printJSON(Output(list: list, changes: changes))
            return
        }
        print("list:    \(list)  (\(pairs.count) lists × \(rounds))")
        print("changes: \(changes)  (all lists, × \(rounds))")
    }
}

