import LawCorpus
import LawQuery

/// Turns the citations of a list item into links to the cited articles' pages.
///
/// Departments write bases as `《价格法》第十三条、第四十二条`: one written citation that the
/// index stores once per article, with the same `text`. Wherever such a text occurs in a
/// field, each article's part of it (`《价格法》第十三条`, `第四十二条`) links to that
/// article's page when the law is in the corpus; laws outside the corpus stay plain text.
/// Each link opens the version the citation resolved to (the one in force on the list's
/// date), and the version is written after the citation: `《道路运输条例》第六十三条〔2022年版〕`.
struct CitationLinks {
    /// A written citation and the articles it names, in order.
    private struct Group {
        var text: String
        var citations: [CitationRecord]
    }

    private let groups: [Group]

    /// The links of one item's citations.
    init(_ citations: [CitationRecord]) {
        var groups: [Group] = []
        for citation in citations {
            if let index = groups.firstIndex(where: { $0.text == citation.text }) {
                if !groups[index].citations.contains(citation) { groups[index].citations.append(citation) }
            } else {
                groups.append(Group(text: citation.text, citations: [citation]))
            }
        }
        // Longest first, so that a citation written inside a longer one is not matched alone.
        self.groups = groups.filter { !$0.text.isEmpty }.sorted { $0.text.count > $1.text.count }
    }

    /// The citations of the corpus that ``html(_:)`` linked in no text; shown apart so that
    /// every cited article of the corpus can be reached.
    func unlinked(after texts: [String?]) -> [CitationRecord] {
        let shown = texts.compactMap { $0 }
        return groups.flatMap { group -> [CitationRecord] in
            if shown.contains(where: { $0.contains(group.text) }) {
                // Linked in place, unless its article's label could not be found in the text.
                let parts = Self.parts(of: group)
                return group.citations.filter { citation in
                    citation.document != nil && !parts.contains { $0.citation == citation }
                }
            }
            return group.citations.filter { $0.document != nil }
        }
    }

    /// `text` escaped, with the articles of the corpus it cites as links.
    func html(_ text: String) -> HTML {
        var pieces: [(range: Range<String.Index>, group: Group)] = []
        for group in groups {
            var start = text.startIndex
            while let found = text.range(of: group.text, range: start..<text.endIndex) {
                if !pieces.contains(where: { $0.range.overlaps(found) }) {
                    pieces.append((found, group))
                }
                start = found.upperBound
            }
        }
        pieces.sort { $0.range.lowerBound < $1.range.lowerBound }
        var html: HTML = ""
        var position = text.startIndex
        for piece in pieces {
            html += "\(text[position..<piece.range.lowerBound])\(Self.render(piece.group))"
            position = piece.range.upperBound
        }
        return html + "\(text[position...])"
    }

    /// One written citation, its articles linked, and the version they resolved to when they agree.
    private static func render(_ group: Group) -> HTML {
        let text = group.text
        var html: HTML = ""
        var position = text.startIndex
        for part in parts(of: group) {
            html += "\(text[position..<part.range.lowerBound])\(link(part.citation, label: String(text[part.range])))"
            position = part.range.upperBound
        }
        html += "\(text[position...])"
        let versions = Set(group.citations.compactMap(\.version))
        if versions.count == 1, let version = versions.first {
            html += "<span class=\"cite-version\">〔\(version)年版〕</span>"
        }
        let differing = group.citations.filter(\.currentDiffers)
        for citation in differing {
            html += currentNote(citation, naming: differing.count > 1 || group.citations.count > 1)
        }
        return html
    }

    /// Beside a citation of an earlier version of a law whose current version reads otherwise:
    /// the current version's corresponding article, linked (`现行2022年版本：第六十九条（修改）`),
    /// or `现行版本已无对应条文`. With `naming`, the cited article is named first, for a written
    /// citation of several articles.
    static func currentNote(_ citation: CitationRecord, naming: Bool) -> HTML {
        guard citation.currentDiffers, let current = citation.current, let document = citation.document else { return "" }
        let cited: HTML = naming ? "\(LawQueries.articleLabel(citation.article))→" : ""
        let body: HTML
        if !current.aligned {
            body = "现行\(current.version ?? "")年版本：未能逐条对照"
        } else if let change = current.change, !current.articles.isEmpty {
            let links = zip(current.articles, current.labels).map { article, label in
                HTML.link(HTML.articlePath(document: document, article: article), label)
            }
            let how = [change.chineseName, current.form?.chineseName].compactMap { $0 }.joined(separator: "，")
            body = "现行\(current.version ?? "")年版本：\(links.joined(separator: "、"))（\(how)）"
        } else {
            body = "现行版本已无对应条文"
        }
        return "<span class=\"cite-current\">〔\(cited)\(body)〕</span>"
    }

    /// A link to the article a citation resolved to; plain text when its law is not in the
    /// corpus or the version that applies has no such article.
    static func link(_ citation: CitationRecord, label: String) -> HTML {
        guard let document = citation.document else { return HTML(text: label) }
        guard citation.resolved else {
            let title = "\(document)（\(citation.version ?? "")）没有第\(ChineseNumeralFormatter.format(citation.article))条"
            return "<span class=\"cite missing\" title=\"\(title)\">\(label)</span>"
        }
        return HTML.link(
            HTML.articlePath(document: document, article: citation.article, version: citation.version),
            label, class: "cite")
    }

    /// Where each article's part of a written citation is: from its label (`第十三条`; the first
    /// from the start, with the law's name) to the next article's label, without the separator.
    private static func parts(of group: Group) -> [(range: Range<String.Index>, citation: CitationRecord)] {
        let text = group.text
        var starts: [(label: Range<String.Index>, citation: CitationRecord)] = []
        var search = text.startIndex
        for citation in group.citations {
            let labels = ["第\(ChineseNumeralFormatter.format(citation.article))条", "第\(citation.article)条"]
            guard
                let found = labels.compactMap({ text.range(of: $0, range: search..<text.endIndex) })
                    .min(by: { $0.lowerBound < $1.lowerBound })
            else { continue }
            starts.append((found, citation))
            search = found.upperBound
        }
        let separators: Set<Character> = ["、", "，", ",", "；", ";", "和", "及", " ", "　"]
        return starts.enumerated().map { index, start in
            let lower = index == 0 ? text.startIndex : start.label.lowerBound
            var upper = index + 1 < starts.count ? starts[index + 1].label.lowerBound : text.endIndex
            while upper > start.label.upperBound, separators.contains(text[text.index(before: upper)]) {
                upper = text.index(before: upper)
            }
            return (lower..<upper, start.citation)
        }
    }
}
