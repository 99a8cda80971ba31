import Foundation
import LawTestSupport
import Testing

@testable import LawCorpus

/// Each status of a department's standing on an obligation, on cases built in a copy of the
/// shipped corpus, and the working days it counts.
@Suite("Compliance: statuses on constructed cases") struct ComplianceStatusTests {
    /// A copy of the shipped corpus with:
    /// - 住建局 (no lists): training report received on its due date, platform report received
    ///   two working days late (due Saturday 2022-12-10, received Tuesday 12-13);
    /// - 市场监管局: a later 证明事项目录清单 dated 2022-10-03, inside 国庆, published on
    ///   2022-10-19 and filed on 2022-10-20.
    static let corpus: Corpus = {
        do {
            let root = try TestRepository.corpusCopy("lawkb-compliance")
            func write(_ relative: String, _ text: String) throws {
                let file = root.appendingPathComponent(relative)
                try FileManager.default.createDirectory(
                    at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try text.write(to: file, atomically: true, encoding: .utf8)
            }
            try write(
                "filings/zjj/2022-06-15-training-report.yaml",
                "department: 住建局\nobligation: training-report\nreceived: 2022-06-15\nstatus: sample\n")
            try write(
                "filings/zjj/2022-12-13-platform-report.yaml",
                "department: 住建局\nobligation: platform-report\nreceived: 2022-12-13\nnumber: 乌住建发〔2022〕9号\n")
            let first = try String(
                contentsOf: root.appendingPathComponent("lists/scjg/证明事项目录清单/2022-05-20.yaml"), encoding: .utf8)
            let later = first.replacingOccurrences(of: "version: 2022-05-20", with: "version: 2022-10-03")
                .replacingOccurrences(of: "published: 2022-05-27", with: "published: 2022-10-19")
                .replacingOccurrences(of: "filed: 2022-06-08", with: "filed: 2022-10-20")
            try write("lists/scjg/证明事项目录清单/2022-10-03.yaml", later)
            return try CorpusLoader(root: root.path).load()
        } catch {
            fatalError("constructed corpus: \(error)")
        }
    }()

    static let evaluator = ComplianceEvaluator(corpus: corpus)!

    func day(_ text: String) throws -> CalendarDate { try #require(CalendarDate(iso: text)) }

    func row(_ department: String, _ obligation: String, asOf: String) throws -> ComplianceRow {
        let report = try Self.evaluator.report(asOf: try day(asOf), department: department)
        return try #require(report.rows.first { $0.obligation == obligation })
    }

    @Test func aFilingReceivedOnItsDueDateIsOnTime() throws {
        let row = try row("zjj", "training-report", asOf: "2022-12-31")
        #expect(row.status == .onTime)
        #expect(row.statusName == "按时")
        #expect(row.done == "2022-06-15")
        #expect(row.lateWorkingDays == nil)
        #expect(row.evidence.map(\.kind) == [.filing])
        #expect(row.evidence.first?.file.hasSuffix("filings/zjj/2022-06-15-training-report.yaml") == true)
    }

    @Test func aFilingReceivedAfterAWeekendDueDateCountsOnlyWorkingDays() throws {
        let row = try row("zjj", "platform-report", asOf: "2022-12-31")
        #expect(row.status == .late)
        #expect(row.statusName == "逾期完成")
        #expect(row.due == "2022-12-10")  // a Saturday
        #expect(row.lateWorkingDays == 2)  // Monday 12-12 and Tuesday 12-13
        #expect(row.evidence.first?.number == "乌住建发〔2022〕9号")
    }

    @Test func nothingDoneAfterTheDueDateIsOverdueByTheWorkingDaysSince() throws {
        let row = try row("zjj", "four-lists-published", asOf: "2022-11-04")
        #expect(row.status == .overdue)
        #expect(row.statusName == "逾期未完成")
        #expect(row.lateWorkingDays == 4)  // 11-01 … 11-04
        #expect(row.done == nil)
        #expect(row.evidence.isEmpty)
    }

    @Test func nothingDoneBeforeTheDueDateIsNotDue() throws {
        let row = try row("zjj", "four-lists-filed", asOf: "2022-11-04")
        #expect(row.status == .notDue)
        #expect(row.statusName == "未到期")
        #expect(row.lateWorkingDays == nil)
    }

    @Test func anObligationThatDoesNotBindIsNotApplicable() throws {
        let row = try row("zjj", "accountability-published", asOf: "2022-11-04")
        #expect(row.status == .notApplicable)
        #expect(row.statusName == "不适用")
        #expect(row.due == "2022-10-31")
    }

    @Test func onlyWhatHappenedByTheDayAskedCounts() throws {
        // 市场监管局 published its four lists on 2022-10-28: not yet on 10-27.
        #expect(try row("scjg", "four-lists-published", asOf: "2022-10-27").status == .notDue)
        let done = try row("scjg", "four-lists-published", asOf: "2022-10-28")
        #expect(done.status == .onTime)
        #expect(done.done == "2022-10-28")
        #expect(done.evidence.map(\.listKind) == [.noPenalty, .lighterPenalty, .reducedPenalty, .noCompulsion])
    }

    @Test func aListsObligationIsDoneWhenItsLastListIsAndLateByItsWorkingDays() throws {
        // 交通运输局 published both 证明事项 lists on 2022-06-02, due 2022-05-31.
        let row = try row("jtys", "certification-lists-published", asOf: "2022-12-31")
        #expect(row.status == .late)
        #expect(row.done == "2022-06-02")
        #expect(row.lateWorkingDays == 2)
        #expect(row.evidence.count == 2)
    }

    @Test func aVersionDatedInTheNationalDayHolidayIsDueTenWorkingDaysAfterIt() throws {
        // 2022-10-03 is a day off; counting starts with 10-08 and 10-09 (weekend days worked):
        // 10-08, 09, 10, 11, 12, 13, 14, 17, 18, 19.
        let report = try Self.evaluator.report(asOf: try day("2022-12-31"), department: "scjg")
        let published = try #require(
            report.rows.first { $0.obligation == "certification-lists-adjusted-published@certification@2022-10-03" })
        #expect(published.due == "2022-10-19")
        #expect(published.status == .onTime)
        #expect(published.rule == "动态调整后10个工作日内")
        #expect(published.measure == "二、（五）全面推行证明事项告知承诺制")
        let filed = try #require(
            report.rows.first { $0.obligation == "certification-lists-adjusted-filed@certification@2022-10-03" })
        #expect(filed.due == "2022-10-19")
        #expect(filed.status == .late)
        #expect(filed.lateWorkingDays == 1)
        // The first version meets the dated obligations; the later one does not stand in for it.
        let first = try #require(report.rows.first { $0.obligation == "certification-lists-filed" })
        #expect(first.done == "2022-06-08")
        #expect(first.evidence.first?.version == "2022-05-20")
    }

    @Test func aLaterVersionDatedAfterTheDayAskedHasNoRowYet() throws {
        let report = try Self.evaluator.report(asOf: try day("2022-10-02"), department: "scjg")
        #expect(!report.rows.contains { $0.obligation.contains("@2022-10-03") })
    }

    @Test func aDayOutsideTheCalendarIsAnErrorNamingItsYears() throws {
        #expect(throws: WorkingDayError.dateOutsideCalendar(try day("2027-01-04"), years: 2022...2026)) {
            try Self.evaluator.report(asOf: try day("2027-01-04"))
        }
        let message = WorkingDayError.dateOutsideCalendar(try day("2027-01-04"), years: 2022...2026).description
        #expect(message.contains("2022—2026"))
    }

    @Test func overdueOnlyKeepsTheOverdueRowsOfEveryDepartment() throws {
        let all = try Self.evaluator.report(asOf: try day("2022-12-31"))
        let overdue = try Self.evaluator.report(asOf: try day("2022-12-31"), overdueOnly: true)
        #expect(!overdue.rows.isEmpty)
        #expect(overdue.rows.allSatisfy { $0.status == .overdue })
        #expect(overdue.rows == all.rows.filter { $0.status == .overdue })
        // Every department × every dated obligation, plus the later versions, plus one row per
        // recorded event (each shipped event, all before this day, starts one rule binding its department).
        let dated = Self.corpus.obligations!.obligations.count
        let triggered = Self.corpus.events.count
        #expect(triggered == 3)
        #expect(
            all.rows.filter { !$0.obligation.contains("@") }.count == Self.corpus.departments.count * dated + triggered)
    }

    @Test func theProgressTableOfAMonthHasItsDueAndStillOpenTasks() throws {
        let month = try #require(ComplianceMonth("2022年11月"))
        #expect(month.description == "2022-11")
        let report = try Self.evaluator.report(asOf: month.last, department: "jtys")
        let table = ProgressTable(month: month, report: report)
        #expect(table.headers == ["部门", "工作任务", "完成时限", "完成情况", "完成时间", "情况说明"])
        #expect(table.rows.allSatisfy { $0.count == table.headers.count })
        let tasks = table.rows.map { $0[1] }
        // Due in November: the filings of 11-10 and the monthly report of 11-25.
        #expect(tasks.contains("报送备案“四张清单”（11月10日前）"))
        #expect(tasks.contains("报送本月工作任务开展情况表（附件3）（2022-11）（每月25日前）"))
        // Due earlier and done before November began: not in the table.
        #expect(!tasks.contains { $0.hasPrefix("编制并公示“四张清单”") })
        // Due earlier and still open: in the table, overdue, with the reason.
        let open = try #require(table.rows.first { $0[1].hasPrefix("编制综合行政执法事项清单") })
        #expect(open[3] == "逾期未完成")
        #expect(open[5].hasPrefix("截至 2022-11-30 逾期"))
        #expect(ComplianceMonth("2022-13") == nil)
        #expect(ComplianceMonth("十一月") == nil)
    }
}

extension ComplianceStatusTests {
    @Test func overdueRowsComeFirstMostOverdueFirst() throws {
        let report = try Self.evaluator.report(asOf: try day("2022-12-31"))
        let ordered = report.overdueFirst
        #expect(ordered.count == report.rows.count)
        let overdue = ordered.prefix { $0.status == .overdue }
        #expect(overdue.count == report.rows.filter { $0.status == .overdue }.count)
        #expect(zip(overdue, overdue.dropFirst()).allSatisfy { ($0.lateWorkingDays ?? 0) >= ($1.lateWorkingDays ?? 0) })
        #expect(report.departments(with: .overdue).contains("乌审旗住房和城乡建设局"))
        #expect(!report.departments(with: .overdue).contains("乌审旗嘎鲁图镇人民政府"))
    }
}
