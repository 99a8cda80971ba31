import LawCorpus

/// Decides what a question asks for, from its words and what the name recognisers found.
///
/// The words are those people use to ask (有哪些, 变化, 怎么规定, 引用, 什么时候, 哪些部门);
/// the names come from the index. Without a recognisable request, the question is a search.
public struct IntentRecogniser: Sendable {
    /// Words asking what changed.
    static let changes = [
        "变化", "调整", "修订", "修改", "改了", "变了", "改动", "变动", "更新", "新增", "删除",
        "删了", "增加了", "有何不同", "有什么不同", "区别",
    ]
    /// Words asking how two versions of a law differ (with a law named, no article).
    static let comparing = ["对照", "新旧", "修改了", "修订了", "修改的", "修订的", "改了", "变化", "区别", "不同", "修改", "修订", "变了"]
    /// Words asking what cites an article.
    static let citing = ["引用", "援引"]
    /// Words asking what rests on an article (with 事项/清单).
    static let resting = ["依据", "根据", "适用"]
    /// Words asking when, by themselves.
    static let when = ["什么时候", "何时", "截止", "哪天", "几号", "最晚", "最迟", "时限", "报送时间", "多久报"]
    /// Words asking when, only about the plan's obligations (a list, a report, a plan).
    static let whenWeak = ["期限", "时间", "日期"]
    /// Words naming the plan's obligations.
    static let obligations = ["报送", "公示", "备案", "清单", "方案", "上报", "报"]
    /// Words asking which departments.
    static let departments = ["哪些部门", "什么部门", "哪个部门", "部门有哪些", "哪些单位", "各部门", "所有部门"]
    /// Words asking what a list holds.
    static let listing = ["有哪些", "有什么", "是什么", "哪些", "清单", "事项", "目录", "内容", "列表"]

    /// Words asking who is late or what is left undone (督导): they name no list or law.
    static let compliance = [
        "逾期", "超期", "超时", "过期未", "迟报", "晚报", "漏报", "拖延", "按时", "准时", "如期", "按期", "没按", "未按",
        "未完成", "没完成", "没有完成", "尚未完成", "还没完成", "完成了吗", "完成没", "完成情况", "落实情况", "推进情况",
        "进展", "督导", "督办", "还没报", "没报", "未报", "没有报", "还没公示", "没公示", "未公示", "还没备案", "没备案",
        "未备案", "备案了吗", "公示了吗", "报送了吗", "报了吗", "交了吗",
    ]
    /// Words asking only about what is overdue (逾期未完成).
    static let overdueWords = ["逾期", "超期", "超时", "过期未", "迟报", "晚报", "拖延", "没按", "未按"]
    /// Words asking what is still open, due or not.
    static let openWords = [
        "未完成", "没完成", "没有完成", "尚未", "还没", "还有什么", "还有哪些", "没报", "未报", "没有报", "漏报",
        "没公示", "未公示", "没备案", "未备案", "待完成", "剩下",
    ]

    /// A recogniser.
    public init() {}

    /// The statuses a compliance question asks about: those overdue for 哪些部门逾期了 (but
    /// those done late for 逾期完成), those open for 还有什么没完成, none (every status) for
    /// 按时备案了吗.
    public func complianceStatuses(of question: Question) -> [ComplianceStatus] {
        if question.mentions(["逾期完成", "逾期后完成", "晚了几天"]) { return [.late] }
        if question.mentions(Self.overdueWords) { return [.overdue] }
        if question.mentions(Self.openWords) { return [.overdue, .notDue] }
        return []
    }

    /// What the question asks, given what was recognised in it.
    ///
    /// With `compliance` false (a public server, which keeps no record of who is late), no
    /// question is read as asking about compliance.
    public func intent(
        of question: Question, department: Bool, kind: KindRecogniser.Match?,
        citation: CitationRecogniser.Match?, compliance: Bool = true
    ) -> Intent {
        if compliance, citation == nil, question.mentions(Self.compliance) {
            return .compliance
        }
        if let citation, citation.article != nil {
            let citedBy =
                question.mentions(Self.citing)
                || question.mentions(Self.resting) && question.mentions(["事项", "清单"])
            return citedBy ? .citedBy : .article
        }
        if citation != nil, !department, kind == nil, question.mentions(Self.comparing) {
            return .compare
        }
        if question.mentions(Self.when)
            || question.mentions(Self.whenWeak) && (kind != nil || question.mentions(Self.obligations))
        {
            return .deadlines
        }
        if question.mentions(Self.changes) && (department || kind != nil || question.mentions(["清单"])) {
            return .changes
        }
        if question.mentions(Self.departments) && !department {
            return kind == nil ? .departments : .list
        }
        if department && kind != nil { return .list }
        if let kind, kind.explicit { return .list }
        if department && question.mentions(Self.listing) { return .list }
        return .search
    }
}

/// The words of a question left for full-text search once names, dates and the words of
/// asking are taken out: 当场处罚的罚款限额 → 当场处罚, 罚款限额.
public struct TermExtractor: Sendable {
    /// Words that only ask: they separate terms and are dropped.
    static let asking = [
        "什么时候", "何时", "截止时间", "截止日期", "说了什么", "哪些部门", "什么部门", "哪个部门", "部门有哪些",
        "各部门", "什么情况下", "什么情况", "在什么", "什么样", "有哪些", "是什么", "有什么", "怎么规定", "如何规定", "怎么办",
        "怎么", "怎样", "如何", "什么", "哪些", "哪个", "是否", "能否", "能不能", "可不可以", "可以", "应当", "需要",
        "过了多久", "多久", "多长时间", "请问", "一下", "规定了", "说了", "吗", "呢", "吧", "啊", "了", "的", "？", "?",
        "，", ",", "。", "、", "；", ";", "：", ":", "《", "》", "“", "”", "\"",
    ]

    /// A term extractor.
    public init() {}

    /// The search terms of the unclaimed parts of `question`, at most `limit`.
    public func terms(of question: Question, limit: Int = 8) -> [String] {
        var pieces = question.unclaimedRuns()
        for word in Self.asking {
            pieces = pieces.flatMap { $0.components(separatedBy: word) }
        }
        var seen = Set<String>()
        // One character alone (a stray 法 or 罚) matches too much to be a term.
        return pieces.filter { $0.count >= 2 && seen.insert($0).inserted }.prefix(limit).map { $0 }
    }
}
