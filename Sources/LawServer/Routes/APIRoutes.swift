import Hummingbird
import LawAsk
import LawQuery

/// The JSON API: the CLI's `--json` answers over HTTP.
enum APIRoutes {
    static func routes(_ service: LawService) -> [Route] {
        [search(service), article(service), cite(service), deadlines(service), documents(service), outline(service)]
            + ListAPIRoutes.routes(service)
    }

    /// The longest version name accepted (`2022`, `2022年`).
    static let maximumVersionLength = 20

    /// The `version` parameter of the routes that show a law's text.
    static let versionParameter = RouteParameter(
        "version", in: .query,
        description: "A version of the law (2022); the current version by default.", example: "2022")

    /// The `version` parameter of `request`, if given.
    static func version(_ request: Request) throws(ServiceError) -> String? {
        try version(QueryString(request.uri.query))
    }

    /// The `version` parameter of `parameters`, if given.
    static func version(_ parameters: QueryString) throws(ServiceError) -> String? {
        guard let version = try parameters.nonEmptyValue("version") else { return nil }
        guard version.count <= maximumVersionLength else {
            throw ServiceError.invalidParameter(
                "version", "a version is a year such as 2022",
                chinese: "版本应写成年份，例如 2022。")
        }
        return version
    }

    /// The `as_of` parameter of the routes that show one article.
    static let articleAsOf = RouteParameter(
        "as_of", in: .query,
        description:
            "Read the article as on this day (YYYY-MM-DD): the number is that of the current version (or of version), "
            + "the answer is the corresponding article of the version in force that day, its as_of saying how it was "
            + "reached; 404 no_counterpart when that version has none.",
        example: "2020-05-01")

    /// Search parameters, shared with the search page's documentation.
    static let searchParameters: [RouteParameter] = [
        RouteParameter(
            "q", in: .query, required: true,
            description:
                "The query: words separated by spaces must all match; OR between two words matches either; -word excludes; "
                + "\"…\" keeps words together. At most \(QueryParser.maximumLength) characters.",
            example: "违法行为轻微 及时改正"),
        RouteParameter(
            "kind", in: .query, description: "Only this kind of document: the plan, the laws or the departments' lists.",
            example: "regulation", allowed: SearchRequest.kinds.map(\.rawValue)),
        RouteParameter(
            "document", in: .query, description: "Only this document: full title, short name or 文号.",
            example: "行政处罚法"),
        RouteParameter(
            "version", in: .query, description: "With document: search this version of the law (2017).",
            example: "2017"),
        RouteParameter(
            "department", in: .query,
            description: "Only the lists of this department: official name, short name (市监局) or id.",
            example: "市场监管局"),
        RouteParameter(
            "list_kind", in: .query,
            description: "Only lists of this kind: canonical name or alias (免罚清单, 裁量基准).",
            example: "免罚清单"),
        RouteParameter(
            "as_of", in: .query,
            description:
                "Search the list versions and the law versions in force on this day (YYYY-MM-DD); today by default. "
                + "A law named with a version in document (行政处罚法(2017)) is searched in that version.",
            example: "2023-01-01"),
        RouteParameter(
            "limit", in: .query, type: "integer", description: "Hits per page (default \(SearchInput.defaultLimit)).",
            example: "10", range: 1...SearchRequest.maximumLimit),
        RouteParameter(
            "offset", in: .query, type: "integer", description: "Hits to skip, for the next pages.",
            example: "0", range: 0...SearchInput.maximumOffset),
    ]

    private static func search(_ service: LawService) -> Route {
        Route(
            "/api/search", operationID: "search", summary: "Full-text search with highlighted snippets ([…] marks matches).",
            audience: .api, parameters: searchParameters, contentType: Reply.jsonType, schema: "SearchResult",
            errorStatuses: [400, 404, 503]
        ) { request, _ in
            let input = try SearchInput(try QueryString(request.uri.query), service: service)
            guard let searchRequest = input.request else { throw ServiceError(QueryError.emptyQuery) }
            let best = searchRequest.asksQuestion ? await SearchAnswer.best(for: searchRequest.query, service: service) : nil
            var result: SearchResult
            do {
                result = service.policy.visible(try await service.query { try $0.search(searchRequest) })
            } catch {
                // A question or a citation may have no full-text hits of its own words.
                guard let best else { throw error }
                return try .json(SearchPage(result: nil, request: searchRequest, next: nil, answer: best))
            }
            result.hits = result.hits.map { hit in
                var hit = hit
                hit.snippet = Highlight.render(hit.snippet, open: "[", close: "]")
                return hit
            }
            let next =
                result.offset + result.limit < result.total
                ? input.link("/api/search", offset: result.offset + result.limit) : nil
            return try .json(SearchPage(result: result, request: searchRequest, next: next, answer: best))
        }
    }

    private static func article(_ service: LawService) -> Route {
        Route(
            "/api/articles/{document}/{number}", operationID: "article", summary: "One article of a law by its number.",
            audience: .api,
            parameters: [
                RouteParameter("document", in: .path, description: "The law: full title or short name.", example: "行政处罚法"),
                RouteParameter("number", in: .path, description: "The article number: 33, 第33条, 三十三 or 第三十三条.", example: "33"),
                versionParameter, articleAsOf,
            ],
            contentType: Reply.jsonType, schema: "ArticleRecord", errorStatuses: [400, 404, 503]
        ) { request, context in
            let document = service.sanitizedInput(try Route.pathParameter("document", context))
            let number = try Route.pathParameter("number", context)
            let version = try Self.version(request)
            let asOf = try ListInput.date("as_of", try QueryString(request.uri.query))
            let record = try await service.query { queries in
                if let asOf {
                    try queries.article(document: document, number: number, version: version, asOf: asOf)
                } else {
                    try queries.article(document: document, number: number, version: version)
                }
            }
            guard service.policy.admits(record) else { throw ServiceError.notFound }
            return try .json(record)
        }
    }

    private static func cite(_ service: LawService) -> Route {
        Route(
            "/api/cite", operationID: "cite", summary: "Resolve a citation such as 《行政处罚法》第三十三条第二款.",
            audience: .api,
            parameters: [
                RouteParameter(
                    "q", in: .query, required: true, description: "The citation.",
                    example: "《中华人民共和国行政处罚法》第三十三条第二款"),
                RouteParameter(
                    "as_of", in: .query,
                    description:
                        "Read a citation that names no version in the version of the law in force on this day "
                        + "(YYYY-MM-DD), as a citation written that day means it; the current version by default.",
                    example: "2020-05-01"),
            ],
            contentType: Reply.jsonType, schema: "CitationAnswer", errorStatuses: [400, 404, 503]
        ) { request, _ in
            let parameters = try QueryString(request.uri.query)
            let asOf = try ListInput.date("as_of", parameters)
            guard let text = try parameters.nonEmptyValue("q").map(service.sanitizedInput) else {
                throw ServiceError.invalidParameter(
                    "q", "the citation is required, e.g. 行政处罚法第三十三条",
                    chinese: "请输入引用，例如：行政处罚法第三十三条。")
            }
            guard text.count <= QueryParser.maximumLength else {
                throw ServiceError(QueryError.tooLong(length: text.count, limit: QueryParser.maximumLength))
            }
            let answer = try await service.query { try $0.cite(text, asOf: asOf) }
            guard service.policy.admits(answer) else { throw ServiceError.notFound }
            return try .json(answer)
        }
    }

    private static func outline(_ service: LawService) -> Route {
        Route(
            "/api/documents/{document}", operationID: "outline",
            summary: "A law's outline: its versions, and its chapters with each article's opening and the number of list items citing it.",
            audience: .api,
            parameters: [
                RouteParameter("document", in: .path, description: "The law: full title or short name.", example: "道路运输条例"),
                versionParameter,
            ],
            contentType: Reply.jsonType, schema: "DocumentOutline", errorStatuses: [400, 404, 503]
        ) { request, context in
            let document = service.sanitizedInput(try Route.pathParameter("document", context))
            let version = try Self.version(request)
            return try .json(try await service.query { try $0.outline(document: document, version: version) })
        }
    }

    private static func deadlines(_ service: LawService) -> Route {
        Route(
            "/api/deadlines", operationID: "deadlines", summary: "The plan's obligations, soonest first.",
            audience: .api, contentType: Reply.jsonType, schema: "Deadlines", errorStatuses: [503]
        ) { _, _ in
            let deadlines = service.policy.filter(try await service.query { try $0.deadlines() })
            return try .json(["deadlines": deadlines])
        }
    }

    private static func documents(_ service: LawService) -> Route {
        Route(
            "/api/documents", operationID: "documents", summary: "The documents in the index.",
            audience: .api, contentType: Reply.jsonType, schema: "Documents", errorStatuses: [503]
        ) { _, _ in
            let documents = service.policy.filter(try await service.query { try $0.documents() })
            return try .json(["documents": documents])
        }
    }
}

/// `/api/search`'s answer: the CLI's `SearchResult` plus `next`, the address of the next
/// page (`null` on the last page), and, when the query reads as a question or a citation,
/// `answer`: the `/api/ask` answer to show first (the key is absent otherwise).
struct SearchPage: Encodable {
    var result: SearchResult?
    var request: SearchRequest
    var next: String?
    var answer: AskAnswer?

    private enum CodingKeys: String, CodingKey { case next, answer }

    func encode(to encoder: any Encoder) throws {
        try (result ?? .empty(for: request)).encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(next, forKey: .next)
        try container.encodeIfPresent(answer, forKey: .answer)
    }
}

extension SearchRequest {
    /// Whether the query is worth understanding as a question: the first page, no filters
    /// (a filtered search is a search as typed).
    var asksQuestion: Bool {
        offset == 0 && kind == nil && document == nil && version == nil && department == nil && listKind == nil
            && asOf == nil
    }
}
