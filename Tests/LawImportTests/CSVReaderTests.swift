import Foundation
import Testing
@testable import LawImport

@Suite("CSV reading")
struct CSVReaderTests {
    @Test("quoted fields, doubled quotes and line breaks inside quotes")
    func quoting() throws {
        let text = "序号,违法行为,处罚标准\r\n"
            + "1,\"违反明码标价规定，\n未标明价格\",\"处5000元以下罚款；\"\"情节严重\"\"的除外\"\r\n"
            + "2,  未按规定建立进货查验记录制度  ,\"\"\n"
        let table = try CSVReader().parse(text, file: "t.csv")
        #expect(table.rows.count == 3)
        #expect(table.rows[1].cells == ["1", "违反明码标价规定，\n未标明价格", "处5000元以下罚款；\"情节严重\"的除外"])
        #expect(table.rows[2].cells == ["2", "未按规定建立进货查验记录制度", ""])
        // A record spanning two lines is still one row: row numbers follow Excel, not lines.
        #expect(table.rows.map(\.number) == [1, 2, 3])
    }

    @Test("a byte-order mark is not part of the first header")
    func byteOrderMark() throws {
        let data = Data([0xEF, 0xBB, 0xBF]) + Data("序号,事项名称\n1,违反明码标价规定\n".utf8)
        let table = try CSVReader().read(data: data, file: "bom.csv")
        #expect(table.rows[0].cells == ["序号", "事项名称"])
    }

    @Test("GB18030/GBK text as Chinese Excel saves “CSV (逗号分隔)”")
    func gb18030() throws {
        // 序号,违法行为 / 1,价格 in GBK.
        let bytes: [UInt8] = [0xD0, 0xF2, 0xBA, 0xC5, 0x2C, 0xCE, 0xA5, 0xB7, 0xA8, 0xD0, 0xD0, 0xCE, 0xAA, 0x0D, 0x0A,
                              0x31, 0x2C, 0xBC, 0xDB, 0xB8, 0xF1, 0x0D, 0x0A]
        let table = try CSVReader().read(data: Data(bytes), file: "gbk.csv")
        #expect(table.rows.map(\.cells) == [["序号", "违法行为"], ["1", "价格"]])
    }

    @Test("UTF-16 with a byte-order mark, tab-separated (Excel “Unicode 文本”)")
    func utf16Tabs() throws {
        var data = Data([0xFF, 0xFE])
        data.append("序号\t事项名称\n1\t违反明码标价规定\n".data(using: .utf16LittleEndian)!)
        let table = try CSVReader().read(data: data, file: "u16.txt")
        #expect(table.rows.map(\.cells) == [["序号", "事项名称"], ["1", "违反明码标价规定"]])
    }

    @Test("bytes that are no known encoding are an error naming the file")
    func undecodable() {
        let bytes = Data([0x31, 0x2C, 0xFF, 0xFF, 0xFF, 0x0A])
        #expect(throws: ImportError.undecodableText(file: "x.csv")) {
            try CSVReader().read(data: bytes, file: "x.csv")
        }
        #expect(ImportError.undecodableText(file: "x.csv").description.contains("save it again as"))
    }

    @Test("an unclosed quote names its row")
    func unterminated() {
        #expect(throws: ImportError.unterminatedQuote(file: "q.csv", row: 2)) {
            try CSVReader().parse("a,b\n1,\"未闭合\n2,c\n", file: "q.csv")
        }
    }

    @Test("empty records are left out but keep the numbering")
    func emptyRecords() throws {
        let table = try CSVReader().parse("序号,事项名称\n,,\n\n3,广告\n", file: "e.csv")
        #expect(table.rows.map(\.number) == [1, 4])
    }
}
