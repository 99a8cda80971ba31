import GRDB
import LawCorpus
import LawIndex

extension LawQueries {
    /// Every department's standing on every obligation of the plan on `asOf` (today by default),
    /// with its evidence: of one department (any name people use) or all, only the overdue rows
    /// (逾期未完成) when `overdueOnly`. Working days are counted with the calendar the index
    /// stores; a day outside its years is an error naming them.
    public func compliance(
        department: String? = nil, asOf: String? = nil, overdueOnly: Bool = false
    ) throws(QueryError) -> ComplianceReport {
        let day = try Self.date(asOf, parameter: "as_of")
        let evaluator = try remembered(.complianceEvaluator) { db in try complianceEvaluator(db) }
        let code = try read { db in try department.map { try departmentCode(named: $0, db) } }
        do {
            return try evaluator.report(asOf: day, department: code, overdueOnly: overdueOnly)
        } catch {
            throw .invalidParameter(name: "as_of", message: error.description)
        }
    }

    /// The month's 工作任务推进表 (附件3), as of the month's last day: `month` is written
    /// `2022-11` or `2022年11月`; of one department or all.
    public func progressTable(month: String, department: String? = nil) throws(QueryError) -> ProgressTable {
        let month = try Self.complianceMonth(month)
        let report = try compliance(department: department, asOf: month.last.description)
        return ProgressTable(month: month, report: report)
    }

    /// The month `text` names (`2022-11`, `2022年11月`), or an error saying how to write one.
    public static func complianceMonth(_ text: String) throws(QueryError) -> ComplianceMonth {
        guard let month = ComplianceMonth(text) else {
            throw .invalidParameter(name: "month", message: "“\(text.prefix(20))”不是月份；请写作 2022-11 或 2022年11月")
        }
        return month
    }

    /// The evaluator over everything the index stores about obligations: the same for every
    /// question over one open index, so read once (``remembered(_:derive:)``).
    func complianceEvaluator(_ db: Database) throws -> ComplianceEvaluator {
        guard let obligations = try StoredCompliance.obligations(db) else {
            throw QueryError.invalidParameter(
                name: "compliance", message: "索引中没有实施方案的义务（Corpus/plan/obligations.yaml），或这是公开版索引")
        }
        guard let calendar = try StoredCompliance.calendar(db) else {
            throw QueryError.invalidParameter(
                name: "compliance", message: "索引中没有工作日历（Corpus/calendar/workdays.yaml），无法计算工作日")
        }
        let departments = try departmentRegistry(db).departments
        let lists = try SQLRequest<Row>(
            """
            SELECT document.*, department.code AS department_code FROM document
            JOIN department ON department.id = document.department_id
            WHERE document.kind = \(DocumentKind.list) AND \(visible)
            """
        ).fetchAll(db).compactMap { row -> ListVersionDates? in
            let document = try DocumentRow(row: row)
            guard let kind = document.listKind.flatMap(ListKind.init(rawValue:)),
                let version = document.version.flatMap(CalendarDate.init(iso:))
            else { return nil }
            return ListVersionDates(
                department: row["department_code"], kind: kind, title: document.title, version: version,
                published: document.published.flatMap(CalendarDate.init(iso:)),
                filed: document.filed.flatMap(CalendarDate.init(iso:)), file: document.file, sample: document.sample)
        }
        let filings = try Row.fetchAll(
            db,
            sql: """
                SELECT filing.*, department.code AS department_code FROM filing
                JOIN department ON department.id = filing.department_id ORDER BY filing.id
                """
        ).compactMap { row -> Filing? in
            guard let received = CalendarDate(iso: row["received"]) else { return nil }
            return Filing(
                file: row["file"], department: row["department_code"], obligation: row["obligation"],
                received: received, number: row["number"], note: row["note"],
                status: (row["sample"] as Bool) ? .sample : .official)
        }
        return ComplianceEvaluator(
            departments: departments, obligations: obligations, lists: lists, filings: filings,
            events: try StoredCompliance.events(db), calendar: calendar)
    }

    /// The code (`scjg`) of the department called `name`, or an error listing the names there are.
    func departmentCode(named name: String, _ db: Database) throws -> String {
        let id = try departmentID(named: name, db)
        guard let code = try String.fetchOne(db, sql: "SELECT code FROM department WHERE id = ?", arguments: [id]) else {
            throw QueryError.unknownDepartment(name, known: [])
        }
        return code
    }
}

/// A deadline of the plan with one department's standing on the obligations it sets: for a
/// relative rule (动态调整后10个工作日内), one row per later list version, each with its due date.
public struct DepartmentDeadline: Encodable, Sendable, Equatable {
    /// The deadline as ``LawQueries/deadlines()`` gives it.
    public var deadline: DeadlineRecord
    /// The department's rows for the obligations tied to it (none when it sets none the
    /// obligations file records).
    public var compliance: [ComplianceRow]

    /// The deadline's keys, then `compliance`.
    public func encode(to encoder: any Encoder) throws {
        try deadline.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(compliance, forKey: .compliance)
    }

    private enum Key: String, CodingKey { case compliance }
}

extension LawQueries {
    /// The plan's deadlines (as ``deadlines()``), each with `department`'s standing on the
    /// obligations it sets on `asOf` (today by default).
    public func deadlines(department: String, asOf: String? = nil) throws(QueryError) -> [DepartmentDeadline] {
        let deadlines = try deadlines()
        let rows = try compliance(department: department, asOf: asOf).rows
        return deadlines.map { deadline in
            DepartmentDeadline(
                deadline: deadline,
                compliance: rows.filter { $0.measure == deadline.measure && $0.rule == deadline.rule })
        }
    }
}

extension MemoKey where Value == ComplianceEvaluator {
    /// The obligations, calendar, lists and filings of the open index, as one evaluator.
    static var complianceEvaluator: MemoKey<ComplianceEvaluator> { MemoKey("complianceEvaluator") }
}
