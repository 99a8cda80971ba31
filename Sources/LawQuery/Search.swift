import GRDB
import LawIndex

/// What to search for and where.
public struct SearchRequest: Equatable, Sendable {
    /// The user's query, in the syntax of ``QueryParser``.
    public var query: String
    /// Restrict to one kind of document: `plan` or `regulation`.
    public var kind: String?
    /// Restrict to one document, by any of its names.
    public var document: String?
    /// Page size, 1…``SearchRequest/maximumLimit``.
    public var limit: Int
    /// Hits to skip, ≥ 0.
    public var offset: Int

    /// Largest page size accepted.
    public static let maximumLimit = 100
    /// Kinds of document a search can be restricted to.
    public static let kinds = ["plan", "regulation"]

    /// Creates a request; call ``validate()`` (``LawQueries/search(_:)`` does) before use.
    public init(query: String, kind: String? = nil, document: String? = nil, limit: Int = 10, offset: Int = 0) {
        self.query = query
        self.kind = kind
        self.document = document
        self.limit = limit
        self.offset = offset
    }

    /// Checks the parameters, naming the first one that is wrong.
    public func validate() throws(QueryError) {
        guard (1...Self.maximumLimit).contains(limit) else {
            throw .invalidParameter(name: "limit", message: "must be between 1 and \(Self.maximumLimit), got \(limit)")
        }
        guard offset >= 0 else {
            throw .invalidParameter(name: "offset", message: "must be 0 or more, got \(offset)")
        }
        if let kind, !Self.kinds.contains(kind) {
            throw .invalidParameter(name: "kind", message: "must be one of \(Self.kinds.joined(separator: ", ")), got '\(kind)'")
        }
    }
}

extension LawQueries {
    /// How many of the best BM25 candidates the second stage (``ProximityRanker``) re-orders.
    public static let rerankDepth = 64

    /// Ranked full-text search over all units, best first.
    ///
    /// Stage one: FTS5 finds the matching units and ranks them by BM25 (title weighted).
    /// Stage two: the best ``rerankDepth`` are re-ordered by term proximity and position;
    /// the rest keep their BM25 order, so pages never overlap.
    public func search(_ request: SearchRequest) throws(QueryError) -> SearchResult {
        try request.validate()
        let expression = try QueryParser().parse(request.query)
        return try read { db in
            let filter = try SearchFilter(request: request, expression: expression, queries: self, db)
            let total = try Int.fetchOne(db, sql: "SELECT count(*) \(filter.from)", arguments: filter.arguments) ?? 0
            let ranked = try rankedPage(request, expression: expression, filter: filter, db)
            let hits = try hydrate(ranked, filter: filter, db)
            return SearchResult(query: request.query, total: total, limit: request.limit,
                                offset: request.offset, hits: hits)
        }
    }

    /// The ids and scores of the requested page, in final order.
    private func rankedPage(
        _ request: SearchRequest, expression: SearchExpression, filter: SearchFilter, _ db: Database
    ) throws -> [(id: Int64, score: Double)] {
        let weights = Schema.bm25Weights
        let rank = "bm25(unit_fts, \(weights.title), \(weights.text))"
        let end = request.offset + request.limit
        var page: [(id: Int64, score: Double)] = []
        if request.offset < Self.rerankDepth {
            let ranker = ProximityRanker()
            let candidates = try Row.fetchAll(db, sql: """
                SELECT unit.id, unit.text, \(rank) AS rank \(filter.from)
                ORDER BY rank, unit.id LIMIT \(Self.rerankDepth)
                """, arguments: filter.arguments)
            let reranked = candidates.map { row -> (id: Int64, score: Double) in
                let boost = ranker.boost(text: row["text"], groups: expression.required)
                return (row["id"], -(row["rank"] as Double) * boost)
            }.sorted { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }
            page += reranked[min(request.offset, reranked.count)..<min(end, reranked.count)]
        }
        if end > Self.rerankDepth {
            let offset = max(request.offset, Self.rerankDepth)
            let rows = try Row.fetchAll(db, sql: """
                SELECT unit.id, \(rank) AS rank \(filter.from)
                ORDER BY rank, unit.id LIMIT ? OFFSET ?
                """, arguments: filter.arguments + [end - offset, offset])
            page += rows.map { ($0["id"], -($0["rank"] as Double)) }
        }
        return page
    }

    /// Titles, locations and snippets of the page's units, in the page's order.
    private func hydrate(_ page: [(id: Int64, score: Double)], filter: SearchFilter, _ db: Database) throws -> [SearchHit] {
        guard !page.isEmpty else { return [] }
        let placeholders = Array(repeating: "?", count: page.count).joined(separator: ",")
        let rows = try Row.fetchAll(db, sql: """
            SELECT unit.id, document.kind, document.title AS document, unit.title, unit.location, unit.article,
                   snippet(unit_fts, 1, '\(Highlight.open)', '\(Highlight.close)', '…', 48) AS snippet
            \(filter.from) AND unit.id IN (\(placeholders))
            """, arguments: filter.arguments + StatementArguments(page.map(\.id)))
        var byID: [Int64: Row] = [:]
        for row in rows { byID[row["id"]] = row }
        return page.compactMap { entry in
            guard let row = byID[entry.id] else { return nil }
            return SearchHit(
                id: entry.id, kind: row["kind"], document: row["document"], title: row["title"],
                location: row["location"], snippet: row["snippet"],
                score: (entry.score * 1000).rounded() / 1000, article: row["article"])
        }
    }
}

/// The FROM … WHERE clause of a search and its arguments.
struct SearchFilter {
    var from: String
    var arguments: StatementArguments

    init(request: SearchRequest, expression: SearchExpression, queries: LawQueries, _ db: Database) throws {
        var filters = ["unit_fts MATCH ?"]
        var arguments: StatementArguments = [expression.fts5]
        if let kind = request.kind {
            filters.append("document.kind = ?")
            _ = arguments.append(contentsOf: [kind])
        }
        if let name = request.document {
            filters.append("document.id = ?")
            _ = arguments.append(contentsOf: [try queries.documentID(named: name, db).id])
        } else {
            // Superseded versions (已修改, 已废止) stay out of searches unless asked for by name.
            filters.append("coalesce(document.status, '') NOT IN ('已修改', '已废止')")
        }
        from = """
            FROM unit_fts
            JOIN unit ON unit.id = unit_fts.rowid
            JOIN document ON document.id = unit.document_id
            WHERE \(filters.joined(separator: " AND "))
            """
        self.arguments = arguments
    }
}
