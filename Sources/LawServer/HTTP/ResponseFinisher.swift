import Hummingbird

/// The steps every answer passes through on its way out, errors included, each a
/// middleware with one job. Listed from the outermost (the last to touch the answer) to
/// the innermost (the first):
///
/// 1. ``HeadRequestMiddleware``: HEAD answers keep the headers and drop the body;
/// 2. ``ConditionalGETMiddleware``: `ETag` and `Cache-Control`, `If-None-Match` → 304;
///    outside the header steps so that a 304 carries their headers, and outside masking
///    so that the tag is that of the body sent;
/// 3. ``CORSMiddleware`` (public mode): the API readable from any origin;
/// 4. ``SecurityHeadersMiddleware``: the security headers on everything;
/// 5. ``MaskingMiddleware`` (public mode): personal numbers masked in every body;
/// 6. ``ErrorResponseMiddleware``: errors become JSON or an error page, so that the
///    steps above finish error answers like any other.
///
/// Headers are added from the innermost step out, which fixes their order in the answer.
enum ResponseFinisher {
    /// `Content-Security-Policy` of every response (``SecurityHeadersMiddleware``).
    static var contentSecurityPolicy: String { SecurityHeadersMiddleware.contentSecurityPolicy }

    /// The finishing steps of `service`'s answers, in the order above.
    @MiddlewareFixedTypeBuilder<Request, Response, LawRequestContext>
    static func middleware(
        service: LawService, audiences: RouteAudiences
    ) -> some MiddlewareProtocol<Request, Response, LawRequestContext> {
        let configuration = service.configuration
        HeadRequestMiddleware()
        ConditionalGETMiddleware(
            publicMode: configuration.publicMode, maxAge: configuration.cacheMaxAge, audiences: audiences)
        if configuration.publicMode {
            CORSMiddleware(audiences: audiences)
        }
        SecurityHeadersMiddleware()
        if configuration.publicMode {
            MaskingMiddleware(masker: service.masker, audiences: audiences)
        }
        ErrorResponseMiddleware(publicMode: configuration.publicMode, audiences: audiences)
    }
}
