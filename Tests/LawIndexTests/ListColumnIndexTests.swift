import GRDB
import LawCorpus
import LawTestSupport
import Testing

@testable import LawIndex

/// The searchable text of a list item follows the column definitions.
@Suite("List columns in the index")
struct ListColumnIndexTests {
    @Test func searchableTextLabelsEachColumnAndPutsRemarksLast() {
        var item = ListItem(id: "X-1", name: "甲", fields: [ListField(name: "监管对象", value: "经营者")])
        for column in ListColumn.allCases { item[column] = "\(column.key)值" }
        item.levels = [
            BenchmarkLevel(level: "一般", circumstances: "首次", penalty: "警告"),
            BenchmarkLevel(level: "较重", penalty: "罚款"),
        ]
        let expected =
            ListColumn.body.map { "\($0.label)：\($0.key)值" }
            + ["一般：首次；警告", "较重：罚款", "监管对象：经营者"]
            + ListColumn.remarks.map { "\($0.label)：\($0.key)值" }
        #expect(IndexWriter.searchableText(of: item) == expected.joined(separator: "\n"))
        #expect(IndexWriter.searchableText(of: item).hasPrefix("违法行为：conduct值\n法律依据：basis值\n处罚依据：penalty_basis值"))
        #expect(IndexWriter.searchableText(of: item).hasSuffix("监管对象：经营者\n备注：note值"))
    }

    @Test func emptyColumnsAreLeftOut() {
        let item = ListItem(id: "X-1", name: "甲", conduct: "", measure: "不予处罚")
        #expect(IndexWriter.searchableText(of: item) == "处理方式：不予处罚")
    }

    /// Each item's columns are stored under their keys and read back by them, as the records
    /// of `list_item` read them.
    @Test func indexStoresEachColumnUnderItsKey() throws {
        let corpus = try CorpusLoader(root: TestRepository.corpus).load()
        var configuration = Configuration()
        configuration.readonly = true
        let database = try DatabaseQueue(path: SharedIndex.full.path, configuration: configuration)
        let rows = try database.read { db in try ItemColumnsRow.fetchAll(db, sql: "SELECT * FROM list_item") }
        func describe(_ id: String, _ columns: ColumnValues<ListColumn>) -> String {
            ([id] + ListColumn.allCases.map { columns[$0] ?? "∅" }).joined(separator: "|")
        }
        let stored = rows.map { describe($0.itemID, $0.columns) }.sorted()
        let written = corpus.lists.flatMap(\.items).map { describe($0.id, $0.columns) }.sorted()
        #expect(stored == written)
        for column in ListColumn.allCases {
            #expect(rows.contains { $0.columns[column] != nil }, "no shipped item has \(column.key)")
        }
    }
}

/// The item id and text columns of a `list_item` row, the columns read by their keys.
private struct ItemColumnsRow: Decodable, FetchableRecord {
    var itemID: String
    var columns: ColumnValues<ListColumn>

    private enum CodingKeys: String, CodingKey {
        case itemID = "item_id"
    }

    init(from decoder: any Decoder) throws {
        itemID = try decoder.container(keyedBy: CodingKeys.self).decode(String.self, forKey: .itemID)
        columns = try ColumnValues(flattenedFrom: decoder)
    }
}
