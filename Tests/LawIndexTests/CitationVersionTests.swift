import Foundation
import GRDB
import LawIndex
import Testing

/// Citations are stored against the version of the law in force on the citing list's date,
/// and those that open nothing are named in the report with file and line.
@Suite struct CitationVersionTests {
    /// The versions (`2022`, `2023`) that a list file's citations of `title` point at.
    private func citedVersions(listFile: String, title: String) throws -> Set<String> {
        try Fixture.shared.knowledgeBase.reader.read { db in
            Set(
                try String.fetchAll(
                    db,
                    sql: """
                        SELECT DISTINCT target.version FROM citation
                        JOIN unit ON unit.id = citation.unit_id
                        JOIN document AS list ON list.id = unit.document_id
                        JOIN document AS target ON target.id = citation.document_id
                        WHERE list.file LIKE ? AND target.title = ?
                        """, arguments: ["%" + listFile, title]))
        }
    }

    @Test func listsCiteTheVersionInForceOnTheirDate() throws {
        let road = "中华人民共和国道路运输条例"
        let produce = "中华人民共和国农产品质量安全法"
        #expect(try citedVersions(listFile: "jtys/行政处罚裁量权基准/2022-10-26.yaml", title: road) == ["2022"])
        #expect(try citedVersions(listFile: "jtys/行政处罚裁量权基准/2023-10-16.yaml", title: road) == ["2023"])
        #expect(try citedVersions(listFile: "jtys/不予处罚事项清单/2022-10-26.yaml", title: road) == ["2022"])
        #expect(try citedVersions(listFile: "nmj/行政处罚裁量权基准/2022-10-24.yaml", title: produce) == ["2018"])
        #expect(try citedVersions(listFile: "nmj/行政处罚裁量权基准/2023-03-01.yaml", title: produce) == ["2022"])
    }

    @Test func regulationVersionsCarryTheirPeriodInForce() throws {
        let rows = try Fixture.shared.knowledgeBase.reader.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT version, status, in_force_from, in_force_until FROM document
                    WHERE title = '中华人民共和国道路运输条例' ORDER BY in_force_from
                    """)
        }
        #expect(rows.map { $0["version"] as String } == ["2022", "2023"])
        #expect(rows.map { $0["in_force_from"] as String } == ["2022-05-01", "2023-07-20"])
        #expect(rows.map { $0["in_force_until"] as String? } == ["2023-07-20", nil])
        #expect(rows.map { $0["status"] as String } == ["已修改", "现行有效"])
    }

    /// A list citing a law the corpus lacks, and an article the applicable version lacks
    /// (道路运输条例 2023 has 82 articles; 2022 had 83): both kept, both reported where written.
    @Test func unresolvedCitationsAreNamedWithFileAndLine() throws {
        let corpus = try Fixture.corpusCopy()
        let folder = corpus.appendingPathComponent("lists/jtys/重点监管事项清单")
        try """
        department: 乌审旗交通运输局
        kind: 重点监管事项清单
        title: 乌审旗交通运输领域重点监管事项清单（2024年修订）
        version: 2024-01-10
        status: sample
        public: true
        items:
          - id: JTYS-ZDJG-101
            name: 城市公共汽车客运监管
            basis: 《城市公共汽车和电车客运管理规定》第十条
          - id: JTYS-ZDJG-102
            name: 道路运输从业人员监管
            basis: 《中华人民共和国道路运输条例》第八十三条
        """.write(to: folder.appendingPathComponent("2024-01-10.yaml"), atomically: true, encoding: .utf8)
        let path = corpus.deletingLastPathComponent().appendingPathComponent("lawkb.sqlite").path
        let report = try IndexBuilder(corpusRoot: corpus.path).build(to: path)
        #expect(report.unresolvedCitations == 2)
        let missingLaw = try #require(report.unresolved.first { $0.reason == .documentNotInCorpus })
        #expect(missingLaw.file.hasSuffix("jtys/重点监管事项清单/2024-01-10.yaml"))
        #expect(missingLaw.line == 8)  // the item's line
        #expect(missingLaw.document == "城市公共汽车和电车客运管理规定")
        #expect(missingLaw.description.contains("所引文件“城市公共汽车和电车客运管理规定”未收录"))
        let missingArticle = try #require(report.unresolved.first { $0.reason == .noSuchArticle })
        #expect(missingArticle.line == 11)
        #expect(missingArticle.version == "2023")
        #expect(missingArticle.article == 83)
        #expect(missingArticle.description.contains("（2023）没有第83条"))
    }
}
