/// What a department does to meet an obligation that a list shows: publish a version (公示) or
/// file it with the justice bureau (备案).
public enum ListEvent: String, Codable, Sendable, CaseIterable, CustomStringConvertible {
    /// 公示: the version's `published` date.
    case published
    /// 备案: the version's `filed` date.
    case filed

    /// The code, as files and JSON write it: `published`, `filed`.
    public var description: String { rawValue }

    /// The Chinese name: 公示, 备案.
    public var chineseName: String {
        switch self {
        case .published: "公示"
        case .filed: "备案"
        }
    }

    /// The date of this event for `list`, when it happened.
    public func date(of list: ListVersion) -> CalendarDate? {
        switch self {
        case .published: list.published
        case .filed: list.filed
        }
    }
}

/// What satisfies an obligation: list versions of given kinds reaching an event, or a filing
/// (a document received by the justice bureau, recorded in `filings/`).
public enum Satisfaction: Sendable, Equatable {
    /// Every one of `kinds` has a version whose `event` has happened.
    case lists([ListKind], ListEvent)
    /// A filing for the obligation has been received.
    case filing
}

/// One thing the plan requires of some departments by one date: publish or file given lists,
/// or send the bureau a document (名单, 报告, 情况表).
///
/// Obligations come from `plan/obligations.yaml`, each tied to a deadline of the plan, whose
/// date it takes (a recurring rule such as 每月25日前 gives one obligation per month it covers).
public struct Obligation: Sendable, Equatable {
    /// Stable ASCII id: `four-lists-published`, `monthly-report-2022-11`.
    public var id: String
    /// The task in words: 编制“四张清单”并向社会公示.
    public var task: String
    /// The plan measure of its deadline, as the plan's deadline writes it: `二、（一）推行包容审慎监管执法制度`.
    public var measure: String
    /// The deadline rule as the plan writes it: `2022年10月底前`, `每月25日前`.
    public var rule: String
    /// The date it falls due.
    public var due: CalendarDate
    /// Whom it binds, as the obligations file writes it: 各行政执法部门, 市场监管局, 苏木镇.
    public var binds: [String]
    /// The ids of the departments it binds, resolved through the registry, in registry order.
    public var departments: [String]
    /// What satisfies it.
    public var satisfiedBy: Satisfaction
    /// Line of its entry in the obligations file.
    public var line: Int

    /// Creates an obligation from its parts.
    public init(
        id: String, task: String, measure: String, rule: String, due: CalendarDate, binds: [String],
        departments: [String], satisfiedBy: Satisfaction, line: Int
    ) {
        self.id = id
        self.task = task
        self.measure = measure
        self.rule = rule
        self.due = due
        self.binds = binds
        self.departments = departments
        self.satisfiedBy = satisfiedBy
        self.line = line
    }

    /// Whether it binds the department with id `department`.
    public func binds(department: String) -> Bool { departments.contains(department) }
}

/// The rule for every later version of a list (动态调整): publish and file it within a number of
/// working days after its version date. It binds the department whose list it is.
public struct AdjustmentRule: Sendable, Equatable {
    /// Stable ASCII id: `key-supervision-adjusted`.
    public var id: String
    /// The task in words: 重点监管清单动态调整后再次公示并备案.
    public var task: String
    /// The plan measure of its deadline.
    public var measure: String
    /// The deadline rule as the plan writes it: `动态调整后10个工作日内`.
    public var rule: String
    /// The working days the rule grants, read from the rule: 10.
    public var workingDays: Int
    /// The kinds of list it covers.
    public var kinds: [ListKind]
    /// Line of its entry in the obligations file.
    public var line: Int

    /// Creates a rule from its parts.
    public init(
        id: String, task: String, measure: String, rule: String, workingDays: Int, kinds: [ListKind], line: Int
    ) {
        self.id = id
        self.task = task
        self.measure = measure
        self.rule = rule
        self.workingDays = workingDays
        self.kinds = kinds
        self.line = line
    }

    /// The id of the obligation this rule sets for `event` of the version of `kind` dated `version`:
    /// `key-supervision-adjusted-filed@key-supervision@2023-10-16`.
    public func obligationID(event: ListEvent, kind: ListKind, version: CalendarDate) -> String {
        "\(id)-\(event.rawValue)@\(kind.code)@\(version)"
    }
}

/// When a rule started by an event falls due.
public enum TriggerTiming: Sendable, Equatable {
    /// `…后N个工作日内`: N working days after the event's day (that day not counted).
    case after(workingDays: Int)
    /// `…前`: before the event, that is by the day before it.
    case before
}

/// A rule of the plan that counts from a dated event the corpus records in `events/`
/// (下发后10个工作日内, 完成联合执法工作后20个工作日内, 开展单项联合执法工作前): each event of its kind
/// of a department it binds sets that department one obligation, met by a filing.
public struct TriggeredRule: Sendable, Equatable {
    /// Stable ASCII id: `joint-enforcement-report`.
    public var id: String
    /// The task in words: 报送联合执法完成情况.
    public var task: String
    /// The plan measure of its deadline.
    public var measure: String
    /// The deadline rule as the plan writes it: `完成联合执法工作后20个工作日内`.
    public var rule: String
    /// The kind of event it counts from.
    public var trigger: PlanEventKind
    /// After the event (working days read from the rule) or before it.
    public var timing: TriggerTiming
    /// Whom it binds, as the obligations file writes it.
    public var binds: [String]
    /// The ids of the departments it binds, in registry order.
    public var departments: [String]
    /// Line of its entry in the obligations file.
    public var line: Int

    /// Creates a rule from its parts.
    public init(
        id: String, task: String, measure: String, rule: String, trigger: PlanEventKind, timing: TriggerTiming,
        binds: [String], departments: [String], line: Int
    ) {
        self.id = id
        self.task = task
        self.measure = measure
        self.rule = rule
        self.trigger = trigger
        self.timing = timing
        self.binds = binds
        self.departments = departments
        self.line = line
    }

    /// Whether it binds the department with id `department`.
    public func binds(department: String) -> Bool { departments.contains(department) }

    /// The id of the obligation the event dated `date` sets: `joint-enforcement-report-2022-09-28`.
    public func obligationID(event date: CalendarDate) -> String { "\(id)-\(date)" }

    /// The event date of `obligationID` when it is one of this rule's obligations, else `nil`.
    public func eventDate(of obligationID: String) -> CalendarDate? {
        let prefix = id + "-"
        guard obligationID.hasPrefix(prefix) else { return nil }
        let rest = String(obligationID.dropFirst(prefix.count))
        guard rest.count == 10, let date = CalendarDate(iso: rest), date.description == rest else { return nil }
        return date
    }

    /// The day the obligation set by an event on `date` falls due.
    public func due(event date: CalendarDate, calendar: WorkingDayCalendar) throws(WorkingDayError) -> CalendarDate {
        switch timing {
        case .after(let days): try calendar.addingWorkingDays(days, to: date)
        case .before: date.adding(days: -1)
        }
    }
}

/// The obligations of a plan: those with a date, the rules for later list versions and the
/// rules counted from dated events.
public struct ObligationSet: Sendable, Equatable {
    /// Path of the obligations file.
    public var file: String
    /// 文号 of the plan they come from.
    public var plan: String
    /// Obligations with a date, in file order (recurring ones expanded in date order).
    public var obligations: [Obligation]
    /// Rules for later list versions, in file order.
    public var adjustments: [AdjustmentRule]
    /// Rules counted from dated events, in file order.
    public var triggered: [TriggeredRule]

    /// Creates a set from its parts.
    public init(
        file: String, plan: String, obligations: [Obligation], adjustments: [AdjustmentRule],
        triggered: [TriggeredRule] = []
    ) {
        self.file = file
        self.plan = plan
        self.obligations = obligations
        self.adjustments = adjustments
        self.triggered = triggered
    }

    /// The obligation with id `id`.
    public func obligation(_ id: String) -> Obligation? {
        obligations.first { $0.id == id }
    }

    /// The event-started rule whose obligation has id `id` (`joint-enforcement-report-2022-09-28`),
    /// with the event date the id names.
    public func triggeredObligation(_ id: String) -> (rule: TriggeredRule, event: CalendarDate)? {
        for rule in triggered {
            if let date = rule.eventDate(of: id) { return (rule, date) }
        }
        return nil
    }
}

extension ListKind {
    /// The kind's ASCII code (`no-penalty`, `benchmark`), for ids and paths.
    public var code: String {
        aliases.last { $0.allSatisfy(\.isASCII) } ?? String(describing: self)
    }
}
