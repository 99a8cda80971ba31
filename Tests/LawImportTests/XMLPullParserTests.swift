import Foundation
import Testing

@testable import LawImport

/// Feeds `xml` to a worksheet reader in chunks of `chunk` bytes.
func readSheet(
    _ xml: [UInt8], chunk: Int, sharedStrings: [String] = [],
    limits: ImportLimits = .standard
) throws(PartError) -> [SourceRow] {
    let handler = WorksheetHandler(sharedStrings: sharedStrings, dateStyles: [], limits: limits)
    let parser = XMLPullParser(names: WorksheetHandler.elementNames, maximumTokenBytes: limits.cellBytes)
    var start = 0
    repeat {
        let end = min(xml.count, start + max(1, chunk))
        parser.feed(Data(xml[start..<end]))
        while let event = try parser.next() { try handler.handle(event, parser) }
        start = end
    } while start < xml.count
    parser.finish()
    while let event = try parser.next() { try handler.handle(event, parser) }
    return handler.rows
}

func readSheet(
    _ xml: String, chunk: Int = .max, sharedStrings: [String] = [],
    limits: ImportLimits = .standard
) throws(PartError) -> [SourceRow] {
    try readSheet(Array(xml.utf8), chunk: chunk, sharedStrings: sharedStrings, limits: limits)
}

/// The problem a sheet is refused for, or `nil`.
func problem(_ xml: String, chunk: Int = .max) -> PartError? {
    do {
        _ = try readSheet(xml, chunk: chunk)
        return nil
    } catch {
        return error
    }
}

@Suite("XML pull parser")
struct XMLPullParserTests {
    /// A sheet with every construct the parser handles: declaration, BOM, comments, PIs,
    /// entities and character references, CDATA, CRLF, `>` inside attributes, prefixes.
    static let sheet =
        "\u{FEFF}<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
        + "<!-- 由 Excel 保存 -->\r\n"
        + "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" note='a>b'>"
        + "<x:sheetData><?mso-application progid=\"Excel.Sheet\"?>"
        + "<x:row r=\"1\" spans=\"1:3\"><x:c r=\"A1\" t=\"inlineStr\"><x:is><x:t>a &amp; b后面的文字</x:t></x:is></x:c>"
        + "<x:c r=\"B1\" t=\"inlineStr\"><x:is><x:t>第一行\r\n第二行\r第三行&#x0D;&#10;第四行</x:t></x:is></x:c>"
        + "<x:c r=\"C1\" t=\"inlineStr\"><x:is><x:t><![CDATA[<不是标签> & 原样]]>&#x1F600;</x:t></x:is></x:c></x:row>"
        + "<x:row r=\"3\"><x:c r=\"B3\" t=\"inlineStr\"><x:is><x:r><x:t>富</x:t></x:r><x:r><x:t>文本</x:t></x:r>"
        + "<x:rPh sb=\"0\" eb=\"1\"><x:t>ふりがな</x:t></x:rPh></x:is></x:c></x:row>"
        + "</x:sheetData></x:worksheet>\r\n<!-- 完 -->\r\n"

    static let expected = [
        SourceRow(number: 1, cells: ["a & b后面的文字", "第一行\n第二行\n第三行\n第四行", "<不是标签> & 原样😀"]),
        SourceRow(number: 3, cells: ["", "富文本"]),
    ]

    @Test("the same rows whatever the chunk size", arguments: [1, 2, 3, 5, 7, 13, 64, 4096, Int.max])
    func chunkSizes(chunk: Int) throws {
        #expect(try readSheet(Self.sheet, chunk: chunk) == Self.expected)
    }

    @Test("mismatched, stray and missing end tags name the elements and positions")
    func nesting() {
        let mismatched = problem("<worksheet>\n<sheetData><row r=\"1\"></sheetData></worksheet>")
        #expect(
            mismatched
                == .problem(
                    .mismatchedEndTag(
                        expected: "row", found: "sheetData",
                        openedAt: PartPosition(line: 2, column: 12, offset: 23)),
                    at: PartPosition(line: 2, column: 23, offset: 34)))
        #expect(
            problem("<worksheet></worksheet></worksheet>")
                == .problem(.strayEndTag("worksheet"), at: PartPosition(line: 1, column: 24, offset: 23)))
        #expect(
            problem("<worksheet><sheetData>")
                == .problem(
                    .unexpectedEnd(open: "sheetData", openedAt: PartPosition(line: 1, column: 12, offset: 11)),
                    at: PartPosition(line: 1, column: 23, offset: 22)))
        #expect(
            problem("")
                == .problem(
                    .unexpectedEnd(open: nil, openedAt: nil),
                    at: PartPosition(line: 1, column: 1, offset: 0)))
        #expect(problem("<a/><b/>") == .problem(.secondRoot("b"), at: PartPosition(line: 1, column: 5, offset: 4)))
        #expect(problem("<a/> 文字") == .problem(.textOutsideRoot, at: PartPosition(line: 1, column: 6, offset: 5)))
        let deep = String(repeating: "<a>", count: 300) + String(repeating: "</a>", count: 300)
        #expect(problem(deep) == .problem(.nestingTooDeep(256), at: PartPosition(line: 1, column: 769, offset: 768)))
    }

    @Test(
        "references: the five entities and character references only",
        arguments: [
            ("&nbsp;", PartProblem.undefinedEntity("nbsp")),
            ("&#0;", .malformedReference("&#0;")),
            ("&#xD800;", .malformedReference("&#xD800;")),
            ("&#99999999999;", .malformedReference("&#99999999999;")),
            ("&#x;", .malformedReference("&#x;")),
            ("& b", .malformedReference("& b</t></is></c></row></sheetData>")),
        ])
    func references(reference: String, expected: PartProblem) {
        let xml = "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>a\(reference)</t></is></c></row></sheetData></worksheet>"
        guard case .problem(let found, let position)? = problem(xml) else {
            Issue.record("accepted \(reference)")
            return
        }
        #expect(found == expected)
        #expect(position?.offset == 52)
    }

    @Test(
        "markup errors",
        arguments: [
            "<worksheet a=\"1\" a=\"2\"/>",
            "<worksheet a=1/>",
            "<worksheet a=\"<\"/>",
            "<worksheet\u{1}/>",
            "<worksheet>\u{1}</worksheet>",
            "<1worksheet/>",
            "<worksheet><!-- 没有结束",
            "<worksheet><![CDATA[没有结束",
            "<?xml version=\"1.0\" encoding=\"UTF-16\"?><worksheet/>",
            "<worksheet/><?xml version=\"1.0\"?>",
            "<worksheet><!ELEMENT a ANY></worksheet>",
        ])
    func markup(xml: String) {
        for chunk in [1, 3, Int.max] {
            #expect(problem(xml, chunk: chunk) != nil, "accepted \(xml) in chunks of \(chunk)")
        }
    }

    @Test("a DOCTYPE is refused even when split across chunks")
    func doctypeAcrossChunks() {
        let xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE worksheet [<!ENTITY a \"b\">]><worksheet/>"
        for chunk in [1, 2, 3, 4, 5, 8, 9, 10, 23, 24, 25, Int.max] {
            #expect(problem(xml, chunk: chunk) == .problem(.doctype, at: PartPosition(line: 2, column: 1, offset: 22)))
        }
    }

    @Test("attribute values: references decoded, white space normalised, '>' allowed")
    func attributes() throws {
        let parser = XMLPullParser(names: ["a"], maximumTokenBytes: 1024)
        parser.feed(Data("<a x=\"1&#10;2\t3\r\n4 &lt;&gt;\" y='\"&apos;' p:z=\"q>\"/>".utf8))
        parser.finish()
        #expect(try parser.next() == .start(0))
        #expect(try parser.attribute("x") == "1\n2 3 4 <>")
        #expect(try parser.attribute("y") == "\"'")
        #expect(try parser.attribute("z") == "q>")
        #expect(try parser.attribute("w") == nil)
        #expect(try parser.next() == .end(0))
        #expect(try parser.next() == nil)
    }

    @Test("a tag longer than the cell-byte bound is refused by that bound")
    func longTag() {
        var limits = ImportLimits.standard
        limits.cellBytes = 1000
        let xml = "<worksheet a=\"" + String(repeating: "x", count: 5000) + "\"/>"
        for chunk in [100, Int.max] {
            #expect {
                try readSheet(xml, chunk: chunk, limits: limits)
            } throws: { error in
                guard case PartError.limit(.cellBytes, let found, _) = error else { return false }
                return found >= 1000
            }
        }
    }

    @Test("a cell's text is bounded, however it arrives")
    func longCell() {
        var limits = ImportLimits.standard
        limits.cellBytes = 1000
        let xml =
            "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>" + String(repeating: "长", count: 2000)
            + "</t></is></c></row></sheetData></worksheet>"
        #expect(throws: PartError.limit(.cellBytes, found: 6000, row: 1)) {
            try readSheet(xml, limits: limits)
        }
    }

    @Test("an empty boolean cell stays empty; numbers and dates as Excel shows them")
    func cellTypes() throws {
        let xml =
            "<worksheet><sheetData><row><c t=\"b\"/><c t=\"b\"><v>1</v></c><c><v>5000</v></c>"
            + "<c t=\"e\"><v>#N/A</v></c><c t=\"str\"><v>公式_x000D_结果</v></c></row></sheetData></worksheet>"
        #expect(try readSheet(xml) == [SourceRow(number: 1, cells: ["", "TRUE", "5000", "#N/A", "公式\n结果"])])
    }
}
