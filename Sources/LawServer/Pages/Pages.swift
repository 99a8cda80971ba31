import LawQuery

/// The server-rendered pages, in Chinese. They need no JavaScript and load nothing else.
///
/// Each page is a composition of small pieces, all ``HTML``: the frame (``PageFrame``), the
/// filter forms (``FormControls``), tables and item articles. Each entry point returns the
/// complete document.
enum Pages {
    /// `/deadlines`: the plan's obligations as a table, soonest first.
    static func deadlines(_ deadlines: [DeadlineRecord], publicMode: Bool) -> String {
        let main: HTML = """
            <h1>实施方案工作时限</h1>
            <p>乌司发〔2022〕11号规定的 \(deadlines.count) 项报送和完成时限：有具体日期的按日期排列，相对期限和定期报送列在最后。</p>
            <table class="deadlines stack">
            \(Tables.head(["期限", "原文规定", "所属措施", "责任单位与任务", "报送至"]))
            <tbody>
            \(deadlines.map(deadlineRow).joined(separator: "\n"))
            </tbody>
            </table>
            """
        return PageFrame.render(title: "工作时限", publicMode: publicMode, current: "/deadlines", main: main)
    }

    /// One obligation: when, the rule as written, its measure, who does what, to whom it is reported.
    private static func deadlineRow(_ deadline: DeadlineRecord) -> HTML {
        let who: HTML = deadline.responsible.map { "<strong>\($0)</strong>：" } ?? ""
        return """
            <tr><td class="due">\(deadline.due ?? "—")<div class="rule">\(deadline.kind.chineseName)</div></td>\
            <td data-label="原文规定">\(deadline.rule)</td>\
            <td data-label="所属措施">\(deadline.measure)</td>\
            <td data-label="责任单位与任务">\(who)\(deadline.task)</td>\
            <td data-label="报送至">\(deadline.reportTo ?? "—")</td></tr>
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
