import Foundation
import LawCorpus
import LawTestSupport
import Yams
import ZIPFoundation

@testable import LawImport

/// Scratch directories, the repository's department registry, and table builders.
enum Support {
    /// The repository root.
    static let repository = TestRepository.root

    /// The shipped `Corpus/departments.yaml`.
    static let departmentsFile = repository.appendingPathComponent("Corpus/departments.yaml")

    /// A fresh directory holding `Corpus/departments.yaml` (copied from the repository).
    static func scratchCorpus() throws -> URL {
        let corpus = try TestRepository.scratchDirectory("lawimport-tests").appendingPathComponent("Corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: departmentsFile, to: corpus.appendingPathComponent("departments.yaml"))
        return corpus
    }

    /// Writes `text` as UTF-8 (with a byte-order mark when `bom`) to `name` beside `corpus`.
    static func writeCSV(_ text: String, named name: String, beside corpus: URL, bom: Bool = true) throws -> String {
        let url = corpus.deletingLastPathComponent().appendingPathComponent(name)
        try ((bom ? Data([0xEF, 0xBB, 0xBF]) : Data()) + Data(text.utf8)).write(to: url)
        return url.path
    }

    static let importDate = CalendarDate(year: 2022, month: 11, day: 1)!

    static func options(
        _ input: String, corpus: URL, department: String = "市场监管局",
        kind: String = "不予处罚事项清单", version: String = "2022-10-25"
    ) -> ImportOptions {
        ImportOptions(
            input: input, department: department, kind: kind, version: version,
            published: "2022-10-28", filed: "2022-11-08", corpus: corpus.path, importDate: importDate)
    }
}

/// A cell of a test worksheet.
enum TestCell {
    case shared(String)
    case inline(String)
    case number(String)
    /// A number with cell style `style` (see ``XLSXBuilder/styles``: 1 = date, 2 = 年月日 date, 3 = 元).
    case styled(String, style: Int)
    case empty
}

/// A minimal `.xlsx` package written with ZIPFoundation, as Excel lays it out.
struct XLSXBuilder {
    struct Sheet {
        var name: String
        var rows: [[TestCell]]
        var merges: [String] = []
        /// Rich-text shared strings by cell text: runs to write instead of a single `<t>`.
        var startRow = 1
    }

    var sheets: [Sheet]
    /// Shared strings written as rich-text runs: text → runs.
    var richText: [String: [String]] = [:]
    /// Parts stored without compression (method 0), by name.
    var storedParts: Set<String> = []

    func write(to url: URL) throws {
        try Self.writeArchive(parts(), to: url, stored: storedParts)
    }

    /// The workbook's bytes.
    func data() throws -> Data {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("build-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        try write(to: url)
        return try Data(contentsOf: url)
    }

    /// The parts of the package, name and XML text, in the order they are written.
    func parts() -> [(String, String)] {
        var shared: [String] = []
        var sharedIndex: [String: Int] = [:]
        func index(of text: String) -> Int {
            if let i = sharedIndex[text] { return i }
            shared.append(text)
            sharedIndex[text] = shared.count - 1
            return shared.count - 1
        }
        var parts: [(String, String)] = []
        for (number, sheet) in sheets.enumerated() {
            var xml = """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>
                """
            for (offset, row) in sheet.rows.enumerated() {
                let r = sheet.startRow + offset
                xml += "<row r=\"\(r)\">"
                for (column, cell) in row.enumerated() {
                    let ref = CellReference.columnName(column) + String(r)
                    switch cell {
                    case .shared(let text): xml += "<c r=\"\(ref)\" t=\"s\"><v>\(index(of: text))</v></c>"
                    case .inline(let text):
                        xml += "<c r=\"\(ref)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(Self.escape(text))</t></is></c>"
                    case .number(let value): xml += "<c r=\"\(ref)\"><v>\(value)</v></c>"
                    case .styled(let value, let style): xml += "<c r=\"\(ref)\" s=\"\(style)\"><v>\(value)</v></c>"
                    case .empty: xml += "<c r=\"\(ref)\" s=\"1\"/>"
                    }
                }
                xml += "</row>\n"
            }
            xml += "</sheetData>"
            if !sheet.merges.isEmpty {
                xml +=
                    "<mergeCells count=\"\(sheet.merges.count)\">"
                    + sheet.merges.map { "<mergeCell ref=\"\($0)\"/>" }.joined() + "</mergeCells>"
            }
            xml += "</worksheet>"
            parts.append(("xl/worksheets/sheet\(number + 1).xml", xml))
        }
        let sheetList = sheets.enumerated().map { number, sheet in
            "<sheet name=\"\(Self.escape(sheet.name))\" sheetId=\"\(number + 1)\" r:id=\"rId\(number + 1)\"/>"
        }.joined()
        let relationships = sheets.indices.map { number in
            "<Relationship Id=\"rId\(number + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                + "relationships/worksheet\" Target=\"worksheets/sheet\(number + 1).xml\"/>"
        }.joined()
        let sst = shared.map { text -> String in
            if let runs = richText[text] {
                return "<si>"
                    + runs.enumerated().map { i, run in
                        (i == 0 ? "<r>" : "<r><rPr><b/></rPr>") + "<t xml:space=\"preserve\">\(Self.escape(run))</t></r>"
                    }.joined() + "<rPh sb=\"0\" eb=\"1\"><t>ふりがな</t></rPh></si>"
            }
            return "<si><t xml:space=\"preserve\">\(Self.escape(text))</t></si>"
        }.joined()
        parts += [
            (
                "[Content_Types].xml",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/>\
                <Override PartName="/xl/workbook.xml" \
                ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                <Override PartName="/xl/sharedStrings.xml" \
                ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
                </Types>
                """
            ),
            (
                "_rels/.rels",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" \
                Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
                Target="xl/workbook.xml"/></Relationships>
                """
            ),
            (
                "xl/workbook.xml",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
                <sheets>\(sheetList)</sheets></workbook>
                """
            ),
            (
                "xl/_rels/workbook.xml.rels",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                \(relationships)\
                <Relationship Id="rId99" \
                Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" \
                Target="sharedStrings.xml"/></Relationships>
                """
            ),
            ("xl/styles.xml", Self.styles),
            (
                "xl/sharedStrings.xml",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                count="\(shared.count)" uniqueCount="\(shared.count)">\(sst)</sst>
                """
            ),
        ]
        return parts
    }

    /// Writes `parts` as a zip archive, deflated unless named in `stored`.
    static func writeArchive(_ parts: [(String, String)], to url: URL, stored: Set<String> = []) throws {
        try? FileManager.default.removeItem(at: url)
        let archive = try Archive(url: url, accessMode: .create)
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count),
                compressionMethod: stored.contains(path) ? .none : .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }

    /// The bytes of a zip archive of `parts`.
    static func archiveData(_ parts: [(String, String)], stored: Set<String> = []) throws -> Data {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("parts-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        try writeArchive(parts, to: url, stored: stored)
        return try Data(contentsOf: url)
    }

    /// `parts` with the text of `name` replaced.
    static func replacing(_ name: String, in parts: [(String, String)], with text: String) -> [(String, String)] {
        parts.map { $0.0 == name ? (name, text) : $0 }
    }

    /// A worksheet part holding `body` inside `<sheetData>`, as Excel writes it.
    static func sheetXML(_ body: String, after: String = "", prolog: String = "") -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        \(prolog)<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>\(body)</sheetData>\(after)</worksheet>
        """
    }

    /// Cell styles: 0 General, 1 built-in date (14), 2 custom yyyy"年"m"月"d"日", 3 custom 0.00"元".
    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <numFmts count="2"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>\
        <numFmt numFmtId="177" formatCode="0.00&quot;元&quot;"/></numFmts>\
        <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>\
        <cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="176"/><xf numFmtId="177"/></cellXfs>\
        </styleSheet>
        """

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}

/// A list file read back with Yams, independently of the importer and of the corpus loader.
struct ReadBack {
    var top: [String: String]
    var keys: [String]
    var items: [ListItem]

    init(_ yaml: String) throws {
        guard let root = try Yams.compose(yaml: yaml), let mapping = root.mapping else {
            throw ReadBackError.notAMapping
        }
        var top: [String: String] = [:]
        var keys: [String] = []
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            keys.append(name)
            if let scalar = value.scalar, value.null == nil { top[name] = scalar.string }
        }
        self.top = top
        self.keys = keys
        items = try (mapping["items"]?.sequence ?? []).map(Self.item)
    }

    enum ReadBackError: Error {
        case notAMapping
        case noString(String)
    }

    private static func string(_ node: Node?, _ key: String) -> String? {
        guard let node, node.null == nil, let scalar = node.scalar else { return nil }
        return scalar.string
    }

    private static func item(_ node: Node) throws -> ListItem {
        guard let mapping = node.mapping else { throw ReadBackError.notAMapping }
        guard let id = string(mapping["id"], "id"), let name = string(mapping["name"], "name") else {
            throw ReadBackError.noString("id/name")
        }
        let levels = (mapping["levels"]?.sequence ?? []).compactMap { level -> BenchmarkLevel? in
            guard let m = level.mapping, let name = string(m["level"], "level") else { return nil }
            return BenchmarkLevel(
                level: name, circumstances: string(m["circumstances"], ""),
                penalty: string(m["penalty"], ""))
        }
        let fields =
            (mapping["fields"]?.mapping).map { fields in
                fields.compactMap { key, value -> ListField? in
                    guard let name = key.string, let text = string(value, name) else { return nil }
                    return ListField(name: name, value: text)
                }
            } ?? []
        return ListItem(
            id: id, name: name, conduct: string(mapping["conduct"], ""),
            basis: string(mapping["basis"], ""), penaltyBasis: string(mapping["penalty_basis"], ""),
            conditions: string(mapping["conditions"], ""), measure: string(mapping["measure"], ""),
            note: string(mapping["note"], ""), levels: levels, fields: fields)
    }
}

extension ListItem {
    /// The item without the line and citations, for comparing with a read-back copy.
    var comparable: ListItem {
        ListItem(
            id: id, name: name, conduct: conduct, basis: basis, penaltyBasis: penaltyBasis,
            conditions: conditions, measure: measure, note: note,
            levels: levels.map {
                BenchmarkLevel(
                    level: $0.level, circumstances: $0.circumstances,
                    penalty: $0.penalty)
            },
            fields: fields)
    }
}

/// Edits of zip bytes no writer would make: the damaged and hostile archives of the tests.
enum ZipSurgery {
    static func u16(_ data: Data, _ offset: Int) -> Int {
        Int(data[data.startIndex + offset]) | Int(data[data.startIndex + offset + 1]) << 8
    }

    static func u32(_ data: Data, _ offset: Int) -> Int {
        u16(data, offset) | u16(data, offset + 2) << 16
    }

    static func setU32(_ value: UInt32, in data: inout Data, at offset: Int) {
        for byte in 0..<4 { data[data.startIndex + offset + byte] = UInt8((value >> (8 * UInt32(byte))) & 0xFF) }
    }

    /// The offset of the central-directory record of `name`.
    static func directoryRecord(of name: String, in data: Data) -> Int? {
        var end = data.count - 22
        while end >= 0, u32(data, end) != 0x0605_4B50 { end -= 1 }
        guard end >= 0 else { return nil }
        var offset = u32(data, end + 16)
        for _ in 0..<u16(data, end + 10) {
            let nameLength = u16(data, offset + 28)
            let entry = String(
                decoding: data[(data.startIndex + offset + 46)..<(data.startIndex + offset + 46 + nameLength)],
                as: UTF8.self)
            if entry == name { return offset }
            offset += 46 + nameLength + u16(data, offset + 30) + u16(data, offset + 32)
        }
        return nil
    }

    /// Records `size` as the inflated size of `name` in the central directory.
    static func setDeclaredSize(_ size: UInt32, of name: String, in data: inout Data) {
        guard let record = directoryRecord(of: name, in: data) else { return }
        setU32(size, in: &data, at: record + 24)
    }

    /// Where the (compressed) data of `name` starts and how long it is.
    static func dataRange(of name: String, in data: Data) -> Range<Int>? {
        guard let record = directoryRecord(of: name, in: data) else { return nil }
        let header = u32(data, record + 42)
        let start = header + 30 + u16(data, header + 26) + u16(data, header + 28)
        return start..<(start + u32(data, record + 20))
    }

    /// The first occurrence of `needle` in `data`.
    static func range(of needle: String, in data: Data) -> Range<Int>? {
        data.firstRange(of: Data(needle.utf8)).map { ($0.lowerBound - data.startIndex)..<($0.upperBound - data.startIndex) }
    }
}

/// The corpus's deterministic generator (SplitMix64), so property tests repeat exactly.
typealias SeededRandom = SplitMix64
