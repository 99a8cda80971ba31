import Foundation

/// A JSON value, for documents assembled in code (the OpenAPI description).
public indirect enum JSONValue: Encodable, Equatable, Sendable, ExpressibleByStringLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral {
    /// A string.
    case string(String)
    /// An integer.
    case integer(Int)
    /// `true` or `false`.
    case bool(Bool)
    /// An array.
    case array([JSONValue])
    /// An object.
    case object([String: JSONValue])

    /// A string literal.
    public init(stringLiteral value: String) { self = .string(value) }
    /// An array literal.
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    /// A dictionary literal (later keys win).
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { $1 }))
    }
    /// A Boolean literal.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// An integer literal.
    public init(integerLiteral value: Int) { self = .integer(value) }

    /// Encodes the value as JSON.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}

/// The OpenAPI 3.1 description of the server, generated from its route table.
public enum OpenAPIDocument {
    /// The document describing exactly `routes` (each answering GET and HEAD).
    public static func make(_ routes: [Route]) -> JSONValue {
        var paths: [String: JSONValue] = [:]
        for route in routes {
            paths[route.path] = [
                "get": operation(route, method: "get"),
                "head": operation(route, method: "head"),
            ]
        }
        return [
            "openapi": "3.1.0",
            "info": [
                "title": "lawkb query service",
                "version": "1",
                "description": .string("""
                    Full-text search over 乌司发〔2022〕11号, the laws it cites and their articles. \
                    Read-only: every route answers GET and HEAD. Errors are {"error":{"code","message"}}. \
                    In public mode personal numbers are masked and clients are rate-limited (429 with Retry-After).
                    """),
            ],
            "paths": .object(paths),
            "components": ["schemas": .object(schemas), "responses": ["Error": errorResponse]],
        ]
    }

    private static func operation(_ route: Route, method: String) -> JSONValue {
        var responses: [String: JSONValue] = [
            "200": [
                "description": "Success.",
                "content": [mediaType(route.contentType): route.schema.map { ["schema": ["$ref": .string("#/components/schemas/\($0)")]] } ?? [:]],
            ],
        ]
        for status in Set(route.errorStatuses + [414, 429, 500]) {
            responses[String(status)] = ["$ref": "#/components/responses/Error"]
        }
        return [
            "operationId": .string(method == "get" ? route.operationID : route.operationID + "Head"),
            "summary": .string(method == "get" ? route.summary : "Headers of: " + route.summary),
            "tags": [.string(route.audience.rawValue)],
            "parameters": .array(route.parameters.map(parameter)),
            "responses": .object(responses),
        ]
    }

    /// `text/html` for `text/html; charset=utf-8`.
    private static func mediaType(_ contentType: String) -> String {
        String(contentType.prefix { $0 != ";" })
    }

    private static func parameter(_ parameter: RouteParameter) -> JSONValue {
        var schema: [String: JSONValue] = ["type": .string(parameter.type)]
        if let range = parameter.range {
            schema["minimum"] = .integer(range.lowerBound)
            schema["maximum"] = .integer(range.upperBound)
        }
        if let allowed = parameter.allowed {
            schema["enum"] = .array(allowed.map(JSONValue.string))
        }
        return [
            "name": .string(parameter.name),
            "in": .string(parameter.location.rawValue),
            "required": .bool(parameter.required),
            "description": .string(parameter.description),
            "example": .string(parameter.example),
            "schema": .object(schema),
        ]
    }

    private static let errorResponse: JSONValue = [
        "description": "An error: status 400, 404, 405, 413, 414, 429 (with Retry-After), 500 or 503.",
        "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Error"]]],
    ]

    private static func object(_ properties: [String: JSONValue], required: [String]) -> JSONValue {
        ["type": "object", "properties": .object(properties), "required": .array(required.map(JSONValue.string))]
    }

    private static let string: JSONValue = ["type": "string"]
    private static let integer: JSONValue = ["type": "integer"]
    private static let nullableString: JSONValue = ["type": ["string", "null"]]

    private static func reference(_ name: String) -> JSONValue {
        ["$ref": .string("#/components/schemas/\(name)")]
    }

    /// Schemas of the JSON answers; keys absent from `required` are left out when unknown.
    static let schemas: [String: JSONValue] = [
        "SearchHit": object([
            "id": integer, "kind": string, "document": string, "title": string, "location": string,
            "snippet": ["type": "string", "description": "Matches are wrapped in [ and ]."],
            "score": ["type": "number"], "article": integer, "department": string, "list_kind": string,
            "version": string, "status": ["type": "string", "description": "sample marks example data (示例)."],
            "item_id": string,
        ], required: ["id", "kind", "document", "title", "location", "snippet", "score"]),
        "SearchResult": object([
            "query": string, "total": integer, "limit": integer, "offset": integer,
            "hits": ["type": "array", "items": reference("SearchHit")],
            "next": ["type": ["string", "null"], "description": "Address of the next page; null on the last page."],
        ], required: ["query", "total", "limit", "offset", "hits", "next"]),
        "ArticleRecord": object([
            "document": string, "short_name": string, "version": string, "status": string, "article": integer,
            "label": string, "chapter": string, "text": string, "line": integer,
        ], required: ["document", "article", "label", "chapter", "text", "line"]),
        "CitationAnswer": object([
            "citation": string, "paragraph": integer, "item": integer, "paragraph_text": string,
            "article": reference("ArticleRecord"),
        ], required: ["citation", "article"]),
        "DeadlineRecord": object([
            "measure": string, "task": string, "responsible": nullableString,
            "due": ["type": ["string", "null"], "format": "date"], "rule": string,
            "kind": ["type": "string", "enum": ["absolute", "relative", "recurring"]], "report_to": nullableString,
        ], required: ["measure", "task", "responsible", "due", "rule", "kind", "report_to"]),
        "Deadlines": object(["deadlines": ["type": "array", "items": reference("DeadlineRecord")]], required: ["deadlines"]),
        "DocumentRecord": object([
            "kind": string, "title": string, "short_name": string, "issuer": string, "promulgated": string,
            "effective": string, "status": string, "version": string, "units": integer,
        ], required: ["kind", "title", "units"]),
        "Documents": object(["documents": ["type": "array", "items": reference("DocumentRecord")]], required: ["documents"]),
        "Health": object([
            "status": string, "index": string, "public": ["type": "boolean"], "built_at": nullableString,
            "generation": integer,
            "counts": object(["documents": integer, "units": integer, "deadlines": integer],
                             required: ["documents", "units", "deadlines"]),
        ], required: ["status", "index", "public", "built_at", "generation", "counts"]),
        "Error": object([
            "error": object(["code": string, "message": string], required: ["code", "message"]),
        ], required: ["error"]),
    ]
}
