import Foundation

/// Reads and checks `plan/obligations.yaml`: each obligation tied to a deadline the plan really
/// sets (its date taken from the plan, never typed again), bound to departments the registry
/// knows, satisfied by list kinds that exist or by a filing. Every mistake is a ``CorpusError``
/// naming the file and the line, since a wrong obligation silently marks departments late.
struct ObligationsParser {
    /// Path of the file, for errors.
    let file: String
    /// The plans of the corpus; the file names the one it follows.
    let plans: [Plan]
    /// The departments obligations may bind.
    let registry: DepartmentRegistry

    /// Where the file lives inside a corpus directory.
    static let relativePath = "plan/obligations.yaml"
    /// The words that bind every department of a type: 各行政执法部门 → 行政执法部门.
    static let groups: [String: String] = [
        "各行政执法部门": "行政执法部门", "行政执法部门": "行政执法部门",
        "各苏木镇": "苏木镇", "苏木镇": "苏木镇",
    ]
    /// The most months one recurring entry may cover (ten years), so that a typing mistake in a
    /// period cannot make the file expand without bound.
    static let maximumPeriodMonths = 120

    static let topKeys: Set<String> = ["plan", "obligations", "adjustments", "triggered"]
    static let obligationKeys: Set<String> = [
        "id", "task", "measure", "rule", "binds", "lists", "event", "filing", "from", "through",
    ]
    static let adjustmentKeys: Set<String> = ["id", "task", "measure", "rule", "lists"]
    static let triggeredKeys: Set<String> = ["id", "task", "measure", "rule", "trigger", "binds", "filing"]

    func parse(_ yaml: String) throws(CorpusError) -> ObligationSet {
        let top = try Sidecar(file: file, yaml: yaml)
        try Self.rejectUnknownKeys(top, allowed: Self.topKeys)
        guard let number = try top.string("plan") else {
            throw CorpusError(file: file, line: top.line(of: "plan"), message: "缺少“plan”：应写明义务所依据的实施方案文号")
        }
        guard let plan = plans.first(where: { $0.metadata.number == number }) else {
            let known = plans.map(\.metadata.number).joined(separator: "、")
            throw CorpusError(
                file: file, line: top.line(of: "plan"),
                message: "语料中没有文号为“\(number.prefix(40))”的实施方案；已收录：\(known.isEmpty ? "无" : known)")
        }
        var seen: [String: Int] = [:]
        var obligations: [Obligation] = []
        for entry in try top.mappings("obligations") {
            for obligation in try self.obligations(entry, plan: plan) {
                try Self.claim(obligation.id, line: obligation.line, seen: &seen, file: file)
                obligations.append(obligation)
            }
        }
        var adjustments: [AdjustmentRule] = []
        var covered: [ListKind: Int] = [:]
        for entry in try top.mappings("adjustments") {
            let rule = try adjustment(entry, plan: plan)
            try Self.claim(rule.id, line: rule.line, seen: &seen, file: file)
            for kind in rule.kinds {
                if let other = covered[kind] {
                    throw CorpusError(
                        file: file, line: entry.line(of: "lists"),
                        message: "\(kind.rawValue)已由第 \(other) 行的动态调整规则覆盖；每种清单只能有一条")
                }
                covered[kind] = rule.line
            }
            adjustments.append(rule)
        }
        var triggered: [TriggeredRule] = []
        for entry in try top.mappings("triggered") {
            let rule = try self.triggered(entry, plan: plan)
            try Self.claim(rule.id, line: rule.line, seen: &seen, file: file)
            triggered.append(rule)
        }
        return ObligationSet(
            file: file, plan: number, obligations: obligations, adjustments: adjustments, triggered: triggered)
    }

    // MARK: - Entries

    /// One entry: one obligation, or one per occurrence of a recurring rule.
    private func obligations(_ entry: Sidecar, plan: Plan) throws(CorpusError) -> [Obligation] {
        try Self.rejectUnknownKeys(entry, allowed: Self.obligationKeys)
        let id = try identifier(entry)
        let task = try required(entry, "task")
        let deadline = try planDeadline(entry, plan: plan)
        let departments = try bound(entry)
        let satisfaction = try satisfaction(entry)
        let binds = try entry.strings("binds") ?? []
        func make(_ id: String, _ due: CalendarDate) -> Obligation {
            Obligation(
                id: id, task: task, measure: deadline.measure, rule: deadline.rule, due: due, binds: binds,
                departments: departments, satisfiedBy: satisfaction, line: entry.line)
        }
        switch deadline.kind {
        case .absolute:
            guard let due = deadline.due else {
                throw CorpusError(file: file, line: entry.line(of: "rule"), message: "方案中的“\(deadline.rule)”没有日期")
            }
            for key in ["from", "through"] where try entry.string(key) != nil {
                throw CorpusError(file: file, line: entry.line(of: key), message: "“\(key)”只用于定期报送（每月、每年）的规定")
            }
            return [make(id, due)]
        case .recurring:
            return try occurrences(of: deadline.rule, entry).map { occurrence in
                var obligation = make("\(id)-\(occurrence.suffix)", occurrence.due)
                obligation.task += "（\(occurrence.suffix)）"
                return obligation
            }
        case .relative:
            throw CorpusError(
                file: file, line: entry.line(of: "rule"),
                message: "“\(deadline.rule)”是相对期限，应写在 adjustments 下（清单动态调整的时限）或 triggered 下（由事件起算的时限）")
        }
    }

    private func adjustment(_ entry: Sidecar, plan: Plan) throws(CorpusError) -> AdjustmentRule {
        try Self.rejectUnknownKeys(entry, allowed: Self.adjustmentKeys)
        let id = try identifier(entry)
        let task = try required(entry, "task")
        let deadline = try planDeadline(entry, plan: plan)
        guard deadline.kind == .relative, let days = Self.workingDays(in: deadline.rule) else {
            throw CorpusError(
                file: file, line: entry.line(of: "rule"),
                message: "动态调整规则的期限应为“…后N个工作日内”，而不是“\(deadline.rule)”")
        }
        let kinds = try listKinds(entry)
        return AdjustmentRule(
            id: id, task: task, measure: deadline.measure, rule: deadline.rule, workingDays: days, kinds: kinds,
            line: entry.line)
    }

    /// A rule counted from a dated event: `…后N个工作日内` (N read from the plan's rule) or `…前`,
    /// with the event kind that starts it, whom it binds, and `filing: true`.
    private func triggered(_ entry: Sidecar, plan: Plan) throws(CorpusError) -> TriggeredRule {
        try Self.rejectUnknownKeys(entry, allowed: Self.triggeredKeys)
        let id = try identifier(entry)
        let task = try required(entry, "task")
        let deadline = try planDeadline(entry, plan: plan)
        let timing: TriggerTiming
        if deadline.kind == .relative, let days = Self.workingDays(in: deadline.rule) {
            timing = .after(workingDays: days)
        } else if deadline.kind == .relative, deadline.rule.hasSuffix("前") {
            timing = .before
        } else {
            throw CorpusError(
                file: file, line: entry.line(of: "rule"),
                message: "由事件起算的规则的期限应为“…后N个工作日内”或“…前”，而不是“\(deadline.rule)”")
        }
        let triggerText = try required(entry, "trigger")
        guard let trigger = PlanEventKind.resolve(triggerText) else {
            throw CorpusError(
                file: file, line: entry.line(of: "trigger"),
                message: "“\(triggerText.prefix(40))”不是事件种类；可用：\(PlanEventKind.vocabulary)")
        }
        guard try entry.bool("filing") == true else {
            throw CorpusError(
                file: file, line: entry.line(of: "filing"),
                message: "由事件起算的义务以报送材料完成，应写“filing: true”")
        }
        return TriggeredRule(
            id: id, task: task, measure: deadline.measure, rule: deadline.rule, trigger: trigger, timing: timing,
            binds: try entry.strings("binds") ?? [], departments: try bound(entry), line: entry.line)
    }

    // MARK: - Fields

    private func required(_ entry: Sidecar, _ key: String) throws(CorpusError) -> String {
        guard let value = try entry.string(key) else {
            throw CorpusError(file: file, line: entry.line(of: key), message: "缺少“\(key)”")
        }
        return value
    }

    /// `id`: lower-case ASCII letters, digits and hyphens, starting with a letter.
    private func identifier(_ entry: Sidecar) throws(CorpusError) -> String {
        let id = try required(entry, "id")
        guard Self.isIdentifier(id) else {
            throw CorpusError(
                file: file, line: entry.line(of: "id"),
                message: "id“\(id.prefix(40))”只能由小写英文字母、数字和连字符组成，以字母开头，不超过 60 个字符")
        }
        return id
    }

    static func isIdentifier(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, ("a"..."z").contains(first), id.count <= 60 else { return false }
        return id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// The plan's deadline the entry names by `measure` (its opening, `二、（一）`) and `rule` (as written).
    private func planDeadline(_ entry: Sidecar, plan: Plan) throws(CorpusError) -> Deadline {
        let measure = Self.compact(try required(entry, "measure"))
        let rule = Self.compact(try required(entry, "rule"))
        let inMeasure = plan.deadlines.filter { Self.compact($0.measure).hasPrefix(measure) }
        guard !inMeasure.isEmpty else {
            throw CorpusError(
                file: file, line: entry.line(of: "measure"),
                message: "方案中没有以“\(measure.prefix(40))”开头的措施，或该措施没有时限")
        }
        let matching = inMeasure.filter { Self.compact($0.rule) == rule }
        guard let first = matching.first else {
            let rules = Set(inMeasure.map(\.rule)).sorted().joined(separator: "、")
            throw CorpusError(
                file: file, line: entry.line(of: "rule"),
                message: "方案的“\(inMeasure[0].measure)”没有“\(rule.prefix(40))”这一时限；该措施的时限有：\(rules)")
        }
        guard matching.allSatisfy({ $0.measure == first.measure && $0.due == first.due }) else {
            throw CorpusError(
                file: file, line: entry.line(of: "measure"),
                message: "“\(measure)”与“\(rule)”对应方案中日期不同的几处时限；请写出完整的措施标题")
        }
        return first
    }

    /// The departments `binds` names, in registry order.
    private func bound(_ entry: Sidecar) throws(CorpusError) -> [String] {
        guard let names = try entry.strings("binds"), !names.isEmpty else {
            throw CorpusError(file: file, line: entry.line(of: "binds"), message: "缺少“binds”：应写明约束哪些部门")
        }
        var ids: Set<String> = []
        for name in names {
            if let type = Self.groups[Self.compact(name)] {
                let members = registry.departments.filter { $0.type == type }
                guard !members.isEmpty else {
                    throw CorpusError(
                        file: file, line: entry.line(of: "binds"), message: "departments.yaml 中没有类型为“\(type)”的部门")
                }
                ids.formUnion(members.map(\.id))
            } else if let department = registry.resolve(name) {
                ids.insert(department.id)
            } else {
                let candidates = registry.matches(name).map(\.name)
                throw CorpusError(
                    file: file, line: entry.line(of: "binds"),
                    message: candidates.isEmpty
                        ? "“\(name.prefix(40))”不是 departments.yaml 中的部门，也不是“各行政执法部门”或“苏木镇”"
                        : "“\(name.prefix(40))”可指\(candidates.joined(separator: "、"))，请写全称")
            }
        }
        return registry.departments.map(\.id).filter(ids.contains)
    }

    /// `lists` with `event`, or `filing: true`; exactly one of them.
    private func satisfaction(_ entry: Sidecar) throws(CorpusError) -> Satisfaction {
        let filing = try entry.bool("filing") ?? false
        let hasLists = try entry.strings("lists") != nil
        switch (filing, hasLists) {
        case (true, true):
            throw CorpusError(file: file, line: entry.line(of: "filing"), message: "“filing”与“lists”只能写一个")
        case (false, false):
            throw CorpusError(
                file: file, line: entry.line,
                message: "应写明如何完成：清单（lists 与 event: published 或 filed）或报送材料（filing: true）")
        case (true, false):
            if try entry.string("event") != nil {
                throw CorpusError(file: file, line: entry.line(of: "event"), message: "“event”只用于清单（lists）")
            }
            return .filing
        case (false, true):
            guard let text = try entry.string("event"), let event = ListEvent(rawValue: text) else {
                throw CorpusError(
                    file: file, line: entry.line(of: "event"),
                    message: "“event”应为 published（公示）或 filed（备案）")
            }
            return .lists(try listKinds(entry), event)
        }
    }

    private func listKinds(_ entry: Sidecar) throws(CorpusError) -> [ListKind] {
        guard let names = try entry.strings("lists"), !names.isEmpty else {
            throw CorpusError(file: file, line: entry.line(of: "lists"), message: "缺少“lists”：应列出清单种类")
        }
        var kinds: [ListKind] = []
        for name in names {
            guard let kind = ListKind.resolve(name) else {
                throw CorpusError(
                    file: file, line: entry.line(of: "lists"),
                    message: "“\(name.prefix(40))”不是清单种类；可用：\(ListKind.allCases.map(\.rawValue).joined(separator: "、"))")
            }
            if !kinds.contains(kind) { kinds.append(kind) }
        }
        return kinds
    }

    // MARK: - Recurring rules

    /// The dates a recurring rule falls on within the entry's `from`…`through` months, with the
    /// suffix of each occurrence's id (`2022-11` for a monthly rule, `2023` for a yearly one).
    private func occurrences(of rule: String, _ entry: Sidecar) throws(CorpusError) -> [(suffix: String, due: CalendarDate)] {
        guard let recurrence = Recurrence(rule) else {
            throw CorpusError(
                file: file, line: entry.line(of: "rule"),
                message: "无法从“\(rule)”读出每月或每年的日期（应如“每月25日前”“每年2月底之前”）")
        }
        let from = try month(entry, "from")
        let through = try month(entry, "through")
        guard from <= through, through - from < Self.maximumPeriodMonths else {
            throw CorpusError(
                file: file, line: entry.line(of: "through"),
                message: "“through”应不早于“from”，且期间不超过 \(Self.maximumPeriodMonths) 个月")
        }
        var result: [(suffix: String, due: CalendarDate)] = []
        for index in from...through {
            let year = index / 12
            let month = index % 12 + 1
            switch recurrence {
            case .monthly(let day):
                guard let due = CalendarDate(year: year, month: month, day: min(day, CalendarDate.daysIn(month: month, year: year)))
                else { continue }
                result.append((String(due.description.prefix(7)), due))
            case .yearly(let dueMonth, let day):
                guard month == dueMonth,
                    let due = CalendarDate(
                        year: year, month: month, day: min(day ?? 31, CalendarDate.daysIn(month: month, year: year)))
                else { continue }
                result.append((String(year), due))
            }
        }
        guard !result.isEmpty else {
            throw CorpusError(file: file, line: entry.line(of: "from"), message: "“\(rule)”在 from 至 through 期间一次也不到期")
        }
        return result
    }

    /// A `YYYY-MM` month as a count of months since year 0.
    private func month(_ entry: Sidecar, _ key: String) throws(CorpusError) -> Int {
        let text = try required(entry, key)
        guard let first = CalendarDate(iso: text + "-01") else {
            throw CorpusError(file: file, line: entry.line(of: key), message: "“\(key)”应为 YYYY-MM 格式的月份，而不是“\(text.prefix(20))”")
        }
        return first.year * 12 + first.month - 1
    }

    /// How a recurring rule repeats.
    enum Recurrence: Equatable {
        /// 每月N日前.
        case monthly(day: Int)
        /// 每年M月底 (`day` nil: the month's last day) or 每年M月N日前.
        case yearly(month: Int, day: Int?)

        init?(_ rule: String) {
            let text = Array(rule.precomposedStringWithCompatibilityMapping)
            func number(at start: Int) -> (value: Int, end: Int)? {
                var i = start
                var value = 0
                while i < text.count, let digit = text[i].wholeNumberValue, text[i].isASCII, i - start < 3 {
                    value = value * 10 + digit
                    i += 1
                }
                return i > start ? (value, i) : nil
            }
            guard text.count >= 4, text[0] == "每" else { return nil }
            if text[1] == "月", let (day, end) = number(at: 2), end < text.count, text[end] == "日", (1...31).contains(day) {
                self = .monthly(day: day)
            } else if text[1] == "年", let (month, end) = number(at: 2), end < text.count, text[end] == "月",
                (1...12).contains(month)
            {
                if end + 1 < text.count, text[end + 1] == "底" {
                    self = .yearly(month: month, day: nil)
                } else if let (day, dayEnd) = number(at: end + 1), dayEnd < text.count, text[dayEnd] == "日",
                    (1...31).contains(day)
                {
                    self = .yearly(month: month, day: day)
                } else {
                    return nil
                }
            } else {
                return nil
            }
        }
    }

    /// N of `…后N个工作日内`; `nil` when the rule does not count working days.
    static func workingDays(in rule: String) -> Int? {
        let text = Array(rule.precomposedStringWithCompatibilityMapping)
        guard let marker = text.firstIndex(of: "后") else { return nil }
        var i = marker + 1
        var value = 0
        while i < text.count, text[i].isASCII, let digit = text[i].wholeNumberValue, i - marker <= 4 {
            value = value * 10 + digit
            i += 1
        }
        let rest = String(text[i...])
        guard i > marker + 1, rest.hasPrefix("个工作日"), (1...WorkingDayCalendar.maximumWorkingDays).contains(value)
        else { return nil }
        return value
    }

    // MARK: - Helpers

    /// Without spaces, full-width forms folded: how measures and rules are compared.
    static func compact(_ text: String) -> String {
        String(text.filter { !$0.isWhitespace })
    }

    static func rejectUnknownKeys(_ mapping: Sidecar, allowed: Set<String>) throws(CorpusError) {
        for key in mapping.keys where !allowed.contains(key) {
            throw CorpusError(
                file: mapping.file, line: mapping.line(of: key),
                message: "未知的键“\(key.prefix(40))”；可用的键：\(allowed.sorted().joined(separator: "、"))")
        }
    }

    static func claim(_ id: String, line: Int, seen: inout [String: Int], file: String) throws(CorpusError) {
        if let earlier = seen[id] {
            throw CorpusError(file: file, line: line, message: "id“\(id)”重复：第 \(earlier) 行已使用")
        }
        seen[id] = line
    }
}
