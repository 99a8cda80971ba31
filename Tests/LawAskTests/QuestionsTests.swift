import Foundation
import LawAsk
import LawQuery
import Testing
import Yams

/// The development questions (`Tests/Eval/questions.yaml`), answered through ``Asker`` and
/// encoded as `lawkb ask --json` prints them, each checked against its `expect`.
@Suite("Questions in plain Chinese")
struct QuestionsTests {
    struct Case: Decodable, CustomTestStringConvertible {
        struct Expectation: Decodable {
            struct Article: Decodable {
                var document: String
                var article: Int
            }
            var intent: String
            var department: String?
            var kind: String?
            var as_of: String?
            var since: String?
            var document: String?
            var article: Int?
            var contains: String?
            var top_article: Article?
        }
        var q: String
        var expect: Expectation
        var testDescription: String { q }
    }

    static let cases: [Case] = {
        let url = AskFixture.evaluation.appendingPathComponent("questions.yaml")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return (try? YAMLDecoder().decode([Case].self, from: text)) ?? []
    }()

    /// Why the answer to `question` does not meet `expect`; empty when it does.
    static func problems(_ question: Case) -> [String] {
        let answer: [String: Any]
        do {
            let data = try JSONEncoder().encode(try Asker(AskFixture.queries).ask(question.q))
            answer = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        } catch {
            return ["\(error)"]
        }
        let expect = question.expect
        let understood = answer["understood"] as? [String: Any] ?? [:]
        let payload = answer["answer"] as? [String: Any] ?? [:]
        var problems: [String] = []
        func check(_ ok: Bool, _ what: String) { if !ok { problems.append(what) } }
        check(answer["intent"] as? String == expect.intent, "intent \(answer["intent"] ?? "nil")")
        if let department = expect.department {
            check((understood["department"] as? String)?.contains(department) == true, "department")
            check((payload["department"] as? String)?.contains(department) ?? true, "answer's department")
        }
        if let kind = expect.kind {
            check(understood["kind"] as? String == kind, "kind \(understood["kind"] ?? "nil")")
        }
        if let day = expect.as_of { check(understood["as_of"] as? String == day, "as_of") }
        if let day = expect.since { check(understood["since"] as? String == day, "since") }
        if let document = expect.document {
            check((understood["document"] as? String)?.contains(document) == true, "document")
        }
        if let article = expect.article { check(understood["article"] as? Int == article, "article") }
        if let due = expect.contains {
            let deadlines = payload["deadlines"] as? [[String: Any]] ?? []
            // The obligations the question is about come first.
            check(deadlines.prefix(3).contains { $0["due"] as? String == due }, "\(due) among the first deadlines")
        }
        if let top = expect.top_article {
            let first = (payload["hits"] as? [[String: Any]])?.first
            check(
                first?["article"] as? Int == top.article
                    && (first?["document"] as? String)?.contains(top.document) == true,
                "top hit \(first?["document"] ?? "none") \(first?["article"] ?? "")")
        }
        for key in ["question", "intent", "understood", "summary", "answer", "alternatives"] {
            check(answer.keys.contains(key), "key \(key)")
        }
        for key in ["department", "kind", "document", "article", "paragraph", "as_of", "since", "until", "terms"] {
            check(understood.keys.contains(key), "understood.\(key)")
        }
        return problems
    }

    @Test("the development set is in the repository")
    func present() {
        #expect(Self.cases.count >= 24)
    }

    @Test("every question is understood and answered as expected", arguments: cases)
    func question(_ question: Case) {
        let problems = Self.problems(question)
        #expect(problems.isEmpty, "\(question.q): \(problems.joined(separator: "; "))")
    }

    @Test("the score over the development set")
    func score() {
        let answered = Self.cases.filter { Self.problems($0).isEmpty }.count
        print("questions answered as expected: \(answered) of \(Self.cases.count)")
        #expect(answered == Self.cases.count)
    }
}
