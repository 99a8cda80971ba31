import Foundation

/// What a provision (an article, or the paragraphs a citation names) provides as penalty: the
/// kinds, the fine ranges of its 处……罚款 clauses, and the articles it says to apply instead
/// (依照本法第X条的规定处罚). A benchmark level is checked against it (``LevelCheck``).
///
/// Amounts are read only from fine clauses, so the amounts of conditions (违法所得不足2万元的,
/// 货值金额一万元以上的) never pass for a fine. Fines imposed on the responsible individuals
/// (对其直接负责的主管人员和其他直接责任人员处……罚款) are kept apart from those on the offender:
/// a benchmark fine for a company is not within the law because it fits a range for individuals.
public struct StatutoryPenalty: Codable, Sendable, Equatable {
    /// The kinds of penalty the text provides for.
    public var sanctions: Set<SanctionKind>
    /// Fine ranges imposed on the offender (the unit or person that broke the rule): 元 ranges,
    /// or 倍 of a base (违法所得, 货值金额, 广告费用 …) named in ``AmountRange/of``.
    public var fines: [AmountRange]
    /// Fine ranges imposed on the offender's responsible individuals (直接负责的主管人员和其他
    /// 直接责任人员, 主要负责人).
    public var responsiblePersonFines: [AmountRange]
    /// Provisions the text says to apply for the penalty (依照本法第X条的规定处罚,
    /// 依照第一款规定给予处罚, 依照前款规定处罚): the caller may read them and ``merging(_:)``.
    public var references: [PenaltyReference]
    /// The text read (at most ``maximumLength`` characters of it).
    public var text: String

    /// The longest text read, in characters: far above any article (the longest penalty
    /// articles run to about 2,000), so that no input makes the reading slow.
    public static let maximumLength = 20_000

    /// Creates a penalty from its parts.
    public init(
        sanctions: Set<SanctionKind> = [], fines: [AmountRange] = [], responsiblePersonFines: [AmountRange] = [],
        references: [PenaltyReference] = [], text: String = ""
    ) {
        self.sanctions = sanctions
        self.fines = fines
        self.responsiblePersonFines = responsiblePersonFines
        self.references = references
        self.text = text
    }

    /// Reads the penalty `text` provides for. Never fails: a text with no penalty reads as
    /// empty sanctions.
    public static func read(_ text: String) -> StatutoryPenalty {
        let penaltyText = PenaltyText(text)
        var fines: [AmountRange] = []
        var personFines: [AmountRange] = []
        for clause in FineClauseReader.clauses(in: penaltyText) {
            switch clause.payer {
            case .offender: fines.append(contentsOf: clause.ranges)
            case .responsiblePersons: personFines.append(contentsOf: clause.ranges)
            }
        }
        return StatutoryPenalty(
            sanctions: SanctionKind.named(in: penaltyText), fines: fines,
            responsiblePersonFines: personFines,
            references: ReferenceReader.references(in: penaltyText),
            text: String(text.prefix(maximumLength)))
    }

    /// Reads what item (项) `item` of `paragraph` provides: the lead-in before the first item
    /// (which usually sets the penalty for all of them) and that item's line (which sometimes
    /// sets its own, as 道路运输条例 (2023) 第六十三条 does), without the other items. Items are
    /// the lines starting `（一）`, `（二）` …; when there is no line for `item`, the whole
    /// paragraph is read.
    public static func read(_ paragraph: String, item: Int) -> StatutoryPenalty {
        let lines = TextSupport.lines(of: String(paragraph.prefix(maximumLength)))
        let numbers = lines.map(itemNumber)
        guard let line = numbers.firstIndex(of: item) else { return read(paragraph) }
        let leadIn = lines.indices.prefix { numbers[$0] == nil }.map { lines[$0] }
        return read((leadIn + [lines[line]]).joined(separator: "\n"))
    }

    /// The number of an item line (`（三）销售……`), or `nil` for other lines.
    private static func itemNumber(_ line: String) -> Int? {
        let text = FoldedText(line.prefix(ChineseNumeral.maximumLength + 2))
        guard text.has("(", at: 0), let (number, end) = text.ordinal(at: 1), text.has(")", at: end) else { return nil }
        return number
    }

    /// Whether the text provides for a fine (with or without a stated amount).
    public var hasFine: Bool { sanctions.contains(.fine) }

    /// The article numbers among ``references``.
    public var articleReferences: [Int] {
        references.compactMap { if case .article(let number, _) = $0 { number } else { nil } }
    }

    /// This penalty together with `other`'s: for a provision that applies another
    /// (依照第一款规定给予处罚), or a citation naming several paragraphs.
    public func merging(_ other: StatutoryPenalty) -> StatutoryPenalty {
        var merged = self
        merged.sanctions.formUnion(other.sanctions)
        merged.fines.append(contentsOf: other.fines.filter { !fines.contains($0) })
        merged.responsiblePersonFines.append(contentsOf: other.responsiblePersonFines.filter { !responsiblePersonFines.contains($0) })
        merged.references.append(contentsOf: other.references.filter { !references.contains($0) })
        merged.text = [text, other.text].filter { !$0.isEmpty }.joined(separator: "\n")
        return merged
    }
}

extension StatutoryPenalty {
    private enum CodingKeys: String, CodingKey {
        case sanctions, fines
        case responsiblePersonFines = "responsible_person_fines"
        case references, text
    }

    /// Encodes kinds in the order of ``SanctionKind/allCases`` (stable output), and the
    /// references and text only when there are some.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(SanctionKind.allCases.filter(sanctions.contains), forKey: .sanctions)
        try container.encode(fines, forKey: .fines)
        try container.encode(responsiblePersonFines, forKey: .responsiblePersonFines)
        if !references.isEmpty { try container.encode(references, forKey: .references) }
        if !text.isEmpty { try container.encode(text, forKey: .text) }
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            sanctions: Set(try container.decode([SanctionKind].self, forKey: .sanctions)),
            fines: try container.decode([AmountRange].self, forKey: .fines),
            responsiblePersonFines: try container.decode([AmountRange].self, forKey: .responsiblePersonFines),
            references: try container.decodeIfPresent([PenaltyReference].self, forKey: .references) ?? [],
            text: try container.decodeIfPresent(String.self, forKey: .text) ?? "")
    }
}

/// A provision a penalty text says to apply (依照……规定处罚).
public enum PenaltyReference: Codable, Sendable, Equatable, Hashable {
    /// 依照本法第X条（第Y款）的规定: an article of the same law, and the paragraph if named.
    case article(number: Int, paragraph: Int?)
    /// 依照第Y款规定: a paragraph of the same article.
    case paragraph(number: Int)
    /// 依照前款规定: the paragraph before the one read.
    case precedingParagraph
}

/// Who pays a fine clause.
enum FinePayer: Sendable {
    /// The offender: the unit or person whose conduct the provision describes.
    case offender
    /// The offender's responsible individuals: 直接负责的主管人员和其他直接责任人员, 主要负责人.
    case responsiblePersons
}

/// A text prepared for reading penalties: at most ``StatutoryPenalty/maximumLength`` characters,
/// NFKC-folded character by character (３０００元 reads as 3000元, full-width punctuation as
/// ASCII where NFKC maps it).
struct PenaltyText {
    let chars: [Character]

    init(_ text: String) {
        chars = FoldedText(text.prefix(StatutoryPenalty.maximumLength)).folded
    }

    var count: Int { chars.count }

    /// Characters that end a clause: a penalty clause never spans them.
    static let clauseBreaks: Set<Character> = ["，", ",", "；", ";", "。", "：", ":", "\n", "！", "？"]

    func has(_ word: String, at index: Int) -> Bool {
        var i = index
        for c in word {
            guard i >= 0, i < chars.count, chars[i] == c else { return false }
            i += 1
        }
        return true
    }

    func has(_ word: String, endingAt index: Int) -> Bool { has(word, at: index - word.count) }

    /// Every index where `word` starts, in order.
    func occurrences(of word: String) -> [Int] {
        guard let first = word.first, chars.count >= word.count else { return [] }
        var result: [Int] = []
        for i in 0...(chars.count - word.count) where chars[i] == first && has(word, at: i) { result.append(i) }
        return result
    }

    func firstIndex(of word: String, from start: Int, to end: Int) -> Int? {
        let limit = min(end, chars.count) - word.count
        guard start <= limit else { return nil }
        for i in start...limit where has(word, at: i) { return i }
        return nil
    }

    /// The longest clause looked at, in characters: penalty clauses run to a few dozen, and the
    /// bound keeps every scan linear in the text however it is punctuated.
    static let maximumClause = 300

    /// The start of the clause `index` lies in (at most ``maximumClause`` characters back).
    func segmentStart(before index: Int) -> Int {
        var i = min(index, chars.count)
        let limit = max(0, i - Self.maximumClause)
        while i > limit, !Self.clauseBreaks.contains(chars[i - 1]) { i -= 1 }
        return i
    }

    /// The end (exclusive) of the clause starting at or containing `start` (at most
    /// ``maximumClause`` characters on).
    func clauseEnd(from start: Int) -> Int {
        var i = max(start, 0)
        let limit = min(chars.count, i + Self.maximumClause)
        while i < limit, !Self.clauseBreaks.contains(chars[i]) { i += 1 }
        return i
    }

    func slice(_ range: Range<Int>) -> String {
        let lower = max(0, min(range.lowerBound, chars.count))
        let upper = max(lower, min(range.upperBound, chars.count))
        return String(chars[lower..<upper])
    }

    /// Whether the word at `index` is a condition (被吊销许可证的, 自吊销之日起) or negated
    /// (不予罚款, 免予罚款) rather than a measure imposed.
    func isConditionOrNegated(before index: Int) -> Bool {
        let start = segmentStart(before: index)
        if (max(start, index - 3)..<index).contains(where: { chars[$0] == "被" }) { return true }
        return ["不予", "免予", "免除", "不", "自", "已"].contains { has($0, endingAt: index) }
    }
}

/// Finds the fine clauses of a text (处3000元以上1万元以下的罚款, 并处货值金额五倍以上十倍以下
/// 罚款, 对其直接负责的主管人员……处二万元以上五万元以下的罚款) and reads their amounts.
enum FineClauseReader {
    struct Clause {
        var ranges: [AmountRange]
        var payer: FinePayer
    }

    static func clauses(in text: PenaltyText) -> [Clause] {
        var result: [Clause] = []
        var previousEnd = 0
        for index in text.occurrences(of: "罚款") where isImposed(at: index, in: text) {
            let segment = text.segmentStart(before: index)
            let start = max(segment, previousEnd)
            let verb = verbIndex(from: start, to: index, in: text)
            var ranges = AmountReader.ranges(in: text, from: verb.map { $0 + 1 } ?? start, to: index)
            if ranges.isEmpty {
                // 处罚款3000元: the amount after the word.
                var after = index + 2
                if text.has("人民币", at: after) { after += 3 }
                ranges = AmountReader.ranges(in: text, from: after, to: text.clauseEnd(from: after), leadingOnly: true)
            }
            result.append(Clause(ranges: ranges, payer: payer(of: segment, verb: verb ?? index, in: text)))
            previousEnd = index + 2
        }
        return result
    }

    /// Whom the clause at `segment` fines: named before its verb, or in a clause of its own
    /// just before it (对其直接负责的主管人员和其他直接责任人员，处……罚款).
    private static func payer(of segment: Int, verb: Int, in text: PenaltyText) -> FinePayer {
        if namesPersons(text.slice(segment..<verb)) { return .responsiblePersons }
        guard verb - segment <= 2, segment > 0 else { return .offender }
        let previous = text.segmentStart(before: segment - 1)
        let words = text.slice(previous..<(segment - 1))
        return words.hasPrefix("对") && namesPersons(words) ? .responsiblePersons : .offender
    }

    /// 罚款 as a measure imposed, not as a past event (受到罚款处罚) or negated (不予罚款).
    private static func isImposed(at index: Int, in text: PenaltyText) -> Bool {
        if text.has("处罚", at: index + 2) { return false }
        if text.isConditionOrNegated(before: index) { return false }
        let segment = text.segmentStart(before: index)
        return text.firstIndex(of: "受到", from: segment, to: index) == nil
    }

    /// The last 处 before `end` that imposes (处, 并处, 处以), not 处理, 处罚, 查处 ….
    private static func verbIndex(from start: Int, to end: Int, in text: PenaltyText) -> Int? {
        let notVerbAfter: Set<Character> = ["理", "罚", "分", "置", "所", "境", "于", "在", "方", "长", "室"]
        let notVerbBefore: Set<Character> = ["查", "惩", "判", "论", "办", "住", "出", "到", "各", "此", "何", "之"]
        var i = end - 1
        while i >= start {
            if text.chars[i] == "处",
                !(i + 1 < text.count && notVerbAfter.contains(text.chars[i + 1])),
                !(i > 0 && notVerbBefore.contains(text.chars[i - 1]))
            {
                return i
            }
            i -= 1
        }
        return nil
    }

    /// Whether `words` name the offender's responsible individuals.
    private static func namesPersons(_ words: String) -> Bool {
        ["主管人员", "直接责任人员", "主要负责人", "有关责任人员", "法定代表人"].contains(where: words.contains)
    }
}

/// Reads amounts (3000元, 3.5万元, 五万元, 一万五千元, 十倍) and the ranges they form
/// (…以上…以下, …以下, …以上, …至…) within part of a penalty text.
enum AmountReader {
    struct Amount {
        var value: Double
        var unit: String
        var start: Int
        var end: Int  // after the unit
    }

    /// Ranges within `start..<end`; with `leadingOnly`, only a range at the very start.
    static func ranges(in text: PenaltyText, from start: Int, to end: Int, leadingOnly: Bool = false) -> [AmountRange] {
        let lower = max(0, start)
        let upper = min(end, text.count)
        guard lower < upper else { return [] }
        let amounts = self.amounts(in: text, from: lower, to: upper)
        if leadingOnly, amounts.first?.start != lower { return [] }
        var result: [AmountRange] = []
        var k = 0
        while k < amounts.count {
            let a = amounts[k]
            let base = a.unit == "倍" ? multiplied(text.slice(lower..<a.start)) : nil
            var rangeEnd = a.end
            var range: (Double?, Double?) = (a.value, a.value)
            if let b = amounts[safe: k + 1], b.unit == a.unit, isJoin(text.slice(a.end..<b.start)) {
                range = (a.value, b.value)
                rangeEnd = text.has("以下", at: b.end) ? b.end + 2 : b.end
                k += 1
            } else if text.has("以下", at: a.end) {
                range = (nil, a.value)
                rangeEnd += 2
            } else if text.has("以上", at: a.end) {
                range = (a.value, nil)
                rangeEnd += 2
            }
            result.append(
                AmountRange(
                    lower: range.0, upper: range.1, unit: a.unit, of: base,
                    text: text.slice(a.start..<rangeEnd)))
            if leadingOnly { break }
            k += 1
        }
        return result
    }

    /// Between the two ends of a range.
    private static func isJoin(_ between: String) -> Bool {
        ["以上", "以上、", "以上,", "以上，", "以上至", "至", "到", "-", "—", "－", "~", "～", "–"].contains(between)
    }

    /// Every amount in `start..<end` with its unit (元 or 倍).
    static func amounts(in text: PenaltyText, from start: Int, to end: Int) -> [Amount] {
        var result: [Amount] = []
        var i = start
        while i < end {
            if text.has("等值", at: i), text.has("以上", at: i + 2) {
                // 货值金额等值以上三倍以下: 等值 is one time the base.
                result.append(Amount(value: 1, unit: "倍", start: i, end: i + 2))
                i += 2
                continue
            }
            guard isNumberStart(text.chars[i]), i == start || !continuesNumber(text.chars[i - 1]) else {
                i += 1
                continue
            }
            let (value, numberEnd) = number(in: text, at: i, limit: end)
            if let value, numberEnd < end, text.chars[numberEnd] == "元" || text.chars[numberEnd] == "倍" {
                result.append(Amount(value: value, unit: String(text.chars[numberEnd]), start: i, end: numberEnd + 1))
                i = numberEnd + 1
            } else {
                i = max(numberEnd, i + 1)
            }
        }
        return result
    }

    private static func isNumberStart(_ c: Character) -> Bool {
        (c.isASCII && c.isWholeNumber) || (ChineseNumeral.characters.contains(c) && c != "万" && c != "亿")
    }

    private static func continuesNumber(_ c: Character) -> Bool {
        (c.isASCII && c.isWholeNumber) || c == "." || ChineseNumeral.characters.contains(c)
    }

    /// The number at `index` (its value, or `nil` when it is not one or above
    /// ``AmountRange/maximumAmount``) and where it ends.
    private static func number(in text: PenaltyText, at index: Int, limit: Int) -> (Double?, Int) {
        var i = index
        let chars = text.chars
        if chars[i].isASCII {
            while i < limit, i - index <= ChineseNumeral.maximumLength,
                (chars[i].isASCII && chars[i].isWholeNumber)
                    || (chars[i] == "." && i + 1 < limit && chars[i + 1].isASCII && chars[i + 1].isWholeNumber)
            {
                i += 1
            }
            guard i - index <= ChineseNumeral.maximumLength, var value = Double(String(chars[index..<i])) else { return (nil, i) }
            if i < limit, chars[i] == "万" {
                value *= 10_000
                i += 1
            } else if i < limit, chars[i] == "千" {
                value *= 1_000
                i += 1
            }
            return (value.isFinite && value <= AmountRange.maximumAmount ? value : nil, i)
        }
        while i < limit, ChineseNumeral.characters.contains(chars[i]) { i += 1 }
        guard i - index <= ChineseNumeral.maximumLength, let value = ChineseNumeral.parse(String(chars[index..<i])) else {
            return (nil, i)
        }
        let amount = Double(value)
        return (amount <= AmountRange.maximumAmount ? amount : nil, i)
    }

    /// What a multiple is taken of, from the words before it: 违法所得, 货值金额, 广告费用 ….
    /// Variants name the same base (违法生产经营的食品货值金额 is 货值金额).
    static func multiplied(_ words: String) -> String? {
        var best: (word: String, end: String.Index)?
        for word in baseWords {
            guard let range = words.range(of: word, options: .backwards) else { continue }
            if best == nil || range.upperBound > best!.end { best = (word, range.upperBound) }
        }
        return best?.word
    }

    static let baseWords = [
        "违法所得", "货值金额", "广告费用", "违法经营额", "违法收入", "销售额", "销售金额", "营业额",
        "合同价款", "工程款", "税款", "价款", "违法生产", "违法经营",
    ]
}

/// Finds the provisions a penalty text says to apply: 依照本法第一百二十四条的规定处罚,
/// 依照本条例第X条第Y款规定处理, 依照第一款规定给予处罚, 依照前款规定给予处罚.
enum ReferenceReader {
    static func references(in text: PenaltyText) -> [PenaltyReference] {
        var result: [PenaltyReference] = []
        for verb in ["依照", "按照", "依据"] {
            for index in text.occurrences(of: verb) {
                let end = text.clauseEnd(from: index)
                guard let rule = text.firstIndex(of: "规定", from: index, to: end),
                    imposesPenalty(text.slice((rule + 2)..<end))
                else { continue }
                for reference in read(text, from: index + 2, to: rule) where !result.contains(reference) {
                    result.append(reference)
                }
            }
        }
        return result
    }

    /// After 规定: 处罚, 处理, 给予处罚, 予以处罚, 给予行政处罚 ….
    private static func imposesPenalty(_ words: String) -> Bool {
        ["处罚", "处理", "处"].contains {
            words.hasPrefix($0) || words.hasPrefix("的" + $0) || words.hasPrefix("给予" + $0) || words.hasPrefix("予以" + $0)
        }
            || words.hasPrefix("给予行政处罚")
    }

    /// The references between 依照 and 规定: 本法第X条、第Y条第Z款, 第一款, 前款.
    private static func read(_ text: PenaltyText, from start: Int, to end: Int) -> [PenaltyReference] {
        let words = FoldedText(text.slice(start..<end))
        if words.foldedText(0..<words.count).hasPrefix("前款") { return [.precedingParagraph] }
        var result: [PenaltyReference] = []
        var i = 0
        while i < words.count {
            guard words.has("第", at: i), let (number, numberEnd) = words.ordinal(at: i + 1) else {
                i += 1
                continue
            }
            if words.has("条", at: numberEnd) {
                var paragraph: Int?
                var next = numberEnd + 1
                if words.has("第", at: next), let (p, pEnd) = words.ordinal(at: next + 1), words.has("款", at: pEnd) {
                    paragraph = p
                    next = pEnd + 1
                }
                result.append(.article(number: number, paragraph: paragraph))
                i = next
            } else if words.has("款", at: numberEnd) {
                result.append(.paragraph(number: number))
                i = numberEnd + 1
            } else {
                i = numberEnd
            }
        }
        return result
    }
}

extension Array {
    fileprivate subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
