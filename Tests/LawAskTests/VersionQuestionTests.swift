import LawAsk
import LawQuery
import Testing

/// Questions about the versions of a law: what a revision changed, and an article of a
/// version named the way people write it.
@Suite("Questions about law versions")
struct VersionQuestionTests {
    static func ask(_ question: String) throws -> AskAnswer {
        try Asker(AskFixture.queries, today: AskFixture.today).ask(question)
    }

    @Test(
        "what a revision changed", arguments: ["行政处罚法修改了哪些内容", "新旧行政处罚法对照", "行政处罚法2021年修订的变化"])
    func comparison(_ question: String) throws {
        let answer = try Self.ask(question)
        guard case .compare(let comparison) = answer.answer else {
            Issue.record("\(question) → \(answer.reading.intent)")
            return
        }
        #expect(answer.reading.intent == .compare)
        #expect(comparison.document == "中华人民共和国行政处罚法")
        #expect(comparison.from == "2017" && comparison.to == "2021")
        #expect(answer.reading.understood.document == "中华人民共和国行政处罚法")
    }

    @Test(
        "an article of a named version",
        arguments: [
            ("2017年行政处罚法第三十条", 30, "2017"), ("行政处罚法（2017年）第二十七条说了什么", 27, "2017"),
            ("旧行政处罚法第三十六条", 36, "previous"), ("《行政处罚法》(2017)第三十条第一款", 30, "2017"),
        ])
    func articleOfAVersion(_ question: String, _ number: Int, _ version: String) throws {
        let answer = try Self.ask(question)
        guard case .article(let record) = answer.answer else {
            Issue.record("\(question) → \(answer.reading.intent)")
            return
        }
        #expect(record.version == "2017" && record.article == number)
        #expect(answer.reading.understood.version == version)
        #expect(answer.reading.summary.contains("行政处罚法（"))
    }

    @Test("a law named without a version is today's")
    func currentVersion() throws {
        let answer = try Self.ask("行政处罚法第三十三条")
        guard case .article(let record) = answer.answer else {
            Issue.record("→ \(answer.reading.intent)")
            return
        }
        #expect(record.version == "2021" && answer.reading.understood.version == nil)
    }
}
