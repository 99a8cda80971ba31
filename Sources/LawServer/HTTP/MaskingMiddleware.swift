import Hummingbird
import LawCorpus

/// In public mode, masks personal numbers in every answer body (``SensitiveNumberMasker``),
/// error answers included, so that no route can leak one however it was built.
///
/// Operations answers (health, metrics) hold no corpus text; masking would only corrupt
/// their numbers, so they pass unchanged.
struct MaskingMiddleware: RouterMiddleware {
    typealias Context = LawRequestContext

    let masker: SensitiveNumberMasker
    let audiences: RouteAudiences

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let audience = audiences.audience(of: context)
        var response = try await next(request, context)
        guard audience != .operations else { return response }
        let body = try await response.collectBody()
        let text = String(decoding: body.readableBytesView, as: UTF8.self)
        let masked = masker.mask(text)
        // Setting the body keeps `Content-Length` in its place with the new length; a tag
        // made for the unmasked body no longer names it.
        if masked != text {
            response.body = ResponseBody(byteBuffer: ByteBuffer(string: masked))
            response.headers[.eTag] = nil
        }
        return response
    }
}
