import Foundation
import LawCorpus
import LawIndex
import LawQuery
import LawTestSupport

/// The shipped corpus, indexed once per test run, full and public.
enum AskFixture {
    /// The repository root.
    static let repository = TestRepository.root

    /// `Tests/Eval/`: the development sets.
    static let evaluation = TestRepository.evaluation

    /// Queries over the index of the shipped corpus.
    static let queries = LawQueries(try! KnowledgeBase(path: SharedIndex.full.path))

    /// Public-only queries over the public index, as a public server makes them.
    static let publicQueries = LawQueries(try! KnowledgeBase(path: SharedIndex.published.path), publicOnly: true)

    /// The names of the full index.
    static let vocabulary: Vocabulary = try! queries.vocabulary()

    /// A fixed "today", so relative dates are tested exactly.
    static let today = CalendarDate(year: 2024, month: 6, day: 15)!
}
