import Foundation
import Testing

@testable import LawCorpus

/// The definition of a list item's columns and a level's parts, and the parser reading by it.
@Suite("List columns")
struct ListColumnTests {
    @Test func columnsHaveTheKeysAndLabelsOfTheCorpusFiles() {
        #expect(ListColumn.keys == ["conduct", "basis", "penalty_basis", "conditions", "measure", "note"])
        #expect(ListColumn.allCases.map(\.label) == ["违法行为", "法律依据", "处罚依据", "适用情形", "处理方式", "备注"])
        #expect(ListColumn.allCases.filter(\.holdsCitations) == [.basis, .penaltyBasis, .conditions, .measure])
        #expect(ListColumn.body == [.conduct, .basis, .penaltyBasis, .conditions, .measure])
        #expect(ListColumn.remarks == [.note])
        #expect(LevelColumn.keys == ["circumstances", "penalty"])
        #expect(LevelColumn.allCases.map(\.label) == ["适用情形", "处罚标准"])
        #expect(ListColumn(key: "penalty_basis") == .penaltyBasis)
        #expect(ListColumn(key: "penaltyBasis") == nil)
    }

    @Test func everyLabelIsAlsoAHeaderAndNoHeaderNamesTwoColumns() {
        var owner: [String: String] = [:]
        for column in ListColumn.allCases {
            #expect(column.headers.first == column.label)
            for header in column.headers {
                #expect(owner.updateValue(column.key, forKey: header) == nil, "\(header)")
            }
        }
        #expect(LevelColumn.penalty.headers.allSatisfy { owner[$0] == nil })
    }

    @Test func namedPropertiesAndSubscriptShareTheValues() {
        var item = ListItem(id: "X-1", name: "甲", basis: "《中华人民共和国行政处罚法》第三十三条", note: "")
        #expect(item[.basis] == "《中华人民共和国行政处罚法》第三十三条")
        #expect(item.note == "")
        #expect(item[.conduct] == nil)
        item[.measure] = "不予处罚"
        #expect(item.measure == "不予处罚")
        item.basis = nil
        #expect(item.columns.filled.map(\.column) == [.measure, .note])
        #expect(item == ListItem(id: "X-1", name: "甲", measure: "不予处罚", note: ""))
        #expect(item != ListItem(id: "X-1", name: "甲", measure: "不予处罚"))
    }

    @Test func levelJSONHasTheLevelEachPartWithAValueAndTheAmounts() throws {
        let level = BenchmarkLevel(level: "一般", circumstances: "首次违法", penalty: "处1000元以上5000元以下罚款")
        #expect(level[.penalty] == level.penalty)
        #expect(level.amounts.count == 1)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(level), as: UTF8.self)
        #expect(
            json == #"{"amounts":[{"lower":1000,"text":"1000元以上5000元以下","unit":"元","upper":5000}],"#
                + #""circumstances":"首次违法","level":"一般","penalty":"处1000元以上5000元以下罚款"}"#)
        #expect(try JSONDecoder().decode(BenchmarkLevel.self, from: Data(json.utf8)) == level)

        let bare = BenchmarkLevel(level: "轻微")
        #expect(String(decoding: try encoder.encode(bare), as: UTF8.self) == #"{"amounts":[],"level":"轻微"}"#)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(BenchmarkLevel.self, from: Data(#"{"circumstances":"无"}"#.utf8))
        }
    }

    /// Every column is read from its key, and only the columns that hold citations give citations.
    @Test func parserReadsEachColumnByItsKey() throws {
        let registry = try DepartmentRegistry([Department(id: "scjg", name: "乌审旗市场监督管理局", shortNames: ["市场监管局"])])
        let parser = ListParser(registry: registry, citations: CitationParser(names: CitationTests.names))
        var yaml = """
            department: 市场监管局
            kind: 裁量基准
            version: 2022-10-25
            items:
              - id: X-1
                name: 甲

            """
        for (number, column) in ListColumn.allCases.enumerated() {
            yaml += "    \(column.key): 《中华人民共和国行政处罚法》第\(ChineseNumeralFormatter.format(number + 1))条\n"
        }
        yaml += "    levels:\n      - level: 一般\n"
        for (number, part) in LevelColumn.allCases.enumerated() {
            yaml += "        \(part.key): 《中华人民共和国行政处罚法》第\(ChineseNumeralFormatter.format(number + 11))条\n"
        }
        var warnings: [String] = []
        let list = try parser.parse(text: yaml, file: "Corpus/lists/scjg/裁量基准/2022-10-25.yaml", warnings: &warnings)
        #expect(warnings.isEmpty, "\(warnings)")
        let item = try #require(list.items.first)
        for (number, column) in ListColumn.allCases.enumerated() {
            #expect(item[column] == "《中华人民共和国行政处罚法》第\(ChineseNumeralFormatter.format(number + 1))条")
        }
        #expect(item.levels.first?.penalty == "《中华人民共和国行政处罚法》第十二条")
        let cited = ListColumn.allCases.enumerated().filter { $0.element.holdsCitations }.map { $0.offset + 1 } + [11, 12]
        #expect(item.citations.map(\.article) == cited)
    }

    @Test func outOfRangeArticlesAreReportedAtTheColumnThatHoldsThem() throws {
        let registry = try DepartmentRegistry([Department(id: "scjg", name: "乌审旗市场监督管理局", shortNames: ["市场监管局"])])
        let parser = ListParser(registry: registry, citations: CitationParser(names: CitationTests.names))
        let yaml = """
            department: 市场监管局
            kind: 免罚清单
            version: 2022-10-25
            items:
              - id: X-1
                name: 甲
                conduct: 《中华人民共和国行政处罚法》第九千九百九十九万九千九百九十九条
                measure: 《中华人民共和国行政处罚法》第九千九百九十九万九千九百九十九条
            """
        var warnings: [String] = []
        let list = try parser.parse(text: yaml, file: "Corpus/lists/scjg/不予处罚事项清单/2022-10-25.yaml", warnings: &warnings)
        #expect(list.items.first?.citations.isEmpty == true)
        // 违法行为 holds no citations, so only 处理方式 (line 8) is checked.
        #expect(warnings.count == 1)
        #expect(warnings.first?.hasPrefix("Corpus/lists/scjg/不予处罚事项清单/2022-10-25.yaml:8: 事项 X-1") == true)
    }
}
