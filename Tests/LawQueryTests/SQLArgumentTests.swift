import Foundation
import GRDB
import LawIndex
import LawQuery
import Testing

/// No text a user types reaches SQL as SQL: every query LawQuery runs (the ones behind every
/// command and route) carries user text as bound arguments. The test traces every statement
/// SQLite prepares while the queries read hostile text in every parameter, and finds none of
/// it in the statements' SQL.
@Suite(.serialized) struct SQLArgumentTests {
    /// Text no statement of lawkb contains, in every shape a parameter accepts.
    static let marker = "zqxsql"
    static let hostile = [
        "\(marker)", "'\(marker)'", "\(marker)\"; DROP TABLE unit; --", "违法\(marker)行为",
        "行政处罚法\(marker)", "市监局\(marker)", "免罚清单\(marker)",
    ]

    /// The SQL of every statement prepared while `body` runs.
    private static func statements(_ body: (LawQueries) -> Void) throws -> [String] {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("lawkb-sql-\(UUID().uuidString).sqlite").path
        _ = try IndexBuilder(corpusRoot: Fixture.repository.appendingPathComponent("Corpus").path).build(to: path)
        let knowledgeBase = try KnowledgeBase(path: path)
        let recorded = Recorded()
        try knowledgeBase.reader.unsafeReentrantRead { db in
            db.trace(options: .statement) { event in
                if case .statement(let statement) = event { recorded.append(statement.sql) }
            }
        }
        body(LawQueries(knowledgeBase))
        return recorded.values
    }

    @Test func userTextIsAlwaysAnArgument() throws {
        let sql = try Self.statements { queries in
            for text in Self.hostile {
                _ = try? queries.search(SearchRequest(query: text))
                _ = try? queries.search(SearchRequest(query: "处罚", kindCode: text, listKindName: nil))
                _ = try? queries.search(SearchRequest(query: "处罚", document: text))
                _ = try? queries.search(SearchRequest(query: "处罚", kindCode: nil, department: text, listKindName: text, asOf: text))
                _ = try? queries.search(
                    SearchRequest(
                        query: "处罚 \(text)", kind: .list, department: "市监局",
                        listKind: .noPenalty, asOf: "2023-01-01"))
                _ = try? queries.article(document: text, number: "33")
                _ = try? queries.article(document: "行政处罚法", number: text)
                _ = try? queries.article(document: "道路运输条例", number: "63", version: text)
                _ = try? queries.cite(text)
                _ = try? queries.cite("《\(text)》第三十三条")
                _ = try? queries.citedBy(document: text, number: "33")
                _ = try? queries.citedBy(document: "行政处罚法", number: "33", asOf: text, version: text)
                _ = try? queries.outline(document: text, version: text)
                _ = try? queries.outline(document: "道路运输条例", version: text)
                _ = try? queries.lists(department: text, asOf: text)
                _ = try? queries.list(department: text, kind: text, asOf: text)
                _ = try? queries.list(department: "市监局", kind: text)
                _ = try? queries.changes(
                    ChangesRequest(
                        kind: try LawQueries.listKind(text), department: text, since: text,
                        from: text, to: text))
                _ = try? queries.changes(ChangesRequest(department: text, since: text, from: text, to: text))
                _ = try? queries.reviewBenchmarks(department: text, asOf: text)
            }
            _ = try? queries.deadlines()
            _ = try? queries.documents()
            _ = try? queries.departments()
            _ = try? queries.vocabulary()
        }
        #expect(sql.count > 50, "the trace saw the queries")
        #expect(sql.contains { $0.contains("unit_fts MATCH ?") })
        for statement in sql {
            #expect(!statement.contains(Self.marker), "user text in SQL: \(statement.prefix(300))")
        }
    }
}

/// Statements recorded from SQLite's trace callback.
private final class Recorded: @unchecked Sendable {
    private let lock = NSLock()
    private var statements: [String] = []

    func append(_ sql: String) {
        lock.lock()
        statements.append(sql)
        lock.unlock()
    }

    var values: [String] {
        lock.lock()
        defer { lock.unlock() }
        return statements
    }
}
