import Hummingbird
import LawQuery

/// The pages over the departments' lists: all lists, one list, the changes between versions.
enum ListPageRoutes {
    static func routes(_ service: LawService) -> [Route] {
        [lists(service), list(service), changes(service)]
    }

    private static func lists(_ service: LawService) -> Route {
        Route("/lists", operationID: "listsPage",
              summary: "Departments and every version of their lists, in force or replaced (HTML).",
              audience: .page, parameters: [ListAPIRoutes.asOf], contentType: Reply.htmlType,
              errorStatuses: [400, 503]) { request, _ in
            let day = try ListInput.date("as_of", try QueryString(request.uri.query))
            let (departments, lists) = try await service.query { queries in
                (try queries.departments(), try queries.lists(asOf: day))
            }
            let model = ListsPageModel(departments: departments, lists: lists, asOf: day)
            return .html(Pages.lists(model, publicMode: service.configuration.publicMode))
        }
    }

    private static func list(_ service: LawService) -> Route {
        Route("/lists/{department}/{kind}", operationID: "listPage",
              summary: "A list as in force on as_of (today by default): items, benchmark levels, linked legal bases and version history (HTML).",
              audience: .page, parameters: [ListAPIRoutes.departmentPath, ListAPIRoutes.kindPath, ListAPIRoutes.asOf],
              contentType: Reply.htmlType, errorStatuses: [400, 404, 503]) { request, context in
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
        Route("/changes", operationID: "changesPage",
              summary: "What changed between versions of the lists, changed fields side by side (HTML).",
              audience: .page, parameters: ListAPIRoutes.changesParameters, contentType: Reply.htmlType,
              errorStatuses: [400, 404, 503]) { request, _ in
            let (departments, lists) = try await service.query { queries in
                (try queries.departments(), try queries.lists())
            }
            var model = ChangesPageModel(request: ChangesRequest(), departments: departments, lists: lists)
            var status = HTTPResponse.Status.ok
            do throws(ServiceError) {
                let changesRequest = try ListAPIRoutes.changesRequest(try QueryString(request.uri.query), service: service)
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
