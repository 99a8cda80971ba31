import LawCorpus
import Testing

@testable import LawImport

/// The importer's header names, roles and YAML output follow the column definitions.
@Suite("Importing by the column definitions")
struct ListColumnImportTests {
    @Test func everyHeaderOfAColumnMeansThatColumn() {
        for column in ListColumn.allCases {
            for header in column.headers {
                #expect(HeaderVocabulary.meaning(of: header) == HeaderVocabulary.meaning(ofHeadersOf: column), "\(header)")
            }
        }
        for header in LevelColumn.penalty.headers {
            #expect(HeaderVocabulary.meaning(of: header) == .penalty, "\(header)")
        }
    }

    @Test func labelsAsHeadersMapToTheirColumns() {
        let headers =
            ["事项名称"] + ListColumn.allCases.map(\.label) + [BenchmarkLevel.levelLabel]
            + LevelColumn.allCases.map(\.label)
        let roles = ColumnLayout.mapping(headers: headers)
        // The 适用情形 nearest the 裁量阶次 column holds the levels' circumstances; the other one
        // is the item's conditions.
        #expect(
            roles == [.name] + ListColumn.allCases.map(ColumnRole.item) + [.level]
                + LevelColumn.allCases.map(ColumnRole.levelPart))
        #expect(
            roles.map(\.description) == ["name"] + ListColumn.keys + ["levels[].level"]
                + LevelColumn.keys.map { "levels[].\($0)" })
    }

    @Test func rolesHoldCitationsAsTheirColumnsDo() {
        let roles =
            ListColumn.allCases.map(ColumnRole.item) + LevelColumn.allCases.map(ColumnRole.levelPart)
            + [.order, .id, .name, .level, .field("监管对象")]
        #expect(roles.filter(\.holdsCitations) == [.basis, .penaltyBasis, .conditions, .measure, .circumstances, .penalty])
    }

    @Test func writerPutsEveryColumnUnderItsKeyInOrder() throws {
        let department = Department(id: "scjg", name: "乌审旗市场监督管理局", shortNames: ["市场监管局"])
        var item = ListItem(id: "X-1", name: "甲")
        for column in ListColumn.allCases { item[column] = "值 \(column.label)" }
        var level = BenchmarkLevel(level: "一般")
        for part in LevelColumn.allCases { level[part] = "值 \(part.label)" }
        item.levels = [level]
        let list = ListVersion(
            file: "x.yaml", department: department, kind: .discretionBenchmark, title: "标题",
            version: try #require(CalendarDate(year: 2022, month: 10, day: 25)), items: [item])
        let yaml = ListYAMLWriter().render(list)
        let itemLines = yaml.split(separator: "\n").drop { $0 != "items:" }.dropFirst().map(String.init)
        let expected =
            ["  - id: X-1", "    name: 甲"] + ListColumn.allCases.map { "    \($0.key): 值 \($0.label)" }
            + ["    levels:", "      - level: 一般"] + LevelColumn.allCases.map { "        \($0.key): 值 \($0.label)" }
        #expect(itemLines == expected)
        let back = try ReadBack(yaml)
        #expect(back.items.first?.columns == item.columns)
        #expect(back.items.first?.levels.first?.columns == level.columns)
    }
}
