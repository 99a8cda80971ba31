import LawCorpus
import LawQuery

/// The server-rendered pages, in Chinese. They need no JavaScript and load nothing else.
///
/// Each page is a composition of small pieces, all ``HTML``: the frame (``PageFrame``), the
/// filter forms (``FormControls``), tables and item articles. Each entry point returns the
/// complete document.
enum Pages {
    /// `/deadlines`: the plan's obligations as a table, soonest first; with `standing`, one
    /// department's rows (due dates, relative ones included, and status) beside each.
    static func deadlines(
        _ deadlines: [DeadlineRecord], departments: [DepartmentSummary] = [], publicMode: Bool,
        standing: DeadlineStanding? = nil
    ) -> String {
        let columns = ["期限", "原文规定", "所属措施", "责任单位与任务", "报送至"] + (standing.map { ["\($0.department)完成情况"] } ?? [])
        let rows = deadlines.indices.map { index in
            deadlineRow(deadlines[index], standing: standing.map { $0.rows.indices.contains(index) ? $0.rows[index] : [] })
        }
        let intro: HTML =
            standing.map { standing in
                "<p>\(standing.department)：各项时限下本部门的义务、到期日（相对期限按工作日推算）和完成情况，截至 \(standing.asOf ?? "今日")。"
                    + "全部部门见 \(HTML.link("/compliance", "督导"))。</p>"
            } ?? "<p>乌司发〔2022〕11号规定的 \(deadlines.count) 项报送和完成时限：有具体日期的按日期排列，相对期限和定期报送列在最后。</p>"
        let main: HTML = """
            <h1>实施方案工作时限</h1>
            \(intro)
            \(departmentForm(departments, standing: standing))<table class="deadlines stack">
            \(Tables.head(columns))
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody>
            </table>
            """
        return PageFrame.render(title: "工作时限", publicMode: publicMode, current: "/deadlines", main: main)
    }

    /// The department filter (internal servers only: `departments` is empty otherwise).
    private static func departmentForm(_ departments: [DepartmentSummary], standing: DeadlineStanding?) -> HTML {
        guard !departments.isEmpty else { return "" }
        let choices = departments.map { Choice($0.name, selected: $0.name == standing?.department) }
        return """
            <form class="plain" method="get" action="/deadlines">
            \(FormControls.select("department", label: "部门", all: "全部（只看时限）", given: standing?.department, choices: choices))
            \(FormControls.date("as_of", label: "截至", value: standing?.asOf ?? ""))
            <button type="submit">查看</button>
            </form>

            """
    }

    /// One obligation: when, the rule as written, its measure, who does what, to whom it is
    /// reported; and, for a department, its rows.
    private static func deadlineRow(_ deadline: DeadlineRecord, standing: [ComplianceRow]?) -> HTML {
        let who: HTML = deadline.responsible.map { "<strong>\($0)</strong>：" } ?? ""
        let cell: HTML =
            standing.map { rows in
                let entries = rows.map { row -> HTML in
                    """
                    <li><span class="due">\(row.due)</span> \
                    <span class="status \(row.status.cssClass)">\(row.statusText)</span> \(row.task)</li>
                    """
                }
                let list: HTML = entries.isEmpty ? "—" : "<ul class=\"plain\">\(entries.joined())</ul>"
                return "<td data-label=\"完成情况\">\(list)</td>"
            } ?? ""
        return """
            <tr><td class="due">\(deadline.due ?? "—")<div class="rule">\(deadline.kind.chineseName)</div></td>\
            <td data-label="原文规定">\(deadline.rule)</td>\
            <td data-label="所属措施">\(deadline.measure)</td>\
            <td data-label="责任单位与任务">\(who)\(deadline.task)</td>\
            <td data-label="报送至">\(deadline.reportTo ?? "—")</td>\(cell)</tr>
            """
    }

    /// The page shown for a failed request (unknown address, unknown article …).
    static func error(_ error: ServiceError, publicMode: Bool) -> String {
        let main: HTML = """
            <h1>\(error.status.code == 404 ? "未找到" : "无法完成请求")</h1>
            \(errorMessage(error))
            <p>\(HTML.link("/", "返回检索"))</p>
            """
        return PageFrame.render(title: "出错了", publicMode: publicMode, current: "", main: main)
    }

    /// Why a request failed, in Chinese, as an alert.
    static func errorMessage(_ error: ServiceError) -> HTML {
        "<p class=\"error\" role=\"alert\">\(error.chineseMessage)</p>"
    }
}

/// One department's standing beside the plan's deadlines: for each deadline, in order, the
/// department's rows.
struct DeadlineStanding {
    /// The department's official name.
    var department: String
    /// The day judged, `nil` for today.
    var asOf: String?
    /// Rows per deadline, in the deadlines' order.
    var rows: [[ComplianceRow]]
}
