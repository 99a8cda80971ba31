import Testing

@testable import LawCorpus

@Suite("Citations") struct CitationTests {
    static let names: DocumentNames = {
        var names = DocumentNames()
        names.register(title: "中华人民共和国行政处罚法", aliases: ["行政处罚法"])
        names.register(title: "中华人民共和国行政强制法", aliases: ["行政强制法"])
        names.register(title: "优化营商环境条例", aliases: [])
        return names
    }()
    let parser = CitationParser(names: CitationTests.names)
    let penalty = "中华人民共和国行政处罚法"

    /// (document, name, article, paragraph, item) of each citation found in `text`.
    func found(_ text: String, in document: String? = nil) -> [String] {
        parser.citations(in: text, currentDocument: document).map {
            let paragraph = $0.paragraph.map(String.init) ?? "-"
            let item = $0.item.map(String.init) ?? "-"
            return "\($0.document ?? "nil")|\($0.name ?? "nil")|\($0.article)|\(paragraph)|\(item)"
        }
    }

    @Test func fullTitleWithParagraph() {
        let citations = parser.citations(in: "依据《中华人民共和国行政处罚法》第三十三条第一款规定，", currentDocument: nil)
        #expect(
            citations == [
                Citation(
                    document: penalty, name: "中华人民共和国行政处罚法", article: 33, paragraph: 1,
                    text: "《中华人民共和国行政处罚法》第三十三条第一款")
            ])
    }

    @Test func shortTitleAndArabicDigits() {
        #expect(found("《行政处罚法》第33条") == ["\(penalty)|行政处罚法|33|-|-"])
        #expect(found("《行政处罚法》第３３条第２款") == ["\(penalty)|行政处罚法|33|2|-"])
        #expect(parser.citations(in: "按《行政处罚法》第３３条处理", currentDocument: nil).first?.text == "《行政处罚法》第３３条")
        // A registered name without 《》.
        #expect(found("依照行政处罚法第三十二条的规定") == ["\(penalty)|行政处罚法|32|-|-"])
    }

    @Test func selfReferences() {
        #expect(found("依照本法第九条的规定", in: penalty) == ["\(penalty)|nil|9|-|-"])
        #expect(found("本条例第五十九条", in: "优化营商环境条例") == ["优化营商环境条例|nil|59|-|-"])
        // Bare 第X条 means the current document in a law, nothing in a plan.
        #expect(found("依照第十条处理", in: penalty) == ["\(penalty)|nil|10|-|-"])
        #expect(found("依照第十条处理").isEmpty)
    }

    @Test func listsAreExpanded() {
        #expect(found("《行政处罚法》第三十二条、第三十三条") == ["\(penalty)|行政处罚法|32|-|-", "\(penalty)|行政处罚法|33|-|-"])
        #expect(found("《行政处罚法》第三十二、三十三条") == ["\(penalty)|行政处罚法|32|-|-", "\(penalty)|行政处罚法|33|-|-"])
        #expect(found("《行政处罚法》第二十八条第一款、第二款") == ["\(penalty)|行政处罚法|28|1|-", "\(penalty)|行政处罚法|28|2|-"])
        #expect(found("《行政处罚法》第二十八条第一款和第二款的规定").count == 2)
        #expect(found("《行政强制法》第九条第一项或者第四项").map { $0.split(separator: "|").last! } == ["1", "4"])
        #expect(found("本法第六十七条至第六十九条的规定", in: penalty).map { $0.split(separator: "|")[2] } == ["67", "68", "69"])
        #expect(found("本法第四十四条和第四十五条", in: penalty).count == 2)
        let list = parser.citations(in: "本法第五十一条、第五十七条的规定", currentDocument: penalty)
        #expect(list.map(\.text) == ["本法第五十一条、第五十七条", "本法第五十一条、第五十七条"])
    }

    @Test func items() {
        #expect(found("《行政强制法》第九条第（二）项") == ["中华人民共和国行政强制法|行政强制法|9|-|2"])
        #expect(found("《行政强制法》第九条第二项") == ["中华人民共和国行政强制法|行政强制法|9|-|2"])
        #expect(found("《行政处罚法》第三十条第一款第(三)项") == ["\(penalty)|行政处罚法|30|1|3"])
        #expect(
            found("本法第十八条第一项、第二项、第三项、第七项", in: "X").map { $0.split(separator: "|").last! }
                == ["1", "2", "3", "7"])
    }

    @Test func unknownDocumentsKeepTheirName() {
        #expect(
            found("《内蒙古自治区规范行政处罚裁量权基准办法》第五条")
                == ["nil|内蒙古自治区规范行政处罚裁量权基准办法|5|-|-"])
    }

    @Test func titlesWithoutArticlesAreNotCitations() {
        #expect(found("根据《优化营商环境条例》《内蒙古自治区以更优营商环境服务市场主体行动方案》等文件精神").isEmpty)
        #expect(found("《鄂尔多斯市对标先进建设最优营商环境行动方案（500条）》").isEmpty)
        #expect(found("第一次修正", in: penalty).isEmpty)
        #expect(found("本条第二款、前款规定", in: penalty).isEmpty)
        #expect(found("《优化营商环境条例》", in: penalty).isEmpty)
    }

    @Test func citationsStoredOnArticles() throws {
        let coercion = Fixture.regulation(Fixture.coercionTitle)
        let article10 = try #require(coercion.article(10))
        #expect(article10.citations.map { [$0.article, $0.item ?? 0] } == [[9, 1], [9, 4], [9, 2], [9, 3]])
        #expect(article10.citations.allSatisfy { $0.document == Fixture.coercionTitle && $0.name == nil })
        let penalty = Fixture.regulation(Fixture.penaltyTitle)
        let article53 = try #require(penalty.article(53))
        #expect(article53.citations.map(\.article) == [67, 68, 69])
        // Labels are not citations of themselves.
        #expect(
            penalty.articles.allSatisfy { article in
                !article.citations.contains { $0.article == article.number && $0.text == article.label }
            })
        let core = [Fixture.penaltyTitle, Fixture.coercionTitle, Fixture.businessTitle]
        let total = Fixture.loaded.regulations
            .filter { core.contains($0.metadata.title) && $0.metadata.status == RegulationMetadata.Status.inForce }
            .flatMap(\.articles).flatMap(\.citations)
        #expect(total.count == 33)
        // Every law's citations name a document of the corpus.
        #expect(Fixture.loaded.regulations.flatMap(\.articles).flatMap(\.citations).allSatisfy { $0.document != nil })
    }

    @Test func thePlanCitesNoArticles() {
        // The plan names laws (《优化营商环境条例》, 《中华人民共和国行政处罚法》) but cites no article.
        #expect(Fixture.plan.sections.allSatisfy { $0.citations.isEmpty })
    }

    @Test func parseUserInput() throws {
        let first = try #require(parser.parse("《行政处罚法》第三十三条第一款"))
        #expect(
            first
                == Citation(
                    document: penalty, name: "行政处罚法", article: 33, paragraph: 1,
                    text: "《行政处罚法》第三十三条第一款"))
        #expect(parser.parse("行政处罚法第33条")?.article == 33)
        #expect(parser.parse("行政处罚法第33条")?.document == penalty)
        #expect(parser.parse("行政处罚法 33")?.article == 33)
        #expect(parser.parse("行政处罚法 33")?.name == "行政处罚法")
        #expect(parser.parse("行政处罚法　３３")?.document == penalty)
        #expect(parser.parse("行政处罚法 三十三")?.article == 33)
        #expect(parser.parse("行政处罚法33条")?.article == 33)
        #expect(parser.parse(" 中华人民共和国行政处罚法 第 33 条 第 2 款 ")?.paragraph == 2)
        let item = try #require(parser.parse("中华人民共和国行政处罚法第三十三条第二款第（一）项"))
        #expect([item.article, item.paragraph, item.item] == [33, 2, 1])
        #expect(item.document == penalty)
        let unknown = try #require(parser.parse("《某某办法》第5条"))
        #expect(unknown.document == nil && unknown.name == "某某办法" && unknown.article == 5)
        #expect(parser.parse("第三十三条")?.name == nil)
        #expect(parser.parse("行政处罚法") == nil)
        #expect(parser.parse("违法行为轻微") == nil)
        #expect(parser.parse("") == nil)
        #expect(parser.parse("行政处罚法第三十三条规定的情形") == nil)
    }

    @Test func documentNamesAreTolerant() {
        var names = DocumentNames()
        names.register(title: "中华人民共和国行政处罚法", aliases: ["行政处罚法"])
        names.register(title: "ABC条例", aliases: ["ABC"])
        #expect(names.resolve("行政处罚法") == "中华人民共和国行政处罚法")
        #expect(names.resolve("《行政处罚法》") == "中华人民共和国行政处罚法")
        #expect(names.resolve("《中华人民共和国行政处罚法》") == "中华人民共和国行政处罚法")
        #expect(names.resolve("中华人民共和国 行政处罚法") == "中华人民共和国行政处罚法")
        #expect(names.resolve(" 行政　处罚法 ") == "中华人民共和国行政处罚法")
        #expect(names.resolve("ＡＢＣ条例") == "ABC条例")
        #expect(names.resolve("ＡＢＣ") == "ABC条例")
        #expect(names.resolve("行政强制法") == nil)
        #expect(names.resolve("") == nil)
        #expect(names.resolve("《》") == nil)
        // The first title to claim a name keeps it.
        names.register(title: "另一部法", aliases: ["行政处罚法"])
        #expect(names.resolve("行政处罚法") == "中华人民共和国行政处罚法")
        #expect(names.names.first == "中华人民共和国行政处罚法")
    }

    @Test func loaderRegistersShortNames() {
        var names = DocumentNames()
        for regulation in Fixture.loaded.regulations {
            names.register(title: regulation.metadata.title, aliases: regulation.metadata.shortNames)
        }
        #expect(names.resolve("行政强制法") == Fixture.coercionTitle)
        #expect(names.resolve("《优化营商环境条例》") == Fixture.businessTitle)
    }
}
