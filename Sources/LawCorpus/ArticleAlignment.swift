/// How the text of aligned articles changed from one version of a law to the next.
public enum ArticleChange: String, Codable, Sendable, CaseIterable {
    /// Same number, same text (labels and whitespace aside).
    case unchanged
    /// Same text under another number.
    case renumbered
    /// The text changed (which a split or a merge always does).
    case modified

    /// The Chinese name people read: 未修改, 仅条号变化, 修改.
    public var chineseName: String {
        switch self {
        case .unchanged: "未修改"
        case .renumbered: "仅条号变化"
        case .modified: "修改"
        }
    }
}

/// How many articles on each side of a group: one for one, one become several, several become one.
public enum ArticleGroupForm: String, Codable, Sendable, CaseIterable {
    /// One old article carried on by one new one.
    case oneToOne = "one_to_one"
    /// One old article became two or more consecutive new ones.
    case split
    /// Two or more old articles became one new one.
    case merged

    /// The form of a group with `old` and `new` articles.
    public init(old: Int, new: Int) {
        self = old > 1 ? .merged : new > 1 ? .split : .oneToOne
    }

    /// The Chinese name people read: 拆分, 合并; `nil` for one for one.
    public var chineseName: String? {
        switch self {
        case .oneToOne: nil
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
    /// One for one, split or merged, from the numbers of articles on each side.
    public var form: ArticleGroupForm { ArticleGroupForm(old: old.count, new: new.count) }
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
    /// Groups where one article became several (counted among `modified` too).
    public var split = 0
    /// Groups where several articles became one (counted among `modified` too).
    public var merged = 0
    /// New articles with no old counterpart (新增).
    public var added = 0
    /// Old articles with no new counterpart (删除).
    public var removed = 0

    /// No change counted.
    public init() {}

    /// The counts in words, as pages and the CLI show them:
    /// `未修改 1 条 · 仅条号变化 8 条 · 修改 53 组（其中拆分 5、合并 1） · 新增 19 条 · 删除 1 条`.
    public var chineseSentence: String {
        var changed = "修改 \(modified) 组"
        let forms = [("拆分", split), ("合并", merged)].filter { $0.1 > 0 }.map { "\($0.0) \($0.1)" }
        if !forms.isEmpty { changed += "（其中" + forms.joined(separator: "、") + "）" }
        return [
            "未修改 \(unchanged) 条", "仅条号变化 \(renumbered) 条", changed, "新增 \(added) 条", "删除 \(removed) 条",
        ].joined(separator: " · ")
    }

    /// The counts of groups of `changes` and `forms` (one each per group), `added` new and
    /// `removed` old articles.
    public init(groups: [(change: ArticleChange, form: ArticleGroupForm)], added: Int, removed: Int) {
        for group in groups {
            switch group.change {
            case .unchanged: unchanged += 1
            case .renumbered: renumbered += 1
            case .modified: modified += 1
            }
            switch group.form {
            case .oneToOne: break
            case .split: split += 1
            case .merged: merged += 1
            }
        }
        self.added = added
        self.removed = removed
    }
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
        AlignmentSummary(groups: pairs.map { ($0.change, $0.form) }, added: added.count, removed: removed.count)
    }

    /// The groups where one old article became several new ones.
    public var splits: [AlignedArticles] { pairs.filter { $0.form == .split } }
    /// The groups where several old articles became one new one.
    public var merges: [AlignedArticles] { pairs.filter { $0.form == .merged } }

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
        /// Least similarity of a sentence of a leftover article and one of a grouped article
        /// for the leftover to join that group.
        public var sentenceSimilarity = 0.75
        /// Least length, in bigrams, of a sentence for that pass.
        public var sentenceLength = 12
        /// Least share of a sentence's bigrams found in a longer sentence for the two to match.
        public var sentenceContainment = 0.9
        /// Least length, in bigrams, of a sentence matched by containment.
        public var sentenceContainedLength = 15

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
            if before.count == 1, after.count == 1, Self.squeezed(oldBody) == Self.squeezed(newBody) {
                change = before[0].number == after[0].number ? .unchanged : .renumbered
            } else {
                change = .modified
            }
            if change == .modified {
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
    /// The bodies, for the sentence-level pass over leftovers.
    let oldBodies: [String]
    let newBodies: [String]
    let limits: Limits
    /// Shared bigram counts of old article i and new article j, kept when their similarity is
    /// at least `floor`: `overlap[i][j]`.
    var overlap: [[Int: Int]]
    var work = 0

    typealias Limits = ArticleAlignment.Limits

    /// Similarities below this are not kept: unrelated articles.
    static let floor = 0.1

    init(old: [Article], new: [Article], limits: Limits) throws(ArticleAlignmentError) {
        oldBodies = old.map(ArticleAlignment.body)
        newBodies = new.map(ArticleAlignment.body)
        self.old = oldBodies.map(Self.profile)
        self.new = newBodies.map(Self.profile)
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
        // Each part must bring text of its own: a part whose words the single article shares
        // only with the other parts (a penalty clause written to the same pattern) is not in it.
        try spend(parts.reduce(0) { $0 + $1.counts.count } * parts.count)
        for (k, part) in parts.enumerated() {
            let others = parts.indices.filter { $0 != k }.map { parts[$0] }
            guard brings(part, to: single, beyond: others) else { return nil }
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
        let grown = joined(moved(besides: groups) + groups)
        return try carried(grown)
    }

    /// Groups grown by leftover articles that carry on one sentence of one article of a group
    /// almost word for word (`sentenceSimilarity`): a paragraph that became an article of its
    /// own (2017 第二十七条第二款 → 2021 第三十三条) or an article folded into another as a
    /// paragraph. The sentence must be found in that one article only, so the standard
    /// clauses many articles share (法律另有规定的，从其规定) link nothing.
    mutating func carried(_ groups: [(old: [Int], new: [Int])]) throws(ArticleAlignmentError) -> [(old: [Int], new: [Int])] {
        var groups = groups
        let oldSentences = oldBodies.map(sentencesOf)
        let newSentences = newBodies.map(sentencesOf)
        let usedNew = Set(groups.flatMap(\.new))
        // What each old article's group already carries on, on the new side (and back).
        var carriedOn: [Int: [Profile]] = [:]
        for group in groups { for i in group.old { carriedOn[i] = group.new.map { new[$0] } } }
        for j in new.indices where !usedNew.contains(j) {
            guard let i = try soleSource(of: newSentences[j], among: oldSentences, carriedOn: carriedOn),
                let g = groups.indices.first(where: { groups[$0].old == [i] })
            else { continue }
            groups[g].new = (groups[g].new + [j]).sorted()
        }
        var carriedBack: [Int: [Profile]] = [:]
        for group in groups { for j in group.new { carriedBack[j] = group.old.map { old[$0] } } }
        let usedOld = Set(groups.flatMap(\.old))
        for i in old.indices where !usedOld.contains(i) {
            guard let j = try soleSource(of: oldSentences[i], among: newSentences, carriedOn: carriedBack),
                let g = groups.indices.first(where: { groups[$0].new == [j] })
            else { continue }
            groups[g].old = (groups[g].old + [i]).sorted()
        }
        return groups
    }

    /// The one article on the other side with a sentence that one of `mine` carries on almost
    /// word for word; `nil` when none does, or more than one. Of an article already carried
    /// on by others (`carriedOn`), only what those do not carry counts.
    private mutating func soleSource(
        of mine: [Profile], among theirs: [[Profile]], carriedOn: [Int: [Profile]]
    ) throws(ArticleAlignmentError) -> Int? {
        var found: Set<Int> = []
        for sentence in mine {
            for (other, sentences) in theirs.enumerated() where !found.contains(other) {
                let partners = carriedOn[other] ?? []
                for candidate in sentences {
                    guard try sentenceMatches(sentence, candidate) else { continue }
                    if try residueMatches(sentence, candidate, beyond: partners) {
                        found.insert(other)
                        break
                    }
                }
            }
            if found.count > 1 { return nil }
        }
        return found.count == 1 ? found.first : nil
    }

    /// Whether what `candidate` says beyond `partners` is long enough to mean something and
    /// mostly in `sentence` (`sentenceSimilarity`); true without partners.
    private mutating func residueMatches(
        _ sentence: Profile, _ candidate: Profile, beyond partners: [Profile]
    ) throws(ArticleAlignmentError) -> Bool {
        guard !partners.isEmpty else { return true }
        try spend(candidate.counts.count * partners.count)
        let (novel, found) = novelty(of: candidate, in: sentence, beyond: partners)
        return novel >= limits.sentenceLength / 2 && Double(found) / Double(novel) >= limits.sentenceSimilarity
    }

    /// Whether two sentences say the same thing: similar (`sentenceSimilarity`), or the
    /// shorter, of `sentenceContainedLength` bigrams or more, found almost entirely in the
    /// longer (`sentenceContainment`: a clause kept inside a longer sentence).
    private mutating func sentenceMatches(_ a: Profile, _ b: Profile) throws(ArticleAlignmentError) -> Bool {
        let (small, large) = a.total <= b.total ? (a, b) : (b, a)
        let containable = small.total >= limits.sentenceContainedLength
        // Dice is at most 2 × shorter ÷ sum: skip pairs whose lengths rule out both tests.
        guard containable || 2 * Double(small.total) >= limits.sentenceSimilarity * Double(a.total + b.total) else {
            return false
        }
        try spend(small.counts.count)
        var shared = 0
        for (bigram, count) in small.counts { shared += Int(min(count, large.counts[bigram] ?? 0)) }
        return dice(shared, a.total, b.total) >= limits.sentenceSimilarity
            || (containable && Double(shared) / Double(small.total) >= limits.sentenceContainment)
    }

    /// The profiles of each body's sentences (split at 。；and line ends) long enough to mean
    /// something (`sentenceLength` bigrams or more). Items (（一）…) are left out: penalty
    /// articles repeat the items of the rules they enforce.
    func sentencesOf(_ body: String) -> [Profile] {
        body.split(separator: "\n").filter { !$0.hasPrefix("（") && !$0.hasPrefix("(") }
            .flatMap { $0.split(whereSeparator: { "。；;".contains($0) }) }
            .map { Self.profile(String($0)) }
            .filter { $0.total >= limits.sentenceLength }
    }

    /// Groups grown by the articles still left that one article of a group contains almost
    /// entirely (`leftoverContainment`): a rule moved into another article, so a merge or
    /// split of articles that are not neighbours. A group grows on one side only. What
    /// counts is the text the leftover does not share with the group's own article on its
    /// side: two penalty articles written to one pattern (违反本条例的规定……处……罚款) are not
    /// merged because the new one repeats the pattern.
    func joined(_ groups: [(old: [Int], new: [Int])]) -> [(old: [Int], new: [Int])] {
        var groups = groups
        let usedOld = Set(groups.flatMap(\.old))
        let usedNew = Set(groups.flatMap(\.new))
        for i in old.indices where !usedOld.contains(i) {
            if let g = groups.indices.first(where: {
                groups[$0].new.count == 1 && overlap[i][groups[$0].new[0]] != nil
                    && covers(old[i], in: new[groups[$0].new[0]], beyond: groups[$0].old.map { old[$0] })
            }) {
                groups[g].old = (groups[g].old + [i]).sorted()
            }
        }
        for j in new.indices where !usedNew.contains(j) {
            if let g = groups.indices.first(where: {
                groups[$0].old.count == 1 && overlap[groups[$0].old[0]][j] != nil
                    && covers(new[j], in: old[groups[$0].old[0]], beyond: groups[$0].new.map { new[$0] })
            }) {
                groups[g].new = (groups[g].new + [j]).sorted()
            }
        }
        return groups
    }

    /// Whether `target` holds at least `partContainment` of what `part` says beyond `partners`.
    func brings(_ part: Profile, to target: Profile, beyond partners: [Profile]) -> Bool {
        let (novel, found) = novelty(of: part, in: target, beyond: partners)
        return novel == 0 || Double(found) / Double(novel) >= limits.partContainment
    }

    /// How many bigrams of `part` are not in `partners`, and how many of those `target` holds
    /// beyond what `partners` explain.
    func novelty(of part: Profile, in target: Profile, beyond partners: [Profile]) -> (novel: Int, found: Int) {
        var novel = 0
        var found = 0
        for (bigram, count) in part.counts {
            let explained = partners.reduce(0) { $0 + Int($1.counts[bigram] ?? 0) }
            let beyond = max(0, Int(count) - explained)
            novel += beyond
            found += min(beyond, max(0, Int(target.counts[bigram] ?? 0) - explained))
        }
        return (novel, found)
    }

    /// Whether `target` holds most of what `part` says beyond `partners` (the articles on
    /// `part`'s side that `target` already carries on), and that is long enough to mean something.
    func covers(_ part: Profile, in target: Profile, beyond partners: [Profile]) -> Bool {
        let (novel, found) = novelty(of: part, in: target, beyond: partners)
        return novel >= limits.leftoverLength && Double(found) / Double(novel) >= limits.leftoverContainment
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
