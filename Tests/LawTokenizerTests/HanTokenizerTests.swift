import Foundation
import LawTokenizer
import Testing

@Suite struct HanTokenizerTests {
    let tokenizer = HanTokenizer()

    static let corpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Corpus")

    static func realTexts() throws -> [String] {
        let regulations = corpus.appendingPathComponent("regulations")
        let plan = corpus.appendingPathComponent("plan")
        let files = try FileManager.default.contentsOfDirectory(atPath: regulations.path)
            .filter { $0.hasSuffix(".md") }.map { regulations.appendingPathComponent($0) }
            + FileManager.default.contentsOfDirectory(atPath: plan.path)
            .filter { $0.hasSuffix(".txt") }.map { plan.appendingPathComponent($0) }
        return try files.map { try String(contentsOf: $0, encoding: .utf8) }
    }

    func texts(_ text: String, _ mode: TokenizationMode) -> [String] {
        tokenizer.tokens(in: text, mode: mode).map(\.text)
    }

    @Test func documentsGetCharactersWithColocatedBigrams() {
        let tokens = tokenizer.tokens(in: "行政处罚", mode: .document)
        #expect(tokens.map(\.text) == ["行", "行政", "政", "政处", "处", "处罚", "罚"])
        #expect(tokens.map(\.isColocated) == [false, true, false, true, false, true, false])
        // A bigram carries the range of its first character only.
        #expect(tokens.map(\.range) == [0..<3, 0..<3, 3..<6, 3..<6, 6..<9, 6..<9, 9..<12])
    }

    @Test func queriesGetTheBigramChainAndTheLastCharacter() {
        #expect(texts("处罚", .query) == ["处罚", "罚"])
        #expect(texts("行政处罚法", .query) == ["行政", "政处", "处罚", "罚法", "法"])
        #expect(texts("法", .query) == ["法"])
        #expect(tokenizer.tokens(in: "行政处罚法", mode: .query).allSatisfy { !$0.isColocated })
    }

    @Test(arguments: ["法", "处罚", "行政处罚法", "违法行为轻微并及时改正", "〇一二"])
    func aQueryOfNCharactersHasNTokens(_ query: String) {
        #expect(tokenizer.tokens(in: query, mode: .query).count == query.count)
    }

    @Test func lettersDigitsAndFullWidthForms() {
        #expect(texts("ＡＰＩ１２３", .query) == ["api", "123"])
        #expect(texts("第33条", .document) == ["第", "33", "条"])
        #expect(texts("第３３条", .document) == ["第", "33", "条"])
        #expect(texts("5号楼B座303室", .query) == ["5", "号楼", "楼", "b", "座", "303", "室"])
        #expect(texts("Café ÉTÉ", .document) == ["café", "été"])
        #expect(texts("①", .document) == ["1"])
    }

    @Test func quotationMarksAreTransparentInsideHanRuns() {
        let document = texts("“两法”衔接", .document)
        #expect(document.contains("法衔"))
        #expect(texts("《行政处罚法》第三十三条", .document).contains("法第"))
        // Other punctuation separates.
        #expect(!texts("处罚，教育", .document).contains("罚教"))
    }

    @Test func separatorsEmojiAndInvalidBytesProduceNoTokens() {
        #expect(texts("", .document).isEmpty)
        #expect(texts("，。！？、；： \t\n", .document).isEmpty)
        #expect(texts("😀🚓", .query).isEmpty)
        let invalid: [UInt8] = [0xFF, 0xE5, 0xA4, 0x84, 0xE5, 0xA4, 0xC0, 0x80, 0xF0, 0x9F]  // 处 + truncated bytes
        var tokens: [String] = []
        invalid.withUnsafeBufferPointer { bytes in
            tokenizer.tokenize(bytes, mode: .document) { token, range, _ in
                tokens.append(String(decoding: token, as: UTF8.self))
                #expect(range == 1..<4)
                return true
            }
        }
        #expect(tokens == ["处"])
    }

    @Test func rangesFallOnCharacterBoundariesOverTheWholeCorpus() throws {
        for var text in try Self.realTexts() {
            let bytes = Array(text.utf8)
            var count = 0
            text.withUTF8 { buffer in
                tokenizer.tokenize(buffer, mode: .document) { token, range, colocated in
                    count += 1
                    let slice = Array(bytes[range])
                    let original = String(decoding: slice, as: UTF8.self)
                    // The range decodes to whole characters…
                    #expect(Array(original.utf8) == slice)
                    // …and, for a Han character token, to exactly the token.
                    let tokenText = String(decoding: token, as: UTF8.self)
                    if !colocated, tokenText.unicodeScalars.count == 1, tokenText.unicodeScalars.first!.value >= 0x3400 {
                        #expect(original == tokenText)
                    }
                    return true
                }
            }
            #expect(count > 1000)
        }
    }

    @Test func phraseQueriesMatchConsecutiveDocumentPositions() throws {
        let text = try Self.realTexts().first { $0.contains("违法行为轻微并及时改正") }!
        let document = tokenizer.tokens(in: text, mode: .document)
        // Position of each token: colocated tokens share the previous position.
        var positions: [(String, Int)] = []
        var position = -1
        for token in document {
            if !token.isColocated { position += 1 }
            positions.append((token.text, position))
        }
        for phrase in ["违法行为轻微并及时改正", "没有主观过错", "罚", "二年内未被发现"] {
            let query = tokenizer.tokens(in: phrase, mode: .query).map(\.text)
            let starts = positions.filter { $0.0 == query[0] }.map(\.1)
            let found = starts.contains { start in
                query.enumerated().allSatisfy { offset, token in
                    positions.contains { $0.0 == token && $0.1 == start + offset }
                }
            }
            #expect(found, "\(phrase) not found as a phrase")
        }
    }

    @Test func stoppingEarlyStops() {
        var count = 0
        var text = "行政处罚的设定和实施"
        text.withUTF8 { bytes in
            tokenizer.tokenize(bytes, mode: .document) { _, _, _ in
                count += 1
                return count < 3
            }
        }
        #expect(count == 3)
    }

    @Test func longAndMixedInputIsHandled() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("处罚法ab1２，。😀 “”\n\u{0}é")
        let text = String((0..<10_000).map { _ in alphabet.randomElement(using: &generator)! })
        let tokens = tokenizer.tokens(in: text, mode: .document)
        #expect(tokens.allSatisfy { $0.range.upperBound <= text.utf8.count })
        let long = String(repeating: "a", count: 100_000)
        #expect(tokenizer.tokens(in: long, mode: .query).first?.text.utf8.count == HanTokenizer.maximumTokenLength)
    }
}
