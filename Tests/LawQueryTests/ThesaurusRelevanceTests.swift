import Foundation
import LawQuery
import Testing

/// Words people use for what the texts say, through `Corpus/thesaurus.yaml` and matching
/// across 、: each query must find the unit the texts hold for it, ranked as stated, and
/// hits found only through the thesaurus come after the literal ones and say how.
@Suite struct ThesaurusRelevanceTests {
    /// A query and where the unit it is about must rank.
    struct Case: CustomTestStringConvertible, Sendable {
        var query: String
        var document: String
        var article: Int
        var within: Int
        var testDescription: String { query }
    }

    static let articleCases: [Case] = [
        // 第三十三条第二款: 当事人有证据足以证明没有主观过错的，不予行政处罚。
        Case(query: "无过错不罚", document: "中华人民共和国行政处罚法", article: 33, within: 3),
        // 第三十三条第一款: 初次违法且危害后果轻微并及时改正的，可以不予行政处罚。
        Case(query: "首违不罚", document: "中华人民共和国行政处罚法", article: 33, within: 3),
        // 第三十三条第一款: 违法行为轻微并及时改正……; the plan's rules for the 不予处罚 and
        // 免予行政强制 lists (违法行为轻微, 违法行为情节显著轻微) and 行政强制法第十六条 come first.
        Case(query: "轻微违法", document: "中华人民共和国行政处罚法", article: 33, within: 5),
        // 第三十六条: 违法行为在二年内未被发现的……上述期限延长至五年。
        Case(query: "时效", document: "中华人民共和国行政处罚法", article: 36, within: 3),
        Case(query: "处罚时效", document: "中华人民共和国行政处罚法", article: 36, within: 3),
        // 第二十五条: 查封、扣押的期限不得超过三十日 — typed without 、.
        Case(query: "查封扣押 期限", document: "中华人民共和国行政强制法", article: 25, within: 3),
        // 第二十九条: 对当事人的同一个违法行为，不得给予两次以上罚款的行政处罚。
        Case(query: "一事不再罚", document: "中华人民共和国行政处罚法", article: 29, within: 3),
        // 第三十七条: 适用违法行为发生时的法律……新的规定处罚较轻……适用新的规定。
        Case(query: "从旧兼从轻", document: "中华人民共和国行政处罚法", article: 37, within: 3),
        // 第六十条: 自行政处罚案件立案之日起九十日内作出行政处罚决定。
        Case(query: "办案期限", document: "中华人民共和国行政处罚法", article: 60, within: 3),
        // 第五十一条 (第二节 简易程序): ……可以当场作出行政处罚决定。
        Case(query: "当场处罚", document: "中华人民共和国行政处罚法", article: 51, within: 3),
        Case(query: "简易程序", document: "中华人民共和国行政处罚法", article: 51, within: 3),
        // 第三十三条 (three times 不予行政处罚), among the provisions 不予处罚 stands for.
        Case(query: "不予处罚", document: "中华人民共和国行政处罚法", article: 33, within: 10),
    ]

    @Test(arguments: articleCases)
    func theArticleIsFound(_ testCase: Case) throws {
        let hits = try search(testCase.query, limit: testCase.within)
        let rank = hits.firstIndex {
            $0.kind == .regulation && $0.document == testCase.document
                && $0.article == testCase.article
        }
        print("thesaurus: \(testCase.query) → \(testCase.document) 第\(testCase.article)条 rank \(rank.map { "\($0 + 1)" } ?? "-")")
        #expect(rank != nil, "top \(testCase.within): \(hits.map { "\($0.title) [\($0.location)]" })")
    }

    @Test(arguments: ["没挂营业执照", "未亮照", "亮照"])
    func displayingTheBusinessLicenceFindsThoseItems(_ query: String) throws {
        let hits = try search(query, limit: 3)
        print("thesaurus: \(query) → \(hits.first.map { "\($0.title) [\($0.location)]" } ?? "-")")
        let first = try #require(hits.first)
        #expect(first.title == "未将营业执照置于住所或者主要经营场所醒目位置")
        #expect(first.department == "乌审旗市场监督管理局")
        #expect(first.matchedVia?.map(\.matched) == ["营业执照…醒目位置"])
        #expect(first.matchedVia?.first?.term == query)
        #expect(first.snippet.contains("醒目位置"))
    }

    @Test(arguments: ["超载", "超重", "货车超载"])
    func overloadingFindsTheTransportBureausOverLimitItems(_ query: String) throws {
        let hits = try search(query, limit: 20)
        print("thesaurus: \(query) → \(hits.prefix(5).map { "\($0.title) [\($0.department ?? $0.document)]" })")
        #expect(hits.count >= 10)
        // The transport bureau's items and the road laws they rest on, nothing else, come first.
        let transport = ["中华人民共和国道路运输条例", "公路安全保护条例", "中华人民共和国公路法", "中华人民共和国道路交通安全法"]
        #expect(hits.prefix(10).allSatisfy { $0.department == "乌审旗交通运输局" || transport.contains($0.document) })
        #expect(hits.prefix(10).contains { $0.department == "乌审旗交通运输局" })
        #expect(hits.contains { $0.title == "车辆超限在公路上行驶" })
        #expect(hits.contains { $0.matchedVia?.contains { $0.matched == "超限" } == true })
    }

    /// The provisions come first (short, and 第三十三条 says 不予行政处罚 three times); the
    /// lists' items, whose 处理方式 says 不予行政处罚, follow on the first pages.
    @Test func noPenaltyFindsTheNoPenaltyListsItems() throws {
        let hits = try search("不予处罚", limit: 20)
        let items = hits.filter { $0.listKind?.rawValue == "不予处罚事项清单" }
        print("thesaurus: 不予处罚 → \(hits.map { "\($0.title) [\($0.listKind?.rawValue ?? $0.document)]" })")
        #expect(items.count >= 3)
        #expect(items.allSatisfy { $0.matchedVia?.first?.matched == "不予行政处罚" })
    }

    @Test func literalMatchesComeFirstAndSayNothing() throws {
        // The texts write 超载 twice (超载车辆出站, 超限超载治理) and 超限 many times.
        let hits = try search("超载", limit: 20)
        let firstExpanded = try #require(hits.firstIndex { $0.matchedVia != nil })
        #expect(firstExpanded >= 1)
        #expect(hits[..<firstExpanded].allSatisfy { $0.snippet.contains("超载") || $0.title.contains("超载") })
        #expect(hits[firstExpanded...].allSatisfy { $0.matchedVia != nil })
        // Scores still read best-first down the page.
        #expect(zip(hits, hits.dropFirst()).allSatisfy { $0.score >= $1.score })
    }

    @Test func pagesThroughBothTiersWithoutOverlap() throws {
        let all = try search("不予处罚", limit: 40)
        var paged: [Int64] = []
        for offset in stride(from: 0, to: 40, by: 7) {
            let page = try Fixture.queries.search(SearchRequest(query: "不予处罚", limit: 7, offset: offset))
            paged += page.hits.map(\.id)
            #expect(page.total == (try Fixture.queries.search(SearchRequest(query: "不予处罚"))).total)
        }
        #expect(Array(paged.prefix(all.count)) == all.map(\.id))
    }

    @Test(arguments: ["超载", "包容审慎监管"])
    func anOffsetNearTheLargestIntegerIsAnEmptyPage(_ query: String) throws {
        let result = try Fixture.queries.search(SearchRequest(query: query, limit: 100, offset: Int.max - 1))
        #expect(result.hits.isEmpty)
        #expect(result.total > 0)
    }

    @Test func aQueryOutsideTheThesaurusIsUnchanged() throws {
        let hits = try search("包容审慎监管", limit: 10)
        #expect(!hits.isEmpty)
        #expect(hits.allSatisfy { $0.matchedVia == nil })
    }

    @Test func matchedViaIsAnOptionalJSONKey() throws {
        let hits = try search("无过错不罚", limit: 1)
        let json = String(decoding: try JSONEncoder().encode(hits), as: UTF8.self)
        #expect(json.contains("\"matched_via\":[{"))
        #expect(json.contains("没有主观过错"))
        let literal = String(decoding: try JSONEncoder().encode(try search("没有主观过错", limit: 1)), as: UTF8.self)
        #expect(!literal.contains("matched_via"))
    }

    @Test func exclusionsAndFiltersStillApplyToExpansions() throws {
        let excluded = try search("超载 -公路", limit: 20)
        #expect(!excluded.isEmpty)
        #expect(!excluded.contains { $0.title == "车辆超限在公路上行驶" })
        let filtered = try Fixture.queries.search(SearchRequest(query: "不予处罚", kind: .regulation))
        #expect(!filtered.hits.isEmpty)
        #expect(filtered.hits.allSatisfy { $0.kind == .regulation })
    }

    private func search(_ query: String, limit: Int) throws -> [SearchHit] {
        try Fixture.queries.search(SearchRequest(query: query, limit: limit)).hits
    }
}
