import ArgumentParser
import LawCorpus
import LawQuery

struct CiteCommand: Answering {
    static let configuration = CommandConfiguration(
        commandName: "cite",
        abstract: "识别一处引用，显示所引的条文。",
        discussion: """
            接受清单和决定书中的写法：全称或简称，中文或阿拉伯数字；引用到款时先单独显示该款。
            引用按现行版本解读；--as-of 日期：按该日施行的版本解读（该日写下的引用所指的条文），
            引用中写明版本（2017年行政处罚法第三十条）时按该版本。

              lawkb cite "《中华人民共和国行政处罚法》第三十三条第一款"
              lawkb cite 行政强制法第16条
              lawkb cite 行政处罚法第二十七条 --as-of 2020-05-01
            """)

    @Argument(help: "引用，例如《行政处罚法》第三十三条第一款。")
    var citation: [String]

    @Option(name: .customLong("as-of"), help: "按该日（2020-05-01 或 2020年5月1日）施行的版本解读引用。")
    var asOf: String?

    @OptionGroup var format: OutputOptions<AnswerAsJSON>

    @OptionGroup var options: IndexOptions

    func answer() throws {
        let answer = try options.open().cite(citation.joined(separator: " "), asOf: asOf)
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
