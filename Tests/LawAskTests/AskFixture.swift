import Foundation
import LawCorpus
import LawIndex
import LawQuery

/// The shipped corpus, indexed once per test run, full and public.
enum AskFixture {
    /// The repository root.
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Tests/Eval/`: the development sets.
    static let evaluation = repository.appendingPathComponent("Tests/Eval")

    /// Queries over a fresh index of the shipped corpus.
    static let queries: LawQueries = LawQueries(try! KnowledgeBase(path: build(.full)))

    /// Public-only queries over a fresh public index, as a public server makes them.
    static let publicQueries: LawQueries = LawQueries(try! KnowledgeBase(path: build(.public)), publicOnly: true)

    /// The names of the full index.
    static let vocabulary: Vocabulary = try! queries.vocabulary()

    /// A fixed "today", so relative dates are tested exactly.
    static let today = CalendarDate(year: 2024, month: 6, day: 15)!

    private static func build(_ artifact: IndexArtifact) -> String {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("lawkb-ask-tests-\(UUID().uuidString)")
        let path = directory.appendingPathComponent("lawkb.sqlite").path
        _ = try! IndexBuilder(corpusRoot: repository.appendingPathComponent("Corpus").path, artifact: artifact)
            .build(to: path)
        return path
    }
}
