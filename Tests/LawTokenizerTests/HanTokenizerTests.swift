import Foundation
import LawTokenizer
import Testing

/// Behaviour of ``HanTokenizer`` on hand-picked cases and on the real corpus texts.
@Suite struct HanTokenizerTests {
    let tokenizer = HanTokenizer()

    func texts(_ text: String, _ mode: TokenizationMode) -> [String] {
        tokenizer.tokens(in: text, mode: mode).map(\.text)
    }

    // MARK: Han characters

    @Test func documentsGetABigramAtEveryCharacterAndTheLastCharacterAlone() {
        let tokens = tokenizer.tokens(in: "行政处罚", mode: .document)
        #expect(tokens.map(\.text) == ["行政", "政处", "处罚", "罚"])
        #expect(tokens.allSatisfy { !$0.isColocated })
        // A bigram covers both of its characters: one token per position, ranges overlapping.
        #expect(tokens.map(\.range) == [0..<6, 3..<9, 6..<12, 9..<12])
        #expect(texts("法", .document) == ["法"])
    }

    @Test func queriesGetTheBigramChain() {
        #expect(tokenizer.tokens(in: "处罚", mode: .query) == [Token(text: "处罚", range: 0..<6, isColocated: false)])
        #expect(texts("行政处罚法", .query) == ["行政", "政处", "处罚", "罚法"])
        #expect(
            tokenizer.tokens(in: "行政处罚法", mode: .query).map(\.range) == [0..<6, 3..<9, 6..<12, 9..<15])
        #expect(tokenizer.tokens(in: "法", mode: .query) == [Token(text: "法", range: 0..<3, isColocated: false)])
        #expect(tokenizer.tokens(in: "行政处罚法", mode: .query).allSatisfy { !$0.isColocated })
    }

    @Test func aRunsLastCharacterStandsAloneWhereThePhraseGoesOn() {
        // Before a number or word, where a document's run ends too.
        #expect(texts("第3条", .query) == ["第", "3", "条"])
        #expect(texts("处罚abc", .query) == ["处罚", "罚", "abc"])
        // Before another run after a separator: alone, or with the next run's first character,
        // since a document may hold the two runs apart or side by side.
        let apart = tokenizer.tokens(in: "行政 处罚", mode: .query)
        #expect(apart.map(\.text) == ["行政", "政", "政处", "处罚"])
        #expect(apart.map(\.isColocated) == [false, false, true, false])
        #expect(texts("罚 款", .query) == ["罚", "罚款", "款"])
        // At the end of the phrase, only a run of one character.
        #expect(texts("处罚 ", .query) == ["处罚"])
        #expect(texts("处罚 罚", .query) == ["处罚", "罚", "罚罚", "罚"])
    }

    @Test func onlyAPhraseEndingInALoneHanCharacterIsAPrefix() {
        for phrase in ["罚", "第3条", "处罚 罚", "3条", "法，", "“法”", "罚\u{FE0F}"] {
            #expect(tokenizer.endsInLoneHanCharacter(phrase), "\(phrase)")
        }
        for phrase in ["处罚", "第3", "条b", "行政 处罚", "", "，", "😀", "罚 abc", "法 罚款"] {
            #expect(!tokenizer.endsInLoneHanCharacter(phrase), "\(phrase)")
        }
    }

    @Test func aQueryPhraseSpansAsManyDocumentPositionsAsItHasCharacters() {
        let spans = ["罚": 1, "处罚": 2, "行政处罚法": 5, "第3条": 3, "第3": 2, "3条b": 3, "行政 处罚": 4, "“两法”衔接": 4, "": 0]
        for (phrase, span) in spans {
            #expect(tokenizer.documentSpan(ofQuery: phrase) == span, "\(phrase)")
        }
    }

    @Test(arguments: ["处罚", "行政处罚法", "违法行为轻微并及时改正", "〇一二", "𠀀𠀁丁", "“两法”衔接"])
    func aQueryOfNHanCharactersHasNMinusOneTokens(_ query: String) {
        let han = query.unicodeScalars.filter { !"“”".unicodeScalars.contains($0) }.count
        #expect(tokenizer.tokens(in: query, mode: .query).count == han - 1)
    }

    @Test func everyHanStringOfLengthNIsAChainOfBigrams() throws {
        let characters = Array(Set(try Corpus.texts().joined().unicodeScalars.filter(Corpus.isHan)))
            .sorted { $0.value < $1.value }
        #expect(characters.count > 500)
        var random = SeededRandom(seed: 42)
        for length in 1...40 {
            for _ in 0..<10 {
                var query = String.UnicodeScalarView()
                for _ in 0..<length { query.append(characters.randomElement(using: &random)!) }
                let string = String(query)
                let tokens = tokenizer.tokens(in: string, mode: .query)
                #expect(tokens.count == max(1, length - 1), "\(string)")
                #expect(tokenizer.endsInLoneHanCharacter(string) == (length == 1))
                // Token k is characters k and k+1, with their range.
                let scalars = Array(query)
                if length == 1 { #expect(tokens[0].text == string) }
                for (k, token) in tokens.enumerated() where length > 1 {
                    #expect(token.text == String(scalars[k]) + String(scalars[k + 1]))
                    #expect(token.range == 3 * k..<3 * k + 6)
                }
                // The document has the same chain, then the last character.
                #expect(texts(string, .document) == (length == 1 ? [string] : tokens.map(\.text) + [String(scalars.last!)]))
            }
        }
    }

    @Test func otherIdeographsAreHanToo() {
        // Extension B (4 bytes) and 〇 make tokens and bigrams like any Han character.
        let tokens = tokenizer.tokens(in: "𠀀〇年", mode: .document)
        #expect(tokens.map(\.text) == ["𠀀〇", "〇年", "年"])
        #expect(tokens.map(\.range) == [0..<7, 4..<10, 7..<10])
        // A variation selector (ideographic variation sequence) is invisible.
        #expect(texts("葛\u{E0100}城", .query) == ["葛城"])
    }

    // MARK: Letters, digits and NFKC

    @Test func lettersDigitsAndFullWidthForms() {
        let api = tokenizer.tokens(in: "ＡＰＩ１２３", mode: .query)
        #expect(
            api == [
                Token(text: "api", range: 0..<9, isColocated: false),
                Token(text: "123", range: 9..<18, isColocated: false),
            ])
        #expect(texts("第33条", .document) == ["第", "33", "条"])
        #expect(tokenizer.tokens(in: "第33条", mode: .document).map(\.range) == [0..<3, 3..<5, 5..<8])
        #expect(texts("第３３条", .document) == ["第", "33", "条"])
        #expect(texts("5号楼B座303室", .document) == ["5", "号楼", "楼", "b", "座", "303", "室"])
        #expect(texts("5号楼B座303室", .query) == ["5", "号楼", "楼", "b", "座", "303", "室"])
        #expect(texts("iPhone15Pro GRDB.swift", .document) == ["iphone", "15", "pro", "grdb", "swift"])
        #expect(texts("Café ÉTÉ", .document) == ["café", "été"])
        #expect(texts("ПРИВЕТ мир", .document) == ["привет", "мир"])
        #expect(texts("ᠮᠣᠩᠭᠣᠯ ᠪᠢᠴᠢᠭ", .document) == ["ᠮᠣᠩᠭᠣᠯ", "ᠪᠢᠴᠢᠭ"])
        #expect(texts("٣٤ ४२", .document) == ["34", "42"])
    }

    @Test func compatibilityCharactersFoldThroughNFKC() {
        #expect(texts("①", .document) == ["1"])
        #expect(texts("第⑩项", .document) == ["第", "10", "项"])
        #expect(texts("（一）㈠", .document) == ["一", "一"])
        #expect(texts("ﬁle Ⅻ ㎡", .document) == ["file", "xii", "m", "2"])
        #expect(texts("ｶﾀｶﾅ", .document) == ["カタカナ"])
        // Compatibility ideographs and Kangxi radicals (common in text extracted from PDFs)
        // become the unified character, keeping the original range.
        let kangxi = tokenizer.tokens(in: "\u{2F8F}政", mode: .document)  // ⾏政
        #expect(kangxi.map(\.text) == ["行政", "政"])
        #expect(kangxi.map(\.range) == [0..<6, 3..<6])
        #expect(texts("\u{F900}", .document) == ["\u{8C48}"])
        #expect(texts("\u{2F800}", .document) == ["\u{4E3D}"])
        // The ideographic space separates.
        #expect(texts("行政\u{3000}处罚", .query) == ["行政", "政", "政处", "处罚"])
        #expect(!texts("行政\u{3000}处罚", .document).contains("政处"))
    }

    @Test func longWordsAreCutTheSameWayInBothModes() {
        let long = String(repeating: "a", count: 100_000) + " b"
        let tokens = tokenizer.tokens(in: long, mode: .query)
        #expect(tokens.count == 2)
        #expect(tokens[0].text.utf8.count == HanTokenizer.maximumTokenLength)
        #expect(tokens[0].range == 0..<100_000)
        let wide = String(repeating: "é", count: 1000)
        let cut = texts(wide, .document)
        #expect(cut == texts(wide, .query))
        #expect(cut[0].utf8.count <= HanTokenizer.maximumTokenLength && cut[0].utf8.count >= 254)
    }

    // MARK: Punctuation

    @Test func quotationMarksAreTransparentInsideHanRuns() {
        let document = tokenizer.tokens(in: "“两法”衔接", mode: .document)
        #expect(document.map(\.text) == ["两法", "法衔", "衔接", "接"])
        // The marks have no tokens, but ranges still point at the characters (a bigram's
        // range spans the mark between its characters).
        #expect(document.map(\.range) == [3..<9, 6..<15, 12..<18, 15..<18])
        #expect(texts("两法衔接", .query) == ["两法", "法衔", "衔接"])
        #expect(texts("《行政处罚法》第三十三条", .document).contains("法第"))
        #expect(
            texts("「行政」『处罚』‘法’〈法〉\"行\"'政'＂处＂", .query)
                == ["行政", "政处", "处罚", "罚法", "法法", "法行", "行政", "政处"])
        // They do end words.
        #expect(texts("\"GRDB\"'s", .document) == ["grdb", "s"])
    }

    @Test func otherPunctuationSeparates() {
        #expect(!texts("处罚，教育", .document).contains("罚教"))
        #expect(texts("处罚，教育", .query) == ["处罚", "罚", "罚教", "教育"])
        for separator in [
            "，", "。", "；", "：", "（", "）", "【", "】", "〔", "〕", "—", "…", "·", " ", "\n",
            "\t", "-", "/", "℃", "№", "😀", "\u{3000}", "\u{00A0}",
        ] {
            #expect(!texts("罚\(separator)教", .document).contains("罚教"), "\(separator) does not separate")
        }
    }

    @Test func separatorsEmojiAndEmptyInputProduceNoTokens() {
        #expect(texts("", .document).isEmpty)
        #expect(texts("", .query).isEmpty)
        #expect(texts("，。！？、；：…—— \t\n\r\u{3000}", .document).isEmpty)
        #expect(texts("😀🚓👨‍👩‍👧🇨🇳✅️", .query).isEmpty)
        #expect(texts("处罚😀决定", .document) == ["处罚", "罚", "决定", "定"])
        #expect(texts("1️⃣2", .document) == ["1", "2"])
        var called = false
        tokenizer.tokenize(UnsafeBufferPointer(start: nil, count: 0), mode: .document) { _, _, _ in
            called = true
            return true
        }
        #expect(!called)
    }

    // MARK: Robustness

    @Test func invalidUTF8BytesSeparate() {
        // 0xFF, 处, a truncated 处, an overlong NUL, a truncated emoji, a surrogate, a stray
        // continuation byte, then 罚.
        let bytes: [UInt8] = [
            0xFF, 0xE5, 0xA4, 0x84, 0xE5, 0xA4, 0xC0, 0x80, 0xF0, 0x9F,
            0xED, 0xA0, 0x80, 0x80, 0xE7, 0xBD, 0x9A,
        ]
        let tokens = Self.tokenize(bytes, .document)
        #expect(tokens.map(\.text) == ["处", "罚"])
        #expect(tokens.map(\.range) == [1..<4, 14..<17])
        // Invalid bytes break words and Han runs.
        #expect(Self.tokenize([0x61, 0xFF, 0x62], .query).map(\.text) == ["a", "b"])
        #expect(Self.tokenize([0xE5, 0xA4, 0x84, 0x80, 0xE7, 0xBD, 0x9A], .document).map(\.text) == ["处", "罚"])
        #expect(Self.tokenize([0xE5, 0xA4, 0x84, 0x80, 0xE7, 0xBD, 0x9A], .query).map(\.text) == ["处", "处罚", "罚"])
    }

    @Test func randomBytesNeverCrashAndKeepTheInvariants() {
        var random = SeededRandom(seed: 7)
        for round in 0..<20 {
            // Bias towards bytes that start or continue multi-byte sequences.
            let bytes = (0..<10_000).map { _ -> UInt8 in
                round % 2 == 0
                    ? UInt8.random(in: 0...255, using: &random)
                    : [0x61, 0x31, 0x20, 0xE5, 0xA4, 0x84, 0x80, 0xBF, 0xF0, 0x9F, 0xC3, 0xA9]
                        .randomElement(using: &random)!
            }
            for mode in [TokenizationMode.document, .query] {
                Self.checkInvariants(bytes, mode)
            }
        }
    }

    @Test func randomMixedTextKeepsTheInvariants() {
        var random = SeededRandom(seed: 2021)
        let alphabet = Array("处罚法行政〇𠀀豈⾏ab Zé1２３ＡＢ，。、“”《》\"'😀👨‍👩‍👧\n\u{0}①㈠ﬁ\u{3000}\u{0301}\u{FE0F}ᠮ٣")
        for _ in 0..<10 {
            let text = String((0..<10_000).map { _ in alphabet.randomElement(using: &random)! })
            #expect(text.utf8.count > 10_000)
            for mode in [TokenizationMode.document, .query] {
                Self.checkInvariants(Array(text.utf8), mode)
            }
        }
    }

    @Test func thousandsOfMutatedCorpusSnippetsKeepTheInvariants() throws {
        let corpus = Array(try Corpus.texts().joined().utf8)
        let inserts: [[UInt8]] = [
            [0xFF], [0x80], [0xE5, 0xA4], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF0, 0x9F],
            [0xF4, 0x90, 0x80, 0x80], [0x00], [0x1B], Array("\u{301}".utf8),
            Array("《》“”".utf8), Array("①ＡＢ３".utf8), [0x20], Array("\u{3000}".utf8),
        ]
        var random = SeededRandom(seed: 20_221_110)
        for _ in 0..<3000 {
            // A slice that may start or end inside a character, then a few byte-level edits.
            let start = Int.random(in: 0..<(corpus.count - 64), using: &random)
            var bytes = Array(corpus[start..<(start + Int.random(in: 1...64, using: &random))])
            for _ in 0..<Int.random(in: 0...3, using: &random) {
                let position = Int.random(in: 0...bytes.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: bytes.insert(contentsOf: inserts.randomElement(using: &random)!, at: position)
                case 1 where position < bytes.count: bytes[position] ^= UInt8.random(in: 1...255, using: &random)
                default: bytes.insert(contentsOf: bytes[position...].prefix(8), at: position)
                }
            }
            for mode in [TokenizationMode.document, .query] {
                Self.checkInvariants(bytes, mode)
            }
        }
    }

    @Test func stoppingEarlyStops() {
        for mode in [TokenizationMode.document, .query] {
            for limit in 1...8 {
                var count = 0
                Self.withBytes("行政处罚的设定和实施") { bytes in
                    tokenizer.tokenize(bytes, mode: mode) { _, _, _ in
                        count += 1
                        return count < limit
                    }
                }
                #expect(count == limit)
            }
        }
    }

    @Test func tenMegabytesInLinearTime() throws {
        let unit = Array(try Corpus.texts().joined().utf8)
        var big: [UInt8] = []
        big.reserveCapacity(10_000_000 + unit.count)
        while big.count < 10_000_000 { big += unit }
        let repetitions = Double(big.count) / Double(unit.count)
        var unitTokens = 0
        var bigTokens = 0
        let clock = ContinuousClock()
        let unitTime = clock.measure {
            unit.withUnsafeBufferPointer { bytes in
                tokenizer.tokenize(bytes, mode: .document) { _, _, _ in
                    unitTokens += 1
                    return true
                }
            }
        }
        let bigTime = clock.measure {
            big.withUnsafeBufferPointer { bytes in
                tokenizer.tokenize(bytes, mode: .document) { _, _, _ in
                    bigTokens += 1
                    return true
                }
            }
        }
        #expect(Double(bigTokens) > Double(unitTokens) * (repetitions - 1))
        // Linear: ten megabytes cost about `repetitions` times one copy (generous bound for
        // noisy machines and debug builds).
        #expect(bigTime < unitTime * Int(repetitions * 4) + .seconds(1), "\(bigTime) vs \(unitTime)")
    }

    // MARK: Real text

    @Test func rangesAreCharactersOfTheOriginalOverTheWholeCorpus() throws {
        for text in try Corpus.texts() {
            let bytes = Array(text.utf8)
            for mode in [TokenizationMode.document, .query] {
                let tokens = Self.checkInvariants(bytes, mode)
                #expect(tokens.count > 1_000)
                for (index, token) in tokens.enumerated() {
                    let original = Array(String(decoding: bytes[token.range], as: UTF8.self).unicodeScalars)
                    let scalars = Array(token.text.unicodeScalars)
                    if let first = scalars.first, Corpus.isHan(first), let head = original.first, Corpus.isHan(head) {
                        // A Han token is one character or a bigram, and its range runs from its
                        // first character to its last (a query's alternative across a separator:
                        // its first character only)…
                        #expect(scalars.count <= 2)
                        #expect(first == head)
                        if !token.isColocated, let tail = original.last, Corpus.isHan(tail) {
                            #expect(scalars.last == tail)
                        }
                        if mode == .document, scalars.count == 2 {
                            // …and in a document the next token starts with a bigram's second character.
                            #expect(tokens[index + 1].text.unicodeScalars.first == scalars[1])
                            #expect(tokens[index + 1].range.lowerBound < token.range.upperBound)
                        }
                    } else if original.allSatisfy(\.isASCII) {
                        // An ASCII word or number is the original, lower-cased.
                        #expect(token.text == String(String.UnicodeScalarView(original)).lowercased())
                    }
                }
            }
        }
    }

    @Test func planTokensOnRealSentences() throws {
        let plan = try Corpus.text("plan/乌司发〔2022〕11号-行政执法质量提升年实施方案.txt")
        let tokens = tokenizer.tokens(in: plan, mode: .document).map(\.text)
        for expected in ["乌司", "2022", "11", "两法", "法衔", "营商", "500"] {
            #expect(tokens.contains(expected), "\(expected)")
        }
        // 〔2022〕11号: brackets separate, digits are words.
        #expect(texts("乌司发〔2022〕11号", .document) == ["乌司", "司发", "发", "2022", "11", "号"])
    }

    @Test func phraseQueriesMatchExactlyWhereTheCharactersStandInARow() throws {
        for file in [
            "regulations/中华人民共和国行政处罚法(2021).md",
            "plan/乌司发〔2022〕11号-行政执法质量提升年实施方案.txt",
        ] {
            let text = try Corpus.text(file)
            let index = PositionIndex(tokenizer.tokens(in: text, mode: .document))
            // The text as the tokenizer sees Han runs: quotation marks removed.
            let stripped = Array(text.unicodeScalars.filter { !Corpus.transparent.contains($0) })
            var phrases = [
                "违法行为轻微并及时改正", "两法衔接", "第三十三条", "行政处罚", "处罚", "罚", "法",
                "罚处", "第33条", "11号", "行政 处罚", "处罚 决定", "罚 款",
            ]
            for start in stride(from: 0, to: stripped.count - 8, by: 211) {
                for length in [1, 2, 3, 5, 8] {
                    let candidate = stripped[start..<start + length]
                    if candidate.allSatisfy(Corpus.isHan) {
                        phrases.append(String(String.UnicodeScalarView(candidate)))
                    }
                }
            }
            #expect(phrases.count > 100)
            for phrase in phrases {
                let matches = index.phraseMatches(phrase, tokenizer: tokenizer)
                if phrase.contains(" ") {
                    // Runs apart in the query match them side by side or apart in the text.
                    let joined = Array(phrase.replacingOccurrences(of: " ", with: "").unicodeScalars)
                    #expect(matches >= Corpus.occurrences(of: joined, in: stripped), "\(phrase) in \(file)")
                } else if phrase.unicodeScalars.allSatisfy(Corpus.isHan) {
                    // Exactly as many matches as occurrences of the characters in a row.
                    let occurrences = Corpus.occurrences(of: Array(phrase.unicodeScalars), in: stripped)
                    #expect(matches == occurrences, "\(phrase) in \(file)")
                } else {
                    #expect(matches > 0 || !text.contains(phrase), "\(phrase) in \(file)")
                }
            }
            if file.hasPrefix("plan") {
                #expect(index.phraseMatches("两法衔接", tokenizer: tokenizer) == 3)
                #expect(index.phraseMatches("法衔接平台", tokenizer: tokenizer) == 3)
            } else {
                #expect(index.phraseMatches("违法行为轻微并及时改正", tokenizer: tokenizer) >= 1)
                #expect(index.phraseMatches("改正及时", tokenizer: tokenizer) == 0)
                #expect(index.phraseMatches("罚", tokenizer: tokenizer) > index.phraseMatches("处罚", tokenizer: tokenizer))
            }
        }
    }

    // MARK: Helpers

    static func withBytes(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        text.withUTF8(body)
    }

    static func tokenize(_ bytes: [UInt8], _ mode: TokenizationMode) -> [Token] {
        var tokens: [Token] = []
        bytes.withUnsafeBufferPointer { buffer in
            HanTokenizer().tokenize(buffer, mode: mode) { token, range, colocated in
                tokens.append(
                    Token(
                        text: String(decoding: token, as: UTF8.self), range: range,
                        isColocated: colocated))
                return true
            }
        }
        return tokens
    }

    /// Tokenizes `bytes` and checks what must hold for any input; returns the tokens.
    @discardableResult
    static func checkInvariants(_ bytes: [UInt8], _ mode: TokenizationMode) -> [Token] {
        var tokens: [Token] = []
        var valid = true
        bytes.withUnsafeBufferPointer { buffer in
            HanTokenizer().tokenize(buffer, mode: mode) { token, range, colocated in
                // Token bytes are non-empty, valid UTF-8 and at most the maximum length.
                valid =
                    valid && !token.isEmpty && String(validating: token, as: UTF8.self) != nil
                    && token.count <= max(HanTokenizer.maximumTokenLength, 8)
                tokens.append(
                    Token(
                        text: String(decoding: token, as: UTF8.self), range: range,
                        isColocated: colocated))
                return true
            }
        }
        #expect(valid, "a token is empty, too long or not UTF-8")
        let inputIsValid = String(validating: bytes, as: UTF8.self) != nil
        var previous: Token?
        for token in tokens {
            // Ranges lie inside the input, cover whole characters and only move forward.
            #expect(token.range.lowerBound >= 0 && token.range.upperBound <= bytes.count && !token.range.isEmpty)
            #expect(String(validating: bytes[token.range], as: UTF8.self) != nil, "\(token.range)")
            if inputIsValid {
                #expect(token.range.upperBound == bytes.count || bytes[token.range.upperBound] & 0xC0 != 0x80)
            }
            if let previous {
                #expect(token.range.lowerBound >= previous.range.lowerBound)
            }
            // Only a query's bigram across a separator is colocated: the alternative of the
            // character alone before it, starting where it starts.
            if token.isColocated {
                #expect(mode == .query)
                #expect(previous != nil && previous!.range.lowerBound == token.range.lowerBound && !previous!.isColocated)
                #expect(token.text.unicodeScalars.count == 2 && token.text.hasPrefix(previous!.text))
            }
            previous = token
        }
        return tokens
    }
}

/// Token positions of a document, as FTS5 counts them: colocated tokens share the position of
/// the token before them.
struct PositionIndex {
    var positions: [String: Set<Int>] = [:]
    /// The token at each position.
    var tokens: [String] = []

    init(_ tokens: [Token]) {
        for token in tokens where !token.isColocated {
            positions[token.text, default: []].insert(self.tokens.count)
            self.tokens.append(token.text)
        }
    }

    /// How many positions start the query phrase `phrase` as FTS5 matches it: its tokens (or
    /// their colocated alternatives) at consecutive positions, the last one a prefix when the
    /// phrase ends in a lone Han character.
    func phraseMatches(_ phrase: String, tokenizer: HanTokenizer) -> Int {
        var chain: [[String]] = []
        for token in tokenizer.tokens(in: phrase, mode: .query) {
            if token.isColocated, !chain.isEmpty { chain[chain.count - 1].append(token.text) } else { chain.append([token.text]) }
        }
        let prefix = tokenizer.endsInLoneHanCharacter(phrase)
        guard !chain.isEmpty, chain.count <= tokens.count else { return 0 }
        return (0...(tokens.count - chain.count)).filter { start in
            chain.enumerated().allSatisfy { offset, alternatives in
                let token = tokens[start + offset]
                return offset == chain.count - 1 && prefix
                    ? token.hasPrefix(alternatives[0]) : alternatives.contains(token)
            }
        }.count
    }
}

/// The real texts in `Corpus/`, found relative to this file.
enum Corpus {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Corpus")

    static func text(_ path: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(path), encoding: .utf8)
    }

    /// The plan and the regulations.
    static func texts() throws -> [String] {
        let regulations = directory.appendingPathComponent("regulations")
        let plan = directory.appendingPathComponent("plan")
        let files =
            try FileManager.default.contentsOfDirectory(atPath: regulations.path)
            .filter { $0.hasSuffix(".md") }.sorted().map { regulations.appendingPathComponent($0) }
            + FileManager.default.contentsOfDirectory(atPath: plan.path)
            .filter { $0.hasSuffix(".txt") }.sorted().map { plan.appendingPathComponent($0) }
        #expect(files.count >= 4)
        return try files.map { try String(contentsOf: $0, encoding: .utf8) }
    }

    static let transparent = Set("“”‘’「」『』《》〈〉\"'".unicodeScalars)

    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
            || (0x20000...0x2F7FF).contains(scalar.value) || scalar.value == 0x3007
    }

    /// Occurrences of `needle` in `haystack`, overlapping ones included.
    static func occurrences(of needle: [Unicode.Scalar], in haystack: [Unicode.Scalar]) -> Int {
        guard !needle.isEmpty, haystack.count >= needle.count else { return 0 }
        var count = 0
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            var offset = 1
            while offset < needle.count && haystack[start + offset] == needle[offset] { offset += 1 }
            if offset == needle.count { count += 1 }
        }
        return count
    }
}

/// A deterministic generator (SplitMix64), so random tests fail reproducibly.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
