import GRDB
import LawCorpus
import LawIndex
import Testing

@testable import LawQuery

/// Which documents a query prefers when two units score the same: the law it names, the
/// lists whose kind it names. On the shipped corpus.
@Suite struct PreferredDocumentTests {
    /// The titles of the documents `query`'s search prefers, and how many documents it covers.
    static func preferred(_ query: String) throws -> (titles: [String], kinds: Set<ListKind?>, covered: Int) {
        let queries = Fixture.queries
        let expression = try QueryParser().parse(query)
        return try queries.knowledgeBase.reader.read { db in
            let statistics = try queries.knowledgeBase.searchStatistics(db)
            let scope = try SearchScope(
                request: SearchRequest(query: query), terms: expression.terms, queries: queries,
                statistics: statistics, db)
            let ids = zip(statistics.documentIDs, scope.preferredDocuments).filter(\.1).map(\.0)
            let rows = try Row.fetchAll(
                db, sql: "SELECT title, list_kind FROM document WHERE id IN (\(ids.map(String.init).joined(separator: ",")))")
            return (
                rows.map { $0["title"] }, Set(rows.map { ($0["list_kind"] as String?).flatMap(ListKind.init(rawValue:)) }),
                scope.documentWeights.filter { $0 > 0 }.count
            )
        }
    }

    @Test(arguments: ["免罚", "不予处罚"])
    func aWordForTheNoPenaltyListPrefersThoseLists(_ query: String) throws {
        let (titles, kinds, covered) = try Self.preferred(query)
        #expect(!titles.isEmpty)
        #expect(kinds == [.noPenalty], "\(titles)")
        #expect(titles.count < covered)
    }

    @Test func aLawsNamePrefersThatLawOnly() throws {
        let (titles, kinds, _) = try Self.preferred("行政处罚法")
        // The version in force: superseded versions are outside the search's scope.
        #expect(titles == ["中华人民共和国行政处罚法"])
        #expect(kinds == [nil])
        #expect(try Self.preferred("中华人民共和国行政处罚法").titles == ["中华人民共和国行政处罚法"])
    }

    /// The documents are read once per open index; each search still covers what its own
    /// filters let through.
    @Test func searchesOverOneMemoKeepTheirOwnFilters() throws {
        let shared = LawQueries(Fixture.queries.knowledgeBase)
        let requests = [
            SearchRequest(query: "免罚", department: "市监局", listKind: .noPenalty),
            SearchRequest(query: "免罚"),
            SearchRequest(query: "行政处罚法", kind: .regulation),
            SearchRequest(query: "行政处罚法", asOf: "2020-05-01"),
            SearchRequest(query: "行政处罚法"),
        ]
        for request in requests {
            let fresh = try LawQueries(Fixture.queries.knowledgeBase).search(request)
            let reused = try shared.search(request)
            #expect(reused.total == fresh.total && reused.hits.map(\.id) == fresh.hits.map(\.id), "\(request)")
        }
        #expect(shared.memo.count > 0)
    }

    @Test func aWordThatNamesNoDocumentPrefersNone() throws {
        #expect(try Self.preferred("超限运输").titles.isEmpty)
        // A query term that only names part of a law's name does not name the law.
        #expect(try Self.preferred("行政处罚").titles.allSatisfy { !$0.hasSuffix("法") })
    }

    @Test func isWantedReadsTheKindsNamesAndAliases() {
        let list = PreferredDocument(id: 1, kind: .list, title: "某局清单", shortName: nil, listKind: .noPenalty)
        #expect(list.isWanted(by: ["免罚"]))
        #expect(list.isWanted(by: ["首违不罚"]))
        #expect(!list.isWanted(by: ["从轻"]))
        let lighter = PreferredDocument(id: 2, kind: .list, title: "某局清单", shortName: nil, listKind: .lighterPenalty)
        #expect(!lighter.isWanted(by: ["免罚"]))
        let law = PreferredDocument(
            id: 3, kind: .regulation, title: "中华人民共和国行政处罚法", shortName: "行政处罚法", listKind: nil)
        #expect(law.isWanted(by: ["行政处罚法"]))
        #expect(!law.isWanted(by: ["处罚"]))
        let plan = PreferredDocument(id: 4, kind: .plan, title: "实施方案", shortName: nil, listKind: nil)
        #expect(!plan.isWanted(by: ["实施方案"]))
    }
}
