import Foundation
import Hummingbird

/// What a route answers before the response is finished (masked, cached, secured) by
/// ``ResponseFinisher``: a status, a content type and a complete body.
struct Reply: ResponseGenerator, Sendable {
    /// HTTP status.
    var status: HTTPResponse.Status
    /// `Content-Type` of the body.
    var contentType: String
    /// The complete body.
    var body: String
    /// Extra headers.
    var headers: HTTPFields

    /// Creates a reply.
    init(status: HTTPResponse.Status = .ok, contentType: String, body: String, headers: HTTPFields = [:]) {
        self.status = status
        self.contentType = contentType
        self.body = body
        self.headers = headers
    }

    /// `Content-Type` of JSON answers.
    static let jsonType = "application/json; charset=utf-8"
    /// `Content-Type` of web pages.
    static let htmlType = "text/html; charset=utf-8"
    /// `Content-Type` of `/metrics` (Prometheus text format 0.0.4).
    static let metricsType = "text/plain; version=0.0.4; charset=utf-8"

    /// A JSON answer: keys sorted, slashes unescaped, like the CLI's `--json`.
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) throws -> Reply {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        return Reply(status: status, contentType: jsonType, body: String(decoding: data, as: UTF8.self), headers: headers)
    }

    /// A web page.
    static func html(_ page: String, status: HTTPResponse.Status = .ok) -> Reply {
        Reply(status: status, contentType: htmlType, body: page)
    }

    /// The JSON answer for `error`: `{"error":{"code":…,"message":…}}`.
    static func jsonError(_ error: ServiceError) -> Reply {
        let body = ErrorBody(error: .init(code: error.code, message: error.message))
        return (try? json(body, status: error.status, headers: error.headers))
            ?? Reply(
                status: error.status, contentType: jsonType,
                body: #"{"error":{"code":"internal_error","message":"the server failed to answer"}}"#,
                headers: error.headers)
    }

    /// The `Response` of this reply.
    func response(from request: Request, context: some RequestContext) -> Response {
        var fields = headers
        fields[.contentType] = contentType
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }
}

/// The JSON shape of every error answer.
struct ErrorBody: Codable, Equatable {
    struct Detail: Codable, Equatable {
        var code: String
        var message: String
    }

    var error: Detail
}
