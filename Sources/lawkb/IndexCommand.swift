import ArgumentParser
import LawIndex

struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Build the index from the corpus.",
        discussion: """
            Writes a new index to a temporary file and moves it into place only when complete: \
            if a corpus file is malformed the error names the file and line, and the previous \
            index stays usable.
            """)

    @Option(help: "The corpus directory.")
    var corpus: String = "Corpus"

    @Option(help: "Where to write the index.")
    var output: String = KnowledgeBase.defaultPath

    @Flag(help: "Print the report as JSON.")
    var json = false

    func run() throws {
        do {
            let report = try IndexBuilder(corpusRoot: corpus).build(to: output)
            if json {
                try Terminal.printJSON(report)
                return
            }
            print("Indexed \(corpus)/ into \(report.path) in \(String(format: "%.2f", report.seconds)) s")
            print("  documents  \(report.documents)")
            print("  units      \(report.units)")
            print("  articles   \(report.articles)")
            print("  lists      \(report.lists) versions, \(report.listItems) items")
            print("  deadlines  \(report.deadlines)")
            print("  citations  \(report.citations) (\(report.unresolvedCitations) to documents not in the corpus)")
            print("  size       \(report.bytes / 1024) KiB")
            for note in report.notes { print("note: \(note)") }
            for warning in report.warnings { Terminal.note("warning: \(warning)") }
        } catch {
            throw Terminal.fail(error)
        }
    }
}
