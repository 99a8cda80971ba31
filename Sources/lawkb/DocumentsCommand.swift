import ArgumentParser
import LawQuery

struct DocumentsCommand: Answering {
    static let configuration = CommandConfiguration(
        commandName: "documents",
        abstract: "索引收录的文件，及其版本、日期和效力。")

    @OptionGroup var format: OutputOptions<AnswerAsJSON>

    @OptionGroup var options: IndexOptions

    private struct Output: Encodable {
        var documents: [DocumentRecord]
    }

    func answer() throws {
        let documents = try options.open().documents()
        if format.json {
            try Terminal.printJSON(Output(documents: documents))
            return
        }
        for document in documents {
            let dates = [document.promulgated.map { "公布 \($0)" }, document.effective.map { "施行 \($0)" }]
                .compactMap { $0 }.joined(separator: "，")
            print("\(document.title)  [\(document.kind.chineseName)] \(document.status ?? "") \(dates)  共 \(document.units) 条")
        }
    }
}
