import LawCorpus
import LawQuery

/// What the lists page shows: the departments and every version of their lists.
public struct ListsPageModel: Sendable {
    /// The departments of the registry.
    public var departments: [DepartmentSummary]
    /// Every list version (on a public server, the public ones only).
    public var lists: [ListSummary]
    /// The day for which versions in force are marked; today when `nil`.
    public var asOf: String?
    /// The department the lists were narrowed to (official name), if any.
    public var department: String?
    /// The kind of list the lists were narrowed to (canonical name), if any.
    public var kind: String?
    /// Whether `lists` holds only the department's or kind's lists (departments without any are then not named).
    public var filtered: Bool

    /// Creates the model.
    public init(departments: [DepartmentSummary], lists: [ListSummary], asOf: String? = nil,
                department: String? = nil, kind: String? = nil, filtered: Bool = false) {
        self.departments = departments
        self.lists = lists
        self.asOf = asOf
        self.department = department
        self.kind = kind
        self.filtered = filtered
    }
}

/// What the changes page shows: the form as filled in and the changes found.
public struct ChangesPageModel: Sendable {
    /// The filters as given.
    public var request: ChangesRequest
    /// Departments offered in the form.
    public var departments: [DepartmentSummary]
    /// Every list version, for the kinds offered and the links to the versions compared.
    public var lists: [ListSummary]
    /// The changes found, unless the request failed.
    public var changes: [ListChange]?
    /// Why the request failed, if it did.
    public var error: ServiceError?

    /// Creates the model.
    public init(request: ChangesRequest, departments: [DepartmentSummary], lists: [ListSummary],
                changes: [ListChange]? = nil, error: ServiceError? = nil) {
        self.request = request
        self.departments = departments
        self.lists = lists
        self.changes = changes
        self.error = error
    }
}

/// Whether a list version is in force on the day shown.
enum VersionState {
    case inForce, replaced, pending

    var label: String {
        switch self {
        case .inForce: return "现行"
        case .replaced: return "已替换"
        case .pending: return "尚未施行"
        }
    }

    var cssClass: String {
        switch self {
        case .inForce: return "in-force"
        case .replaced: return "replaced"
        case .pending: return "pending"
        }
    }

    /// The state of each of `versions` (one list's versions, oldest first): those before the
    /// version in force were replaced, those after it are not yet in force.
    static func of(_ versions: [ListSummary]) -> [VersionState] {
        guard let current = versions.firstIndex(where: \.inForce) else {
            return versions.map { _ in .pending }
        }
        return versions.indices.map { $0 < current ? .replaced : $0 == current ? .inForce : .pending }
    }
}

extension Pages {
    // MARK: /lists

    /// `/lists`: every department and the versions of its lists, linking to each list's page.
    public static func lists(_ model: ListsPageModel, publicMode: Bool) -> String {
        let byDepartment = Dictionary(grouping: model.lists, by: \.department)
        var sections = ""
        var without: [DepartmentSummary] = []
        for department in model.departments {
            guard let versions = byDepartment[department.name], !versions.isEmpty else {
                without.append(department)
                continue
            }
            sections += departmentSection(department, versions: versions, asOf: model.asOf)
        }
        let dayText = model.asOf.map { "\($0) 当日" } ?? "今日"
        let count = Set(model.lists.map { "\($0.department)\u{1F}\($0.kind)" }).count
        let heading = [model.department, model.kind].compactMap { $0 }.joined(separator: " · ")
        var main = """
            <h1>\(heading.isEmpty ? "部门清单" : HTML.escape(heading))</h1>
            <p>\(model.departments.count - without.count) 个部门公布的 \(count) 份清单，共 \(model.lists.count) 个版本。每个版本自公布施行之日起生效，至下一版本施行时被替换；“现行”指\(HTML.escape(dayText))施行的版本。</p>
            \(listsForm(model))
            """
        if model.filtered && model.lists.isEmpty {
            main += "<p class=\"summary\">没有符合条件的清单。\(HTML.link("/lists", "查看全部清单"))</p>\n"
        }
        main += sections
        if !without.isEmpty && !model.filtered {
            main += "<p class=\"list-note\">暂无公布清单的部门：\(without.map { HTML.escape($0.name) }.joined(separator: "、"))。</p>\n"
        }
        let title = heading.isEmpty ? "部门清单" : heading
        return HTML.page(title: title, publicMode: publicMode, current: "/lists", main: main)
    }

    /// The form of `/lists`: a department, a kind of list and a day.
    private static func listsForm(_ model: ListsPageModel) -> String {
        func option(_ value: String, _ label: String, selected: Bool) -> String {
            "<option value=\"\(HTML.escape(value))\"\(selected ? " selected" : "")>\(HTML.escape(label))</option>"
        }
        var departments = [option("", "全部部门", selected: model.department == nil)]
        departments += model.departments.filter { $0.lists > 0 }.map { option($0.name, $0.name, selected: model.department == $0.name) }
        var kinds = [option("", "全部种类", selected: model.kind == nil)]
        kinds += ListKind.allCases.map { option($0.rawValue, $0.rawValue, selected: model.kind == $0.rawValue) }
        let reset = model.filtered || model.asOf != nil ? HTML.link("/lists", "全部清单") : ""
        return """
            <form class="plain" method="get" action="/lists">
            <select name="department" aria-label="部门">\(departments.joined())</select>
            <select name="kind" aria-label="清单种类">\(kinds.joined())</select>
            <label>施行于 <input type="date" name="as_of" value="\(HTML.escape(model.asOf ?? ""))"></label>
            <button type="submit">查看</button>\(reset)
            </form>
            """
    }

    private static func departmentSection(_ department: DepartmentSummary, versions: [ListSummary], asOf: String?) -> String {
        let names = department.shortNames.isEmpty ? "" : "<span class=\"rule\">也称：\(HTML.escape(department.shortNames.joined(separator: "、")))</span>"
        let facts = [department.type, department.sector.map { "主管领域：\($0)" }].compactMap { $0 }
        var rows: [String] = []
        for (kind, group) in groupByKind(versions) {
            let states = VersionState.of(group)
            for (index, version) in group.enumerated() {
                let kindCell = index == 0
                    ? "<td class=\"kind-cell\" rowspan=\"\(group.count)\">\(HTML.link(HTML.listPath(department: department.name, kind: kind, asOf: asOf), kind))</td>"
                    : ""
                let versionLink = HTML.link(HTML.listPath(department: department.name, kind: kind, asOf: version.inForceFrom),
                                            version.version)
                rows.append("""
                    <tr>\(kindCell)<td>\(versionLink)\(HTML.sampleLabel(status: version.status))</td>\
                    <td class="\(states[index].cssClass)">\(states[index].label)</td>\
                    <td>\(HTML.day(version.inForceFrom))\(version.inForceUntil.map { " 至 \(HTML.escape($0)) 前" } ?? " 起")</td>\
                    <td>\(HTML.day(version.published))</td><td>\(HTML.day(version.filed))</td><td>\(version.items)</td></tr>
                    """)
            }
        }
        return """
            <section class="department" aria-labelledby="department-\(HTML.escape(department.id))">
            <h2 id="department-\(HTML.escape(department.id))">\(HTML.escape(department.name))\(names)</h2>
            \(facts.isEmpty ? "" : "<p class=\"list-note\">\(HTML.escape(facts.joined(separator: " · ")))</p>")
            <div class="table-scroll"><table class="lists">
            <thead><tr><th scope="col">清单</th><th scope="col">版本</th><th scope="col">状态</th><th scope="col">施行</th><th scope="col">公布</th><th scope="col">备案</th><th scope="col">事项</th></tr></thead>
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody>
            </table></div>
            </section>

            """
    }

    /// One department's versions grouped by kind, kinds in the registry's order, versions oldest first.
    private static func groupByKind(_ versions: [ListSummary]) -> [(kind: String, versions: [ListSummary])] {
        let grouped = Dictionary(grouping: versions, by: \.kind)
        return grouped.keys.sorted { kindOrder($0) < kindOrder($1) }.map { kind in
            (kind, grouped[kind]!.sorted { $0.inForceFrom < $1.inForceFrom })
        }
    }

    private static func kindOrder(_ kind: String) -> (Int, String) {
        (ListKind.allCases.firstIndex { $0.rawValue == kind } ?? ListKind.allCases.count, kind)
    }

    // MARK: /lists/{department}/{kind}

    /// `/lists/{department}/{kind}`: the version in force (on `asOf`, today by default) with
    /// its items, their benchmark levels and linked legal bases, and the list's version history.
    ///
    /// `history` holds the department's versions with `inForce` as of today: the page says
    /// whether the version shown is today's, and the history marks today's version as 现行.
    public static func list(_ record: ListRecord, history: [ListSummary], asOf: String?, publicMode: Bool) -> String {
        let versions = history.filter { $0.department == record.department && $0.kind == record.kind }
            .sorted { $0.inForceFrom < $1.inForceFrom }
        let states = VersionState.of(versions)
        let shownIndex = versions.firstIndex { $0.version == record.version }
        let state = shownIndex.map { states[$0] } ?? .inForce
        var facts = [HTML.escape(record.department), HTML.escape(record.kind), "版本 \(HTML.escape(record.version))"]
        if let published = record.published { facts.append("公布 \(HTML.escape(published))") }
        if let filed = record.filed { facts.append("备案 \(HTML.escape(filed))") }
        let validity = "施行 \(HTML.escape(record.inForceFrom))"
            + (record.inForceUntil.map { " 至 \(HTML.escape($0)) 前（此后由新版本替换）" } ?? " 起")
            + " · <span class=\"\(state.cssClass)\">\(state.label)</span>"
        var notice = ""
        if let asOf {
            let today = state == .inForce ? "，也是今日施行的版本"
                : "；该版本\(state == .replaced ? "已被替换" : "今日尚未施行")，"
                    + HTML.link(HTML.listPath(department: record.department, kind: record.kind), "查看现行版本")
            notice = "<p class=\"notice\">本页显示 \(HTML.escape(asOf)) 当日施行的版本\(today)。</p>\n"
        }
        let items = record.items.enumerated().map { index, item -> String in itemArticle(item, ordinal: index + 1) }.joined()
        let main = """
            <nav class="crumbs" aria-label="位置">\(HTML.link("/lists", "清单")) › \(HTML.escape(record.department)) › \(HTML.escape(record.kind))</nav>
            <h1>\(HTML.escape(record.title))\(HTML.sampleLabel(status: record.status))</h1>
            <p class="meta">\(facts.joined(separator: " · "))</p>
            <p class="meta">\(validity)</p>
            \(notice)\(record.publishedAt.map { "<p class=\"list-note\">公布途径：\(HTML.escape($0))</p>\n" } ?? "")\
            \(record.note.map { "<p class=\"list-note\">说明：\(HTML.escape($0))</p>\n" } ?? "")\
            <section class="items" aria-labelledby="items-heading">
            <h2 id="items-heading">事项（\(record.items.count) 项）</h2>
            \(items)
            </section>
            \(historySection(versions, states: states, shown: record))
            """
        return HTML.page(title: "\(record.department) \(record.kind)", publicMode: publicMode, current: "/lists", main: main)
    }

    /// The columns of an item, in the order departments publish them.
    private static func itemArticle(_ item: ListItemRecord, ordinal: Int) -> String {
        let links = CitationLinks(item.citations)
        var rows: [String] = []
        func row(_ label: String, _ value: String?, cite: Bool = false) {
            guard let value, !value.isEmpty else { return }
            let html = cite ? links.html(value) : HTML.escape(value)
            rows.append("<tr><th scope=\"row\">\(HTML.escape(label))</th><td>\(html)</td></tr>")
        }
        row("违法行为", item.conduct)
        row("法律依据", item.basis, cite: true)
        row("处罚依据", item.penaltyBasis, cite: true)
        row("适用情形", item.conditions, cite: true)
        row("处理方式", item.measure, cite: true)
        for field in item.fields { row(field.name, field.value, cite: true) }
        row("备注", item.note)
        let shown = [item.basis, item.penaltyBasis, item.conditions, item.measure]
            + item.fields.map(\.value) + item.levels.map(\.penalty) + item.levels.map(\.circumstances)
        let others = links.unlinked(after: shown)
        if !others.isEmpty {
            let list = others.map { citation -> String in
                CitationLinks.link(citation, label: "\(citation.name ?? citation.document ?? "")第\(ChineseNumeralFormatter.format(citation.article))条")
                    + (citation.version.map { "<span class=\"cite-version\">〔\(HTML.escape($0))年版〕</span>" } ?? "")
            }.joined(separator: "、")
            rows.append("<tr><th scope=\"row\">相关条文</th><td>\(list)</td></tr>")
        }
        let levels = item.levels.isEmpty ? "" : levelsTable(item, links: links)
        return """
            <article class="item" id="\(HTML.escape(HTML.itemAnchor(item.id)))">
            <h3>\(ordinal). \(HTML.escape(item.name))<span class="item-id">\(HTML.escape(item.id))</span></h3>
            \(rows.isEmpty ? "" : "<table class=\"item-fields\"><tbody>\n" + rows.joined(separator: "\n") + "\n</tbody></table>\n")\(levels)</article>

            """
    }

    /// A benchmark item's levels with their amounts and, when the index checked them, the
    /// statute their 处罚依据 sets and each level's verdict against it.
    private static func levelsTable(_ item: ListItemRecord, links: CitationLinks) -> String {
        let check = item.benchmarkCheck
        let levelRows = item.levels.enumerated().map { index, level -> String in
            let amounts = level.amounts.map { amount -> String in "<span class=\"amount\">\(HTML.escape(String(describing: amount)))</span>" }
                .joined(separator: "<br>")
            let verdict = check.map { verdictCell($0, level: index) } ?? ""
            return """
                <tr><td class="level">\(HTML.escape(level.level))</td><td data-label="适用情形">\(links.html(level.circumstances ?? ""))</td>\
                <td data-label="处罚标准">\(links.html(level.penalty ?? ""))</td><td data-label="罚款幅度">\(amounts.isEmpty ? "—" : amounts)</td>\(verdict)</tr>
                """
        }.joined(separator: "\n")
        let verdictHeader = check == nil ? "" : "<th scope=\"col\">对照法条</th>"
        return """
            \(check.map(statuteLine) ?? "")<table class="levels stack\(check == nil ? "" : " checked")">
            <caption class="sr">裁量基准</caption>
            <thead><tr><th scope="col">裁量阶次</th><th scope="col">适用情形</th><th scope="col">处罚标准</th><th scope="col">罚款幅度</th>\(verdictHeader)</tr></thead>
            <tbody>
            \(levelRows)
            </tbody>
            </table>

            """
    }

    /// What the cited provisions provide, each linked to its article in the version read.
    private static func statuteLine(_ check: BenchmarkCheck) -> String {
        if let problem = check.problem {
            return "<p class=\"statute unchecked\">\(HTML.escape(problem.chineseDescription))</p>\n"
        }
        let provisions = check.provisions.map { provision -> String in
            HTML.link(HTML.articlePath(document: provision.document, article: provision.article, version: provision.version),
                      provision.chineseLabel()) + "：" + HTML.escape(provision.penalty.chineseSummary)
        }.joined(separator: "<br>")
        return "<p class=\"statute\"><span class=\"rule\">法定处罚</span> \(provisions)</p>\n"
    }

    /// One level's verdict: within the law, beyond it (超出法定幅度 …), or not comparable.
    private static func verdictCell(_ check: BenchmarkCheck, level index: Int) -> String {
        guard check.problem == nil, check.levels.indices.contains(index) else {
            return "<td data-label=\"对照法条\" class=\"verdict unchecked\">无法核对</td>"
        }
        let level = check.levels[index]
        if level.findings.isEmpty {
            return "<td data-label=\"对照法条\" class=\"verdict within\">在法定幅度内</td>"
        }
        let findings = level.findings.map { HTML.escape($0.chineseDescription) }.joined(separator: "<br>")
        let state = level.isWithinLaw ? "unchecked" : "beyond"
        return "<td data-label=\"对照法条\" class=\"verdict \(state)\">\(findings)</td>"
    }

    private static func historySection(_ versions: [ListSummary], states: [VersionState], shown: ListRecord) -> String {
        let rows = versions.enumerated().map { index, version -> String in
            let current = version.version == shown.version ? " aria-current=\"true\"" : ""
            let link = HTML.link(HTML.listPath(department: version.department, kind: version.kind, asOf: version.inForceFrom),
                                 version.version)
            return """
                <tr\(current)><td>\(link)\(HTML.sampleLabel(status: version.status))</td>\
                <td>\(HTML.escape(version.title))</td>\
                <td>\(HTML.day(version.inForceFrom))\(version.inForceUntil.map { " 至 \(HTML.escape($0)) 前" } ?? " 起")</td>\
                <td>\(HTML.day(version.published))</td><td>\(HTML.day(version.filed))</td><td>\(version.items)</td>\
                <td class="\(states[index].cssClass)">\(states[index].label)</td></tr>
                """
        }.joined(separator: "\n")
        let changes = QueryString.link("/changes", [("department", shown.department), ("kind", shown.kind)])
        let changesLink = versions.count > 1
            ? "<p>\(HTML.link(changes, "查看各版本之间的变更 ›"))</p>"
            : "<p class=\"list-note\">此清单只有一个版本。\(HTML.link(changes, "变更记录"))</p>"
        return """
            <section class="history" aria-labelledby="history-heading">
            <h2 id="history-heading">版本沿革</h2>
            <div class="table-scroll"><table class="versions">
            <thead><tr><th scope="col">版本</th><th scope="col">标题</th><th scope="col">施行</th><th scope="col">公布</th><th scope="col">备案</th><th scope="col">事项</th><th scope="col">状态</th></tr></thead>
            <tbody>
            \(rows)
            </tbody>
            </table></div>
            \(changesLink)
            </section>

            """
    }

    // MARK: /changes

    /// `/changes`: the filter form and, per list, the items added, removed and changed
    /// between versions, changed fields side by side.
    public static func changes(_ model: ChangesPageModel, publicMode: Bool) -> String {
        var main = "<h1>清单变更</h1>\n" + changesForm(model)
        if let error = model.error {
            main += "<p class=\"error\" role=\"alert\">\(HTML.escape(error.chineseMessage))</p>\n"
        } else if let changes = model.changes {
            if changes.isEmpty {
                main += "<p class=\"summary\">所选范围内没有清单变更。</p>\n"
            } else {
                main += "<p class=\"summary\">共 \(changes.count) 处版本更替。</p>\n"
                main += changes.map { changeSection($0, lists: model.lists) }.joined()
            }
        }
        return HTML.page(title: "清单变更", publicMode: publicMode, current: "/changes", main: main)
    }

    private static func changesForm(_ model: ChangesPageModel) -> String {
        func option(_ value: String, _ label: String, selected: Bool) -> String {
            "<option value=\"\(HTML.escape(value))\"\(selected ? " selected" : "")>\(HTML.escape(label))</option>"
        }
        let request = model.request
        var departments = [option("", "全部部门", selected: request.department == nil)]
        var offered = false
        for department in model.departments where department.lists > 0 {
            let selected = request.department.map { $0 == department.name || $0 == department.id || department.shortNames.contains($0) } ?? false
            offered = offered || selected
            departments.append(option(department.name, department.name, selected: selected))
        }
        if let department = request.department, !offered { departments.append(option(department, department, selected: true)) }
        let selectedKind = request.kind.map { ListKind.resolve($0)?.rawValue ?? $0 }
        let kindNames = Set(model.lists.map(\.kind)).sorted { kindOrder($0) < kindOrder($1) }
        var kinds = [option("", "全部清单", selected: selectedKind == nil)]
        kinds += kindNames.map { option($0, $0, selected: selectedKind == $0) }
        if let selectedKind, !kindNames.contains(selectedKind) { kinds.append(option(selectedKind, selectedKind, selected: true)) }
        func date(_ name: String, _ label: String, _ value: String?) -> String {
            "<label>\(label) <input type=\"date\" name=\"\(name)\" value=\"\(HTML.escape(value ?? ""))\"></label>"
        }
        return """
            <form class="plain" method="get" action="/changes">
            <select name="department" aria-label="部门">\(departments.joined())</select>
            <select name="kind" aria-label="清单种类">\(kinds.joined())</select>
            \(date("since", "施行晚于", request.since))
            \(date("from", "自", request.from))
            \(date("to", "至", request.to))
            <button type="submit">查看变更</button>
            </form>
            <p class="hint">不填日期时比较每两个相邻版本；“施行晚于”只看该日之后施行的新版本；“自/至”比较两个日期各自现行的版本（二者须同时填写，且不能与“施行晚于”同用）。</p>

            """
    }

    private static func changeSection(_ change: ListChange, lists: [ListSummary]) -> String {
        func inForce(_ version: String) -> String? {
            lists.first { $0.department == change.department && $0.kind == change.kind && $0.version == version }?.inForceFrom
        }
        let older = inForce(change.from)
        let newer = inForce(change.to)
        func versionLink(_ version: String, _ day: String?) -> String {
            HTML.link(HTML.listPath(department: change.department, kind: change.kind, asOf: day), version)
        }
        func itemLink(_ id: String, _ name: String, _ day: String?) -> String {
            HTML.link(HTML.listPath(department: change.department, kind: change.kind, asOf: day, item: id), name)
                + "<span class=\"item-id\">\(HTML.escape(id))</span>"
        }
        var body = ""
        if !change.added.isEmpty {
            body += "<h3>新增事项（\(change.added.count)）</h3>\n<ul class=\"items-added\">\n"
                + change.added.map { item -> String in "<li>\(itemLink(item.id, item.name, newer))</li>" }.joined(separator: "\n") + "\n</ul>\n"
        }
        if !change.removed.isEmpty {
            body += "<h3>删除事项（\(change.removed.count)）</h3>\n<ul class=\"items-removed\">\n"
                + change.removed.map { item -> String in "<li>\(itemLink(item.id, item.name, older))</li>" }.joined(separator: "\n") + "\n</ul>\n"
        }
        if !change.changed.isEmpty {
            body += "<h3>修改事项（\(change.changed.count)）</h3>\n"
            for item in change.changed {
                let rows = item.fields.map { field -> String in
                    """
                    <tr><th scope="row">\(HTML.escape(field.label))</th>\
                    <td class="before" data-label="修改前">\(diffCell(field.before, absent: "（无）"))</td>\
                    <td class="after" data-label="修改后">\(diffCell(field.after, absent: "（删除）"))</td></tr>
                    """
                }.joined(separator: "\n")
                body += """
                    <h4>\(itemLink(item.id, item.name, newer))</h4>
                    <table class="diff stack">
                    <thead><tr><th scope="col">字段</th><th scope="col">修改前（\(HTML.escape(change.from)) 版）</th><th scope="col">修改后（\(HTML.escape(change.to)) 版）</th></tr></thead>
                    <tbody>
                    \(rows)
                    </tbody>
                    </table>

                    """
            }
        }
        if body.isEmpty { body = "<p class=\"list-note\">两版事项内容相同。</p>\n" }
        let counts = "新增 \(change.added.count) · 删除 \(change.removed.count) · 修改 \(change.changed.count)"
        return """
            <section class="change">
            <h2>\(HTML.escape(change.department)) · \(HTML.link(HTML.listPath(department: change.department, kind: change.kind), change.kind))\(HTML.sampleLabel(status: change.status))</h2>
            <p class="meta">版本 \(versionLink(change.from, older)) → \(versionLink(change.to, newer))\(newer.map { "（\(HTML.escape($0)) 起施行）" } ?? "") · \(counts)</p>
            \(body)</section>

            """
    }

    private static func diffCell(_ value: String?, absent: String) -> String {
        guard let value else { return "<span class=\"absent\">\(absent)</span>" }
        return HTML.escape(value)
    }
}
