import Foundation
import LawTestSupport
import Testing

/// `lawkb event add` and the obligations counted from events in `compliance` and
/// `deadlines --department`, run as a user would.
@Suite(.serialized) struct EventCLITests {
    static let cli = try! CLIRunner()

    @Test func complianceAndDeadlinesShowTheShippedEventsRowsWithTheirDueDates() throws {
        let json = try Self.cli.run(["compliance", "--department", "交通局", "--as-of", "2022-12-31", "--json"]).json()
        #expect(Set(json.keys) == ["as_of", "rows"])
        let rows = try #require(json["rows"] as? [[String: Any]])
        let report = try #require(rows.first { $0["obligation"] as? String == "joint-enforcement-report-2022-09-28" })
        #expect(report["due"] as? String == "2022-10-31")
        #expect(report["status"] as? String == "late")
        #expect(report["late_working_days"] as? Int == 3)
        #expect(report["rule"] as? String == "完成联合执法工作后20个工作日内")
        let text = try Self.cli.run(["deadlines", "--department", "交通局", "--as-of", "2022-12-31"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("2022-10-31  逾期完成（3 个工作日）"))
        #expect(text.stdout.contains("报送联合执法完成情况（联合执法完成 2022-09-28）"))
        #expect(text.stdout.contains("2022-09-12  按时（2022-09-08）"))
    }

    @Test func eventAddWritesOneFileNeverOverwritesAndSetsAnObligation() throws {
        let corpus = try TestRepository.corpusCopy("lawkb-event-add")
        let directory = corpus.deletingLastPathComponent()
        let arguments = [
            "event", "add", "--department", "住建局", "--kind", "联合执法完成", "--date", "2022-09-28",
            "--note", "建筑工地扬尘联合检查", "--corpus", corpus.path,
        ]
        let added = try CLIRunner.execute(arguments, in: directory)
        #expect(added.status == 0, "\(added.stderr)")
        let file = corpus.appendingPathComponent("events/zjj/2022-09-28-joint-enforcement-completed.yaml")
        #expect(added.stdout.contains(file.lastPathComponent))
        #expect(added.stdout.contains("joint-enforcement-report-2022-09-28"))
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains("event: 联合执法完成"))
        #expect(text.contains("note: \"建筑工地扬尘联合检查\""))
        #expect(text.contains("status: official"))

        let again = try CLIRunner.execute(arguments, in: directory)
        #expect(again.status == 1)
        #expect(again.stderr.contains("已存在"), "\(again.stderr)")
        #expect(try String(contentsOf: file, encoding: .utf8) == text)

        // The event sets an obligation, overdue until its report is filed, then on time.
        let rowOf = { (json: [String: Any]) in
            (json["rows"] as? [[String: Any]])?.first { $0["obligation"] as? String == "joint-enforcement-report-2022-09-28" }
        }
        let open = try CLIRunner(corpus: corpus.path)
            .run(["compliance", "--department", "住建局", "--as-of", "2022-12-31", "--json"]).json()
        #expect(rowOf(open)?["status"] as? String == "overdue")
        #expect(rowOf(open)?["due"] as? String == "2022-10-31")
        let filed = try CLIRunner.execute(
            [
                "filing", "add", "--department", "住建局", "--obligation", "joint-enforcement-report-2022-09-28",
                "--received", "2022-10-28", "--corpus", corpus.path,
            ], in: directory)
        #expect(filed.status == 0, "\(filed.stderr)")
        let done = try CLIRunner(corpus: corpus.path)
            .run(["compliance", "--department", "住建局", "--as-of", "2022-12-31", "--json"]).json()
        #expect(rowOf(done)?["status"] as? String == "on_time")
        #expect(rowOf(done)?["done"] as? String == "2022-10-28")
    }

    @Test func eventAddRefusesWhatTheCorpusWouldRefuse() throws {
        let corpus = try TestRepository.corpusCopy("lawkb-event-refused")
        let directory = corpus.deletingLastPathComponent()
        func add(_ department: String, _ kind: String, _ date: String) throws -> CLIRunner.Output {
            try CLIRunner.execute(
                ["event", "add", "--department", department, "--kind", kind, "--date", date, "--corpus", corpus.path],
                in: directory)
        }
        let kind = try add("住建局", "联合执法结束", "2022-09-28")
        #expect(kind.status == 1 && kind.stderr.contains("双随机计划下发"), "\(kind.stderr)")
        let binds = try add("住建局", "双随机计划下发", "2022-04-15")
        #expect(binds.status == 1 && binds.stderr.contains("不约束"), "\(binds.stderr)")
        let date = try add("住建局", "联合执法完成", "九月")
        #expect(date.status == 1)
        #expect(!FileManager.default.fileExists(atPath: corpus.appendingPathComponent("events/zjj").path))
        // A filing for an event nobody recorded is refused too.
        let filing = try CLIRunner.execute(
            [
                "filing", "add", "--department", "住建局", "--obligation", "joint-enforcement-report-2022-09-28",
                "--received", "2022-10-28", "--corpus", corpus.path,
            ], in: directory)
        #expect(filing.status == 1 && filing.stderr.contains("events/zjj/2022-09-28-joint-enforcement-completed.yaml"))
    }
}
