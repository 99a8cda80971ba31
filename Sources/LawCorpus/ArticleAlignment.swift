/// How the articles of one version of a law relate to those of the next.
public enum ArticleChange: String, Codable, Sendable, CaseIterable {
    /// Same number, same text (labels and whitespace aside).
    case unchanged
    /// Same text under another number.
    case renumbered
    /// The article carries on with a changed text.
    case modified
    /// One old article became two or more consecutive new ones.
    case split
    /// Two or more consecutive old articles became one new one.
    case merged

    /// The Chinese name people read: 未修改, 仅条号变化, 修改, 拆分, 合并.
    public var chineseName: String {
        switch self {
        case .unchanged: "未修改"
        case .renumbered: "仅条号变化"
        case .modified: "修改"
        case .split: "拆分"
        case .merged: "合并"
        }
    }
}

/// Old articles and the new articles that carry them on: one to one, one to several (split)
/// or several to one (merged).
public struct AlignedArticles: Codable, Sendable, Equatable {
    /// Numbers of the old articles, in order.
    public var old: [Int]
    /// Numbers of the new articles, in order.
    public var new: [Int]
    /// What happened to them.
    public var change: ArticleChange
    /// From the old bodies to the new ones (each side's articles joined by a line break, labels
    /// left out); `nil` when the text is the same.
    public var diff: ArticleDiff?

    /// A group of aligned articles.
    public init(old: [Int], new: [Int], change: ArticleChange, diff: ArticleDiff? = nil) {
        self.old = old
        self.new = new
        self.change = change
        self.diff = diff
    }
}

/// Counts of each kind of change, for a summary line.
public struct AlignmentSummary: Codable, Sendable, Equatable {
    public var unchanged = 0
    public var renumbered = 0
    public var modified = 0
    public var split = 0
    public var merged = 0
    /// New articles with no old counterpart (新增).
    public var added = 0
    /// Old articles with no new counterpart (删除).
    public var removed = 0
}

/// Why two versions were not aligned.
public enum ArticleAlignmentError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One side has more articles than `limit`.
    case tooManyArticles(count: Int, limit: Int)
    /// Comparing the texts would take more than `limit` steps.
    case tooMuchWork(limit: Int)

    public var description: String {
        switch self {
        case .tooManyArticles(let count, let limit):
            "条文过多，无法对照：一个版本有 \(count) 条，上限为 \(limit) 条"
        case .tooMuchWork(let limit):
            "条文对照的计算量超过上限（\(limit) 步）"
        }
    }
}

/// The articles of two versions of a law matched by their content, not their numbers.
///
/// Each article's body (its paragraphs without the label, whitespace removed) is reduced to
/// the multiset of its character bigrams; two articles are as similar as the Dice coefficient
/// of their bigrams. Laws are revised in order, so the matching is a sequence alignment: the
/// monotonic assignment maximising the total similarity above `threshold`, where an old
/// article may also match two or three consecutive new ones (split) or the reverse (merged)
/// when each part shares most of its text with the other side. Digits count as one digit,
/// since dates, amounts and deadlines change more often than rules. Articles left over are
/// then matched out of order when they are clearly the same (`movedThreshold`, or the shorter
/// found almost entirely in the other), and a leftover article found almost entirely in one
/// article of a group joins it (a merge or split of articles that are not neighbours). What
/// is still left is added (新增) or removed (删除).
public struct ArticleAlignment: Codable, Sendable, Equatable {
    /// The aligned groups, in the order of the new version.
    public var pairs: [AlignedArticles]
    /// Numbers of new articles with no old counterpart.
    public var added: [Int]
    /// Numbers of old articles with no new counterpart.
    public var removed: [Int]

    /// The counts of each change.
    public var summary: AlignmentSummary {
        var summary = AlignmentSummary()
        for pair in pairs {
            switch pair.change {
            case .unchanged: summary.unchanged += 1
            case .renumbered: summary.renumbered += 1
            case .modified: summary.modified += 1
            case .split: summary.split += 1
            case .merged: summary.merged += 1
            }
        }
        summary.added = added.count
        summary.removed = removed.count
        return summary
    }

    /// The groups where one old article became several new ones.
    public var splits: [AlignedArticles] { pairs.filter { $0.change == .split } }
    /// The groups where several old articles became one new one.
    public var merges: [AlignedArticles] { pairs.filter { $0.change == .merged } }

    /// The new articles carrying on old article `number`; empty when it was removed.
    public func new(forOld number: Int) -> [Int] {
        pairs.first { $0.old.contains(number) }?.new ?? []
    }

    /// The old articles that new article `number` carries on; empty when it was added.
    public func old(forNew number: Int) -> [Int] {
        pairs.first { $0.new.contains(number) }?.old ?? []
    }

    /// Tuning and bounds of the alignment.
    public struct Limits: Sendable {
        /// Most articles on either side: 3,000 (the largest Chinese code has 1,260).
        public var maximumArticles = 3_000
        /// Most steps spent comparing bigrams: 300 million, a few seconds.
        public var maximumWork = 300_000_000
        /// Least similarity of two aligned articles.
        public var threshold = 0.3
        /// Least similarity of two articles matched out of order.
        public var movedThreshold = 0.6
        /// Least share of the shorter article's bigrams found in the other, for articles left
        /// over by the ordered alignment to be matched all the same (a rule kept, others added).
        public var leftoverContainment = 0.8
        /// Least length, in bigrams, of the shorter article for that containment to count.
        public var leftoverLength = 8
        /// Least share of a part's bigrams found in the other side for a split or merge.
        public var partContainment = 0.55
        /// Most parts of a split or merge.
        public var maximumParts = 3

        /// The default limits.
        public init() {}
    }

    /// Aligns the articles of `old` with those of `new`.
    public static func align(
        old: [Article], new: [Article], limits: Limits = Limits()
    ) throws(ArticleAlignmentError) -> ArticleAlignment {
        for side in [old, new] where side.count > limits.maximumArticles {
            throw .tooManyArticles(count: side.count, limit: limits.maximumArticles)
        }
        var matcher = try SimilarityMatrix(old: old, new: new, limits: limits)
        let groups = try matcher.align()
        return build(groups: groups, old: old, new: new)
    }

    private static func build(groups: [(old: [Int], new: [Int])], old: [Article], new: [Article]) -> ArticleAlignment {
        var pairs: [AlignedArticles] = []
        for group in groups.sorted(by: { ($0.new[0], $0.old[0]) < ($1.new[0], $1.old[0]) }) {
            let before = group.old.map { old[$0] }
            let after = group.new.map { new[$0] }
            let oldBody = before.map(Self.body).joined(separator: "\n")
            let newBody = after.map(Self.body).joined(separator: "\n")
            let change: ArticleChange
            var diff: ArticleDiff?
            if before.count > 1 {
                change = .merged
            } else if after.count > 1 {
                change = .split
            } else if Self.squeezed(oldBody) == Self.squeezed(newBody) {
                change = before[0].number == after[0].number ? .unchanged : .renumbered
            } else {
                change = .modified
            }
            if change != .unchanged && change != .renumbered {
                diff = ArticleDiff(from: oldBody, to: newBody)
            }
            pairs.append(
                AlignedArticles(old: before.map(\.number), new: after.map(\.number), change: change, diff: diff))
        }
        let usedOld = Set(groups.flatMap(\.old))
        let usedNew = Set(groups.flatMap(\.new))
        return ArticleAlignment(
            pairs: pairs,
            added: new.indices.filter { !usedNew.contains($0) }.map { new[$0].number },
            removed: old.indices.filter { !usedOld.contains($0) }.map { old[$0].number })
    }

    /// The article without its label: its paragraphs, one per line.
    static func body(_ article: Article) -> String {
        article.paragraphs.joined(separator: "\n")
    }

    /// `text` without whitespace, to compare texts whatever their spacing.
    static func squeezed(_ text: String) -> String {
        String(text.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
    }
}

/// The bigram profiles of both sides, their pairwise similarities above a floor, and the
/// sequence alignment over them.
struct SimilarityMatrix {
    /// Bigram counts of one article body.
    struct Profile {
        var counts: [UInt64: Int32]
        var total: Int
    }

    let old: [Profile]
    let new: [Profile]
    let limits: Limits
    /// Shared bigram counts of old article i and new article j, kept when their similarity is
    /// at least `floor`: `overlap[i][j]`.
    var overlap: [[Int: Int]]
    var work = 0

    typealias Limits = ArticleAlignment.Limits

    /// Similarities below this are not kept: unrelated articles.
    static let floor = 0.1

    init(old: [Article], new: [Article], limits: Limits) throws(ArticleAlignmentError) {
        self.old = old.map { Self.profile(ArticleAlignment.body($0)) }
        self.new = new.map { Self.profile(ArticleAlignment.body($0)) }
        self.limits = limits
        overlap = Array(repeating: [:], count: old.count)
        try measure()
    }

    static func profile(_ text: String) -> Profile {
        // Digits read as one digit: dates, amounts and deadlines change more often than rules.
        let scalars = ArticleAlignment.squeezed(text).unicodeScalars.map {
            $0.properties.numericType == .decimal ? UInt64(48) : UInt64($0.value)
        }
        var counts: [UInt64: Int32] = [:]
        if scalars.count == 1 { counts[scalars[0] << 21] = 1 }
        for index in scalars.indices.dropFirst() {
            counts[scalars[index - 1] << 21 | scalars[index], default: 0] += 1
        }
        return Profile(counts: counts, total: max(scalars.count - 1, scalars.count))
    }

    mutating func spend(_ steps: Int) throws(ArticleAlignmentError) {
        work += steps
        if work > limits.maximumWork { throw .tooMuchWork(limit: limits.maximumWork) }
    }

    /// Fills `overlap` through an inverted index of the old bigrams.
    mutating func measure() throws(ArticleAlignmentError) {
        var postings: [UInt64: [(Int, Int32)]] = [:]
        for (i, profile) in old.enumerated() {
            for (bigram, count) in profile.counts { postings[bigram, default: []].append((i, count)) }
        }
        var shared = [Int](repeating: 0, count: old.count)
        for (j, profile) in new.enumerated() {
            var touched: [Int] = []
            for (bigram, count) in profile.counts {
                guard let list = postings[bigram] else { continue }
                try spend(list.count)
                for (i, oldCount) in list {
                    if shared[i] == 0 { touched.append(i) }
                    shared[i] += Int(min(count, oldCount))
                }
            }
            for i in touched {
                if dice(shared[i], old[i].total, profile.total) >= Self.floor { overlap[i][j] = shared[i] }
                shared[i] = 0
            }
        }
    }

    func dice(_ shared: Int, _ a: Int, _ b: Int) -> Double {
        a + b == 0 ? 0 : 2 * Double(shared) / Double(a + b)
    }

    func similarity(_ i: Int, _ j: Int) -> Double {
        guard let shared = overlap[i][j] else { return 0 }
        return dice(shared, old[i].total, new[j].total)
    }

    /// Similarity of one article against several on the other side, when each part shares
    /// most of its text with it; `nil` otherwise.
    mutating func groupSimilarity(
        single: Profile, parts: [Profile], partOverlaps: [Int?]
    ) throws(ArticleAlignmentError) -> Double? {
        for (part, shared) in zip(parts, partOverlaps) {
            guard let shared, part.total > 0, Double(shared) / Double(part.total) >= limits.partContainment
            else { return nil }
        }
        try spend(single.counts.count * parts.count)
        var shared = 0
        for (bigram, count) in single.counts {
            let others = parts.reduce(0) { $0 + Int($1.counts[bigram] ?? 0) }
            shared += min(Int(count), others)
        }
        return dice(shared, single.total, parts.reduce(0) { $0 + $1.total })
    }

    /// The moves of the alignment table.
    enum Move: UInt8 {
        case skipOld, skipNew, pair, split2, split3, merge2, merge3
    }

    /// The monotonic alignment of greatest total gain (each aligned group gains its similarity
    /// above `threshold`), then clear out-of-order matches, then leftovers joined to groups.
    /// The table holds (n + 1) × (m + 1) scores and moves: about 80 MB at 3,000 × 3,000.
    mutating func align() throws(ArticleAlignmentError) -> [(old: [Int], new: [Int])] {
        let (n, m) = (old.count, new.count)
        let width = m + 1
        var score = [Double](repeating: 0, count: (n + 1) * width)
        var moves = [Move](repeating: .skipOld, count: (n + 1) * width)
        for j in stride(from: 1, through: m, by: 1) { moves[j] = .skipNew }
        let threshold = limits.threshold
        for i in stride(from: 1, through: n, by: 1) {
            for j in stride(from: 1, through: m, by: 1) {
                var best = score[(i - 1) * width + j]
                var move = Move.skipOld
                if score[i * width + j - 1] > best { (best, move) = (score[i * width + j - 1], .skipNew) }
                let pair = similarity(i - 1, j - 1)
                if pair >= threshold, score[(i - 1) * width + j - 1] + pair - threshold > best {
                    (best, move) = (score[(i - 1) * width + j - 1] + pair - threshold, .pair)
                }
                for parts in stride(from: 2, through: min(limits.maximumParts, 3), by: 1) {
                    if j >= parts, (j - parts..<j).allSatisfy({ overlap[i - 1][$0] != nil }),
                        let value = try groupSimilarity(
                            single: old[i - 1], parts: (j - parts..<j).map { new[$0] },
                            partOverlaps: (j - parts..<j).map { overlap[i - 1][$0] }),
                        value >= threshold, score[(i - 1) * width + j - parts] + value - threshold > best
                    {
                        (best, move) = (score[(i - 1) * width + j - parts] + value - threshold, parts == 2 ? .split2 : .split3)
                    }
                    if i >= parts, (i - parts..<i).allSatisfy({ overlap[$0][j - 1] != nil }),
                        let value = try groupSimilarity(
                            single: new[j - 1], parts: (i - parts..<i).map { old[$0] },
                            partOverlaps: (i - parts..<i).map { overlap[$0][j - 1] }),
                        value >= threshold, score[(i - parts) * width + j - 1] + value - threshold > best
                    {
                        (best, move) = (score[(i - parts) * width + j - 1] + value - threshold, parts == 2 ? .merge2 : .merge3)
                    }
                }
                score[i * width + j] = best
                moves[i * width + j] = move
            }
        }
        var groups: [(old: [Int], new: [Int])] = []
        var (i, j) = (n, m)
        while i > 0 || j > 0 {
            switch moves[i * width + j] {
            case .skipOld: i -= 1
            case .skipNew: j -= 1
            case .pair:
                groups.append(([i - 1], [j - 1]))
                (i, j) = (i - 1, j - 1)
            case .split2, .split3:
                let parts = moves[i * width + j] == .split2 ? 2 : 3
                groups.append(([i - 1], Array(j - parts..<j)))
                (i, j) = (i - 1, j - parts)
            case .merge2, .merge3:
                let parts = moves[i * width + j] == .merge2 ? 2 : 3
                groups.append((Array(i - parts..<i), [j - 1]))
                (i, j) = (i - parts, j - 1)
            }
        }
        return joined(moved(besides: groups) + groups)
    }

    /// Groups grown by the articles still left that one article of a group contains almost
    /// entirely (`leftoverContainment`): a rule moved into another article, so a merge or
    /// split of articles that are not neighbours. A group grows on one side only.
    func joined(_ groups: [(old: [Int], new: [Int])]) -> [(old: [Int], new: [Int])] {
        var groups = groups
        let usedOld = Set(groups.flatMap(\.old))
        let usedNew = Set(groups.flatMap(\.new))
        for i in old.indices where !usedOld.contains(i) {
            if let g = groups.indices.first(where: { groups[$0].new.count == 1 && covers(old[i], overlap[i][groups[$0].new[0]]) }) {
                groups[g].old = (groups[g].old + [i]).sorted()
            }
        }
        for j in new.indices where !usedNew.contains(j) {
            if let g = groups.indices.first(where: { groups[$0].old.count == 1 && covers(new[j], overlap[groups[$0].old[0]][j]) }) {
                groups[g].new = (groups[g].new + [j]).sorted()
            }
        }
        return groups
    }

    /// Whether `shared` bigrams are most of `part`, and `part` is long enough for that to mean something.
    func covers(_ part: Profile, _ shared: Int?) -> Bool {
        guard let shared else { return false }
        return part.total >= limits.leftoverLength && Double(shared) / Double(part.total) >= limits.leftoverContainment
    }

    /// Whether the shorter of old article `i` and new article `j` is found almost entirely in
    /// the other (`leftoverContainment`), and is long enough for that to mean something.
    func contained(_ i: Int, _ j: Int) -> Bool {
        guard let shared = overlap[i][j] else { return false }
        let shorter = min(old[i].total, new[j].total)
        return shorter >= limits.leftoverLength && Double(shared) / Double(shorter) >= limits.leftoverContainment
    }

    /// Articles left on both sides that are clearly the same (similar, or one containing the
    /// other), matched whatever their order, most similar first.
    func moved(besides groups: [(old: [Int], new: [Int])]) -> [(old: [Int], new: [Int])] {
        var usedOld = Set(groups.flatMap(\.old))
        var usedNew = Set(groups.flatMap(\.new))
        var candidates: [(Double, Int, Int)] = []
        for i in old.indices where !usedOld.contains(i) {
            for j in overlap[i].keys where !usedNew.contains(j) {
                let value = similarity(i, j)
                if value >= limits.movedThreshold || contained(i, j) { candidates.append((value, i, j)) }
            }
        }
        var result: [(old: [Int], new: [Int])] = []
        for (_, i, j) in candidates.sorted(by: { ($0.0, -$0.1, -$0.2) > ($1.0, -$1.1, -$1.2) })
        where !usedOld.contains(i) && !usedNew.contains(j) {
            usedOld.insert(i)
            usedNew.insert(j)
            result.append(([i], [j]))
        }
        return result
    }
}
