import Hummingbird
import LawQuery

/// Two versions of a law side by side (新旧对照): the `lawkb compare --json` answer over
/// HTTP and its page for people, screen and paper.
///
/// Only laws have versions to compare, and laws are public, so a public server answers
/// these routes like any other; the queries see only the documents it may show.
enum CompareRoutes {
    static func routes(_ service: LawService) -> [Route] {
        [api(service), page(service)]
    }

    /// The parameters both routes share.
    static let parameters: [RouteParameter] = [
        RouteParameter("document", in: .path, description: "The law: full title or short name.", example: "行政处罚法"),
        RouteParameter(
            "from", in: .query,
            description: "The version compared from (2017); by default the version before the current one.",
            example: "2017"),
        RouteParameter(
            "to", in: .query, description: "The version compared to (2021); by default the current one.", example: "2021"),
    ]

    /// The `show` parameter of the page.
    static let showParameter = RouteParameter(
        "show", in: .query,
        description: "Which articles the page shows: all (default), modified pairs, added or removed articles.",
        example: "modified", allowed: CompareFilter.allCases.map(\.rawValue))

    private static func api(_ service: LawService) -> Route {
        Route(
            "/api/compare/{document}", operationID: "compare",
            summary: "Two versions of a law compared article by article (新旧对照): aligned pairs with a character diff, "
                + "articles added and removed.",
            audience: .api, parameters: parameters, contentType: Reply.jsonType, schema: "VersionComparison",
            errorStatuses: [400, 404, 503]
        ) { request, context in
            let input = try CompareInput(request, context, service: service)
            return try .json(try await input.comparison(service))
        }
    }

    private static func page(_ service: LawService) -> Route {
        Route(
            "/compare/{document}", operationID: "comparePage",
            summary: "新旧对照 (HTML): both versions side by side, deletions and insertions marked, filters, "
                + "an anchor per article (#from-30, #to-40); prints on A4.",
            audience: .page, parameters: parameters + [showParameter], contentType: Reply.htmlType,
            errorStatuses: [400, 404, 503]
        ) { request, context in
            let input = try CompareInput(request, context, service: service)
            let show = try CompareFilter(try QueryString(request.uri.query).nonEmptyValue("show"))
            let comparison = try await input.comparison(service)
            return .html(ComparePage.render(comparison, show: show, publicMode: service.configuration.publicMode))
        }
    }
}

/// Which articles the compare page shows.
enum CompareFilter: String, CaseIterable, Sendable {
    /// Every pair, then the added and removed articles.
    case all
    /// Only pairs whose text changed (splits and merges included).
    case modified
    /// Only the articles the later version added.
    case added
    /// Only the articles the later version removed.
    case removed

    /// The filter named `value`; `all` when absent.
    init(_ value: String?) throws(ServiceError) {
        guard let value else {
            self = .all
            return
        }
        guard let filter = CompareFilter(rawValue: value) else {
            throw ServiceError.invalidParameter(
                "show", "all, modified, added or removed", chinese: "应为 all、modified、added 或 removed。")
        }
        self = filter
    }

    /// The link's words: 全部, 只看修改 …
    var label: String {
        switch self {
        case .all: "全部"
        case .modified: "只看修改"
        case .added: "只看新增"
        case .removed: "只看删除"
        }
    }
}

/// The law and versions a compare request names, checked.
struct CompareInput: Sendable {
    /// The law as given (with personal numbers masked in public mode).
    var document: String
    /// The version compared from, when given.
    var from: String?
    /// The version compared to, when given.
    var to: String?

    /// Reads the path and the query string of `request`.
    init(_ request: Request, _ context: LawRequestContext, service: LawService) throws(ServiceError) {
        let raw = try Route.pathParameter("document", context)
        guard raw.count <= ListInput.maximumNameLength else {
            throw ServiceError.invalidParameter(
                "document", "longer than \(ListInput.maximumNameLength) characters", chinese: "名称过长。")
        }
        document = service.sanitizedInput(raw)
        let parameters = try QueryString(request.uri.query)
        from = try Self.version("from", parameters)
        to = try Self.version("to", parameters)
    }

    /// A version parameter: as short as ``APIRoutes/maximumVersionLength``, no control characters.
    private static func version(_ name: String, _ parameters: QueryString) throws(ServiceError) -> String? {
        guard let value = try parameters.nonEmptyValue(name) else { return nil }
        guard value.count <= APIRoutes.maximumVersionLength,
            !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else {
            throw ServiceError.invalidParameter(name, "a version is a year such as 2021", chinese: "版本应写成年份，例如 2021。")
        }
        return value
    }

    /// The comparison asked for; a version the law does not have is reported under the
    /// parameter that named it (`from` or `to`).
    func comparison(_ service: LawService) async throws(ServiceError) -> VersionComparison {
        let (document, from, to) = (document, from, to)
        return try await service.query { queries in
            do {
                return try queries.compare(document: document, from: from, to: to)
            } catch QueryError.invalidParameter(name: "version", let message) {
                throw QueryError.invalidParameter(
                    name: Self.badVersion(document: document, from: from, to: to, queries), message: message)
            }
        }
    }

    /// Which parameter named a version the law does not have: the one whose version it
    /// lacks; else `from`, whose default (the version before the current) it lacks.
    private static func badVersion(document: String, from: String?, to: String?, _ queries: LawQueries) -> String {
        for (name, version) in [("from", from), ("to", to)] {
            if let version, (try? queries.outline(document: document, version: version)) == nil { return name }
        }
        return "from"
    }
}
