import Foundation

/// How one benchmark level compares with what its statute provides: the check a justice bureau
/// makes when a department files a 裁量基准, since a benchmark may only narrow the discretion
/// the law gives (限定裁量权), never widen it.
///
/// A level fine is within the law when a statutory fine of the same unit (元, or 倍 of the same
/// base) and the same payer contains it; 以上 and 以下 include the number itself, an open lower
/// end is 0 and an open upper end unbounded. A measure the provision does not provide for is
/// flagged. A fine that cannot be compared (a 元 amount where the statute sets only multiples of
/// 违法所得) is reported as such, not as wrong.
public struct LevelCheck: Codable, Sendable, Equatable {
    /// One thing found about a level.
    public enum Finding: Sendable, Equatable {
        /// The level's fine lies outside every statutory range it could fall under (超出法定幅度).
        case fineOutsideRange(AmountRange, allowed: [AmountRange])
        /// The level imposes a kind of penalty the provision does not provide for.
        case sanctionNotProvided(SanctionKind)
        /// The level's fine has no statutory range of its unit and base to be compared with.
        case fineNotComparable(AmountRange, statutory: [AmountRange])
        /// The provision sets no penalty itself but applies other articles, not followed here.
        case penaltyElsewhere([PenaltyReference])

        /// A stable name for JSON and scripts.
        public var code: String {
            switch self {
            case .fineOutsideRange: "fine_outside_range"
            case .sanctionNotProvided: "sanction_not_provided"
            case .fineNotComparable: "fine_not_comparable"
            case .penaltyElsewhere: "penalty_elsewhere"
            }
        }

        /// Whether the finding says the level goes beyond the law.
        public var isViolation: Bool {
            switch self {
            case .fineOutsideRange, .sanctionNotProvided: true
            case .fineNotComparable, .penaltyElsewhere: false
            }
        }

        /// The finding in Chinese, for pages and the command line.
        public var chineseDescription: String {
            switch self {
            case .fineOutsideRange(let range, let allowed):
                "罚款 \(range)超出法定幅度（\(Self.list(allowed))）"
            case .sanctionNotProvided(let kind):
                "法条未规定“\(kind.rawValue)”"
            case .fineNotComparable(let range, let statutory):
                statutory.isEmpty
                    ? "罚款 \(range)无法核对：法条未规定罚款数额"
                    : "罚款 \(range)无法与法定幅度比较（法条规定：\(Self.list(statutory))）"
            case .penaltyElsewhere(let references):
                "法条未直接规定处罚，而是援引\(references.map(Self.describe).joined(separator: "、"))"
            }
        }

        private static func list(_ ranges: [AmountRange]) -> String {
            ranges.map(\.description).joined(separator: "；")
        }

        private static func describe(_ reference: PenaltyReference) -> String {
            switch reference {
            case .article(let article, nil): "第\(article)条"
            case .article(let article, let paragraph?): "第\(article)条第\(paragraph)款"
            case .paragraph(let paragraph): "第\(paragraph)款"
            case .precedingParagraph: "前款"
            }
        }
    }

    /// 裁量阶次 of the level checked.
    public var level: String
    /// What was found, in the order checked: measures first, then fines.
    public var findings: [Finding]

    /// Creates a check result.
    public init(level: String, findings: [Finding]) {
        self.level = level
        self.findings = findings
    }

    /// Whether the level stays within the law: no fine outside the range, no measure the
    /// provision lacks. Fines that cannot be compared do not count against it.
    public var isWithinLaw: Bool { !findings.contains(where: \.isViolation) }

    /// Compares `level`'s 处罚标准 with `statute`. The level's own amounts are read from its fine
    /// clauses (not ``BenchmarkLevel/amounts``, which also holds amounts of conditions).
    public static func check(_ level: BenchmarkLevel, against statute: StatutoryPenalty) -> LevelCheck {
        let measured = StatutoryPenalty.read(level.penalty ?? "")
        if statute.sanctions.isEmpty, !statute.references.isEmpty, !measured.sanctions.isEmpty {
            return LevelCheck(level: level.level, findings: [.penaltyElsewhere(statute.references)])
        }
        var findings: [Finding] = SanctionKind.allCases
            .filter { measured.sanctions.contains($0) && !statute.sanctions.contains($0) }
            .map(Finding.sanctionNotProvided)
        if measured.hasFine, statute.hasFine {
            findings += fineFindings(measured.fines, against: statute.fines, else: statute.responsiblePersonFines)
            findings += fineFindings(measured.responsiblePersonFines, against: statute.responsiblePersonFines, else: statute.fines)
        }
        return LevelCheck(level: level.level, findings: findings)
    }

    /// Findings for the level's fines of one payer against the statute's fines of the same
    /// payer (or, when the statute fines only the other payer, against those).
    private static func fineFindings(
        _ ranges: [AmountRange], against statutory: [AmountRange],
        else other: [AmountRange]
    ) -> [Finding] {
        let allowed = statutory.isEmpty ? other : statutory
        return ranges.compactMap { range in
            let comparable = allowed.filter { $0.unit == range.unit && $0.of == range.of }
            if comparable.isEmpty { return .fineNotComparable(range, statutory: allowed) }
            if comparable.contains(where: { contains($0, range) }) { return nil }
            return .fineOutsideRange(range, allowed: comparable)
        }
    }

    /// Whether `outer` holds all of `inner`: open lower ends are 0, open upper ends unbounded.
    static func contains(_ outer: AmountRange, _ inner: AmountRange) -> Bool {
        let lowerOK = (inner.lower ?? 0) >= (outer.lower ?? 0)
        let upperOK: Bool
        switch (outer.upper, inner.upper) {
        case (nil, _): upperOK = true
        case (_?, nil): upperOK = false
        case (let outerUpper?, let innerUpper?): upperOK = innerUpper <= outerUpper
        }
        return lowerOK && upperOK
    }
}

extension LevelCheck.Finding: Codable {
    private enum CodingKeys: String, CodingKey {
        case code, description, amount, allowed, statutory, sanction, references
    }

    /// Encodes as `{"code": "fine_outside_range", "amount": …, "allowed": […], "description": "…"}`.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(chineseDescription, forKey: .description)
        switch self {
        case .fineOutsideRange(let range, let allowed):
            try container.encode(range, forKey: .amount)
            try container.encode(allowed, forKey: .allowed)
        case .sanctionNotProvided(let kind):
            try container.encode(kind, forKey: .sanction)
        case .fineNotComparable(let range, let statutory):
            try container.encode(range, forKey: .amount)
            try container.encode(statutory, forKey: .statutory)
        case .penaltyElsewhere(let references):
            try container.encode(references, forKey: .references)
        }
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let code = try container.decode(String.self, forKey: .code)
        switch code {
        case "fine_outside_range":
            self = .fineOutsideRange(
                try container.decode(AmountRange.self, forKey: .amount),
                allowed: try container.decode([AmountRange].self, forKey: .allowed))
        case "sanction_not_provided":
            self = .sanctionNotProvided(try container.decode(SanctionKind.self, forKey: .sanction))
        case "fine_not_comparable":
            self = .fineNotComparable(
                try container.decode(AmountRange.self, forKey: .amount),
                statutory: try container.decode([AmountRange].self, forKey: .statutory))
        case "penalty_elsewhere":
            self = .penaltyElsewhere(try container.decode([PenaltyReference].self, forKey: .references))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .code, in: container,
                debugDescription: "未知的核对结果代码：\(code)")
        }
    }
}

extension LevelCheck.Finding: CustomStringConvertible {
    /// The Chinese description (``chineseDescription``).
    public var description: String { chineseDescription }
}
