import Testing

@testable import LawImport

@Suite("Header mapping")
struct ColumnLayoutTests {
    @Test("usual headers, with spaces, line breaks and full-width characters")
    func usualHeaders() {
        let roles = ColumnLayout.mapping(headers: [
            "序 号", "事项\n名称", "违法行为", "法律依据", "不予处罚的情形", "处理　方式", "备注", "监管对象", "",
        ])
        #expect(
            roles == [
                .order, .name, .conduct, .basis, .conditions, .measure, .note, .field("监管对象"),
                .field("I列"),
            ])
    }

    @Test("处罚依据 is the penalty basis only beside a 违法依据 or 法律依据 column")
    func penaltyBasis() {
        #expect(ColumnLayout.mapping(headers: ["违法行为", "违法依据", "处罚依据"]) == [.name, .basis, .penaltyBasis])
        #expect(ColumnLayout.mapping(headers: ["违法行为", "法律依据", "处罚依据"]) == [.name, .basis, .penaltyBasis])
        #expect(ColumnLayout.mapping(headers: ["事项名称", "处罚依据", "处理措施"]) == [.name, .basis, .measure])
    }

    @Test("benchmark columns: 适用情形 beside 裁量阶次 holds the circumstances of each level")
    func benchmark() {
        let roles = ColumnLayout.mapping(headers: [
            "序号", "违法行为", "法律依据", "处罚依据", "违法程度", "适用情形", "处罚幅度（元）",
        ])
        #expect(roles == [.order, .name, .basis, .penaltyBasis, .level, .circumstances, .penalty])
    }

    @Test("a better name column wins over 决定类型 and 情形; they then stay fields or conditions")
    func nameRanks() {
        #expect(
            ColumnLayout.mapping(headers: ["事项名称", "决定类型", "标准"])
                == [.name, .field("决定类型"), .field("标准")])
        #expect(ColumnLayout.mapping(headers: ["决定类型", "标准"]) == [.name, .field("标准")])
        #expect(ColumnLayout.mapping(headers: ["追责情形", "情形", "依据"]) == [.name, .conditions, .basis])
        #expect(
            ColumnLayout.mapping(headers: ["情形", "依据", "追究方式"])
                == [.name, .basis, .field("追究方式")])
    }

    @Test("the header row is found below title rows; two-row headers are combined")
    func locate() throws {
        let table = SourceTable(
            file: "t.csv",
            rows: [
                SourceRow(number: 1, cells: ["乌审旗市场监督管理局行政处罚裁量权基准"]),
                SourceRow(number: 2, cells: ["填报单位：乌审旗市场监督管理局", "", "", "2022年10月"]),
                SourceRow(number: 3, cells: ["序号", "违法行为", "法律依据", "裁量基准", "裁量基准", "裁量基准"]),
                SourceRow(number: 4, cells: ["序号", "违法行为", "法律依据", "裁量阶次", "适用情形", "处罚标准"]),
                SourceRow(number: 5, cells: ["1", "违反明码标价规定", "《中华人民共和国价格法》第四十二条", "一般", "初次", "处5000元以下罚款"]),
            ])
        let layout = try ColumnLayout.locate(in: table)
        #expect(layout.headerRows == [3, 4])
        #expect(layout.columns.map(\.role) == [.order, .name, .basis, .level, .circumstances, .penalty])
    }

    @Test("no header row is an error naming the file")
    func noHeader() {
        let table = SourceTable(file: "x.csv", rows: [SourceRow(number: 1, cells: ["甲", "乙"])])
        #expect(throws: ImportError.noHeaderRow(file: "x.csv", rowsSearched: 1)) {
            try ColumnLayout.locate(in: table)
        }
    }
}
