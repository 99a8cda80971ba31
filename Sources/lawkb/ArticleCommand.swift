import ArgumentParser
import LawQuery

struct ArticleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "article",
        abstract: "Show one article of a law by its number.",
        discussion: """
            The law may be named by its full title or the name people use; the number may be \
            written 33, 第33条 or 第三十三条.

              lawkb article 行政处罚法 33
              lawkb article 中华人民共和国行政强制法 第十六条 --json
            """)

    @Argument(help: "The law: 行政处罚法, 中华人民共和国行政处罚法, 优化营商环境条例 …")
    var document: String

    @Argument(help: "The article number: 33 or 第三十三条.")
    var number: String

    @Flag(help: "Print JSON.")
    var json = false

    @OptionGroup var options: IndexOptions

    func run() throws {
        do {
            let record = try options.open().article(document: document, number: number)
            if json {
                try Terminal.printJSON(record)
            } else {
                ArticlePrinter.print(record)
            }
        } catch {
            throw Terminal.fail(error)
        }
    }
}

/// Prints an article for people: document, chapter, then the text.
enum ArticlePrinter {
    static func print(_ record: ArticleRecord) {
        let version = record.version.map { "（\($0)）" } ?? ""
        Swift.print("\(record.document)\(version) · \(record.chapter)")
        Swift.print("")
        Swift.print(record.text)
    }
}
