import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import LawCorpus
import ZIPFoundation

/// Reads a worksheet of an Excel `.xlsx` workbook (Office Open XML, as Excel and WPS save
/// it) directly from its zip parts: the workbook's sheet list and relationships, the shared
/// strings (plain and rich-text runs) and the sheet's cells and merged ranges.
///
/// Cells keep their line breaks; numbers are written as Excel shows them in General
/// format (`5000`, `0.5`); formulas give their cached value.
public struct XLSXReader: Sendable {
    /// Creates a reader.
    public init() {}

    /// The names of the workbook's sheets, in tab order.
    public func sheetNames(path: String) throws(ImportError) -> [String] {
        let package = try Package(path: path)
        return try package.sheets().map(\.name)
    }

    /// Reads the sheet called `sheet` (the first sheet when `nil`) of the workbook at `path`.
    public func read(path: String, sheet: String? = nil) throws(ImportError) -> SourceTable {
        let package = try Package(path: path)
        let sheets = try package.sheets()
        let chosen: WorkbookSheet
        if let sheet {
            guard let found = sheets.first(where: { $0.name == sheet })
                ?? sheets.first(where: { CellText.headerKey($0.name) == CellText.headerKey(sheet) }) else {
                throw ImportError.sheetNotFound(file: path, sheet: sheet, available: sheets.map(\.name))
            }
            chosen = found
        } else {
            guard let first = sheets.first else {
                throw ImportError.malformedWorkbook(file: path, part: "xl/workbook.xml", reason: "no sheets")
            }
            chosen = first
        }
        let strings = try package.sharedStrings()
        let dateStyles = try package.dateStyles()
        let data = try package.data(of: chosen.part)
        let parser = WorksheetParser(sharedStrings: strings, dateStyles: dateStyles)
        try package.parse(data, part: chosen.part, with: parser)
        let rows = parser.rows.sorted { $0.key < $1.key }.compactMap { number, cells -> SourceRow? in
            let width = (cells.keys.max() ?? -1) + 1
            var values = Array(repeating: "", count: width)
            for (column, text) in cells { values[column] = CellText.clean(text) }
            let row = SourceRow(number: number, cells: values)
            return row.isEmpty ? nil : row
        }
        return SourceTable(file: path, sheet: chosen.name, rows: rows, merges: parser.merges)
    }
}

/// A sheet listed in `xl/workbook.xml`, with the zip part that holds it.
struct WorkbookSheet: Equatable {
    var name: String
    var part: String
}

/// The zip package of a workbook and the XML parts in it.
private struct Package {
    let path: String
    let archive: Archive

    init(path: String) throws(ImportError) {
        self.path = path
        guard FileManager.default.isReadableFile(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw ImportError.unreadable(file: path, reason: exists ? "permission denied" : "no such file")
        }
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw ImportError.malformedWorkbook(file: path, part: "zip", reason: "not a zip archive (\(error))")
        }
    }

    func data(of part: String, required: Bool) throws(ImportError) -> Data? {
        guard let entry = archive[part] else {
            if required { throw ImportError.malformedWorkbook(file: path, part: part, reason: "missing") }
            return nil
        }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in data.append(chunk) }
        } catch {
            throw ImportError.malformedWorkbook(file: path, part: part, reason: "cannot be unpacked (\(error))")
        }
        return data
    }

    func data(of part: String) throws(ImportError) -> Data {
        try data(of: part, required: true)!
    }

    func parse(_ data: Data, part: String, with delegate: some XMLParserDelegate) throws(ImportError) {
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        guard parser.parse() else {
            let reason = parser.parserError.map { "\($0.localizedDescription)" } ?? "malformed XML"
            throw ImportError.malformedWorkbook(
                file: path, part: part, reason: "line \(parser.lineNumber): \(reason)")
        }
    }

    /// The sheets in tab order; without a workbook part, the worksheets found in the zip.
    func sheets() throws(ImportError) -> [WorkbookSheet] {
        guard let workbook = try data(of: "xl/workbook.xml", required: false) else {
            let parts = archive.map(\.path).filter { $0.hasPrefix("xl/worksheets/") && $0.hasSuffix(".xml") }.sorted()
            return parts.map { WorkbookSheet(name: ($0 as NSString).deletingPathExtension
                                                .components(separatedBy: "/").last ?? $0, part: $0) }
        }
        let listing = WorkbookParser()
        try parse(workbook, part: "xl/workbook.xml", with: listing)
        var targets: [String: String] = [:]
        if let rels = try data(of: "xl/_rels/workbook.xml.rels", required: false) {
            let relationships = RelationshipsParser()
            try parse(rels, part: "xl/_rels/workbook.xml.rels", with: relationships)
            targets = relationships.targets
        }
        return listing.sheets.enumerated().map { position, sheet in
            let target = sheet.relationship.flatMap { targets[$0] } ?? "worksheets/sheet\(position + 1).xml"
            return WorkbookSheet(name: sheet.name, part: Self.resolve(target))
        }
    }

    func sharedStrings() throws(ImportError) -> [String] {
        guard let data = try data(of: "xl/sharedStrings.xml", required: false) else { return [] }
        let parser = SharedStringsParser()
        try parse(data, part: "xl/sharedStrings.xml", with: parser)
        return parser.strings
    }

    /// The indices of cell styles (`s="3"`) whose number format shows a date.
    func dateStyles() throws(ImportError) -> Set<Int> {
        guard let data = try data(of: "xl/styles.xml", required: false) else { return [] }
        let parser = StylesParser()
        try parse(data, part: "xl/styles.xml", with: parser)
        return parser.dateStyles
    }

    /// A relationship target made a zip path: relative to `xl/`, or absolute from the root.
    static func resolve(_ target: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = ["xl"]
        for component in target.split(separator: "/") {
            if component == ".." { if !parts.isEmpty { parts.removeLast() } } else if component != "." {
                parts.append(String(component))
            }
        }
        return parts.joined(separator: "/")
    }
}

/// `<sheet name="…" r:id="rId1"/>` entries of `xl/workbook.xml`.
private final class WorkbookParser: NSObject, XMLParserDelegate {
    var sheets: [(name: String, relationship: String?)] = []

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        guard localName(elementName) == "sheet", let name = attributes["name"] else { return }
        let relationship = attributes.first { $0.key == "id" || $0.key.hasSuffix(":id") }?.value
        sheets.append((name, relationship))
    }
}

/// `<Relationship Id="rId1" Target="worksheets/sheet1.xml"/>` entries of a `.rels` part.
private final class RelationshipsParser: NSObject, XMLParserDelegate {
    var targets: [String: String] = [:]

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        guard localName(elementName) == "Relationship", let id = attributes["Id"],
              let target = attributes["Target"] else { return }
        targets[id] = target
    }
}

/// The `<si>` strings of `xl/sharedStrings.xml`: the `<t>` texts of each, rich-text runs
/// concatenated, phonetic guides (`<rPh>`) left out.
private final class SharedStringsParser: NSObject, XMLParserDelegate {
    var strings: [String] = []
    private var current = ""
    private var inText = false
    private var phoneticDepth = 0

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        switch localName(elementName) {
        case "si": current = ""
        case "rPh": phoneticDepth += 1
        case "t": inText = phoneticDepth == 0
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                qualifiedName: String?) {
        switch localName(elementName) {
        case "si": strings.append(CellText.decodeExcelEscapes(current))
        case "rPh": phoneticDepth -= 1
        case "t": inText = false
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }
}

/// The cell formats of `xl/styles.xml` that show dates (built-in formats 14–17, 22, 27–36,
/// 50–58, or custom codes with year, month or day parts).
private final class StylesParser: NSObject, XMLParserDelegate {
    private var customFormats: [Int: String] = [:]
    private var formatOfStyle: [Int] = []
    private var inCellFormats = false

    var dateStyles: Set<Int> {
        Set(formatOfStyle.indices.filter { isDateFormat(formatOfStyle[$0]) })
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        switch localName(elementName) {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap(Int.init) { customFormats[id] = attributes["formatCode"] ?? "" }
        case "cellXfs": inCellFormats = true
        case "xf" where inCellFormats:
            formatOfStyle.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                qualifiedName: String?) {
        if localName(elementName) == "cellXfs" { inCellFormats = false }
    }

    private func isDateFormat(_ id: Int) -> Bool {
        if let code = customFormats[id] { return Self.isDateCode(code) }
        return (14...17).contains(id) || id == 22 || (27...36).contains(id) || (50...58).contains(id)
    }

    /// Whether a format code has date parts outside quoted text, escapes and `[…]` sections.
    static func isDateCode(_ code: String) -> Bool {
        var inQuotes = false
        var inBrackets = false
        var escaped = false
        for character in code {
            if escaped { escaped = false; continue }
            switch character {
            case "\\": escaped = true
            case "\"": inQuotes.toggle()
            case "[" where !inQuotes: inBrackets = true
            case "]" where !inQuotes: inBrackets = false
            case "y", "Y", "d", "D", "年", "日":
                if !inQuotes && !inBrackets { return true }
            default: break
            }
        }
        return false
    }
}

/// Cells and merged ranges of a worksheet part.
private final class WorksheetParser: NSObject, XMLParserDelegate {
    /// Row number → column → raw text.
    var rows: [Int: [Int: String]] = [:]
    var merges: [CellRange] = []

    private let sharedStrings: [String]
    private let dateStyles: Set<Int>
    private var style = 0
    private var rowNumber = 0
    private var column = -1
    private var type = "n"
    private var value = ""
    private var inline = ""
    private var capturing: Capture = .none
    private var phoneticDepth = 0

    private enum Capture { case none, value, inlineText }

    init(sharedStrings: [String], dateStyles: Set<Int>) {
        self.sharedStrings = sharedStrings
        self.dateStyles = dateStyles
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        switch localName(elementName) {
        case "row":
            rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
            column = -1
        case "c":
            if let reference = attributes["r"].flatMap(CellReference.init) {
                column = reference.column
                rowNumber = reference.row
            } else {
                column += 1
            }
            type = attributes["t"] ?? "n"
            style = attributes["s"].flatMap(Int.init) ?? 0
            value = ""
            inline = ""
        case "v": capturing = .value
        case "rPh": phoneticDepth += 1
        case "t" where phoneticDepth == 0: capturing = .inlineText
        case "mergeCell":
            if let range = attributes["ref"].flatMap(CellRange.init) { merges.append(range) }
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                qualifiedName: String?) {
        switch localName(elementName) {
        case "v", "t": capturing = .none
        case "rPh": phoneticDepth -= 1
        case "c":
            let text = cellText()
            if !text.isEmpty { rows[rowNumber, default: [:]][column] = text }
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        switch capturing {
        case .value: value += string
        case .inlineText: inline += string
        case .none: break
        }
    }

    private func cellText() -> String {
        switch type {
        case "s":
            guard let index = Int(value.trimmingCharacters(in: .whitespaces)), sharedStrings.indices.contains(index)
            else { return "" }
            return sharedStrings[index]
        case "inlineStr":
            return CellText.decodeExcelEscapes(inline)
        case "str", "e", "d":
            return CellText.decodeExcelEscapes(value)
        case "b":
            return value == "1" ? "TRUE" : "FALSE"
        default:
            if dateStyles.contains(style), let date = Self.date(serial: value) { return date }
            return Self.generalNumber(value)
        }
    }

    /// An Excel date serial (days since 1899-12-30, in the 1900 date system) as `YYYY-MM-DD`.
    static func date(serial raw: String) -> String? {
        guard let serial = Double(raw.trimmingCharacters(in: .whitespaces)), serial >= 1, serial < 2_958_466
        else { return nil }
        return CalendarDate(daysSinceEpoch: Int(serial.rounded(.down)) - 25_569).description
    }

    /// A stored number as Excel's General format shows it: `5000` not `5000.0`, and the
    /// shortest form of binary fractions (`0.1` for `0.10000000000000001`).
    static func generalNumber(_ raw: String) -> String {
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard let number = Double(text), number.isFinite else { return text }
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        let shortest = String(number)
        return shortest.contains("e") ? text : shortest
    }
}

/// The element name without its namespace prefix (`x:row` → `row`).
private func localName(_ name: String) -> String {
    guard let colon = name.lastIndex(of: ":") else { return name }
    return String(name[name.index(after: colon)...])
}
