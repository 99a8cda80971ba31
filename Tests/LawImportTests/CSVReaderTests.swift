import Foundation
import Testing

@testable import LawImport

@Suite("CSV reading")
struct CSVReaderTests {
    @Test("quoted fields, doubled quotes and line breaks inside quotes")
    func quoting() throws {
        let text =
            "序号,违法行为,处罚标准\r\n"
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
        let bytes: [UInt8] = [
            0xD0, 0xF2, 0xBA, 0xC5, 0x2C, 0xCE, 0xA5, 0xB7, 0xA8, 0xD0, 0xD0, 0xCE, 0xAA, 0x0D, 0x0A,
            0x31, 0x2C, 0xBC, 0xDB, 0xB8, 0xF1, 0x0D, 0x0A,
        ]
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
        #expect(ImportError.undecodableText(file: "x.csv").description.contains("请另存为"))
    }

    @Test("an unclosed quote names its row")
    func unterminated() {
        #expect(throws: ImportError.unterminatedQuote(file: "q.csv", row: 2, line: 2)) {
            try CSVReader().parse("a,b\n1,\"未闭合\n2,c\n", file: "q.csv")
        }
    }

    @Test("empty records are left out but keep the numbering")
    func emptyRecords() throws {
        let table = try CSVReader().parse("序号,事项名称\n,,\n\n3,广告\n", file: "e.csv")
        #expect(table.rows.map(\.number) == [1, 4])
    }

    @Test("a file cut off inside a quote names the record and the line the quote opens on")
    func cutInsideQuote() {
        let text = "序号,事项名称\n1,\"两行\n的名称\"\n2,\"被截断的\n名称"
        #expect(throws: ImportError.unterminatedQuote(file: "cut.csv", row: 3, line: 4)) {
            try CSVReader().parse(text, file: "cut.csv")
        }
        #expect(
            ImportError.unterminatedQuote(file: "cut.csv", row: 3, line: 4).description
                .hasPrefix("cut.csv:4: 第 3 行的引号字段"))
    }

    @Test("a quote after text is kept; blanks before a quote open it")
    func quotesInText() throws {
        let table = try CSVReader().parse("a,  \"引号, 里\"  ,\"甲\"乙\"丙\"\n", file: "q.csv")
        #expect(table.rows[0].cells == ["a", "引号, 里", "甲乙\"丙\""])
    }

    @Test("fields, columns, rows and cells are bounded, each error naming its bound and row")
    func limits() {
        var limits = ImportLimits.standard
        limits.cellBytes = 10
        #expect(
            throws: ImportError.limitExceeded(
                file: "l.csv", part: nil, row: 2, limit: .cellBytes, found: 12,
                maximum: 10)
        ) {
            try CSVReader(limits: limits).parse("a,b\nc,一二三四\n", file: "l.csv")
        }
        limits = .standard
        limits.columns = 3
        #expect(
            throws: ImportError.limitExceeded(
                file: "l.csv", part: nil, row: 1, limit: .columns, found: 4,
                maximum: 3)
        ) {
            try CSVReader(limits: limits).parse("a,b,c,d\n", file: "l.csv")
        }
        limits = .standard
        limits.rows = 2
        #expect(
            throws: ImportError.limitExceeded(
                file: "l.csv", part: nil, row: 3, limit: .rows, found: 3,
                maximum: 2)
        ) {
            try CSVReader(limits: limits).parse("a\nb\nc\n", file: "l.csv")
        }
        limits = .standard
        limits.cells = 5
        #expect(
            throws: ImportError.limitExceeded(
                file: "l.csv", part: nil, row: 2, limit: .cells, found: 6,
                maximum: 5)
        ) {
            try CSVReader(limits: limits).parse("a,b,c\nd,e,f\n", file: "l.csv")
        }
        // The remedy is named for the front end to phrase (`lawkb import` says --limit cells=…).
        let exceeded = ImportError.limitExceeded(file: "l.csv", part: nil, row: 2, limit: .cells, found: 6, maximum: 5)
        #expect(exceeded.remedy == .raiseLimit(.cells))
        #expect(exceeded.description.contains("超出上限 5") && !exceeded.description.contains("--"))
    }

    @Test("a file larger than the part bound is refused before it is read")
    func fileSize() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("big-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(repeating: 0x41, count: 5000).write(to: url)
        var limits = ImportLimits.standard
        limits.partBytes = 4096
        #expect(
            throws: ImportError.limitExceeded(
                file: url.path, part: nil, row: nil, limit: .partBytes, found: 5000,
                maximum: 4096)
        ) {
            try CSVReader(limits: limits).read(path: url.path)
        }
    }

    @Test("GB18030 text with quoted multi-line fields")
    func gb18030Quoted() throws {
        let text = "序号,事项名称\r\n1,\"第一行\r\n第二行\"\r\n"
        let data = try #require(text.data(using: CSVReader.gb18030))
        let table = try CSVReader().read(data: data, file: "gbk.csv")
        #expect(table.rows.map(\.cells) == [["序号", "事项名称"], ["1", "第一行\n第二行"]])
    }
}
