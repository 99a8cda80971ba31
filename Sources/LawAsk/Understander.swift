import LawCorpus
import LawQuery

/// Runs the recognisers over a question, in the order that keeps each word one thing:
/// citations and document names first (行政处罚法 holds no department), dates, departments,
/// kinds of list; then decides the intent and writes the readings.
struct Understander {
    let recognisers: Recognisers
    let today: CalendarDate
    /// Whether questions may be read as asking about compliance (not on a public server).
    var compliance = true

    func understand(_ text: String) -> Understanding {
        var question = Question(text)
        let citation = recognisers.citations.recognise(&question)
        let dates = DateRecogniser(today: today).recognise(&question)
        let department = recognisers.departments.recognise(&question)
        let beforeKind = question
        var kind = KindRecogniser().recognise(&question)
        let intent = IntentRecogniser().intent(
            of: question, department: department != nil, kind: kind,
            citation: citation, compliance: compliance)
        var terms = TermExtractor().terms(of: question)
        var listReading: Understood?
        if intent == .search, let found = kind, !found.explicit, department == nil {
            // 不予处罚, 不罚 alone are words of the law as much as names of lists: search them
            // as written, and offer the lists as the other reading.
            listReading = Understood(kind: found.kind.rawValue, asOf: dates?.asOf?.description)
            kind = nil
            terms = TermExtractor().terms(of: beforeKind)
        }
        var understood = Understood(
            department: department?.department.name, kind: kind?.kind.rawValue,
            document: citation?.document, version: citation?.version, article: citation?.article,
            paragraph: citation?.paragraph,
            asOf: dates?.asOf?.description, since: dates?.since?.description, until: dates?.until?.description)
        if intent == .compliance { understood.statuses = IntentRecogniser().complianceStatuses(of: question) }
        understood = Self.applying(intent, to: understood, terms: terms)
        let summary = Summary(note: dates?.note)
        let reading = Reading(intent: intent, understood: understood, summary: summary.line(intent, understood))

        var alternatives: [Reading] = []
        func add(_ intent: Intent, _ base: Understood) {
            let other = Self.applying(intent, to: base, terms: terms)
            let candidate = Reading(intent: intent, understood: other, summary: summary.line(intent, other))
            if candidate != reading && !alternatives.contains(candidate) { alternatives.append(candidate) }
        }
        var base = understood
        base.terms = nil
        for other in department?.alternatives ?? [] {
            var alternative = base
            alternative.department = other.name
            add(intent, alternative)
        }
        switch intent {
        case .article: add(.citedBy, base)
        case .citedBy: add(.article, base)
        case .search:
            if let listReading { add(.list, listReading) }
        case .deadlines, .list, .changes:
            if !terms.isEmpty { add(.search, base) }
        case .compliance: add(.deadlines, base)
        default: break
        }
        var topic = terms.joined(separator: " ")
        if let kind { topic += " " + kind.kind.rawValue }
        let request = SearchRequest(
            query: (understood.terms ?? terms).joined(separator: " "),
            kind: understood.department != nil || understood.kind != nil ? .list : nil,
            document: understood.document, department: understood.department,
            listKind: understood.kind.flatMap(ListKind.resolve),
            asOf: understood.asOf)
        return Understanding(
            question: text, reading: reading, alternatives: Array(alternatives.prefix(4)),
            topic: topic, searchRequest: request)
    }

    /// `understood` with the keys `intent` does not use set to `null`.
    static func applying(_ intent: Intent, to understood: Understood, terms: [String]) -> Understood {
        var result = understood
        switch intent {
        case .list:
            result.document = nil
            result.article = nil
            result.paragraph = nil
            if result.asOf == nil, let until = result.until { result.asOf = until }
            result.since = nil
            result.until = nil
            result.terms = nil
        case .changes:
            result.document = nil
            result.article = nil
            result.paragraph = nil
            result.terms = nil
            if result.since == nil, let day = result.asOf { result.since = day }
            result.asOf = nil
        case .compare:
            result = Understood(document: understood.document, version: understood.version)
        case .article:
            result.department = nil
            result.kind = nil
            result.asOf = nil
            result.since = nil
            result.until = nil
            result.terms = nil
        case .citedBy:
            result.department = nil
            result.kind = nil
            result.paragraph = nil
            result.since = nil
            result.until = nil
            result.terms = nil
        case .deadlines:
            result = Understood(since: understood.since, until: understood.until)
        case .departments:
            result = Understood()
        case .compliance:
            result = Understood(
                department: understood.department, asOf: understood.asOf ?? understood.until,
                statuses: understood.statuses ?? [])
        case .search:
            result.article = nil
            result.paragraph = nil
            result.since = nil
            result.until = nil
            var words = terms
            if words.isEmpty, let kind = understood.kind, understood.department == nil {
                words = [ListKind.core(kind)]
                result.kind = nil
            }
            result.terms = words
        }
        return result
    }
}

/// The `理解为：…` line of a reading.
struct Summary {
    /// How a relative date was read (最近 → 近 12 个月), said once in the line.
    let note: String?

    func line(_ intent: Intent, _ understood: Understood) -> String {
        var parts: [String] = []
        let article = understood.article.map { "第\(ChineseNumeralFormatter.format($0))条" }
        let paragraph = understood.paragraph.map { "第\(ChineseNumeralFormatter.format($0))款" } ?? ""
        switch intent {
        case .list:
            parts.append(understood.department ?? "各部门")
            parts.append(understood.kind ?? "清单")
            parts.append(understood.asOf.map { "\($0) 施行的版本" } ?? "现行版本")
        case .changes:
            parts.append(understood.department ?? "各部门")
            parts.append(understood.kind ?? "全部清单")
            parts.append(period(understood) ?? "各版本之间的变化")
        case .article:
            parts.append((understood.document ?? "") + version(understood))
            parts.append((article ?? "") + paragraph)
        case .compare:
            let version = understood.version.flatMap { $0 == CitationRecogniser.previousVersion ? nil : $0 }
            parts.append("\(understood.document ?? "")新旧对照：" + (version.map { "\($0)年版本" } ?? "上一版本与现行版本"))
        case .citedBy:
            parts.append("引用\(understood.document ?? "")\(article ?? "")的清单事项和条文")
            if let day = understood.asOf { parts.append("\(day) 施行的清单版本") }
        case .deadlines:
            parts.append("方案的时间节点（与问题有关的在前）")
            if let period = period(understood) { parts.append(period) }
        case .departments:
            parts.append("部门和苏木镇")
        case .compliance:
            parts.append("督导：" + (understood.department ?? "各部门"))
            parts.append(Self.statuses(understood.statuses ?? []))
            parts.append(understood.asOf.map { "截至 \($0)" } ?? "截至今日")
        case .search:
            parts.append("全文检索“\((understood.terms ?? []).joined(separator: " "))”")
            if let document = understood.document { parts.append(document) }
            if let department = understood.department { parts.append(department) }
            if let kind = understood.kind { parts.append(kind) }
            if let day = understood.asOf { parts.append("\(day) 施行的清单版本") }
        }
        return parts.filter { !$0.isEmpty }.joined(separator: " · ")
    }

    /// The obligations asked about: `逾期未完成的义务`, `逾期未完成、未到期的义务`, `各项义务的完成情况`.
    static func statuses(_ statuses: [ComplianceStatus]) -> String {
        statuses.isEmpty ? "各项义务的完成情况" : statuses.map(\.chineseName).joined(separator: "、") + "的义务"
    }

    /// `（2017年版本）`, `（上一版本）`, or nothing.
    private func version(_ understood: Understood) -> String {
        guard let version = understood.version else { return "" }
        return version == CitationRecogniser.previousVersion ? "（上一版本）" : "（\(version)年版本）"
    }

    private func period(_ understood: Understood) -> String? {
        let range: String?
        switch (understood.since, understood.until) {
        case (let since?, let until?): range = "\(since) 至 \(until)"
        case (let since?, nil): range = "\(since) 以来"
        case (nil, let until?): range = "\(until) 以前"
        case (nil, nil): range = nil
        }
        guard let range else { return nil }
        return note.map { "\($0)" } ?? range
    }
}
