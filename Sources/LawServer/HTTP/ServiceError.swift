import Hummingbird
import LawQuery

/// An error answered to a client: an HTTP status, a stable machine-readable code and a
/// message that is safe to show (never SQL, file paths or stack traces).
///
/// The JSON form is `{"error":{"code":"…","message":"…"}}`: `code` is stable and English for
/// scripts, `message` is for people and in Chinese, the same text the web pages show.
/// As Hummingbird's ``HTTPResponseError`` it answers in that JSON form wherever it is
/// thrown; ``ErrorResponseMiddleware`` answers page routes with an error page instead.
struct ServiceError: HTTPResponseError, Sendable, Equatable {
    /// HTTP status of the answer.
    var status: HTTPResponse.Status
    /// Stable code for scripts: `invalid_parameter`, `unknown_document`, `rate_limited` …
    var code: String
    /// What went wrong and what to do, in Chinese: the JSON `message` and the pages' error text.
    var message: String
    /// The same problem described in English for the server's own log; never sent to clients.
    var detail: String
    /// Extra headers of the answer (`Retry-After`, `Allow`).
    var headers: HTTPFields
    /// The failure behind this answer (a query stopped by its time limit, the index's own
    /// error), for the server's log; never sent to clients.
    var cause: (any Error)?

    /// The message shown on web pages (the same as ``message``).
    var chineseMessage: String { message }

    /// Creates an error answer: `chinese` is the message clients see, `message` the English
    /// description kept as ``detail`` for the log.
    init(_ status: HTTPResponse.Status, code: String, message: String, chinese: String, headers: HTTPFields = [:]) {
        self.status = status
        self.code = code
        self.message = chinese
        self.detail = message
        self.headers = headers
    }

    /// This answer with `cause` as the failure behind it.
    func caused(by cause: any Error) -> ServiceError {
        var error = self
        error.cause = cause
        return error
    }

    /// Two errors are equal when they give the same answer; their causes are not compared.
    static func == (lhs: ServiceError, rhs: ServiceError) -> Bool {
        lhs.status == rhs.status && lhs.code == rhs.code && lhs.message == rhs.message && lhs.detail == rhs.detail
            && lhs.headers == rhs.headers
    }

    /// The JSON answer: `{"error":{"code":…,"message":…}}` with the error's status and headers.
    func response(from request: Request, context: some RequestContext) -> Response {
        Reply.jsonError(self).response(from: request, context: context)
    }

    /// No route at this path.
    static let notFound = ServiceError(
        .notFound, code: "not_found", message: "no such page or API route; see /openapi.json",
        chinese: "没有这个页面。")

    /// Only GET and HEAD are served.
    static let methodNotAllowed = ServiceError(
        .methodNotAllowed, code: "method_not_allowed", message: "only GET and HEAD are allowed",
        chinese: "只支持 GET 和 HEAD 请求。", headers: [.allow: "GET, HEAD"])

    /// A request carried a body; no route accepts one.
    static let bodyNotAllowed = ServiceError(
        .contentTooLarge, code: "body_not_allowed", message: "requests must not have a body",
        chinese: "请求不能带有正文。")

    /// The request target (path and query string) is longer than the server accepts.
    static func targetTooLong(limit: Int) -> ServiceError {
        ServiceError(
            .uriTooLong, code: "uri_too_long",
            message: "the request URL is longer than \(limit) bytes",
            chinese: "请求地址过长（上限 \(limit) 字节），请缩短检索词。")
    }

    /// The client sent too many requests; `retryAfter` seconds until the next is accepted.
    static func rateLimited(retryAfter: Int) -> ServiceError {
        ServiceError(
            .tooManyRequests, code: "rate_limited",
            message: "too many requests; retry after \(retryAfter) s",
            chinese: "请求过于频繁，请 \(retryAfter) 秒后再试。",
            headers: [.retryAfter: String(retryAfter)])
    }

    /// A query ran longer than the configured limit and was stopped; `cause` says how.
    static func queryTimeout(limit: Duration, cause: (any Error)? = nil) -> ServiceError {
        let seconds = limit.components.seconds > 0 ? "\(limit.components.seconds) s" : "the time limit"
        return ServiceError(
            .serviceUnavailable, code: "query_timeout",
            message: "the query took longer than \(seconds) and was stopped; try more specific words",
            chinese: "检索耗时过长，已停止；请换用更具体的检索词。",
            headers: [.retryAfter: "1"]
        ).causedIfAny(by: cause)
    }

    /// The index could not answer (being replaced, unreadable); retrying may help.
    static let unavailable = ServiceError(
        .serviceUnavailable, code: "unavailable", message: "the index cannot answer right now; retry shortly",
        chinese: "检索服务暂时不可用，请稍后再试。", headers: [.retryAfter: "1"])

    /// Too many requests are being answered at once.
    static let overloaded = ServiceError(
        .serviceUnavailable, code: "overloaded", message: "the server is busy; retry shortly",
        chinese: "服务器繁忙，请稍后再试。", headers: [.retryAfter: "1"])

    /// An unexpected failure; details go to the log, never to the client.
    static let internalError = ServiceError(
        .internalServerError, code: "internal_error", message: "the server failed to answer; the failure was logged",
        chinese: "服务器内部错误，已记录。")

    /// A parameter is missing, malformed or out of range.
    ///
    /// `chinese` says what is wrong for clients; `message`, in English, goes to the log only.
    static func invalidParameter(_ name: String, _ message: String, chinese: String) -> ServiceError {
        ServiceError(
            .badRequest, code: "invalid_parameter", message: "invalid \(name): \(message)",
            chinese: "参数 \(name) 有误：\(chinese)")
    }

    /// The query string or a path segment is not valid percent-encoded UTF-8.
    static func invalidEncoding(_ what: String) -> ServiceError {
        ServiceError(
            .badRequest, code: "invalid_encoding",
            message: "\(what) is not valid percent-encoded UTF-8",
            chinese: "请求地址的编码无效（\(what)），请使用 UTF-8。")
    }

    /// What the server adds to a query's message: where every document and department is
    /// listed, for a reader of the API or of the pages.
    static let queryHints = QueryError.Hints(
        documentListing: "lawkb documents 或 /api/documents", departmentListing: "lawkb departments 或 /api/departments")

    /// The answer for a query failure, with the query's own Chinese message and the server's
    /// hints; the index's own failure details are not shown.
    init(_ error: QueryError) {
        let message = error.message(Self.queryHints)
        switch error {
        case .emptyQuery:
            self.init(.badRequest, code: "empty_query", message: message, chinese: "请输入检索词，例如：不予处罚。")
        case .noSearchableTerms:
            self.init(.badRequest, code: "no_searchable_terms", message: message, chinese: message + "。")
        case .onlyExclusions:
            self.init(.badRequest, code: "only_exclusions", message: message, chinese: message + "。")
        case .tooLong, .tooManyTerms:
            self.init(
                .badRequest, code: error.isTooLong ? "query_too_long" : "too_many_terms", message: message,
                chinese: message + "。")
        case .invalidParameter, .unknownListKind, .invalidDate:
            self.init(.badRequest, code: "invalid_parameter", message: message, chinese: Self.sentence(message))
        case .unknownDocument:
            self.init(.notFound, code: "unknown_document", message: message, chinese: Self.sentence(message))
        case .noSuchArticle:
            self.init(.notFound, code: "no_such_article", message: message, chinese: Self.sentence(message))
        case .noCounterpart:
            self.init(.notFound, code: "no_counterpart", message: message, chinese: Self.sentence(message))
        case .unknownDepartment:
            self.init(.notFound, code: "unknown_department", message: message, chinese: Self.sentence(message))
        case .noSuchList:
            self.init(.notFound, code: "no_such_list", message: message, chinese: Self.sentence(message))
        case .unreadableCitation:
            self.init(.badRequest, code: "unreadable_citation", message: message, chinese: Self.sentence(message))
        case .unavailable:
            self = .unavailable
        }
        cause = error
    }

    /// This answer with `cause` as the failure behind it, when there is one.
    private func causedIfAny(by cause: (any Error)?) -> ServiceError {
        cause.map(caused(by:)) ?? self
    }

    /// `text` ending with a full stop (or the question mark of a suggestion).
    private static func sentence(_ text: String) -> String {
        guard let last = text.last, !"。？！".contains(last) else { return text }
        return text + "。"
    }
}

extension QueryError {
    /// Whether this is ``tooLong(length:limit:)``.
    fileprivate var isTooLong: Bool {
        if case .tooLong = self { return true }
        return false
    }
}
