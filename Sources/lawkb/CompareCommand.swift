import ArgumentParser
import LawCorpus
import LawQuery

struct CompareCommand: Answering {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "新旧对照：逐条比较一部法律的两个版本。",
        discussion: """
            条文按内容对应，不按条号：2017年版本第三十条对应2021年版本第四十条；一条拆成两条、
            两条合为一条也能对应。每对条文标明 未修改 / 仅条号变化 / 修改，修改的条文逐字标出
            删除的文字 [-…-] 和新增的文字 {+…+}；最后列出新增和删除的条文。
            不写版本时，比较现行版本的上一个版本和现行版本；只写一个版本时，比较该版本和现行版本。

              lawkb compare 行政处罚法
              lawkb compare 行政处罚法 2017 2021
              lawkb compare 行政处罚法 --changed-only
              lawkb compare 行政处罚法 2017 2021 --json
            """)

    @Argument(help: "法律：行政处罚法、中华人民共和国行政处罚法 …")
    var document: String

    @Argument(help: "旧版本（如 2017），默认现行版本的上一个版本。")
    var from: String?

    @Argument(help: "新版本（如 2021），默认现行版本。")
    var to: String?

    @Flag(name: .customLong("changed-only"), help: "只列修改、新增和删除的条文。")
    var changedOnly = false

    @OptionGroup var format: OutputOptions<AnswerAsJSON>

    @OptionGroup var options: IndexOptions

    func answer() throws {
        let comparison = try options.open().compare(document: document, from: from, to: to)
        if format.json {
            try Terminal.printJSON(comparison)
        } else {
            ComparisonPrinter.print(comparison, changedOnly: changedOnly)
        }
    }
}

/// Prints a comparison for people: the two versions, the counts, each pair with its marked
/// differences, then the added and removed articles.
enum ComparisonPrinter {
    static func print(_ comparison: VersionComparison, changedOnly: Bool) {
        Terminal.print("\(comparison.document) 新旧对照")
        Terminal.print("  旧：\(describe(comparison.fromVersion))")
        Terminal.print("  新：\(describe(comparison.toVersion))")
        Terminal.print("  \(comparison.summary.chineseSentence)")
        for pair in comparison.pairs where !changedOnly || pair.change == .modified {
            Terminal.print("")
            Terminal.print("\(heading(pair, comparison))")
            if pair.change == .modified { Terminal.print(marked(pair.diff)) }
        }
        for (title, numbers, texts) in [
            ("新增条文", comparison.added, comparison.toTexts), ("删除条文", comparison.removed, comparison.fromTexts),
        ] where !numbers.isEmpty {
            Terminal.print("")
            Terminal.print("\(title)（\(numbers.count) 条）")
            for number in numbers {
                Terminal.print("\(LawQueries.articleLabel(number))  \(texts[number] ?? "")")
            }
        }
    }

    /// `2017年版本（公布 2017-09-01，施行 2018-01-01，已修改）`.
    static func describe(_ version: VersionSummary) -> String {
        let facts = [
            version.promulgated.map { "公布 \($0)" }, version.effective.map { "施行 \($0)" }, version.status,
        ].compactMap { $0 }
        return "\(version.version)年版本" + (facts.isEmpty ? "" : "（\(facts.joined(separator: "，"))）")
    }

    /// `第三十条 → 第四十条  修改`.
    static func heading(_ pair: ComparedArticles, _ comparison: VersionComparison) -> String {
        let from = pair.from.map(LawQueries.articleLabel).joined(separator: "、")
        let to = pair.to.map(LawQueries.articleLabel).joined(separator: "、")
        let how = [pair.change.chineseName, pair.form.chineseName].compactMap { $0 }.joined(separator: "，")
        return "\(comparison.from) \(from) → \(comparison.to) \(to)  \(how)"
    }

    /// The diff as text with deletions `[-…-]` and insertions `{+…+}` marked.
    static func marked(_ runs: [ArticleDiff.Run]) -> String {
        runs.map { run in
            switch run.op {
            case .equal: run.text
            case .delete: "[-\(run.text)-]"
            case .insert: "{+\(run.text)+}"
            }
        }.joined()
    }
}
