import LawCorpus
import LawQuery

/// The pages of the laws: the list of documents and each law's table of contents.
enum DocumentPages {
    /// `/documents`: every law and the plan, with versions, dates and validity.
    static func index(_ documents: [DocumentRecord], publicMode: Bool) -> String {
        let laws = documents.filter { $0.kind == .regulation }
        let titles = laws.map(\.title)
        let versioned = Set(titles.filter { title in titles.filter { $0 == title }.count > 1 })
        let plans = documents.filter { $0.kind == .plan }.map { plan -> HTML in
            let link = HTML.link(HTML.searchPath([("document", plan.shortName ?? plan.title)]), plan.title)
            return "<li>\(link)（\(plan.shortName ?? "")）</li>"
        }
        let main: HTML = """
            <h1>法律法规</h1>
            <p>收录 \(laws.count) 个法律法规文本（含同一法律的不同版本）。清单引用某部法律时，指向清单版本日期当时施行的版本。</p>
            <div class="table-scroll"><table class="documents">
            \(Tables.head(["名称", "版本", "时效性", "公布", "施行", "条数"]))
            <tbody>
            \(laws.map { lawRow($0, versioned: versioned.contains($0.title)) }.joined(separator: "\n"))
            </tbody>
            </table></div>
            \(plans.isEmpty ? "" : "<h2>实施方案</h2>\n<ul>\n\(plans.joined(separator: "\n"))\n</ul>" as HTML)
            """
        return PageFrame.render(title: "法律法规", publicMode: publicMode, current: "/documents", main: main)
    }

    /// One law's version: its title linked to its page, version, validity, dates and size;
    /// the current version of a law with several links to the comparison of the last two.
    private static func lawRow(_ document: DocumentRecord, versioned: Bool) -> HTML {
        let name = document.shortName ?? document.title
        let current = document.status == RegulationMetadata.Status.inForce
        let link = HTML.link(HTML.documentPath(document: name, version: current ? nil : document.version), document.title)
        let compare: HTML =
            versioned && current
            ? "<div class=\"rule\">\(HTML.link(ComparePage.path(document: name, from: nil, to: nil), "新旧对照"))</div>" : ""
        return """
            <tr><td>\(link)\(compare)</td><td>\(document.version ?? "—")</td>\
            <td>\(document.status ?? "—")</td><td>\(HTML.day(document.promulgated))</td>\
            <td>\(HTML.day(document.effective))</td><td>\(document.units)</td></tr>
            """
    }

    /// `/documents/{document}`: a law's facts, its versions and its chapters with every
    /// article linked, each with the number of list items resting on it.
    static func outline(_ outline: DocumentOutline, publicMode: Bool) -> String {
        let name = outline.shortName ?? outline.title
        let version = outline.version
        let linkVersion = version.status == RegulationMetadata.Status.inForce ? nil : version.version
        var facts = [outline.category, outline.issuer].compactMap { $0 }
        facts.append(version.status ?? "效力未知")
        if let date = version.promulgated { facts.append("公布 \(date)") }
        if let date = version.effective { facts.append("施行 \(date)") }
        let chapters = outline.chapters.map { chapter($0, name: name, version: linkVersion) }
        let main: HTML = """
            <nav class="crumbs" aria-label="位置">\(HTML.link("/documents", "法规")) › \(name)</nav>
            <h1>\(outline.title)<span class="version-tag">\(version.version)年版本</span></h1>
            <p class="meta">\(facts.joined(separator: " · "))</p>
            \(versionsTable(outline, name: name))<p>共 \(outline.articleCount) 条。“被引”为引用本版本该条的清单事项数。</p>
            \(chapters.joined(separator: "\n"))
            """
        return PageFrame.render(title: "\(name)（\(version.version)）", publicMode: publicMode, current: "/documents", main: main)
    }

    /// A chapter: its heading and its articles, each linked with its opening words and how
    /// many list items cite it.
    private static func chapter(_ chapter: OutlineChapter, name: String, version: String?) -> HTML {
        let items = chapter.articles.map { article -> HTML in
            let path = HTML.articlePath(document: name, article: article.article, version: version)
            let cited: HTML =
                article.citingItems > 0 && HTML.isSitePath(path)
                ? " <a class=\"cited\" href=\"\(path)#cited-by\">被引 \(article.citingItems)</a>"
                : ""
            return "<li>\(HTML.link(path, article.label)) <span class=\"opening\">\(article.opening)</span>\(cited)</li>"
        }
        let heading: HTML = chapter.heading.isEmpty ? "" : "<h2>\(chapter.heading)</h2>\n"
        return "<section class=\"chapter\">\n\(heading)<ol class=\"outline\">\n\(items.joined(separator: "\n"))\n</ol>\n</section>"
    }

    /// The law's versions, when there are several: each with its dates and validity.
    private static func versionsTable(_ outline: DocumentOutline, name: String) -> HTML {
        guard outline.versions.count > 1 else { return "" }
        let rows = outline.versions.map { version -> HTML in
            let current: HTML = version.version == outline.version.version ? " aria-current=\"true\"" : ""
            let link = HTML.link(
                HTML.documentPath(
                    document: name, version: version.status == RegulationMetadata.Status.inForce ? nil : version.version),
                version.version)
            let period = HTML.period(from: version.inForceFrom, until: version.inForceUntil)
            return """
                <tr\(current)><td>\(link)</td><td>\(version.status ?? "—")</td>\
                <td>\(HTML.day(version.promulgated))</td><td>\(period)</td></tr>
                """
        }
        let current = outline.version.status == RegulationMetadata.Status.inForce
        let compare = HTML.link(
            ComparePage.path(document: name, from: current ? nil : outline.version.version, to: nil),
            current ? "新旧对照：与上一版本逐条比较" : "新旧对照：本版本与现行版本逐条比较")
        return """
            <p class="compare-link">\(compare)</p>
            <div class="table-scroll"><table class="versions">
            <caption>版本</caption>
            \(Tables.head(["版本", "时效性", "公布", "施行期间"]))
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody>
            </table></div>

            """
    }
}
