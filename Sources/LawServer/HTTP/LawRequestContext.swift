import Hummingbird

/// The request context of the query service: Hummingbird's core storage plus the client's
/// address, which keys the rate limit and appears in the access log.
struct LawRequestContext: RequestContext {
    /// Hummingbird's per-request storage (logger, route parameters, matched route).
    var coreContext: CoreRequestContextStorage
    /// The client's IP address, or `local` when there is none (in-process tests).
    let clientAddress: String

    /// Creates the context of a request arriving on `source.channel`.
    init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress ?? "local"
    }

    /// Requests may not carry a body.
    var maxUploadSize: Int { 0 }
}
