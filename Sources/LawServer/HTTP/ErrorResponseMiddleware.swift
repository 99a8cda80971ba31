import Hummingbird
import Logging

/// Answers every error thrown inside it: strict JSON (`{"error":{"code","message"}}`) or,
/// for browsers on pages, an error page. Errors that are not ``ServiceError``s are answered
/// as one (Hummingbird's 404 as `not_found`, its other client errors as `bad_request`,
/// anything else as a logged 500), so no client sees an internal message.
struct ErrorResponseMiddleware: RouterMiddleware {
    typealias Context = LawRequestContext

    /// Whether error pages are those of a public server.
    let publicMode: Bool
    let audiences: RouteAudiences

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let audience = audiences.audience(of: context)
        do {
            return try await next(request, context)
        } catch {
            let failure = Self.serviceError(for: error, logger: context.logger)
            return reply(for: failure, request: request, audience: audience).response(from: request, context: context)
        }
    }

    /// The error answer in the form the client expects: a page for browsers on page
    /// routes (or on unknown addresses outside `/api/`), JSON otherwise.
    private func reply(for error: ServiceError, request: Request, audience: RouteAudience?) -> Reply {
        let wantsPage: Bool
        switch audience {
        case .page: wantsPage = true
        case .api, .operations: wantsPage = false
        case nil:
            wantsPage =
                !request.uri.path.hasPrefix("/api/")
                && (request.headers[.accept] ?? "").contains("text/html")
        }
        guard wantsPage else { return .jsonError(error) }
        var reply = Reply.html(Pages.error(error, publicMode: publicMode), status: error.status)
        reply.headers = error.headers
        return reply
    }

    /// Any error as a client may see it; unexpected ones are logged and answered 500,
    /// server errors are logged with their cause.
    static func serviceError(for error: any Error, logger: Logger) -> ServiceError {
        switch error {
        case let error as ServiceError:
            if error.status.code >= 500 {
                var metadata: Logger.Metadata = ["code": "\(error.code)"]
                if let cause = error.cause { metadata["cause"] = "\(cause)" }
                logger.warning("request failed", metadata: metadata)
            }
            return error
        case let error as any HTTPResponseError where error.status == .notFound:
            return ServiceError.notFound.caused(by: error)
        case let error as any HTTPResponseError where error.status.code < 500:
            return ServiceError(
                error.status, code: "bad_request", message: "the request cannot be answered",
                chinese: "无法处理该请求。"
            ).caused(by: error)
        default:
            logger.error("unexpected failure", metadata: ["error": "\(error)"])
            return ServiceError.internalError.caused(by: error)
        }
    }
}
