import GRDB
import LawCorpus
import LawTestSupport
import Testing

@testable import LawIndex

/// An item's texts are stored once, in its unit; `list_item` and `citation` read them back
/// from there exactly as they were written.
@Suite("Texts stored once")
struct StoredOnceTests {
    static func database() throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = true
        return try DatabaseQueue(path: SharedIndex.full.path, configuration: configuration)
    }

    @Test func itemColumnsAreStoredAsPlacesInTheUnitText() throws {
        let literals = try Self.database().read { db in
            try Int.fetchOne(
                db,
                sql: "SELECT count(*) FROM list_item_row WHERE "
                    + ListColumn.keys.map { "\($0) IS NOT NULL" }.joined(separator: " OR "))
        }
        #expect(literals == 0)
    }

    @Test func namesAndCitationsReadBackAsWritten() throws {
        let corpus = try CorpusLoader(root: TestRepository.corpus).load()
        let (names, citations) = try Self.database().read { db in
            (
                try Row.fetchAll(db, sql: "SELECT item_id, name FROM list_item").map { "\($0[0] as String)|\($0[1] as String)" },
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT list_item.item_id, citation.text FROM citation
                        JOIN list_item ON list_item.unit_id = citation.unit_id
                        """
                ).map { "\($0[0] as String)|\($0[1] as String)" }
            )
        }
        let items = corpus.lists.flatMap(\.items)
        #expect(names.sorted() == items.map { "\($0.id)|\($0.name)" }.sorted())
        #expect(citations.sorted() == items.flatMap { item in item.citations.map { "\(item.id)|\($0.text)" } }.sorted())
        #expect(!citations.isEmpty)
    }

    @Test func theLayoutLocatesEveryColumnInTheText() {
        var item = ListItem(id: "X-1", name: "甲", fields: [ListField(name: "监管对象", value: "经营者😀")])
        for column in ListColumn.allCases { item[column] = "\(column.key)值😀\n第二行" }
        item.levels = [BenchmarkLevel(level: "一般", circumstances: "首次", penalty: "警告")]
        let layout = IndexWriter.searchableLayout(of: item)
        let scalars = Array(layout.text.unicodeScalars)
        for column in ListColumn.allCases {
            let span = try? #require(layout.spans[column])
            let read = span.map { String(String.UnicodeScalarView(scalars[$0])) }
            #expect(read == item[column])
        }
    }
}
