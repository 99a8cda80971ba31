import Foundation
import GRDB
import LawCorpus
import LawIndex
import LawQuery
import LawTestSupport
import Testing

/// Obligations counted from dated events, as the index answers them: the shipped sample rows,
/// the deadlines of 二、（七） with their due dates per department, and the events a public
/// index leaves out.
@Suite("Compliance queries: obligations counted from events") struct TriggeredComplianceQueryTests {
    let queries = Fixture.queries

    /// The shipped rows, as `obligation due status done late rule`. Checked by hand: 市场监管局's
    /// plan issued Friday 2022-04-15, due 10 working days later on 04-28 (18–22, Sunday 24 worked
    /// before 劳动节, 25–28), filed 04-26; 交通运输局's action starting Tuesday 2022-09-13 needed its
    /// scheme by 09-12 (received 09-08), and, completed Wednesday 09-28, its report by 10-31 (29, 30,
    /// 国庆 off, 10-08/09 worked, 10–14, 17–21, 24–28, 31): received Thursday 11-03, three working days late.
    @Test func theShippedEventsGiveTheirRowsWithDueDatesAndStatuses() throws {
        let report = try queries.compliance(asOf: "2024-06-28")
        let prefixes = ["random-inspection-", "joint-enforcement-scheme-", "joint-enforcement-report-"]
        let rows = report.rows.filter { row in prefixes.contains { row.obligation.hasPrefix($0) } }
            .map { row in
                [
                    row.departmentID, row.obligation, row.due, row.status.rawValue, row.done ?? "-",
                    row.lateWorkingDays.map(String.init) ?? "-", row.rule,
                ].joined(separator: " ")
            }
        #expect(
            rows == [
                "scjg random-inspection-plan-2022-04-15 2022-04-28 on_time 2022-04-26 - 下发后10个工作日内",
                "jtys joint-enforcement-scheme-2022-09-13 2022-09-12 on_time 2022-09-08 - 开展单项联合执法工作前",
                "jtys joint-enforcement-report-2022-09-28 2022-10-31 late 2022-11-03 3 完成联合执法工作后20个工作日内",
            ])
        let late = try #require(report.rows.first { $0.obligation == "joint-enforcement-report-2022-09-28" })
        #expect(late.task == "报送联合执法完成情况（联合执法完成 2022-09-28）")
        #expect(late.statusText == "逾期完成（3 个工作日）")
        #expect(late.evidence.map(\.kind) == [.filing])
        #expect(late.evidence.first?.number == "乌交发〔2022〕71号")
        #expect(late.evidence.first?.sample == true)
        #expect(late.evidence.first?.summary.hasSuffix("（示例）") == true)
    }

    @Test func beforeTheReportArrivesItIsOverdueAndBeforeTheActionEndsThereIsNoRow() throws {
        let open = try queries.compliance(department: "交通局", asOf: "2022-11-02")
        let report = try #require(open.rows.first { $0.obligation == "joint-enforcement-report-2022-09-28" })
        #expect(report.status == .overdue && report.lateWorkingDays == 2 && report.evidence.isEmpty)
        let during = try queries.compliance(department: "交通局", asOf: "2022-09-20")
        #expect(!during.rows.contains { $0.obligation.hasPrefix("joint-enforcement-report-") })
        #expect(during.rows.first { $0.obligation == "joint-enforcement-scheme-2022-09-13" }?.status == .onTime)
        let overdue = try queries.compliance(asOf: "2022-11-02", overdueOnly: true)
        #expect(overdue.rows.contains { $0.obligation == "joint-enforcement-report-2022-09-28" })
    }

    @Test func theDeadlinesOfADepartmentShowTheDueDatesOfItsEvents() throws {
        let road = try queries.deadlines(department: "交通运输局", asOf: "2024-06-28")
        let report = try #require(road.first { $0.deadline.rule == "完成联合执法工作后20个工作日内" })
        #expect(report.deadline.due == nil)
        #expect(report.compliance.map(\.due) == ["2022-10-31"])
        #expect(report.compliance.map(\.status) == [.late])
        let scheme = try #require(road.first { $0.deadline.rule == "开展单项联合执法工作前" })
        #expect(scheme.compliance.map(\.due) == ["2022-09-12"])
        // The 双随机 rules bind 市场监管局 only.
        #expect(road.first { $0.deadline.rule == "下发后10个工作日内" }?.compliance.isEmpty == true)
        let market = try queries.deadlines(department: "市场监管局", asOf: "2024-06-28")
        let plan = try #require(market.first { $0.deadline.rule == "下发后10个工作日内" })
        #expect(plan.compliance.map(\.due) == ["2022-04-28"])
        #expect(plan.compliance.map(\.status) == [.onTime])
        // No 双随机 plan completion is recorded yet: no row.
        #expect(market.first { $0.deadline.rule == "完成后10个工作日内" }?.compliance.isEmpty == true)
    }

    @Test func theFullIndexStoresTheEventsAndRulesAndThePublicOneNeither() throws {
        var readOnly = Configuration()
        readOnly.readonly = true
        let full = try DatabaseQueue(path: SharedIndex.full.path, configuration: readOnly)
        let events = try full.read { try StoredCompliance.events($0) }
        #expect(events.map(\.kind) == [.jointEnforcementStarted, .jointEnforcementCompleted, .randomInspectionPlanIssued])
        #expect(events.allSatisfy { $0.status == .sample })
        let rules = try full.read { try StoredCompliance.obligations($0) }?.triggered ?? []
        #expect(rules.map(\.timing) == [.after(workingDays: 10), .after(workingDays: 10), .before, .after(workingDays: 20)])
        let published = try DatabaseQueue(path: SharedIndex.published.path, configuration: readOnly)
        #expect(try published.read { try StoredCompliance.events($0) }.isEmpty)
        #expect(try published.read { try StoredCompliance.obligations($0) } == nil)
    }
}
