import Foundation
import LawQuery

/// The search parameters of a request (`q`, `kind`, `document`, `limit`, `offset`),
/// decoded and checked; shared by `/api/search` and the search page.
public struct SearchInput: Sendable, Equatable {
    /// The query, with personal numbers masked in public mode; `nil` when not given or empty.
    public var query: String?
    /// Kind filter.
    public var kind: String?
    /// Document filter.
    public var document: String?
    /// Page size.
    public var limit: Int
    /// Hits skipped.
    public var offset: Int

    /// Page size when none is given.
    public static let defaultLimit = 10
    /// Largest offset accepted: deeper pages are not useful and only cost work.
    public static let maximumOffset = 10_000
    /// Longest document name accepted, in characters.
    public static let maximumDocumentLength = 200

    /// Reads the parameters from `parameters`; throws for malformed or out-of-range values.
    public init(_ parameters: QueryString, service: LawService) throws(ServiceError) {
        query = try parameters.value("q").map(service.sanitizedInput)
        if let query, query.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { self.query = nil }
        kind = try parameters.nonEmptyValue("kind")
        document = try parameters.nonEmptyValue("document").map(service.sanitizedInput)
        limit = try parameters.integer("limit", default: Self.defaultLimit)
        offset = try parameters.integer("offset", default: 0)
        if let document, document.count > Self.maximumDocumentLength {
            throw .invalidParameter("document", "longer than \(Self.maximumDocumentLength) characters",
                                    chinese: "文件名过长。")
        }
        guard offset <= Self.maximumOffset else {
            throw .invalidParameter("offset", "must be at most \(Self.maximumOffset), got \(offset)",
                                    chinese: "不能大于 \(Self.maximumOffset)。")
        }
        do {
            try SearchRequest(query: query ?? "", kind: kind, document: document, limit: limit, offset: offset).validate()
        } catch {
            throw ServiceError(error)
        }
    }

    /// The request to run, or `nil` when there is no query.
    public var request: SearchRequest? {
        query.map { SearchRequest(query: $0, kind: kind, document: document, limit: limit, offset: offset) }
    }

    /// The address of the page `offset` of the same search under `path`.
    public func link(_ path: String, offset: Int) -> String {
        QueryString.link(path, [
            ("q", query), ("kind", kind), ("document", document),
            ("limit", String(limit)), ("offset", String(offset)),
        ])
    }
}

extension PublicationPolicy {
    /// `result` with the hits that may not be served removed (and not counted).
    public func visible(_ result: SearchResult) -> SearchResult {
        var visible = result
        visible.hits = filter(result.hits)
        visible.total = max(0, result.total - (result.hits.count - visible.hits.count))
        return visible
    }
}
