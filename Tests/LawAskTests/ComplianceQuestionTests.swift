import Foundation
import LawAsk
import LawCorpus
import LawQuery
import Testing

/// Questions about who met which obligation of the plan (督导): read as the compliance
/// report, of the department named, only the statuses the question asks about.
@Suite("Questions about compliance")
struct ComplianceQuestionTests {
    static func ask(_ question: String) throws -> AskAnswer {
        try Asker(AskFixture.queries, today: AskFixture.today).ask(question)
    }

    /// The report of `answer`, recording an issue when it is another kind of answer.
    static func report(_ answer: AskAnswer) -> ComplianceReport? {
        guard case .compliance(let report) = answer.answer else {
            Issue.record("\(answer.question) → \(answer.reading.intent)")
            return nil
        }
        return report
    }

    static let today = AskFixture.today.description

    @Test("哪些部门逾期了: every department's overdue obligations, as of today")
    func overdue() throws {
        let answer = try Self.ask("哪些部门逾期了")
        #expect(answer.reading.intent == .compliance)
        #expect(answer.reading.understood.department == nil)
        #expect(answer.reading.understood.statuses == [.overdue])
        #expect(answer.reading.summary == "督导：各部门 · 逾期未完成的义务 · 截至今日")
        guard let report = Self.report(answer) else { return }
        #expect(report == (try AskFixture.queries.compliance(asOf: Self.today, overdueOnly: true)))
        #expect(report.rows.allSatisfy { $0.status == .overdue })
        #expect(Set(report.rows.map(\.department)).count > 1)
    }

    @Test("市场监管局的清单按时备案了吗: that department's obligations, every status")
    func onTime() throws {
        let answer = try Self.ask("市场监管局的清单按时备案了吗")
        #expect(answer.reading.intent == .compliance)
        #expect(answer.reading.understood.department == "乌审旗市场监督管理局")
        #expect(answer.reading.understood.statuses == [])
        guard let report = Self.report(answer) else { return }
        #expect(report == (try AskFixture.queries.compliance(department: "scjg", asOf: Self.today)))
        #expect(report.rows.allSatisfy { $0.departmentID == "scjg" })
        #expect(report.rows.contains { $0.obligation == "four-lists-filed" && $0.status == .onTime })
    }

    @Test("交通局还有什么没完成: that department's open obligations, overdue or not yet due")
    func open() throws {
        let answer = try Self.ask("交通局还有什么没完成")
        #expect(answer.reading.intent == .compliance)
        #expect(answer.reading.understood.department == "乌审旗交通运输局")
        #expect(answer.reading.understood.statuses == [.overdue, .notDue])
        guard let report = Self.report(answer) else { return }
        let all = try AskFixture.queries.compliance(department: "jtys", asOf: Self.today)
        #expect(report.rows == all.rows.filter { $0.status == .overdue || $0.status == .notDue })
        #expect(!report.rows.isEmpty)
        #expect(all.rows.contains { $0.status == .onTime }, "what is done is left out")
    }

    @Test(
        "other wordings: the department, the statuses and the day asked",
        arguments: [
            ("哪些单位超期未报送", nil, [ComplianceStatus.overdue], nil),
            ("市监局备案了吗", "乌审旗市场监督管理局", [], nil),
            ("农牧局还有哪些任务没有完成", "乌审旗农牧局", [.overdue, .notDue], nil),
            ("2022年12月31日交通运输局逾期未完成的义务", "乌审旗交通运输局", [.overdue], "2022-12-31"),
            ("哪些部门逾期完成", nil, [.late], nil),
        ] as [(String, String?, [ComplianceStatus], String?)])
    func wordings(_ question: String, _ department: String?, _ statuses: [ComplianceStatus], _ day: String?) throws {
        let answer = try Self.ask(question)
        #expect(answer.reading.intent == .compliance, "\(question)")
        #expect(answer.reading.understood.department == department)
        #expect(answer.reading.understood.statuses == statuses)
        #expect(answer.reading.understood.asOf == day)
        guard let report = Self.report(answer) else { return }
        #expect(report.asOf == day ?? Self.today)
        #expect(report.rows.allSatisfy { statuses.isEmpty || statuses.contains($0.status) })
        #expect(report.rows.allSatisfy { department == nil || $0.department == department })
    }

    @Test("the JSON: understood.statuses, and the answer as compliance --json prints it")
    func json() throws {
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(try Self.ask("哪些部门逾期了")))
        let json = try #require(object as? [String: Any])
        #expect(json["intent"] as? String == "compliance")
        let understood = try #require(json["understood"] as? [String: Any])
        #expect(understood["statuses"] as? [String] == ["overdue"])
        let answer = try #require(json["answer"] as? [String: Any])
        #expect(Set(answer.keys) == ["as_of", "rows"])
        // Other readings keep the keys they always had.
        let list = try JSONSerialization.jsonObject(with: JSONEncoder().encode(try Self.ask("市监局的免罚清单")))
        let listUnderstood = try #require((list as? [String: Any])?["understood"] as? [String: Any])
        #expect(listUnderstood["statuses"] == nil)
    }

    @Test("a public server keeps no record of who is late: the same questions are read otherwise")
    func publicQueries() throws {
        for question in ["哪些部门逾期了", "市场监管局的清单按时备案了吗", "交通局还有什么没完成"] {
            let answer = try Asker(AskFixture.publicQueries, today: AskFixture.today).ask(question)
            #expect(answer.reading.intent != .compliance, "\(question)")
            let json = String(decoding: try JSONEncoder().encode(answer), as: UTF8.self)
            #expect(!json.contains("late_working_days"))
            #expect(!json.contains("statuses"))
        }
    }
}
