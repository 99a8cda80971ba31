import ArgumentParser
import Foundation
import LawServer

/// `lawkb serve`: the HTTP JSON API and web pages over the index.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the JSON API and the web pages over HTTP.",
        discussion: """
            Builds the index first when it is missing or outdated, then serves it read-only. \
            When `lawkb index` replaces the index file, the server switches to it without a \
            restart. Stop it with Ctrl-C (SIGINT) or SIGTERM: it stops accepting connections, \
            sends every response in flight in full (for at most --shutdown-grace seconds) and exits.

            --public makes a public endpoint. It serves the public index \
            (Index/lawkb-public.sqlite unless --index says otherwise, built with \
            `lawkb index --public`, and built here on first use): lists not marked public are \
            not in it and personal numbers are masked in its stored text. It refuses any other \
            index, at start and on reload. Personal numbers are masked again in every answer, \
            only public records are served, clients are rate-limited and the API may be \
            read from any origin, each client gets --client-concurrency requests at once, and \
            /metrics and the details of /healthz are not served (unless --expose-operations).

              lawkb serve                       # http://127.0.0.1:8080/
              lawkb serve --host 0.0.0.0 --port 80 --public
            """)

    @Option(help: "The interface to listen on (0.0.0.0 for all).")
    var host = "127.0.0.1"

    @Option(help: "The TCP port to listen on.")
    var port = 8080

    @Flag(help: "Serve as a public endpoint: mask personal numbers, public records only, rate limits, CORS.")
    var `public` = false

    @Option(help: "Requests per second per client (default 20 with --public, unlimited otherwise; 0 for unlimited).")
    var rateLimit: Double?

    @Option(help: "Requests a client may make at once (default 40 with --public).")
    var burst: Int?

    @Option(help: "Seconds a query may run before it is stopped.")
    var queryTimeout: Double = 2

    @Option(help: ArgumentHelp(
        "Requests of one client answered at once (default 1 with --public, unlimited otherwise; 0 for unlimited).",
        discussion: "Further requests of that client wait their turn, so one client's slow requests cannot starve others."))
    var clientConcurrency: Int?

    @Option(help: "Seconds that responses in flight may take to finish after SIGTERM or SIGINT.")
    var shutdownGrace: Double = 30

    @Flag(help: "With --public, also serve /metrics and the details of /healthz (bind such a server to an operator's address only).")
    var exposeOperations = false

    @OptionGroup var options: IndexOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard queryTimeout > 0 else { throw ValidationError("--query-timeout must be positive") }
        if let rateLimit, rateLimit < 0 { throw ValidationError("--rate-limit must be 0 or more") }
        if let burst, burst < 1 { throw ValidationError("--burst must be at least 1") }
        if let clientConcurrency, clientConcurrency < 0 { throw ValidationError("--client-concurrency must be 0 or more") }
        guard shutdownGrace >= 0 else { throw ValidationError("--shutdown-grace must be 0 or more") }
    }

    func run() async throws {
        LawServer.bootstrapLogging()
        do {
            // Builds the index when it is missing, outdated or of another version.
            // A public server serves only a public index (`lawkb index --public`).
            _ = try `public` ? options.openPublic() : options.open()
            let configuration = ServerConfiguration(
                host: host, port: port, indexPath: `public` ? options.publicIndex : options.index, publicMode: `public`,
                rateLimit: effectiveRateLimit, queryTimeLimit: .milliseconds(Int64((queryTimeout * 1000).rounded())),
                clientConcurrency: clientConcurrency.map { $0 == 0 ? nil : $0 } ?? (`public` ? ServerConfiguration.publicClientConcurrency : nil),
                shutdownGracePeriod: .milliseconds(Int64((shutdownGrace * 1000).rounded())),
                exposeOperations: `public` ? exposeOperations : true)
            try await LawServer.run(configuration: configuration)
        } catch {
            throw Terminal.fail(error)
        }
    }

    /// The rate limit in force: the options, else the public default in public mode.
    private var effectiveRateLimit: RateLimit? {
        let defaults = `public` ? RateLimit.publicDefault : nil
        let rate = rateLimit ?? defaults?.requestsPerSecond
        guard let rate, rate > 0 else { return nil }
        return RateLimit(requestsPerSecond: rate, burst: burst ?? defaults?.burst ?? max(1, Int(rate * 2)))
    }
}
