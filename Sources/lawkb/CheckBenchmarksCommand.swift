import ArgumentParser
import LawCorpus
import LawQuery

struct CheckBenchmarksCommand: Answering {
    static let configuration = CommandConfiguration(
        commandName: "check-benchmarks",
        abstract: "对照法条核对裁量基准：每个裁量阶次的罚款和处罚种类是否在处罚依据规定的范围内。",
        discussion: """
            裁量基准只能在法律规定的幅度内细化裁量权。本命令从每个事项的“处罚依据”所引条文
            （清单版本日期当时施行的版本）读出法定处罚——罚款幅度（X元以上Y元以下、违法所得N倍以上M倍以下）、
            警告、没收违法所得、吊销许可证件等——逐个阶次比对：
              超出法定幅度        阶次罚款超出条文规定的幅度
              法条未规定该处罚种类  阶次用了条文没有规定的处罚（如条文无罚款而阶次罚款）
              无法核对            罚款单位不同（如条文只规定违法所得倍数）、依据未收录或所引条文未规定处罚
            默认核对今日（或 --as-of 当日）施行的版本，只列有问题的事项；--every-version 核对各版，--every-item 列出全部事项。

              lawkb check-benchmarks
              lawkb check-benchmarks --department 交通运输局 --every-item
              lawkb check-benchmarks --every-version --json
            """)

    @Option(help: "只核对该部门（全称、简称或代码：市监局、交通运输局、jtys）。")
    var department: String?

    @Option(name: .customLong("as-of"), help: "核对该日（YYYY-MM-DD）施行的版本，默认今日。")
    var asOf: String?

    @Flag(name: .customLong("every-version"), help: "核对每个版本，不论是否施行。")
    var everyVersion = false

    @Flag(name: .customLong("every-item"), help: "列出全部事项，而不只是有问题的事项。")
    var everyItem = false

    @OptionGroup var format: OutputOptions<AnswerAsJSON>

    @OptionGroup var options: IndexOptions

    func answer() throws {
        let review = try options.open().reviewBenchmarks(department: department, asOf: asOf, everyVersion: everyVersion)
        if format.json {
            try Terminal.printJSON(review)
        } else {
            BenchmarkReviewPrinter(everyItem: everyItem).print(review)
        }
    }
}

/// Prints a benchmark review for people: each version, its items with findings, the tally.
struct BenchmarkReviewPrinter {
    /// Whether items without findings are printed too.
    let everyItem: Bool

    func print(_ review: BenchmarkReview) {
        let scope = review.everyVersion ? "各版" : "\(review.asOf) 施行的"
        Terminal.print("核对 \(scope)裁量基准 \(review.benchmarks.count) 个：" + Self.describe(review.tally))
        for benchmark in review.benchmarks {
            Terminal.print("")
            let sample = Terminal.sampleMark(benchmark.status)
            Terminal.print("\(sample)\(benchmark.title)（\(benchmark.version) 版）：" + Self.describe(benchmark.tally))
            for item in benchmark.items where everyItem || item.needsAttention {
                printItem(item)
            }
        }
    }

    private func printItem(_ item: ReviewedItem) {
        let mark = item.check.problem != nil ? "？" : item.check.isWithinLaw ? (item.needsAttention ? "·" : "✓") : "✗"
        Terminal.print("  \(mark) \(item.id) \(item.name)")
        for provision in item.check.provisions {
            Terminal.print("      法定：\(provision.chineseLabel())：\(provision.penalty.chineseSummary)")
        }
        if let problem = item.check.problem {
            Terminal.print("      \(problem.chineseDescription)" + (item.penaltyBasis.map { "（处罚依据：\($0)）" } ?? ""))
        }
        for level in item.check.levels {
            let findings = level.findings.map(\.chineseDescription)
            guard everyItem || !findings.isEmpty else { continue }
            let verdict = findings.isEmpty ? "在法定幅度内" : findings.joined(separator: "；")
            Terminal.print("      \(level.level)：\(verdict)")
        }
    }

    /// `37 个阶次：35 个在法定幅度内，1 个超出，1 个无法核对`.
    static func describe(_ tally: BenchmarkTally) -> String {
        var parts = ["\(tally.withinLaw) 个在法定幅度内"]
        if tally.beyondLaw > 0 { parts.append("\(tally.beyondLaw) 个超出法定幅度或不符") }
        if tally.unchecked > 0 { parts.append("\(tally.unchecked) 个无法核对") }
        return "\(tally.items) 项事项 \(tally.levels) 个阶次，" + parts.joined(separator: "，")
    }
}
