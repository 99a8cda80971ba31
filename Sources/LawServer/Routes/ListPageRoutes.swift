import Hummingbird
import LawCorpus
import LawQuery

/// The pages over the departments' lists: all lists, one list, the changes between versions.
enum ListPageRoutes {
    static func routes(_ service: LawService) -> [Route] {
        [lists(service), list(service), changes(service)]
    }

    /// The `kind` filter of `/lists`.
    static let kindFilter = RouteParameter(
        "kind", in: .query, description: "Only lists of this kind, for every department: canonical name or alias.",
        example: "免罚清单")

    private static func lists(_ service: LawService) -> Route {
        Route(
            "/lists", operationID: "listsPage",
            summary:
                "Departments and every version of their lists, in force or replaced; optionally one department's or one kind's (HTML).",
            audience: .page, parameters: [ListAPIRoutes.departmentFilter, kindFilter, ListAPIRoutes.asOf],
            contentType: Reply.htmlType, errorStatuses: [400, 404, 503]
        ) { request, _ in
            let parameters = try QueryString(request.uri.query)
            let filter = ListsFilter(
                department: try ListInput.name("department", parameters, service: service),
                kind: try ListInput.name("kind", parameters, service: service),
                asOf: try ListInput.date("as_of", parameters))
            return try await listsPage(filter, service: service)
        }
    }

    /// The lists page for `filter`: every list, or one department's, or one kind's for every department.
    static func listsPage(_ filter: ListsFilter, service: LawService) async throws(ServiceError) -> Reply {
        let kind = try filter.kind.map { name throws(ServiceError) in try ListInput.listKind(named: name) }
        let (departments, lists) = try await service.query { queries in
            (try queries.departments(), try queries.lists(department: filter.department, asOf: filter.asOf))
        }
        let model = ListsPageModel(
            departments: departments, lists: lists.filter { kind == nil || $0.kind == kind },
            asOf: filter.asOf,
            department: filter.department.map { name in
                departments.first { $0.name == name || $0.id == name || $0.shortNames.contains(name) }?.name
                    ?? lists.first?.department ?? name
            },
            kind: kind?.rawValue, filtered: filter.department != nil || kind != nil)
        return .html(Pages.lists(model, publicMode: service.configuration.publicMode))
    }

    private static func list(_ service: LawService) -> Route {
        Route(
            "/lists/{department}/{kind}", operationID: "listPage",
            summary:
                "A list as in force on as_of (today by default): items, benchmark levels, linked legal bases and version history (HTML).",
            audience: .page, parameters: [ListAPIRoutes.departmentPath, ListAPIRoutes.kindPath, ListAPIRoutes.asOf],
            contentType: Reply.htmlType, errorStatuses: [400, 404, 503]
        ) { request, context in
            let department = try ListInput.pathName("department", context, service: service)
            let kind = try ListInput.pathName("kind", context, service: service)
            let day = try ListInput.date("as_of", try QueryString(request.uri.query))
            let (record, history) = try await service.query { queries in
                let record = try queries.list(department: department, kind: kind, asOf: day)
                // The history marks the versions in force today, whichever day is shown.
                return (record, try queries.lists(department: record.department))
            }
            return .html(Pages.list(record, history: history, asOf: day, publicMode: service.configuration.publicMode))
        }
    }

    private static func changes(_ service: LawService) -> Route {
        Route(
            "/changes", operationID: "changesPage",
            summary: "What changed between versions of the lists, changed fields side by side (HTML).",
            audience: .page, parameters: ListAPIRoutes.changesParameters, contentType: Reply.htmlType,
            errorStatuses: [400, 404, 503]
        ) { request, _ in
            let (departments, lists) = try await service.query { queries in
                (try queries.departments(), try queries.lists())
            }
            var model = ChangesPageModel(request: ChangesRequest(), departments: departments, lists: lists)
            var status = HTTPResponse.Status.ok
            do throws(ServiceError) {
                let input = try ChangesInput(try QueryString(request.uri.query), service: service)
                model.request = input.withoutKind
                model.kindName = input.kind
                let changesRequest = try input.request()
                model.request = changesRequest
                model.changes = try await service.query { try $0.changes(changesRequest) }
            } catch {
                model.error = error
                status = error.status
            }
            return .html(Pages.changes(model, publicMode: service.configuration.publicMode), status: status)
        }
    }
}

/// Which lists `/lists` shows: all, one department's, one kind's, as in force on a day.
struct ListsFilter: Sendable {
    /// The department as given.
    var department: String?
    /// The kind of list as given.
    var kind: String?
    /// The day whose versions in force are marked.
    var asOf: String?
}
