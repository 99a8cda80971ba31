import ArgumentParser
import LawQuery

struct ArticleCommand: Answering {
    static let configuration = CommandConfiguration(
        commandName: "article",
        abstract: "按条文序号显示法律的一条。",
        discussion: """
            法律可写全称或常用简称；条文序号可写 33、第33条 或 第三十三条。
            一部法律收录了几个版本时，默认显示现行版本；--version 指定版本。

              lawkb article 行政处罚法 33
              lawkb article 中华人民共和国行政强制法 第十六条 --json
              lawkb article 道路运输条例 68 --version 2022
            """)

    @Argument(help: "法律：行政处罚法、中华人民共和国行政处罚法、优化营商环境条例 …")
    var document: String

    @Argument(help: "条文序号：33 或 第三十三条。")
    var number: String = ""

    @Option(name: .customLong("version"), help: "法律的版本（如 2022），默认现行版本。")
    var lawVersion: String?

    @OptionGroup var format: OutputOptions<AnswerAsJSON>

    @OptionGroup var options: IndexOptions

    func answer() throws {
        let record = try options.open().article(document: document, number: number, version: lawVersion)
        if format.json {
            try Terminal.printJSON(record)
        } else {
            ArticlePrinter.print(record)
        }
    }
}

/// Prints an article for people: document, chapter, then the text.
enum ArticlePrinter {
    static func print(_ record: ArticleRecord) {
        let version = record.version.map { "（\($0)年版本" + (record.status.map { "，\($0)" } ?? "") + "）" } ?? ""
        Terminal.print("\(record.document)\(version) · \(record.chapter)")
        Terminal.print("")
        Terminal.print(record.text)
    }
}
