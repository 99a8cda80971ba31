import Foundation
import Hummingbird

/// Caching of successful answers: an `ETag` (a hash of the final body, made here unless the
/// ``ResponseCacheMiddleware`` brought it with the answer) and a
/// `Cache-Control` with the configured `max-age` on API and page answers, and 304 Not
/// Modified when the request's `If-None-Match` names the tag. Everything else (errors,
/// operations answers) is `no-store`.
struct ConditionalGETMiddleware: RouterMiddleware {
    typealias Context = LawRequestContext

    /// `Cache-Control` of cacheable answers: `public` on a public server, else `private`.
    let cacheControl: String
    let audiences: RouteAudiences

    /// Caching for a public or private server, fresh for `maxAge` seconds.
    init(publicMode: Bool, maxAge: Int, audiences: RouteAudiences) {
        cacheControl = (publicMode ? "public" : "private") + ", max-age=\(maxAge)"
        self.audiences = audiences
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let audience = audiences.audience(of: context)
        var response = try await next(request, context)
        guard response.status == .ok, audience == .api || audience == .page else {
            response.headers[.eTag] = nil
            response.headers[.cacheControl] = "no-store"
            return response
        }
        // A tag set inside is that of the body as it is now (a step that changes the body drops it).
        let tag: String
        if let brought = response.headers[.eTag] {
            tag = brought
            response.headers[.eTag] = nil  // set again below, in this step's place among the headers
        } else {
            tag = Self.entityTag(try await response.collectBody())
        }
        response.headers[.eTag] = tag
        response.headers[.cacheControl] = cacheControl
        guard Self.matches(request.headers[.ifNoneMatch], tag) else { return response }
        var headers = response.headers
        headers[.contentLength] = nil
        headers[.contentType] = nil
        return Response(status: .notModified, headers: headers)
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
