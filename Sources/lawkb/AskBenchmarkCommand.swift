import ArgumentParser
import Foundation
import LawAsk
import LawBenchmarks
import LawQuery
import Yams

/// `lawkb benchmark ask`: the latency of answering questions in plain Chinese, from the
/// question to the answer (understanding, the query, the answer), and how many of the
/// development questions are understood as their `expect` says.
struct AskBenchmarkCommand: Answering {
    static let configuration = CommandConfiguration(
        commandName: "ask",
        abstract: "问题的回答耗时（中位数、p99），以及问题集中按预期理解的问题数。",
        discussion: "  swift build -c release && .build/release/lawkb benchmark ask --questions Tests/Eval/questions.yaml")

    @Option(help: "问题集（YAML：- q: …  expect: {intent: …}）。")
    var questions: String = "Tests/Eval/questions.yaml"

    @Option(help: "每个问题计时的轮数。")
    var rounds: Int = 50

    @OptionGroup var format: OutputOptions<AnswerAsJSON>

    @OptionGroup var options: IndexOptions

    private struct Question: Decodable {
        struct Expectation: Decodable { var intent: String }
        var q: String
        var expect: Expectation
    }

    private struct Output: Encodable {
        var ask: LatencyMeasurement
        var questions: Int
        var intentsAsExpected: Int
    }

    func answer() throws {
        guard (1...10_000).contains(rounds) else {
            throw ValidationError("--rounds 应在 1 到 10000 之间")
        }
        let text = try String(contentsOfFile: questions, encoding: .utf8)
        let cases = try YAMLDecoder().decode([Question].self, from: text)
        let asker = Asker(try options.open())
        let asExpected = cases.filter { (try? asker.ask($0.q).reading.intent.rawValue) == $0.expect.intent }.count
        let measurement = try LatencyMeasurement.measure(
            rounds: rounds,
            calls: cases.map { question in
                { _ = try asker.ask(question.q) }
            })
        if format.json {
            try Terminal.printJSON(Output(ask: measurement, questions: cases.count, intentsAsExpected: asExpected))
            return
        }
        print("ask: \(measurement)  (\(cases.count) 个问题 × \(rounds))")
        print("意图符合预期：\(asExpected) / \(cases.count)")
    }
}
