import LawCorpus
import LawQuery

extension Pages {
    /// `/lists/{department}/{kind}`: the version in force (on `asOf`, today by default) with
    /// its items, their benchmark levels and linked legal bases, and the list's version history.
    ///
    /// `history` holds the department's versions with `inForce` as of today: the page says
    /// whether the version shown is today's, and the history marks today's version as 现行.
    static func list(_ record: ListRecord, history: [ListSummary], asOf: String?, publicMode: Bool) -> String {
        let versions = history.filter { $0.department == record.department && $0.kind == record.kind }
            .sorted { $0.inForceFrom < $1.inForceFrom }
        let states = VersionState.of(versions)
        let state = versions.firstIndex { $0.version == record.version }.map { states[$0] } ?? .inForce
        let items = record.items.enumerated().map { index, item in ListItemArticle.html(item, ordinal: index + 1) }
        let main: HTML = """
            <nav class="crumbs" aria-label="位置">\(HTML.link("/lists", "清单")) › \(record.department) › \(record.kind)</nav>
            <h1>\(record.title)\(HTML.sampleLabel(status: record.status))</h1>
            \(listFacts(record, state: state))
            \(asOf.map { dayNotice(record, asOf: $0, state: state) } ?? "")\(listNotes(record))\
            <section class="items" aria-labelledby="items-heading">
            <h2 id="items-heading">事项（\(record.items.count) 项）</h2>
            \(items.joined())
            </section>
            \(historySection(versions, states: states, shown: record))
            """
        return PageFrame.render(
            title: "\(record.department) \(record.kind.rawValue)", publicMode: publicMode,
            current: "/lists", main: main)
    }

    /// Who published the list, its version and dates, its period in force and its state today.
    private static func listFacts(_ record: ListRecord, state: VersionState) -> HTML {
        var facts = [record.department, record.kind.rawValue, "版本 \(record.version)"]
        if let published = record.published { facts.append("公布 \(published)") }
        if let filed = record.filed { facts.append("备案 \(filed)") }
        let period = "施行 \(record.inForceFrom)" + (record.inForceUntil.map { " 至 \($0) 前（此后由新版本替换）" } ?? " 起")
        return """
            <p class="meta">\(facts.joined(separator: " · "))</p>
            <p class="meta">\(period) · <span class="\(state.cssClass)">\(state.label)</span></p>
            """
    }

    /// For a page asked for a day: which day's version this is and whether it is today's.
    private static func dayNotice(_ record: ListRecord, asOf: String, state: VersionState) -> HTML {
        let today: HTML =
            state == .inForce
            ? "，也是今日施行的版本"
            : "；该版本\(state == .replaced ? "已被替换" : "今日尚未施行")，"
                + HTML.link(HTML.listPath(department: record.department, kind: record.kind), "查看现行版本")
        return "<p class=\"notice\">本页显示 \(asOf) 当日施行的版本\(today)。</p>\n"
    }

    /// Where the list was published and the department's note on it.
    private static func listNotes(_ record: ListRecord) -> HTML {
        let publishedAt: HTML = record.publishedAt.map { "<p class=\"list-note\">公布途径：\($0)</p>\n" } ?? ""
        let note: HTML = record.note.map { "<p class=\"list-note\">说明：\($0)</p>\n" } ?? ""
        return publishedAt + note
    }

    /// Every version of the list, the one shown marked, with a link to the changes between them.
    private static func historySection(_ versions: [ListSummary], states: [VersionState], shown: ListRecord) -> HTML {
        let rows = versions.enumerated().map { index, version -> HTML in
            let current: HTML = version.version == shown.version ? " aria-current=\"true\"" : ""
            let link = HTML.link(
                HTML.listPath(department: version.department, kind: version.kind, asOf: version.inForceFrom),
                version.version)
            return """
                <tr\(current)><td>\(link)\(HTML.sampleLabel(status: version.status))</td>\
                <td>\(version.title)</td>\
                <td>\(HTML.period(from: version.inForceFrom, until: version.inForceUntil))</td>\
                <td>\(HTML.day(version.published))</td><td>\(HTML.day(version.filed))</td><td>\(version.items)</td>\
                <td class="\(states[index].cssClass)">\(states[index].label)</td></tr>
                """
        }
        let changes = QueryString.link("/changes", [("department", shown.department), ("kind", shown.kind.rawValue)])
        let changesLink: HTML =
            versions.count > 1
            ? "<p>\(HTML.link(changes, "查看各版本之间的变更 ›"))</p>"
            : "<p class=\"list-note\">此清单只有一个版本。\(HTML.link(changes, "变更记录"))</p>"
        return """
            <section class="history" aria-labelledby="history-heading">
            <h2 id="history-heading">版本沿革</h2>
            <div class="table-scroll"><table class="versions">
            \(Tables.head(["版本", "标题", "施行", "公布", "备案", "事项", "状态"]))
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody>
            </table></div>
            \(changesLink)
            </section>

            """
    }
}
