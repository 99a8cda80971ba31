import Foundation
import Testing

@testable import LawCorpus

/// The citation parser compares characters by code, skips texts without 第 and remembers names
/// and texts it has seen; these tests check it finds exactly what the character-by-character
/// parser (``ReferenceCitationParser``) finds, in the same order and with the same words.
@Suite("Citation parsing equivalence") struct CitationEquivalenceTests {
    static let names: DocumentNames = {
        var names = DocumentNames()
        for regulation in Fixture.loaded.regulations {
            names.register(title: regulation.metadata.title, aliases: regulation.metadata.shortNames)
        }
        return names
    }()

    /// The two parsers' citations and out-of-range references of `text` are identical, down to
    /// the bytes of every string.
    func expectSame(
        _ text: String, currentDocument: String? = nil, parser: CitationParser, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let reference = ReferenceCitationParser(names: parser.names)
        let expected = reference.citations(in: text, currentDocument: currentDocument)
        let found = parser.citations(in: text, currentDocument: currentDocument)
        #expect(found == expected, "\(text)", sourceLocation: sourceLocation)
        #expect(found.map(Self.bytes) == expected.map(Self.bytes), "\(text)", sourceLocation: sourceLocation)
        let expectedOut = reference.outOfRangeReferences(in: text)
        #expect(parser.outOfRangeReferences(in: text).map { Array($0.utf8) } == expectedOut.map { Array($0.utf8) })
        if currentDocument == nil {
            let analysed = parser.analyse(text)
            #expect(analysed.citations.map(Self.bytes) == expected.map(Self.bytes), "\(text)", sourceLocation: sourceLocation)
            #expect(analysed.outOfRange.map { Array($0.utf8) } == expectedOut.map { Array($0.utf8) })
        }
    }

    /// Every string of a citation as bytes, so that canonically equivalent spellings differ.
    static func bytes(_ c: Citation) -> [[UInt8]] {
        [
            Array((c.document ?? "∅").utf8), Array((c.name ?? "∅").utf8), Array(c.text.utf8),
            Array("\(c.article)/\(c.paragraph ?? -1)/\(c.item ?? -1)".utf8),
        ]
    }

    @Test func everyTextOfTheShippedCorpus() {
        let parser = CitationParser(names: Self.names)
        var texts = 0
        for list in Fixture.loaded.lists {
            for item in list.items {
                for (_, text) in ListParser.citingTexts(of: item) {
                    expectSame(text, parser: parser)
                    expectSame(text, parser: parser)  // the second time from memory
                    texts += 1
                }
            }
        }
        for regulation in Fixture.loaded.regulations {
            for article in regulation.articles {
                expectSame(
                    article.paragraphs.joined(separator: "\n"), currentDocument: regulation.metadata.title,
                    parser: parser)
            }
        }
        for section in Fixture.loaded.plans.flatMap(\.sections) {
            expectSame(section.text, parser: parser)
        }
        #expect(texts > 500)
    }

    /// Bases put together as the list generator does (a law's article, then a basis of the
    /// shipped lists), which is what a generated corpus of any size is made of.
    @Test func generatedBases() {
        let parser = CitationParser(names: Self.names)
        let bases = Fixture.loaded.lists.flatMap(\.items).flatMap { ($0.basis ?? "").split(separator: "；").map(String.init) }
        let laws = Fixture.loaded.regulations.map { ($0.metadata.title, $0.articles.count) }
        var random = SplitMix64(seed: 20_221_110)
        for _ in 0..<3000 {
            let law = laws[random.next(below: laws.count)]
            let basis = "《\(law.0)》第\(random.next(below: law.1) + 1)条；" + bases[random.next(below: bases.count)]
            expectSame(basis, parser: parser)
        }
    }

    /// Characters whose folding or canonical form is not themselves: full-width digits and
    /// brackets, compatibility ideographs, combining marks, variation selectors, odd spaces,
    /// decomposed letters, unbalanced 《》.
    @Test func unusualCharacters() {
        let parser = CitationParser(names: Self.names)
        let texts = [
            "《行政处罚法》第３３条第２款", "《行政处罚法》第（三十三）条", "行政处罚法第三十三条第(一)项",
            "《行政处罚法》第\u{3000}三十三\u{00A0}条\u{2003}第一款", "《行政处罚法》第三十三条\t第一款",
            "《行政处罚法》第\u{0301}三十三条", "《行政处罚法》第三十三\u{FE00}条", "第\u{FE00}三条",
            "《行政處罰法》第\u{F9B2}條", "本法第六十七条至第六十九条", "《行政处罚法》〈第三十三条〉",
            "《《行政处罚法》》第三十三条", "》》行政处罚法》第三条", "《行政处罚法第三条", "《A；B》第三条；C》第四条",
            "《Cafe\u{0301}法》第三条、《Café法》第三条", "中华人民共和国 行政处罚法第三十三条", "第一百万条第二款",
            "第99999999999999999999999999999999999条", "第三十三条第一款、第二款和第三款第（一）项或者第二项",
            "《行政处罚法》第三十二、三十三条", "第一条至第九十条", "ＡＢＣ第１条", "第一〇一条", "《行政处罚法》第三十三条\u{0301}",
            "𠀀第三条《行政处罚法》第五条", "\u{1100}\u{1161}第三条", "第", "第第第条", "",
        ]
        for text in texts {
            expectSame(text, parser: parser)
            expectSame(text, currentDocument: "中华人民共和国行政处罚法", parser: parser)
        }
    }

    /// Texts that are canonically equivalent but written differently are remembered apart:
    /// each citation keeps the words of its own text.
    @Test func memoryKeepsTextsAsWritten() {
        var names = DocumentNames()
        names.register(title: "Café法", aliases: [])
        let parser = CitationParser(names: names)
        let composed = "《Caf\u{E9}法》第三条"
        let decomposed = "《Cafe\u{0301}法》第三条"
        #expect(composed == decomposed)
        let first = parser.analyse(composed).citations
        let second = parser.analyse(decomposed).citations
        #expect(first.map { Array($0.text.utf8) } == [Array(composed.utf8)])
        #expect(second.map { Array($0.text.utf8) } == [Array(decomposed.utf8)])
        #expect(first.map(\.document) == ["Café法"] && second.map(\.document) == ["Café法"])
    }

    /// A text without 第 cannot hold a citation because no other character folds to 第: checked
    /// against every assigned scalar with the same folding the parser uses.
    @Test func onlyDiFoldsToDi() {
        var others: [UInt32] = []
        for value in UInt32(0x80)...0x3_FFFF {
            guard let scalar = Unicode.Scalar(value), scalar.properties.generalCategory != .unassigned,
                scalar.value != 0x7B2C
            else { continue }
            if FoldedText.fold(Character(scalar)).unicodeScalars.contains("第") { others.append(value) }
        }
        #expect(others.isEmpty)
        #expect(!CitationParser.mayReference("《行政处罚法》三十三条"))
        #expect(CitationParser.mayReference("《行政处罚法》第三十三条"))
    }

    /// Full-width ASCII and the ideographic space are folded without Foundation: the same
    /// characters as NFKC gives, alone and before a combining mark (then NFKC is asked).
    @Test func fullWidthFormsFoldAsNFKCDoes() {
        for value in Array(UInt32(0xFF01)...0xFF5E) + [0x3000] {
            let character = Character(Unicode.Scalar(value)!)
            #expect(FoldedText.fold(character) == Character(String(character).precomposedStringWithCompatibilityMapping))
            let marked = Character("\(character)\u{301}")
            let nfkc = String(marked).precomposedStringWithCompatibilityMapping
            #expect(FoldedText.fold(marked) == (nfkc.count == 1 ? nfkc.first! : marked))
        }
    }

    /// Codes equal exactly when characters are equal, for the characters the parser meets.
    @Test func codesAgreeWithCharacterEquality() {
        let characters: [Character] = [
            "第", "条", "《", "》", "、", "(", "（", "３", "3", "\u{3000}", " ", "\u{F9B2}", "\u{5F8B}",
            "e\u{0301}", "\u{E9}", "\u{212B}", "\u{C5}", "第\u{FE00}", "〇", "○", "\u{2000}", "\u{2002}",
        ]
        for a in characters {
            for b in characters {
                let fa = FoldedText.fold(a)
                let fb = FoldedText.fold(b)
                let text = FoldedText(String(fa))
                guard text.count == 1 else { continue }
                #expect(text.isCharacter(fb, code: FoldedText.code(fb), at: 0) == (fa == fb), "\(a) \(b)")
            }
        }
    }
}
