import Hummingbird
import LawCorpus
import LawIndex
import LawQuery

/// The 督导 routes: which department met which obligation of the plan, on time, late or not
/// at all, with the evidence — as pages for the justice bureau and as JSON.
///
/// They are the supervising bureau's working record, not published data: a public server has
/// none of them (an address under them is unknown, 404, and the navigation does not offer
/// it), and a public index holds no obligations to judge anyway. On an internal server whose
/// index holds no obligations (a corpus without `plan/obligations.yaml`) they answer 404 too,
/// saying why.
enum ComplianceRoutes {
    /// Whether a server with `configuration` serves the 督导 routes: only an internal one.
    static func served(_ configuration: ServerConfiguration) -> Bool {
        !configuration.publicMode
    }

    static func routes(_ service: LawService) -> [Route] {
        guard served(service.configuration) else { return [] }
        return [page(service), departmentPage(service), report(service), progress(service)]
    }

    // MARK: Parameters

    static let department = RouteParameter(
        "department", in: .query, description: "Only this department's obligations: official name, short name or id.",
        example: "市场监管局")
    static let departmentPath = RouteParameter(
        "department", in: .path, description: "The department: official name, short name (市监局) or id (scjg).",
        example: "交通运输局")
    static let asOf = RouteParameter(
        "as_of", in: .query,
        description:
            "The day (YYYY-MM-DD) the statuses describe; today (China Standard Time) by default, or the last day "
            + "of the calendar's years when today is after them. Working days are counted with the calendar the "
            + "index holds; a day given outside its years is refused, naming them.",
        example: "2022-12-31")
    static let overdue = RouteParameter(
        "overdue", in: .query, type: "boolean",
        description: "true: only the obligations not done after their due date (逾期未完成).", example: "true",
        allowed: ["true", "false"])
    static let month = RouteParameter(
        "month", in: .query, required: true,
        description: "The month of the progress table (工作任务推进表): 2022-11 or 2022年11月.", example: "2022-11")

    // MARK: Routes

    private static func page(_ service: LawService) -> Route {
        Route(
            "/compliance", operationID: "compliancePage",
            summary:
                "督导: every department's standing on every obligation of the plan (overdue first), each with its "
                + "evidence; or one department's (HTML).",
            audience: .page, parameters: [department, asOf, overdue], contentType: Reply.htmlType,
            errorStatuses: [400, 404, 503]
        ) { request, _ in
            let input = try ComplianceInput(try QueryString(request.uri.query), service: service)
            return try await reportPage(input, service: service)
        }
    }

    private static func departmentPage(_ service: LawService) -> Route {
        Route(
            "/compliance/{department}", operationID: "complianceDepartmentPage",
            summary: "督导: one department's obligations, overdue first, each with its evidence (HTML).",
            audience: .page, parameters: [departmentPath, asOf, overdue], contentType: Reply.htmlType,
            errorStatuses: [400, 404, 503]
        ) { request, context in
            var input = try ComplianceInput(try QueryString(request.uri.query), service: service)
            input.department = try ListInput.pathName("department", context, service: service)
            return try await reportPage(input, service: service)
        }
    }

    private static func report(_ service: LawService) -> Route {
        Route(
            "/api/compliance", operationID: "compliance",
            summary:
                "Every department's standing on every obligation of the plan on as_of: on_time, late, overdue, not_due "
                + "or not_applicable, with working days late and the evidence (list versions or filings).",
            audience: .api, parameters: [department, asOf, overdue], contentType: Reply.jsonType,
            schema: "ComplianceReport", errorStatuses: [400, 404, 503]
        ) { request, _ in
            let input = try ComplianceInput(try QueryString(request.uri.query), service: service)
            return try .json(try await compliance(input, service: service))
        }
    }

    private static func progress(_ service: LawService) -> Route {
        Route(
            "/api/compliance/progress", operationID: "complianceProgress",
            summary:
                "The month's progress table (工作任务推进表, 附件3): per department, the tasks due in the month or still "
                + "open, with deadline, status, completion date and explanation, as of the month's last day.",
            audience: .api, parameters: [month, department], contentType: Reply.jsonType,
            schema: "ProgressTable", errorStatuses: [400, 404, 503]
        ) { request, _ in
            let parameters = try QueryString(request.uri.query)
            let department = try ListInput.name("department", parameters, service: service)
            guard let month = try parameters.nonEmptyValue("month") else {
                throw ServiceError.invalidParameter(
                    "month", "the month is required, e.g. 2022-11", chinese: "请给出月份，例如 2022-11。")
            }
            guard month.count <= 20 else {
                throw ServiceError.invalidParameter("month", "not a month", chinese: "月份应写作 2022-11 或 2022年11月。")
            }
            let table = try await available(service) { queries in
                do {
                    return try queries.progressTable(month: month, department: department)
                } catch QueryError.invalidParameter(name: "as_of", let message) {
                    // The month's last day is the day judged: a month the calendar does not cover.
                    throw QueryError.invalidParameter(name: "month", message: message)
                }
            }
            return try .json(ProgressTableAnswer(table))
        }
    }

    // MARK: Answers

    /// The report `input` asks for.
    static func compliance(_ input: ComplianceInput, service: LawService) async throws(ServiceError) -> ComplianceReport {
        let day = await judgedDay(input.asOf, service: service)
        return try await available(service) { queries in
            try queries.compliance(department: input.department, asOf: day.day, overdueOnly: input.overdueOnly)
        }
    }

    /// The page of `input`: every department's obligations, or one department's.
    static func reportPage(_ input: ComplianceInput, service: LawService) async throws(ServiceError) -> Reply {
        let day = await judgedDay(input.asOf, service: service)
        let (report, departments) = try await available(service) { queries in
            (
                try queries.compliance(department: input.department, asOf: day.day, overdueOnly: input.overdueOnly),
                try queries.departments()
            )
        }
        let department = input.department.map { name in
            report.rows.first?.department ?? officialName(name, among: departments) ?? name
        }
        let model = CompliancePageModel(
            report: report, departments: departments, department: department, overdueOnly: input.overdueOnly,
            note: day.note)
        return .html(Pages.compliance(model, publicMode: service.configuration.publicMode))
    }

    /// The day a request is judged on: the day given; without one, today — or, when today lies
    /// after the years the index's working-day calendar covers, the last day it covers, with a
    /// note saying so (a given day outside them is refused by the queries, naming the years).
    static func judgedDay(
        _ given: String?, service: LawService, today: CalendarDate = .todayInChina()
    ) async -> (day: String?, note: String?) {
        if let given { return (given, nil) }
        let covered = try? await service.query { queries in
            try queries.remembered(coveredYears) { db in try StoredCompliance.calendar(db)?.coveredYears }
        }
        return defaultDay(today: today, covered: covered ?? nil)
    }

    /// The years the index's working-day calendar covers (`nil`: it has none), read once per
    /// open index.
    static let coveredYears = MemoKey<ClosedRange<Int>?>("compliance.coveredYears")

    /// The day judged when none is given: `nil` (today) while `covered` includes today's year,
    /// else the last day of `covered`, with the note saying why.
    static func defaultDay(today: CalendarDate, covered: ClosedRange<Int>?) -> (day: String?, note: String?) {
        guard let covered, today.year > covered.upperBound,
            let last = CalendarDate(year: covered.upperBound, month: 12, day: 31)
        else { return (nil, nil) }
        return (
            last.description,
            "今日（\(today)）晚于工作日历收录的年份（\(covered.lowerBound)—\(covered.upperBound)），按 \(last) 判断；"
                + "请在 Corpus/calendar/workdays.yaml 补充新一年的放假安排后重建索引。"
        )
    }

    /// The official name of the department called `name`, if it is one.
    static func officialName(_ name: String, among departments: [DepartmentSummary]) -> String? {
        departments.first { $0.name == name || $0.id == name || $0.shortNames.contains(name) }?.name
    }

    /// Runs `body` over the index; an index holding no obligations answers 404 saying so.
    static func available<Value: Sendable>(
        _ service: LawService, _ body: @escaping @Sendable (LawQueries) throws -> Value
    ) async throws(ServiceError) -> Value {
        try await service.query { queries in
            do {
                return try body(queries)
            } catch QueryError.invalidParameter(name: "compliance", _) {
                throw ServiceError.complianceUnavailable
            }
        }
    }
}

extension ServiceError {
    /// The index holds no obligations of the plan: there is nothing to supervise.
    static let complianceUnavailable = ServiceError(
        .notFound, code: "not_found", message: "the index holds no obligations of the plan",
        chinese: "索引中没有实施方案的义务（Corpus/plan/obligations.yaml），无法显示督导情况。")
}

/// The parameters of the 督导 routes, checked.
struct ComplianceInput: Sendable {
    /// The department as given, `nil` for all.
    var department: String?
    /// The day as given (YYYY-MM-DD), `nil` for today; the queries check it.
    var asOf: String?
    /// Only the obligations overdue (逾期未完成).
    var overdueOnly: Bool

    /// Reads `department`, `as_of` and `overdue` from `parameters`.
    init(_ parameters: QueryString, service: LawService) throws(ServiceError) {
        department = try ListInput.name("department", parameters, service: service)
        asOf = try ListInput.date("as_of", parameters)
        switch try parameters.nonEmptyValue("overdue") {
        case nil, "false": overdueOnly = false
        case "true": overdueOnly = true
        default:
            throw ServiceError.invalidParameter("overdue", "true or false", chinese: "应为 true 或 false。")
        }
    }
}

/// `/api/compliance/progress`'s answer: the month's 工作任务推进表 with each row keyed in
/// English, the Chinese column headers alongside.
struct ProgressTableAnswer: Encodable, Sendable {
    /// One row of the table.
    struct Row: Encodable, Sendable, Equatable {
        /// 部门.
        var department: String
        /// 工作任务, with the plan's rule in brackets.
        var task: String
        /// 完成时限, YYYY-MM-DD.
        var due: String
        /// 完成情况, in words: 按时, 逾期完成, 逾期未完成, 未到期.
        var status: String
        /// 完成时间, empty when not done.
        var done: String
        /// 情况说明: how late, and the evidence.
        var explanation: String
    }

    /// The keys of a row, in the order of ``ProgressTable/headers``.
    static let keys = ["department", "task", "due", "status", "done", "explanation"]

    var month: String
    var asOf: String
    var headers: [String]
    var rows: [Row]

    enum CodingKeys: String, CodingKey {
        case month
        case asOf = "as_of"
        case headers, rows
    }

    /// The answer for `table`; a row of another width than the headers cannot be keyed and is left out.
    init(_ table: ProgressTable) {
        month = table.month.description
        asOf = table.asOf
        headers = table.headers
        rows = table.rows.compactMap { cells in
            guard cells.count == Self.keys.count else { return nil }
            return Row(
                department: cells[0], task: cells[1], due: cells[2], status: cells[3], done: cells[4],
                explanation: cells[5])
        }
    }
}
