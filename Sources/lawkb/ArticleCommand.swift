import ArgumentParser
import LawQuery

struct ArticleCommand: Answering {
    static let configuration = CommandConfiguration(
        commandName: "article",
        abstract: "按条文序号显示法律的一条。",
        discussion: """
            法律可写全称或常用简称；条文序号可写 33、第33条 或 第三十三条。
            一部法律收录了几个版本时，默认显示现行版本；--version 2017 或 行政处罚法(2017)、
            2017年行政处罚法、旧行政处罚法 指定版本。--as-of 日期：按现行版本（或指定版本）的条号，
            显示该日施行的版本中与之对应的条文（条文按内容对应，条号可能不同）。
            输出末尾列出该条在其他版本中对应的条文，或说明没有。

              lawkb article 行政处罚法 33
              lawkb article 中华人民共和国行政强制法 第十六条 --json
              lawkb article 道路运输条例 68 --version 2022
              lawkb article 行政处罚法 54 --as-of 2020-05-01
              lawkb article "行政处罚法(2017)" 36
            """)

    @Argument(help: "法律：行政处罚法、中华人民共和国行政处罚法、优化营商环境条例 …")
    var document: String

    @Argument(help: "条文序号：33 或 第三十三条。")
    var number: String = ""

    @Option(name: .customLong("version"), help: "法律的版本（如 2022），默认现行版本。")
    var lawVersion: String?

    @Option(name: .customLong("as-of"), help: "显示该日（2020-05-01 或 2020年5月1日）施行的版本中对应的条文。")
    var asOf: String?

    @OptionGroup var format: OutputOptions<AnswerAsJSON>

    @OptionGroup var options: IndexOptions

    func answer() throws {
        let queries = try options.open()
        let record =
            if let asOf {
                try queries.article(document: document, number: number, version: lawVersion, asOf: asOf)
            } else {
                try queries.article(document: document, number: number, version: lawVersion)
            }
        if format.json {
            try Terminal.printJSON(record)
        } else {
            ArticlePrinter.print(record)
        }
    }
}

/// Prints an article for people: document and version, how a day led to it, chapter, the
/// text, then its counterparts in the other versions.
enum ArticlePrinter {
    static func print(_ record: ArticleRecord) {
        let version = record.version.map { "（\($0)年版本" + (record.status.map { "，\($0)" } ?? "") + "）" } ?? ""
        Terminal.print("\(record.document)\(version) · \(record.chapter)")
        if let reading = record.asOf {
            Terminal.print(reading.sentence(readVersion: record.version, labels: reading.articles.map(LawQueries.articleLabel)))
        }
        Terminal.print("")
        Terminal.print(record.text)
        guard !record.counterparts.isEmpty else { return }
        Terminal.print("")
        for counterpart in record.counterparts {
            Terminal.print("其他版本：\(counterpart.sentence)")
        }
    }
}
