import Hummingbird
import Logging

/// Outermost middleware: one structured access-log line and the metrics of every request.
struct AccessLogMiddleware: RouterMiddleware {
    typealias Context = LawRequestContext

    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        do {
            let response = try await next(request, context)
            record(request, context, status: response.status.code, since: started)
            return response
        } catch {
            record(request, context, status: 500, since: started)
            throw error
        }
    }

    private func record(_ request: Request, _ context: Context, status: Int, since started: ContinuousClock.Instant) {
        let elapsed = started.duration(to: .now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let route = context.endpointPath.flatMap { $0 == "NotFound" ? nil : $0 } ?? "unmatched"
        metrics.recordRequest(route: route, method: request.method.rawValue, status: status, seconds: seconds)
        // The path only: the query string holds what people search for.
        context.logger.info(
            "request",
            metadata: [
                "method": "\(request.method.rawValue)",
                "path": "\(request.uri.path)",
                "route": "\(route)",
                "status": "\(status)",
                "latency_ms": "\((seconds * 100_000).rounded() / 100)",
                "client": "\(context.clientAddress)",
            ])
    }
}
