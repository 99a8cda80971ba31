import Foundation
import LawAsk
import LawCorpus

/// A JSON value, for documents assembled in code (the OpenAPI description).
indirect enum JSONValue: Encodable, Equatable, Sendable, ExpressibleByStringLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral
{
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
    init(stringLiteral value: String) { self = .string(value) }
    /// An array literal.
    init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    /// A dictionary literal (later keys win).
    init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { $1 }))
    }
    /// A Boolean literal.
    init(booleanLiteral value: Bool) { self = .bool(value) }
    /// An integer literal.
    init(integerLiteral value: Int) { self = .integer(value) }

    /// Encodes the value as JSON.
    func encode(to encoder: any Encoder) throws {
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
enum OpenAPIDocument {
    /// The document describing exactly `routes` (each answering GET and HEAD).
    static func make(_ routes: [Route]) -> JSONValue {
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
                "description": .string(
                    """
                    Full-text search over 乌司发〔2022〕11号, the laws it cites and their articles, and the \
                    departments' lists: every version, the one in force on any day, what changed, what cites an article. \
                    Read-only: every route answers GET and HEAD. Errors are {"error":{"code","message"}}: code is a \
                    stable English identifier, message says what went wrong in Chinese (an unknown name is answered \
                    with the closest names). Keys are English; values meant for people are Chinese. /api explains \
                    the API for people, in Chinese. \
                    In public mode personal numbers are masked, lists not marked public are neither listed nor found, \
                    and clients are rate-limited (429 with Retry-After).
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
                "content": [
                    mediaType(route.contentType): route.schema.map { ["schema": ["$ref": .string("#/components/schemas/\($0)")]] } ?? [:]
                ],
            ]
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
    private static let date: JSONValue = ["type": "string", "format": "date"]
    private static let sampleStatus: JSONValue = [
        "type": "string", "enum": codes([ListStatus.sample, .official]), "description": "sample marks example data (示例).",
    ]

    /// The codes of `words`, as the answers write them: a JSON schema's `enum`.
    private static func codes<Word: RawRepresentable<String>>(_ words: [Word]) -> JSONValue {
        .array(words.map { .string($0.rawValue) })
    }

    /// A string property for each of `Column`'s columns, under its key (left out when it has no value).
    private static func textColumns<Column: TextColumn>(_: Column.Type) -> [String: JSONValue] {
        Dictionary(uniqueKeysWithValues: Column.keys.map { ($0, string) })
    }

    private static func reference(_ name: String) -> JSONValue {
        ["$ref": .string("#/components/schemas/\(name)")]
    }

    /// Schemas of the JSON answers; keys absent from `required` are left out when unknown.
    static let schemas: [String: JSONValue] = [
        "SearchHit": object(
            [
                "id": integer, "kind": string, "document": string, "title": string, "location": string,
                "snippet": ["type": "string", "description": "Matches are wrapped in [ and ]."],
                "score": ["type": "number"], "article": integer, "department": string, "list_kind": string,
                "version": string, "status": ["type": "string", "description": "sample marks example data (示例)."],
                "item_id": string,
                "matched_via": object(
                    [
                        "term": string, "matched": string,
                        "source": ["type": "string", "description": "法条原文, 修订解读 or 常用说法 (Corpus/thesaurus.yaml)."],
                    ], required: ["term", "matched", "source"]),
            ], required: ["id", "kind", "document", "title", "location", "snippet", "score"]),
        "Understood": object(
            [
                "department": nullableString, "kind": nullableString, "document": nullableString,
                "version": [
                    "type": ["string", "null"],
                    "description":
                        "The law's version named: a year (2017) or previous (旧/原); for compare, the version compared with the current one.",
                ],
                "article": ["type": ["integer", "null"]], "paragraph": ["type": ["integer", "null"]],
                "as_of": ["type": ["string", "null"], "format": "date"], "since": ["type": ["string", "null"], "format": "date"],
                "until": ["type": ["string", "null"], "format": "date"],
                "terms": ["type": ["array", "null"], "items": string],
                "statuses": [
                    "type": "array", "items": ["type": "string", "enum": codes(ComplianceStatus.allCases)],
                    "description": .string(
                        "Only in a compliance reading: the statuses asked about (overdue for 逾期了; overdue and not_due "
                            + "for 没完成; empty for every status)."),
                ],
            ], required: ["department", "kind", "document", "version", "article", "paragraph", "as_of", "since", "until", "terms"]),
        "AskAnswer": object(
            [
                "question": string,
                "intent": ["type": "string", "enum": codes(Intent.allCases)],
                "understood": reference("Understood"),
                "summary": ["type": "string", "description": "How the question was understood, in Chinese (理解为：…)."],
                "answer": ["description": "Exactly the JSON of the matching route or `lawkb … --json` command."],
                "alternatives": [
                    "type": "array",
                    "items": object(
                        [
                            "intent": string, "understood": reference("Understood"), "summary": string,
                        ], required: ["intent", "understood", "summary"]),
                ],
            ], required: ["question", "intent", "understood", "summary", "answer", "alternatives"]),
        "SearchResult": object(
            [
                "query": string, "total": integer, "limit": integer, "offset": integer,
                "hits": ["type": "array", "items": reference("SearchHit")],
                "next": ["type": ["string", "null"], "description": "Address of the next page; null on the last page."],
                "answer": [
                    "$ref": "#/components/schemas/AskAnswer",
                    "description": "Present when the query reads as a question or a citation: its structured answer.",
                ],
            ], required: ["query", "total", "limit", "offset", "hits", "next"]),
        "ArticleRecord": object(
            [
                "document": string, "short_name": string, "version": string, "status": string, "article": integer,
                "label": string, "chapter": string, "text": string, "line": integer,
                "in_force_from": date,
                "in_force_until": ["type": "string", "format": "date", "description": "The next version's first day (exclusive)."],
                "counterparts": [
                    "type": "array", "items": reference("ArticleCounterpart"),
                    "description": "The corresponding article of each other version of the law, oldest first.",
                ],
                "as_of": reference("AsOfReading"),
            ], required: ["document", "article", "label", "chapter", "text", "line"]),
        "ArticleCounterpart": object(
            [
                "version": string, "status": string,
                "older": ["type": "boolean", "description": "Whether that version is older than the article's."],
                "articles": ["type": "array", "items": integer, "description": "The corresponding articles; empty when there is none."],
                "labels": ["type": "array", "items": string],
                "change": [
                    "type": "string", "enum": codes(ArticleChange.allCases),
                    "description": "How the text changed; absent when there is no counterpart.",
                ],
                "form": ["type": "string", "enum": codes(ArticleGroupForm.allCases)],
                "aligned": ["type": "boolean", "description": "false when the two versions could not be aligned (see problem)."],
                "problem": string,
            ], required: ["older", "articles", "labels", "aligned"]),
        "AsOfReading": object(
            [
                "date": date,
                "asked_version": ["type": "string", "description": "The version whose numbering was used."],
                "asked_article": integer, "asked_label": string,
                "articles": [
                    "type": "array", "items": integer,
                    "description": "The articles of the version in force that day carrying it (the answer is the first).",
                ],
            ], required: ["date", "asked_article", "asked_label", "articles"]),
        "DiffRun": object(
            [
                "op": [
                    "type": "string", "enum": ["=", "+", "-"], "description": "= both versions, + only the later, - only the earlier.",
                ],
                "text": string,
            ], required: ["op", "text"]),
        "ComparedArticles": object(
            [
                "from": ["type": "array", "items": integer, "description": "Articles of the from version (several when merged)."],
                "to": ["type": "array", "items": integer, "description": "Articles of the to version (several when split)."],
                "change": ["type": "string", "enum": codes(ArticleChange.allCases)],
                "diff": [
                    "type": "array", "items": reference("DiffRun"),
                    "description":
                        "From the from texts to the to texts (bodies without labels, one side's articles joined by a line break).",
                ],
            ], required: ["from", "to", "change", "diff"]),
        "AlignmentSummary": object(
            [
                "unchanged": integer, "renumbered": integer,
                "modified": ["type": "integer", "description": "Modified pairs, splits and merges included."],
                "added": integer, "removed": integer, "split": integer, "merged": integer,
            ], required: ["unchanged", "renumbered", "modified", "added", "removed"]),
        "VersionComparison": object(
            [
                "document": string, "short_name": string, "from": string, "to": string,
                "from_version": reference("VersionSummary"), "to_version": reference("VersionSummary"),
                "pairs": ["type": "array", "items": reference("ComparedArticles"), "description": "In the order of the to version."],
                "added": ["type": "array", "items": integer, "description": "Articles of to with no counterpart (新增)."],
                "removed": ["type": "array", "items": integer, "description": "Articles of from with no counterpart (删除)."],
                "summary": reference("AlignmentSummary"),
            ], required: ["document", "from", "to", "from_version", "to_version", "pairs", "added", "removed", "summary"]),
        "VersionSummary": object(
            [
                "version": string, "status": string, "promulgated": date, "effective": date, "in_force_from": date,
                "in_force_until": ["type": "string", "format": "date", "description": "The next version's first day (exclusive)."],
            ], required: ["version"]),
        "OutlineArticle": object(
            [
                "article": integer, "label": string, "opening": string,
                "citing_items": ["type": "integer", "description": "List items whose citations resolved to this article of this version."],
            ], required: ["article", "label", "opening", "citing_items"]),
        "OutlineChapter": object(
            [
                "heading": string, "articles": ["type": "array", "items": reference("OutlineArticle")],
            ], required: ["heading", "articles"]),
        "DocumentOutline": object(
            [
                "title": string, "short_name": string, "issuer": string, "category": string,
                "version": reference("VersionSummary"),
                "versions": ["type": "array", "items": reference("VersionSummary")],
                "chapters": ["type": "array", "items": reference("OutlineChapter")],
            ], required: ["title", "version", "versions", "chapters"]),
        "CitationAnswer": object(
            [
                "citation": string, "paragraph": integer, "item": integer, "paragraph_text": string,
                "article": reference("ArticleRecord"),
            ], required: ["citation", "article"]),
        "DeadlineRecord": object(
            [
                "measure": string, "task": string, "responsible": nullableString,
                "due": ["type": ["string", "null"], "format": "date"], "rule": string,
                "kind": ["type": "string", "enum": codes(DeadlineKind.allCases)], "report_to": nullableString,
            ], required: ["measure", "task", "responsible", "due", "rule", "kind", "report_to"]),
        "Deadlines": object(["deadlines": ["type": "array", "items": reference("DeadlineRecord")]], required: ["deadlines"]),
        "DocumentRecord": object(
            [
                "kind": string, "title": string, "short_name": string, "issuer": string, "promulgated": string,
                "effective": string, "status": string, "version": string, "units": integer,
            ], required: ["kind", "title", "units"]),
        "Documents": object(["documents": ["type": "array", "items": reference("DocumentRecord")]], required: ["documents"]),
        "Health": object(
            [
                "status": string, "index": string, "public": ["type": "boolean"], "built_at": nullableString,
                "generation": integer,
                "counts": object(
                    [
                        "documents": integer, "units": integer, "deadlines": integer, "lists": integer,
                        "list_items": integer,
                    ],
                    required: ["documents", "units", "deadlines"]),
            ], required: ["status", "index", "public", "built_at", "generation", "counts"]),
        "DepartmentSummary": object(
            [
                "id": string, "name": string, "short_names": ["type": "array", "items": string],
                "type": string, "sector": string, "laws": ["type": "array", "items": string],
                "lists": ["type": "integer", "description": "List versions it has published (public ones only, on a public server)."],
            ], required: ["id", "name", "short_names", "laws", "lists"]),
        "Departments": object(
            ["departments": ["type": "array", "items": reference("DepartmentSummary")]],
            required: ["departments"]),
        "ListSummary": object(
            [
                "department": string, "kind": string, "title": string, "version": date, "published": date, "filed": date,
                "status": sampleStatus, "items": integer, "in_force_from": date,
                "in_force_until": ["type": "string", "format": "date", "description": "The day the next version replaced it (exclusive)."],
                "in_force": ["type": "boolean", "description": "Whether it is in force on as_of (today by default)."],
            ], required: ["department", "kind", "title", "version", "status", "items", "in_force_from", "in_force"]),
        "Lists": object(["lists": ["type": "array", "items": reference("ListSummary")]], required: ["lists"]),
        "AmountRange": object(
            [
                "lower": ["type": "number"], "upper": ["type": "number"],
                "unit": ["type": "string", "description": "元 for money, 倍 for multiples."],
                "of": ["type": "string", "description": "For multiples, what is multiplied (违法所得 …)."], "text": string,
            ], required: ["unit", "text"]),
        "BenchmarkLevel": object(
            textColumns(LevelColumn.self).merging([
                "level": string, "amounts": ["type": "array", "items": reference("AmountRange")],
            ]) { column, _ in column }, required: ["level", "amounts"]),
        "ListField": object(["name": string, "value": string], required: ["name", "value"]),
        "CitationRecord": object(
            [
                "document": ["type": "string", "description": "Full title of the cited law when it is in the corpus."],
                "version": [
                    "type": "string",
                    "description": "The version of the law the citation resolved to: the one in force on the list's version date.",
                ],
                "resolved": ["type": "boolean", "description": "Whether that version has the cited article."],
                "name": string, "article": integer, "paragraph": integer, "item": integer, "text": string,
                "current": [
                    "$ref": "#/components/schemas/ArticleCounterpart",
                    "description": "When the version cited is not the current one: the current version's corresponding article.",
                ],
            ], required: ["article", "text", "resolved"]),
        "ListItemRecord": object(
            textColumns(ListColumn.self).merging([
                "id": string, "name": string,
                "levels": ["type": "array", "items": reference("BenchmarkLevel")],
                "fields": ["type": "array", "items": reference("ListField")],
                "citations": ["type": "array", "items": reference("CitationRecord")],
                "benchmark_check": reference("BenchmarkCheck"),
            ]) { column, _ in column }, required: ["id", "name", "levels", "fields", "citations"]),
        "StatutoryPenalty": object(
            [
                "sanctions": [
                    "type": "array", "items": ["type": "string", "enum": .array(SanctionKind.allCases.map { .string($0.rawValue) })],
                ],
                "fines": ["type": "array", "items": reference("AmountRange"), "description": "Fines on the offender."],
                "responsible_person_fines": [
                    "type": "array", "items": reference("AmountRange"),
                    "description": "Fines on the offender's responsible individuals (直接负责的主管人员和其他直接责任人员).",
                ],
            ], required: ["sanctions", "fines", "responsible_person_fines"]),
        "Provision": object(
            [
                "citation": string, "document": string, "version": string, "article": integer, "paragraph": integer,
                "item": integer,
                "followed": [
                    "type": "array", "items": integer, "description": "Articles read because the provision applies them (依照本法第X条的规定处罚).",
                ],
                "penalty": reference("StatutoryPenalty"),
            ], required: ["citation", "document", "version", "article", "followed", "penalty"]),
        "Finding": object(
            [
                "code": [
                    "type": "string", "enum": ["fine_outside_range", "sanction_not_provided", "fine_not_comparable", "penalty_elsewhere"],
                ],
                "description": ["type": "string", "description": "The finding in Chinese (超出法定幅度 …)."],
                "amount": reference("AmountRange"),
                "allowed": ["type": "array", "items": reference("AmountRange")],
                "statutory": ["type": "array", "items": reference("AmountRange")],
                "sanction": string,
            ], required: ["code", "description"]),
        "LevelCheck": object(
            [
                "level": string,
                "findings": ["type": "array", "items": reference("Finding")],
            ], required: ["level", "findings"]),
        "BenchmarkCheck": object(
            [
                "provisions": ["type": "array", "items": reference("Provision")],
                "levels": ["type": "array", "items": reference("LevelCheck")],
                "problem": [
                    "type": "string", "enum": ["no_penalty_basis", "basis_not_in_corpus", "no_penalty_in_basis"],
                    "description": "Why the levels were not checked.",
                ],
            ], required: ["provisions", "levels"]),
        "BenchmarkTally": object(
            [
                "items": integer, "levels": integer, "within_law": integer, "beyond_law": integer, "unchecked": integer,
            ], required: ["items", "levels", "within_law", "beyond_law", "unchecked"]),
        "ReviewedItem": object(
            [
                "id": string, "name": string, "penalty_basis": string, "check": reference("BenchmarkCheck"),
            ], required: ["id", "name", "check"]),
        "ReviewedBenchmark": object(
            [
                "department": string, "title": string, "version": date, "status": sampleStatus, "in_force_from": date,
                "items": ["type": "array", "items": reference("ReviewedItem")], "tally": reference("BenchmarkTally"),
            ], required: ["department", "title", "version", "status", "in_force_from", "items", "tally"]),
        "BenchmarkReview": object(
            [
                "as_of": date, "every_version": ["type": "boolean"],
                "benchmarks": ["type": "array", "items": reference("ReviewedBenchmark")], "tally": reference("BenchmarkTally"),
            ], required: ["as_of", "every_version", "benchmarks", "tally"]),
        "ListRecord": object(
            [
                "department": string, "kind": string, "title": string, "version": date, "published": date, "filed": date,
                "published_at": string, "status": sampleStatus, "in_force_from": date, "in_force_until": date, "note": string,
                "items": ["type": "array", "items": reference("ListItemRecord")],
            ], required: ["department", "kind", "title", "version", "status", "in_force_from", "items"]),
        "ItemSummary": object(["id": string, "name": string], required: ["id", "name"]),
        "FieldChange": object(
            [
                "field": ["type": "string", "description": "name, basis, levels.一般.penalty, levels.一般.amounts, fields.监管对象 …"],
                "label": [
                    "type": "string", "description": "The field's Chinese name for people: 事项名称, 法律依据, 一般 · 处罚标准, 一般 · 罚款幅度, 监管对象 …",
                ],
                "before": ["type": ["string", "null"], "description": "null when the field is new."],
                "after": ["type": ["string", "null"], "description": "null when the field was removed."],
            ], required: ["field", "label", "before", "after"]),
        "ItemChange": object(
            [
                "id": string, "name": string, "fields": ["type": "array", "items": reference("FieldChange")],
            ], required: ["id", "name", "fields"]),
        "ListChange": object(
            [
                "department": string, "kind": string, "from": date, "to": date, "status": sampleStatus,
                "added": ["type": "array", "items": reference("ItemSummary")],
                "removed": ["type": "array", "items": reference("ItemSummary")],
                "changed": ["type": "array", "items": reference("ItemChange")],
            ], required: ["department", "kind", "from", "to", "status", "added", "removed", "changed"]),
        "Changes": object(["changes": ["type": "array", "items": reference("ListChange")]], required: ["changes"]),
        "CitingItem": object(
            [
                "department": string, "kind": string, "version": date, "in_force_from": date, "status": sampleStatus,
                "id": string, "name": string, "citation": string, "paragraph": integer,
            ], required: ["department", "kind", "version", "in_force_from", "status", "id", "name", "citation"]),
        "CitingPassage": object(
            [
                "kind": ["type": "string", "enum": codes([DocumentKind.plan, .regulation])], "document": string, "title": string,
                "location": string, "citation": string,
            ], required: ["kind", "document", "title", "location", "citation"]),
        "CitedByRecord": object(
            [
                "document": string, "version": string, "article": integer, "label": string, "as_of": date,
                "every_list_version": [
                    "type": "boolean",
                    "description": "true: items of every list version citing this version of the law (asked with version and no as_of).",
                ],
                "items": ["type": "array", "items": reference("CitingItem")],
                "passages": ["type": "array", "items": reference("CitingPassage")],
                "reading": reference("AsOfReading"),
            ], required: ["document", "article", "label", "as_of", "every_list_version", "items", "passages"]),
        "ComplianceEvidence": object(
            [
                "kind": ["type": "string", "enum": ["list", "filing"]],
                "list_kind": ["type": "string", "description": "The kind of list, for a list version."],
                "title": string, "version": date, "published": date, "filed": date,
                "received": ["type": "string", "format": "date", "description": "The day a filing was received."],
                "number": ["type": "string", "description": "文号 of a filing."],
                "file": ["type": "string", "description": "The corpus file it comes from."],
                "sample": ["type": "boolean", "description": "Demonstration data (示例)."],
            ], required: ["kind", "file", "sample"]),
        "ComplianceRow": object(
            [
                "department": string, "department_id": string,
                "obligation": ["type": "string", "description": "The obligation's id: four-lists-published, monthly-report-2022-11."],
                "task": string, "measure": string,
                "rule": ["type": "string", "description": "The deadline as the plan writes it."], "due": date,
                "status": ["type": "string", "enum": codes(ComplianceStatus.allCases)],
                "status_name": ["type": "string", "description": "按时, 逾期完成, 逾期未完成, 未到期 or 不适用."],
                "done": ["type": ["string", "null"], "format": "date", "description": "The day it was done, when it was."],
                "late_working_days": [
                    "type": ["integer", "null"],
                    "description": "Working days late (late) or overdue as of as_of (overdue); null otherwise.",
                ],
                "evidence": ["type": "array", "items": reference("ComplianceEvidence")],
            ],
            required: [
                "department", "department_id", "obligation", "task", "measure", "rule", "due", "status", "status_name",
                "done", "late_working_days", "evidence",
            ]),
        "ComplianceReport": object(
            [
                "as_of": date,
                "rows": [
                    "type": "array", "items": reference("ComplianceRow"),
                    "description": "Departments in registry order, each with its obligations in the plan's order.",
                ],
            ], required: ["as_of", "rows"]),
        "ProgressRow": object(
            [
                "department": ["type": "string", "description": "部门"],
                "task": ["type": "string", "description": "工作任务, with the plan's rule in brackets"],
                "due": ["type": "string", "format": "date", "description": "完成时限"],
                "status": ["type": "string", "description": "完成情况 in words: 按时, 逾期完成, 逾期未完成, 未到期"],
                "done": ["type": "string", "description": "完成时间; empty when not done"],
                "explanation": ["type": "string", "description": "情况说明: how late, and the evidence"],
            ], required: ["department", "task", "due", "status", "done", "explanation"]),
        "ProgressTable": object(
            [
                "month": ["type": "string", "description": "2022-11"],
                "as_of": ["type": "string", "format": "date", "description": "The month's last day: the day judged."],
                "headers": [
                    "type": "array", "items": string, "description": "The table's Chinese column headers, in the rows' key order.",
                ],
                "rows": ["type": "array", "items": reference("ProgressRow")],
            ], required: ["month", "as_of", "headers", "rows"]),
        "Error": object(
            [
                "error": object(["code": string, "message": string], required: ["code", "message"])
            ], required: ["error"]),
    ]
}
