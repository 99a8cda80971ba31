import LawQuery
import Testing

@Suite struct QueryParserTests {
    let parser = QueryParser()

    @Test func spacesMeanAnd() throws {
        let expression = try parser.parse("查封 扣押　期限")  // ideographic space too
        #expect(expression.required == [["查封"], ["扣押"], ["期限"]])
        #expect(expression.fts5 == #"("查封" AND "扣押" AND "期限")"#)
    }

    @Test func orJoinsNeighbours() throws {
        let expression = try parser.parse("听证 OR 陈述 处罚")
        #expect(expression.required == [["听证", "陈述"], ["处罚"]])
        #expect(expression.fts5 == #"(("听证" OR "陈述") AND "处罚")"#)
    }

    @Test func minusExcludes() throws {
        let expression = try parser.parse("处罚 -强制")
        #expect(expression.required == [["处罚"]])
        #expect(expression.excluded == ["强制"])
        #expect(expression.fts5 == #""处罚" NOT "强制""#)
    }

    @Test func quotesMakeOnePhrase() throws {
        #expect(try parser.parse(#""行政 处罚" 法"#).required == [["行政 处罚"], ["法"]])
        #expect(try parser.parse(#"-"行政 强制" 处罚"#).excluded == ["行政 强制"])
    }

    @Test func unbalancedQuoteRunsToTheEnd() throws {
        #expect(try parser.parse(#"处罚 "听证 程序"#).required == [["处罚"], ["听证 程序"]])
    }

    @Test(arguments: [
        "NEAR(", "NEAR(处罚 听证, 5)", "处罚*", "'; DROP TABLE unit; --", "title:处罚",
        "^处罚", "处罚 AND", "OR 处罚 OR", "(处罚", "处罚)", "{title}: 处罚", "😀 处罚",
        "\u{0}处罚", "处罚\u{7}", "a\"b\"c", "NOT 处罚", "处罚 -\"", "\"处罚",
    ])
    func hostileInputNeverReachesFTS5Unquoted(_ input: String) throws {
        let expression = try parser.parse(input)
        // Every term is a quoted FTS5 string: outside the quotes only operators and parentheses remain.
        var outside = ""
        var inString = false
        var previous: Character?
        for character in expression.fts5 {
            if character == "\"" {
                inString.toggle()
            } else if !inString, !(character == "*" && previous == "\"") {
                // A `*` right after a phrase is the parser's own prefix mark.
                outside.append(character)
            }
            previous = character
        }
        #expect(!inString)
        let leftover = outside.replacingOccurrences(of: "AND", with: "").replacingOccurrences(of: "OR", with: "")
            .replacingOccurrences(of: "NOT", with: "").filter { !"() ".contains($0) }
        #expect(leftover.isEmpty, "unquoted text in \(expression.fts5)")
    }

    @Test(arguments: [
        "a\"\u{301} OR b", "\"\u{301}x\u{301}\" 处罚", "处罚 \"行政\u{301} \"\u{308} NEAR(a b)\"",
        "x\u{301}\"\u{301}\u{301} title:处罚", " \u{301}处罚",
    ])
    func aQuoteCarryingACombiningMarkIsStillAQuote(_ input: String) throws {
        // FTS5 reads bytes: a quote followed by U+0301 is one Swift Character but still a quote.
        let expression = try parser.parse(input)
        #expect(Self.unquotedText(in: expression.fts5).isEmpty, "\(expression.fts5)")
        for term in expression.terms + expression.excluded {
            #expect(!term.unicodeScalars.contains("\""), "\(term)")
        }
    }

    @Test func combiningMarksCountTowardsTheLength() {
        let stacked = "处" + String(repeating: "\u{301}", count: 5000)
        #expect(stacked.count == 1)
        #expect(throws: QueryError.tooLong(length: 5001, limit: QueryParser.maximumLength)) { try parser.parse(stacked) }
        let thousand = String(repeating: "处\u{301}", count: 600)
        #expect(throws: QueryError.tooLong(length: 1200, limit: QueryParser.maximumLength)) { try parser.parse(thousand) }
    }

    @Test func thousandsOfRandomAndMutatedQueriesAreParsedOrRefused() {
        let pieces = [
            "处罚", "行政", "强制", " ", "　", "\"", "-", "OR", "AND", "NOT", "(", ")", "*", ":", "^", "NEAR",
            "\u{0}", "\u{7}", "\u{1B}", "\u{301}", "\u{202E}", "\u{FEFF}", "😀", "\n", "'", "a", "1", "，",
        ]
        let samples = [
            "查封 扣押　期限", "听证 OR 陈述 处罚", "处罚 -强制", "\"行政 处罚\" 法", "-\"行政 强制\" 处罚",
            "处罚 \"听证 程序", "NEAR(处罚 听证, 5)", "'; DROP TABLE unit; --",
        ]
        var state: UInt64 = 7
        func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
        for _ in 0..<3000 {
            var scalars = Array((next(2) == 0 ? "" : samples[next(samples.count)]).unicodeScalars)
            for _ in 0..<(1 + next(8)) {
                scalars.insert(contentsOf: pieces[next(pieces.count)].unicodeScalars, at: next(scalars.count + 1))
            }
            let input = String(String.UnicodeScalarView(scalars))
            do {
                let expression = try parser.parse(input)
                #expect(!expression.required.isEmpty, "\(input)")
                #expect(expression.terms.count + expression.excluded.count <= QueryParser.maximumTerms)
                #expect(Self.unquotedText(in: expression.fts5).isEmpty, "\(input) → \(expression.fts5)")
            } catch {
                #expect(!error.description.isEmpty)
            }
        }
    }

    /// What an FTS5 expression holds outside its strings, operators, parentheses and the
    /// prefix marks right after a phrase removed; read scalar by scalar, as FTS5 reads bytes.
    static func unquotedText(in fts5: String) -> String {
        var outside = String.UnicodeScalarView()
        var inString = false
        var previous: Unicode.Scalar?
        for scalar in fts5.unicodeScalars {
            if scalar == "\"" {
                inString.toggle()
            } else if !inString, !(scalar == "*" && previous == "\"") {
                outside.append(scalar)
            }
            previous = scalar
        }
        guard !inString else { return "unbalanced" }
        return String(outside).replacingOccurrences(of: "AND", with: "").replacingOccurrences(of: "OR", with: "")
            .replacingOccurrences(of: "NOT", with: "").filter { !"() ".contains($0) }
    }

    @Test(arguments: ["", "   ", "　", "*", "，。！", "😀", "\u{0}", "\"\"", "OR", "( )"])
    func nothingSearchableIsAClearError(_ input: String) {
        #expect(throws: QueryError.self) { try parser.parse(input) }
    }

    @Test func onlyExclusionsIsAClearError() {
        #expect(throws: QueryError.onlyExclusions) { try parser.parse("-处罚 -强制") }
    }

    @Test func tenKilobytesIsRejectedWithItsLength() {
        let long = String(repeating: "处罚", count: 5000)
        #expect(throws: QueryError.tooLong(length: 10_000, limit: QueryParser.maximumLength)) {
            try parser.parse(long)
        }
    }

    @Test func tooManyTermsIsRejected() {
        let many = (1...40).map { "词\($0)" }.joined(separator: " ")
        #expect(throws: QueryError.tooManyTerms(count: 40, limit: QueryParser.maximumTerms)) {
            try parser.parse(many)
        }
    }
}
