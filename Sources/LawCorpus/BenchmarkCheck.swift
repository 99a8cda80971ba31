/// A 裁量基准 item checked against the law its 处罚依据 cites: the statutory penalty read from
/// each cited provision (in the version in force on the list's date), and each level compared
/// with it (``LevelCheck``). This is the check a justice bureau makes by hand when a department
/// files a benchmark: a benchmark may narrow the discretion the law gives, never widen it.
public struct BenchmarkCheck: Codable, Sendable, Equatable {
    /// A cited provision and what it provides.
    public struct Provision: Codable, Sendable, Equatable {
        /// The citation as written in the item.
        public var citation: String
        /// Full title of the law.
        public var document: String
        /// The version read (the one in force on the list's date).
        public var version: String
        /// Article number.
        public var article: Int
        /// Paragraph (款), when the citation names one.
        public var paragraph: Int?
        /// Item (项), when the citation names one.
        public var item: Int?
        /// Other articles of the same law read because the provision applies them
        /// (依照本法第X条的规定处罚).
        public var followed: [Int]
        /// What the provision (with the articles it applies) provides; its text is left out.
        public var penalty: StatutoryPenalty
    }

    /// Why an item's levels could not be checked.
    public enum Problem: String, Codable, Sendable {
        /// The item names no 处罚依据 (nor 法律依据) citing an article.
        case noPenaltyBasis = "no_penalty_basis"
        /// The cited articles are not in the corpus.
        case basisNotInCorpus = "basis_not_in_corpus"
        /// The cited provisions provide for no penalty (a duty, not a 罚则).
        case noPenaltyInBasis = "no_penalty_in_basis"

        /// The problem in Chinese.
        public var chineseDescription: String {
            switch self {
            case .noPenaltyBasis: "未写明处罚依据的条文，无法核对"
            case .basisNotInCorpus: "处罚依据的条文未收录，无法核对"
            case .noPenaltyInBasis: "处罚依据的条文未规定处罚，无法核对（是否引错了条文？）"
            }
        }
    }

    /// The provisions read, in the order cited.
    public var provisions: [Provision]
    /// Each level against all of them together.
    public var levels: [LevelCheck]
    /// Why the levels were not checked, if they were not.
    public var problem: Problem?

    /// What the cited provisions provide together.
    public var statute: StatutoryPenalty {
        provisions.map(\.penalty).reduce(StatutoryPenalty()) { $0.merging($1) }
    }

    /// Whether every level stays within the law (vacuously true when unchecked).
    public var isWithinLaw: Bool { levels.allSatisfy(\.isWithinLaw) }

    enum CodingKeys: String, CodingKey {
        case provisions, levels, problem
    }
}

/// Checks benchmark items against the regulations of a corpus.
public struct BenchmarkChecker: Sendable {
    private let regulations: [Regulation]
    private let versions: RegulationVersions

    /// The most articles followed from one provision (依照第X条 … 依照第Y条 …).
    static let maximumFollowed = 8

    /// A checker reading `regulations`, versions resolved by `versions`.
    public init(regulations: [Regulation], versions: RegulationVersions) {
        self.regulations = regulations
        self.versions = versions
    }

    /// Checks `item` of a list dated `date`; `nil` for an item without levels.
    public func check(_ item: ListItem, on date: CalendarDate) -> BenchmarkCheck? {
        guard !item.levels.isEmpty else { return nil }
        let citations = penaltyCitations(of: item)
        guard !citations.isEmpty else { return BenchmarkCheck(provisions: [], levels: [], problem: .noPenaltyBasis) }
        let provisions = citations.compactMap { provision($0, on: date) }
        guard !provisions.isEmpty else { return BenchmarkCheck(provisions: [], levels: [], problem: .basisNotInCorpus) }
        var check = BenchmarkCheck(provisions: provisions, levels: [], problem: nil)
        let statute = check.statute
        guard !statute.sanctions.isEmpty else {
            check.problem = .noPenaltyInBasis
            return check
        }
        check.levels = item.levels.map { LevelCheck.check($0, against: statute) }
        return check
    }

    /// The citations of the item's 处罚依据 (or, without one, of its 法律依据), each article once.
    private func penaltyCitations(of item: ListItem) -> [Citation] {
        guard let basis = item.penaltyBasis ?? item.basis else { return [] }
        var seen = Set<[Int?]>()
        return item.citations.filter { citation in
            citation.document != nil && basis.contains(citation.text)
                && seen.insert([citation.article, citation.paragraph, citation.item]).inserted
        }
    }

    /// The provision `citation` names, in the version in force on `date`, with the articles it
    /// applies; `nil` when the law or the article is not in the corpus.
    private func provision(_ citation: Citation, on date: CalendarDate) -> BenchmarkCheck.Provision? {
        guard case .article(let index) = versions.target(of: citation, on: date, in: regulations),
            let article = regulations[index].article(citation.article)
        else { return nil }
        var penalty = Self.read(article, paragraph: citation.paragraph, item: citation.item)
        var visited: Set<[Int?]> = [[article.number, citation.paragraph]]
        var pending = Self.references(of: penalty, in: article, paragraph: citation.paragraph)
        var followed: [Int] = []
        while !pending.isEmpty, visited.count <= Self.maximumFollowed {
            let next = pending.removeFirst()
            guard visited.insert([next.article, next.paragraph]).inserted,
                let target = regulations[index].article(next.article)
            else { continue }
            let read = Self.read(target, paragraph: next.paragraph, item: nil)
            penalty = penalty.merging(read)
            if next.article != article.number, !followed.contains(next.article) { followed.append(next.article) }
            pending += Self.references(of: read, in: target, paragraph: next.paragraph)
        }
        penalty.text = ""
        penalty.references = []  // followed above
        return BenchmarkCheck.Provision(
            citation: citation.text, document: regulations[index].metadata.title,
            version: regulations[index].metadata.version, article: article.number, paragraph: citation.paragraph,
            item: citation.item, followed: followed, penalty: penalty)
    }

    /// What `article` (its paragraph `paragraph`, its item `item`) provides.
    static func read(_ article: Article, paragraph: Int?, item: Int?) -> StatutoryPenalty {
        if let paragraph, article.paragraphs.indices.contains(paragraph - 1) {
            let text = article.paragraphs[paragraph - 1]
            return item.map { StatutoryPenalty.read(text, item: $0) } ?? StatutoryPenalty.read(text)
        }
        if let item, let holder = article.paragraphs.indices.first(where: { article.items(inParagraph: $0 + 1).count >= item }) {
            return StatutoryPenalty.read(article.paragraphs[holder], item: item)
        }
        return StatutoryPenalty.read(article.paragraphs.joined(separator: "\n"))
    }

    /// The provisions `penalty` applies, as (article, paragraph) of the same law.
    static func references(
        of penalty: StatutoryPenalty, in article: Article,
        paragraph: Int?
    ) -> [(article: Int, paragraph: Int?)] {
        penalty.references.compactMap { reference in
            switch reference {
            case .article(let number, let paragraph): (number, paragraph)
            case .paragraph(let number): (article.number, number)
            case .precedingParagraph: paragraph.flatMap { $0 > 1 ? (article.number, $0 - 1) : nil }
            }
        }
    }
}

extension StatutoryPenalty {
    /// What the provision provides, in Chinese: `罚款 1000–3000 元；没收违法所得；吊销许可证件`.
    public var chineseSummary: String {
        var parts = fines.map { "罚款 \($0)" }
        parts += responsiblePersonFines.map { "对直接责任人员罚款 \($0)" }
        parts += SanctionKind.allCases.filter { sanctions.contains($0) && $0 != .fine }.map(\.rawValue)
        if parts.isEmpty && sanctions.contains(.fine) { parts.append("罚款（未写明数额）") }
        return parts.isEmpty ? "未规定处罚" : parts.joined(separator: "；")
    }
}

extension BenchmarkCheck.Provision {
    /// `道路运输条例（2022）第六十九条第（五）项`, with the articles followed: `（并依照第六十三条）`.
    public func chineseLabel(shortName: String? = nil) -> String {
        var label = "\(shortName ?? document)（\(version)）第\(ChineseNumeralFormatter.format(article))条"
        if let paragraph { label += "第\(ChineseNumeralFormatter.format(paragraph))款" }
        if let item { label += "第（\(ChineseNumeralFormatter.format(item))）项" }
        if !followed.isEmpty {
            label += "（并依照" + followed.map { "第\(ChineseNumeralFormatter.format($0))条" }.joined(separator: "、") + "）"
        }
        return label
    }
}

/// How benchmark levels compare with their statutes, counted (`lawkb index` reports the
/// corpus's; `lawkb check-benchmarks` lists them one by one).
public struct BenchmarkTally: Codable, Sendable, Equatable {
    /// Benchmark items (items with levels).
    public var items = 0
    /// Their levels.
    public var levels = 0
    /// Levels within the law.
    public var withinLaw = 0
    /// Levels that go beyond it (a fine outside the range, a measure the law lacks).
    public var beyondLaw = 0
    /// Levels of items that could not be checked (basis missing, not in the corpus, no penalty in it).
    public var unchecked = 0

    /// An empty tally.
    public init() {}

    enum CodingKeys: String, CodingKey {
        case items, levels
        case withinLaw = "within_law"
        case beyondLaw = "beyond_law"
        case unchecked
    }

    /// Adds one item's check.
    public mutating func count(_ check: BenchmarkCheck) {
        items += 1
        guard check.problem == nil else {
            unchecked += check.levels.isEmpty ? 1 : check.levels.count
            levels += check.levels.isEmpty ? 1 : check.levels.count
            return
        }
        levels += check.levels.count
        withinLaw += check.levels.count { $0.isWithinLaw }
        beyondLaw += check.levels.count { !$0.isWithinLaw }
    }
}
