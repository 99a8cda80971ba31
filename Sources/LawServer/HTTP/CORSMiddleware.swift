import Hummingbird

/// In public mode, lets pages of any origin read the API (`Access-Control-Allow-Origin: *`):
/// its answers are public records, and requests carry no credentials. Pages and
/// operations answers are not opened to other origins.
struct CORSMiddleware: RouterMiddleware {
    typealias Context = LawRequestContext

    let audiences: RouteAudiences

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let audience = audiences.audience(of: context)
        var response = try await next(request, context)
        if RouteAudiences.isAPI(request, audience: audience) {
            response.headers[.accessControlAllowOrigin] = "*"
        }
        return response
    }
}
