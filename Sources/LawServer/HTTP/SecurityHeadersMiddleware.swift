import Hummingbird

/// Adds the security headers to every answer: a `Content-Security-Policy` that allows
/// nothing external, no scripts and no framing, `nosniff`, no referrer, no framing.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = LawRequestContext

    /// `Content-Security-Policy` of every response: nothing external, no scripts, no framing.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.init("Referrer-Policy")!] = "no-referrer"
        response.headers[.init("X-Frame-Options")!] = "DENY"
        return response
    }
}
