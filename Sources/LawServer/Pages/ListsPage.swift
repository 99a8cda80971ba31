import LawCorpus
import LawQuery

extension Pages {
    /// `/lists`: every department and the versions of its lists, linking to each list's page.
    static func lists(_ model: ListsPageModel, publicMode: Bool) -> String {
        let byDepartment = Dictionary(grouping: model.lists, by: \.department)
        let shown = model.departments.compactMap { department -> (DepartmentSummary, [ListSummary])? in
            guard let versions = byDepartment[department.name], !versions.isEmpty else { return nil }
            return (department, versions)
        }
        let without = model.departments.filter { byDepartment[$0.name]?.isEmpty ?? true }
        let dayText = model.asOf.map { "\($0) 当日" } ?? "今日"
        let count = Set(model.lists.map { "\($0.department)\u{1F}\($0.kind.rawValue)" }).count
        let heading = [model.department, model.kind].compactMap { $0 }.joined(separator: " · ")
        let title = heading.isEmpty ? "部门清单" : heading
        let none: HTML =
            model.filtered && model.lists.isEmpty
            ? "<p class=\"summary\">没有符合条件的清单。\(HTML.link("/lists", "查看全部清单"))</p>\n"
            : ""
        let withoutNote: HTML =
            !without.isEmpty && !model.filtered
            ? "<p class=\"list-note\">暂无公布清单的部门：\(without.map(\.name).joined(separator: "、"))。</p>\n"
            : ""
        let main: HTML = """
            <h1>\(title)</h1>
            <p>\(model.departments.count - without.count) 个部门公布的 \(count) 份清单，共 \(model.lists.count) 个版本。\
            每个版本自公布施行之日起生效，至下一版本施行时被替换；“现行”指\(dayText)施行的版本。</p>
            \(listsForm(model))\(none)\(shown.map { departmentSection($0.0, versions: $0.1, asOf: model.asOf) }.joined())\(withoutNote)
            """
        return PageFrame.render(title: title, publicMode: publicMode, current: "/lists", main: main)
    }

    /// The form of `/lists`: a department, a kind of list and a day.
    private static func listsForm(_ model: ListsPageModel) -> HTML {
        let reset: HTML = model.filtered || model.asOf != nil ? HTML.link("/lists", "全部清单") : ""
        return """
            <form class="plain" method="get" action="/lists">
            \(FormControls.select("department", label: "部门", all: "全部部门", given: model.department,
                                  choices: FormControls.departmentChoices(model.departments, given: model.department)))
            \(FormControls.select("kind", label: "清单种类", all: "全部种类", given: model.kind,
                                  choices: FormControls.kindChoices(ListKind.allCases.map(\.rawValue), given: model.kind)))
            \(FormControls.date("as_of", label: "施行于", value: model.asOf))
            <button type="submit">查看</button>\(reset)
            </form>
            """
    }

    /// A department: its names and facts, and a table of its lists' versions by kind.
    private static func departmentSection(_ department: DepartmentSummary, versions: [ListSummary], asOf: String?) -> HTML {
        let names: HTML =
            department.shortNames.isEmpty
            ? "" : "<span class=\"rule\">也称：\(department.shortNames.joined(separator: "、"))</span>"
        let facts = [department.type, department.sector.map { "主管领域：\($0)" }].compactMap { $0 }
        let factsLine: HTML = facts.isEmpty ? "" : "<p class=\"list-note\">\(facts.joined(separator: " · "))</p>"
        let rows = groupByKind(versions).flatMap { kind, group in
            kindRows(department: department.name, kind: kind, versions: group, asOf: asOf)
        }
        return """
            <section class="department" aria-labelledby="department-\(department.id)">
            <h2 id="department-\(department.id)">\(department.name)\(names)</h2>
            \(factsLine)
            <div class="table-scroll"><table class="lists">
            \(Tables.head(["清单", "版本", "状态", "施行", "公布", "备案", "事项"]))
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody>
            </table></div>
            </section>

            """
    }

    /// The rows of one kind of list: the kind (spanning them) and each version with its state and dates.
    private static func kindRows(department: String, kind: ListKind, versions: [ListSummary], asOf: String?) -> [HTML] {
        let states = VersionState.of(versions)
        return versions.enumerated().map { index, version in
            let kindLink = HTML.link(HTML.listPath(department: department, kind: kind, asOf: asOf), kind.rawValue)
            let kindCell: HTML = index == 0 ? "<td class=\"kind-cell\" rowspan=\"\(versions.count)\">\(kindLink)</td>" : ""
            let versionLink = HTML.link(
                HTML.listPath(department: department, kind: kind, asOf: version.inForceFrom),
                version.version)
            return """
                <tr>\(kindCell)<td>\(versionLink)\(HTML.sampleLabel(status: version.status))</td>\
                <td class="\(states[index].cssClass)">\(states[index].label)</td>\
                <td>\(HTML.period(from: version.inForceFrom, until: version.inForceUntil))</td>\
                <td>\(HTML.day(version.published))</td><td>\(HTML.day(version.filed))</td><td>\(version.items)</td></tr>
                """
        }
    }

    /// One department's versions grouped by kind, kinds in the registry's order, versions oldest first.
    private static func groupByKind(_ versions: [ListSummary]) -> [(kind: ListKind, versions: [ListSummary])] {
        let grouped = Dictionary(grouping: versions, by: \.kind)
        return grouped.keys.sorted { kindOrder($0) < kindOrder($1) }.map { kind in
            (kind, grouped[kind, default: []].sorted { $0.inForceFrom < $1.inForceFrom })
        }
    }

    /// Where `kind` comes in the registry's order of kinds.
    static func kindOrder(_ kind: ListKind) -> Int {
        ListKind.allCases.firstIndex(of: kind) ?? ListKind.allCases.count
    }
}
