/// Finds the deadlines in a plan's paragraphs.
///
/// Each paragraph is split into sentences on `。；;`. In each sentence it finds time expressions:
/// absolute (`2022年10月底前`, `11月10日前`, `2022年5月15日前`), recurring (`每月25日前`,
/// `每年2月底之前`) and relative (`动态调整后10个工作日内`, `开展单项联合执法工作前向…报送`),
/// and for each one the responsible body (the sentence's subject, else the last one named in the
/// measure), the task (the clauses after the expression, up to the next expression), and the
/// office reported to (`向司法局报送`, `报旗司法局备案`, `报送至旗司法局`, `向旗委依法治旗办申报`).
struct DeadlineExtractor {
    /// The plan's year, for dates written without one.
    let year: Int

    /// Words that end the subject of a clause: `各行政执法部门|于…`, `…局|要…`.
    static let subjectTerminators = [
        "于", "要", "应当", "应该", "务必", "必须", "在", "将", "每月", "每年", "每季度",
        "需", "除", "根据", "按照", "开展", "可以", "负责", "向", "通过", "会同", "以",
    ]
    /// How names of bodies that act or receive reports end.
    static let agencySuffixes = [
        "部门", "单位", "机关", "局", "办", "政府", "委员会", "委", "中心", "人员", "小组",
        "党组", "院", "所", "站", "队", "科", "股", "处", "室",
    ]
    /// Verbs that name the event a relative deadline counts from (longest match wins).
    static let eventVerbs = [
        "动态调整", "完成", "下发", "印发", "发布", "公布", "收到", "作出", "开展", "结束",
        "调整", "召开", "实施", "启动", "举办", "批准", "送达", "立案", "受理",
    ]
    /// Verbs of reporting after `向X`.
    static let reportVerbs = ["申报", "报送", "报告", "提交", "报备", "备案", "汇报", "报"]

    /// A time expression found in a sentence.
    struct TimeExpression {
        var range: Range<Int>
        var kind: DeadlineKind
        var due: CalendarDate?
    }

    func deadlines(in paragraphs: [PlanParagraph]) -> [Deadline] {
        var result: [Deadline] = []
        var subject: String?
        var lastMeasure: String?
        for paragraph in paragraphs {
            if paragraph.measure != lastMeasure {
                subject = nil
                lastMeasure = paragraph.measure
            }
            for sentence in Self.sentences(of: paragraph.text) {
                result += deadlines(in: sentence, paragraph: paragraph, subject: &subject)
            }
        }
        return result
    }

    /// Splits on 。；; keeping quoted text together.
    static func sentences(of text: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        var quote = 0
        for c in text {
            if c == "“" { quote += 1 } else if c == "”" { quote = max(0, quote - 1) }
            if quote == 0 && "。；;".contains(c) {
                if !TextSupport.trim(current).isEmpty { sentences.append(current) }
                current = ""
            } else {
                current.append(c)
            }
        }
        if !TextSupport.trim(current).isEmpty { sentences.append(current) }
        return sentences
    }

    private func deadlines(in sentence: String, paragraph: PlanParagraph, subject: inout String?) -> [Deadline] {
        var body = TextSupport.trim(sentence)
        for prefix in ["进度安排：", "进度安排:"] where body.hasPrefix(prefix) {
            body = String(body.dropFirst(prefix.count))
        }
        let t = FoldedText(body)
        let clauses = Self.clauses(in: t)
        let expressions = timeExpressions(in: t)

        // The subject of each clause, if it names one, and the nearest named up to each clause.
        let clauseSubjects: [String?] = clauses.map { Self.subject(of: t.text($0)) }
        var nearestSubjects: [String?] = []
        for named in clauseSubjects { nearestSubjects.append(named ?? nearestSubjects.last ?? nil) }
        var deadlines: [Deadline] = []
        for (n, expression) in expressions.enumerated() {
            let clauseIndex = Self.clauseIndex(in: clauses, containing: expression.range.lowerBound) ?? 0
            // Responsible: the nearest subject in this sentence up to the expression's clause,
            // else the one carried from earlier sentences of the measure.
            let responsible = nearestSubjects[clauseIndex] ?? subject
            // The task runs from the expression to the clause of the next expression.
            var segmentEnd = t.count
            if n + 1 < expressions.count {
                let next = expressions[n + 1].range.lowerBound
                let nextClause = Self.clauseIndex(in: clauses, containing: next).map { clauses[$0] }
                segmentEnd = max(expression.range.upperBound, min(next, nextClause?.lowerBound ?? next))
            }
            let after = expression.range.upperBound..<segmentEnd
            // The office may also be named just before the expression, in the same clause.
            let before = max(clauses[clauseIndex].lowerBound, expression.range.lowerBound - Self.maximumEventDistance)
            let reportTo = Self.reportTo(in: t, after) ?? Self.reportTo(in: t, before..<expression.range.lowerBound)
            var task = Self.task(from: t.text(after))
            if task.isEmpty {
                // The clause around the expression; in a clause of pages, only its neighbourhood.
                let clause = clauses[clauseIndex]
                let start = max(clause.lowerBound, expression.range.lowerBound - Self.maximumEventDistance)
                let end = min(clause.upperBound, expression.range.upperBound + Self.maximumEventDistance)
                task = TextSupport.trim(t.text(start..<max(start, end)))
            }
            deadlines.append(
                Deadline(
                    measure: paragraph.measure, task: task, responsible: responsible,
                    due: expression.due, rule: t.text(expression.range), kind: expression.kind,
                    reportTo: reportTo, line: paragraph.line))
        }
        if let last = nearestSubjects.last ?? nil { subject = last }
        return deadlines
    }

    // MARK: - Time expressions

    func timeExpressions(in t: FoldedText) -> [TimeExpression] {
        var fixed: [TimeExpression] = []  // in order, not overlapping
        var i = 0
        while i < t.count {
            if let e = recurring(in: t, at: i) ?? absolute(in: t, at: i) {
                fixed.append(e)
                i = e.range.upperBound
            } else {
                i += 1
            }
        }
        // Relative: …后N个工作日内, …前向/报/将… — unless inside or across a fixed expression or
        // an earlier relative one. Each later relative one ends further on, so an overlap with
        // an earlier one shows in the furthest end reached so far.
        var relatives: [TimeExpression] = []
        var furthestRelativeEnd = 0
        var next = 0  // the first fixed expression not wholly before `i`
        for i in 0..<t.count where t.folded[i] == "后" || t.folded[i] == "前" {
            while next < fixed.count, fixed[next].range.upperBound <= i { next += 1 }
            if next < fixed.count, fixed[next].range.contains(i) { continue }
            guard let e = relative(in: t, at: i), e.range.lowerBound >= furthestRelativeEnd,
                !Self.overlapsAny(e.range, sorted: fixed)
            else { continue }
            relatives.append(e)
            furthestRelativeEnd = max(furthestRelativeEnd, e.range.upperBound)
        }
        return (fixed + relatives).sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// Whether `range` overlaps one of `sorted`, expressions in order that do not overlap.
    private static func overlapsAny(_ range: Range<Int>, sorted: [TimeExpression]) -> Bool {
        // The first expression ending after `range` starts is the only one that can overlap it.
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle].range.upperBound <= range.lowerBound { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count && sorted[low].range.overlaps(range)
    }

    /// The index of the clause holding character `index` (clauses are in order and contiguous).
    static func clauseIndex(in clauses: [Range<Int>], containing index: Int) -> Int? {
        var low = 0
        var high = clauses.count
        while low < high {
            let middle = (low + high) / 2
            if clauses[middle].upperBound <= index { low = middle + 1 } else { high = middle }
        }
        return low < clauses.count && clauses[low].contains(index) ? low : nil
    }

    /// 前 / 之前 / 以前 at `index`; returns the end.
    private func before(in t: FoldedText, at index: Int) -> Int? {
        for word in ["之前", "以前", "前"] where t.has(word, at: index) { return index + word.count }
        return nil
    }

    private func startsNumber(_ t: FoldedText, _ i: Int) -> Bool {
        i < t.count && TextSupport.isNumeral(t.folded[i]) && (i == 0 || !TextSupport.isNumeral(t.folded[i - 1]))
    }

    /// 每月25日前, 每年2月底之前, 每年3月15日前, 每月底前.
    private func recurring(in t: FoldedText, at i: Int) -> TimeExpression? {
        guard t.has("每", at: i) else { return nil }
        var j = i + 1
        if t.has("月", at: j) {
            j += 1
            if t.has("底", at: j) || t.has("末", at: j) {
                j += 1
            } else if let (day, e) = t.numeral(at: j), (1...31).contains(day), t.has("日", at: e) {
                j = e + 1
            } else {
                return nil
            }
        } else if t.has("年", at: j) || t.has("季度", at: j) {
            j += t.has("年", at: j) ? 1 : 2
            guard let (month, e) = t.numeral(at: j), (1...12).contains(month), t.has("月", at: e) else { return nil }
            j = e + 1
            if t.has("底", at: j) || t.has("末", at: j) {
                j += 1
            } else if let (day, e2) = t.numeral(at: j), (1...31).contains(day), t.has("日", at: e2) {
                j = e2 + 1
            } else {
                return nil
            }
        } else {
            return nil
        }
        guard let end = before(in: t, at: j) else { return nil }
        return TimeExpression(range: i..<end, kind: .recurring, due: nil)
    }

    /// 2022年10月底前, 2022年5月15日前, 11月10日前, 10月底前, 2022年底前.
    private func absolute(in t: FoldedText, at i: Int) -> TimeExpression? {
        guard startsNumber(t, i), let (first, e1) = t.numeral(at: i) else { return nil }
        var year = self.year
        var j = e1
        var month: Int
        if t.has("年", at: j), CalendarDate.parsedYears.contains(first) {
            year = first
            j += 1
            if t.has("底", at: j) || t.has("末", at: j), let end = before(in: t, at: j + 1) {
                return TimeExpression(
                    range: i..<end, kind: .absolute,
                    due: CalendarDate(year: year, month: 12, day: 31))
            }
            guard let (m, e2) = t.numeral(at: j), t.has("月", at: e2) else { return nil }
            month = m
            j = e2 + 1
        } else if t.has("月", at: j) {
            month = first
            j += 1
        } else {
            return nil
        }
        guard (1...12).contains(month) else { return nil }
        let due: CalendarDate?
        if t.has("底", at: j) || t.has("末", at: j) {
            due = CalendarDate.endOfMonth(year: year, month: month)
            j += 1
        } else if let (day, e3) = t.numeral(at: j), t.has("日", at: e3) {
            due = CalendarDate(year: year, month: month, day: day)
            j = e3 + 1
        } else {
            return nil
        }
        guard let due, let end = before(in: t, at: j) else { return nil }
        return TimeExpression(range: i..<end, kind: .absolute, due: due)
    }

    /// How far back from 后/前 the event's verb is looked for, in characters: a clause names
    /// its event close by, and a bound keeps a long text without commas linear.
    static let maximumEventDistance = 100

    /// `动态调整后10个工作日内` (at 后) and `开展单项联合执法工作前` followed by 向/报/将 (at 前).
    private func relative(in t: FoldedText, at i: Int) -> TimeExpression? {
        var end: Int
        if t.folded[i] == "后" {
            var j = i + 1
            guard let (_, e) = t.numeral(at: j) else { return nil }
            j = e
            if t.has("个", at: j) { j += 1 }
            guard let unit = ["工作日", "自然日", "日", "天", "个月", "月", "周"].first(where: { t.has($0, at: j) }) else {
                return nil
            }
            j += unit.count
            guard t.has("内", at: j) || t.has("以内", at: j) else { return nil }
            end = j + (t.has("内", at: j) ? 1 : 2)
        } else {
            guard i + 1 < t.count, "向报将".contains(t.folded[i + 1]), i > 0, t.original[i - 1] != "，",
                t.original[i - 1] != ",", !"日底末月年之以".contains(t.folded[i - 1])
            else { return nil }
            end = i + 1
        }
        let clauseStart = max(Self.clauseStart(in: t, before: i), i - Self.maximumEventDistance)
        // The event: from the verb nearest the 后/前 (longest verb when several end together).
        var best: (start: Int, end: Int)?
        for verb in Self.eventVerbs {
            var k = i - verb.count
            while k >= clauseStart {
                if t.has(verb, at: k) {
                    let candidate = (k, k + verb.count)
                    if best == nil || candidate.1 > best!.end
                        || (candidate.1 == best!.end && candidate.0 < best!.start)
                    {
                        best = candidate
                    }
                    break
                }
                k -= 1
            }
        }
        guard let best else { return nil }
        return TimeExpression(range: best.start..<end, kind: .relative, due: nil)
    }

    // MARK: - Clauses, subjects, tasks, recipients

    /// Clause ranges, split on commas (outside quotes), covering the whole sentence.
    static func clauses(in t: FoldedText) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        var quote = 0
        for i in 0..<t.count {
            let c = t.original[i]
            if c == "“" { quote += 1 } else if c == "”" { quote = max(0, quote - 1) }
            if quote == 0 && (c == "，" || c == ",") {
                result.append(start..<(i + 1))
                start = i + 1
            }
        }
        result.append(start..<max(start, t.count))
        return result
    }

    /// Where the clause holding `index` starts, looking back at most ``maximumEventDistance``
    /// characters (the start of that window when no comma is found in it).
    static func clauseStart(in t: FoldedText, before index: Int) -> Int {
        let limit = max(0, index - maximumEventDistance)
        var k = index - 1
        while k >= limit, t.original[k] != "，", t.original[k] != "," { k -= 1 }
        return k + 1
    }

    /// The body named at the start of a clause: `各行政执法部门`, `本级市场监管领域相关部门`.
    static func subject(of clause: String) -> String? {
        var text = TextSupport.trim(clause)
        for lead in ["今后", "同时", "另外", "此外"] where text.hasPrefix(lead) { text = String(text.dropFirst(lead.count)) }
        let t = FoldedText(text)
        var end = t.count
        for word in subjectTerminators {
            if let k = t.firstIndex(of: word, from: 1), k < end { end = k }
        }
        let candidate = TextSupport.trim(t.text(0..<end))
        guard candidate.count >= 2, candidate.count <= 20,
            !candidate.contains("，"), !candidate.contains("“"),
            agencySuffixes.contains(where: { candidate.hasSuffix($0) })
        else { return nil }
        return candidate
    }

    /// The longest stretch between 向/报 and the verb that may name an office: an office's name
    /// is at most 15 characters (see `agency`), spaces aside.
    static let maximumAgencyDistance = 40

    /// The office reported to in `range`: 向X报送/申报/备案, 报送至X, 报X备案.
    static func reportTo(in t: FoldedText, _ range: Range<Int>) -> String? {
        var i = range.lowerBound
        while i < range.upperBound {
            let window = min(range.upperBound, i + maximumAgencyDistance)
            if t.has("向", at: i) {
                // X up to the first reporting verb.
                var best: Int?
                for verb in reportVerbs {
                    let limit = min(range.upperBound, window + verb.count)
                    if let k = t.firstIndex(of: verb, from: i + 1, to: limit), best == nil || k < best! {
                        best = k
                    }
                }
                if let k = best, let x = agency(t.text((i + 1)..<k)) { return x }
            }
            for lead in ["报送至", "报至", "提交至", "上报至", "报送到"] where t.has(lead, at: i) {
                var k = i + lead.count
                let limit = min(range.upperBound, k + maximumAgencyDistance)
                while k < limit, !"，。；,并和及".contains(t.original[k]), !t.has("备案", at: k) { k += 1 }
                if let x = agency(t.text((i + lead.count)..<k)) { return x }
            }
            if t.has("报", at: i), !t.has("报送", at: i), !t.has("报告", at: i),
                let k = t.firstIndex(of: "备案", from: i + 1, to: min(range.upperBound, window + 2)),
                let x = agency(t.text((i + 1)..<k))
            {
                return x
            }
            i += 1
        }
        return nil
    }

    private static func agency(_ text: String) -> String? {
        let x = TextSupport.trim(text)
        // Offices, not addresses: no digits (报送至…5号楼B座303室 names a room).
        guard x.count >= 2, x.count <= 15, !x.contains("，"), !x.contains("并"),
            !x.contains(where: { FoldedText.fold($0).isASCII && $0.isNumber }),
            agencySuffixes.contains(where: { x.hasSuffix($0) })
        else { return nil }
        return x
    }

    /// Openings of a clause that continues the same task (并将…, 在…平台向社会公示, 再次…).
    static let continuations = ["并", "且", "同时", "将", "向", "报", "再", "在", "及时"]

    /// The task: the clauses after the time expression, without venue (在…平台) and ongoing
    /// duties (长期组织实施, 接受常态化监督), joined with 并. A clause that does not continue
    /// the action (a new statement such as 方案中…将作为…) ends the task.
    static func task(from text: String) -> String {
        let t = FoldedText(text)
        var parts: [String] = []
        for (n, range) in clauses(in: t).enumerated() {
            var clause = TextSupport.trim(t.text(range))
            while let last = clause.last, "，,".contains(last) { clause = String(clause.dropLast()) }
            if n > 0 && !continuations.contains(where: { clause.hasPrefix($0) }) { break }
            for lead in ["并且", "并", "且", "同时"] where clause.hasPrefix(lead) {
                clause = String(clause.dropFirst(lead.count))
                break
            }
            if clause.hasPrefix("在"), let platform = clause.range(of: "平台") {
                clause = String(clause[platform.upperBound...])
            }
            clause = TextSupport.trim(clause)
            if clause.isEmpty || clause.hasPrefix("接受") || clause.contains("长期") { continue }
            parts.append(clause)
        }
        return parts.joined(separator: "并")
    }
}
