import GRDB
import LawCorpus

extension IndexWriter {
    /// Stores the working-day calendar and, in a full index, the obligations and the filings,
    /// so that a server holding only the index judges compliance exactly as the corpus says.
    ///
    /// A public index leaves out obligations and filings: which department is late is the
    /// supervising bureau's working record, not published data.
    mutating func insertCompliance(of corpus: Corpus, departmentIDs: [String: Int64], _ db: Database) throws {
        if let calendar = corpus.calendar { try StoredCompliance.write(calendar, into: db) }
        guard artifact == .full, let obligations = corpus.obligations else { return }
        try StoredCompliance.write(obligations, into: db)
        self.obligations = obligations.obligations.count
        for filing in corpus.filings {
            guard let departmentID = departmentIDs[filing.department] else { continue }  // the loader checked it
            try db.execute(
                sql: """
                    INSERT INTO filing (department_id, obligation, received, number, note, sample, file)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    departmentID, filing.obligation, filing.received.description, filing.number, filing.note,
                    filing.status == .sample, filing.file,
                ])
            filings += 1
        }
        for event in corpus.events {
            guard let departmentID = departmentIDs[event.department] else { continue }  // the loader checked it
            try db.execute(
                sql: "INSERT INTO plan_event (department_id, kind, day, note, sample, file) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [
                    departmentID, event.kind.rawValue, event.date.description, event.note, event.status == .sample,
                    event.file,
                ])
            events += 1
        }
    }
}

/// The obligations, adjustment rules, event-started rules, events and calendar as an index
/// stores them (tables `obligation`, `adjustment_rule`, `triggered_rule`, `plan_event`,
/// `calendar_holiday`), and how they are read back.
public enum StoredCompliance {
    static let separator: Character = "\u{1F}"

    static func write(_ calendar: WorkingDayCalendar, into db: Database) throws {
        for holiday in calendar.storedHolidays {
            try db.execute(
                sql: """
                    INSERT INTO calendar_holiday (year, source_title, source_number, source_date, name, day_from, day_to, work)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    holiday.year, holiday.sourceTitle, holiday.sourceNumber, holiday.sourceDate.description,
                    holiday.name, holiday.from.description, holiday.to.description,
                    holiday.work.map(\.description).joined(separator: " "),
                ])
        }
    }

    static func write(_ set: ObligationSet, into db: Database) throws {
        let join = { (values: [String]) in values.joined(separator: String(separator)) }
        for obligation in set.obligations {
            var kinds: String?
            var event: String?
            if case .lists(let listKinds, let listEvent) = obligation.satisfiedBy {
                kinds = join(listKinds.map(\.rawValue))
                event = listEvent.rawValue
            }
            try db.execute(
                sql: """
                    INSERT INTO obligation (code, task, measure, rule, due, binds, departments, list_kinds, event, line)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    obligation.id, obligation.task, obligation.measure, obligation.rule,
                    obligation.due.description, join(obligation.binds), join(obligation.departments), kinds, event,
                    obligation.line,
                ])
        }
        for rule in set.adjustments {
            try db.execute(
                sql: """
                    INSERT INTO adjustment_rule (code, task, measure, rule, working_days, list_kinds, line)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    rule.id, rule.task, rule.measure, rule.rule, rule.workingDays, join(rule.kinds.map(\.rawValue)),
                    rule.line,
                ])
        }
        for rule in set.triggered {
            var days: Int?
            if case .after(let n) = rule.timing { days = n }
            try db.execute(
                sql: """
                    INSERT INTO triggered_rule (code, task, measure, rule, trigger, working_days, binds, departments, line)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    rule.id, rule.task, rule.measure, rule.rule, rule.trigger.rawValue, days, join(rule.binds),
                    join(rule.departments), rule.line,
                ])
        }
        try db.execute(
            sql: "INSERT INTO meta (key, value) VALUES ('obligations_plan', ?), ('obligations_file', ?)",
            arguments: [set.plan, set.file])
    }

    /// A stored value the index should not hold (a damaged or foreign index).
    public struct Damaged: Error, CustomStringConvertible {
        public var description: String
    }

    /// The calendar stored in `db`; `nil` when the corpus had none.
    public static func calendar(_ db: Database) throws -> WorkingDayCalendar? {
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM calendar_holiday ORDER BY id")
        guard !rows.isEmpty else { return nil }
        var holidays: [WorkingDayCalendar.StoredHoliday] = []
        for row in rows {
            guard let sourceDate = CalendarDate(iso: row["source_date"]), let from = CalendarDate(iso: row["day_from"]),
                let to = CalendarDate(iso: row["day_to"])
            else { throw Damaged(description: "索引中的工作日历日期有误；请重新运行 lawkb index") }
            var work: [CalendarDate] = []
            for text in (row["work"] as String? ?? "").split(separator: " ") {
                guard let day = CalendarDate(iso: String(text)) else {
                    throw Damaged(description: "索引中的工作日历日期有误；请重新运行 lawkb index")
                }
                work.append(day)
            }
            holidays.append(
                WorkingDayCalendar.StoredHoliday(
                    year: row["year"], sourceTitle: row["source_title"], sourceNumber: row["source_number"],
                    sourceDate: sourceDate, name: row["name"], from: from, to: to, work: work))
        }
        return try WorkingDayCalendar(stored: holidays)
    }

    /// The obligations stored in `db`; `nil` when the index holds none (no obligations file, or a public index).
    public static func obligations(_ db: Database) throws -> ObligationSet? {
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM obligation ORDER BY id")
        let rules = try Row.fetchAll(db, sql: "SELECT * FROM adjustment_rule ORDER BY id")
        let triggeredRows = try Row.fetchAll(db, sql: "SELECT * FROM triggered_rule ORDER BY id")
        guard !rows.isEmpty || !rules.isEmpty || !triggeredRows.isEmpty else { return nil }
        func split(_ text: String?) -> [String] { (text ?? "").split(separator: separator).map(String.init) }
        func kinds(_ text: String?) throws -> [ListKind] {
            try split(text).map { name in
                guard let kind = ListKind(rawValue: name) else { throw Damaged(description: "索引中有未知的清单种类“\(name)”") }
                return kind
            }
        }
        var obligations: [Obligation] = []
        for row in rows {
            guard let due = CalendarDate(iso: row["due"]) else { throw Damaged(description: "索引中的义务日期有误") }
            let satisfaction: Satisfaction
            if let eventName = row["event"] as String? {
                guard let event = ListEvent(rawValue: eventName) else { throw Damaged(description: "索引中的义务事件有误") }
                satisfaction = .lists(try kinds(row["list_kinds"]), event)
            } else {
                satisfaction = .filing
            }
            obligations.append(
                Obligation(
                    id: row["code"], task: row["task"], measure: row["measure"], rule: row["rule"], due: due,
                    binds: split(row["binds"]), departments: split(row["departments"]), satisfiedBy: satisfaction,
                    line: row["line"]))
        }
        let adjustments = try rules.map { row in
            AdjustmentRule(
                id: row["code"], task: row["task"], measure: row["measure"], rule: row["rule"],
                workingDays: row["working_days"], kinds: try kinds(row["list_kinds"]), line: row["line"])
        }
        let triggered = try triggeredRows.map { row in
            guard let trigger = PlanEventKind(rawValue: row["trigger"]) else {
                throw Damaged(description: "索引中有未知的事件种类；请重新运行 lawkb index")
            }
            let days: Int? = row["working_days"]
            return TriggeredRule(
                id: row["code"], task: row["task"], measure: row["measure"], rule: row["rule"], trigger: trigger,
                timing: days.map { .after(workingDays: $0) } ?? .before, binds: split(row["binds"]),
                departments: split(row["departments"]), line: row["line"])
        }
        let plan = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'obligations_plan'") ?? ""
        let file = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'obligations_file'") ?? ""
        return ObligationSet(
            file: file, plan: plan, obligations: obligations, adjustments: adjustments, triggered: triggered)
    }

    /// The dated events stored in `db`, in corpus path order.
    public static func events(_ db: Database) throws -> [PlanEvent] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT plan_event.*, department.code AS department_code FROM plan_event
                JOIN department ON department.id = plan_event.department_id ORDER BY plan_event.id
                """
        ).map { row in
            guard let kind = PlanEventKind(rawValue: row["kind"]), let day = CalendarDate(iso: row["day"]) else {
                throw Damaged(description: "索引中的事件登记有误；请重新运行 lawkb index")
            }
            return PlanEvent(
                file: row["file"], department: row["department_code"], kind: kind, date: day, note: row["note"],
                status: (row["sample"] as Bool) ? .sample : .official)
        }
    }
}
