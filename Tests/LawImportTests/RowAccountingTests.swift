import Foundation
import LawCorpus
import Testing

@testable import LawImport

/// Every non-empty row is accounted for once, and imported rows with unreadable citations
/// are reported.
@Suite("Row accounting and warnings")
struct RowAccountingTests {
    @Test("every non-empty row of a benchmark workbook has exactly one account")
    func benchmarkAccounts() throws {
        let corpus = try Support.scratchCorpus()
        let url = corpus.deletingLastPathComponent().appendingPathComponent("b.xlsx")
        try ImportTests.benchmarkWorkbook(at: url)
        let report = try ListImporter(options: Support.options(url.path, corpus: corpus, kind: "benchmark")).run()
        let table = try XLSXReader().read(path: url.path)
        #expect(report.accounts.map(\.row) == table.rows.map(\.number))
        #expect(
            report.accounts.map(\.kind) == [
                .aboveHeader, .header, .category, .item, .level, .level, .level,
                .category, .item, .level, .skipped,
            ])
        #expect(report.count(.item) == report.itemCount)
        #expect(report.count(.item) + report.count(.level) == report.levelCount)
        #expect(report.count(.skipped) == report.unmapped.count)
        #expect(report.lines.contains("  非空行      11：表头以上 1，表头 1，事项 2，阶次续行 4，类别 2，重复表头 0，未导入 1"))
    }

    @Test("repeated headers and rows without a level are counted, not lost")
    func repeatedHeaderAndSkipped() throws {
        let corpus = try Support.scratchCorpus()
        let csv = """
            序号,违法行为,法律依据,裁量阶次,处罚标准
            1,违反明码标价规定,《中华人民共和国价格法》第四十二条,一般,可以并处5000元以下罚款
            序号,违法行为,法律依据,裁量阶次,处罚标准
            2,未建立进货查验记录制度,《中华人民共和国食品安全法》第一百二十六条,,处5000元以上罚款
            ,,,,处2万元以上罚款
            """
        let input = try Support.writeCSV(csv, named: "分页.csv", beside: corpus)
        let report = try ListImporter(options: Support.options(input, corpus: corpus, kind: "benchmark")).run()
        #expect(report.accounts.map(\.kind) == [.header, .item, .repeatedHeader, .item, .skipped])
        #expect(report.repeatedHeaders == [3])
        #expect(report.unmapped.map(\.row) == [5])
        // Row 4 became an item, but its penalty without a level is a warning, not silence.
        #expect(report.warnings == [ImportWarning(row: 4, problem: .levelCellsWithoutLevel(header: "裁量阶次"))])
        #expect(report.lines.contains { $0.contains("第 4 行：裁量阶次为空") })
    }

    @Test("an article number too large to exist is reported with its row, not written silently or crashing")
    func hugeArticleNumber() throws {
        let corpus = try Support.scratchCorpus()
        let huge = "第九九九九九九九九九九九九九九九九九九九条"
        let csv = """
            序号,事项名称,法律依据,处理方式
            1,违反明码标价规定,《中华人民共和国价格法》第十三条,责令改正
            2,未按规定建立进货查验记录制度,《中华人民共和国行政处罚法》\(huge),依照第99999999条处理
            3,广告,《中华人民共和国广告法》第（一）项、第３３条,责令改正
            """
        let input = try Support.writeCSV(csv, named: "条号.csv", beside: corpus)
        let report = try ListImporter(options: Support.options(input, corpus: corpus)).run()
        #expect(report.itemCount == 3)
        #expect(report.list.items[1].basis == "《中华人民共和国行政处罚法》\(huge)")
        #expect(
            report.warnings == [
                ImportWarning(row: 3, problem: .unreadableArticleNumber(column: "C", text: huge)),
                ImportWarning(row: 3, problem: .unreadableArticleNumber(column: "D", text: "第99999999条")),
            ])
        #expect(report.lines.contains { $0.hasPrefix("    第 3 行 C 列：“\(huge)”中的条款号无法识别") })
    }

    @Test("the citation check reads what the corpus reads")
    func citationCheck() {
        #expect(CitationCheck.unreadableNumbers(in: "第三十三条第一款、第二款第（三）项；第一千二百六十条") == [])
        #expect(CitationCheck.unreadableNumbers(in: "第十三、四十二条 二〇二二年 第三季度") == [])
        #expect(CitationCheck.unreadableNumbers(in: "第百条") == ["第百条"])
        #expect(CitationCheck.unreadableNumbers(in: "第（九九九九九九九九九九九九九）项") == ["第（九九九九九九九九九九九九九）项"])
        #expect(CitationCheck.unreadableNumbers(in: "第0条") == ["第0条"])
    }

    @Test("--limit settings")
    func limitSettings() {
        var limits = ImportLimits.standard
        #expect(limits.apply("rows=2000000") == .rows)
        #expect(limits.rows == 2_000_000)
        #expect(limits.apply("part-bytes = 512MiB") == .partBytes)
        #expect(limits.partBytes == 512 << 20)
        #expect(limits.apply("cell-bytes=2k") == .cellBytes)
        #expect(limits.cellBytes == 2048)
        #expect(limits.apply("rows=0") == nil)
        #expect(limits.apply("rows=-1") == nil)
        #expect(limits.apply("rows") == nil)
        #expect(limits.apply("lines=5") == nil)
        #expect(limits.apply("cells=99999999999999999999") == nil)
        #expect(limits.apply("cells=9999999999GiB") == nil)
        #expect(limits.rows == 2_000_000)
    }
}
