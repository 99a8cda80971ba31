import Foundation
import LawIndex
import LawQuery
import LawTestSupport

/// The shipped corpus, indexed once per test run, and paths around it.
enum Fixture {
    /// The repository root.
    static let repository = TestRepository.root

    /// `Tests/Eval/`: the development sets (queries, questions, article alignments).
    static let evaluation = TestRepository.evaluation

    /// Queries over the index of the shipped corpus.
    static let queries = LawQueries(try! KnowledgeBase(path: SharedIndex.full.path))
}
