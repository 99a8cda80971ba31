import Hummingbird

/// Answers HEAD requests with the headers of the GET answer, `Content-Length` included,
/// and no body.
struct HeadRequestMiddleware: RouterMiddleware {
    typealias Context = LawRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let response = try await next(request, context)
        return request.method == .head ? response.createHeadResponse() : response
    }
}
