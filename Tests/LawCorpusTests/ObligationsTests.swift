import Foundation
import LawTestSupport
import Testing

@testable import LawCorpus

/// `plan/obligations.yaml` and `filings/`: read from the shipped corpus, and every mistake in
/// them reported with its file and line.
@Suite("Obligations and filings: corpus files") struct ObligationsTests {
    static var obligations: ObligationSet { Fixture.loaded.obligations! }

    @Test func dueDatesComeFromThePlanAndBindTheDepartmentsNamed() throws {
        let set = Self.obligations
        #expect(set.plan == "乌司发〔2022〕11号")
        let four = try #require(set.obligation("four-lists-published"))
        #expect(four.due.description == "2022-10-31")
        #expect(four.measure == "二、（一）推行包容审慎监管执法制度")
        #expect(four.satisfiedBy == .lists([.noPenalty, .lighterPenalty, .reducedPenalty, .noCompulsion], .published))
        // 各行政执法部门: the twelve departments of that type, not the justice bureau nor the towns.
        #expect(four.departments == ["scjg", "jtys", "sthj", "wlj", "yjgl", "nmj", "zrzy", "zjj", "wjw", "slj", "lcj", "cgj"])
        #expect(try #require(set.obligation("four-lists-filed")).due.description == "2022-11-10")
        #expect(try #require(set.obligation("certification-lists-filed")).due.description == "2022-06-10")
        #expect(try #require(set.obligation("liaison")).due.description == "2022-03-28")
        #expect(try #require(set.obligation("accountability-published")).departments == ["scjg"])
        let comprehensive = try #require(set.obligation("comprehensive-enforcement-filed"))
        #expect(comprehensive.due.description == "2022-05-15")
        #expect(
            comprehensive.departments == [
                "scjg", "jtys", "sthj", "wlj", "yjgl", "nmj", "gltz", "wszz", "tkz", "wltlgz", "wddhz", "sldsm",
            ])
    }

    @Test func aMonthlyRuleBecomesOneObligationPerMonthOnTheTwentyFifth() {
        let monthly = Self.obligations.obligations.filter { $0.id.hasPrefix("monthly-report-") }
        #expect(monthly.map(\.id) == (4...12).map { String(format: "monthly-report-2022-%02d", $0) })
        #expect(monthly.map(\.due.description) == (4...12).map { String(format: "2022-%02d-25", $0) })
        #expect(monthly.allSatisfy { $0.rule == "每月25日前" && $0.satisfiedBy == .filing })
        let joint = Self.obligations.obligations.filter { $0.id.hasPrefix("joint-enforcement-plan") }
        #expect(joint.map(\.id) == ["joint-enforcement-plan-2023"])
        #expect(joint.map(\.due.description) == ["2023-02-28"])
    }

    @Test func adjustmentRulesReadTheirWorkingDaysFromThePlan() throws {
        let rules = Self.obligations.adjustments
        #expect(
            rules.map(\.id) == [
                "key-supervision-adjusted", "benchmark-adjusted", "certification-lists-adjusted", "other-lists-adjusted",
            ])
        #expect(rules.allSatisfy { $0.workingDays == 10 && $0.rule == "动态调整后10个工作日内" })
        // Every kind of list is covered exactly once.
        #expect(Set(rules.flatMap(\.kinds)) == Set(ListKind.allCases))
        #expect(rules.flatMap(\.kinds).count == ListKind.allCases.count)
    }

    @Test func shippedFilingsAreSamplesInTheirDepartmentsFolders() {
        let filings = Fixture.loaded.filings
        #expect(filings.count >= 80)
        #expect(filings.allSatisfy { $0.status == .sample })
        #expect(filings.allSatisfy { $0.file.contains("/filings/\($0.department)/\($0.received)-\($0.obligation).yaml") })
    }

    // MARK: - Mistakes, with their lines

    /// The error loading a copy of the corpus whose obligations file has `old` replaced by `new`.
    func obligationsError(replacing old: String, with new: String) throws -> CorpusError {
        let corpus = try TestRepository.corpusCopy("lawkb-obligations")
        let file = corpus.appendingPathComponent("plan/obligations.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(old))
        try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
        do {
            _ = try CorpusLoader(root: corpus.path).load()
        } catch {
            #expect(error.file.hasSuffix("plan/obligations.yaml"))
            return error
        }
        Issue.record("the corpus loaded despite \(new)")
        return CorpusError(file: "", message: "")
    }

    /// 1-based line of the first line of the shipped obligations file containing `text`.
    func line(of text: String) throws -> Int {
        let lines = try String(contentsOfFile: Fixture.corpus + "/plan/obligations.yaml", encoding: .utf8)
            .components(separatedBy: "\n")
        return try #require(lines.firstIndex { $0.contains(text) }) + 1
    }

    @Test func aRuleThePlanDoesNotSetIsReportedWithItsLine() throws {
        let line = try line(of: "rule: 3月28日前")
        let error = try obligationsError(replacing: "rule: 3月28日前", with: "rule: 3月29日前")
        #expect(error.line == line)
        #expect(error.message.contains("没有“3月29日前”这一时限"))
        #expect(error.message.contains("3月28日前"))
    }

    @Test func aMeasureThePlanDoesNotHaveIsReportedWithItsLine() throws {
        let line = try line(of: "measure: 二、（八）")
        let error = try obligationsError(replacing: "measure: 二、（八）", with: "measure: 二、（十二）")
        #expect(error.line == line)
        #expect(error.message.contains("二、（十二）"))
    }

    @Test func anUnknownDepartmentIsReportedWithItsLine() throws {
        let line = try line(of: "binds: [市场监管局]")
        let error = try obligationsError(replacing: "binds: [市场监管局]", with: "binds: [气象局]")
        #expect(error.line == line)
        #expect(error.message.contains("气象局"))
    }

    @Test func aDuplicateIdIsReportedWithItsLine() throws {
        let line = try line(of: "id: four-lists-filed")
        let error = try obligationsError(replacing: "id: four-lists-filed", with: "id: four-lists-published")
        #expect(error.line == line)
        #expect(error.message.contains("重复"))
    }

    @Test func anUnknownKeyAndABadEventAreReportedWithTheirLines() throws {
        let eventLine = try line(of: "event: filed")
        let event = try obligationsError(replacing: "event: filed", with: "event: approved")
        #expect(event.line == eventLine)
        #expect(event.message.contains("published"))
        let keyLine = try line(of: "task: 报送分管领导和联络员名单")
        let key = try obligationsError(
            replacing: "    task: 报送分管领导和联络员名单（附件2）",
            with: "    tsak: 报送分管领导和联络员名单（附件2）")
        #expect(key.line == keyLine)
        #expect(key.message.contains("tsak"))
    }

    @Test func aRelativeRuleAmongDatedObligationsIsRefused() throws {
        let line = try line(of: "rule: 3月28日前")
        let error = try obligationsError(
            replacing: "measure: 三、（一）\n    rule: 3月28日前", with: "measure: 二、（三）\n    rule: 动态调整后10个工作日内")
        #expect(error.line == line)
        #expect(error.message.contains("adjustments"))
    }

    // MARK: - Filings

    func filingError(_ relative: String, _ text: String) throws -> CorpusError {
        let corpus = try TestRepository.corpusCopy("lawkb-filings")
        let file = corpus.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: file, atomically: true, encoding: .utf8)
        do {
            _ = try CorpusLoader(root: corpus.path).load()
        } catch {
            #expect(error.file.hasSuffix(relative))
            return error
        }
        Issue.record("the corpus loaded despite \(relative)")
        return CorpusError(file: "", message: "")
    }

    @Test func aFilingForAnUnknownObligationIsReportedWithItsLine() throws {
        let error = try filingError(
            "filings/zjj/2022-06-14-training.yaml",
            "department: 住建局\nobligation: training\nreceived: 2022-06-14\nstatus: sample\n")
        #expect(error.line == 2)
        #expect(error.message.contains("training"))
    }

    @Test func aFilingInAnotherDepartmentsFolderOrMisnamedIsRefused() throws {
        let folder = try filingError(
            "filings/jtys/2022-06-14-training-report.yaml",
            "department: 住建局\nobligation: training-report\nreceived: 2022-06-14\n")
        #expect(folder.line == 1)
        #expect(folder.message.contains("filings/zjj/"))
        let name = try filingError(
            "filings/zjj/2022-06-15-training-report.yaml",
            "department: 住建局\nobligation: training-report\nreceived: 2022-06-14\n")
        #expect(name.message.contains("2022-06-14-training-report.yaml"))
    }

    @Test func aFilingForAListObligationOrOneThatDoesNotBindIsRefused() throws {
        let list = try filingError(
            "filings/zjj/2022-11-01-four-lists-filed.yaml",
            "department: 住建局\nobligation: four-lists-filed\nreceived: 2022-11-01\n")
        #expect(list.line == 2)
        #expect(list.message.contains("清单"))
        let binds = try filingError(
            "filings/gltz/2022-06-14-training-report.yaml",
            "department: 嘎鲁图镇\nobligation: training-report\nreceived: 2022-06-14\n")
        #expect(binds.line == 2)
        #expect(binds.message.contains("不约束"))
    }

    @Test func aFilingWrittenByItsOwnWriterReadsBack() throws {
        let registry = try DepartmentRegistry(Fixture.loaded.departments)
        let filing = Filing(
            file: "", department: "scjg", obligation: "training-report", received: try #require(CalendarDate(iso: "2022-06-14")),
            number: "乌市监发〔2022〕35号", note: "含\"引号\"与\n换行", status: .sample)
        let text = filing.yaml(departmentName: "乌审旗市场监督管理局")
        let read = try Filing.parse(
            text, file: "Corpus/filings/scjg/2022-06-14-training-report.yaml", registry: registry,
            obligations: Self.obligations)
        #expect(read.number == filing.number)
        #expect(read.note == filing.note)
        #expect(read.status == .sample)
        #expect(read.department == "scjg")
    }
}
