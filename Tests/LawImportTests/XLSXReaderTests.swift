import Foundation
import Testing

@testable import LawImport

@Suite("XLSX reading")
struct XLSXReaderTests {
    @Test("cell references to column indices")
    func references() {
        #expect(CellReference.columnIndex("A") == 0)
        #expect(CellReference.columnIndex("Z") == 25)
        #expect(CellReference.columnIndex("AA") == 26)
        #expect(CellReference.columnIndex("AZ") == 51)
        #expect(CellReference.columnIndex("BA") == 52)
        #expect(CellReference("AA27") == CellReference(column: 26, row: 27))
        #expect(CellReference("$C$3") == CellReference(column: 2, row: 3))
        #expect(CellReference("3C") == nil)
        #expect(CellReference.columnName(26) == "AA")
        #expect(CellReference.columnName(701) == "ZZ")
        #expect(CellReference.columnName(702) == "AAA")
        #expect(CellRange("A4:B6") == CellRange(firstRow: 4, lastRow: 6, firstColumn: 0, lastColumn: 1))
    }

    @Test("shared, rich-text and inline strings, numbers, line breaks and sheets by name")
    func cells() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cells-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        var builder = XLSXBuilder(sheets: [
            .init(
                name: "清单",
                rows: [
                    [.shared("序号"), .shared("事项名称"), .inline("罚款\n上限")],
                    [.number("1"), .shared("违反明码标价规定"), .number("5000")],
                    [.number("2"), .inline("第一行_x000D_\n第二行"), .number("0.10000000000000001")],
                ]),
            .init(name: "说明", rows: [[.inline("本表"), .empty, .inline("AA 列")]], startRow: 3),
        ])
        builder.richText["违反明码标价规定"] = ["违反明码", "标价规定"]
        try builder.write(to: url)

        #expect(try XLSXReader().sheetNames(path: url.path) == ["清单", "说明"])
        let table = try XLSXReader().read(path: url.path)
        #expect(table.sheet == "清单")
        #expect(
            table.rows.map(\.cells) == [
                ["序号", "事项名称", "罚款\n上限"],
                ["1", "违反明码标价规定", "5000"],
                ["2", "第一行\n第二行", "0.1"],
            ])
        let second = try XLSXReader().read(path: url.path, sheet: "说明")
        #expect(second.rows == [SourceRow(number: 3, cells: ["本表", "", "AA 列"])])
        #expect(throws: ImportError.sheetNotFound(file: url.path, sheet: "Sheet9", available: ["清单", "说明"])) {
            try XLSXReader().read(path: url.path, sheet: "Sheet9")
        }
    }

    @Test("vertical merges give their value to the rows below; horizontal spans do not")
    func merges() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("merges-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        try XLSXBuilder(sheets: [
            .init(
                name: "Sheet1",
                rows: [
                    [.shared("标题"), .empty, .empty],
                    [.shared("甲"), .inline("一般"), .inline("x")],
                    [.empty, .inline("严重"), .inline("y")],
                ], merges: ["A1:C1", "A2:A3"])
        ]).write(to: url)
        let table = try XLSXReader().read(path: url.path).fillingVerticalMerges()
        #expect(table.rows.map(\.cells) == [["标题"], ["甲", "一般", "x"], ["甲", "严重", "y"]])
        #expect(table.span(row: 1, column: 0) == 3)
    }

    @Test("numbers in date formats are dates; other formats stay numbers")
    func dates() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dates-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        try XLSXBuilder(sheets: [
            .init(
                name: "Sheet1",
                rows: [
                    [.styled("44859", style: 1), .styled("44863", style: 2), .styled("5000", style: 3), .number("44859")]
                ])
        ]).write(to: url)
        let table = try XLSXReader().read(path: url.path)
        #expect(table.rows.map(\.cells) == [["2022-10-25", "2022-10-29", "5000", "44859"]])
    }

    @Test("a file that is not a zip is a malformed workbook")
    func notZip() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data("序号,事项名称\n".utf8).write(to: url)
        #expect {
            try XLSXReader().read(path: url.path)
        } throws: { error in
            guard case ImportError.malformedWorkbook(let file, _, _) = error else { return false }
            return file == url.path
        }
    }
}
