import LawCorpus
import LawQuery

/// `/compare/{document}`: two versions of a law side by side (新旧对照), for a trainer on
/// the screen and on paper.
///
/// Deleted text is `<del>` (struck through) and inserted text `<ins>` (underlined, bold), so
/// the marks survive printing in black and white and reading without colour; a legend says
/// so. Every article has an anchor, `from-N` in the earlier version and `to-N` in the later,
/// whichever way the versions are compared.
enum ComparePage {
    /// The page of `comparison`, showing the articles `show` selects.
    static func render(
        _ comparison: VersionComparison, show: CompareFilter, publicMode: Bool
    ) -> String {
        let name = comparison.shortName ?? comparison.document
        let sides = Sides(comparison: comparison, name: name)
        var sections: [HTML] = []
        if show == .all || show == .modified {
            sections.append(pairsSection(comparison, show: show, sides: sides))
        }
        if show == .all || show == .added {
            sections.append(
                singlesSection(
                    comparison.added, texts: comparison.toTexts, side: sides.to, id: "added",
                    heading: "\(comparison.to)年版本新增的条文", none: "没有新增的条文。"))
        }
        if show == .all || show == .removed {
            sections.append(
                singlesSection(
                    comparison.removed, texts: comparison.fromTexts, side: sides.from, id: "removed",
                    heading: "\(comparison.from)年版本中删除的条文", none: "没有删除的条文。"))
        }
        let main: HTML = """
            <nav class="crumbs" aria-label="位置">\(HTML.link("/documents", "法规")) › \
            \(HTML.link(HTML.documentPath(document: name), name)) › 新旧对照</nav>
            <h1>\(comparison.document) 新旧对照</h1>
            <div class="compared">
            \(versionFacts(comparison.fromVersion, role: "旧", name: name))\(versionFacts(comparison.toVersion, role: "新", name: name))</div>
            <p class="counts">\(comparison.summary.chineseSentence)</p>
            <p class="legend">标记说明：<del>删除线</del>为\(comparison.from)年版本中删去的文字，\
            <ins>下划线加粗</ins>为\(comparison.to)年版本中增加的文字；“仅条号变化”和“未修改”的条文已折叠，点击展开。</p>
            \(filters(comparison, show: show, name: name))\(sections.joined())
            """
        return PageFrame.render(
            title: "\(name) 新旧对照（\(comparison.from)—\(comparison.to)）", publicMode: publicMode, current: "",
            main: main, wide: true)
    }

    /// The address of the compare page of `document` between `from` and `to`, showing `show`,
    /// optionally at an anchor.
    static func path(document: String, from: String?, to: String?, show: CompareFilter = .all, anchor: String? = nil) -> String {
        let path = QueryString.link(
            "/compare/\(QueryString.encode(document))",
            [("from", from), ("to", to), ("show", show == .all ? nil : show.rawValue)])
        return anchor.map { path + "#" + $0 } ?? path
    }

    /// How one side of the comparison is named and linked.
    struct Side {
        /// `2017`.
        var version: String
        /// `from` or `to`: the prefix of its anchors.
        var anchor: String
        /// The law's name in links.
        var name: String
        /// The version in article links; `nil` for the version in force, whose pages need none.
        var linkVersion: String?

        /// `from-30`.
        func id(_ article: Int) -> String { "\(anchor)-\(article)" }

        /// The article's label linked to its page, carrying its anchor.
        func label(_ article: Int) -> HTML {
            let path = HTML.articlePath(document: name, article: article, version: linkVersion)
            let label = LawQueries.articleLabel(article)
            guard HTML.isSitePath(path) else { return "<span id=\"\(id(article))\">\(label)</span>" }
            return "<a id=\"\(id(article))\" href=\"\(path)\">\(label)</a>"
        }

        /// Every article's label, 、 between.
        func labels(_ articles: [Int]) -> HTML {
            articles.map(label).joined(separator: "、")
        }
    }

    /// The two sides of a comparison.
    struct Sides {
        var from: Side
        var to: Side

        init(comparison: VersionComparison, name: String) {
            func linkVersion(_ version: VersionSummary) -> String? {
                version.status == RegulationMetadata.Status.inForce ? nil : version.version
            }
            from = Side(version: comparison.from, anchor: "from", name: name, linkVersion: linkVersion(comparison.fromVersion))
            to = Side(version: comparison.to, anchor: "to", name: name, linkVersion: linkVersion(comparison.toVersion))
        }
    }

    /// One version's facts: 公布, 施行, the period in force and 时效性, linked to its page.
    private static func versionFacts(_ version: VersionSummary, role: String, name: String) -> HTML {
        let current = version.status == RegulationMetadata.Status.inForce
        let link = HTML.link(HTML.documentPath(document: name, version: current ? nil : version.version), "\(version.version)年版本")
        return """
            <div class="facts"><h2>\(role)：\(link)</h2>\
            <p>\(version.status ?? "效力未知") · 公布 \(HTML.day(version.promulgated)) · 施行 \(HTML.day(version.effective))<br>\
            施行期间 \(HTML.period(from: version.inForceFrom, until: version.inForceUntil))</p></div>

            """
    }

    /// The filter links, the one shown marked as current.
    private static func filters(_ comparison: VersionComparison, show: CompareFilter, name: String) -> HTML {
        let links = CompareFilter.allCases.map { filter -> HTML in
            let path = path(document: name, from: comparison.from, to: comparison.to, show: filter)
            let current: HTML = filter == show ? " aria-current=\"page\"" : ""
            guard HTML.isSitePath(path) else { return HTML(text: filter.label) }
            return "<a href=\"\(path)\"\(current)>\(filter.label)</a>"
        }
        return "<nav class=\"compare-filters\" aria-label=\"筛选\">\(links.joined(separator: " "))</nav>\n"
    }

    /// The aligned pairs: modified ones side by side, the others folded.
    private static func pairsSection(_ comparison: VersionComparison, show: CompareFilter, sides: Sides) -> HTML {
        let pairs = comparison.pairs.filter { show == .all || $0.change == .modified }
        let rows = pairs.map { pair in
            pair.change == .modified ? modifiedPair(pair, sides: sides) : foldedPair(pair, sides: sides)
        }
        let heading = show == .modified ? "修改的条文（\(pairs.count) 组）" : "逐条对照（\(pairs.count) 组）"
        let body: HTML = rows.isEmpty ? "<p>没有修改的条文。</p>\n" : rows.joined()
        return """
            <section class="pairs" aria-labelledby="pairs-heading">
            <h2 id="pairs-heading">\(heading)</h2>
            <div class="columns" aria-hidden="true"><span>旧：\(comparison.from)年版本</span><span>新：\(comparison.to)年版本</span></div>
            \(body)</section>

            """
    }

    /// A pair whose text changed: the old text with its deletions, the new with its insertions.
    private static func modifiedPair(_ pair: ComparedArticles, sides: Sides) -> HTML {
        let change = [pair.change.chineseName, pair.form.chineseName].compactMap { $0 }.joined(separator: "，")
        return """
            <div class="pair">
            <div class="side old"><p class="side-label">\(sides.from.version)年版本 \(sides.from.labels(pair.from))</p>\
            <div class="diff">\(text(of: pair.diff, keeping: .delete))</div></div>
            <div class="side new"><p class="side-label">\(sides.to.version)年版本 \(sides.to.labels(pair.to))\
            <span class="change">\(change)</span></p>\
            <div class="diff">\(text(of: pair.diff, keeping: .insert))</div></div>
            </div>

            """
    }

    /// A pair with the same text (未修改, 仅条号变化): one line, the text shown on demand.
    private static func foldedPair(_ pair: ComparedArticles, sides: Sides) -> HTML {
        let change = [pair.change.chineseName, pair.form.chineseName].compactMap { $0 }.joined(separator: "，")
        return """
            <details class="pair same"><summary>\(sides.from.version)年版本 \(sides.from.labels(pair.from)) → \
            \(sides.to.version)年版本 \(sides.to.labels(pair.to))<span class="change">\(change)</span></summary>\
            <div class="diff">\(pair.toText)</div></details>

            """
    }

    /// One side of a diff: the text both share, and the runs only this side has (`delete`
    /// for the old side, `insert` for the new) marked.
    static func text(of runs: [ArticleDiff.Run], keeping own: ArticleDiff.Operation) -> HTML {
        runs.map { run -> HTML in
            switch run.op {
            case .equal: HTML(text: run.text)
            case own: own == .delete ? "<del>\(run.text)</del>" : "<ins>\(run.text)</ins>"
            default: ""
            }
        }.joined()
    }

    /// Articles of one version without a counterpart in the other, each with its text.
    private static func singlesSection(
        _ articles: [Int], texts: [Int: String], side: Side, id: String, heading: String, none: String
    ) -> HTML {
        let entries = articles.map { article -> HTML in
            """
            <div class="single"><p class="side-label">\(side.version)年版本 \(side.label(article))</p>\
            <div class="diff">\(texts[article] ?? "")</div></div>

            """
        }
        let body: HTML = entries.isEmpty ? "<p>\(none)</p>\n" : entries.joined()
        return """
            <section class="singles" aria-labelledby="\(id)-heading">
            <h2 id="\(id)-heading">\(heading)（\(articles.count) 条）</h2>
            \(body)</section>

            """
    }
}
