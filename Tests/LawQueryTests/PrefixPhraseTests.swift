import LawCorpus
import Testing

@testable import LawQuery

/// A phrase ending in a single Han character is matched as a prefix (`"罚"*`): the index holds
/// that character alone only at the end of a run, and as the first half of a bigram inside one.
@Suite struct PrefixPhraseTests {
    let parser = QueryParser()

    @Test func aPhraseEndingInALoneHanCharacterGetsAStar() throws {
        #expect(try parser.parse("罚").fts5 == #""罚"*"#)
        #expect(try parser.parse("第3条").fts5 == #""第3条"*"#)
        #expect(try parser.parse(#""行政 处罚 法""#).fts5 == #""行政 处罚 法"*"#)
        #expect(try parser.parse("处罚 -罚").fts5 == #""处罚" NOT "罚"*"#)
        #expect(try parser.parse("罚 OR 处罚").fts5 == #"("罚"* OR "处罚")"#)
    }

    @Test func otherPhrasesGetNone() throws {
        #expect(try parser.parse("处罚").fts5 == #""处罚""#)
        #expect(try parser.parse("第3").fts5 == #""第3""#)
        #expect(try parser.parse(#""罚 abc""#).fts5 == #""罚 abc""#)
        #expect(try parser.parse("罚*").fts5 == #""罚*"*"#)  // the typed * is text, inside the quotes
        #expect(try parser.parse("处罚*").fts5 == #""处罚*""#)
    }

    @Test func expandedFormsAndTheirPartsToo() {
        let thesaurus = Thesaurus(entries: [
            .init(terms: ["超载"], finds: [.init("超限"), .init("营业执照…罚")], source: .lawText)
        ])
        let expanded = ExpandedExpression(try! QueryParser().parse("超载 罚"), thesaurus: thesaurus)
        #expect(expanded.fts5 == #"(("超载" OR "超限" OR NEAR("营业执照" "罚"*, 24)) AND "罚"*)"#)
    }
}
