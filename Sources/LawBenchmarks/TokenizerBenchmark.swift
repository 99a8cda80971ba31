import Foundation
import GRDB
import LawIndex
import LawTokenizer

/// Measures tokenizer throughput on a text: `lawkb_han` alone, and `lawkb_han`,
/// `unicode61` and `trigram` each filling the same FTS5 table through SQLite, so the
/// figures compare like with like.
public enum TokenizerBenchmark {
    /// One tokenizer's throughput.
    public struct Measurement: Codable, Sendable {
        /// What was measured.
        public var name: String
        /// Megabytes (10⁶ bytes) of UTF-8 input per second.
        public var megabytesPerSecond: Double
        /// Tokens produced per pass (for the pure tokenizer) or distinct terms indexed (FTS5).
        public var tokens: Int
        /// Time for all repetitions.
        public var seconds: Double
    }

    /// Runs every measurement over `paragraphs`, `repetitions` times each.
    public static func run(paragraphs: [String], repetitions: Int) throws -> [Measurement] {
        let bytes = Double(paragraphs.reduce(0) { $0 + $1.utf8.count } * repetitions)
        var results = [pureSwift(paragraphs: paragraphs, repetitions: repetitions, bytes: bytes)]
        for tokenizer in ["lawkb_han", "unicode61", "trigram"] {
            results.append(
                try throughSQLite(
                    tokenizer: tokenizer, paragraphs: paragraphs,
                    repetitions: repetitions, bytes: bytes))
        }
        return results
    }

    private static func pureSwift(paragraphs: [String], repetitions: Int, bytes: Double) -> Measurement {
        let tokenizer = HanTokenizer()
        var tokens = 0
        let started = DispatchTime.now()
        for _ in 0..<repetitions {
            for var paragraph in paragraphs {
                paragraph.withUTF8 { buffer in
                    tokenizer.tokenize(buffer, mode: .document) { _, _, _ in
                        tokens += 1
                        return true
                    }
                }
            }
        }
        let seconds = elapsed(since: started)
        return Measurement(
            name: "HanTokenizer (Swift, no SQLite)", megabytesPerSecond: bytes / seconds / 1e6,
            tokens: tokens / repetitions, seconds: seconds)
    }

    private static func throughSQLite(
        tokenizer: String, paragraphs: [String], repetitions: Int, bytes: Double
    ) throws -> Measurement {
        let queue = try DatabaseQueue(configuration: KnowledgeBase.configuration(readonly: false))
        let started = DispatchTime.now()
        try queue.write { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE t USING fts5(x, content='', tokenize='\(tokenizer)')")
            let insert = try db.makeStatement(sql: "INSERT INTO t(x) VALUES (?)")
            for _ in 0..<repetitions {
                for paragraph in paragraphs {
                    try insert.execute(arguments: [paragraph])
                }
            }
        }
        let seconds = elapsed(since: started)
        let terms = try queue.inDatabase { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, t, row)")
            return try Int.fetchOne(db, sql: "SELECT count(*) FROM temp.v") ?? 0
        }
        return Measurement(
            name: "FTS5 insert, tokenize='\(tokenizer)'", megabytesPerSecond: bytes / seconds / 1e6,
            tokens: terms, seconds: seconds)
    }

    private static func elapsed(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }
}
