import ArgumentParser

/// `lawkb`: search the plan, the laws it cites and the lists it orders.
@main
struct Lawkb: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lawkb",
        abstract: "A searchable knowledge base of the 乌审旗 enforcement-quality plan and the laws it cites.",
        discussion: """
            Run the commands from the repository root: the corpus is read from Corpus/ and the \
            index is written to Index/lawkb.sqlite. A missing or outdated index is built on first use.

            Examples:
              lawkb search 违法行为轻微 及时改正
              lawkb article 行政处罚法 第三十三条
              lawkb cite "《行政处罚法》第三十三条第一款"
              lawkb deadlines
            """,
        subcommands: [
            SearchCommand.self, AskCommand.self, ArticleCommand.self, CiteCommand.self, DeadlinesCommand.self,
            ListCommand.self, ListsCommand.self, ChangesCommand.self, CitedByCommand.self, DepartmentsCommand.self,
            DocumentsCommand.self, DocumentCommand.self, CompareCommand.self, CheckBenchmarksCommand.self, IndexCommand.self,
            ImportCommand.self, ComplianceCommand.self, FilingCommand.self, EventCommand.self,
            GenerateCommand.self, ServeCommand.self,
            BenchmarkCommand.self,
        ])
}
