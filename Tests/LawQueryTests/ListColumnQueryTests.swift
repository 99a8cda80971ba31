import Foundation
import LawCorpus
import Testing

@testable import LawQuery

/// Change detection, labels and the JSON of items follow the column definitions.
@Suite("List columns in answers")
struct ListColumnQueryTests {
    static func record(_ value: (String) -> String?, levels: [BenchmarkLevel] = []) -> ListItemRecord {
        var columns = ColumnValues<ListColumn>()
        for column in ListColumn.allCases { columns[column] = value(column.key) }
        return ListItemRecord(
            id: "X-1", name: "甲", columns: columns, levels: levels, fields: [], citations: [],
            benchmarkCheck: nil)
    }

    @Test func everyColumnAndLevelPartIsCompared() {
        var oldLevel = BenchmarkLevel(level: "一般")
        var newLevel = BenchmarkLevel(level: "一般")
        for part in LevelColumn.allCases {
            oldLevel[part] = "旧"
            newLevel[part] = "新"
        }
        let old = Self.record({ "旧\($0)" }, levels: [oldLevel])
        let new = Self.record({ "新\($0)" }, levels: [newLevel])
        let changes = ChangeDetector.differences(old, new)
        #expect(changes.map(\.field) == ListColumn.keys + LevelColumn.keys.map { "levels.一般.\($0)" })
        #expect(changes.map(\.label) == ListColumn.allCases.map(\.label) + LevelColumn.allCases.map { "一般 · \($0.label)" })
        #expect(changes.first == FieldChange(field: "conduct", before: "旧conduct", after: "新conduct"))
        #expect(ChangeDetector.differences(old, old).isEmpty)
    }

    @Test func aColumnGainedOrLostIsAChange() {
        let old = Self.record { $0 == "note" ? nil : "同" }
        let new = Self.record { $0 == "basis" ? nil : "同" }
        #expect(
            ChangeDetector.differences(old, new) == [
                FieldChange(field: "basis", before: "同", after: nil), FieldChange(field: "note", before: nil, after: "同"),
            ])
    }

    @Test func labelsComeFromTheDefinitions() {
        for column in ListColumn.allCases { #expect(FieldLabel.chinese(column.key) == column.label) }
        for part in LevelColumn.allCases { #expect(FieldLabel.chinese("levels.较重.\(part.key)") == "较重 · \(part.label)") }
        #expect(FieldLabel.chinese("name") == "事项名称")
        #expect(FieldLabel.chinese("levels.较重.amounts") == "较重 · 罚款幅度")
        #expect(FieldLabel.chinese("levels.较重") == "较重（裁量阶次）")
    }

    @Test func itemJSONHasEachColumnWithAValueUnderItsKey() throws {
        let record = Self.record { $0 == "measure" || $0 == "penalty_basis" ? "有" : nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(record), as: UTF8.self)
        #expect(json == #"{"citations":[],"fields":[],"id":"X-1","levels":[],"measure":"有","name":"甲","penalty_basis":"有"}"#)
        #expect(try JSONDecoder().decode(ListItemRecord.self, from: Data(json.utf8)) == record)
        #expect(record.penaltyBasis == "有" && record.conduct == nil)
    }

    /// The index stores each column and the answers read it back (the shipped 裁量基准 have 处罚依据).
    @Test func indexedColumnsReadBack() throws {
        let list = try Fixture.queries.list(department: "交通运输局", kind: "裁量基准", asOf: "2023-01-01")
        #expect(list.items.contains { $0[.penaltyBasis] != nil && $0[.basis] != nil })
        #expect(list.items.allSatisfy { item in item.columns.filled.allSatisfy { !$0.value.isEmpty } })
    }
}
