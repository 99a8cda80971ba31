import Foundation

/// The kinds of administrative penalty that 行政处罚法 (2021) 第九条 lists, each recognised in
/// the forms statutes and benchmarks write it (吊销营业执照 is 吊销许可证件, 责令停业整顿 is
/// 责令停产停业 …), so a benchmark level's measures can be checked against its article.
///
/// Corrective orders are not penalties (行政处罚法 第二十八条) and are not kinds: 责令改正,
/// 责令限期改正, 责令停止违法行为, and the orders to stop the unlawful activity itself
/// (责令停止经营, 责令停止销售, 责令停止使用, 责令停止发布广告).
public enum SanctionKind: String, Codable, Sendable, CaseIterable {
    case warning = "警告"
    case circulatedCriticism = "通报批评"
    case fine = "罚款"
    case confiscateIllegalGains = "没收违法所得"
    case confiscateIllegalProperty = "没收非法财物"
    case suspendLicence = "暂扣许可证件"
    case lowerQualification = "降低资质等级"
    case revokeLicence = "吊销许可证件"
    case restrictActivities = "限制开展生产经营活动"
    case suspendBusiness = "责令停产停业"
    case closeDown = "责令关闭"
    case restrictEmployment = "限制从业"
    case detention = "行政拘留"

    /// Every kind named in `text`. A kind written as a condition (被吊销许可证的) or negated
    /// (不予罚款, 免予处罚) is not named. Only the first ``StatutoryPenalty/maximumLength``
    /// characters are read.
    public static func named(in text: String) -> Set<SanctionKind> {
        named(in: PenaltyText(text))
    }

    static func named(in text: PenaltyText) -> Set<SanctionKind> {
        var kinds = Set<SanctionKind>()
        for (word, kind) in words {
            for index in text.occurrences(of: word) where !text.isConditionOrNegated(before: index) {
                if accepts(kind: kind, word: word, at: index, in: text) {
                    kinds.insert(kind)
                    break
                }
            }
        }
        if !FineClauseReader.clauses(in: text).isEmpty { kinds.insert(.fine) }
        kinds.formUnion(ConfiscationReader.kinds(in: text))
        return kinds
    }

    /// Words that name a kind, as statutes and benchmarks write them. 罚款 and 没收 need their
    /// clause read and are handled apart.
    private static let words: [(String, SanctionKind)] = [
        ("警告", .warning), ("通报批评", .circulatedCriticism),
        ("暂扣", .suspendLicence), ("降低资质", .lowerQualification), ("吊销", .revokeLicence),
        ("限制开展生产经营活动", .restrictActivities), ("限制生产", .restrictActivities), ("限制经营", .restrictActivities),
        ("停产停业", .suspendBusiness), ("停业整顿", .suspendBusiness), ("停产整顿", .suspendBusiness),
        ("停产整治", .suspendBusiness), ("责令停业", .suspendBusiness), ("责令停产", .suspendBusiness),
        ("关闭", .closeDown),
        ("不得从事", .restrictEmployment), ("禁止从事", .restrictEmployment), ("不得担任", .restrictEmployment),
        ("禁止从业", .restrictEmployment), ("限制从业", .restrictEmployment),
        ("拘留", .detention),
    ]

    /// Context a word needs to name its kind: 警告 is not 警告标志; 关闭 is a penalty only when
    /// ordered (责令停业、关闭, 予以关闭), not the conduct 擅自关闭; 拘留 is not 刑事拘留.
    private static func accepts(kind: SanctionKind, word: String, at index: Int, in text: PenaltyText) -> Bool {
        switch kind {
        case .warning:
            return !["标志", "标识", "牌"].contains { text.has($0, at: index + word.count) }
        case .closeDown:
            if text.has("擅自", endingAt: index) { return false }
            if text.has("予以", endingAt: index) || text.has("责令", endingAt: index) { return true }
            let start = text.segmentStart(before: index)
            return text.firstIndex(of: "责令", from: start, to: index) != nil
        case .detention:
            return !text.has("刑事", endingAt: index)
        default:
            return true
        }
    }
}

/// Reads what a 没收 clause takes: 违法所得 (and 违法收入, 广告费用) is 没收违法所得; anything
/// else listed (违法生产经营的食品, 工具、设备, 假冒伪劣配件, 非法财物) is 没收非法财物.
enum ConfiscationReader {
    static func kinds(in text: PenaltyText) -> Set<SanctionKind> {
        var kinds = Set<SanctionKind>()
        for index in text.occurrences(of: "没收") where !text.isConditionOrNegated(before: index) {
            let start = index + 2
            let end = text.clauseEnd(from: start)
            var objects = text.slice(start..<end)
            for gains in ["违法所得", "违法收入", "广告费用"] where objects.contains(gains) {
                kinds.insert(.confiscateIllegalGains)
                objects = objects.replacingOccurrences(of: gains, with: "")
            }
            let filler: Set<Character> = ["和", "及", "以", "或", "者", "与", "其", "等", "、", "的", "并", "可", " "]
            if objects.contains(where: { !filler.contains($0) }) { kinds.insert(.confiscateIllegalProperty) }
        }
        return kinds
    }
}
