import ArgumentParser
import LawQuery

struct DocumentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "documents",
        abstract: "The documents in the index, with versions, dates and validity.")

    @Flag(help: "Print JSON.")
    var json = false

    @OptionGroup var options: IndexOptions

    private struct Output: Encodable {
        var documents: [DocumentRecord]
    }

    func run() throws {
        do {
            let documents = try options.open().documents()
            if json {
                try Terminal.printJSON(Output(documents: documents))
                return
            }
            for document in documents {
                let dates = [document.promulgated.map { "公布 \($0)" }, document.effective.map { "施行 \($0)" }]
                    .compactMap { $0 }.joined(separator: "，")
                print("\(document.title)  [\(document.kind)] \(document.status ?? "") \(dates)  \(document.units) units")
            }
        } catch {
            throw Terminal.fail(error)
        }
    }
}
