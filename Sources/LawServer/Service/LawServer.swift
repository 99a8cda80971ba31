import Foundation
import Hummingbird
import LawIndex
import Logging
import ServiceLifecycle

/// The lawkb query service: an HTTP JSON API and web pages over a read-only index.
///
/// ``routes(for:)`` is the single route table: the router and `/openapi.json` are both
/// built from it. Every request passes, in order, through the access log and metrics,
/// the ``ResponseFinisher``'s steps (HEAD, caching, CORS, security headers, masking, error
/// answers), the request guards (rate, method and size), the response cache and the
/// concurrency turns before reaching its route.
public enum LawServer {
    /// Every route of the server, `/openapi.json` (which describes them all) included.
    static func routes(for service: LawService) -> [Route] {
        let served =
            APIRoutes.routes(service) + AskRoutes.routes(service) + CompareRoutes.routes(service)
            + PageRoutes.routes(service) + ComplianceRoutes.routes(service) + OperationsRoutes.routes(service)
        // The description lists itself too. It is made from the routes' descriptions only
        // (paths, parameters, schemas), so a first version of its own entry serves to build
        // the document that the final entry then answers with.
        let document = OpenAPIDocument.make(served + [openAPIRoute(answering: [:])])
        return served + [openAPIRoute(answering: document)]
    }

    /// `/openapi.json`, answering with `document`.
    private static func openAPIRoute(answering document: JSONValue) -> Route {
        Route(
            "/openapi.json", operationID: "openapi", summary: "This description of the API and pages (OpenAPI 3.1).",
            audience: .api, contentType: Reply.jsonType
        ) { _, _ in
            try .json(document)
        }
    }

    /// The router: middleware, then every route for GET and HEAD.
    static func makeRouter(service: LawService) -> Router<LawRequestContext> {
        let routes = routes(for: service)
        let audiences = RouteAudiences(routes)
        let router = Router(context: LawRequestContext.self)
        // Middleware must be added before the routes it wraps; the first added is the outermost.
        router.addMiddleware {
            // Outermost: logs and counts every request with the status finally sent.
            AccessLogMiddleware(metrics: service.metrics)
            // Then every answer, errors included, is finished: see ResponseFinisher for its steps.
            ResponseFinisher.middleware(service: service, audiences: audiences)
            // Then what no route serves is refused before any work is done for it: clients
            // over their rate first (they cost the least to refuse), then requests of the
            // wrong shape, and only then a turn of the client and of the server is awaited.
            if let limiter = service.rateLimiter {
                RateLimitMiddleware(limiter: limiter, metrics: service.metrics)
            }
            RequestShapeMiddleware(maximumTargetLength: service.configuration.maximumTargetLength)
            // An answer the cache holds costs no query: it is given without waiting for a turn.
            ResponseCacheMiddleware(
                cache: service.responseCache, flights: ResponseFlights(), index: service.index,
                publicMode: service.configuration.publicMode, audiences: audiences, metrics: service.metrics)
            ConcurrencyLimitMiddleware(
                clientLimiter: service.clientLimiter, inFlight: service.inFlight, metrics: service.metrics)
        }
        for route in routes {
            let handler = route.handler
            for method in [HTTPRequest.Method.get, .head] {
                router.on(RouterPath(route.path), method: method) { request, context in
                    try await handler(request, context)
                }
            }
        }
        return router
    }

    /// The application serving `service` on the configured address. Run it with
    /// ``run(configuration:)`` for graceful shutdown on SIGINT and SIGTERM.
    static func makeApplication(service: LawService) -> some ApplicationProtocol {
        let configuration = service.configuration
        let logger = service.logger
        let tracker = service.responses
        return Application(
            router: makeRouter(service: service),
            server: .http1(
                configuration: .init(
                    additionalChannelHandlers: [ConnectionGuardHandler(tracker: tracker)],
                    idleTimeout: .seconds(configuration.idleTimeout.components.seconds))),
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port),
                serverName: "lawkb"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? configuration.port
                logger.notice("\(startupLine(service: service, port: port))")
            },
            logger: logger)
    }

    /// Opens the index and serves it until SIGINT or SIGTERM. Then it stops accepting
    /// connections, lets the responses in flight finish (each connection closes once its
    /// last byte is sent), and returns; after ``ServerConfiguration/shutdownGracePeriod``
    /// it stops anyway and logs how many responses were cut off.
    public static func run(configuration: ServerConfiguration) async throws {
        let service = try LawService(configuration: configuration)
        let application = makeApplication(service: service)
        var group = ServiceGroupConfiguration(
            services: [
                .init(service: application),
                .init(service: ShutdownAnnouncer(service: service), successTerminationBehavior: .ignore),
            ],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: service.logger)
        // The announcer closes what is left when the grace period ends; this is the backstop.
        group.maximumGracefulShutdownDuration = configuration.shutdownGracePeriod + .seconds(2)
        group.maximumCancellationDuration = .seconds(2)
        do {
            try await ServiceGroup(configuration: group).run()
        } catch {
            service.logger.error("the server stopped on an error", metadata: ["error": "\(error)"])
        }
        let cut = service.responses.cutResponses + service.responses.openResponses + service.inFlight.current
        if cut == 0 {
            service.logger.notice("stopped: every response in flight was sent in full")
        } else {
            service.logger.error(
                "stopped after the grace period: responses cut off",
                metadata: ["responses": "\(cut)", "grace": "\(configuration.shutdownGracePeriod)"])
        }
    }

    /// Sends log records to standard error, at the level named by the `LOG_LEVEL`
    /// environment variable (default `info`). Call once, before anything logs.
    public static func bootstrapLogging() {
        let level = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }

    /// The start-up line: address, index and its size, and the mode.
    static func startupLine(service: LawService, port: Int) -> String {
        let configuration = service.configuration
        let queries = service.index.current()
        let documents = (try? queries.documents()) ?? []
        let units = documents.reduce(0) { $0 + $1.units }
        let lists = (try? queries.lists()) ?? []
        let mode: String
        if configuration.publicMode {
            let rate = configuration.rateLimit.map { "rate limit \(Int($0.requestsPerSecond))/s, burst \($0.burst)" } ?? "no rate limit"
            mode = "PUBLIC mode (personal numbers masked, \(rate))"
        } else {
            mode = "internal mode (not public: no masking)"
        }
        return "serving http://\(configuration.host):\(port)/ from \(configuration.indexPath) "
            + "(\(documents.count) documents, \(units) units, \(lists.count) list versions with "
            + "\(lists.reduce(0) { $0 + $1.items }) items) in \(mode)"
    }
}

/// Logs the start of a graceful shutdown with the number of responses still in flight,
/// and closes the connections still open when the grace period is over.
///
/// Listed last, it is the first service told to shut down, so it runs as the server starts
/// to drain.
private struct ShutdownAnnouncer: Service {
    let service: LawService

    func run() async throws {
        do {
            try await gracefulShutdown()
        } catch {
            return  // cancelled: the server stopped otherwise
        }
        let responses = service.responses
        let grace = service.configuration.shutdownGracePeriod
        Task.detached {
            try await Task.sleep(for: grace)
            responses.closeAllConnections()
        }
        service.logger.notice(
            "shutting down: no new connections; finishing responses in flight",
            metadata: [
                "requests": "\(service.inFlight.current)",
                "responses_sending": "\(service.responses.openResponses)",
                "grace": "\(service.configuration.shutdownGracePeriod)",
            ])
    }
}
