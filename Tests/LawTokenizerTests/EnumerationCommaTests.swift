import LawTokenizer
import Testing

/// The enumeration comma 、 joins the parts of a term the way quotation marks do: the texts
/// write 查封、扣押 and 罚款、没收违法所得, people type 查封扣押. It makes no token and keeps
/// the Han run going, in documents and queries alike.
@Suite struct EnumerationCommaTests {
    private let tokenizer = HanTokenizer()

    private func texts(_ text: String, _ mode: TokenizationMode) -> [String] {
        tokenizer.tokens(in: text, mode: mode).map(\.text)
    }

    @Test func aDocumentHasTheBigramAcrossTheComma() {
        #expect(texts("查封、扣押", .document) == ["查封", "封扣", "扣押", "押"])
    }

    @Test func aQueryWithOrWithoutTheCommaIsTheSameChain() {
        let chain = ["查封", "封扣", "扣押"]
        #expect(texts("查封扣押", .query) == chain)
        #expect(texts("查封、扣押", .query) == chain)
        // The small and half-width forms fold to 、 and behave the same.
        #expect(texts("查封﹑扣押", .query) == chain)
        #expect(texts("查封､扣押", .query) == chain)
    }

    @Test func theCommaMakesNoTokenAndKeepsPositions() {
        let tokens = tokenizer.tokens(in: "查封、扣押", mode: .document)
        #expect(tokens.count == 4 && tokens.allSatisfy { !$0.isColocated })
        // 、 is three bytes: 扣 starts after it, and the bigram across it covers it.
        #expect(tokens[1].range == 3..<12)
        #expect(tokens[2].range == 9..<15)
    }

    @Test func itStillEndsWordsAndNumbers() {
        #expect(texts("GRDB、SQLite", .document) == ["grdb", "sqlite"])
        #expect(texts("2022、2023", .query) == ["2022", "2023"])
    }

    @Test func otherPunctuationStillSeparates() {
        for separator in ["，", "。", "；", "："] {
            #expect(!texts("查封\(separator)扣押", .document).contains("封扣"), "\(separator)")
        }
    }
}
