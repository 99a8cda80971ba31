/// The versions of every law in a corpus, each with the period it was in force, so that a
/// citation opens the text that applied on the citing document's date: a 2022 list cites
/// 道路运输条例 as revised in 2022, its 2023-10-16 successor the 2023 text.
///
/// A version is in force from its effective date (施行; the promulgation date, or 1 January
/// of its version year, when that is unknown) until the next version's, so the periods of
/// one law never overlap and leave no gap after the first.
public struct RegulationVersions: Sendable {
    /// One version of a law and its period in force.
    public struct Version: Sendable {
        /// Position of the version in the corpus's `regulations`.
        public var index: Int
        /// First day in force.
        public var from: CalendarDate
        /// The next version's first day (exclusive end); `nil` for the latest version.
        public var until: CalendarDate?
    }

    /// The versions of each law by canonical title, oldest first.
    private let byTitle: [String: [Version]]
    /// Each version by position in `regulations`.
    private let byIndex: [Int: Version]
    /// For each title, the version marked in force (现行有效), if any.
    private let current: [String: Int]

    /// Orders the versions of each title in `regulations` by their first day in force.
    public init(_ regulations: [Regulation]) {
        var groups: [String: [Int]] = [:]
        for (index, regulation) in regulations.enumerated() {
            groups[regulation.metadata.title, default: []].append(index)
        }
        var byTitle: [String: [Version]] = [:]
        var current: [String: Int] = [:]
        for (title, members) in groups {
            let ordered = members.sorted {
                (Self.start(of: regulations[$0]), regulations[$0].metadata.version)
                    < (Self.start(of: regulations[$1]), regulations[$1].metadata.version)
            }
            byTitle[title] = ordered.enumerated().map { position, index in
                let next = ordered.indices.contains(position + 1) ? Self.start(of: regulations[ordered[position + 1]]) : nil
                return Version(index: index, from: Self.start(of: regulations[index]), until: next)
            }
            let inForce = ordered.last { regulations[$0].metadata.status == RegulationMetadata.Status.inForce }
            current[title] = inForce ?? ordered.last
        }
        self.byTitle = byTitle
        self.byIndex = Dictionary(uniqueKeysWithValues: byTitle.values.joined().map { ($0.index, $0) })
        self.current = current
    }

    /// The first day `regulation` is in force: its effective date, else its promulgation date,
    /// else 1 January of its version year.
    public static func start(of regulation: Regulation) -> CalendarDate {
        let metadata = regulation.metadata
        return metadata.effective ?? metadata.promulgated
            ?? Int(metadata.version).flatMap { CalendarDate(year: $0, month: 1, day: 1) }
            ?? CalendarDate(daysSinceEpoch: -719_162)
    }

    /// The position of the version of `title` in force on `date`; with `nil`, the current
    /// version (the one marked 现行有效, else the latest). A date before the first version's
    /// start gives the first version, the oldest text there is. `nil` when the title is unknown.
    public func version(of title: String, on date: CalendarDate?) -> Int? {
        guard let versions = byTitle[title] else { return nil }
        guard let date else { return current[title] }
        return (versions.last { $0.from <= date } ?? versions.first)?.index
    }

    /// The period in force of the regulation at `index`.
    public func period(ofRegulationAt index: Int) -> Version? {
        byIndex[index]
    }

    /// The versions of each law that has more than one, oldest first, laws in title order.
    public var lawsWithSeveralVersions: [[Version]] {
        byTitle.sorted { $0.key < $1.key }.map(\.value).filter { $0.count > 1 }
    }

    /// How many versions of `title` there are.
    public func count(of title: String) -> Int {
        byTitle[title]?.count ?? 0
    }
}

/// Where a citation leads once its name and date are resolved.
public enum CitationTarget: Sendable, Equatable {
    /// The article exists in the regulation at this position of the corpus's `regulations`.
    case article(regulation: Int)
    /// The named document is not in the corpus (or the citation names none).
    case documentNotInCorpus
    /// The version in force on the date has no such article.
    case noSuchArticle(regulation: Int)

    /// The regulation the citation resolved to, whether or not the article exists.
    public var regulation: Int? {
        switch self {
        case .article(let regulation), .noSuchArticle(let regulation): regulation
        case .documentNotInCorpus: nil
        }
    }
}

extension RegulationVersions {
    /// Resolves `citation` made on `date` (`nil`: today's text) to a version of the law it
    /// names. A law citing itself (本法, 本条例) means its own version, whatever the date.
    public func target(
        of citation: Citation, on date: CalendarDate?, citingRegulation: Int? = nil,
        in regulations: [Regulation]
    ) -> CitationTarget {
        guard let title = citation.document else { return .documentNotInCorpus }
        let index: Int?
        if let citingRegulation, regulations[citingRegulation].metadata.title == title {
            index = citingRegulation
        } else {
            index = version(of: title, on: date)
        }
        guard let index else { return .documentNotInCorpus }
        return regulations[index].article(citation.article) == nil
            ? .noSuchArticle(regulation: index) : .article(regulation: index)
    }
}
