import LawCorpus
import LawQuery

extension Pages {
    /// `/articles/{document}/{number}`: one article with its chapter and neighbours.
    ///
    /// `citedBy` lists the list items (in versions in force today) and the plan passages and
    /// law articles that cite the article; the section is shown whenever it is given (an
    /// empty record says so), and left out when `nil`. `versions` are the law's versions:
    /// with more than one, the page says which this is and links the corresponding article in
    /// the others. `sameNumber` are the versions that have no counterpart of the article but an
    /// article of the same number, linked as such (a citation by number may mean it).
    static func article(
        _ record: ArticleRecord, previous: Int?, next: Int?, citedBy: CitedByRecord?,
        versions: [VersionSummary] = [], sameNumber: Set<String> = [], publicMode: Bool
    ) -> String {
        let name = record.shortName ?? record.document
        // Links stay on this version unless it is the current one.
        let linkVersion = record.status == RegulationMetadata.Status.inForce ? nil : record.version
        let lawPath = HTML.documentPath(document: name, version: linkVersion)
        var meta = [HTML.link(lawPath, record.document + (record.version.map { "（\($0)）" } ?? ""))]
        meta += [record.status, record.chapter.isEmpty ? nil : record.chapter].compactMap { $0 }.map(HTML.init(text:))
        let paragraphs = record.text.split(separator: "\n", omittingEmptySubsequences: true)
            .map { paragraph -> HTML in "<p>\(paragraph)</p>" }
        let main: HTML = """
            <nav class="crumbs" aria-label="位置">\(HTML.link("/documents", "法规")) › \(HTML.link(lawPath, name)) › \(record.label)</nav>
            \(asOfNotice(record))<h1>\(name) \(record.label)</h1>
            <p class="meta">\(meta.joined(separator: " · "))</p>
            \(versionNotice(record, versions: versions, sameNumber: sameNumber, name: name))<article class="law-text">
            \(paragraphs.joined(separator: "\n"))
            </article>
            \(neighbours(name: name, version: linkVersion, previous: previous, next: next))\(citedBy.map(citedBySection) ?? "")
            """
        return PageFrame.render(title: "\(name) \(record.label)", publicMode: publicMode, current: "", main: main)
    }

    /// Which version an article belongs to, its period in force, and the corresponding article
    /// of each other version of the law (matched by content: 2021 第五十四条 ↔ 2017 第三十六条),
    /// or the sentence saying it has none; a version with no stored counterpart is linked by
    /// number. Empty for a law with one version.
    private static func versionNotice(
        _ record: ArticleRecord, versions: [VersionSummary], sameNumber: Set<String>, name: String
    ) -> HTML {
        guard versions.count > 1, let version = record.version else { return "" }
        let period =
            (record.inForceFrom.map { "施行 \($0)" } ?? "")
            + (record.inForceUntil.map { " 至 \($0) 前" } ?? " 起")
        let others = versions.filter { $0.version != version }.map { other -> HTML in
            let otherVersion = other.status == RegulationMetadata.Status.inForce ? nil : other.version
            guard let counterpart = record.counterparts.first(where: { $0.version == other.version }) else {
                let link = HTML.link(
                    HTML.articlePath(document: name, article: record.article, version: otherVersion),
                    "\(other.version)年版本（\(other.status ?? "")）的\(record.label)")
                return "<li>\(link)（按条号，内容可能不同）</li>"
            }
            let line = counterpartLine(counterpart, name: name, linkVersion: otherVersion)
            guard counterpart.articles.isEmpty, sameNumber.contains(other.version) else { return "<li>\(line)</li>" }
            let same = HTML.link(
                HTML.articlePath(document: name, article: record.article, version: otherVersion),
                "\(other.version)年版本的\(record.label)")
            return "<li>\(line)；同一条号的\(same)是另一条文</li>"
        }
        return """
            <div class="notice"><p>本条为\(version)年版本（\(record.status ?? "")，\(period)）。\
            \(HTML.link(compareLink(record, name: name), "新旧对照"))</p>
            <p>其他版本中的对应条文：</p>
            <ul class="counterparts">
            \(others.joined(separator: "\n"))
            </ul></div>

            """
    }

    /// One other version's corresponding articles, each linked, and how the text changed;
    /// or the sentence saying there is none.
    static func counterpartLine(_ counterpart: ArticleCounterpart, name: String, linkVersion: String?) -> HTML {
        guard counterpart.aligned, let change = counterpart.change, !counterpart.articles.isEmpty else {
            return HTML(text: counterpart.sentence)
        }
        let links = zip(counterpart.articles, counterpart.labels).map { article, label in
            HTML.link(HTML.articlePath(document: name, article: article, version: linkVersion), label)
        }
        let how = [change.chineseName, counterpart.form?.chineseName].compactMap { $0 }.joined(separator: "，")
        return "\(counterpart.version ?? "")年版本（\(counterpart.status ?? "")）\(links.joined(separator: "、"))（\(how)）"
    }

    /// The compare page at this article: from this version to the current one, or, for the
    /// current version, from the one before.
    private static func compareLink(_ record: ArticleRecord, name: String) -> String {
        record.status == RegulationMetadata.Status.inForce
            ? ComparePage.path(document: name, from: nil, to: nil, anchor: "to-\(record.article)")
            : ComparePage.path(document: name, from: record.version, to: nil, anchor: "from-\(record.article)")
    }

    /// How an article asked for by another version's number on a day led to this one.
    private static func asOfNotice(_ record: ArticleRecord) -> HTML {
        guard let reading = record.asOf else { return "" }
        let sentence = reading.sentence(readVersion: record.version, labels: reading.articles.map(LawQueries.articleLabel))
        return "<p class=\"notice as-of\">按日期查看：\(sentence)。</p>\n"
    }

    /// Links to the articles before and after, when there are any.
    private static func neighbours(name: String, version: String?, previous: Int?, next: Int?) -> HTML {
        guard previous != nil || next != nil else { return "" }
        let before =
            previous.map {
                HTML.link(
                    HTML.articlePath(document: name, article: $0, version: version),
                    "‹ 第\(ChineseNumeralFormatter.format($0))条", rel: "prev")
            } ?? "<span></span>"
        let after =
            next.map {
                HTML.link(
                    HTML.articlePath(document: name, article: $0, version: version),
                    "第\(ChineseNumeralFormatter.format($0))条 ›", rel: "next")
            } ?? "<span></span>"
        return "<nav class=\"neighbours\" aria-label=\"相邻条文\">\(before)\(after)</nav>\n"
    }

    /// The list items, plan passages and law articles that cite the article.
    private static func citedBySection(_ record: CitedByRecord) -> HTML {
        var body: HTML
        if record.items.isEmpty {
            body = record.everyListVersion ? "<p>没有清单事项引用本版本的本条。</p>\n" : "<p>暂无现行清单事项引用本条。</p>\n"
        } else {
            let scope = record.everyListVersion ? "各版清单中" : record.asOf + " 施行的清单中"
            body = """
                <p>\(scope)，有 \(record.items.count) 项事项引用本条\(record.everyListVersion ? "的这一版本" : "")：</p>
                \(citingGroups(record).map { citingList($0, everyListVersion: record.everyListVersion) }.joined())
                """
        }
        if !record.passages.isEmpty {
            let passages = record.passages.map { passage -> HTML in
                "<li>\(passage.title)<span class=\"rule\"> · \(passage.document)</span><div class=\"rule\">\(passage.citation)</div></li>"
            }
            body += "<h3>引用本条的方案和法律条文</h3>\n<ul class=\"cited-by\">\n\(passages.joined(separator: "\n"))\n</ul>\n"
        }
        return """
            <section class="citing" id="cited-by" aria-labelledby="citing-heading">
            <h2 id="citing-heading">引用本条的清单事项</h2>
            \(body)</section>

            """
    }

    /// The citing items, one group per list version, in the order of the answer (department, kind, item).
    private static func citingGroups(_ record: CitedByRecord) -> [[CitingItem]] {
        var groups: [[CitingItem]] = []
        for item in record.items {
            if let last = groups.last?.last,
                (last.department, last.kind, last.version) == (item.department, item.kind, item.version)
            {
                groups[groups.count - 1].append(item)
            } else {
                groups.append([item])
            }
        }
        return groups
    }

    /// One list version's citing items, each linked to its place on the list's page.
    private static func citingList(_ items: [CitingItem], everyListVersion: Bool) -> HTML {
        let first = items[0]
        let entries = items.map { item -> HTML in
            let link = HTML.link(
                HTML.listPath(
                    department: item.department, kind: item.kind,
                    asOf: everyListVersion ? item.inForceFrom : nil, item: item.id),
                item.name)
            return "<li>\(link)\(HTML.sampleLabel(status: item.status))<div class=\"rule\">\(item.id) · 引用：\(item.citation)</div></li>"
        }
        let list = HTML.link(
            HTML.listPath(
                department: first.department, kind: first.kind,
                asOf: everyListVersion ? first.inForceFrom : nil), first.kind.rawValue)
        return """
            <h3>\(first.department) · \(list)<span class="rule">（\(first.version) 版，\(items.count) 项）</span></h3>
            <ul class="cited-by">
            \(entries.joined(separator: "\n"))
            </ul>

            """
    }
}
