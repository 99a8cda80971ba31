import GRDB
import LawCorpus

/// One row of each table of ``Schema``, decoded by column name: the column names are written
/// here once, beside the schema, and queries read typed values instead of string keys.

/// A row of `document`: a plan, a version of a law, or a version of a department's list.
public struct DocumentRow: Decodable, FetchableRecord, TableRecord, Sendable {
    public static let databaseTableName = "document"
    public var id: Int64
    /// `plan`, `regulation` or `list`.
    public var kind: String
    public var title: String
    public var shortName: String?
    public var number: String?
    public var issuer: String?
    public var category: String?
    public var promulgated: String?
    public var effective: String?
    public var status: String?
    public var version: String?
    public var file: String
    public var notes: String?
    public var departmentID: Int64?
    public var listKind: String?
    public var published: String?
    public var filed: String?
    public var publishedAt: String?
    /// Demonstration data (示例).
    public var sample: Bool
    /// Served by a public endpoint.
    public var isPublic: Bool
    public var inForceFrom: String?
    public var inForceUntil: String?
    /// Citations of this law from other documents.
    public var cited: Int

    enum CodingKeys: String, CodingKey {
        case id, kind, title
        case shortName = "short_name"
        case number, issuer, category, promulgated, effective, status,
            version, file, notes
        case departmentID = "department_id"
        case listKind = "list_kind"
        case published, filed
        case
            publishedAt = "published_at"
        case sample
        case isPublic = "public"
        case inForceFrom = "in_force_from"
        case
            inForceUntil = "in_force_until"
        case cited
    }

    /// `sample` or `official`, as the answers write a list's status.
    public var listStatus: ListStatus { sample ? .sample : .official }
}

/// A row of `department`.
public struct DepartmentRow: Decodable, FetchableRecord, TableRecord, Sendable {
    public static let databaseTableName = "department"
    public var id: Int64
    /// Stable ASCII id: `scjg`.
    public var code: String
    public var name: String
    /// Separated by U+001F.
    public var shortNames: String
    public var type: String?
    public var sector: String?
    /// Full titles, separated by U+001F.
    public var laws: String

    enum CodingKeys: String, CodingKey {
        case id, code, name
        case shortNames = "short_names"
        case type, sector, laws
    }
}

/// A row of `list_item`.
public struct ListItemRow: Decodable, FetchableRecord, TableRecord, Sendable {
    public static let databaseTableName = "list_item"
    public var id: Int64
    public var documentID: Int64
    public var unitID: Int64
    public var ordinal: Int
    public var itemID: String
    public var name: String
    /// The text columns (违法行为, 法律依据 …), each stored under its ``ListColumn`` key.
    public var columns: ColumnValues<ListColumn>
    /// JSON array of ``BenchmarkLevel``.
    public var levels: String
    /// JSON array of ``ListField``.
    public var fields: String
    /// JSON ``BenchmarkCheck``, for items with levels.
    public var benchmarkCheck: String?
    public var line: Int

    enum CodingKeys: String, CodingKey {
        case id
        case documentID = "document_id"
        case unitID = "unit_id"
        case ordinal
        case itemID = "item_id"
        case name, levels, fields
        case
            benchmarkCheck = "benchmark_check"
        case line
    }

    /// Reads the row; the text columns are read by their keys.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(Int64.self, forKey: .id)
        documentID = try container.decode(Int64.self, forKey: .documentID)
        unitID = try container.decode(Int64.self, forKey: .unitID)
        ordinal = try container.decode(Int.self, forKey: .ordinal)
        itemID = try container.decode(String.self, forKey: .itemID)
        name = try container.decode(String.self, forKey: .name)
        columns = try ColumnValues(flattenedFrom: decoder)
        levels = try container.decode(String.self, forKey: .levels)
        fields = try container.decode(String.self, forKey: .fields)
        benchmarkCheck = try container.decodeIfPresent(String.self, forKey: .benchmarkCheck)
        line = try container.decode(Int.self, forKey: .line)
    }
}

/// A row of `deadline`.
public struct DeadlineRow: Decodable, FetchableRecord, TableRecord, Sendable {
    public static let databaseTableName = "deadline"
    public var id: Int64
    public var documentID: Int64
    public var ordinal: Int
    public var measure: String
    public var task: String
    public var responsible: String?
    public var due: String?
    public var rule: String
    /// `absolute`, `relative` or `recurring`.
    public var kind: String
    public var reportTo: String?
    public var line: Int

    enum CodingKeys: String, CodingKey {
        case id
        case documentID = "document_id"
        case ordinal, measure, task, responsible, due, rule, kind
        case
            reportTo = "report_to"
        case line
    }
}

extension Schema {
    /// Whether the document (a list version or a law version, as `alias`) is in force on
    /// `day`: from its first day, until the next version's. The one statement of the rule for
    /// every query; ``ListVersion/isInForce(on:)`` states it for the corpus.
    public static func inForce(on day: CalendarDate, _ alias: String = "document") -> SQL {
        let table = SQL(sql: alias.quotedDatabaseIdentifier)
        return """
            (\(table).in_force_from <= \(day.description) \
            AND (\(table).in_force_until IS NULL OR \(table).in_force_until > \(day.description)))
            """
    }
}

extension DocumentKind: DatabaseValueConvertible {}
extension ListKind: DatabaseValueConvertible {}
