import LawCorpus
import LawQuery

extension Pages {
    /// `/changes`: the filter form and, per list, the items added, removed and changed
    /// between versions, changed fields side by side.
    static func changes(_ model: ChangesPageModel, publicMode: Bool) -> String {
        var main: HTML = "<h1>清单变更</h1>\n" + changesForm(model)
        if let error = model.error {
            main += errorMessage(error) + "\n"
        } else if let changes = model.changes {
            if changes.isEmpty {
                main += "<p class=\"summary\">所选范围内没有清单变更。</p>\n"
            } else {
                main += "<p class=\"summary\">共 \(changes.count) 处版本更替。</p>\n"
                main += changes.map { ChangeSection(change: $0, lists: model.lists).html }.joined()
            }
        }
        return PageFrame.render(title: "清单变更", publicMode: publicMode, current: "/changes", main: main)
    }

    /// The form of `/changes`: a department, a kind of list, and the days to compare.
    private static func changesForm(_ model: ChangesPageModel) -> HTML {
        let request = model.request
        let kind = model.kindName.map { ListKind.resolve($0)?.rawValue ?? $0 } ?? request.kind?.rawValue
        let kinds = Set(model.lists.map(\.kind)).sorted { kindOrder($0) < kindOrder($1) }.map(\.rawValue)
        return """
            <form class="plain" method="get" action="/changes">
            \(FormControls.select("department", label: "部门", all: "全部部门", given: request.department,
                                  choices: FormControls.departmentChoices(model.departments, given: request.department),
                                  keepingGiven: true))
            \(FormControls.select("kind", label: "清单种类", all: "全部清单", given: kind,
                                  choices: FormControls.kindChoices(kinds, given: kind), keepingGiven: true))
            \(FormControls.date("since", label: "施行晚于", value: request.since))
            \(FormControls.date("from", label: "自", value: request.from))
            \(FormControls.date("to", label: "至", value: request.to))
            <button type="submit">查看变更</button>
            </form>
            <p class="hint">不填日期时比较每两个相邻版本；“施行晚于”只看该日之后施行的新版本；“自/至”比较两个日期各自现行的版本（二者须同时填写，且不能与“施行晚于”同用）。</p>

            """
    }
}

/// One change between two versions of a list: the items added, removed, and changed field by field.
struct ChangeSection {
    let change: ListChange
    /// The day each of the two versions took effect, for links to them.
    private let older: String?
    private let newer: String?

    init(change: ListChange, lists: [ListSummary]) {
        func inForce(_ version: String) -> String? {
            lists.first { $0.department == change.department && $0.kind == change.kind && $0.version == version }?.inForceFrom
        }
        self.change = change
        older = inForce(change.from)
        newer = inForce(change.to)
    }

    var html: HTML {
        let list = HTML.link(HTML.listPath(department: change.department, kind: change.kind), change.kind.rawValue)
        let since: HTML = newer.map { "（\($0) 起施行）" } ?? ""
        let counts = "新增 \(change.added.count) · 删除 \(change.removed.count) · 修改 \(change.changed.count)"
        return """
            <section class="change">
            <h2>\(change.department) · \(list)\(HTML.sampleLabel(status: change.status))</h2>
            <p class="meta">版本 \(versionLink(change.from, older)) → \(versionLink(change.to, newer))\(since) · \(counts)</p>
            \(body)</section>

            """
    }

    /// The added, removed and changed items; or that the two versions hold the same items.
    private var body: HTML {
        let body =
            itemList("新增事项", class: "items-added", change.added.map { ($0.id, $0.name) }, day: newer)
            + itemList("删除事项", class: "items-removed", change.removed.map { ($0.id, $0.name) }, day: older)
            + changedItems
        return body.isEmpty ? "<p class=\"list-note\">两版事项内容相同。</p>\n" : body
    }

    /// A heading and the items under it, each linked on the version of `day`; nothing without items.
    private func itemList(_ heading: String, class name: String, _ items: [(id: String, name: String)], day: String?) -> HTML {
        guard !items.isEmpty else { return "" }
        let entries = items.map { item -> HTML in "<li>\(itemLink(item.id, item.name, day))</li>" }
        return "<h3>\(heading)（\(items.count)）</h3>\n<ul class=\"\(name)\">\n\(entries.joined(separator: "\n"))\n</ul>\n"
    }

    /// Each changed item with a table of its fields before and after.
    private var changedItems: HTML {
        guard !change.changed.isEmpty else { return "" }
        let tables = change.changed.map { item -> HTML in
            let rows = item.fields.map { field -> HTML in
                """
                <tr><th scope="row">\(field.label)</th>\
                <td class="before" data-label="修改前">\(diffCell(field.before, absent: "（无）"))</td>\
                <td class="after" data-label="修改后">\(diffCell(field.after, absent: "（删除）"))</td></tr>
                """
            }
            return """
                <h4>\(itemLink(item.id, item.name, newer))</h4>
                <table class="diff stack">
                \(Tables.head(["字段", "修改前（\(change.from) 版）", "修改后（\(change.to) 版）"]))
                <tbody>
                \(rows.joined(separator: "\n"))
                </tbody>
                </table>

                """
        }
        return "<h3>修改事项（\(change.changed.count)）</h3>\n" + tables.joined()
    }

    /// A version of the list, linked as in force on `day`.
    private func versionLink(_ version: String, _ day: String?) -> HTML {
        HTML.link(HTML.listPath(department: change.department, kind: change.kind, asOf: day), version)
    }

    /// An item linked at its place on the list's page as in force on `day`, with its id.
    private func itemLink(_ id: String, _ name: String, _ day: String?) -> HTML {
        HTML.link(HTML.listPath(department: change.department, kind: change.kind, asOf: day, item: id), name)
            + "<span class=\"item-id\">\(id)</span>"
    }

    /// A field's value, or a mark that it had none.
    private func diffCell(_ value: String?, absent: String) -> HTML {
        guard let value else { return "<span class=\"absent\">\(absent)</span>" }
        return HTML(text: value)
    }
}
