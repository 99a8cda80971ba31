import LawCorpus
import LawQuery

/// What the 督导 page shows: a compliance report, of every department or of one.
struct CompliancePageModel: Sendable {
    /// The report, in the queries' order (departments, then obligations).
    var report: ComplianceReport
    /// Every department of the registry, for the filter.
    var departments: [DepartmentSummary]
    /// The official name of the one department shown, `nil` for all.
    var department: String?
    /// Whether only the overdue obligations were asked for.
    var overdueOnly: Bool
    /// Why the day judged is not today, when no day was asked for.
    var note: String?
}

extension ComplianceStatus {
    /// Where a status comes on the 督导 page: what needs chasing first, what needs nothing last.
    var urgency: Int {
        switch self {
        case .overdue: 0
        case .late: 1
        case .notDue: 2
        case .onTime: 3
        case .notApplicable: 4
        }
    }

    /// The statuses in the order the page shows them.
    static let byUrgency = allCases.sorted { $0.urgency < $1.urgency }

    /// The class that colours the status; the words are always written beside the colour.
    var cssClass: String {
        switch self {
        case .onTime: "st-on-time"
        case .late: "st-late"
        case .overdue: "st-overdue"
        case .notDue: "st-not-due"
        case .notApplicable: "st-na"
        }
    }
}

extension ComplianceRow {
    /// How far a status went, in words: `2022-10-28 完成`, `晚 3 个工作日`, `已逾期 12 个工作日`.
    var statusDetail: String? {
        switch status {
        case .onTime: done.map { "\($0) 完成" }
        case .late: "晚 \(lateWorkingDays ?? 0) 个工作日" + (done.map { "，\($0) 完成" } ?? "")
        case .overdue: "已逾期 \(lateWorkingDays ?? 0) 个工作日"
        case .notDue: "\(due) 到期"
        case .notApplicable: nil
        }
    }
}

extension Pages {
    /// `/compliance`, `/compliance/{department}`: departments × obligations, overdue first,
    /// each status in words and colour with its evidence; for every department, first a table
    /// of how many obligations each has in each status.
    static func compliance(_ model: CompliancePageModel, publicMode: Bool) -> String {
        let rows = ComplianceTable.ordered(model.report.rows)
        let title = model.department.map { "\($0) 督导" } ?? "督导"
        let crumbs: HTML =
            model.department == nil
            ? ""
            : """
                <nav class="crumbs" aria-label="位置">\(HTML.link(HTML.compliancePath(asOf: model.report.asOf), "督导")) \
                › \(model.department ?? "")</nav>

                """
        let heading = model.department.map { "\($0)：实施方案义务完成情况" } ?? "督导：各部门实施方案义务完成情况"
        let overview: HTML =
            model.department == nil && !model.overdueOnly ? ComplianceTable.overview(model.report, departments: model.departments) : ""
        let main: HTML = """
            \(crumbs)<h1>\(heading)</h1>
            <p>截至 \(model.report.asOf)，乌司发〔2022〕11号为各部门设定的每项义务：按时、逾期完成、逾期未完成、未到期或不适用，\
            附完成依据（清单版本或报送材料）。逾期按工作日计算；逾期未完成的列在最前。</p>
            \(model.note.map { note -> HTML in "<p class=\"notice\">\(note)</p>\n" } ?? "")\(form(model))\
            \(ComplianceTable.tally(model.report.rows))\(overview)\(ComplianceTable.rows(rows, model: model))
            """
        return PageFrame.render(title: title, publicMode: publicMode, current: "/compliance", main: main, wide: true)
    }

    /// The filter: a department, the day judged, only the overdue.
    private static func form(_ model: CompliancePageModel) -> HTML {
        let choices = model.departments.map { Choice($0.name, selected: $0.name == model.department) }
        let reset: HTML =
            model.department != nil || model.overdueOnly ? HTML.link(HTML.compliancePath(asOf: model.report.asOf), "全部部门") : ""
        return """
            <form class="plain" method="get" action="/compliance">
            \(FormControls.select("department", label: "部门", all: "全部部门", given: model.department, choices: choices))
            \(FormControls.date("as_of", label: "截至", value: model.report.asOf))
            <label><input type="checkbox" name="overdue" value="true"\(model.overdueOnly ? " checked" as HTML : "")> 只看逾期未完成</label>
            <button type="submit">查看</button>\(reset)
            </form>

            """
    }
}

/// The tables of the 督导 page.
enum ComplianceTable {
    /// `rows` with the most urgent statuses first, in the report's order within a status.
    static func ordered(_ rows: [ComplianceRow]) -> [ComplianceRow] {
        rows.enumerated().sorted { ($0.element.status.urgency, $0.offset) < ($1.element.status.urgency, $1.offset) }
            .map(\.element)
    }

    /// How many rows are in each status, each status in words and colour; with `omittingNone`,
    /// only the statuses some row has (an answer filtered to some statuses).
    static func tally(_ rows: [ComplianceRow], omittingNone: Bool = false) -> HTML {
        let statuses = ComplianceStatus.byUrgency.filter { status in
            !omittingNone || rows.contains { $0.status == status }
        }
        let counts = statuses.map { status -> HTML in
            let count = rows.filter { $0.status == status }.count
            return "<li><span class=\"status \(status.cssClass)\">\(status.chineseName)</span> \(count) 项</li>"
        }
        return "<ul class=\"tally\" aria-label=\"各状态义务数\">\(counts.joined())</ul>\n"
    }

    /// Every department with its count in each status, those with the most overdue first.
    static func overview(_ report: ComplianceReport, departments: [DepartmentSummary]) -> HTML {
        let grouped = Dictionary(grouping: report.rows, by: \.department)
        let order = departments.enumerated().map { ($0.element.name, $0.offset) }
        let rank = Dictionary(order, uniquingKeysWith: { first, _ in first })
        let names = grouped.keys.sorted { lhs, rhs in
            let left = grouped[lhs, default: []].filter { $0.status == .overdue }.count
            let right = grouped[rhs, default: []].filter { $0.status == .overdue }.count
            return (-left, rank[lhs] ?? Int.max, lhs) < (-right, rank[rhs] ?? Int.max, rhs)
        }
        let lines = names.map { name -> HTML in
            let rows = grouped[name, default: []]
            let cells = ComplianceStatus.byUrgency.map { status -> HTML in
                let count = rows.filter { $0.status == status }.count
                return count == 0
                    ? "<td class=\"count\">0</td>"
                    : "<td class=\"count\"><span class=\"status \(status.cssClass)\">\(count)</span></td>"
            }
            let link = HTML.link(HTML.compliancePath(department: name, asOf: report.asOf), name)
            return "<tr><th scope=\"row\">\(link)</th>\(cells.joined())</tr>"
        }
        return """
            <h2 id="overview-heading">各部门概况</h2>
            <div class="table-scroll"><table class="compliance-overview" aria-labelledby="overview-heading">
            \(Tables.head(["部门"] + ComplianceStatus.byUrgency.map(\.chineseName)))
            <tbody>
            \(lines.joined(separator: "\n"))
            </tbody>
            </table></div>

            """
    }

    /// The obligations, one row each: status, department (when all are shown), task, due date,
    /// evidence; those that do not bind the department after them, folded (they need nothing).
    static func rows(_ rows: [ComplianceRow], model: CompliancePageModel) -> HTML {
        guard !rows.isEmpty else {
            return "<p class=\"summary\">\(model.overdueOnly ? "没有逾期未完成的义务。" : "没有义务。")</p>\n"
        }
        let all = model.department == nil
        let binding = rows.filter { $0.status != .notApplicable }
        let labels = ["完成情况"] + (all ? ["部门"] : []) + ["义务", "时限", "完成依据"]
        let lines = binding.map { row in line(row, showingDepartment: all, asOf: model.report.asOf) }
        let table: HTML =
            binding.isEmpty
            ? ""
            : """
            <table class="compliance stack" aria-labelledby="rows-heading">
            \(Tables.head(labels))
            <tbody>
            \(lines.joined(separator: "\n"))
            </tbody>
            </table>

            """
        return """
            <h2 id="rows-heading">各项义务（\(binding.count) 项）</h2>
            \(table)\(notApplicable(rows.filter { $0.status == .notApplicable }, showingDepartment: all))
            """
    }

    /// The obligations that do not bind the department, folded under one line.
    private static func notApplicable(_ rows: [ComplianceRow], showingDepartment: Bool) -> HTML {
        guard !rows.isEmpty else { return "" }
        let items = rows.map { row -> HTML in
            let who: HTML = showingDepartment ? "\(row.department)：" : ""
            return "<li>\(who)\(row.task)<span class=\"rule\">（\(row.rule)）</span></li>"
        }
        return """
            <details class="not-applicable"><summary><span class="status \(ComplianceStatus.notApplicable.cssClass)">\
            \(ComplianceStatus.notApplicable.chineseName)</span> \(rows.count) 项：方案的这些义务不约束该部门</summary>
            <ul>\(items.joined())</ul>
            </details>

            """
    }

    /// One obligation of one department.
    private static func line(_ row: ComplianceRow, showingDepartment: Bool, asOf: String) -> HTML {
        let detail: HTML = row.statusDetail.map { "<div class=\"rule\">\($0)</div>" } ?? ""
        let department: HTML =
            showingDepartment
            ? "<td data-label=\"部门\">\(HTML.link(HTML.compliancePath(department: row.department, asOf: asOf), row.department))</td>"
            : ""
        return """
            <tr class="row-\(row.status.rawValue)"><td data-label="完成情况">\
            <span class="status \(row.status.cssClass)">\(row.status.chineseName)</span>\(detail)</td>\
            \(department)<td data-label="义务">\(row.task)<div class="rule">\(row.measure) · \(row.rule)</div></td>\
            <td data-label="时限" class="due">\(row.due)</td>\
            <td data-label="完成依据">\(evidence(row))</td></tr>
            """
    }

    /// The list versions or filing behind a row, each linked or named; a dash when there is none.
    static func evidence(_ row: ComplianceRow) -> HTML {
        guard !row.evidence.isEmpty else { return "<span class=\"absent\">无</span>" }
        let entries = row.evidence.map { evidence -> HTML in
            let sample = HTML.sampleLabel(status: evidence.sample ? .sample : nil)
            switch evidence.kind {
            case .list:
                let name = "\(evidence.listKind?.rawValue ?? evidence.title ?? "清单")（\(evidence.version ?? "?") 版）"
                let link: HTML =
                    if let kind = evidence.listKind {
                        HTML.link(
                            HTML.listPath(department: row.department, kind: kind, asOf: evidence.published ?? evidence.version),
                            name)
                    } else {
                        HTML(text: name)
                    }
                let dates = [evidence.published.map { "公示 \($0)" } ?? "未公示", evidence.filed.map { "备案 \($0)" } ?? "未备案"]
                return "<li>\(link)\(sample)<div class=\"rule\">\(dates.joined(separator: "，"))</div></li>"
            case .filing:
                let number = evidence.number.map { "\($0)，" } ?? ""
                return """
                    <li>报送材料 \(number)\(evidence.received ?? "?") 收到\(sample)<div class="rule"><code>\(evidence.file)</code></div></li>
                    """
            }
        }
        return "<ul class=\"evidence\">\(entries.joined())</ul>"
    }
}
