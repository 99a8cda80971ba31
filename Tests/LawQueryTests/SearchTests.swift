import LawQuery
import Testing

@Suite struct SearchTests {
    let queries = Fixture.queries

    @Test func findsTheArticleAndHighlightsTheMatch() throws {
        let result = try queries.search(SearchRequest(query: "违法行为轻微并及时改正"))
        let top = try #require(result.hits.first)
        #expect(top.document == "中华人民共和国行政处罚法")
        #expect(top.article == 33)
        #expect(top.kind == .regulation)
        #expect(top.location == "第四章　行政处罚的管辖和适用 › 第三十三条")
        #expect(top.snippet.contains(Highlight.open + "违法行为轻微并及时改正" + Highlight.close))
        #expect(result.total >= 1)
    }

    @Test func singleCharactersAndTwoCharacterWordsMatch() throws {
        #expect(try queries.search(SearchRequest(query: "罚")).total > 50)
        #expect(try queries.search(SearchRequest(query: "听证")).total >= 5)
    }

    @Test func filtersByKindAndDocument() throws {
        let plan = try queries.search(SearchRequest(query: "清单", kind: .plan, limit: 100))
        #expect(!plan.hits.isEmpty)
        #expect(plan.hits.allSatisfy { $0.kind == .plan && $0.article == nil })
        let law = try queries.search(SearchRequest(query: "期限", document: "行政强制法", limit: 100))
        #expect(law.hits.allSatisfy { $0.document == "中华人民共和国行政强制法" })
        #expect(law.total == law.hits.count)
    }

    @Test func pagesDoNotOverlap() throws {
        let first = try queries.search(SearchRequest(query: "行政", limit: 5, offset: 0))
        let second = try queries.search(SearchRequest(query: "行政", limit: 5, offset: 5))
        #expect(first.total == second.total)
        #expect(Set(first.hits.map(\.id)).isDisjoint(with: second.hits.map(\.id)))
    }

    @Test func exclusionRemovesUnits() throws {
        let all = try queries.search(SearchRequest(query: "查封", limit: 100))
        let without = try queries.search(SearchRequest(query: "查封 -扣押", limit: 100))
        #expect(without.total < all.total)
        #expect(without.hits.allSatisfy { !$0.snippet.contains("扣押") || $0.snippet.hasSuffix("…") })
    }

    @Test func fullWidthDigitsFindArabicOnes() throws {
        let fullWidth = try queries.search(SearchRequest(query: "１０个工作日内"))
        let ascii = try queries.search(SearchRequest(query: "10个工作日内"))
        #expect(fullWidth.total == ascii.total)
        #expect(ascii.total > 0)
    }

    @Test(arguments: ["NEAR(处罚", "*", "处罚\" OR \"", "'); DROP TABLE unit; --", "😀", "\u{0}"])
    func hostileQueriesGiveResultsOrAClearMessage(_ query: String) {
        do {
            _ = try queries.search(SearchRequest(query: query))
        } catch {
            #expect(!error.description.contains("SQLite"))
            #expect(!error.description.contains("fts5"))
        }
    }

    @Test func badParametersNameTheParameter() {
        #expect(throws: QueryError.invalidParameter(name: "limit", message: "应为 1 到 100 之间的整数，收到的是 0")) {
            try queries.search(SearchRequest(query: "处罚", limit: 0))
        }
        #expect { try queries.search(SearchRequest(query: "处罚", offset: -1)) } throws: { error in
            "\(error)".contains("offset")
        }
        #expect { try queries.search(SearchRequest(query: "处罚", kindCode: "novel", listKindName: nil)) } throws: { error in
            "\(error)".contains("kind")
        }
        #expect { try queries.search(SearchRequest(query: "处罚", document: "刑法")) } throws: { error in
            "\(error)".contains("没有名为“刑法”的文件") && "\(error)".contains("您是不是要找")
        }
    }
}
