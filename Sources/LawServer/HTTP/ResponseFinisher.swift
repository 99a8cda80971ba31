import Foundation
import Hummingbird
import Logging

/// The single choke point every response passes through, errors included:
///
/// 1. errors become strict JSON (`{"error":{"code","message"}}`) or, for pages, an error page;
/// 2. in public mode, personal numbers in the body are masked (``SensitiveNumberMasker``),
///    except in operations answers, which hold no corpus text;
/// 3. security headers on everything; CORS on the API in public mode;
/// 4. `ETag` (a hash of the final body) and `Cache-Control`; `If-None-Match` → 304;
/// 5. HEAD answers keep the headers and drop the body.
struct ResponseFinisher: RouterMiddleware {
    typealias Context = LawRequestContext

    let service: LawService
    /// The audience of each route, by path template.
    let audiences: [String: RouteAudience]

    /// `Content-Security-Policy` of every response: nothing external, no scripts, no framing.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let audience = context.endpointPath.flatMap { audiences[$0] }
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            let failure = serviceError(for: error, logger: context.logger)
            response = errorReply(failure, request: request, audience: audience)
                .response(from: request, context: context)
        }
        var body = try await Self.collect(response.body)
        // Operations answers (health, metrics) hold no corpus text; masking would only
        // corrupt their numbers.
        if service.configuration.publicMode, audience != .operations {
            let text = String(decoding: body.readableBytesView, as: UTF8.self)
            let masked = service.masker.mask(text)
            if masked != text { body = ByteBuffer(string: masked) }
        }
        var headers = response.headers
        addSecurityHeaders(&headers)
        if service.configuration.publicMode, audience == .api || request.uri.path.hasPrefix("/api/") {
            headers[.accessControlAllowOrigin] = "*"
        }
        let length = body.readableBytes
        if response.status == .ok, audience == .api || audience == .page {
            let tag = Self.entityTag(body)
            headers[.eTag] = tag
            headers[.cacheControl] = (service.configuration.publicMode ? "public" : "private")
                + ", max-age=\(service.configuration.cacheMaxAge)"
            if Self.matches(request.headers[.ifNoneMatch], tag) {
                headers[.contentLength] = nil
                headers[.contentType] = nil
                return Response(status: .notModified, headers: headers)
            }
        } else {
            headers[.cacheControl] = "no-store"
        }
        var finished = Response(status: response.status, headers: headers, body: ResponseBody(byteBuffer: body))
        finished.headers[.contentLength] = String(length)
        if request.method == .head {
            finished.body = ResponseBody()
            finished.headers[.contentLength] = String(length)
        }
        return finished
    }

    private func addSecurityHeaders(_ headers: inout HTTPFields) {
        headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        headers[.xContentTypeOptions] = "nosniff"
        headers[.init("Referrer-Policy")!] = "no-referrer"
        headers[.init("X-Frame-Options")!] = "DENY"
    }

    /// The error answer in the form the client expects: a page for browsers on page
    /// routes (or on unknown addresses outside `/api/`), JSON otherwise.
    private func errorReply(_ error: ServiceError, request: Request, audience: RouteAudience?) -> Reply {
        let wantsPage: Bool
        switch audience {
        case .page: wantsPage = true
        case .api, .operations: wantsPage = false
        case nil:
            wantsPage = !request.uri.path.hasPrefix("/api/")
                && (request.headers[.accept] ?? "").contains("text/html")
        }
        guard wantsPage else { return .jsonError(error) }
        var reply = Reply.html(Pages.error(error, publicMode: service.configuration.publicMode), status: error.status)
        reply.headers = error.headers
        return reply
    }

    /// Any error as a client may see it; unexpected ones are logged and answered 500.
    private func serviceError(for error: any Error, logger: Logger) -> ServiceError {
        switch error {
        case let error as ServiceError:
            if error.status.code >= 500 { logger.warning("request failed", metadata: ["code": "\(error.code)"]) }
            return error
        case let error as any HTTPResponseError where error.status == .notFound:
            return .notFound
        case let error as any HTTPResponseError where error.status.code < 500:
            return ServiceError(error.status, code: "bad_request", message: "the request cannot be answered",
                                chinese: "无法处理该请求。")
        default:
            logger.error("unexpected failure", metadata: ["error": "\(error)"])
            return .internalError
        }
    }

    /// The whole body of `body` (every answer of this server is small and complete).
    static func collect(_ body: ResponseBody) async throws -> ByteBuffer {
        let collector = BodyCollector()
        try await body.write(collector)
        return collector.buffer
    }

    /// A strong entity tag: two 64-bit FNV-1a hashes of the body and its length.
    static func entityTag(_ body: ByteBuffer) -> String {
        var first: UInt64 = 0xcbf2_9ce4_8422_2325
        var second: UInt64 = 0x8422_2325_cbf2_9ce4
        for byte in body.readableBytesView {
            first = (first ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            second = (second &* 0x0000_0100_0000_01b3) ^ UInt64(byte)
        }
        func hex(_ value: UInt64) -> String {
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
        return "\"\(hex(first))\(hex(second))-\(String(body.readableBytes, radix: 16))\""
    }

    /// Whether an `If-None-Match` value names `tag` (weak comparison, `*` matches all).
    static func matches(_ ifNoneMatch: String?, _ tag: String) -> Bool {
        guard let ifNoneMatch else { return false }
        return ifNoneMatch.split(separator: ",").contains { candidate in
            var value = candidate.trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("W/") { value.removeFirst(2) }
            return value == "*" || value == tag
        }
    }
}

/// Collects a response body into one buffer.
final class BodyCollector: ResponseBodyWriter {
    private(set) var buffer = ByteBuffer()

    func write(_ buffer: ByteBuffer) async throws {
        var part = buffer
        self.buffer.writeBuffer(&part)
    }

    func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
