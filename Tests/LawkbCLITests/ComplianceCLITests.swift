import Foundation
import LawImport
import LawTestSupport
import Testing

/// `lawkb compliance`, `lawkb filing add` and `lawkb deadlines --department`, run as a user would.
@Suite(.serialized) struct ComplianceCLITests {
    static let cli = try! CLIRunner()

    @Test func jsonHasTheAsOfDateAndEveryRowHasEveryKey() throws {
        let output = try Self.cli.run(["compliance", "--as-of", "2024-06-28", "--json"])
        #expect(output.status == 0, "\(output.stderr)")
        let json = try output.json()
        #expect(json["as_of"] as? String == "2024-06-28")
        let rows = try #require(json["rows"] as? [[String: Any]])
        #expect(!rows.isEmpty)
        let keys: Set<String> = ["department", "obligation", "rule", "due", "status", "done", "late_working_days", "evidence"]
        #expect(rows.allSatisfy { keys.isSubset(of: Set($0.keys)) })
        let statuses = Set(rows.compactMap { $0["status"] as? String })
        #expect(statuses == ["on_time", "late", "overdue", "not_applicable"])
        let late = try #require(rows.first { $0["status"] as? String == "late" })
        #expect(late["late_working_days"] as? Int ?? 0 > 0)
        let evidence = try #require((late["evidence"] as? [[String: Any]])?.first)
        #expect(evidence["file"] is String)
        #expect(evidence["sample"] as? Bool == true)
    }

    @Test func overdueListsOnlyOverdueRows() throws {
        let json = try Self.cli.run(["compliance", "--as-of", "2024-06-28", "--overdue", "--json"]).json()
        let rows = try #require(json["rows"] as? [[String: Any]])
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { $0["status"] as? String == "overdue" })
        let text = try Self.cli.run(["compliance", "--as-of", "2024-06-28", "--overdue"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("逾期未完成（"))
        #expect(!text.stdout.contains("按时（"))
    }

    @Test func oneDepartmentIsPrintedAsAChineseTable() throws {
        let json = try Self.cli.run(["compliance", "--department", "交通局", "--as-of", "2024-06-28", "--json"]).json()
        let rows = try #require(json["rows"] as? [[String: Any]])
        #expect(rows.allSatisfy { $0["department"] as? String == "乌审旗交通运输局" })
        let text = try Self.cli.run(["compliance", "--department", "交通局", "--as-of", "2024-06-28"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.hasPrefix("完成情况（截至 2024-06-28）："))
        #expect(text.stdout.contains("\n乌审旗交通运输局\n"))
        #expect(text.stdout.contains("  逾期完成（2 个工作日）        2022-05-31  编制并公示证明事项目录清单"), "\(text.stdout)")
        #expect(text.stdout.contains("依据：证明事项目录清单（2022-05-24 版）公示 2022-06-02，备案 2022-06-09（示例）"))
        #expect(!text.stdout.contains("乌审旗市场监督管理局"))
    }

    @Test func aDayOutsideTheCalendarFailsNamingItsYears() throws {
        let output = try Self.cli.run(["compliance", "--as-of", "2030-01-02"])
        #expect(output.status == 1)
        #expect(output.stderr.contains("2022—2026"), "\(output.stderr)")
    }

    @Test func deadlinesOfADepartmentCarryItsStatusAndRelativeDueDates() throws {
        let json = try Self.cli.run(["deadlines", "--department", "市场监管局", "--as-of", "2024-06-28", "--json"]).json()
        let deadlines = try #require(json["deadlines"] as? [[String: Any]])
        let relative = deadlines.filter { $0["kind"] as? String == "relative" }
        let dues = relative.flatMap { ($0["compliance"] as? [[String: Any]] ?? []).compactMap { $0["due"] as? String } }
        #expect(dues.contains("2024-04-03"))  // 裁量基准 2024-03-20 版: 10 working days after
        #expect(deadlines.allSatisfy { $0["compliance"] is [Any] && $0.keys.contains("due") })
        let text = try Self.cli.run(["deadlines", "--department", "市场监管局", "--as-of", "2024-06-28"])
        #expect(text.stdout.contains("2024-04-03  按时（2024-04-03）"), "\(text.stdout)")
        let plain = try Self.cli.run(["deadlines", "--json"]).json()
        #expect((plain["deadlines"] as? [[String: Any]])?.first?["compliance"] == nil)
        #expect(try Self.cli.run(["deadlines", "--as-of", "2024-06-28"]).status == 64)
    }

    @Test func filingAddWritesOneFileNeverOverwritesAndTheIndexSeesIt() throws {
        let corpus = try TestRepository.corpusCopy("lawkb-filing-add")
        let before = try CLIRunner(corpus: corpus.path)
        let open = try before.run(["compliance", "--department", "住建局", "--as-of", "2022-12-31", "--json"]).json()
        let training = { (json: [String: Any]) in
            (json["rows"] as? [[String: Any]])?.first { $0["obligation"] as? String == "training-report" }
        }
        #expect(training(open)?["status"] as? String == "overdue")

        let arguments = [
            "filing", "add", "--department", "住建局", "--obligation", "training-report", "--received", "2022-06-15",
            "--number", "乌住建发〔2022〕7号", "--note", "培训情况报告", "--corpus", corpus.path,
        ]
        let added = try CLIRunner.execute(arguments, in: corpus.deletingLastPathComponent())
        #expect(added.status == 0, "\(added.stderr)")
        let file = corpus.appendingPathComponent("filings/zjj/2022-06-15-training-report.yaml")
        #expect(added.stdout.contains(file.lastPathComponent))
        #expect(added.stdout.contains("lawkb index"))
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains("number: \"乌住建发〔2022〕7号\""))
        #expect(text.contains("status: official"))

        let again = try CLIRunner.execute(arguments, in: corpus.deletingLastPathComponent())
        #expect(again.status == 1)
        #expect(again.stderr.contains("已存在"), "\(again.stderr)")
        #expect(try String(contentsOf: file, encoding: .utf8) == text)

        let after = try CLIRunner(corpus: corpus.path)
        let done = try after.run(["compliance", "--department", "住建局", "--as-of", "2022-12-31", "--json"]).json()
        #expect(training(done)?["status"] as? String == "on_time")
        #expect(training(done)?["done"] as? String == "2022-06-15")
    }

    @Test func filingAddRefusesWhatTheCorpusWouldRefuse() throws {
        let corpus = try TestRepository.corpusCopy("lawkb-filing-refused")
        let directory = corpus.deletingLastPathComponent()
        let unknown = try CLIRunner.execute(
            [
                "filing", "add", "--department", "住建局", "--obligation", "training", "--received", "2022-06-15",
                "--corpus", corpus.path,
            ], in: directory)
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("training"), "\(unknown.stderr)")
        let list = try CLIRunner.execute(
            [
                "filing", "add", "--department", "住建局", "--obligation", "four-lists-filed", "--received", "2022-11-01",
                "--sample", "--corpus", corpus.path,
            ], in: directory)
        #expect(list.status == 1)
        #expect(list.stderr.contains("清单"), "\(list.stderr)")
        let badDate = try CLIRunner.execute(
            [
                "filing", "add", "--department", "住建局", "--obligation", "training-report", "--received", "六月",
                "--corpus", corpus.path,
            ], in: directory)
        #expect(badDate.status == 1)
        let written = try FileManager.default.contentsOfDirectory(atPath: corpus.appendingPathComponent("filings/zjj").path)
        #expect(written == ["2022-03-28-liaison.yaml"])
    }

    /// The month's 工作任务推进表 written as .xlsx (全部 and a sheet per department) and .csv,
    /// read back cell for cell; the same table as JSON.
    @Test func theMonthsProgressTableIsWrittenAsAWorkbookAndCSV() throws {
        let directory = try TestRepository.scratchDirectory("progress")
        let xlsx = directory.appendingPathComponent("推进表.xlsx").path
        let csv = directory.appendingPathComponent("推进表.csv").path
        let written = try Self.cli.run(["compliance", "--month", "2022年11月", "--xlsx", xlsx, "--csv", csv])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout.contains("已写出 2022年11月工作任务推进表"))
        let json = try Self.cli.run(["compliance", "--month", "2022-11", "--json"]).json()
        #expect(json["as_of"] as? String == "2022-11-30")
        let headers = try #require(json["headers"] as? [String])
        #expect(headers == ["部门", "工作任务", "完成时限", "完成情况", "完成时间", "情况说明"])
        let rows = try #require(json["rows"] as? [[String]])
        #expect(!rows.isEmpty)
        let reader = XLSXReader()
        let sheets = try reader.sheetNames(path: xlsx)
        #expect(sheets.first == "全部" && sheets.contains("乌审旗交通运输局"))
        let all = try reader.read(path: xlsx, sheet: "全部")
        #expect(all.rows.map(\.cells) == [headers] + rows)
        let table = try CSVReader().read(path: csv)
        #expect(table.rows.map(\.cells) == [headers] + rows)
        let road = try reader.read(path: xlsx, sheet: "乌审旗交通运输局")
        #expect(road.rows.dropFirst().allSatisfy { $0.cells.first == "乌审旗交通运输局" })
        #expect(road.rows.count - 1 == rows.filter { $0.first == "乌审旗交通运输局" }.count)
        let wrongName = try Self.cli.run(["compliance", "--month", "2022-11", "--xlsx", csv])
        #expect(wrongName.status == 64 && wrongName.stderr.contains("应以 .xlsx 结尾"))
        let noMonth = try Self.cli.run(["compliance", "--csv", csv])
        #expect(noMonth.status == 64 && noMonth.stderr.contains("须与 --month 一起使用"))
        let badMonth = try Self.cli.run(["compliance", "--month", "十一月"])
        #expect(badMonth.status == 1 && badMonth.stderr.contains("不是月份"))
    }
}
