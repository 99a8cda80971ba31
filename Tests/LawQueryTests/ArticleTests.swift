import LawCorpus
import LawQuery
import Testing

@Suite struct ArticleTests {
    let queries = Fixture.queries

    @Test(arguments: ["33", "第33条", "三十三", "第三十三条", "３３"])
    func looksUpAnArticleByAnyNumberForm(_ number: String) throws {
        let article = try queries.article(document: "行政处罚法", number: number)
        #expect(article.document == "中华人民共和国行政处罚法")
        #expect(article.article == 33)
        #expect(article.label == "第三十三条")
        #expect(article.chapter == "第四章　行政处罚的管辖和适用")
        #expect(article.text.hasPrefix("第三十三条 违法行为轻微并及时改正"))
    }

    @Test func fullTitlesAndOtherLawsWork() throws {
        #expect(try queries.article(document: "中华人民共和国行政强制法", number: "16").text.contains("行政强制措施"))
        #expect(try queries.article(document: "优化营商环境条例", number: "第五十五条").text.contains("包容审慎"))
    }

    @Test func aMissingArticleNamesTheLastOne() {
        #expect(
            throws: QueryError.noSuchArticle(
                document: "中华人民共和国行政处罚法", requested: "87", lastArticle: 86, lastLabel: "第八十六条")
        ) {
            try queries.article(document: "行政处罚法", number: "87")
        }
        #expect(throws: QueryError.self) { try queries.article(document: "行政处罚法", number: "abc") }
        #expect(throws: QueryError.self) { try queries.article(document: "行政处罚法", number: "0") }
    }

    @Test func citationsResolveToTheirParagraph() throws {
        let answer = try queries.cite("《中华人民共和国行政处罚法》第三十三条第二款")
        #expect(answer.article.article == 33)
        #expect(answer.paragraph == 2)
        #expect(answer.paragraphText?.hasPrefix("当事人有证据足以证明没有主观过错的") == true)
        #expect(try queries.cite("行政强制法第16条").article.article == 16)
        #expect(try queries.cite("《行政处罚法》第三十六条").article.label == "第三十六条")
    }

    @Test func unreadableCitationsAreClearErrors() {
        #expect(throws: QueryError.self) { try queries.cite("随便写点什么") }
        #expect(throws: QueryError.self) { try queries.cite("《行政处罚法》第一百条") }
        #expect(throws: QueryError.self) { try queries.cite("《行政处罚法》第三十三条第九款") }
    }

    @Test func numeralsAreWrittenTheLegislativeWay() {
        #expect(ChineseNumeralFormatter.format(10) == "十")
        #expect(ChineseNumeralFormatter.format(15) == "十五")
        #expect(ChineseNumeralFormatter.format(33) == "三十三")
        #expect(ChineseNumeralFormatter.format(100) == "一百")
        #expect(ChineseNumeralFormatter.format(105) == "一百零五")
        #expect(ChineseNumeralFormatter.format(110) == "一百一十")
        #expect(ChineseNumeralFormatter.format(123) == "一百二十三")
    }

    @Test func deadlinesAreOrderedWithDatedOnesFirst() throws {
        let deadlines = try queries.deadlines()
        let dated = deadlines.compactMap(\.due)
        #expect(dated == dated.sorted())
        #expect(dated.first == "2022-03-28")
        #expect(dated.contains("2022-10-31"))
        let firstUndated = try #require(deadlines.firstIndex { $0.due == nil })
        #expect(deadlines[firstUndated...].allSatisfy { $0.due == nil })
        #expect(deadlines.contains { $0.rule == "每月25日前" && $0.kind == .recurring })
        #expect(deadlines.contains { $0.rule.contains("10个工作日内") && $0.kind == .relative })
    }
}
