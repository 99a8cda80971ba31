import LawCorpus
import LawQuery

/// One item of a list page: its name and id, its columns in the order departments publish
/// them (the cited articles linked), the cited articles not linked in place, and for a
/// benchmark its levels checked against the statute.
///
/// The columns and their labels come from ``ListColumn`` and ``LevelColumn``, so a new
/// column shows here without a change.
enum ListItemArticle {
    static func html(_ item: ListItemRecord, ordinal: Int) -> HTML {
        let links = CitationLinks(item.citations)
        let rows = fieldRows(item, links: links) + otherCitations(item, links: links)
        let table: HTML =
            rows.isEmpty
            ? ""
            : "<table class=\"item-fields\"><tbody>\n\(rows.joined(separator: "\n"))\n</tbody></table>\n"
        let levels = item.levels.isEmpty ? "" : levelsTable(item, links: links)
        return """
            <article class="item" id="\(HTML.itemAnchor(item.id))">
            <h3>\(ordinal). \(item.name)<span class="item-id">\(item.id)</span></h3>
            \(table)\(levels)</article>

            """
    }

    /// The item's columns that have a value: the list's columns, the department's own, then the remarks.
    private static func fieldRows(_ item: ListItemRecord, links: CitationLinks) -> [HTML] {
        func row(_ label: String, _ value: String?, cites: Bool) -> HTML? {
            guard let value, !value.isEmpty else { return nil }
            return "<tr><th scope=\"row\">\(label)</th><td>\(cell(value, cites: cites, links: links))</td></tr>"
        }
        return ListColumn.body.compactMap { row($0.label, item[$0], cites: $0.holdsCitations) }
            + item.fields.compactMap { row($0.name, $0.value, cites: true) }
            + ListColumn.remarks.compactMap { row($0.label, item[$0], cites: $0.holdsCitations) }
    }

    /// `text` as a cell: its citations linked when the column holds citations, plain otherwise.
    private static func cell(_ text: String, cites: Bool, links: CitationLinks) -> HTML {
        cites ? links.html(text) : HTML(text: text)
    }

    /// The articles of the corpus the item cites that no column linked (相关条文), so that every
    /// cited article can be reached; no row when there are none.
    private static func otherCitations(_ item: ListItemRecord, links: CitationLinks) -> [HTML] {
        let shown =
            ListColumn.allCases.filter(\.holdsCitations).map { item[$0] } + item.fields.map(\.value)
            + item.levels.flatMap { level in LevelColumn.allCases.filter(\.holdsCitations).map { level[$0] } }
        let others = links.unlinked(after: shown)
        guard !others.isEmpty else { return [] }
        let list = others.map { citation -> HTML in
            let label = "\(citation.name ?? citation.document ?? "")第\(ChineseNumeralFormatter.format(citation.article))条"
            let version: HTML = citation.version.map { "<span class=\"cite-version\">〔\($0)年版〕</span>" } ?? ""
            return CitationLinks.link(citation, label: label) + version + CitationLinks.currentNote(citation, naming: false)
        }
        return ["<tr><th scope=\"row\">相关条文</th><td>\(list.joined(separator: "、"))</td></tr>"]
    }

    /// A benchmark item's levels with their amounts and, when the index checked them, the
    /// statute their 处罚依据 sets and each level's verdict against it.
    private static func levelsTable(_ item: ListItemRecord, links: CitationLinks) -> HTML {
        let check = item.benchmarkCheck
        let rows = item.levels.enumerated().map { index, level in
            levelRow(level, verdict: check.map { verdictCell($0, level: index) } ?? "", links: links)
        }
        let headers = [BenchmarkLevel.levelLabel] + LevelColumn.allCases.map(\.label) + [BenchmarkLevel.amountsLabel]
        let verdictHeader: HTML = check == nil ? "" : "<th scope=\"col\">对照法条</th>"
        return """
            \(check.map(statuteLine) ?? "")<table class="levels stack\(check == nil ? "" : " checked")">
            <caption class="sr">裁量基准</caption>
            \(Tables.head(headers, extra: verdictHeader))
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody>
            </table>

            """
    }

    /// One level: its name, its parts, the amounts read from its penalty, and its verdict cell.
    private static func levelRow(_ level: BenchmarkLevel, verdict: HTML, links: CitationLinks) -> HTML {
        let parts = LevelColumn.allCases.map { column -> HTML in
            "<td data-label=\"\(column.label)\">\(cell(level[column] ?? "", cites: column.holdsCitations, links: links))</td>"
        }
        let amounts = level.amounts.map { amount -> HTML in "<span class=\"amount\">\(String(describing: amount))</span>" }
        let amountsCell: HTML = amounts.isEmpty ? "—" : amounts.joined(separator: "<br>")
        return """
            <tr><td class="level">\(level.level)</td>\(parts.joined())\
            <td data-label="\(BenchmarkLevel.amountsLabel)">\(amountsCell)</td>\(verdict)</tr>
            """
    }

    /// What the cited provisions provide, each linked to its article in the version read.
    private static func statuteLine(_ check: BenchmarkCheck) -> HTML {
        if let problem = check.problem {
            return "<p class=\"statute unchecked\">\(problem.chineseDescription)</p>\n"
        }
        let provisions = check.provisions.map { provision -> HTML in
            let path = HTML.articlePath(document: provision.document, article: provision.article, version: provision.version)
            return HTML.link(path, provision.chineseLabel()) + "：\(provision.penalty.chineseSummary)"
        }
        return "<p class=\"statute\"><span class=\"rule\">法定处罚</span> \(provisions.joined(separator: "<br>"))</p>\n"
    }

    /// One level's verdict: within the law, beyond it (超出法定幅度 …), or not comparable.
    private static func verdictCell(_ check: BenchmarkCheck, level index: Int) -> HTML {
        guard check.problem == nil, check.levels.indices.contains(index) else {
            return "<td data-label=\"对照法条\" class=\"verdict unchecked\">无法核对</td>"
        }
        let level = check.levels[index]
        if level.findings.isEmpty {
            return "<td data-label=\"对照法条\" class=\"verdict within\">在法定幅度内</td>"
        }
        let findings = level.findings.map { finding -> HTML in "\(finding.chineseDescription)" }
        let state = level.isWithinLaw ? "unchecked" : "beyond"
        return "<td data-label=\"对照法条\" class=\"verdict \(state)\">\(findings.joined(separator: "<br>"))</td>"
    }
}
