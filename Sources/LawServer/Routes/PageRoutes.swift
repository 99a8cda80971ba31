import Hummingbird
import LawCorpus
import LawQuery

/// The web pages for people: search, articles, deadlines, and the departments' lists.
enum PageRoutes {
    static func routes(_ service: LawService) -> [Route] {
        [search(service), article(service), documents(service), document(service), deadlines(service), apiGuide(service)]
            + ListPageRoutes.routes(service)
    }

    private static func search(_ service: LawService) -> Route {
        let parameters = APIRoutes.searchParameters.map { parameter in
            var parameter = parameter
            parameter.required = false
            return parameter
        }
        return Route(
            "/", operationID: "searchPage", summary: "Search page (HTML): the form and, with q, the hits.",
            audience: .page, parameters: parameters, contentType: Reply.htmlType,
            errorStatuses: [400, 404, 503]
        ) { request, _ in
            let (documents, departments) = try await service.query { queries in
                (try queries.documents(), try queries.departments())
            }
            var model = SearchPageModel(documents: service.policy.filter(documents), departments: departments)
            var status = HTTPResponse.Status.ok
            do throws(ServiceError) {
                let input = try SearchInput(try QueryString(request.uri.query), service: service)
                if input.request == nil, input.department != nil || input.listKind != nil {
                    // Filters without words to find: the lists they name.
                    return try await ListPageRoutes.listsPage(
                        ListsFilter(department: input.department, kind: input.listKind, asOf: input.asOf), service: service)
                }
                model.parameters = input.parameters
                if let searchRequest = input.request {
                    model = try await SearchAnswer.filled(model, request: searchRequest, service: service)
                }
            } catch {
                model.error = error
                status = error.status
            }
            return .html(Pages.search(model, publicMode: service.configuration.publicMode), status: status)
        }
    }

    private static func article(_ service: LawService) -> Route {
        Route(
            "/articles/{document}/{number}", operationID: "articlePage", summary: "An article's page (HTML).",
            audience: .page,
            parameters: [
                RouteParameter("document", in: .path, description: "The law: full title or short name.", example: "行政处罚法"),
                RouteParameter("number", in: .path, description: "The article number: 33 or 第三十三条.", example: "33"),
                APIRoutes.versionParameter, APIRoutes.articleAsOf,
            ],
            contentType: Reply.htmlType, errorStatuses: [400, 404, 503]
        ) { request, context in
            let document = service.sanitizedInput(try Route.pathParameter("document", context))
            let number = try Route.pathParameter("number", context)
            let version = try APIRoutes.version(request)
            let asOf = try ListInput.date("as_of", try QueryString(request.uri.query))
            let (record, next, citedBy, versions, sameNumber) = try await service.query {
                queries -> (ArticleRecord, Int?, CitedByRecord, [VersionSummary], Set<String>) in
                let record =
                    if let asOf {
                        try queries.article(document: document, number: number, version: version, asOf: asOf)
                    } else {
                        try queries.article(document: document, number: number, version: version)
                    }
                let following = try? queries.article(
                    document: record.document, number: String(record.article + 1),
                    version: record.version)
                // Items resting on this version: those in force today for the current text,
                // every list version for an earlier one.
                let current = record.status == RegulationMetadata.Status.inForce
                let citedBy = try queries.citedBy(
                    document: record.document, number: String(record.article),
                    version: current ? nil : record.version)
                let versions = try queries.outline(document: record.document, version: record.version).versions
                // Versions where nothing carries the article on, but an article has its number.
                let sameNumber = Set(
                    record.counterparts.filter { $0.aligned && $0.articles.isEmpty }.compactMap(\.version).filter { other in
                        (try? queries.article(document: record.document, number: String(record.article), version: other)) != nil
                    })
                return (record, following?.article, citedBy, versions, sameNumber)
            }
            guard service.policy.admits(record) else { throw ServiceError.notFound }
            // Article numbers run from 1 without gaps (the corpus format guarantees it).
            let previous = record.article > 1 ? record.article - 1 : nil
            let page = Pages.article(
                record, previous: previous, next: next, citedBy: citedBy, versions: versions, sameNumber: sameNumber,
                publicMode: service.configuration.publicMode)
            return .html(page)
        }
    }

    private static func documents(_ service: LawService) -> Route {
        Route(
            "/documents", operationID: "documentsPage", summary: "The laws in the index, every version (HTML).",
            audience: .page, contentType: Reply.htmlType, errorStatuses: [503]
        ) { _, _ in
            let documents = service.policy.filter(try await service.query { try $0.documents() })
            return .html(DocumentPages.index(documents, publicMode: service.configuration.publicMode))
        }
    }

    private static func document(_ service: LawService) -> Route {
        Route(
            "/documents/{document}", operationID: "documentPage",
            summary: "A law's chapters and articles, each linked, with the list items resting on each (HTML).",
            audience: .page,
            parameters: [
                RouteParameter("document", in: .path, description: "The law: full title or short name.", example: "道路运输条例"),
                APIRoutes.versionParameter,
            ],
            contentType: Reply.htmlType, errorStatuses: [400, 404, 503]
        ) { request, context in
            let document = service.sanitizedInput(try Route.pathParameter("document", context))
            let version = try APIRoutes.version(request)
            let outline = try await service.query { try $0.outline(document: document, version: version) }
            return .html(DocumentPages.outline(outline, publicMode: service.configuration.publicMode))
        }
    }

    private static func apiGuide(_ service: LawService) -> Route {
        Route(
            "/api", operationID: "apiPage",
            summary: "The JSON API explained for people, in Chinese: each route, its parameters and an example (HTML).",
            audience: .page, contentType: Reply.htmlType
        ) { _, _ in
            .html(APIGuidePage.render(LawServer.routes(for: service), publicMode: service.configuration.publicMode))
        }
    }

    private static func deadlines(_ service: LawService) -> Route {
        Route(
            "/deadlines", operationID: "deadlinesPage",
            summary:
                "The plan's obligations as a table (HTML); on an internal server, with department (and as_of), "
                + "that department's due dates, relative ones included, and status beside each.",
            audience: .page, contentType: Reply.htmlType, errorStatuses: [400, 404, 503]
        ) { request, _ in
            let parameters = try QueryString(request.uri.query)
            let department = try ListInput.name("department", parameters, service: service)
            let asOf = try ListInput.date("as_of", parameters)
            let publicMode = service.configuration.publicMode
            guard let department, ComplianceRoutes.served(service.configuration) else {
                if department != nil || asOf != nil {
                    throw ServiceError.invalidParameter(
                        department != nil ? "department" : "as_of", "not served here",
                        chinese: "本服务不提供各部门的完成情况。")
                }
                let deadlines = service.policy.filter(try await service.query { try $0.deadlines() })
                let departments =
                    ComplianceRoutes.served(service.configuration)
                    ? (try? await service.query { try $0.departments() }) ?? [] : []
                return .html(Pages.deadlines(deadlines, departments: departments, publicMode: publicMode))
            }
            let day = await ComplianceRoutes.judgedDay(asOf, service: service)
            let (rows, departments) = try await ComplianceRoutes.available(service) { queries in
                (try queries.deadlines(department: department, asOf: day.day), try queries.departments())
            }
            let name = ComplianceRoutes.officialName(department, among: departments) ?? department
            return .html(
                Pages.deadlines(
                    rows.map(\.deadline), departments: departments, publicMode: publicMode,
                    standing: DeadlineStanding(department: name, asOf: day.day, rows: rows.map(\.compliance))))
        }
    }
}

/// Health, metrics and the API description.
enum OperationsRoutes {
    static func routes(_ service: LawService) -> [Route] {
        service.configuration.exposeOperations ? [health(service), metrics(service)] : [liveness()]
    }

    /// `/healthz` of a server that keeps its details to itself: liveness only.
    private static func liveness() -> Route {
        Route(
            "/healthz", operationID: "health", summary: "Liveness: answers {\"status\":\"ok\"} while the server runs.",
            audience: .operations, contentType: Reply.jsonType
        ) { _, _ in
            try .json(["status": "ok"])
        }
    }

    private static func health(_ service: LawService) -> Route {
        Route(
            "/healthz", operationID: "health", summary: "Liveness and the served index: path, build time, counts.",
            audience: .operations, contentType: Reply.jsonType, schema: "Health", errorStatuses: [503]
        ) { _, _ in
            let health = try await service.query { queries -> Health in
                let documents = try queries.documents()
                let deadlines = try queries.deadlines()
                let lists = try queries.lists()
                return Health(
                    status: "ok", index: service.index.path, public: service.configuration.publicMode,
                    builtAt: try? queries.knowledgeBase.meta("built_at"), generation: service.index.generation,
                    counts: .init(
                        documents: documents.count, units: documents.reduce(0) { $0 + $1.units },
                        deadlines: deadlines.count, lists: lists.count,
                        listItems: lists.reduce(0) { $0 + $1.items }))
            }
            return try .json(health)
        }
    }

    private static func metrics(_ service: LawService) -> Route {
        Route(
            "/metrics", operationID: "metrics", summary: "Request counts and latency histograms (Prometheus text format).",
            audience: .operations, contentType: Reply.metricsType
        ) { _, _ in
            Reply(contentType: Reply.metricsType, body: service.metrics.render())
        }
    }
}

/// `/healthz`'s answer.
struct Health: Codable, Equatable, Sendable {
    struct Counts: Codable, Equatable, Sendable {
        var documents: Int
        var units: Int
        var deadlines: Int
        /// List versions visible to this server.
        var lists: Int
        /// Items of those versions.
        var listItems: Int

        enum CodingKeys: String, CodingKey {
            case documents, units, deadlines, lists
            case listItems = "list_items"
        }
    }

    var status: String
    var index: String
    var `public`: Bool
    var builtAt: String?
    var generation: Int
    var counts: Counts

    enum CodingKeys: String, CodingKey {
        case status, index, `public`
        case builtAt = "built_at"
        case generation, counts
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(status, forKey: .status)
        try container.encode(index, forKey: .index)
        try container.encode(`public`, forKey: .public)
        try container.encode(builtAt, forKey: .builtAt)
        try container.encode(generation, forKey: .generation)
        try container.encode(counts, forKey: .counts)
    }
}
