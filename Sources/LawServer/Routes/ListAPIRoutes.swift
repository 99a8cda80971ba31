import Hummingbird
import LawQuery

/// The JSON API over the departments' lists: `lawkb departments`, `lists`, `list`,
/// `changes` and `cited-by` with `--json`, over HTTP.
///
/// In public mode the queries are made with `publicOnly` (see ``IndexHolder``): lists not
/// marked public are left out in SQL, so they are neither listed, nor found, nor counted.
enum ListAPIRoutes {
    static func routes(_ service: LawService) -> [Route] {
        [departments(service), lists(service), list(service), changes(service), citedBy(service), benchmarkChecks(service)]
    }

    // MARK: Parameters, shared with the pages' documentation

    static let departmentPath = RouteParameter(
        "department", in: .path, description: "The department: official name, short name (市监局) or id (scjg).",
        example: "市监局")
    static let kindPath = RouteParameter(
        "kind", in: .path, description: "The kind of list: canonical name (不予处罚事项清单) or alias (免罚清单, 裁量基准).",
        example: "免罚清单")
    static let asOf = RouteParameter(
        "as_of", in: .query, description: "The day (YYYY-MM-DD) whose versions in force are shown; today (China Standard Time) by default.",
        example: "2023-08-15")
    static let departmentFilter = RouteParameter(
        "department", in: .query, description: "Only this department's lists: official name, short name or id.",
        example: "市场监管局")
    static let changesParameters: [RouteParameter] = [
        RouteParameter("kind", in: .query, description: "Only lists of this kind (name or alias).", example: "裁量基准"),
        departmentFilter,
        RouteParameter(
            "since", in: .query, description: "Only versions that came into force after this day (YYYY-MM-DD).",
            example: "2022-10-31"),
        RouteParameter(
            "from", in: .query, description: "Compare the version current on this version date (YYYY-MM-DD, with to) …",
            example: "2022-10-26"),
        RouteParameter(
            "to", in: .query, description: "… with the version current on this one (YYYY-MM-DD, with from).",
            example: "2024-03-20"),
    ]
    /// `as_of` of `/api/cited-by`: the day of the lists and of the law.
    static let citedByAsOf = RouteParameter(
        "as_of", in: .query,
        description:
            "The day (YYYY-MM-DD): the list versions in force that day, and the cited article read in the version of the "
            + "law in force that day (the number is the current version's, or version's; reading says how); today "
            + "(China Standard Time) by default.",
        example: "2020-05-01")
    static let citedByPath: [RouteParameter] = [
        RouteParameter("document", in: .path, description: "The cited law: full title or short name.", example: "行政处罚法"),
        RouteParameter("number", in: .path, description: "The article number: 33, 第33条, 三十三 or 第三十三条.", example: "33"),
    ]

    /// The changes asked for by the query string.
    static func changesRequest(_ parameters: QueryString, service: LawService) throws(ServiceError) -> ChangesRequest {
        try ChangesInput(parameters, service: service).request()
    }

    // MARK: Routes

    private static func departments(_ service: LawService) -> Route {
        Route(
            "/api/departments", operationID: "departments",
            summary: "The departments of the registry, the names they answer to and how many list versions each has published.",
            audience: .api, contentType: Reply.jsonType, schema: "Departments", errorStatuses: [503]
        ) { _, _ in
            let departments = try await service.query { try $0.departments() }
            return try .json(["departments": departments])
        }
    }

    private static func lists(_ service: LawService) -> Route {
        Route(
            "/api/lists", operationID: "lists",
            summary: "Every list version with its dates and whether it is in force (on as_of, today by default).",
            audience: .api, parameters: [departmentFilter, asOf], contentType: Reply.jsonType, schema: "Lists",
            errorStatuses: [400, 404, 503]
        ) { request, _ in
            let parameters = try QueryString(request.uri.query)
            let department = try ListInput.name("department", parameters, service: service)
            let day = try ListInput.date("as_of", parameters)
            let lists = try await service.query { try $0.lists(department: department, asOf: day) }
            return try .json(["lists": lists])
        }
    }

    private static func list(_ service: LawService) -> Route {
        Route(
            "/api/lists/{department}/{kind}", operationID: "list",
            summary: "The version of a department's list in force on as_of (today by default), with its items.",
            audience: .api, parameters: [departmentPath, kindPath, asOf], contentType: Reply.jsonType,
            schema: "ListRecord", errorStatuses: [400, 404, 503]
        ) { request, context in
            let department = try ListInput.pathName("department", context, service: service)
            let kind = try ListInput.pathName("kind", context, service: service)
            let day = try ListInput.date("as_of", try QueryString(request.uri.query))
            let record = try await service.query { try $0.list(department: department, kind: kind, asOf: day) }
            return try .json(record)
        }
    }

    private static func changes(_ service: LawService) -> Route {
        Route(
            "/api/changes", operationID: "changes",
            summary: "What changed between versions of the lists: items added, removed, and changed field by field.",
            audience: .api, parameters: changesParameters, contentType: Reply.jsonType, schema: "Changes",
            errorStatuses: [400, 404, 503]
        ) { request, _ in
            let changesRequest = try changesRequest(try QueryString(request.uri.query), service: service)
            let changes = try await service.query { try $0.changes(changesRequest) }
            return try .json(["changes": changes])
        }
    }

    private static func benchmarkChecks(_ service: LawService) -> Route {
        Route(
            "/api/benchmark-checks", operationID: "benchmarkChecks",
            summary:
                "The discretion benchmarks (裁量基准) in force on as_of, each level checked against the statute its 处罚依据 cites: "
                + "fines outside the statutory range, measures the article does not provide for.",
            audience: .api,
            parameters: [
                departmentFilter, asOf,
                RouteParameter(
                    "every_version", in: .query, type: "boolean",
                    description: "true: check every version, in force or not.", example: "true"),
            ],
            contentType: Reply.jsonType, schema: "BenchmarkReview", errorStatuses: [400, 404, 503]
        ) { request, _ in
            let parameters = try QueryString(request.uri.query)
            let department = try ListInput.name("department", parameters, service: service)
            let day = try ListInput.date("as_of", parameters)
            let everyVersion: Bool
            switch try parameters.nonEmptyValue("every_version") {
            case nil, "false": everyVersion = false
            case "true": everyVersion = true
            default:
                throw ServiceError.invalidParameter("every_version", "true or false", chinese: "应为 true 或 false。")
            }
            let review = try await service.query {
                try $0.reviewBenchmarks(department: department, asOf: day, everyVersion: everyVersion)
            }
            return try .json(review)
        }
    }

    private static func citedBy(_ service: LawService) -> Route {
        Route(
            "/api/cited-by/{document}/{number}", operationID: "citedBy",
            summary: "The list items (in versions in force on as_of) and the plan passages and law articles citing an article.",
            audience: .api, parameters: citedByPath + [citedByAsOf, APIRoutes.versionParameter], contentType: Reply.jsonType,
            schema: "CitedByRecord", errorStatuses: [400, 404, 503]
        ) { request, context in
            let document = service.sanitizedInput(try Route.pathParameter("document", context))
            let number = try Route.pathParameter("number", context)
            let day = try ListInput.date("as_of", try QueryString(request.uri.query))
            let version = try APIRoutes.version(request)
            let record = try await service.query {
                try $0.citedBy(document: document, number: number, asOf: day, version: version)
            }
            return try .json(record)
        }
    }
}
