import Foundation
import LawAsk
import LawCorpus
import LawQuery
import Testing

@Suite("Hostile questions")
struct HostileQuestionTests {
    static let inputs: [String] = [
        String(repeating: "清单", count: 5_000),
        String(repeating: "市监局免罚清单第九十九条", count: 800),
        "\u{0}\u{1}\u{7}\u{1B}[31m市监局\u{7F}免罚清单\u{0}",
        "行政处罚法第9223372036854775807条",
        "行政处罚法第九九九九九九九九九九九九九九九九九九九条",
        "9223372036854775807年1月1日的清单",
        "2022年99月99日市监局免罚清单",
        "《《《《《《《《《《", "第第第第第条条条", "？？？", "\"", "-",
        "1234567890123456789",
        String(repeating: "2022年", count: 300),
    ]

    @Test("never crash: an answer or a query error", arguments: inputs)
    func hostile(_ text: String) {
        do {
            let answer = try Asker(AskFixture.queries).ask(text)
            _ = try JSONEncoder().encode(answer)
            #expect(answer.understoodLine.hasPrefix("理解为："))
        } catch let error as QueryError {
            #expect(!error.description.isEmpty)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("a question longer than the limit is refused with the limit named")
    func tooLong() {
        #expect(throws: QueryError.tooLong(length: 10_000, limit: QueryParser.maximumLength)) {
            try Asker(AskFixture.queries).ask(String(repeating: "法", count: 10_000))
        }
    }

    @Test("an empty question is refused")
    func empty() {
        #expect(throws: QueryError.emptyQuery) { try Asker(AskFixture.queries).ask("  \n ") }
    }

    @Test("written dates of hostile size are not dates")
    func dates() {
        #expect(WrittenDateProbe.day(String(repeating: "2", count: 10_000)) == nil)
        #expect(WrittenDateProbe.day("9223372036854775807-01-01") == nil)
    }
}

/// ``WrittenDate`` under its own name, for the hostile tests.
enum WrittenDateProbe {
    static func day(_ text: String) -> CalendarDate? { WrittenDate.day(text) }
}

@Suite("Public mode")
struct PublicAskTests {
    /// Words only the list that is not public in the shipped corpus contains (its title, its note).
    static let secretWords = ["内部审核稿", "应急管理局行政执法“失职照单问责”", "13900001234", "王某某"]

    @Test("a list that is not public does not exist, and no answer names it")
    func hidden() throws {
        let asker = Asker(AskFixture.publicQueries)
        for question in [
            "应急局追责情形清单", "应急管理局有哪些清单", "追责情形清单有哪些", "应急局的清单有哪些变化",
            "失职照单问责", "追责情形",
        ] {
            do {
                let json = String(decoding: try JSONEncoder().encode(try asker.ask(question)), as: UTF8.self)
                for word in Self.secretWords { #expect(!json.contains(word), "\(question) names \(word)") }
            } catch let error as QueryError {
                for word in Self.secretWords { #expect(!error.description.contains(word)) }
                if case .noSuchList(_, _, let message) = error { #expect(!message.contains("追责")) }
            }
        }
    }

    @Test("the public vocabulary leaves out what is not public")
    func vocabulary() throws {
        let vocabulary = try AskFixture.publicQueries.vocabulary()
        let department = try #require(vocabulary.departments.resolve("应急局"))
        #expect(!vocabulary.listKinds(of: department).contains(.accountability))
        #expect(AskFixture.vocabulary.listKinds(of: department).contains(.accountability))
        #expect(!vocabulary.titles.contains { $0.contains("内部审核稿") })
    }
}
