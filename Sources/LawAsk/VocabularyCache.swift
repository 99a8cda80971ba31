import Foundation
import LawIndex
import LawQuery

/// The names of an open index and the recognisers over them, made once per index: a
/// question then costs only its own recognition and query. An index replaced (hot reload)
/// is a new ``KnowledgeBase`` and gets its own entry; the previous one is dropped.
final class VocabularyCache: @unchecked Sendable {
    /// What is kept for one index.
    struct Entry {
        weak var knowledgeBase: KnowledgeBase?
        var publicOnly: Bool
        var recognisers: Recognisers
    }

    /// The shared cache.
    static let shared = VocabularyCache()

    /// The most indexes kept (a full and a public one, and one being replaced).
    static let capacity = 4

    private let lock = NSLock()
    private var entries: [Entry] = []

    /// The recognisers for `queries`' index, made on first use.
    func recognisers(for queries: LawQueries) throws(QueryError) -> Recognisers {
        if let found = lookup(queries) { return found }
        let made = Recognisers(vocabulary: try queries.vocabulary())
        lock.lock()
        defer { lock.unlock() }
        entries.removeAll { $0.knowledgeBase == nil }
        if entries.count >= Self.capacity { entries.removeFirst() }
        entries.append(Entry(knowledgeBase: queries.knowledgeBase, publicOnly: queries.publicOnly, recognisers: made))
        return made
    }

    private func lookup(_ queries: LawQueries) -> Recognisers? {
        lock.lock()
        defer { lock.unlock() }
        return entries.first { $0.knowledgeBase === queries.knowledgeBase && $0.publicOnly == queries.publicOnly }?
            .recognisers
    }
}

/// The recognisers over one index's names.
struct Recognisers: Sendable {
    let vocabulary: Vocabulary
    let departments: DepartmentRecogniser
    let citations: CitationRecogniser

    init(vocabulary: Vocabulary) {
        self.vocabulary = vocabulary
        departments = DepartmentRecogniser(registry: vocabulary.departments)
        citations = CitationRecogniser(names: vocabulary.documents)
    }
}
