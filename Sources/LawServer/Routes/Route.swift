import Foundation
import Hummingbird

/// Who a route is for; decides the format of its errors, its caching and CORS.
enum RouteAudience: String, Sendable {
    /// JSON for programs: errors in JSON, cacheable, readable cross-origin in public mode.
    case api
    /// Web pages for people: errors as pages, cacheable.
    case page
    /// Health and metrics for operators: never cached.
    case operations
}

/// A documented parameter of a route.
struct RouteParameter: Sendable {
    /// Where the parameter is given.
    enum Location: String, Sendable {
        /// A segment of the path: `/api/articles/{document}/{number}`.
        case path
        /// The query string: `?q=…`.
        case query
    }

    /// Parameter name.
    var name: String
    /// Path or query.
    var location: Location
    /// `string` or `integer` (JSON Schema type).
    var type: String
    /// Whether the parameter must be given.
    var required: Bool
    /// What it means.
    var description: String
    /// A value that works against the shipped corpus; used in the documentation and tests.
    var example: String
    /// Smallest and largest values of an integer parameter.
    var range: ClosedRange<Int>?
    /// The values a string parameter may take, when there are few.
    var allowed: [String]?

    /// Creates a parameter description.
    init(
        _ name: String, in location: Location, type: String = "string", required: Bool = false,
        description: String, example: String, range: ClosedRange<Int>? = nil, allowed: [String]? = nil
    ) {
        self.name = name
        self.location = location
        self.type = type
        self.required = required || location == .path
        self.description = description
        self.example = example
        self.range = range
        self.allowed = allowed
    }
}

/// One route of the server: the single source from which both the router and the
/// OpenAPI document are built, so the two cannot disagree.
struct Route: Sendable {
    /// The path template, in the syntax both Hummingbird and OpenAPI use: `/api/articles/{document}/{number}`.
    var path: String
    /// OpenAPI `operationId`.
    var operationID: String
    /// One-line summary.
    var summary: String
    /// Who the route is for.
    var audience: RouteAudience
    /// Its parameters.
    var parameters: [RouteParameter]
    /// `Content-Type` of a successful answer.
    var contentType: String
    /// Name of the schema (in `components/schemas`) of a successful JSON answer.
    var schema: String?
    /// HTTP statuses of the error answers it can give besides those every route can give.
    var errorStatuses: [Int]
    /// Answers a request (GET; HEAD is the same without the body).
    var handler: @Sendable (Request, LawRequestContext) async throws -> Reply

    /// Creates a route.
    init(
        _ path: String, operationID: String, summary: String, audience: RouteAudience,
        parameters: [RouteParameter] = [], contentType: String, schema: String? = nil, errorStatuses: [Int] = [],
        handler: @escaping @Sendable (Request, LawRequestContext) async throws -> Reply
    ) {
        self.path = path
        self.operationID = operationID
        self.summary = summary
        self.audience = audience
        self.parameters = parameters
        self.contentType = contentType
        self.schema = schema
        self.errorStatuses = errorStatuses
        self.handler = handler
    }

    /// An address that exercises the route, built from the parameters' examples.
    var exampleTarget: String {
        var target = path
        var query: [(String, String?)] = []
        for parameter in parameters {
            switch parameter.location {
            case .path:
                target = target.replacingOccurrences(of: "{\(parameter.name)}", with: QueryString.encode(parameter.example))
            case .query where parameter.required:
                query.append((parameter.name, parameter.example))
            case .query:
                break
            }
        }
        return QueryString.link(target, query)
    }

    /// The decoded value of the path parameter `name`.
    static func pathParameter(_ name: String, _ context: LawRequestContext) throws(ServiceError) -> String {
        guard let raw = context.parameters.get(name) else { throw .notFound }
        return try QueryString.decode(raw[...], plusIsSpace: false, what: "the path")
    }
}
