import Foundation
import GRDB
import LawIndex
import Testing

@Suite struct IndexBuilderTests {
    @Test func indexesThePlanTheLawsAndTheLists() throws {
        let report = Fixture.shared.report
        #expect(report.documents == 1 + 29 + report.lists)
        #expect(report.lists == 45)
        #expect(report.listItems == 262)
        #expect(report.articles == 2_328)
        // Every citation of the shipped corpus opens an article.
        #expect(report.unresolvedCitations == 0)
        #expect(report.unresolved.isEmpty)
        #expect(report.units > report.articles + 20)
        #expect(report.deadlines >= 15)
        #expect(report.citations >= 25)
        #expect(report.notes.contains { $0.contains("11") && $0.contains("10") })
        #expect(report.bytes > 0)
    }

    @Test func articlesKeepTheirChapter() throws {
        let row = try Fixture.shared.knowledgeBase.reader.read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT unit.title, unit.location, unit.text FROM unit JOIN document ON document.id = unit.document_id
                    WHERE document.title = '中华人民共和国行政处罚法' AND document.version = '2021' AND unit.article = 33
                    """)
        }
        let unit = try #require(row)
        #expect((unit["title"] as String) == "行政处罚法 第三十三条")
        #expect((unit["location"] as String) == "第四章　行政处罚的管辖和适用 › 第三十三条")
        #expect((unit["text"] as String).hasPrefix("第三十三条 违法行为轻微并及时改正"))
    }

    @Test func citationsResolveToDocumentsOfTheCorpus() throws {
        // 行政处罚法 第三十三条第三款 cites 本法 (itself); the plan cites no article.
        let count = try Fixture.shared.knowledgeBase.reader.read { db in
            try Int.fetchOne(
                db,
                sql: """
                    SELECT count(*) FROM citation JOIN document ON document.id = citation.document_id
                    WHERE document.short_name = '行政处罚法'
                    """)
        }
        #expect((count ?? 0) > 10)
    }

    @Test func chineseTextIsSearchableThroughTheCustomTokenizer() throws {
        let titles = try Fixture.shared.knowledgeBase.reader.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT unit.title FROM unit_fts JOIN unit ON unit.id = unit_fts.rowid
                    WHERE unit_fts MATCH '"处罚"' ORDER BY bm25(unit_fts) LIMIT 5
                    """)
        }
        #expect(titles.count == 5)
        // A one-character query finds it too.
        let single = try Fixture.shared.knowledgeBase.reader.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM unit_fts WHERE unit_fts MATCH '\"罚\"'")
        }
        #expect((single ?? 0) >= titles.count)
    }

    @Test func highlightMarksExactlyTheMatchedCharacters() throws {
        let highlighted = try Fixture.shared.knowledgeBase.reader.read { db in
            try String.fetchOne(
                db,
                sql: """
                    SELECT highlight(unit_fts, 1, '[', ']') FROM unit_fts JOIN unit ON unit.id = unit_fts.rowid
                    WHERE unit_fts MATCH '"二年内未被发现"' AND unit.article = 36
                    """)
        }
        let text = try #require(highlighted)
        #expect(text.contains("[二年内未被发现]"))
        // Adjacent matches of a one-character query do not overlap or garble the text.
        let adjacent = try Fixture.shared.knowledgeBase.reader.read { db in
            try String.fetchOne(
                db,
                sql: """
                    SELECT highlight(unit_fts, 1, '[', ']') FROM unit_fts JOIN unit ON unit.id = unit_fts.rowid
                    WHERE unit_fts MATCH '"法"' AND unit.title = '行政处罚法 第一条'
                    """)
        }
        let plain = try #require(adjacent).replacingOccurrences(of: "[", with: "").replacingOccurrences(of: "]", with: "")
        #expect(plain.hasPrefix("第一条 为了规范行政处罚的设定和实施"))
    }

    @Test func aMalformedCorpusLeavesThePreviousIndexUsable() throws {
        let corpus = try Fixture.corpusCopy()
        let output = corpus.deletingLastPathComponent().appendingPathComponent("Index/lawkb.sqlite").path
        let first = try IndexBuilder(corpusRoot: corpus.path).build(to: output)
        #expect(first.articles == 2_328)

        // Damage a law: a duplicated article number.
        let law = corpus.appendingPathComponent("regulations/中华人民共和国行政强制法(2011).md")
        var text = try String(contentsOf: law, encoding: .utf8)
        text = text.replacingOccurrences(of: "第十条 ", with: "第九条 ")
        try text.write(to: law, atomically: true, encoding: .utf8)

        #expect {
            try IndexBuilder(corpusRoot: corpus.path).build(to: output)
        } throws: { error in
            let message = "\(error)"
            return message.contains("中华人民共和国行政强制法(2011).md") && message.contains(":")
        }
        let survivor = try KnowledgeBase(path: output)
        let count = try survivor.reader.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM unit WHERE article IS NOT NULL") }
        #expect(count == first.articles)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: (output as NSString).deletingLastPathComponent)
        #expect(leftovers == ["lawkb.sqlite"])
    }

    @Test func openingSomethingElseIsAClearError() throws {
        let directory = try Fixture.scratchDirectory()
        let missing = directory.appendingPathComponent("none.sqlite").path
        #expect(throws: IndexError.self) { try KnowledgeBase(path: missing) }
        let garbage = directory.appendingPathComponent("garbage.sqlite").path
        try Data("not a database".utf8).write(to: URL(fileURLWithPath: garbage))
        #expect { try KnowledgeBase(path: garbage) } throws: { error in
            "\(error)".contains("garbage.sqlite")
        }
    }
}
