import GRDB
import LawQuery
import Testing

/// The words people type first (处罚, 清单, 罚款 …) occur in a large share of the units: their
/// first page must still be ranked, best first, with scores a reader can compare.
@Suite struct CommonWordRankingTests {
    static let words = ["处罚", "行政处罚", "清单", "违法行为", "罚款"]

    @Test(arguments: words)
    func theFirstPageIsRankedBestFirst(_ word: String) throws {
        let result = try Fixture.queries.search(SearchRequest(query: word, limit: 10))
        let scores = result.hits.map(\.score)
        print("ranking: \(word) → \(result.hits.map { "\($0.title) \($0.score)" })")
        #expect(scores.count == 10)
        #expect(scores.allSatisfy { $0 > 0 })
        #expect(zip(scores, scores.dropFirst()).allSatisfy { $0 >= $1 })
        #expect(Set(scores).count >= 5, "a page of ties: \(scores)")
    }

    /// A unit whose title holds the word ranks above every unit that holds it once, in passing,
    /// in its text only.
    @Test(arguments: words)
    func aTitleMatchRanksAboveAPassingMention(_ word: String) throws {
        let hits = try Fixture.queries.search(SearchRequest(query: word, limit: 100)).hits
        let texts = try Fixture.queries.knowledgeBase.reader.read { db in
            try Dictionary(
                Row.fetchAll(db, sql: "SELECT id, text FROM unit WHERE id IN (\(hits.map { "\($0.id)" }.joined(separator: ",")))")
                    .map { ($0["id"] as Int64, $0["text"] as String) },
                uniquingKeysWith: { first, _ in first })
        }
        let titled = try #require(hits.firstIndex { $0.title.contains(word) })
        let passing = hits.indices.filter { index in
            !hits[index].title.contains(word) && (texts[hits[index].id] ?? "").components(separatedBy: word).count == 2
        }
        print("ranking: \(word) → first title match at \(titled + 1), passing mentions at \(passing.prefix(5).map { $0 + 1 })")
        #expect(passing.allSatisfy { $0 > titled })
    }

    @Test func pagesOfACommonWordFollowOneOrder() throws {
        let all = try Fixture.queries.search(SearchRequest(query: "处罚", limit: 100))
        var paged: [Int64] = []
        for offset in stride(from: 0, to: 100, by: 30) {
            let page = try Fixture.queries.search(SearchRequest(query: "处罚", limit: 30, offset: offset))
            #expect(page.total == all.total)
            paged += page.hits.map(\.id)
        }
        #expect(Array(paged.prefix(all.hits.count)) == all.hits.map(\.id))
    }
}
