import Hummingbird

/// The audience of every route, by path template: what the finishing middleware ask to
/// choose an error's form, whether to mask, to allow other origins and to cache.
struct RouteAudiences: Sendable {
    private let byPath: [String: RouteAudience]

    /// The audiences of `routes`; of two routes on one path, the first one's.
    init(_ routes: [Route]) {
        byPath = Dictionary(routes.map { ($0.path, $0.audience) }, uniquingKeysWith: { first, _ in first })
    }

    /// The audience of the route matched for `context`; `nil` when no route matched.
    func audience(of context: LawRequestContext) -> RouteAudience? {
        context.endpointPath.flatMap { byPath[$0] }
    }

    /// Whether `request` is for the API: its route is an API route, or, unmatched, its
    /// path is under `/api/`.
    static func isAPI(_ request: Request, audience: RouteAudience?) -> Bool {
        audience == .api || request.uri.path.hasPrefix("/api/")
    }
}
