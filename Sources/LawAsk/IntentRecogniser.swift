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

    /// A recogniser.
    public init() {}

    /// What the question asks, given what was recognised in it.
    public func intent(
        of question: Question, department: Bool, kind: KindRecogniser.Match?,
        citation: CitationRecogniser.Match?
    ) -> Intent {
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
