import Foundation
import LawQuery
import Testing
import Yams

/// The development set in `Tests/Eval/queries.yaml`: every expected unit must be among
/// the top three hits. Prints the mean reciprocal rank over the top ten.
@Suite struct RelevanceTests {
    struct Case: Decodable, CustomTestStringConvertible {
        struct Expectation: Decodable {
            var document: String?
            var article: Int?
            var plan: String?
        }
        var query: String
        var expect: Expectation
        var testDescription: String { query }

        func isExpected(_ hit: SearchHit) -> Bool {
            if let plan = expect.plan {
                return hit.kind == .plan && (hit.title.contains(plan) || hit.location.contains(plan))
            }
            guard let document = expect.document, let article = expect.article else { return false }
            let sameDocument = hit.document == document || hit.document == "中华人民共和国" + document
            return hit.kind == .regulation && sameDocument && hit.article == article
        }
    }

    static let cases: [Case] = {
        let url = Fixture.evaluation.appendingPathComponent("queries.yaml")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return (try? YAMLDecoder().decode([Case].self, from: text)) ?? []
    }()

    @Test func theDevelopmentSetIsThere() {
        #expect(Self.cases.count >= 19, "expected Tests/Eval/queries.yaml")
    }

    @Test(arguments: cases)
    func expectedUnitIsInTheTopThree(_ testCase: Case) throws {
        let result = try Fixture.queries.search(SearchRequest(query: testCase.query, limit: 3))
        #expect(
            result.hits.contains(where: testCase.isExpected),
            "top 3: \(result.hits.map { "\($0.title) [\($0.location)]" })")
    }

    @Test func meanReciprocalRank() throws {
        var total = 0.0
        for testCase in Self.cases {
            let hits = try Fixture.queries.search(SearchRequest(query: testCase.query, limit: 10)).hits
            if let rank = hits.firstIndex(where: testCase.isExpected) { total += 1.0 / Double(rank + 1) }
        }
        let mrr = total / Double(max(Self.cases.count, 1))
        print("relevance: MRR@10 = \(String(format: "%.3f", mrr)) over \(Self.cases.count) queries")
        #expect(mrr >= 0.8)
    }
}
