/// Decides, for every department and every obligation, whether it was done on time, done late,
/// is overdue, not yet due or does not apply, on a given day, counting lateness in working days.
///
/// Only what happened by that day counts: a list published after it is not yet published. A day
/// outside the calendar's years is an error (``WorkingDayError``), never a weekday guess.
public struct ComplianceEvaluator: Sendable {
    /// The departments, in registry order.
    public var departments: [Department]
    /// The obligations and adjustment rules.
    public var obligations: ObligationSet
    /// Every list version's dates.
    public var lists: [ListVersionDates]
    /// Every filing.
    public var filings: [Filing]
    /// Every dated event that starts a rule counting.
    public var events: [PlanEvent]
    /// The working-day calendar.
    public var calendar: WorkingDayCalendar

    /// Creates an evaluator over the given records.
    public init(
        departments: [Department], obligations: ObligationSet, lists: [ListVersionDates], filings: [Filing],
        events: [PlanEvent] = [], calendar: WorkingDayCalendar
    ) {
        self.departments = departments
        self.obligations = obligations
        self.lists = lists
        self.filings = filings
        self.events = events
        self.calendar = calendar
    }

    /// The report on `asOf`, of the department with id `department` or of all; only the overdue
    /// rows (逾期未完成) when `overdueOnly`.
    public func report(
        asOf: CalendarDate, department: String? = nil, overdueOnly: Bool = false
    ) throws(WorkingDayError) -> ComplianceReport {
        _ = try calendar.kind(of: asOf)  // a day the calendar does not know is an error, not a guess
        let versions = Dictionary(grouping: lists) { $0.department }.mapValues {
            $0.sorted { ($0.version, $0.file) < ($1.version, $1.file) }
        }
        let received = Dictionary(grouping: filings) { "\($0.department)\u{1F}\($0.obligation)" }.mapValues {
            $0.sorted { ($0.received, $0.file) < ($1.received, $1.file) }
        }
        var rows: [ComplianceRow] = []
        for unit in departments where department == nil || unit.id == department {
            let own = versions[unit.id] ?? []
            for obligation in obligations.obligations {
                rows.append(
                    try row(
                        unit, obligation, asOf: asOf, versions: own,
                        filings: received["\(unit.id)\u{1F}\(obligation.id)"] ?? []))
            }
            rows += try adjustmentRows(unit, asOf: asOf, versions: own)
            rows += try triggeredRows(unit, asOf: asOf, filings: received)
        }
        if overdueOnly { rows = rows.filter { $0.status == .overdue } }
        return ComplianceReport(asOf: asOf.description, rows: rows)
    }

    // MARK: - Obligations with a date

    private func row(
        _ department: Department, _ obligation: Obligation, asOf: CalendarDate, versions: [ListVersionDates],
        filings: [Filing]
    ) throws(WorkingDayError) -> ComplianceRow {
        guard obligation.binds(department: department.id) else {
            return makeRow(department, obligation, status: .notApplicable, done: nil, late: nil, evidence: [])
        }
        var evidence: [ComplianceEvidence] = []
        var done: CalendarDate?
        switch obligation.satisfiedBy {
        case .lists(let kinds, let event):
            var dates: [CalendarDate] = []
            for kind in kinds {
                let ofKind = versions.filter { $0.kind == kind }
                // The first version that reached the event by the day asked; else the first one, to show how far it got.
                if let met = ofKind.first(where: { $0.date(of: event).map { $0 <= asOf } ?? false }) {
                    evidence.append(met.evidence)
                    dates.append(met.date(of: event)!)
                } else if let first = ofKind.first, first.version <= asOf {
                    evidence.append(first.evidence)
                }
            }
            if dates.count == kinds.count { done = dates.max() }
        case .filing:
            if let first = filings.first(where: { $0.received <= asOf }) {
                done = first.received
                evidence.append(
                    ComplianceEvidence(
                        kind: .filing, received: first.received.description, number: first.number, file: first.file,
                        sample: first.status == .sample))
            }
        }
        let (status, late) = try standing(due: obligation.due, done: done, asOf: asOf)
        return makeRow(department, obligation, status: status, done: done, late: late, evidence: evidence)
    }

    private func makeRow(
        _ department: Department, _ obligation: Obligation, status: ComplianceStatus, done: CalendarDate?, late: Int?,
        evidence: [ComplianceEvidence]
    ) -> ComplianceRow {
        ComplianceRow(
            department: department.name, departmentID: department.id, obligation: obligation.id,
            task: obligation.task, measure: obligation.measure, rule: obligation.rule,
            due: obligation.due.description, status: status, done: done?.description, lateWorkingDays: late,
            evidence: evidence)
    }

    // MARK: - Later versions of lists

    /// For each version after a department's first of a kind a rule covers, dated by `asOf`: its
    /// publication and its filing, each due the rule's working days after the version date.
    private func adjustmentRows(
        _ department: Department, asOf: CalendarDate, versions: [ListVersionDates]
    ) throws(WorkingDayError) -> [ComplianceRow] {
        var rows: [ComplianceRow] = []
        for rule in obligations.adjustments {
            for kind in rule.kinds {
                let ofKind = versions.filter { $0.kind == kind }
                for version in ofKind.dropFirst() where version.version <= asOf {
                    let due = try calendar.addingWorkingDays(rule.workingDays, to: version.version)
                    for event in ListEvent.allCases {
                        let done = version.date(of: event).flatMap { $0 <= asOf ? $0 : nil }
                        let (status, late) = try standing(due: due, done: done, asOf: asOf)
                        rows.append(
                            ComplianceRow(
                                department: department.name, departmentID: department.id,
                                obligation: rule.obligationID(event: event, kind: kind, version: version.version),
                                task: "\(kind.rawValue)（\(version.version) 版）\(event.chineseName)",
                                measure: rule.measure, rule: rule.rule, due: due.description, status: status,
                                done: done?.description, lateWorkingDays: late, evidence: [version.evidence]))
                    }
                }
            }
        }
        return rows
    }

    // MARK: - Rules counted from events

    /// For each event of the department that starts a rule binding it: one obligation, due the
    /// rule's working days after the event (or the day before it, for a rule met before the
    /// event), met by a filing for it. An event after `asOf` has not happened yet and sets
    /// nothing, except the start of an action, whose plan is due before it.
    private func triggeredRows(
        _ department: Department, asOf: CalendarDate, filings: [String: [Filing]]
    ) throws(WorkingDayError) -> [ComplianceRow] {
        let own = events.filter { $0.department == department.id }.sorted { ($0.date, $0.file) < ($1.date, $1.file) }
        var rows: [ComplianceRow] = []
        for rule in obligations.triggered where rule.binds(department: department.id) {
            for event in own where event.kind == rule.trigger {
                if case .after = rule.timing, event.date > asOf { continue }
                let id = rule.obligationID(event: event.date)
                let due = try rule.due(event: event.date, calendar: calendar)
                let filing = (filings["\(department.id)\u{1F}\(id)"] ?? []).first { $0.received <= asOf }
                let (status, late) = try standing(due: due, done: filing?.received, asOf: asOf)
                let evidence = filing.map {
                    ComplianceEvidence(
                        kind: .filing, received: $0.received.description, number: $0.number, file: $0.file,
                        sample: $0.status == .sample)
                }
                rows.append(
                    ComplianceRow(
                        department: department.name, departmentID: department.id, obligation: id,
                        task: "\(rule.task)（\(event.kind.chineseName) \(event.date)）",
                        measure: rule.measure, rule: rule.rule, due: due.description, status: status,
                        done: filing?.received.description, lateWorkingDays: late, evidence: evidence.map { [$0] } ?? []))
            }
        }
        return rows
    }

    // MARK: - Status

    /// The status for a due date and a completion day (if any) on `asOf`, with the working days
    /// late (done after the due date) or overdue (not done, the due date past).
    func standing(
        due: CalendarDate, done: CalendarDate?, asOf: CalendarDate
    ) throws(WorkingDayError) -> (ComplianceStatus, Int?) {
        if let done {
            guard done > due else { return (.onTime, nil) }
            return (.late, try calendar.workingDays(from: due, to: done))
        }
        guard asOf > due else { return (.notDue, nil) }
        return (.overdue, try calendar.workingDays(from: due, to: asOf))
    }
}

extension ComplianceEvaluator {
    /// The evaluator over a loaded corpus; `nil` when it has no obligations file or no calendar.
    public init?(corpus: Corpus) {
        guard let obligations = corpus.obligations, let calendar = corpus.calendar else { return nil }
        self.init(
            departments: corpus.departments, obligations: obligations, lists: corpus.lists.map(ListVersionDates.init),
            filings: corpus.filings, events: corpus.events, calendar: calendar)
    }
}
