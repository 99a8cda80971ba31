import Foundation

/// The kinds of list the plan orders departments to compile, publish and file.
///
/// The raw value is the name the plan uses; ``aliases`` holds the other names people
/// use for the same list (免罚清单, 裁量基准 …), so any of them finds it.
public enum ListKind: String, CaseIterable, Codable, Sendable, CustomStringConvertible {
    case noPenalty = "不予处罚事项清单"
    case lighterPenalty = "从轻处罚事项清单"
    case reducedPenalty = "减轻处罚事项清单"
    case noCompulsion = "免予行政强制事项清单"
    case keySupervision = "重点监管事项清单"
    case discretionBenchmark = "行政处罚裁量权基准"
    case accountability = "追责情形清单"
    case exemption = "免责情形清单"
    case certification = "证明事项目录清单"
    case certificationCommitment = "证明事项告知承诺目录清单"
    case majorDecision = "重大执法决定目录清单"
    case comprehensiveEnforcement = "综合行政执法事项清单"

    /// The canonical name, as text shows the kind.
    public var description: String { rawValue }

    /// Other names for this kind of list, as departments and officers write them.
    public var aliases: [String] {
        switch self {
        case .noPenalty:
            return [
                "不予处罚清单", "免罚清单", "不罚清单", "轻微违法不予处罚清单", "轻微违法行为不予处罚清单",
                "轻微违法行为不予处罚事项清单", "首违不罚清单", "不予行政处罚事项清单", "no-penalty",
            ]
        case .lighterPenalty:
            return ["从轻处罚清单", "从轻清单", "从轻行政处罚事项清单", "lighter-penalty"]
        case .reducedPenalty:
            return ["减轻处罚清单", "减轻清单", "减轻行政处罚事项清单", "reduced-penalty"]
        case .noCompulsion:
            return [
                "免予行政强制清单", "免强制清单", "不予实施行政强制措施清单", "免予强制清单",
                "免予实施行政强制事项清单", "no-compulsion",
            ]
        case .keySupervision:
            return ["重点监管清单", "重点监管事项目录", "行业领域重点监管清单", "key-supervision"]
        case .discretionBenchmark:
            return [
                "裁量基准", "裁量权基准", "行政处罚裁量基准", "处罚裁量基准", "自由裁量基准",
                "行政处罚自由裁量基准", "行政处罚裁量权基准制度", "裁量标准", "处罚裁量标准", "处罚标准",
                "行政处罚裁量标准", "benchmark",
            ]
        case .accountability:
            return ["追责情形", "失职照单问责清单", "问责情形清单", "accountability"]
        case .exemption:
            return ["免责情形", "尽职照单免责清单", "免责清单", "exemption"]
        case .certification:
            return ["证明事项清单", "证明事项目录", "certification"]
        case .certificationCommitment:
            return ["告知承诺清单", "告知承诺目录清单", "证明事项告知承诺清单", "告知承诺制清单", "certification-commitment"]
        case .majorDecision:
            return ["重大执法决定目录", "重大执法决定清单", "重大行政执法决定目录清单", "法制审核目录清单", "major-decision"]
        case .comprehensiveEnforcement:
            return ["综合执法事项清单", "综合行政执法清单", "综合行政执法事项目录", "comprehensive-enforcement"]
        }
    }

    /// Whether items of this list carry discretion levels (轻微/一般/较重/严重).
    public var hasLevels: Bool { self == .discretionBenchmark }

    /// The kind called `name`: canonical name or alias, with or without 清单/事项/目录
    /// (不予处罚, 免罚, 从轻, 免予强制, 综合执法事项 …); full-width and spacing tolerated.
    public static func resolve(_ name: String) -> ListKind? {
        let key = normalize(name)
        guard !key.isEmpty, key.count <= 40 else { return nil }
        return lookup[key] ?? lookup[core(key)]
    }

    /// Every spelling that names a kind, longest first: the names and aliases, and their
    /// cores without 清单/事项/目录 (从轻, 不予处罚 …). For finding kinds inside a sentence.
    public static let spellings: [(spelling: String, kind: ListKind)] =
        lookup
        .map { (spelling: $0.key, kind: $0.value) }
        .filter { !$0.spelling.allSatisfy(\.isASCII) }
        .sorted { $0.spelling.count != $1.spelling.count ? $0.spelling.count > $1.spelling.count : $0.spelling < $1.spelling }

    /// Normalized spelling → kind, for names, aliases and their cores.
    private static let lookup: [String: ListKind] = {
        var table: [String: ListKind] = [:]
        for kind in allCases {
            for name in [kind.rawValue] + kind.aliases {
                let key = normalize(name)
                if table[key] == nil { table[key] = kind }
                let core = core(key)
                if core.count >= 2, table[core] == nil { table[core] = kind }
            }
        }
        return table
    }()

    /// `key` without the words that only say "a list": 清单, 目录, 事项 (事项 only when at
    /// least three characters remain, so 证明事项 keeps its meaning).
    public static func core(_ key: String) -> String {
        var core = key
        var changed = true
        while changed {
            changed = false
            for suffix in ["清单", "目录", "事项"] where core.hasSuffix(suffix) {
                let rest = String(core.dropLast(suffix.count))
                let minimum = suffix == "事项" ? 3 : 2
                if rest.count >= minimum {
                    core = rest
                    changed = true
                }
            }
        }
        return core
    }

    private static func normalize(_ name: String) -> String {
        String(
            name.precomposedStringWithCompatibilityMapping.unicodeScalars.filter {
                !$0.properties.isWhitespace && !"“”\"《》".unicodeScalars.contains($0)
            }
        ).lowercased()
    }
}
