import Foundation
import LawTestSupport
import Testing

@testable import LawImport

/// The monthly progress table's shape (工作任务推进表): department, task, deadline,
/// status, completion date, explanation.
private enum ProgressTable {
    static let headers = ["部门", "工作任务", "完成时限", "完成情况", "完成日期", "情况说明"]

    static let market: [[String]] = [
        ["市场监管局", "公布行政执法“四张清单”", "2022-10-31", "按时完成", "2022-10-28", "已在政府网站公示"],
        ["市场监管局", "“四张清单”报司法局备案", "2022-11-10", "逾期完成", "2022-11-15", "逾期 3 个工作日\n已补报备案"],
        ["市场监管局", "制定追责、免责办法", "2022-10-31", "未到期", "", ""],
    ]

    static let transport: [[String]] = [
        ["交通运输局", "重大执法决定法制审核目录清单备案", "2022-12-10", "逾期未完成", "", "截至 2022-12-31 逾期 15 个工作日"],
        ["交通运输局", "证明事项清单公布", "2022-05-31", "不适用", "", "本部门无证明事项"],
    ]

    static var workbook: WorkbookContent {
        WorkbookContent(
            sheets: [
                SheetContent(name: "市场监管局", headers: headers, rows: market, columnWidths: [14, 36, 12, 12, 12, nil]),
                SheetContent(name: "交通运输局", headers: headers, rows: transport),
            ], title: "2022年11月工作任务推进表")
    }
}

/// A scratch directory removed after the test.
private struct Scratch: ~Copyable {
    let url: URL

    init() throws {
        url = try TestRepository.scratchDirectory("workbook-writer")
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// The names in the directory.
    func listing() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// The text of `part` of the zip package at `path`, read with the project's strict reader.
private func partText(_ part: String, of path: String) throws -> String {
    let package = try ZipPackage(source: ByteSource(path: path), file: path, limits: .standard)
    guard let entry = package.entry(part) else { throw ImportError.malformedWorkbook(file: path, part: part, problem: .missingPart) }
    var data = Data()
    try package.stream(entry) { (chunk: Data) throws(ImportError) in data.append(chunk) }
    return String(decoding: data, as: UTF8.self)
}

/// The rows of every sheet of the workbook at `path`, by sheet name, read with ``XLSXReader``.
private func readBack(_ path: String) throws -> [(name: String, rows: [SourceRow])] {
    let reader = XLSXReader()
    return try reader.sheetNames(path: path).map { name in
        (name, try reader.read(path: path, sheet: name).rows)
    }
}

/// `rows` numbered from 1 as the readers number them.
private func numbered(_ rows: [[String]]) -> [SourceRow] {
    rows.enumerated().map { SourceRow(number: $0.offset + 1, cells: $0.element) }
}

/// `rows` as ``XLSXReader`` gives them back: numbered from 1, each ending at its last
/// non-empty cell (a workbook stores no empty cells).
private func asRead(_ rows: [[String]]) -> [SourceRow] {
    numbered(rows.map { Array($0.reversed().drop(while: \.isEmpty).reversed()) })
}

@Suite("Workbook and CSV writing")
struct WorkbookWriterTests {
    @Test("a two-sheet progress table in Chinese comes back cell for cell through XLSXReader")
    func progressTableRoundTrip() throws {
        let scratch = try Scratch()
        let path = scratch.path("2022-11 工作任务推进表.xlsx")
        try WorkbookWriter.write(ProgressTable.workbook, to: path)

        let sheets = try readBack(path)
        #expect(sheets.map(\.name) == ["市场监管局", "交通运输局"])
        #expect(sheets[0].rows == asRead([ProgressTable.headers] + ProgressTable.market))
        #expect(sheets[1].rows == asRead([ProgressTable.headers] + ProgressTable.transport))
        // Only the package and nothing else is left in the directory.
        #expect(try scratch.listing() == ["2022-11 工作任务推进表.xlsx"])
        try keep(path, as: "example.xlsx")
    }

    @Test("the package has every part, a bold frozen header, column widths and no formulas")
    func packageStructure() throws {
        let scratch = try Scratch()
        let path = scratch.path("table.xlsx")
        try WorkbookWriter.write(ProgressTable.workbook, to: path)
        let package = try ZipPackage(source: ByteSource(path: path), file: path, limits: .standard)
        let names = Set(package.entries.map(\.name))
        for part in [
            "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
            "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "docProps/core.xml",
            "docProps/app.xml",
        ] {
            #expect(names.contains(part), "missing \(part)")
        }
        let sheet = try partText("xl/worksheets/sheet1.xml", of: path)
        #expect(sheet.contains(#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#))
        #expect(sheet.contains(#"<c r="A1" s="1" t="s">"#), "header cells use the bold style")
        #expect(sheet.contains(#"<c r="E4" s="2"/><c r="F4" s="2"/></row>"#), "empty cells keep their borders")
        #expect(sheet.contains(#"<col min="2" max="2" width="36" customWidth="1"/>"#))
        #expect(sheet.contains(#"<dimension ref="A1:F4"/>"#))
        #expect(sheet.contains(#"<ignoredError sqref="A1:F4" numberStoredAsText="1"/>"#))
        #expect(!sheet.contains("<f>"))
        let styles = try partText("xl/styles.xml", of: path)
        #expect(styles.contains("<font><b/>"))
        let workbook = try partText("xl/workbook.xml", of: path)
        #expect(workbook.contains("'市场监管局'!$1:$1"), "the header row repeats on printed pages")
        let core = try partText("docProps/core.xml", of: path)
        #expect(core.contains("<dc:title>2022年11月工作任务推进表</dc:title>"))
        // Repeated texts are stored once.
        let strings = try partText("xl/sharedStrings.xml", of: path)
        #expect(strings.components(separatedBy: "<t>市场监管局</t>").count == 2)
    }

    @Test("hostile text: XML specials, control characters, Excel escapes and formulas come back as text")
    func hostileText() throws {
        let scratch = try Scratch()
        let path = scratch.path("hostile.xlsx")
        let hostile: [[String]] = [
            [#"<a href="x">&amp;</a> ]]> 'q'"#, "A\u{0}B\u{7}C\u{1B}D\u{FFFF}E", "行一\r\n行二\r行三", "制表\t符"],
            [#"=HYPERLINK("http://example.invalid/?a=1&b=2","点我")"#, "+1+1", "-2+3", "@SUM(A1:A2)"],
            ["_x0041_ 与 _x005F_", "𠀀𪚥 ＜全角＞", "\u{202E}反向", "结尾"],
        ]
        let workbook = WorkbookContent(sheets: [
            SheetContent(name: "正常", headers: ProgressTable.headers, rows: ProgressTable.market),
            SheetContent(name: "异常[文本]:*?/\\", headers: ["甲", "乙", "丙", "丁"], rows: hostile),
        ])
        try WorkbookWriter.write(workbook, to: path)
        let sheets = try readBack(path)
        #expect(sheets.map(\.name) == ["正常", "异常_文本______"])
        #expect(
            sheets[1].rows
                == numbered([
                    ["甲", "乙", "丙", "丁"],
                    // Forbidden controls removed; tab and line breaks kept (CR and CRLF as LF).
                    [#"<a href="x">&amp;</a> ]]> 'q'"#, "ABCDE", "行一\n行二\n行三", "制表\t符"],
                    // Formulas stay text in a workbook: every cell is a string cell.
                    [#"=HYPERLINK("http://example.invalid/?a=1&b=2","点我")"#, "+1+1", "-2+3", "@SUM(A1:A2)"],
                    ["_x0041_ 与 _x005F_", "𠀀𪚥 ＜全角＞", "\u{202E}反向", "结尾"],
                ]))
        let sheet = try partText("xl/worksheets/sheet2.xml", of: path)
        #expect(!sheet.contains("<f>"))
        try keep(path, as: "hostile.xlsx")
        let strings = try partText("xl/sharedStrings.xml", of: path)
        #expect(strings.contains("_x005F_x0041_ 与 _x005F_x005F_"))
        #expect(!strings.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" })
    }

    @Test("sheet names: cut to 31 characters, forbidden characters replaced, duplicates numbered")
    func sheetNames() throws {
        let long = String(repeating: "乌审旗司法局", count: 6) + "推进表甲乙丙丁"  // 43 characters
        #expect(long.count > 40)
        let wished = [long, long, "市场监管局", "市场监管局", "ABC", "abc", "", "'引号'", "History", "a/b\\c"]
        let names = SheetNames.valid(wished)
        #expect(names[0] == String(long.prefix(31)))
        #expect(names[1] == String(long.prefix(27)) + " (2)")
        #expect(names[2...] == ["市场监管局", "市场监管局 (2)", "ABC", "abc (2)", "Sheet7", "引号", "History (2)", "a_b_c"])
        for name in names {
            #expect(name.utf16.count <= 31)
            #expect(!name.contains { "[]:*?/\\".contains($0) })
        }
        #expect(Set(names.map { $0.lowercased() }).count == names.count)
        // Astral characters count two, as Excel counts: 16 of them fill 32 units, so 15 fit.
        #expect(SheetNames.valid([String(repeating: "𠀀", count: 16)]) == [String(repeating: "𠀀", count: 15)])

        let scratch = try Scratch()
        let path = scratch.path("names.xlsx")
        let sheets = wished.map { SheetContent(name: $0, headers: ["部门"], rows: [["市场监管局"]]) }
        try WorkbookWriter.write(WorkbookContent(sheets: sheets), to: path)
        #expect(try XLSXReader().sheetNames(path: path) == names)
        #expect(WorkbookWriter.sheetNames(of: WorkbookContent(sheets: sheets)) == names)
        try keep(path, as: "names.xlsx")
    }

    @Test("a header-less plain sheet, rows of different lengths and empty cells")
    func shapes() throws {
        let scratch = try Scratch()
        let path = scratch.path("shapes.xlsx")
        let rows = [["甲"], ["乙", "", "丙"], ["", "丁"]]
        try WorkbookWriter.write(
            WorkbookContent(sheets: [SheetContent(name: "表", headers: [], rows: rows, headerStyle: .plain)]), to: path)
        let read = try XLSXReader().read(path: path)
        #expect(read.rows == asRead(rows))
        let sheet = try partText("xl/worksheets/sheet1.xml", of: path)
        #expect(!sheet.contains("<pane"))
    }

    @Test("bounds are checked before writing; a failed write leaves the old file and no temporary file")
    func errors() throws {
        let scratch = try Scratch()
        let path = scratch.path("表.xlsx")
        try WorkbookWriter.write(ProgressTable.workbook, to: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))

        let long = String(repeating: "长", count: 32_768)
        let tooLong = WorkbookContent(sheets: [SheetContent(name: "甲", headers: ["部门", "说明"], rows: [["甲", long]])])
        #expect(throws: WorkbookWriteError.cellTooLong(file: path, sheet: "甲", cell: "B2", length: 32_768, maximum: 32_767)) {
            try WorkbookWriter.write(tooLong, to: path)
        }
        let badWidth = WorkbookContent(sheets: [SheetContent(name: "甲", headers: ["部门"], rows: [], columnWidths: [300])])
        #expect(throws: WorkbookWriteError.invalidColumnWidth(file: path, sheet: "甲", column: "A", width: 300)) {
            try WorkbookWriter.write(badWidth, to: path)
        }
        #expect(throws: WorkbookWriteError.noSheets(file: path)) {
            try WorkbookWriter.write(WorkbookContent(sheets: []), to: path)
        }
        let wide = WorkbookContent(sheets: [SheetContent(name: "宽", headers: Array(repeating: "列", count: 16_385), rows: [])])
        #expect(throws: WorkbookWriteError.tooManyColumns(file: path, sheet: "宽", columns: 16_385, maximum: 16_384)) {
            try WorkbookWriter.write(wide, to: path)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try scratch.listing() == ["表.xlsx"])

        let missing = scratch.path("没有的目录/表.xlsx")
        do {
            try WorkbookWriter.write(ProgressTable.workbook, to: missing)
            Issue.record("expected an error")
        } catch {
            guard case .unwritable(let file, _) = error else {
                Issue.record("expected unwritable, got \(error)")
                return
            }
            #expect(file == missing)
            #expect(error.description.hasPrefix(missing + "：无法写入"))
        }
        do {
            try CSVWriter.write(headers: ["部门"], rows: [], to: scratch.url.path)
            Issue.record("expected an error")
        } catch {
            #expect(error == .unwritable(file: scratch.url.path, reason: "这是一个目录"))
        }
        #expect(
            WorkbookWriteError.cellTooLong(file: "表.xlsx", sheet: "甲", cell: "B2", length: 32_768, maximum: 32_767)
                .description == "表.xlsx（工作表“甲”，单元格 B2）：共 32768 个字符，超出 Excel 单元格 32767 个字符的上限；未写入文件")
    }

    @Test("writing over an existing workbook replaces it whole")
    func replaces() throws {
        let scratch = try Scratch()
        let path = scratch.path("表.xlsx")
        try WorkbookWriter.write(ProgressTable.workbook, to: path)
        let single = WorkbookContent(sheets: [SheetContent(name: "汇总", headers: ["部门"], rows: [["司法局"]])])
        try WorkbookWriter.write(single, to: path)
        #expect(try readBack(path).map(\.name) == ["汇总"])
        #expect(try scratch.listing() == ["表.xlsx"])
    }

    // MARK: - CSV

    @Test("CSV: byte-order mark, CRLF, quoting and padding, exactly")
    func csvText() {
        let text = CSVWriter.text(headers: ["部门", "说明"], rows: [["市场监管局", "甲,乙"], ["交通局", "他说\"好\"\n第二行"], ["农牧局"]])
        #expect(text == "部门,说明\r\n市场监管局,\"甲,乙\"\r\n交通局,\"他说\"\"好\"\"\n第二行\"\r\n农牧局,\r\n")
        let data = CSVWriter.data(headers: ["部门"], rows: [])
        #expect(Array(data) == [0xEF, 0xBB, 0xBF] + Array("部门\r\n".utf8))
    }

    @Test("CSV: formulas are neutralised with an apostrophe; plain numbers and dates are not")
    func csvFormulaGuard() {
        #expect(CSVWriter.neutralised(#"=HYPERLINK("http://x","点我")"#) == #"'=HYPERLINK("http://x","点我")"#)
        #expect(CSVWriter.neutralised("+1+1") == "'+1+1")
        #expect(CSVWriter.neutralised("-2+3") == "'-2+3")
        #expect(CSVWriter.neutralised("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVWriter.neutralised("\t=1") == "'\t=1")
        #expect(CSVWriter.neutralised("-") == "'-")
        #expect(CSVWriter.neutralised("-3") == "-3")
        #expect(CSVWriter.neutralised("+1.5") == "+1.5")
        #expect(CSVWriter.neutralised("2022-11-10") == "2022-11-10")
        #expect(CSVWriter.neutralised("逾期 3 个工作日") == "逾期 3 个工作日")
        #expect(CSVWriter.field("=1,2") == "\"'=1,2\"")
    }

    @Test("CSV: the progress table and hostile text come back through CSVReader")
    func csvRoundTrip() throws {
        let scratch = try Scratch()
        let path = scratch.path("2022-11 工作任务推进表.csv")
        let hostile: [[String]] = [
            ["市场监管局", #"=HYPERLINK("http://example.invalid","点我")"#, "2022-10-31", "A\u{0}B\u{1F}C", "x\r\ny", "-5"],
            ["交通运输局", #"<a>&"引号", 逗号</a>"#, "@cmd", "+1", "", "𠀀 末尾"],
        ]
        let rows = ProgressTable.market + ProgressTable.transport + hostile
        try CSVWriter.write(headers: ProgressTable.headers, rows: rows, to: path)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))

        let table = try CSVReader().read(path: path)
        let expected =
            [ProgressTable.headers] + ProgressTable.market + ProgressTable.transport + [
                ["市场监管局", #"'=HYPERLINK("http://example.invalid","点我")"#, "2022-10-31", "ABC", "x\ny", "-5"],
                ["交通运输局", #"<a>&"引号", 逗号</a>"#, "'@cmd", "+1", "", "𠀀 末尾"],
            ]
        #expect(table.rows == numbered(expected))
        #expect(try scratch.listing() == ["2022-11 工作任务推进表.csv"])
        try keep(path, as: "example.csv")
    }

    /// Copies the file at `path` to `$LAWKB_KEEP_WORKBOOK/name` when that variable is
    /// set, for a check with `Benchmarks/check-workbook.py`.
    private func keep(_ path: String, as name: String) throws {
        guard let directory = ProcessInfo.processInfo.environment["LAWKB_KEEP_WORKBOOK"], !directory.isEmpty else { return }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let target = URL(fileURLWithPath: directory).appendingPathComponent(name)
        try? FileManager.default.removeItem(at: target)
        try FileManager.default.copyItem(atPath: path, toPath: target.path)
    }
}
