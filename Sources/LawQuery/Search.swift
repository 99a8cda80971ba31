import Foundation
import GRDB
import LawCorpus
import LawIndex

/// What to search for and where.
public struct SearchRequest: Equatable, Sendable {
    /// The user's query, in the syntax of ``QueryParser``.
    public var query: String
    /// Restrict to one kind of document.
    public var kind: DocumentKind?
    /// Restrict to one document, by any of its names (a version in the name: `行政处罚法(2017)`).
    public var document: String?
    /// With ``document``, the version of that law to search (`2017`); without, the version
    /// the name carries, else the one in force on ``asOf``, else the current one.
    public var version: String?
    /// Restrict to the lists of one department (name, short name or id).
    public var department: String?
    /// Restrict to lists of one kind.
    public var listKind: ListKind?
    /// Which list versions and law versions to search: those in force on this day
    /// (`YYYY-MM-DD`); today's lists and the current laws by default.
    public var asOf: String?
    /// Page size, 1…``SearchRequest/maximumLimit``.
    public var limit: Int
    /// Hits to skip, ≥ 0.
    public var offset: Int

    /// Largest page size accepted.
    public static let maximumLimit = 100
    /// Kinds of document a search can be restricted to.
    public static let kinds = DocumentKind.allCases

    /// Creates a request; call ``validate()`` (``LawQueries/search(_:)`` does) before use.
    public init(
        query: String, kind: DocumentKind? = nil, document: String? = nil, department: String? = nil,
        listKind: ListKind? = nil, asOf: String? = nil, limit: Int = 10, offset: Int = 0
    ) {
        self.query = query
        self.kind = kind
        self.document = document
        self.department = department
        self.listKind = listKind
        self.asOf = asOf
        self.limit = limit
        self.offset = offset
    }

    /// Creates a request from parameters as a client wrote them: `kind` a code (`plan`,
    /// `regulation`, `list`), `listKind` any name or alias of a kind of list (免罚清单, 裁量基准 …).
    /// Checks every parameter, naming the first one that is wrong.
    public init(
        query: String, kindCode: String?, document: String? = nil, department: String? = nil,
        listKindName: String?, asOf: String? = nil, limit: Int = 10, offset: Int = 0
    ) throws(QueryError) {
        self.init(query: query, document: document, department: department, asOf: asOf, limit: limit, offset: offset)
        try checkPage()
        kind = try kindCode.map(Self.kind(code:))
        listKind = try listKindName.map(LawQueries.listKind)
        _ = try LawQueries.date(asOf, parameter: "as_of")
    }

    /// The kind of document whose code is `code`, or the error naming the `kind` parameter.
    public static func kind(code: String) throws(QueryError) -> DocumentKind {
        guard let kind = DocumentKind(rawValue: code) else {
            throw .invalidParameter(name: "kind", message: "应为 \(kinds.map(\.rawValue).joined(separator: "、")) 之一")
        }
        return kind
    }

    /// Checks the parameters, naming the first one that is wrong.
    public func validate() throws(QueryError) {
        try checkPage()
        _ = try LawQueries.date(asOf, parameter: "as_of")
        if version != nil, document == nil {
            throw .invalidParameter(name: "version", message: "指定版本时须同时指定法律（document）")
        }
    }

    /// Checks the page size and the offset.
    private func checkPage() throws(QueryError) {
        guard (1...Self.maximumLimit).contains(limit) else {
            throw .invalidParameter(name: "limit", message: "应为 1 到 \(Self.maximumLimit) 之间的整数，收到的是 \(limit)")
        }
        guard offset >= 0 else {
            throw .invalidParameter(name: "offset", message: "应为 0 或正整数，收到的是 \(offset)")
        }
    }
}

extension LawQueries {
    /// How many of the best candidates have repeated titles discounted (``diversified(_:)``)
    /// before the page is cut.
    public static let rerankDepth = 64

    /// Ranked full-text search over all units, best first.
    ///
    /// One pass of FTS5 over the matches scores each unit the request's filters let through
    /// (``RankFunction``: BM25 with an IDF that stays positive for common words, title
    /// weighted, times the proximity and earliness of the terms and the authority of the
    /// document) and counts them; the best ``rerankDepth`` then have repeated titles
    /// discounted, the rest keep their order, so pages never overlap.
    ///
    /// When the index's thesaurus expands a term of the query (超载 → 超限), the units found
    /// only through expansions follow all literal matches, ranked the same way among
    /// themselves, and each says how it was found (``SearchHit/matchedVia``).
    public func search(_ request: SearchRequest) throws(QueryError) -> SearchResult {
        try request.validate()
        let expression = try QueryParser().parse(request.query)
        return try read { db in
            let statistics = try knowledgeBase.searchStatistics(db)
            let scope = try SearchScope(
                request: request, terms: expression.terms, queries: self, statistics: statistics, db)
            let expanded = ExpandedExpression(expression, thesaurus: knowledgeBase.thesaurus)
            let literal = RankedMatch(
                expression: expression.fts5, phraseGroups: expression.phraseGroups, phraseSpans: expression.phraseSpans)
            let first = try rankedTier(
                literal, scope: scope, statistics: statistics, offset: request.offset, limit: request.limit, db)
            guard expanded.isExpanded else {
                let hits = try hydrate(first.page, match: literal.expression, expanded: nil, db)
                return SearchResult(
                    query: request.query, total: first.total, limit: request.limit,
                    offset: request.offset, hits: hits)
            }
            let onlyExpanded = RankedMatch(
                expression: "(\(expanded.fts5)) NOT (\(expression.fts5))",
                phraseGroups: expanded.phraseGroups + expression.phraseGroups.map { _ in -1 },
                phraseSpans: expanded.phraseSpans + expression.phraseSpans)
            let second = try rankedTier(
                onlyExpanded, scope: scope, statistics: statistics,
                offset: max(0, request.offset - first.total), limit: request.limit - first.page.count, db)
            let page = first.page + Self.placedBelow(second.page, literal: first.page)
            let hits = try hydrate(
                page, match: expanded.fts5, expanded: (expanded, Set(second.page.map(\.id))), db)
            return SearchResult(
                query: request.query, total: first.total + second.total, limit: request.limit,
                offset: request.offset, hits: hits)
        }
    }

    /// The scores of expansion hits, scaled (order kept) to stay below the last literal hit
    /// of the same page, so that scores read best-first down the page.
    static func placedBelow(
        _ expansions: [(id: Int64, score: Double)], literal: [(id: Int64, score: Double)]
    ) -> [(id: Int64, score: Double)] {
        guard let floor = literal.last?.score, let top = expansions.first?.score, top > 0, floor > 0,
            top >= floor
        else { return expansions }
        let factor = floor / top * 0.99
        return expansions.map { ($0.id, $0.score * factor) }
    }

    /// One tier of a search: the ids and scores of `limit` matches of `match` from `offset`
    /// on, in final order, and the number of all its matches under the request's filters,
    /// both from one pass of the rank function.
    private func rankedTier(
        _ match: RankedMatch, scope: SearchScope, statistics: SearchStatistics, offset: Int, limit: Int,
        _ db: Database
    ) throws -> (page: [(id: Int64, score: Double)], total: Int) {
        let (sum, overflow) = offset.addingReportingOverflow(limit)
        let end = overflow ? Int.max : sum  // an offset near Int.max is an empty page, not a trap
        let reranked = offset < Self.rerankDepth
        let query = RankQuery(
            statistics: statistics, documentWeights: scope.documentWeights, phraseGroups: match.phraseGroups,
            phraseSpans: match.phraseSpans, preferredDocuments: scope.preferredDocuments,
            mode: limit > 0 ? .best(max(end, reranked ? Self.rerankDepth : 0)) : .count)
        try match.run(query, db)
        let best = query.best()
        guard reranked else { return (Array(best[min(offset, best.count)...]), query.counted) }
        let head = Array(best.prefix(Self.rerankDepth))
        let titles = try titles(of: head.map(\.id), db)
        let ordered = Self.diversified(head.map { ($0.id, titles[$0.id] ?? "", $0.score) }) + best.dropFirst(Self.rerankDepth)
        return (Array(ordered[min(offset, ordered.count)..<min(end, ordered.count)]), query.counted)
    }

    /// The titles of units `ids`.
    private func titles(of ids: [Int64], _ db: Database) throws -> [Int64: String] {
        guard !ids.isEmpty else { return [:] }
        let rows = try SQLRequest<Row>("SELECT id, title FROM unit WHERE id IN \(ids)").fetchAll(db)
        return Dictionary(rows.map { ($0[0], $0[1]) }, uniquingKeysWith: { first, _ in first })
    }

    /// A law's weight in this corpus: how often the plan, the lists and the other laws cite it.
    ///
    /// Many laws say 当场 or 时效; the one a county's enforcement officers rest on (行政处罚法,
    /// cited by hundreds of list items) should come before one cited once. The boost grows
    /// with the logarithm of the citations, relative to the most cited law, up to
    /// ``maximumBoost``; units of uncited documents (lists, the plan) keep their score.
    struct Authority {
        /// The boost of the most cited law: 1.3 is 30 % over an uncited document.
        static let maximumBoost = 1.3
        /// Citations of the most cited law.
        let mostCited: Int

        func boost(cited: Int) -> Double {
            guard mostCited > 0, cited > 0 else { return 1 }
            return 1 + (Self.maximumBoost - 1) * log1p(Double(cited)) / log1p(Double(mostCited))
        }
    }

    /// How much each further hit with the same title as a better one is worth (0.5: half).
    ///
    /// Departments' lists repeat the same item (违法行为在二年内未被发现) under the same name;
    /// without this, one query's first page would be the same item six times over.
    public static let repeatedTitleDiscount = 0.5

    /// Orders by score, discounting each repeat of an already-ranked title.
    ///
    /// Titles are numbered once, so that each round compares numbers, not strings; each
    /// title's factor (``repeatedTitleDiscount`` to the power of its repeats so far) is kept.
    static func diversified(_ scored: [(id: Int64, title: String, score: Double)]) -> [(id: Int64, score: Double)] {
        var numbers: [String: Int] = [:]
        var remaining = scored.map { candidate -> (id: Int64, title: Int, score: Double) in
            let number = numbers[candidate.title] ?? numbers.count
            numbers[candidate.title] = number
            return (candidate.id, number, candidate.score)
        }
        var factors = [Double](repeating: 1, count: numbers.count)
        var result: [(id: Int64, score: Double)] = []
        result.reserveCapacity(remaining.count)
        while !remaining.isEmpty {
            var best = 0
            var bestScore = -Double.infinity
            for index in remaining.indices {
                let candidate = remaining[index]
                let adjusted = candidate.score * factors[candidate.title]
                if adjusted > bestScore || (adjusted == bestScore && candidate.id < remaining[best].id) {
                    best = index
                    bestScore = adjusted
                }
            }
            let chosen = remaining.remove(at: best)
            factors[chosen.title] *= repeatedTitleDiscount
            result.append((chosen.id, bestScore))
        }
        return result
    }

    /// Titles, locations and snippets of the page's units, in the page's order; `match` is
    /// the FTS5 expression whose terms the snippets highlight.
    /// `expanded`: the expansion and the ids found only through it, whose hits say how.
    private func hydrate(
        _ page: [(id: Int64, score: Double)], match: String,
        expanded: (expression: ExpandedExpression, ids: Set<Int64>)?, _ db: Database
    ) throws -> [SearchHit] {
        guard !page.isEmpty else { return [] }
        let rows = try SQLRequest<HitRow>(
            """
            SELECT unit.id, document.kind, document.title AS document, unit.title, unit.location, unit.article,
                   unit.text,
                   document.list_kind, document.version, \(Self.listStatus) AS status,
                   (SELECT name FROM department WHERE department.id = document.department_id) AS department,
                   (SELECT item_id FROM list_item WHERE list_item.unit_id = unit.id) AS item_id,
                   lawkb_snippet(unit_fts, 1, \(Highlight.open), \(Highlight.close), '…', 48, \(match)) AS snippet
            FROM unit_fts
            JOIN unit ON unit.id = unit_fts.rowid
            JOIN document ON document.id = unit.document_id
            WHERE unit_fts MATCH \(match) AND unit_fts.rowid IN \(page.map(\.id))
            """
        ).fetchAll(db)
        let byID = Dictionary(rows.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let ranker = ProximityRanker()
        return page.compactMap { entry in
            guard let row = byID[entry.id] else { return nil }
            let via = expanded.flatMap { expanded in
                expanded.ids.contains(entry.id)
                    ? expanded.expression.matchedVia(title: row.title, text: row.text, ranker: ranker) : nil
            }
            return SearchHit(
                id: entry.id, kind: row.kind, document: row.document, title: row.title, location: row.location,
                snippet: row.snippet, score: (entry.score * 1000).rounded() / 1000, article: row.article,
                department: row.department, listKind: row.listKind, version: row.version,
                status: row.kind == .list ? row.status : nil, itemID: row.itemID, matchedVia: via)
        }
    }
}

/// A unit of a page of hits, with what its hit shows.
private struct HitRow: Decodable, FetchableRecord {
    var id: Int64
    var kind: DocumentKind
    var document: String
    var title: String
    var location: String
    var article: Int?
    var text: String
    var listKind: ListKind?
    var version: String?
    var status: ListStatus
    var department: String?
    var itemID: String?
    var snippet: String

    enum CodingKeys: String, CodingKey {
        case id, kind, document, title, location, article, text
        case listKind = "list_kind"
        case version, status, department
        case
            itemID = "item_id"
        case snippet
    }
}

/// An FTS5 expression to rank, and for each of its phrases in order the required group of
/// the query it stands for (-1: it does not score, an excluded term).
struct RankedMatch {
    var expression: String
    var phraseGroups: [Int]
    /// For each phrase, the positions of a text it spans where it matches.
    var phraseSpans: [Int]

    /// Runs the rank function over the matches of ``expression``: `query` then holds the
    /// best units and their count.
    func run(_ query: RankQuery, _ db: Database) throws {
        // The function answers 0 or NULL: the statement returns no row, the query holds the answer.
        let statement = try db.makeStatement(
            sql: "SELECT rowid FROM unit_fts WHERE unit_fts MATCH ?1 AND \(RankFunction.name)(unit_fts, ?2)")
        try statement.setArguments([expression, DatabaseValue.null])
        try query.bind(to: statement, at: 2)
        _ = try Row.fetchAll(statement)
    }
}

extension SearchExpression {
    /// For each phrase of ``fts5`` in order, its required group; -1 for the excluded terms.
    var phraseGroups: [Int] {
        required.enumerated().flatMap { group, terms in terms.map { _ in group } } + excluded.map { _ in -1 }
    }
}

/// Which documents a search covers and how much each weighs: decided once per request from
/// the documents alone (they are few), so that ranking needs no join per match.
struct SearchScope {
    /// For each document slot of the index's ``SearchStatistics``: 0 when the request leaves
    /// it out, else its authority (``LawQueries/Authority``).
    var documentWeights: [Double]
    /// For each document slot: whether its units are the kind of unit the query most likely
    /// wants (``PreferredDocument``), which wins ties of score.
    var preferredDocuments: [Bool]

    /// The documents the request's filters let through: visible ones; list versions in force
    /// on the day asked about; the document, department, kinds asked for; law versions in
    /// force that day, else current ones (superseded versions only when asked for by name).
    init(
        request: SearchRequest, terms: [String], queries: LawQueries, statistics: SearchStatistics, _ db: Database
    ) throws {
        let day = try LawQueries.date(request.asOf, parameter: "as_of")
        var filters: [SQL] = [
            queries.visible, "(document.kind != \(DocumentKind.list) OR \(Schema.inForce(on: day)))",
        ]
        if let department = request.department {
            filters.append("document.department_id = \(try queries.departmentID(named: department, db))")
        }
        if let listKind = request.listKind {
            filters.append("document.list_kind = \(listKind)")
        }
        if let kind = request.kind {
            filters.append("document.kind = \(kind)")
        }
        if let name = request.document {
            // A versioned name (行政处罚法(2017)) wins over the day; else the version in force that day.
            let day = request.asOf == nil ? nil : day
            filters.append("document.id = \(try queries.documentID(named: name, version: request.version, on: day, db).id)")
        } else if request.asOf != nil {
            // The laws as they stood that day: the version of each in force then.
            filters.append("(document.kind != \(DocumentKind.regulation) OR \(Schema.inForce(on: day)))")
        } else {
            // Superseded versions (已修改, 已废止) stay out of searches unless asked for by name.
            let superseded = [RegulationMetadata.Status.amended, RegulationMetadata.Status.repealed]
            filters.append("coalesce(document.status, '') NOT IN \(superseded)")
        }
        let allowed = Set(
            try SQLRequest<Int64>("SELECT document.id FROM document WHERE \(filters.joined(operator: .and))").fetchAll(db))
        let catalog = try Self.catalog(queries, db)
        let wanted = PreferredDocument.WantedNames(terms)
        let authority = LawQueries.Authority(mostCited: statistics.mostCited)
        documentWeights = zip(statistics.documentIDs, statistics.documentCitations).map { id, cited in
            allowed.contains(id) ? authority.boost(cited: cited) : 0
        }
        preferredDocuments = statistics.documentIDs.map { id in
            allowed.contains(id) && catalog[id]?.isWanted(by: wanted) == true
        }
    }

    /// Every document as the tie-break sees it, by id: read once per open index
    /// (``QueryMemo``), so that a search reads only the ids its filters let through.
    static func catalog(_ queries: LawQueries, _ db: Database) throws -> [Int64: PreferredDocument] {
        try queries.memo.value(.searchDocuments) {
            let documents = try PreferredDocument.fetchAll(
                db, sql: "SELECT id, kind, title, short_name, list_kind FROM document")
            return Dictionary(documents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }
}

extension MemoKey where Value == [Int64: PreferredDocument] {
    /// Every document as ``SearchScope`` sees it.
    static var searchDocuments: MemoKey<[Int64: PreferredDocument]> { MemoKey("searchDocuments") }
}

/// A document as the tie-break between equal scores sees it: whether the query names it
/// (a law searched by its name, 行政处罚法, wants its articles) or names its kind (免罚,
/// 不予处罚 want the items of 不予处罚事项清单 before those of other lists).
struct PreferredDocument: Decodable, FetchableRecord, Sendable {
    var id: Int64
    var kind: DocumentKind
    var title: String
    var shortName: String?
    var listKind: ListKind?

    enum CodingKeys: String, CodingKey {
        case id, kind, title
        case shortName = "short_name"
        case listKind = "list_kind"
    }

    /// Whether one of the query's `terms` is the name of this law (full or short), or part
    /// of the name or of an alias of this list's kind.
    func isWanted(by terms: [String]) -> Bool {
        isWanted(by: WantedNames(terms))
    }

    /// ``isWanted(by:)`` with what the terms name worked out once for all documents.
    func isWanted(by wanted: WantedNames) -> Bool {
        switch kind {
        case .regulation:
            return wanted.terms.contains(title) || shortName.map(wanted.terms.contains) == true
        case .list:
            return listKind.map(wanted.listKinds.contains) ?? false
        case .plan:
            return false
        }
    }

    /// The query's terms, and the kinds of list one of them names (part of the kind's name or
    /// of an alias): worked out once per search, not once per document — a corpus holds
    /// thousands of list versions and a dozen kinds.
    struct WantedNames {
        var terms: Set<String>
        var listKinds: Set<ListKind>

        init(_ terms: [String]) {
            self.terms = Set(terms)
            listKinds = Set(
                ListKind.allCases.filter { kind in
                    terms.contains { term in ([kind.rawValue] + kind.aliases).contains { $0.contains(term) } }
                })
        }
    }
}
