import Foundation
import Testing

@testable import LawCorpus

@Suite("Regulations") struct RegulationTests {
    @Test func articleCountsOfTheShippedLaws() {
        #expect(Fixture.regulation(Fixture.penaltyTitle).articles.count == 86)
        #expect(Fixture.regulation(Fixture.coercionTitle).articles.count == 71)
        #expect(Fixture.regulation(Fixture.businessTitle).articles.count == 72)
        for regulation in Fixture.loaded.regulations {
            #expect(regulation.articles.map(\.number) == Array(1...regulation.articles.count))
        }
        #expect(Fixture.loaded.warnings.isEmpty, "\(Fixture.loaded.warnings)")
    }

    @Test func article33OfTheAdministrativePenaltyLaw() throws {
        let article = try #require(Fixture.regulation(Fixture.penaltyTitle).article(33))
        #expect(article.label == "第三十三条")
        #expect(article.paragraphs.count == 3)
        #expect(article.paragraphs[0].hasPrefix("违法行为轻微并及时改正"))
        #expect(article.text.hasPrefix("第三十三条 违法行为轻微并及时改正"))
        #expect(article.text == "第三十三条 " + article.paragraphs.joined(separator: "\n"))
        // The chapter is written 第四章　行政处罚的管辖和适用 in the 2021 text.
        #expect(article.path == ["第四章　行政处罚的管辖和适用"])
        #expect(article.line == 155)
        #expect(article.items(inParagraph: 1).isEmpty)
    }

    @Test func sectionsAppearInPaths() throws {
        let law = Fixture.regulation(Fixture.penaltyTitle)
        let article = try #require(law.article(51))
        #expect(article.path == ["第五章　行政处罚的决定", "第二节　简易程序"])
        let last = try #require(law.article(86))
        #expect(last.path == ["第八章　附则"])
        #expect(law.headings.count == 12)
        #expect(law.headings.filter { $0.level == .section }.count == 4)
        let second = law.headings[1]
        #expect(second.level == .chapter)
        #expect(second.label == "第二章")
        #expect(second.title == "行政处罚的种类和设定")
        #expect(second.text == "第二章　行政处罚的种类和设定")
        #expect(second.line == 39)
    }

    @Test func itemsOfArticle9OfTheAdministrativeCoercionLaw() throws {
        let article = try #require(Fixture.regulation(Fixture.coercionTitle).article(9))
        #expect(article.paragraphs.count == 1)
        #expect(article.paragraphs[0].hasPrefix("行政强制措施的种类:"))
        let items = article.items(inParagraph: 1)
        #expect(
            items == [
                "（一）限制公民人身自由；", "（二）查封场所、设施或者财物；", "（三）扣押财物；",
                "（四）冻结存款、汇款；", "（五）其他行政强制措施。",
            ])
        #expect(article.items(inParagraph: 2).isEmpty)
        #expect(article.items(inParagraph: 0).isEmpty)
        // ASCII-space headings are normalised to the ideographic space.
        #expect(article.path == ["第二章　行政强制的种类和设定"])
    }

    @Test func halfWidthItemsAndParagraphsAfterItems() throws {
        let law = Fixture.regulation(Fixture.businessTitle)
        let article = try #require(law.article(69))
        #expect(article.items(inParagraph: 1).count == 11)
        #expect(article.items(inParagraph: 1).last == "(十一)其他不履行优化营商环境职责或者损害营商环境的情形。")
        #expect(article.items(inParagraph: 1).first == "(一)违法干预应当由市场主体自主决策的事项；")
        // 行政处罚法 第九条: a lead-in and six items make one paragraph.
        let kinds = try #require(Fixture.regulation(Fixture.penaltyTitle).article(9))
        #expect(kinds.paragraphs.count == 1)
        #expect(kinds.items(inParagraph: 1).count == 6)
        #expect(kinds.text.split(separator: "\n").count == 7)
    }

    @Test func olderVersionWithSpacedHeadingsParses() throws {
        let parsed = try RegulationParser(file: Fixture.penalty2017).parse(
            try #require(try TextFile.read(Fixture.penalty2017)))
        #expect(parsed.articles.count == 64)
        #expect(parsed.title == Fixture.penaltyTitle)
        #expect(parsed.headings.first?.text == "第一章　总则")
        #expect(parsed.headings.first?.title == "总则")
        #expect(parsed.headings.last?.text == "第八章　附则")
        #expect(parsed.annotations["STATUS"] == "已修改")
        #expect(parsed.history.count == 3)
        #expect(parsed.history[1].hasSuffix("第一次修正"))  // trailing ideographic space trimmed
        let article = parsed.articles[26]
        #expect(article.label == "第二十七条")
        #expect(article.line == 121)
        #expect(article.path == ["第四章　行政处罚的管辖和适用"])
        #expect(parsed.articles[31].path == ["第五章　行政处罚的决定"])
    }

    @Test func metadataFromSidecars() {
        let penalty = Fixture.regulation(Fixture.penaltyTitle).metadata
        #expect(
            penalty
                == RegulationMetadata(
                    title: Fixture.penaltyTitle, shortNames: ["行政处罚法"], issuer: "全国人民代表大会常务委员会",
                    category: "法律", promulgated: CalendarDate(iso: "2021-01-22"), effective: CalendarDate(iso: "2021-07-15"),
                    status: "现行有效", version: "2021"))
        let coercion = Fixture.regulation(Fixture.coercionTitle).metadata
        #expect(coercion.promulgated == CalendarDate(iso: "2011-06-30"))
        #expect(coercion.effective == CalendarDate(iso: "2012-01-01"))
        #expect(coercion.issuer == "全国人民代表大会常务委员会")
        #expect(coercion.shortNames == ["行政强制法"])
        let business = Fixture.regulation(Fixture.businessTitle).metadata
        #expect(
            business
                == RegulationMetadata(
                    title: Fixture.businessTitle, shortNames: [], issuer: "国务院", category: "行政法规",
                    promulgated: CalendarDate(iso: "2019-10-22"), effective: CalendarDate(iso: "2020-01-01"),
                    status: "现行有效", version: "2019"))
        #expect(Fixture.regulation(Fixture.penaltyTitle).history.count == 4)
    }

    @Test func metadataDerivedWithoutSidecarMatchesTheSidecars() throws {
        let root = try Fixture.scratchCorpus()
        for name in ["中华人民共和国行政处罚法(2021).md", "中华人民共和国行政强制法(2011).md", "优化营商环境条例(2019).md"] {
            try Fixture.copy("regulations/" + name, into: root)
        }
        let derived = try CorpusLoader(root: root.path).load()
        #expect(derived.regulations.count == 3)
        for regulation in derived.regulations {
            let shipped = Fixture.regulation(regulation.metadata.title).metadata
            #expect(regulation.metadata == shipped)
        }
        #expect(
            derived.regulations.first { $0.metadata.title == Fixture.businessTitle }?.metadata.promulgated
                == CalendarDate(iso: "2019-10-22"))
    }

    @Test func newLawUnderAnotherNameDerivesVersionFromItsHistory() throws {
        let root = try Fixture.scratchCorpus()
        try Fixture.copy("regulations/中华人民共和国行政强制法(2011).md", into: root, as: "行政强制法.md")
        let corpus = try CorpusLoader(root: root.path).load()
        let metadata = try #require(corpus.regulations.first?.metadata)
        #expect(metadata.version == "2011")
        #expect(metadata.shortNames == ["行政强制法"])
        #expect(metadata.status == "现行有效")
    }

    @Test func olderVersionOfTheSameTitleIsAmended() throws {
        let root = try Fixture.scratchCorpus()
        try Fixture.copy("regulations/中华人民共和国行政处罚法(2021).md", into: root)
        // The 2017 text without its STATUS annotation, so the ranking itself is tested.
        let old = try #require(try TextFile.read(Fixture.penalty2017))
            .replacingOccurrences(of: "<!-- STATUS: 已修改 -->", with: "")
        try Fixture.write(old, to: "regulations/中华人民共和国行政处罚法(2017).md", in: root)
        let corpus = try CorpusLoader(root: root.path).load()
        let versions = corpus.regulations.map { ($0.metadata.version, $0.metadata.status) }
        #expect(versions.map(\.0) == ["2017", "2021"])
        #expect(versions.map(\.1) == ["已修改", "现行有效"])
        #expect(corpus.regulations[0].articles.count == 64)
        #expect(corpus.regulations[0].metadata.effective == CalendarDate(iso: "1996-10-01"))
        #expect(corpus.regulations[0].metadata.promulgated == CalendarDate(iso: "2017-09-01"))
        // 本法 in the old version still names the title.
        #expect(corpus.regulations[0].articles.flatMap(\.citations).allSatisfy { $0.document == Fixture.penaltyTitle })
    }

    @Test func lawNotYetInForce() throws {
        let root = try Fixture.scratchCorpus()
        try Fixture.copy("regulations/优化营商环境条例(2019).md", into: root)
        let before = try CorpusLoader(root: root.path, today: CalendarDate(iso: "2019-12-31")!).load()
        #expect(before.regulations[0].metadata.status == "尚未生效")
        let after = try CorpusLoader(root: root.path, today: CalendarDate(iso: "2020-01-01")!).load()
        #expect(after.regulations[0].metadata.status == "现行有效")
    }

    @Test func partialSidecarKeepsDerivedValues() throws {
        let root = try Fixture.scratchCorpus()
        try Fixture.copy("regulations/中华人民共和国行政强制法(2011).md", into: root)
        try Fixture.write("status: 已废止\nnickname: x\n", to: "regulations/中华人民共和国行政强制法(2011).yaml", in: root)
        let corpus = try CorpusLoader(root: root.path).load()
        let metadata = corpus.regulations[0].metadata
        #expect(metadata.status == "已废止")
        #expect(metadata.effective == CalendarDate(iso: "2012-01-01"))
        #expect(metadata.shortNames == ["行政强制法"])
        #expect(corpus.warnings.contains { $0.contains("nickname") && $0.contains(":2:") })
    }
}
