import ArgumentParser
import LawQuery

struct CiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cite",
        abstract: "Resolve a citation and show the article it names.",
        discussion: """
            Accepts citations as they appear in lists and decisions, with full or short titles \
            and Chinese or Arabic numerals; a named paragraph (款) is shown on its own first.

              lawkb cite "《中华人民共和国行政处罚法》第三十三条第一款"
              lawkb cite 行政强制法第16条
            """)

    @Argument(help: "The citation, e.g. 《行政处罚法》第三十三条第一款.")
    var citation: [String]

    @Flag(help: "Print JSON.")
    var json = false

    @OptionGroup var options: IndexOptions

    func run() throws {
        do {
            let answer = try options.open().cite(citation.joined(separator: " "))
            if json {
                try Terminal.printJSON(answer)
                return
            }
            if let paragraph = answer.paragraph, let text = answer.paragraphText {
                print("\(answer.article.label)第\(ChineseNumeralFormatter.format(paragraph))款：\(text)")
                print("")
            }
            ArticlePrinter.print(answer.article)
        } catch {
            throw Terminal.fail(error)
        }
    }
}
