import LawAsk
import LawQuery
import Testing

/// The laws the lists rest on are named the way people write them, like the core laws.
@Suite("Questions about the sector laws")
struct SectorLawQuestionTests {
    static func ask(_ question: String) throws -> AskAnswer {
        try Asker(AskFixture.queries, today: AskFixture.today).ask(question)
    }

    @Test(
        "an article by short name, abbreviation or full title",
        arguments: [
            ("道路运输条例第六十三条", "中华人民共和国道路运输条例", 63),
            ("食品安全法第124条说了什么", "中华人民共和国食品安全法", 124),
            ("固废法第一百一十二条", "中华人民共和国固体废物污染环境防治法", 112),
            ("《中华人民共和国安全生产法》第九十九条", "中华人民共和国安全生产法", 99),
            ("农药管理条例第五十五条", "农药管理条例", 55),
        ])
    func article(_ question: String, _ title: String, _ number: Int) throws {
        let answer = try Self.ask(question)
        guard case .article(let record) = answer.answer else {
            Issue.record("\(question) → \(answer.reading.intent)")
            return
        }
        #expect(record.document == title)
        #expect(record.article == number)
        #expect(record.status == "现行有效")
    }

    @Test("the list items resting on a sector article")
    func citedBy() throws {
        let answer = try Self.ask("哪些清单事项引用了大气污染防治法第九十九条")
        guard case .citedBy(let record) = answer.answer else {
            Issue.record("→ \(answer.reading.intent)")
            return
        }
        #expect(record.document == "中华人民共和国大气污染防治法")
        #expect(!record.items.isEmpty)
        #expect(record.items.allSatisfy { $0.department == "鄂尔多斯市生态环境局乌审旗分局" })
    }
}
