import Foundation
import GRDB
import LawCorpus
import LawIndex
import Testing

/// Benchmark levels are checked against their statute when the index is built: a level whose
/// fine leaves the statutory range, or whose measure the article lacks, is flagged.
@Suite struct BenchmarkCheckIndexTests {
    /// A benchmark written for this test against 旅游法 第九十六条 (五千元以上五万元以下; 停业整顿
    /// or 吊销 when serious) and 第九十五条 (一万元以上十万元以下; 违法所得一倍以上五倍以下).
    static let benchmark = """
        department: 乌审旗文化和旅游局
        kind: 行政处罚裁量权基准
        title: 乌审旗文化和旅游局行政处罚裁量权基准（测试）
        version: 2023-05-01
        status: sample
        public: true
        items:
          - id: WLJ-CLJZ-901
            name: 未按照规定安排领队或者导游全程陪同
            penalty_basis: 《中华人民共和国旅游法》第九十六条第一款第（一）项
            levels:
              - level: 一般
                penalty: 责令改正，没收违法所得，并处5000元以上2万元以下罚款
              - level: 较重
                penalty: 责令改正，没收违法所得，并处2万元以上8万元以下罚款
              - level: 严重
                penalty: 并处5万元罚款，责令停业整顿，对旅行社负责人处行政拘留
          - id: WLJ-CLJZ-902
            name: 未经许可经营旅行社业务
            penalty_basis: 《中华人民共和国旅游法》第九十五条第一款
            levels:
              - level: 一般
                penalty: 责令改正，没收违法所得，并处1万元以上3万元以下罚款
              - level: 严重
                penalty: 没收违法所得，并处违法所得1倍以上5倍以下罚款
        """

    static let checked: (report: IndexReport, knowledgeBase: KnowledgeBase) = {
        let corpus = try! Fixture.corpusCopy()
        let folder = corpus.appendingPathComponent("lists/wlj/行政处罚裁量权基准")
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try! benchmark.write(to: folder.appendingPathComponent("2023-05-01.yaml"), atomically: true, encoding: .utf8)
        let path = corpus.deletingLastPathComponent().appendingPathComponent("lawkb.sqlite").path
        let report = try! IndexBuilder(corpusRoot: corpus.path).build(to: path)
        return (report, try! KnowledgeBase(path: path))
    }()

    private func storedCheck(_ id: String) throws -> BenchmarkCheck {
        let json = try Self.checked.knowledgeBase.reader.read { db in
            try String.fetchOne(db, sql: "SELECT benchmark_check FROM list_item WHERE item_id = ?", arguments: [id])
        }
        return try JSONDecoder().decode(BenchmarkCheck.self, from: Data(try #require(json).utf8))
    }

    @Test func aFineBeyondTheRangeAndAMeasureTheLawLacksAreFlagged() throws {
        let check = try storedCheck("WLJ-CLJZ-901")
        #expect(check.problem == nil)
        let provision = try #require(check.provisions.first)
        #expect(provision.document == "中华人民共和国旅游法" && provision.version == "2018" && provision.article == 96)
        #expect(provision.penalty.fines.contains { $0.lower == 5_000 && $0.upper == 50_000 && $0.unit == "元" })
        #expect(check.levels.map(\.isWithinLaw) == [true, false, false])
        #expect(check.levels[1].findings.map(\.code) == ["fine_outside_range"])
        #expect(check.levels[1].findings[0].chineseDescription.contains("超出法定幅度"))
        #expect(check.levels[2].findings.map(\.code).contains("sanction_not_provided"))
        let severe = check.levels[2].findings.map(\.chineseDescription)
        #expect(severe.contains { $0.contains("行政拘留") })
    }

    @Test func multiplesOfIllegalGainsCompareWithMultiples() throws {
        let check = try storedCheck("WLJ-CLJZ-902")
        #expect(check.levels.allSatisfy { $0.isWithinLaw })
    }

    @Test func theReportCountsTheLevels() {
        let shipped = Fixture.shared.report.benchmarks
        let tally = Self.checked.report.benchmarks
        #expect(tally.items == shipped.items + 2)
        #expect(tally.levels == shipped.levels + 5)
        #expect(tally.beyondLaw == shipped.beyondLaw + 2)
        #expect(shipped.unchecked == 0)
        #expect(shipped.withinLaw + shipped.beyondLaw == shipped.levels)
    }
}
