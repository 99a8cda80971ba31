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
            } else if !inString {
                outside.append(character)
            }
            previous = character
        }
        _ = previous
        #expect(!inString)
        let leftover = outside.replacingOccurrences(of: "AND", with: "").replacingOccurrences(of: "OR", with: "")
            .replacingOccurrences(of: "NOT", with: "").filter { !"() ".contains($0) }
        #expect(leftover.isEmpty, "unquoted text in \(expression.fts5)")
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
