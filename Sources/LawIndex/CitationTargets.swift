import LawCorpus

/// What the writer needs to link a citation to the version of a law it names.
struct CitationTargets: Sendable {
    /// The corpus's regulations, every version.
    let regulations: [Regulation]
    /// Their versions and periods in force.
    let versions: RegulationVersions
    /// The document id of each regulation, by position in `regulations`.
    let documentIDs: [Int64]

    /// Checks benchmark levels against the statutes these regulations set.
    var checker: BenchmarkChecker { BenchmarkChecker(regulations: regulations, versions: versions) }
}

/// Where a citation is written and the date it speaks from.
struct CitationPlace: Sendable {
    /// The corpus file.
    let file: String
    /// The line of the article, plan section or list item.
    let line: Int
    /// The date whose law applies: a list's version date, a plan's date, a law's effective
    /// date; `nil` for today.
    let date: CalendarDate?
    /// The citing regulation's position, so that 本法 means its own version.
    let citingRegulation: Int?
}

/// A citation that opens no article: its document is not in the corpus, or the version in
/// force on the citing document's date has no such article. The index keeps its text; the
/// report names it so that the corpus can be completed or the citation corrected.
public struct UnresolvedCitation: Codable, Sendable, Equatable {
    /// Why the citation opens nothing.
    public enum Reason: String, Codable, Sendable {
        /// The named document is not in the corpus.
        case documentNotInCorpus = "document_not_in_corpus"
        /// The version that applies has no article of that number.
        case noSuchArticle = "no_such_article"
    }

    /// Corpus file of the citing text.
    public var file: String
    /// Line of the citing article, plan section or list item.
    public var line: Int
    /// The citation as written.
    public var text: String
    /// Why it is unresolved.
    public var reason: Reason
    /// The document as named (`道路运输条例`), or the canonical title when it resolved.
    public var document: String?
    /// The version that applied, for ``Reason/noSuchArticle``.
    public var version: String?
    /// The article number cited.
    public var article: Int

    init?(_ citation: Citation, target: CitationTarget, place: CitationPlace, regulations: [Regulation]) {
        switch target {
        case .article:
            return nil
        case .documentNotInCorpus:
            reason = .documentNotInCorpus
            document = citation.name ?? citation.document
            version = nil
        case .noSuchArticle(let index):
            reason = .noSuchArticle
            document = regulations[index].metadata.title
            version = regulations[index].metadata.version
        }
        file = place.file
        line = place.line
        text = citation.text
        article = citation.article
    }

    /// The report's line: `Corpus/lists/…yaml:12: 《道路运输条例》第九十条：…`.
    public var description: String {
        let problem: String
        switch reason {
        case .documentNotInCorpus: problem = "所引文件“\(document ?? "")”未收录"
        case .noSuchArticle: problem = "\(document ?? "")（\(version ?? "")）没有第\(article)条"
        }
        return "\(file):\(line): \(text.prefix(80))：\(problem)"
    }
}
