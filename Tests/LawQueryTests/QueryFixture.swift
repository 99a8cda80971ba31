import Foundation
import LawIndex
import LawQuery

/// The shipped corpus, indexed once per test run, and paths around it.
enum Fixture {
    /// The repository root.
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Tests/Eval/`: the development sets (queries, questions, article alignments).
    static let evaluation = repository.appendingPathComponent("Tests/Eval")

    /// Queries over a fresh index of the shipped corpus.
    static let queries: LawQueries = {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("lawkb-query-tests-\(UUID().uuidString)")
        let path = directory.appendingPathComponent("lawkb.sqlite").path
        _ = try! IndexBuilder(corpusRoot: repository.appendingPathComponent("Corpus").path).build(to: path)
        return LawQueries(try! KnowledgeBase(path: path))
    }()
}
