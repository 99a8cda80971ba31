import Foundation
import GRDB
import Testing

@testable import LawIndex

/// The rank function `lawkb_rank` and the statistics it reads, on a small index written here:
/// unit ids far apart (negative, beyond 32 bits), a term in most units, two documents.
@Suite struct RankFunctionTests {
    /// Units: id, document, title, text.
    static let units: [(Int64, Int64, String, String)] = [
        (7, 1, "处罚的种类", "行政处罚的种类包括警告、罚款。"),
        (1000, 1, "第二条", "行政机关依照法律、法规的规定实施管理，应当公开、公平、公正，依法作出决定；对于情节复杂的，依照本法给予处罚。"),
        (123_456, 2, "条款", "处罚，处罚。"),
        (5_000_000_000, 1, "第九条", "处罚依据应当公布。"),
        (-3, 2, "其他", "无关的内容。"),
    ]

    /// A database with the lawkb schema holding `units` (by default ``units``), on connections
    /// that know the tokenizer and the rank function.
    static func database(_ units: [(Int64, Int64, String, String)] = units) throws -> DatabaseQueue {
        let queue = try DatabaseQueue(configuration: KnowledgeBase.configuration(readonly: false))
        try queue.write { db in
            try Schema.create(db)
            try db.execute(
                sql: """
                    INSERT INTO document (id, kind, title, file, cited) VALUES (1, 'regulation', '示例法', 'a.md', 3);
                    INSERT INTO document (id, kind, title, file) VALUES (2, 'list', '示例清单', 'b.yaml');
                    """)
            for (ordinal, unit) in units.enumerated() {
                try db.execute(
                    sql: """
                        INSERT INTO unit (id, document_id, ordinal, kind, title, location, text, line)
                        VALUES (?, ?, ?, 'article', ?, '', ?, 1)
                        """, arguments: [unit.0, unit.1, ordinal, unit.2, unit.3])
            }
            try db.execute(sql: "INSERT INTO unit_fts (rowid, title, text) SELECT id, title, text FROM unit")
        }
        return queue
    }

    /// Runs `query` over the units matching `match`: the best ones, best first, and what the
    /// function answered for each matching unit (0, or `nil` for a unit left out).
    @discardableResult
    static func ranked(
        _ match: String, _ query: RankQuery, _ db: Database
    ) throws -> (best: [(id: Int64, score: Double)], answers: [Int64: Int?]) {
        let statement = try db.makeStatement(
            sql: "SELECT rowid, lawkb_rank(unit_fts, ?2) FROM unit_fts WHERE unit_fts MATCH ?1")
        try statement.setArguments([match, DatabaseValue.null])
        try query.bind(to: statement, at: 2)
        let answers = try Row.fetchAll(statement).map { ($0[0] as Int64, $0[1] as Int?) }
        return (query.best(), Dictionary(answers, uniquingKeysWith: { first, _ in first }))
    }

    @Test func statisticsFindUnitsByIdWhateverTheIdsAre() throws {
        let statistics = try Self.database().read(SearchStatistics.read)
        #expect(statistics.unitCount == 5)
        #expect(statistics.document(ofUnit: 5_000_000_000) == 1)
        #expect(statistics.document(ofUnit: -3) == 2)
        #expect(statistics.document(ofUnit: 123_456) == 2)
        #expect(statistics.document(ofUnit: 8) == nil)
        #expect(statistics.length(ofUnit: 123_456) == 2 + 4)  // 条款 + 处罚，处罚。(punctuation is no token)
        #expect(statistics.mostCited == 3)
        // Dense ids answer the same.
        let dense = SearchStatistics(
            unitIDs: [10, 11, 13], unitDocuments: [0, 0, 1], unitLengths: [5, 6, 7],
            documentIDs: [4, 9], documentCitations: [0, 0])
        #expect(dense.document(ofUnit: 13) == 9)
        #expect(dense.document(ofUnit: 12) == nil)
        #expect(dense.document(ofUnit: Int64.min) == nil)
        #expect(dense.document(ofUnit: Int64.max) == nil)
    }

    @Test func sizeRecordsParseAsFTS5WritesThem() {
        #expect(SearchStatistics.columnSizes([0x05, 0x81, 0x00]) == [5, 128])
        #expect(SearchStatistics.columnSizes([UInt8]()) == [])
        #expect(SearchStatistics.columnSizes([0x81]) == nil)
        #expect(SearchStatistics.columnSizes([UInt8](repeating: 0x01, count: 65)) == nil)
        #expect(SearchStatistics.columnSizes([UInt8](repeating: 0xff, count: 9)) == [Int.max])
    }

    @Test func aTermInMostUnitsStillScoresAndRanksTheTitleMatchFirst() throws {
        let queue = try Self.database()
        try queue.read { db in
            let statistics = try SearchStatistics.read(db)
            let query = RankQuery(statistics: statistics, documentWeights: [1, 1], phraseGroups: [0], mode: .best(10))
            let ranked = try Self.ranked("\"处罚\"", query, db).best
            #expect(query.counted == 4)
            #expect(ranked.map(\.id).first == 7)
            // The passing mention, late in a long text, comes last.
            #expect(ranked.map(\.id).last == 1000)
            let scores = ranked.map(\.score)
            #expect(scores.count == 4)
            #expect(scores.allSatisfy { $0 > 0.1 })
            #expect(zip(scores, scores.dropFirst()).allSatisfy { $0 > $1 })
            // FTS5's own bm25 gives a term in four units of five about nothing.
            let builtin = try Double.fetchAll(
                db, sql: "SELECT -bm25(unit_fts, 4.0, 1.0) FROM unit_fts WHERE unit_fts MATCH '\"处罚\"'")
            #expect(builtin.allSatisfy { abs($0) < 0.01 })
        }
    }

    @Test func leftOutDocumentsAreNotCountedNorScored() throws {
        try Self.database().read { db in
            let statistics = try SearchStatistics.read(db)
            let query = RankQuery(statistics: statistics, documentWeights: [1, 0], phraseGroups: [0], mode: .best(2))
            let (best, answers) = try Self.ranked("\"处罚\"", query, db)
            #expect(query.counted == 3)
            #expect(query.matched == 4)
            #expect(answers[123_456] == .some(nil))
            #expect(answers[7] == 0)
            #expect(best.map(\.id) == [7, 5_000_000_000])
            let counting = RankQuery(statistics: statistics, documentWeights: [0, 1], phraseGroups: [0], mode: .count)
            #expect(try Self.ranked("\"处罚\"", counting, db).best.isEmpty)
            #expect(counting.counted == 1)
        }
    }

    @Test func severalTermsScoreTogetherAndExcludedOnesDoNot() throws {
        try Self.database().read { db in
            let statistics = try SearchStatistics.read(db)
            let query = RankQuery(statistics: statistics, documentWeights: [1, 1], phraseGroups: [0, 1, -1], mode: .best(5))
            let ranked = try Self.ranked("(\"处罚\" AND \"种类\") NOT \"罚款。无\"", query, db).best
            #expect(ranked.map(\.id) == [7])
            #expect(!query.idfDeferred)
            #expect((ranked.first?.score ?? 0) > 0)
        }
    }

    /// Two units alike in every way the score sees, in two documents: the one of the document
    /// the query prefers wins the tie, whatever the ids; without a preference the lower id wins.
    @Test func aPreferredDocumentWinsATieOfScore() throws {
        let twins: [(Int64, Int64, String, String)] = [
            (10, 1, "第五条", "符合条件的，不予处罚。"),
            (20, 2, "第五条", "符合条件的，不予处罚。"),
            (30, 2, "其他", "无关的内容。"),
        ]
        try Self.database(twins).read { db in
            let statistics = try SearchStatistics.read(db)
            let plain = RankQuery(statistics: statistics, documentWeights: [1, 1], phraseGroups: [0], mode: .best(5))
            let tied = try Self.ranked("\"不予处罚\"", plain, db).best
            #expect(tied.map(\.id) == [10, 20])
            #expect(tied.map(\.score)[0] == tied.map(\.score)[1])
            let preferring = RankQuery(
                statistics: statistics, documentWeights: [1, 1], phraseGroups: [0], preferredDocuments: [false, true],
                mode: .best(5))
            let ranked = try Self.ranked("\"不予处罚\"", preferring, db).best
            #expect(ranked.map(\.id) == [20, 10])
            // Only a tie is broken: the scores stay equal to a millionth.
            #expect(abs(ranked[0].score / ranked[1].score - 1) < 1e-5)
        }
    }

    @Test(arguments: [
        "SELECT lawkb_rank(unit_fts, 42) FROM unit_fts WHERE unit_fts MATCH '处罚'",
        "SELECT lawkb_rank(unit_fts, NULL) FROM unit_fts WHERE unit_fts MATCH '处罚'",
        "SELECT lawkb_rank(unit_fts) FROM unit_fts WHERE unit_fts MATCH '处罚'",
        "SELECT lawkb_rank(unit_fts, 'lawkb_rank_query', 1) FROM unit_fts WHERE unit_fts MATCH '处罚'",
    ])
    func withoutItsQueryTheFunctionAnswersAnErrorInsteadOfCrashing(_ sql: String) throws {
        try Self.database().read { db in
            #expect(throws: DatabaseError.self) { try Row.fetchAll(db, sql: sql) }
        }
    }

    @Test func theStatementReleasesItsQuery() throws {
        weak var released: RankQuery?
        try Self.database().read { db in
            let statistics = try SearchStatistics.read(db)
            try {
                let query = RankQuery(statistics: statistics, documentWeights: [1, 1], phraseGroups: [0], mode: .best(1))
                released = query
                _ = try Self.ranked("\"处罚\"", query, db)
            }()
        }
        #expect(released == nil)
    }

    @Test func theShippedIndexOpensWithItsStatistics() throws {
        let knowledgeBase = Fixture.shared.knowledgeBase
        let (statistics, units) = try knowledgeBase.reader.read { db in
            (try knowledgeBase.searchStatistics(db), try Int.fetchOne(db, sql: "SELECT count(*) FROM unit") ?? 0)
        }
        #expect(statistics.unitCount == units)
        #expect(statistics.mostCited > 0)
        #expect(statistics.averageLength > 1)
    }
}
