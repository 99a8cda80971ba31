import ArgumentParser
import LawQuery

struct DocumentCommand: Answering {
    static let configuration = CommandConfiguration(
        commandName: "document",
        abstract: "一部法律的条文目录：各章及其条文，以及引用各条的清单事项数。",
        discussion: """
            法律可写全称或常用简称；默认显示现行版本，--version 指定版本。每条后的“被引 N”
            是引用该版本此条的清单事项数（lawkb cited-by 列出它们）。

              lawkb document 道路运输条例
              lawkb document 农产品质量安全法 --version 2018
              lawkb document 行政处罚法 --json
            """)

    @Argument(help: "法律：道路运输条例、中华人民共和国食品安全法 …")
    var document: String

    @Option(name: .customLong("version"), help: "法律的版本（如 2022），默认现行版本。")
    var lawVersion: String?

    @OptionGroup var format: OutputOptions<AnswerAsJSON>

    @OptionGroup var options: IndexOptions

    func answer() throws {
        let outline = try options.open().outline(document: document, version: lawVersion)
        if format.json {
            try Terminal.printJSON(outline)
        } else {
            OutlinePrinter.print(outline)
        }
    }
}

/// Prints a law's outline for people: its facts and versions, then chapter by chapter.
enum OutlinePrinter {
    static func print(_ outline: DocumentOutline) {
        let facts = [outline.category, outline.issuer].compactMap { $0 }.joined(separator: " · ")
        Terminal.print("\(outline.title)（\(outline.version.version)年版本）\(facts.isEmpty ? "" : " · " + facts)")
        Terminal.print("  " + VersionText.describe(outline.version))
        if outline.versions.count > 1 {
            let others = outline.versions.filter { $0.version != outline.version.version }
                .map { "\($0.version)（\($0.status ?? "")）" }.joined(separator: "、")
            Terminal.print("  其他版本：\(others)（--version 查看）")
        }
        Terminal.print("  共 \(outline.articleCount) 条")
        for chapter in outline.chapters {
            Terminal.print("")
            if !chapter.heading.isEmpty { Terminal.print(chapter.heading) }
            for article in chapter.articles {
                let cited = article.citingItems > 0 ? "  〔被引 \(article.citingItems)〕" : ""
                Terminal.print("  \(article.label) \(article.opening)\(cited)")
            }
        }
    }
}

/// A version's validity and dates in one line: `现行有效 · 公布 2023-07-20 · 施行 2023-07-20`.
enum VersionText {
    static func describe(_ version: VersionSummary) -> String {
        var parts = [version.status ?? "效力未知"]
        if let date = version.promulgated { parts.append("公布 \(date)") }
        if let date = version.effective { parts.append("施行 \(date)") }
        if let until = version.inForceUntil, let from = version.inForceFrom {
            parts.append("施行期间 \(from) 至 \(until) 前")
        }
        return parts.joined(separator: " · ")
    }
}
