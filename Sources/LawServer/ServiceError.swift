import Hummingbird
import LawQuery

/// An error answered to a client: an HTTP status, a stable machine-readable code and a
/// message that is safe to show (never SQL, file paths or stack traces).
///
/// The JSON form is `{"error":{"code":"…","message":"…"}}`; web pages show ``chineseMessage``.
public struct ServiceError: Error, Sendable, Equatable {
    /// HTTP status of the answer.
    public var status: HTTPResponse.Status
    /// Stable code for scripts: `invalid_parameter`, `unknown_document`, `rate_limited` …
    public var code: String
    /// What went wrong and what to do, in English.
    public var message: String
    /// The same for people using the web pages, in Chinese.
    public var chineseMessage: String
    /// Extra headers of the answer (`Retry-After`, `Allow`).
    public var headers: HTTPFields

    /// Creates an error answer.
    public init(_ status: HTTPResponse.Status, code: String, message: String, chinese: String, headers: HTTPFields = [:]) {
        self.status = status
        self.code = code
        self.message = message
        self.chineseMessage = chinese
        self.headers = headers
    }

    /// No route at this path.
    public static let notFound = ServiceError(
        .notFound, code: "not_found", message: "no such page or API route; see /openapi.json",
        chinese: "没有这个页面。")

    /// Only GET and HEAD are served.
    public static let methodNotAllowed = ServiceError(
        .methodNotAllowed, code: "method_not_allowed", message: "only GET and HEAD are allowed",
        chinese: "只支持 GET 和 HEAD 请求。", headers: [.allow: "GET, HEAD"])

    /// A request carried a body; no route accepts one.
    public static let bodyNotAllowed = ServiceError(
        .contentTooLarge, code: "body_not_allowed", message: "requests must not have a body",
        chinese: "请求不能带有正文。")

    /// The request target (path and query string) is longer than the server accepts.
    public static func targetTooLong(limit: Int) -> ServiceError {
        ServiceError(.uriTooLong, code: "uri_too_long",
                     message: "the request URL is longer than \(limit) bytes",
                     chinese: "请求地址过长（上限 \(limit) 字节），请缩短检索词。")
    }

    /// The client sent too many requests; `retryAfter` seconds until the next is accepted.
    public static func rateLimited(retryAfter: Int) -> ServiceError {
        ServiceError(.tooManyRequests, code: "rate_limited",
                     message: "too many requests; retry after \(retryAfter) s",
                     chinese: "请求过于频繁，请 \(retryAfter) 秒后再试。",
                     headers: [.retryAfter: String(retryAfter)])
    }

    /// A query ran longer than the configured limit and was stopped.
    public static func queryTimeout(limit: Duration) -> ServiceError {
        let seconds = limit.components.seconds > 0 ? "\(limit.components.seconds) s" : "the time limit"
        return ServiceError(.serviceUnavailable, code: "query_timeout",
                            message: "the query took longer than \(seconds) and was stopped; try more specific words",
                            chinese: "检索耗时过长，已停止；请换用更具体的检索词。",
                            headers: [.retryAfter: "1"])
    }

    /// The index could not answer (being replaced, unreadable); retrying may help.
    public static let unavailable = ServiceError(
        .serviceUnavailable, code: "unavailable", message: "the index cannot answer right now; retry shortly",
        chinese: "检索服务暂时不可用，请稍后再试。", headers: [.retryAfter: "1"])

    /// Too many requests are being answered at once.
    public static let overloaded = ServiceError(
        .serviceUnavailable, code: "overloaded", message: "the server is busy; retry shortly",
        chinese: "服务器繁忙，请稍后再试。", headers: [.retryAfter: "1"])

    /// An unexpected failure; details go to the log, never to the client.
    public static let internalError = ServiceError(
        .internalServerError, code: "internal_error", message: "the server failed to answer; the failure was logged",
        chinese: "服务器内部错误，已记录。")

    /// A parameter is missing, malformed or out of range.
    public static func invalidParameter(_ name: String, _ message: String, chinese: String) -> ServiceError {
        ServiceError(.badRequest, code: "invalid_parameter", message: "invalid \(name): \(message)",
                     chinese: "参数 \(name) 有误：\(chinese)")
    }

    /// The query string or a path segment is not valid percent-encoded UTF-8.
    public static func invalidEncoding(_ what: String) -> ServiceError {
        ServiceError(.badRequest, code: "invalid_encoding",
                     message: "\(what) is not valid percent-encoded UTF-8",
                     chinese: "请求地址的编码无效（\(what)），请使用 UTF-8。")
    }

    /// The answer for a query failure; the index's own failure details are not shown.
    public init(_ error: QueryError) {
        switch error {
        case .emptyQuery:
            self.init(.badRequest, code: "empty_query",
                      message: "the query is empty; type one or more words, e.g. 不予处罚",
                      chinese: "请输入检索词，例如：不予处罚。")
        case .noSearchableTerms:
            self.init(.badRequest, code: "no_searchable_terms", message: error.description,
                      chinese: "检索词中没有可检索的文字（只有标点或符号）。")
        case .onlyExclusions:
            self.init(.badRequest, code: "only_exclusions", message: error.description,
                      chinese: "检索式只有排除词（-词），请至少加入一个要查找的词。")
        case .tooLong(let length, let limit):
            self.init(.badRequest, code: "query_too_long", message: error.description,
                      chinese: "检索词过长（\(length) 字，上限 \(limit) 字）。")
        case .tooManyTerms(let count, let limit):
            self.init(.badRequest, code: "too_many_terms", message: error.description,
                      chinese: "检索词过多（\(count) 个，上限 \(limit) 个）。")
        case .invalidParameter(let name, let message):
            self.init(.badRequest, code: "invalid_parameter", message: error.description,
                      chinese: "参数 \(name) 有误：\(message)")
        case .unknownDocument(let name, let known):
            self.init(.notFound, code: "unknown_document", message: error.description,
                      chinese: "没有名为“\(name)”的文件。现有文件：\(known.joined(separator: "、"))。")
        case .noSuchArticle(let document, let requested, _, let lastLabel):
            self.init(.notFound, code: "no_such_article", message: error.description,
                      chinese: "\(document)没有第 \(requested) 条；最后一条是\(lastLabel)。")
        case .unknownDepartment(let name, let known):
            self.init(.notFound, code: "unknown_department", message: error.description,
                      chinese: "没有名为“\(name)”的部门。现有部门：\(known.joined(separator: "、"))。")
        case .noSuchList(let department, let kind, _):
            self.init(.notFound, code: "no_such_list", message: error.description,
                      chinese: "\(department)没有可显示的\(kind)。")
        case .unreadableCitation:
            self.init(.badRequest, code: "unreadable_citation", message: error.description,
                      chinese: "无法识别该引用，请写成《行政处罚法》第三十三条第一款 或 行政处罚法 33 的形式。")
        case .unavailable:
            self = .unavailable
        }
    }
}
