import LawCorpus

extension ListKind {
    /// The short ASCII code in generated item ids (`SCJG-BYCF-001`): the pinyin initials of
    /// the list's name, as the corpus's sample lists use them.
    public var idCode: String {
        switch self {
        case .noPenalty: return "BYCF"  // 不予处罚
        case .lighterPenalty: return "CQCF"  // 从轻处罚
        case .reducedPenalty: return "JQCF"  // 减轻处罚
        case .noCompulsion: return "MYQZ"  // 免予强制
        case .keySupervision: return "ZDJG"  // 重点监管
        case .discretionBenchmark: return "CLJZ"  // 裁量基准
        case .accountability: return "ZZQX"  // 追责情形
        case .exemption: return "MZQX"  // 免责情形
        case .certification: return "ZMSX"  // 证明事项
        case .certificationCommitment: return "GZCN"  // 告知承诺
        case .majorDecision: return "ZDJD"  // 重大决定
        case .comprehensiveEnforcement: return "ZHZF"  // 综合执法
        }
    }
}
