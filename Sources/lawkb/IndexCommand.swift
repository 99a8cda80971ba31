import ArgumentParser
import LawIndex

struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Build the index from the corpus.",
        discussion: """
            Writes a new index to a temporary file and moves it into place only when complete: \
            if a corpus file is malformed the error names the file and line, and the previous \
            index stays usable. Temporary files of a failed build are removed, and so are \
            those left by builds that were killed.

            --public builds the index a public server serves (`lawkb serve --public`): lists \
            marked `public: false` are not stored at all, and personal numbers are masked in \
            the stored text itself, so no search, snippet or count can reveal them.

              lawkb index                       # Index/lawkb.sqlite
              lawkb index --public              # Index/lawkb-public.sqlite
            """)

    @Option(help: "The corpus directory.")
    var corpus: String = "Corpus"

    @Option(help: "Where to write the index (default \(KnowledgeBase.defaultPath), or \(KnowledgeBase.defaultPublicPath) with --public).")
    var output: String?

    @Flag(name: .customLong("public"), help: "Build the public index: public lists only, personal numbers masked.")
    var publicArtifact = false

    @Flag(help: "Print the report as JSON.")
    var json = false

    func run() throws {
        let artifact: IndexArtifact = publicArtifact ? .public : .full
        let path = output ?? (publicArtifact ? KnowledgeBase.defaultPublicPath : KnowledgeBase.defaultPath)
        do {
            let report = try IndexBuilder(corpusRoot: corpus, artifact: artifact).build(to: path)
            if json {
                try Terminal.printJSON(report)
                return
            }
            print(Self.describe(report, corpus: corpus))
            for note in report.notes { print("note: \(note)") }
            for warning in report.warnings { Terminal.note("warning: \(warning)") }
        } catch {
            throw Terminal.fail(error)
        }
    }

    /// The report as printed for people.
    static func describe(_ report: IndexReport, corpus: String) -> String {
        var lines = [
            "Indexed \(corpus)/ into \(report.path) in \(String(format: "%.2f", report.seconds)) s",
            "  artifact   \(report.artifact.rawValue)",
            "  documents  \(report.documents)",
            "  units      \(report.units)",
            "  articles   \(report.articles)",
            "  lists      \(report.lists) versions, \(report.listItems) items",
            "  deadlines  \(report.deadlines)",
            "  citations  \(report.citations) (\(report.unresolvedCitations) to documents not in the corpus)",
            "  size       \(report.bytes / 1024) KiB",
        ]
        if report.artifact == .public {
            lines.append("  withheld   \(report.withheldLists) list versions not marked public")
            lines.append("  masked     personal numbers in \(report.maskedValues) stored values")
        }
        if !report.removedTemporaryFiles.isEmpty {
            lines.append("  removed    \(report.removedTemporaryFiles.count) temporary files of interrupted builds")
        }
        return lines.joined(separator: "\n")
    }
}
