import ArgumentParser
import LawCorpus
import LawQuery

struct CiteCommand: Answering {
    static let configuration = CommandConfiguration(
        commandName: "cite",
        abstract: "识别一处引用，显示所引的条文。",
        discussion: """
            接受清单和决定书中的写法：全称或简称，中文或阿拉伯数字；引用到款时先单独显示该款。

              lawkb cite "《中华人民共和国行政处罚法》第三十三条第一款"
              lawkb cite 行政强制法第16条
            """)

    @Argument(help: "引用，例如《行政处罚法》第三十三条第一款。")
    var citation: [String]

    @OptionGroup var format: OutputOptions<AnswerAsJSON>

    @OptionGroup var options: IndexOptions

    func answer() throws {
        let answer = try options.open().cite(citation.joined(separator: " "))
        if format.json {
            try Terminal.printJSON(answer)
            return
        }
        if let paragraph = answer.paragraph, let text = answer.paragraphText {
            print("\(answer.article.label)第\(ChineseNumeralFormatter.format(paragraph))款：\(text)")
            print("")
        }
        ArticlePrinter.print(answer.article)
    }
}
