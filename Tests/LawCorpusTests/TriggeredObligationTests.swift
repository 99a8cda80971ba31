import Foundation
import LawTestSupport
import Testing

@testable import LawCorpus

/// Rules counted from a dated event (二、（七）: 下发后10个工作日内, 开展单项联合执法工作前,
/// 完成联合执法工作后20个工作日内): the rules and events of the shipped corpus, every mistake in
/// `triggered:`, `events/` and the filings for them reported with file and line, due dates
/// counted in working days across holidays, and each status on constructed cases.
@Suite("Obligations counted from dated events") struct TriggeredObligationTests {
    static var obligations: ObligationSet { Fixture.loaded.obligations! }

    func day(_ text: String) throws -> CalendarDate { try #require(CalendarDate(iso: text)) }

    // MARK: - The shipped rules and events

    @Test func theRulesTakeTheirWorkingDaysFromThePlansText() throws {
        let rules = Self.obligations.triggered
        #expect(
            rules.map(\.id) == [
                "random-inspection-plan", "random-inspection-report", "joint-enforcement-scheme",
                "joint-enforcement-report",
            ])
        #expect(rules.allSatisfy { $0.measure == "二、（七）推进跨领域、跨部门联合执法检查工作" })
        #expect(rules.map(\.rule) == ["下发后10个工作日内", "完成后10个工作日内", "开展单项联合执法工作前", "完成联合执法工作后20个工作日内"])
        #expect(rules.map(\.timing) == [.after(workingDays: 10), .after(workingDays: 10), .before, .after(workingDays: 20)])
        #expect(
            rules.map(\.trigger) == [
                .randomInspectionPlanIssued, .randomInspectionPlanCompleted, .jointEnforcementStarted,
                .jointEnforcementCompleted,
            ])
        #expect(rules[0].departments == ["scjg"])
        #expect(rules[3].departments.count == 12 && rules[3].binds(department: "jtys"))
    }

    @Test func shippedEventsAreSamplesInTheirDepartmentsFolders() {
        let events = Fixture.loaded.events
        #expect(
            events.map { "\($0.department) \($0.kind.chineseName) \($0.date)" } == [
                "jtys 联合执法开始 2022-09-13", "jtys 联合执法完成 2022-09-28", "scjg 双随机计划下发 2022-04-15",
            ])
        #expect(events.allSatisfy { $0.status == .sample })
        #expect(events.allSatisfy { $0.file.hasSuffix("events/\($0.department)/\($0.date)-\($0.kind.rawValue).yaml") })
    }

    @Test func dueDatesCountWorkingDaysAcrossHolidaysAndAdjustedDays() throws {
        let calendar = try #require(Fixture.loaded.calendar)
        let rules = Dictionary(uniqueKeysWithValues: Self.obligations.triggered.map { ($0.id, $0) })
        // Wednesday 2022-09-28 + 20 working days: 09-29, 09-30; 国庆 10-01…10-07 off; Saturday 10-08 and
        // Sunday 10-09 worked; 10-10…14, 17…21, 24…28 (19), Monday 10-31 the 20th.
        let report = try #require(rules["joint-enforcement-report"])
        #expect(try report.due(event: day("2022-09-28"), calendar: calendar).description == "2022-10-31")
        // Friday 2022-04-15 + 10: 04-18…22 (5), Sunday 04-24 a worked day before 劳动节 (6), 04-25…28 (10).
        let plan = try #require(rules["random-inspection-plan"])
        #expect(try plan.due(event: day("2022-04-15"), calendar: calendar).description == "2022-04-28")
        // Across the year's end and 元旦 2023 (12-31 to 01-02 off): Thursday 2022-12-22 + 20 →
        // 12-23, 26…30 (6), 01-03…06 (10), 09…13 (15), Friday 01-20 the 20th, before 春节.
        #expect(try report.due(event: day("2022-12-22"), calendar: calendar).description == "2023-01-20")
        // Before the action starts: the day before, whatever the day.
        let scheme = try #require(rules["joint-enforcement-scheme"])
        #expect(try scheme.due(event: day("2022-09-13"), calendar: calendar).description == "2022-09-12")
        // An event outside the calendar's years is an error naming them, not a weekday guess.
        #expect(throws: WorkingDayError.self) { try report.due(event: day("2030-03-01"), calendar: calendar) }
    }

    @Test func anObligationIdNamesItsRuleAndTheEventDate() throws {
        let found = try #require(Self.obligations.triggeredObligation("joint-enforcement-report-2022-09-28"))
        #expect(found.rule.id == "joint-enforcement-report")
        #expect(found.event.description == "2022-09-28")
        #expect(Self.obligations.triggeredObligation("joint-enforcement-report-2022-13-01") == nil)
        #expect(Self.obligations.triggeredObligation("joint-enforcement-report") == nil)
        #expect(Self.obligations.triggeredObligation("joint-enforcement-report-2022-09-28x") == nil)
    }

    // MARK: - Mistakes, with their lines

    /// A copy of the shipped corpus with `files` written into it (paths relative to the corpus)
    /// and its obligations file's `old` replaced by `new`; the error loading it.
    func loadError(
        files: [String: String] = [:], replacing old: String? = nil, with new: String = ""
    ) throws -> CorpusError {
        let corpus = try TestRepository.corpusCopy("lawkb-triggered")
        for (relative, text) in files {
            let file = corpus.appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        if let old {
            let file = corpus.appendingPathComponent("plan/obligations.yaml")
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(text.contains(old))
            try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
        }
        do {
            _ = try CorpusLoader(root: corpus.path).load()
        } catch {
            return error
        }
        Issue.record("the corpus loaded")
        return CorpusError(file: "", message: "")
    }

    /// 1-based line of the first line of the shipped obligations file containing `text`.
    func line(of text: String) throws -> Int {
        let lines = try String(contentsOfFile: Fixture.corpus + "/plan/obligations.yaml", encoding: .utf8)
            .components(separatedBy: "\n")
        return try #require(lines.firstIndex { $0.contains(text) }) + 1
    }

    @Test func aTriggeredRuleWithAnAbsoluteRuleOrAnUnknownEventIsReportedWithItsLine() throws {
        let ruleLine = try line(of: "rule: 完成联合执法工作后20个工作日内")
        // A working-day count the plan does not write.
        let retyped = try loadError(
            replacing: "rule: 完成联合执法工作后20个工作日内", with: "rule: 完成联合执法工作后15个工作日内")
        #expect(retyped.file.hasSuffix("plan/obligations.yaml") && retyped.line == ruleLine)
        #expect(retyped.message.contains("完成联合执法工作后20个工作日内"))
        // A dated rule of the measure.
        let dated = try loadError(
            replacing: "measure: 二、（七）\n    rule: 完成联合执法工作后20个工作日内", with: "measure: 二、（七）\n    rule: 每年2月底之前")
        #expect(dated.line == ruleLine && dated.message.contains("…后N个工作日内"))
        let triggerLine = try line(of: "trigger: 联合执法完成")
        let unknown = try loadError(replacing: "trigger: 联合执法完成", with: "trigger: 联合执法结束")
        #expect(unknown.line == triggerLine)
        #expect(unknown.message.contains("联合执法结束") && unknown.message.contains("联合执法完成"))
    }

    @Test func anEventOfAnUnknownKindOrThatBindsNobodyIsReportedWithItsLine() throws {
        let kind = try loadError(files: [
            "events/jtys/2022-10-10-joint-enforcement-completed.yaml":
                "department: 交通局\ndate: 2022-10-10\nevent: 联合执法结束\nstatus: sample\n"
        ])
        #expect(kind.file.hasSuffix("events/jtys/2022-10-10-joint-enforcement-completed.yaml"))
        #expect(kind.line == 3 && kind.message.contains("双随机计划下发"))
        // The annual 双随机 plan binds only 市场监管局.
        let binds = try loadError(files: [
            "events/jtys/2022-04-15-random-inspection-plan-issued.yaml":
                "department: 交通局\nevent: 双随机计划下发\ndate: 2022-04-15\n"
        ])
        #expect(binds.line == 2 && binds.message.contains("不约束乌审旗交通运输局"))
        let folder = try loadError(files: [
            "events/scjg/2022-10-10-joint-enforcement-completed.yaml":
                "department: 交通局\nevent: 联合执法完成\ndate: 2022-10-10\n"
        ])
        #expect(folder.line == 1 && folder.message.contains("events/jtys/"))
        let name = try loadError(files: [
            "events/jtys/2022-10-11-joint-enforcement-completed.yaml":
                "department: 交通局\nevent: 联合执法完成\ndate: 2022-10-10\n"
        ])
        #expect(name.message.contains("2022-10-10-joint-enforcement-completed.yaml"))
        let key = try loadError(files: [
            "events/jtys/2022-10-10-joint-enforcement-completed.yaml":
                "department: 交通局\nevent: 联合执法完成\ndate: 2022-10-10\nwhen: 上午\n"
        ])
        #expect(key.line == 4 && key.message.contains("when"))
        // A report due after the calendar's last year cannot be counted: refused when loading,
        // naming the years the calendar knows, rather than failing every report later.
        let late = try loadError(files: [
            "events/jtys/2026-12-21-joint-enforcement-completed.yaml":
                "department: 交通局\nevent: 联合执法完成\ndate: 2026-12-21\n"
        ])
        #expect(late.line == 3 && late.message.contains("完成联合执法工作后20个工作日内") && late.message.contains("2026"))
        let before = try loadError(files: [
            "events/jtys/2021-06-01-joint-enforcement-completed.yaml":
                "department: 交通局\nevent: 联合执法完成\ndate: 2021-06-01\n"
        ])
        #expect(before.line == 3 && before.message.contains("2022"))
    }

    @Test func aFilingForAnEventThatIsNotRecordedOrComesBeforeItIsRefused() throws {
        let missing = try loadError(files: [
            "filings/jtys/2022-11-03-joint-enforcement-report-2022-10-10.yaml":
                "department: 交通局\nobligation: joint-enforcement-report-2022-10-10\nreceived: 2022-11-03\n"
        ])
        #expect(missing.file.hasSuffix("2022-11-03-joint-enforcement-report-2022-10-10.yaml"))
        #expect(missing.line == 2)
        #expect(missing.message.contains("events/jtys/2022-10-10-joint-enforcement-completed.yaml"))
        let early = try loadError(files: [
            "filings/jtys/2022-09-20-joint-enforcement-report-2022-09-28.yaml":
                "department: 交通局\nobligation: joint-enforcement-report-2022-09-28\nreceived: 2022-09-20\n"
        ])
        #expect(early.line == 3 && early.message.contains("早于联合执法完成的日期 2022-09-28"))
        let binds = try loadError(files: [
            "filings/jtys/2022-04-20-random-inspection-plan-2022-04-15.yaml":
                "department: 交通局\nobligation: random-inspection-plan-2022-04-15\nreceived: 2022-04-20\n"
        ])
        #expect(binds.line == 2 && binds.message.contains("不约束"))
    }

    @Test func anEventWrittenByItsOwnWriterReadsBack() throws {
        let registry = try DepartmentRegistry(Fixture.loaded.departments)
        let event = PlanEvent(
            file: "", department: "jtys", kind: .jointEnforcementCompleted, date: try day("2022-09-28"),
            note: "含\"引号\"与\n换行", status: .sample)
        let read = try PlanEvent.parse(
            event.yaml(departmentName: "乌审旗交通运输局"),
            file: "Corpus/events/jtys/2022-09-28-joint-enforcement-completed.yaml", registry: registry,
            obligations: Self.obligations)
        #expect(read.kind == .jointEnforcementCompleted && read.note == event.note && read.status == .sample)
        #expect(PlanEventKind.resolve("joint-enforcement-completed") == .jointEnforcementCompleted)
        #expect(PlanEventKind.resolve("联合执法 完成") == .jointEnforcementCompleted)
    }

    // MARK: - Statuses

    /// The shipped rules over constructed events and filings of 住建局 (zjj) and 市场监管局:
    /// - 住建局 action completed Wednesday 2022-09-28 (due 10-31), report received on 10-31: on time;
    /// - 住建局 action completed Thursday 2022-12-22 (due Friday 2023-01-20), report received Monday
    ///   01-30, after 春节 (01-21 … 01-27 off): 3 working days late, Saturday 01-28 and Sunday 01-29 being worked;
    /// - 住建局 action completed Monday 2022-11-14 (due 12-12), nothing received: overdue;
    /// - 住建局 action starting Thursday 2023-03-16, its scheme not received: due 03-15;
    /// - 市场监管局 双随机 plan completed Friday 2022-12-16 (due 12-30), nothing received.
    static let evaluator: ComplianceEvaluator = {
        let day = { (text: String) in CalendarDate(iso: text)! }
        let events = [
            PlanEvent(file: "e1", department: "zjj", kind: .jointEnforcementCompleted, date: day("2022-09-28")),
            PlanEvent(file: "e2", department: "zjj", kind: .jointEnforcementCompleted, date: day("2022-12-22")),
            PlanEvent(file: "e3", department: "zjj", kind: .jointEnforcementCompleted, date: day("2022-11-14")),
            PlanEvent(file: "e4", department: "zjj", kind: .jointEnforcementStarted, date: day("2023-03-16")),
            PlanEvent(file: "e5", department: "scjg", kind: .randomInspectionPlanCompleted, date: day("2022-12-16")),
        ]
        let filings = [
            Filing(file: "f1", department: "zjj", obligation: "joint-enforcement-report-2022-09-28", received: day("2022-10-31")),
            Filing(file: "f2", department: "zjj", obligation: "joint-enforcement-report-2022-12-22", received: day("2023-01-30")),
        ]
        let corpus = Fixture.loaded
        return ComplianceEvaluator(
            departments: corpus.departments, obligations: corpus.obligations!, lists: [], filings: filings, events: events,
            calendar: corpus.calendar!)
    }()

    func rows(_ department: String, asOf: String) throws -> [String: ComplianceRow] {
        let report = try Self.evaluator.report(asOf: try day(asOf), department: department)
        return Dictionary(uniqueKeysWithValues: report.rows.map { ($0.obligation, $0) })
    }

    @Test func eachEventGivesOneRowWithItsStatusAndWorkingDays() throws {
        let rows = try rows("zjj", asOf: "2023-03-10")
        let onTime = try #require(rows["joint-enforcement-report-2022-09-28"])
        #expect(onTime.due == "2022-10-31" && onTime.status == .onTime && onTime.done == "2022-10-31")
        #expect(onTime.task == "报送联合执法完成情况（联合执法完成 2022-09-28）")
        #expect(onTime.rule == "完成联合执法工作后20个工作日内")
        #expect(onTime.evidence.map(\.file) == ["f1"])
        let late = try #require(rows["joint-enforcement-report-2022-12-22"])
        #expect(late.due == "2023-01-20" && late.status == .late && late.lateWorkingDays == 3)
        // Due Monday 2022-12-12; 12-13 … 2023-03-10 less 元旦 and 春节 (01-21 … 01-27, 01-28/29 worked).
        let overdue = try #require(rows["joint-enforcement-report-2022-11-14"])
        #expect(overdue.due == "2022-12-12" && overdue.status == .overdue && overdue.evidence.isEmpty)
        let calendar = Fixture.loaded.calendar!
        #expect(overdue.lateWorkingDays == (try calendar.workingDays(from: day("2022-12-12"), to: day("2023-03-10"))))
        // The scheme of an action starting later is due the day before it.
        let scheme = try #require(rows["joint-enforcement-scheme-2023-03-16"])
        #expect(scheme.due == "2023-03-15" && scheme.status == .notDue)
        // 双随机 rules do not bind 住建局.
        #expect(!rows.keys.contains { $0.hasPrefix("random-inspection") })
    }

    @Test func anEventAfterTheDayAskedSetsNothingYetAndAReportNotDueIsNotDue() throws {
        let early = try rows("zjj", asOf: "2022-10-20")
        #expect(early["joint-enforcement-report-2022-09-28"]?.status == .notDue)
        #expect(early["joint-enforcement-report-2022-11-14"] == nil)
        #expect(early["joint-enforcement-report-2022-12-22"] == nil)
        // A filing received after the day asked does not count yet: on Saturday 2023-01-28, a worked
        // day after 春节, the report due 01-20 is one working day overdue.
        let before = try rows("zjj", asOf: "2023-01-28")
        #expect(before["joint-enforcement-report-2022-12-22"]?.status == .overdue)
        #expect(before["joint-enforcement-report-2022-12-22"]?.lateWorkingDays == 1)
        // Due Friday 2022-12-30; on Wednesday 2023-01-04, after 元旦, two working days overdue (01-03, 01-04).
        let market = try rows("scjg", asOf: "2023-01-04")
        #expect(market["random-inspection-report-2022-12-16"]?.due == "2022-12-30")
        #expect(market["random-inspection-report-2022-12-16"]?.status == .overdue)
        #expect(market["random-inspection-report-2022-12-16"]?.lateWorkingDays == 2)
    }
}
