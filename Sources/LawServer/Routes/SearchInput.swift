import Foundation
import LawCorpus
import LawQuery

/// The search parameters of a request (`q`, `kind`, `document`, `version`, `department`,
/// `list_kind`, `as_of`, `limit`, `offset`), decoded and checked; shared by `/api/search` and the search page.
///
/// The parameters as written live once, in ``SearchParameters`` (read through this type's
/// members: `input.query`, `input.kind` …); the typed request the query layer runs is
/// ``request``.
@dynamicMemberLookup
struct SearchInput: Sendable, Equatable {
    /// The parameters as the client wrote them (names masked and bounded).
    let parameters: SearchParameters
    /// Hits skipped.
    let offset: Int
    /// The parameters checked and typed, with an empty query.
    private let checked: SearchRequest

    /// Page size when none is given.
    static let defaultLimit = 10
    /// Largest offset accepted: deeper pages are not useful and only cost work.
    static let maximumOffset = 10_000
    /// Longest document name accepted, in characters.
    static let maximumDocumentLength = 200

    /// Reads the parameters from `parameters`; throws for malformed or out-of-range values.
    init(_ parameters: QueryString, service: LawService) throws(ServiceError) {
        var query = try parameters.value("q").map(service.sanitizedInput)
        if let written = query, written.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { query = nil }
        // Read in the order the parameters have always been checked, so the first bad one is named.
        let kind = try parameters.nonEmptyValue("kind")
        let document = try parameters.nonEmptyValue("document").map(service.sanitizedInput)
        let version = try APIRoutes.version(parameters)
        let written = SearchParameters(
            query: query, kind: kind, document: document, version: version,
            department: try ListInput.name("department", parameters, service: service),
            listKind: try ListInput.name("list_kind", parameters, service: service),
            asOf: try ListInput.date("as_of", parameters),
            limit: try parameters.integer("limit", default: Self.defaultLimit))
        let offset = try parameters.integer("offset", default: 0)
        if let document, document.count > Self.maximumDocumentLength {
            throw .invalidParameter(
                "document", "longer than \(Self.maximumDocumentLength) characters",
                chinese: "文件名过长。")
        }
        guard offset <= Self.maximumOffset else {
            throw .invalidParameter(
                "offset", "must be at most \(Self.maximumOffset), got \(offset)",
                chinese: "不能大于 \(Self.maximumOffset)。")
        }
        do {
            var request = try SearchRequest(
                query: "", kindCode: written.kind, document: written.document, department: written.department,
                listKindName: written.listKind, asOf: written.asOf, limit: written.limit, offset: offset)
            request.version = written.version
            try request.validate()
            checked = request
        } catch {
            throw ServiceError(error)
        }
        self.parameters = written
        self.offset = offset
    }

    /// A parameter as written: `input.query`, `input.kind`, `input.limit` ….
    subscript<Value>(dynamicMember keyPath: KeyPath<SearchParameters, Value>) -> Value {
        parameters[keyPath: keyPath]
    }

    /// Whether a list filter (department, list kind, day) is set.
    var hasListFilter: Bool {
        parameters.department != nil || parameters.listKind != nil || parameters.asOf != nil
    }

    /// The request to run, or `nil` when there is no query.
    var request: SearchRequest? {
        parameters.query.map { query in
            var request = checked
            request.query = query
            return request
        }
    }

    /// The address of the page `offset` of the same search under `path`, with every parameter written.
    func link(_ path: String, offset: Int) -> String {
        parameters.link(path, offset: offset, compact: false)
    }
}

/// The search parameters as a client wrote them (`q`, `kind`, `document`, `department`,
/// `list_kind`, `as_of`, `limit`): what a link to another page of the same search repeats,
/// from the API's `next` or from the search page's pager. The one place such links are built.
struct SearchParameters: Sendable, Equatable {
    var query: String?
    var kind: String?
    var document: String?
    var version: String? = nil
    var department: String?
    var listKind: String?
    var asOf: String?
    var limit: Int

    /// The address of the page `offset` of the search under `path`. `compact` leaves out the
    /// default page size and a zero offset (the pages' links); else both are written (the API's).
    func link(_ path: String, offset: Int, compact: Bool) -> String {
        QueryString.link(
            path,
            [
                ("q", query), ("kind", kind), ("document", document), ("version", version), ("department", department),
                ("list_kind", listKind), ("as_of", asOf),
                ("limit", compact && limit == SearchInput.defaultLimit ? nil : String(limit)),
                ("offset", compact && offset == 0 ? nil : String(offset)),
            ])
    }
}

/// The parameters of a request for list changes (`kind`, `department`, `since`, `from`,
/// `to`) as the client wrote them, names masked and bounded; shared by `/api/changes` and the
/// changes page, whose form shows them as given even when they name nothing.
struct ChangesInput: Sendable {
    /// The kind of list, as given (name or alias).
    var kind: String?
    /// The department, as given.
    var department: String?
    /// The days, as given.
    var since: String?, from: String?, to: String?

    /// Reads the parameters from `parameters`; throws for malformed or overlong values.
    init(_ parameters: QueryString, service: LawService) throws(ServiceError) {
        kind = try ListInput.name("kind", parameters, service: service)
        department = try ListInput.name("department", parameters, service: service)
        since = try ListInput.date("since", parameters)
        from = try ListInput.date("from", parameters)
        to = try ListInput.date("to", parameters)
    }

    /// The parameters with only the days and the department, for a form to show when the kind names nothing.
    var withoutKind: ChangesRequest {
        ChangesRequest(department: department, since: since, from: from, to: to)
    }

    /// The request, checked: the days first, then the kind.
    func request() throws(ServiceError) -> ChangesRequest {
        do {
            return try ChangesRequest(kindName: kind, department: department, since: since, from: from, to: to)
        } catch {
            throw ServiceError(error)
        }
    }
}

/// Reading the list parameters shared by the list routes and search: names of departments
/// and kinds (masked in public mode, bounded in length) and days.
enum ListInput {
    /// Longest department or kind name accepted, in characters.
    static let maximumNameLength = 100

    /// The name given as `parameter`, `nil` when absent or empty.
    static func name(_ parameter: String, _ parameters: QueryString, service: LawService) throws(ServiceError) -> String? {
        guard let value = try parameters.nonEmptyValue(parameter) else { return nil }
        return try checkedName(parameter, value, service: service)
    }

    /// The kind of list named by `parameter` (any name or alias), `nil` when absent or empty.
    static func listKind(_ parameter: String, _ parameters: QueryString, service: LawService) throws(ServiceError) -> ListKind? {
        try name(parameter, parameters, service: service).map(listKind(named:))
    }

    /// The kind of list called `name`, or the error naming the closest kinds.
    static func listKind(named name: String) throws(ServiceError) -> ListKind {
        do {
            return try LawQueries.listKind(name)
        } catch {
            throw ServiceError(error)
        }
    }

    /// The path parameter `parameter`, decoded, checked like a query-string name.
    static func pathName(_ parameter: String, _ context: LawRequestContext, service: LawService) throws(ServiceError) -> String {
        try checkedName(parameter, try Route.pathParameter(parameter, context), service: service)
    }

    private static func checkedName(_ parameter: String, _ value: String, service: LawService) throws(ServiceError) -> String {
        guard value.count <= maximumNameLength else {
            throw .invalidParameter(parameter, "longer than \(maximumNameLength) characters", chinese: "名称过长。")
        }
        return service.sanitizedInput(value)
    }

    /// A day parameter as given (`YYYY-MM-DD`), `nil` when absent or empty; the queries check its form.
    static func date(_ parameter: String, _ parameters: QueryString) throws(ServiceError) -> String? {
        guard let value = try parameters.nonEmptyValue(parameter) else { return nil }
        guard value.count <= 20 else {
            throw .invalidParameter(
                parameter, "'\(value.prefix(20))…' is not a date written YYYY-MM-DD",
                chinese: "日期应写作 YYYY-MM-DD。")
        }
        return value
    }
}

extension PublicationPolicy {
    /// `result` with the hits that may not be served removed (and not counted).
    func visible(_ result: SearchResult) -> SearchResult {
        var visible = result
        visible.hits = filter(result.hits)
        visible.total = max(0, result.total - (result.hits.count - visible.hits.count))
        return visible
    }
}
