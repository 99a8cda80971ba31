import LawCorpus
import LawQuery

/// The pages of the laws: the list of documents and each law's table of contents.
enum DocumentPages {
    /// `/documents`: every law and the plan, with versions, dates and validity.
    static func index(_ documents: [DocumentRecord], publicMode: Bool) -> String {
        let laws = documents.filter { $0.kind == DocumentKind.regulation.rawValue }
        let rows = laws.map { document -> String in
            let name = document.shortName ?? document.title
            let current = document.status == RegulationMetadata.Status.inForce
            let link = HTML.link(HTML.documentPath(document: name, version: current ? nil : document.version),
                                 document.title)
            return """
                <tr><td>\(link)</td><td>\(HTML.escape(document.version ?? "—"))</td>\
                <td>\(HTML.escape(document.status ?? "—"))</td><td>\(HTML.day(document.promulgated))</td>\
                <td>\(HTML.day(document.effective))</td><td>\(document.units)</td></tr>
                """
        }.joined(separator: "\n")
        let plans = documents.filter { $0.kind == DocumentKind.plan.rawValue }.map { plan in
            "<li>\(HTML.link(QueryString.link("/", [("document", plan.shortName ?? plan.title)]), plan.title))"
                + "（\(HTML.escape(plan.shortName ?? ""))）</li>"
        }.joined(separator: "\n")
        let main = """
            <h1>法律法规</h1>
            <p>收录 \(laws.count) 个法律法规文本（含同一法律的不同版本）。清单引用某部法律时，指向清单版本日期当时施行的版本。</p>
            <div class="table-scroll"><table class="documents">
            <thead><tr><th scope="col">名称</th><th scope="col">版本</th><th scope="col">时效性</th><th scope="col">公布</th><th scope="col">施行</th><th scope="col">条数</th></tr></thead>
            <tbody>
            \(rows)
            </tbody>
            </table></div>
            \(plans.isEmpty ? "" : "<h2>实施方案</h2>\n<ul>\n\(plans)\n</ul>")
            """
        return HTML.page(title: "法律法规", publicMode: publicMode, current: "/documents", main: main)
    }

    /// `/documents/{document}`: a law's facts, its versions and its chapters with every
    /// article linked, each with the number of list items resting on it.
    static func outline(_ outline: DocumentOutline, publicMode: Bool) -> String {
        let name = outline.shortName ?? outline.title
        let version = outline.version
        let linkVersion = version.status == RegulationMetadata.Status.inForce ? nil : version.version
        var facts = [outline.category, outline.issuer].compactMap { $0 }.map(HTML.escape)
        facts.append(HTML.escape(version.status ?? "效力未知"))
        if let date = version.promulgated { facts.append("公布 \(HTML.escape(date))") }
        if let date = version.effective { facts.append("施行 \(HTML.escape(date))") }
        let chapters = outline.chapters.map { chapter(
            $0, name: name, version: linkVersion) }.joined(separator: "\n")
        let main = """
            <nav class="crumbs" aria-label="位置">\(HTML.link("/documents", "法规")) › \(HTML.escape(name))</nav>
            <h1>\(HTML.escape(outline.title))<span class="version-tag">\(HTML.escape(version.version))年版本</span></h1>
            <p class="meta">\(facts.joined(separator: " · "))</p>
            \(versionsTable(outline, name: name))<p>共 \(outline.articleCount) 条。“被引”为引用本版本该条的清单事项数。</p>
            \(chapters)
            """
        return HTML.page(title: "\(name)（\(version.version)）", publicMode: publicMode, current: "/documents", main: main)
    }

    private static func chapter(_ chapter: OutlineChapter, name: String, version: String?) -> String {
        let items = chapter.articles.map { article -> String in
            let cited = article.citingItems > 0
                ? " <a class=\"cited\" href=\"\(HTML.escape(HTML.articlePath(document: name, article: article.article, version: version)))#cited-by\">被引 \(article.citingItems)</a>"
                : ""
            return "<li>\(HTML.link(HTML.articlePath(document: name, article: article.article, version: version), article.label))"
                + " <span class=\"opening\">\(HTML.escape(article.opening))</span>\(cited)</li>"
        }.joined(separator: "\n")
        let heading = chapter.heading.isEmpty ? "" : "<h2>\(HTML.escape(chapter.heading))</h2>\n"
        return "<section class=\"chapter\">\n\(heading)<ol class=\"outline\">\n\(items)\n</ol>\n</section>"
    }

    /// The law's versions, when there are several: each with its dates and validity.
    private static func versionsTable(_ outline: DocumentOutline, name: String) -> String {
        guard outline.versions.count > 1 else { return "" }
        let rows = outline.versions.map { version -> String in
            let current = version.version == outline.version.version ? " aria-current=\"true\"" : ""
            let link = HTML.link(HTML.documentPath(
                document: name, version: version.status == RegulationMetadata.Status.inForce ? nil : version.version),
                version.version)
            let period = HTML.day(version.inForceFrom) + (version.inForceUntil.map { " 至 \(HTML.escape($0)) 前" } ?? " 起")
            return "<tr\(current)><td>\(link)</td><td>\(HTML.escape(version.status ?? "—"))</td>"
                + "<td>\(HTML.day(version.promulgated))</td><td>\(period)</td></tr>"
        }.joined(separator: "\n")
        return """
            <div class="table-scroll"><table class="versions">
            <caption>版本</caption>
            <thead><tr><th scope="col">版本</th><th scope="col">时效性</th><th scope="col">公布</th><th scope="col">施行期间</th></tr></thead>
            <tbody>
            \(rows)
            </tbody>
            </table></div>

            """
    }
}
