import Foundation
import LawCorpus
import Testing
import ZIPFoundation

@testable import LawImport

/// Damaged, truncated and hostile workbooks: each is refused with an error naming the part
/// (and position, or limit), never imported in part, never hanging or exhausting memory.
@Suite("Hostile and damaged workbooks")
struct HostileWorkbookTests {
    static let sheetPart = "xl/worksheets/sheet1.xml"

    /// A 不予处罚事项清单 sheet of ten items.
    static func tenItems() -> XLSXBuilder {
        var rows: [[TestCell]] = [[.shared("序号"), .shared("事项名称"), .shared("法律依据")]]
        for n in 1...10 {
            rows.append([.number("\(n)"), .inline("事项\(n)"), .inline("《中华人民共和国价格法》第十三条")])
        }
        return XLSXBuilder(sheets: [.init(name: "清单", rows: rows)])
    }

    /// Writes `data` beside a scratch corpus and imports it; the error, or `nil` on success.
    static func importError(_ data: Data, corpus: URL, limits: ImportLimits = .standard) throws -> ImportError? {
        let url = corpus.deletingLastPathComponent().appendingPathComponent("hostile.xlsx")
        try data.write(to: url)
        var options = Support.options(url.path, corpus: corpus)
        options.limits = limits
        do {
            _ = try ListImporter(options: options).run()
            return nil
        } catch {
            return error
        }
    }

    /// The output path an import of the scratch corpus would write.
    static func output(_ corpus: URL) -> String {
        corpus.path + "/lists/scjg/不予处罚事项清单/2022-10-25.yaml"
    }

    static func read(_ data: Data, limits: ImportLimits = .standard) throws(ImportError) -> SourceTable {
        try XLSXReader(limits: limits).read(data: data, file: "t.xlsx")
    }

    // MARK: - Truncation and corruption

    @Test("a sheet cut off mid-row is an error naming the part and position; nothing is written")
    func truncatedSheet() throws {
        let corpus = try Support.scratchCorpus()
        let parts = Self.tenItems().parts()
        let sheet = try #require(parts.first { $0.0 == Self.sheetPart }?.1)
        let cut = try #require(sheet.range(of: "<row r=\"7\">"))
        let truncated = String(sheet[..<sheet.index(cut.upperBound, offsetBy: 20)])
        let data = try XLSXBuilder.archiveData(XLSXBuilder.replacing(Self.sheetPart, in: parts, with: truncated))

        let error = try #require(try Self.importError(data, corpus: corpus))
        guard case .malformedPart(_, let part, let position, let problem) = error,
            case .unexpectedEnd(let open, let openedAt) = problem
        else {
            Issue.record("expected a truncated part, got \(error)")
            return
        }
        #expect(part == Self.sheetPart)
        #expect(position.offset == truncated.utf8.count)
        #expect(["c", "is", "t"].contains(open))
        #expect(openedAt != nil)
        #expect(error.description.contains("意外结束"))
        #expect(error.description.contains("未导入任何行"))
        #expect(!FileManager.default.fileExists(atPath: Self.output(corpus)))
    }

    @Test("a stored entry with a bad CRC-32 is an error, not altered text")
    func storedEntryBadChecksum() throws {
        var builder = Self.tenItems()
        builder.storedParts = [Self.sheetPart]
        var data = try builder.data()
        let marker = try #require(ZipSurgery.range(of: "事项7", in: data))
        data[marker.lowerBound] ^= 0x01
        #expect {
            try Self.read(data)
        } throws: { error in
            guard case ImportError.malformedWorkbook(_, let part, .checksumMismatch(let expected, let actual)) = error else {
                return false
            }
            return part == Self.sheetPart && expected != actual && "\(error)".contains("CRC-32 校验失败")
        }
        // The same archive untouched reads.
        #expect(try Self.read(builder.data()).rows.count == 11)
    }

    @Test("a deflated entry whose data is damaged is an error")
    func deflatedEntryDamaged() throws {
        var data = try Self.tenItems().data()
        let range = try #require(ZipSurgery.dataRange(of: Self.sheetPart, in: data))
        for offset in stride(from: range.lowerBound + range.count / 3, to: range.upperBound, by: 7) { data[offset] ^= 0x5A }
        #expect(throws: ImportError.self) { try Self.read(data) }
    }

    @Test("a deflate stream that runs past its entry to the end of the file stops with an error")
    func deflateRunsPastEntry() throws {
        var data = try Self.tenItems().data()
        let range = try #require(ZipSurgery.dataRange(of: Self.sheetPart, in: data))
        // A stored block announcing 65,535 bytes: more than the rest of the file holds.
        let block: [UInt8] = [0x00, 0xFF, 0xFF, 0x00, 0x00]
        for (offset, byte) in block.enumerated() { data[range.lowerBound + offset] = byte }
        #expect {
            try Self.read(data)
        } throws: { error in
            switch error as? ImportError {
            case .malformedWorkbook(_, let part, _)?, .malformedPart(_, let part, _, _)?: return part == Self.sheetPart
            default: return false
            }
        }
    }

    @Test("a workbook cut in half, or not a zip at all, is a malformed workbook")
    func truncatedArchive() throws {
        let data = try Self.tenItems().data()
        for length in [0, 10, data.count / 2, data.count - 1] {
            #expect {
                try Self.read(data.prefix(length))
            } throws: { error in
                if case ImportError.malformedWorkbook(let file, _, _) = error { return file == "t.xlsx" }
                return false
            }
        }
    }

    @Test("a sheet whose rows go backwards or repeat is an error, not a merged or shuffled table")
    func rowOrder() throws {
        let parts = Self.tenItems().parts()
        let body =
            "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>甲</t></is></c></row>"
            + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>乙</t></is></c></row>"
        let data = try XLSXBuilder.archiveData(
            XLSXBuilder.replacing(
                Self.sheetPart, in: parts,
                with: XLSXBuilder.sheetXML(body)))
        #expect {
            try Self.read(data)
        } throws: { error in
            guard case ImportError.malformedPart(_, _, _, .rowOutOfOrder(2, 2)) = error else { return false }
            return true
        }
        let cells = "<row r=\"1\"><c r=\"B1\"><v>1</v></c><c r=\"A1\"><v>2</v></c></row>"
        let shuffled = try XLSXBuilder.archiveData(
            XLSXBuilder.replacing(
                Self.sheetPart, in: parts,
                with: XLSXBuilder.sheetXML(cells)))
        #expect(throws: ImportError.self) { try Self.read(shuffled) }
    }

    @Test("a shared-string index beyond the table is an error, not an empty cell")
    func missingSharedString() throws {
        let parts = Self.tenItems().parts()
        let body = "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>999999</v></c></row>"
        let data = try XLSXBuilder.archiveData(
            XLSXBuilder.replacing(
                Self.sheetPart, in: parts,
                with: XLSXBuilder.sheetXML(body)))
        #expect {
            try Self.read(data)
        } throws: { error in
            guard case ImportError.malformedPart(_, let part, let position, .missingSharedString(let index, _)) = error else {
                return false
            }
            return part == Self.sheetPart && index == "999999" && position.line == 2
        }
    }

    // MARK: - Entities and declarations

    @Test("text after an entity reference is kept; character references decode")
    func entities() throws {
        let parts = Self.tenItems().parts()
        let body = """
            <row r="1"><c r="A1" t="inlineStr"><is><t>a &amp; b后面的文字</t></is></c>\
            <c r="B1" t="inlineStr"><is><t>&#x4E2D;&#25991;&lt;&gt;&quot;&apos;尾</t></is></c>\
            <c r="C1" t="inlineStr"><is><t><![CDATA[<原样>&amp;]]>及其后</t></is></c></row>
            """
        let shared = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>甲 &amp; 乙，丙</t></si>\
            <si><r><t>第一段&amp;</t></r><r><t>第二段</t></r></si></sst>
            """
        let row2 = "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c><c r=\"B2\" t=\"s\"><v>1</v></c></row>"
        var edited = XLSXBuilder.replacing(Self.sheetPart, in: parts, with: XLSXBuilder.sheetXML(body + row2))
        edited = XLSXBuilder.replacing("xl/sharedStrings.xml", in: edited, with: shared)
        let table = try Self.read(try XLSXBuilder.archiveData(edited))
        #expect(
            table.rows.map(\.cells) == [
                ["a & b后面的文字", "中文<>\"'尾", "<原样>&amp;及其后"],
                ["甲 & 乙，丙", "第一段&第二段"],
            ])
    }

    @Test("a sheet name with an entity in its attribute")
    func attributeEntity() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("names-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        try XLSXBuilder(sheets: [.init(name: "价格 & 收费", rows: [[.inline("x")]])]).write(to: url)
        #expect(try XLSXReader().sheetNames(path: url.path) == ["价格 & 收费"])
    }

    @Test("a DOCTYPE with entity declarations (billion laughs) is refused, in Chinese, naming the part")
    func billionLaughs() throws {
        let laughs = """
            <!DOCTYPE worksheet [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\
            <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]>
            """
        let body = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol2;</t></is></c></row>"
        let parts = XLSXBuilder.replacing(
            Self.sheetPart, in: Self.tenItems().parts(),
            with: XLSXBuilder.sheetXML(body, prolog: laughs))
        let corpus = try Support.scratchCorpus()
        let error = try #require(try Self.importError(XLSXBuilder.archiveData(parts), corpus: corpus))
        guard case .malformedPart(_, let part, let position, .doctype) = error else {
            Issue.record("expected a DOCTYPE refusal, got \(error)")
            return
        }
        #expect(part == Self.sheetPart)
        #expect(position.line == 2)
        #expect(error.description.contains("DOCTYPE/ENTITY 声明"))
        #expect(error.description.contains("十亿笑"))
    }

    @Test("an undefined entity is an error naming it")
    func undefinedEntity() throws {
        let body = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>甲&nbsp;乙</t></is></c></row>"
        let parts = XLSXBuilder.replacing(Self.sheetPart, in: Self.tenItems().parts(), with: XLSXBuilder.sheetXML(body))
        #expect {
            try Self.read(XLSXBuilder.archiveData(parts))
        } throws: { error in
            guard case ImportError.malformedPart(_, _, _, .undefinedEntity("nbsp")) = error else { return false }
            return true
        }
    }

    // MARK: - Limits

    @Test("a merge reaching row 9223372036854775807 is refused at once")
    func hugeMergeReference() throws {
        let parts = Self.tenItems().parts()
        let after = "<mergeCells count=\"1\"><mergeCell ref=\"B2:B9223372036854775807\"/></mergeCells>"
        let body = "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"
        let data = try XLSXBuilder.archiveData(
            XLSXBuilder.replacing(
                Self.sheetPart, in: parts,
                with: XLSXBuilder.sheetXML(body, after: after)))
        #expect {
            try Self.read(data)
        } throws: { error in
            guard case ImportError.malformedPart(_, _, _, .badReference("B2:B9223372036854775807")) = error else {
                return false
            }
            return true
        }
        // Within Excel's grid but covering it all: the merged-cell bound names itself.
        let whole = "<mergeCells count=\"1\"><mergeCell ref=\"A1:XFD1048576\"/></mergeCells>"
        let data2 = try XLSXBuilder.archiveData(
            XLSXBuilder.replacing(
                Self.sheetPart, in: parts,
                with: XLSXBuilder.sheetXML(body, after: whole)))
        #expect {
            try Self.read(data2)
        } throws: { error in
            guard case ImportError.limitExceeded(_, _, _, .mergedCells, let found, let maximum) = error else { return false }
            return found == 1_048_576 * 16_384 && maximum == ImportLimits.standard.mergedCells
                && (error as? ImportError)?.remedy == .raiseLimit(.mergedCells)
        }
    }

    /// A workbook whose sheet is `<sheetData>` followed by `spaces` spaces: it deflates
    /// about a thousandfold.
    static func bomb(spaces: Int) throws -> Data {
        let head = Data(XLSXBuilder.sheetXML("").replacingOccurrences(of: "</sheetData></worksheet>", with: "").utf8)
        let tail = Data("</sheetData></worksheet>".utf8)
        let total = head.count + spaces + tail.count
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bomb-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        let others = tenItems().parts().filter { $0.0 != sheetPart }
        try XLSXBuilder.writeArchive(others, to: url)
        let archive = try Archive(url: url, accessMode: .update)
        try archive.addEntry(
            with: sheetPart, type: .file, uncompressedSize: Int64(total), compressionMethod: .deflate,
            bufferSize: 1 << 20
        ) { position, size in
            var chunk = Data(count: size)
            for index in 0..<size {
                let at = Int(position) + index
                chunk[index] = at < head.count ? head[at] : at >= total - tail.count ? tail[at - (total - tail.count)] : 0x20
            }
            return chunk
        }
        return try Data(contentsOf: url)
    }

    @Test("a zip bomb is refused by its ratio before inflating, and by its size if it lies")
    func zipBomb() throws {
        let spaces = 32 << 20
        var data = try Self.bomb(spaces: spaces)
        #expect(data.count < 200_000)
        // Declared honestly: a thousandfold ratio, refused before anything is inflated.
        #expect {
            try Self.read(data)
        } throws: { error in
            guard case ImportError.limitExceeded(_, let part, _, .compressionRatio, let found, _) = error else { return false }
            return part == Self.sheetPart && found > 500
        }
        // With a low part bound, that bound is named with the declared size.
        var low = ImportLimits.standard
        low.partBytes = 1 << 20
        #expect {
            try Self.read(data, limits: low)
        } throws: { error in
            guard case ImportError.limitExceeded(_, _, _, .partBytes, let found, let maximum) = error else { return false }
            return found > spaces && maximum == 1 << 20
        }
        // Lying about its size: inflating stops as soon as it passes what it declared.
        ZipSurgery.setDeclaredSize(4096, of: Self.sheetPart, in: &data)
        #expect {
            try Self.read(data)
        } throws: { error in
            guard case ImportError.malformedWorkbook(_, let part, .sizeMismatch(4096, let actual)) = error else {
                return false
            }
            return part == Self.sheetPart && actual > 4096 && actual <= 4096 + ZipPackage.chunkSize
        }
    }

    @Test("the total inflated size of a workbook is bounded")
    func totalBytes() throws {
        var limits = ImportLimits.standard
        limits.totalBytes = 1000
        #expect {
            try Self.read(Self.tenItems().data(), limits: limits)
        } throws: { error in
            guard case ImportError.limitExceeded(_, _, _, .totalBytes, _, 1000) = error else { return false }
            return true
        }
    }

    @Test("a row of 16,384 cells (column XFD) reads and imports; one more column is refused by name")
    func widestRow() throws {
        let width = 16_384
        let header = "<c t=\"inlineStr\"><is><t>序号</t></is></c><c t=\"inlineStr\"><is><t>事项名称</t></is></c>"
        let item = "<c><v>1</v></c>" + (1..<width).map { "<c t=\"inlineStr\"><is><t>值\($0)</t></is></c>" }.joined()
        let body = "<row r=\"1\">\(header)</row><row r=\"2\">\(item)</row>"
        let parts = XLSXBuilder.replacing(Self.sheetPart, in: Self.tenItems().parts(), with: XLSXBuilder.sheetXML(body))
        let corpus = try Support.scratchCorpus()
        let url = corpus.deletingLastPathComponent().appendingPathComponent("wide.xlsx")
        try XLSXBuilder.archiveData(parts).write(to: url)
        let report = try ListImporter(options: Support.options(url.path, corpus: corpus)).run()
        #expect(report.itemCount == 1)
        #expect(report.list.items[0].name == "值1")
        // Columns without a header keep their cells under fields named by their letters.
        #expect(report.list.items[0].fields.count == width - 2)
        #expect(report.list.items[0].fields.last == ListField(name: "XFD列", value: "值16383"))

        let wider = "<row r=\"1\">\(item)<c><v>1</v></c></row>"
        let data = try XLSXBuilder.archiveData(
            XLSXBuilder.replacing(
                Self.sheetPart, in: parts,
                with: XLSXBuilder.sheetXML(wider)))
        #expect {
            try Self.read(data)
        } throws: { error in
            guard case ImportError.limitExceeded(_, _, 1, .columns, 16_385, 16_384) = error else { return false }
            return "\(error)".contains("XFD")
        }
    }

    @Test("a row of 100,000 cells reads when the column bound is raised")
    func hundredThousandCells() throws {
        let body = "<row r=\"1\">" + String(repeating: "<c><v>7</v></c>", count: 100_000) + "</row>"
        let parts = XLSXBuilder.replacing(Self.sheetPart, in: Self.tenItems().parts(), with: XLSXBuilder.sheetXML(body))
        let data = try XLSXBuilder.archiveData(parts)
        #expect(throws: ImportError.self) { try Self.read(data) }
        var limits = ImportLimits.standard
        limits.columns = 100_000
        // One value repeated without cell references deflates several hundredfold.
        limits.compressionRatio = 1000
        let table = try Self.read(data, limits: limits)
        #expect(table.rows.count == 1)
        #expect(table.rows[0].cells.count == 100_000)
        #expect(table.rows[0].cells.allSatisfy { $0 == "7" })
    }

    @Test("a 50,000-row sheet imports every row")
    func fiftyThousandRows() throws {
        var body =
            "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>序号</t></is></c>"
            + "<c r=\"B1\" t=\"inlineStr\"><is><t>事项名称</t></is></c>"
            + "<c r=\"C1\" t=\"inlineStr\"><is><t>法律依据</t></is></c></row>"
        body.reserveCapacity(8_000_000)
        for n in 1...50_000 {
            let r = n + 1
            body +=
                "<row r=\"\(r)\"><c r=\"A\(r)\"><v>\(n)</v></c><c r=\"B\(r)\" t=\"inlineStr\"><is><t>事项 \(n) &amp; 其后文字</t></is></c>"
                + "<c r=\"C\(r)\" t=\"inlineStr\"><is><t>《中华人民共和国价格法》第\(n % 60 + 1)条</t></is></c></row>"
        }
        let parts = XLSXBuilder.replacing(Self.sheetPart, in: Self.tenItems().parts(), with: XLSXBuilder.sheetXML(body))
        let corpus = try Support.scratchCorpus()
        let url = corpus.deletingLastPathComponent().appendingPathComponent("large.xlsx")
        try XLSXBuilder.archiveData(parts).write(to: url)
        var options = Support.options(url.path, corpus: corpus)
        options.dryRun = true
        let report = try ListImporter(options: options).run()
        #expect(report.itemCount == 50_000)
        #expect(report.list.items[49_999].name == "事项 50000 & 其后文字")
        #expect(report.list.items[49_999].id == "SCJG-BYCF-50000")
        #expect(report.nonEmptyRows == 50_001)
        #expect(report.count(.item) == 50_000)
        #expect(report.unmapped.isEmpty)
    }
}
