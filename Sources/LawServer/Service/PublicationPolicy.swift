import LawCorpus
import LawQuery

/// A record that may or may not be shown to the public.
protocol Publishable {
    /// Whether the record may be served by a public endpoint.
    var isPublic: Bool { get }
}

/// Decides which records a server may show: everything in non-public mode, only public
/// records in public mode. Every route that serves plan and law records asks
/// ``admits(_:)``.
///
/// The departments' lists carry their own `public` flag, which the index keeps: a public
/// server's queries are made with `publicOnly` (``IndexHolder``), so lists not marked public
/// are left out in SQL — not listed, not found (404), not searched, not counted, not shown
/// as citing an article — and their records need no second check here.
struct PublicationPolicy: Sendable {
    /// Whether the server is a public endpoint.
    var publicMode: Bool

    /// Kinds of document that are published as a whole: the plan and the laws.
    ///
    /// Records of any other kind are public only when they say so themselves, so a new
    /// kind of record stays off the public endpoint until its rule is written.
    static let publicKinds: Set<DocumentKind> = [.plan, .regulation]

    /// Creates the policy of a public or non-public server.
    init(publicMode: Bool) {
        self.publicMode = publicMode
    }

    /// Whether `record` may be served.
    func admits(_ record: some Publishable) -> Bool {
        !publicMode || record.isPublic
    }

    /// The records of `records` that may be served, in order.
    func filter<Record: Publishable>(_ records: [Record]) -> [Record] {
        records.filter(admits)
    }
}

extension SearchHit: Publishable {
    /// Hits in the plan and the laws are public; list hits are visible too, because they
    /// reach a public server only from queries made with `publicOnly`, which leave out
    /// every list not marked public.
    var isPublic: Bool { PublicationPolicy.publicKinds.contains(kind) || kind == .list }
}

extension DocumentRecord: Publishable {
    /// The plan and the laws are public.
    var isPublic: Bool { PublicationPolicy.publicKinds.contains(kind) }
}

extension ArticleRecord: Publishable {
    /// Articles belong to laws, which are public.
    var isPublic: Bool { true }
}

extension CitationAnswer: Publishable {
    /// Public when the cited article is.
    var isPublic: Bool { article.isPublic }
}

extension DeadlineRecord: Publishable {
    /// Deadlines are the plan's, which is public.
    var isPublic: Bool { true }
}
