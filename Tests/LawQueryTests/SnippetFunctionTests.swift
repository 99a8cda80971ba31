import Foundation
import GRDB
import LawQuery
import Testing

@testable import LawIndex

/// The snippet function `lawkb_snippet` on a full-text table of the index's tokenizer: the
/// queries are parsed as search parses them, so phrases ending in a lone Han character are
/// prefixes, and the snippets are marked with `[` and `]`.
@Suite struct SnippetFunctionTests {
    /// A connection that knows the tokenizer and the snippet function, with one table holding
    /// `texts` (title 标题, one row each).
    static func database(_ texts: [String]) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            db.add(tokenizer: HanFTS5Tokenizer.self)
            try SnippetFunction.register(db)
        }
        let queue = try DatabaseQueue(configuration: configuration)
        try queue.write { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE t USING fts5(title, text, tokenize='\(HanFTS5Tokenizer.name)')")
            for text in texts {
                try db.execute(sql: "INSERT INTO t (title, text) VALUES ('标题', ?)", arguments: [text])
            }
        }
        return queue
    }

    /// The snippets of the rows matching `query`, in row order.
    static func snippets(_ query: String, in texts: [String], tokens: Int = 48, withExpression: Bool = true) throws
        -> [String]
    {
        let expression = try QueryParser().parse(query).fts5
        let extra = withExpression ? ", ?1" : ""
        return try database(texts).read { db in
            try String.fetchAll(
                db,
                sql: "SELECT \(SnippetFunction.name)(t, 1, '[', ']', '…', \(tokens)\(extra)) FROM t WHERE t MATCH ?1 ORDER BY rowid",
                arguments: [expression])
        }
    }

    static func snippet(_ query: String, in text: String) throws -> String? {
        try snippets(query, in: [text]).first
    }

    @Test func overlappingMatchesAreMergedAndAdjacentOnesKeptApart() throws {
        #expect(try Self.snippet("罚罚", in: "罚罚罚") == "[罚罚罚]")
        #expect(try Self.snippet("罚罚", in: "罚罚罚，罚罚") == "[罚罚罚]，[罚罚]")
        #expect(try Self.snippet("处罚", in: "处罚处罚") == "[处罚][处罚]")
        #expect(try Self.snippet("处罚 罚款", in: "处罚款") == "[处罚款]")
    }

    @Test func matchesAtTheEndsOfRuns() throws {
        #expect(try Self.snippet("处罚", in: "依法处罚。处罚") == "依法[处罚]。[处罚]")
        #expect(try Self.snippet("依法", in: "依法处罚。") == "[依法]处罚。")
        #expect(try Self.snippet("罚", in: "处罚。罚") == "处[罚]。[罚]")
    }

    @Test func aOneCharacterQueryMarksThatCharacterOnly() throws {
        #expect(try Self.snippet("罚", in: "行政处罚的罚款") == "行政处[罚]的[罚]款")
        #expect(try Self.snippet("第3条", in: "依照第3条规定") == "依照[第3条]规定")
        // Without the expression, a prefix match is marked as the whole token it matched.
        let whole = try Self.snippets("罚", in: ["行政处罚的"], withExpression: false)
        #expect(whole == ["行政处[罚的]"])
    }

    @Test func nfkcFormsAreMarkedInTheOriginalText() throws {
        #expect(try Self.snippet("33", in: "第３３条") == "第[３３]条")
        #expect(try Self.snippet("api", in: "调用ＡＰＩ接口") == "调用[ＡＰＩ]接口")
        #expect(try Self.snippet("行政", in: "\u{2F8F}政处罚") == "[\u{2F8F}政]处罚")
        #expect(try Self.snippet("两法衔接", in: "“两法”衔接") == "“[两法”衔接]")
    }

    @Test func phrasesWithSeparatorsAndNonHanTokens() throws {
        #expect(try Self.snippet(#""行政 处罚""#, in: "行政，处罚") == "[行政，处罚]")
        #expect(try Self.snippet(#""行政 处罚""#, in: "依法行政处罚") == "依法[行政处罚]")
        #expect(try Self.snippet("grdb", in: "使用 GRDB.swift 编写") == "使用 [GRDB].swift 编写")
        #expect(try Self.snippet("处罚 30日", in: "30日内作出处罚") == "[30日]内作出[处罚]")
    }

    @Test func aLongTextShowsTheBestWindowWithEllipses() throws {
        let filler = String(repeating: "甲乙丙丁", count: 30)  // 120 characters
        let late = try #require(try Self.snippet("处罚", in: filler + "处罚" + filler))
        #expect(late.hasPrefix("…") && late.hasSuffix("…"))
        #expect(late.contains("[处罚]"))
        // 48 positions: the match and 46 characters around it, centred.
        #expect(late.count == 2 + 48 + 2)
        let early = try #require(try Self.snippet("处罚", in: "处罚" + filler))
        #expect(early.hasPrefix("[处罚]") && early.hasSuffix("…"))
        // The window holding both phrases wins over one holding either.
        let both = try #require(try Self.snippet("处罚 罚款", in: "处罚" + filler + "处罚和罚款" + filler + "罚款"))
        #expect(both.contains("[处罚]和[罚款]"))
    }

    @Test func aMatchInTheTitleOnlyShowsTheStartOfTheText() throws {
        let filler = String(repeating: "甲乙丙丁", count: 30)
        let rows = try Self.snippets("标题", in: [filler])
        #expect(rows == [String(filler.prefix(48)) + "…"])
    }

    @Test func hostileTextsAndArguments() throws {
        #expect(try Self.snippet("脚本", in: "<script>脚本</script>") == "<script>[脚本]</script>")
        #expect(try Self.snippet("处罚", in: "[处罚]\u{E000}") == "[[处罚]]\u{E000}")
        #expect(try Self.snippet("处罚", in: "处罚😀\u{7}，。") == "[处罚]😀\u{7}，。")
        // A text matching everywhere: bounded work, a bounded snippet (touching matches are
        // marked one by one).
        let many = try #require(try Self.snippet("罚", in: String(repeating: "罚", count: 200_000)))
        #expect(many == String(repeating: "[罚]", count: 48) + "…")
        let queue = try Self.database(["处罚"])
        for arguments in ["1, '[', ']', '…', 0", "1, '[', ']', '…', 65", "1, '[', ']'", "7, '[', ']', '…', 10"] {
            #expect(throws: DatabaseError.self) {
                try queue.read { db in
                    try String.fetchAll(
                        db, sql: "SELECT \(SnippetFunction.name)(t, \(arguments)) FROM t WHERE t MATCH '\"处罚\"'")
                }
            }
        }
        // NULL markers are empty; an expression it cannot read marks whole tokens.
        let odd = try queue.read { db in
            try String.fetchAll(
                db, sql: "SELECT \(SnippetFunction.name)(t, 1, NULL, NULL, NULL, 10, 'x y') FROM t WHERE t MATCH '\"处罚\"'")
        }
        #expect(odd == ["处罚"])
    }

    @Test func prefixPhrasesAreReadFromTheExpression() {
        func read(_ expression: String) -> [Bool]? { SnippetFunction.prefixPhrases(in: Array(expression.utf8)) }
        #expect(read(#""罚"*"#) == [true])
        #expect(read(#"("处罚" AND "罚" * AND "a""b") NOT "c"*"#) == [false, true, false, true])
        #expect(read(#"NEAR("营业执照" "罚"*, 24)"#) == [false, true])
        #expect(read("罚") == nil)
        #expect(read(#""unterminated"#) == [false])
    }
}
