import Foundation
import LawCorpus

/// Reads the events of one part of a workbook.
protocol PartHandler: AnyObject {
    /// The local names of the elements the handler looks at, reported by index.
    static var elementNames: [String] { get }
    /// Takes one event; the parser holds its attributes or text.
    func handle(_ event: XMLPullParser.Event, _ parser: XMLPullParser) throws(PartError)
}

/// `<sheet name="…" r:id="rId1"/>` entries of `xl/workbook.xml`.
final class WorkbookHandler: PartHandler {
    static let elementNames = ["sheet"]
    var sheets: [(name: String, relationship: String?)] = []

    func handle(_ event: XMLPullParser.Event, _ parser: XMLPullParser) throws(PartError) {
        guard event == .start(0), let name = try parser.attribute("name") else { return }
        sheets.append((name, try parser.attribute("id")))
    }
}

/// `<Relationship Id="rId1" Target="worksheets/sheet1.xml"/>` entries of a `.rels` part.
final class RelationshipsHandler: PartHandler {
    static let elementNames = ["Relationship"]
    var targets: [String: String] = [:]

    func handle(_ event: XMLPullParser.Event, _ parser: XMLPullParser) throws(PartError) {
        guard event == .start(0), let id = try parser.attribute("Id"), let target = try parser.attribute("Target")
        else { return }
        targets[id] = target
    }
}

/// The `<si>` strings of `xl/sharedStrings.xml`: the `<t>` texts of each, rich-text runs
/// concatenated, phonetic guides (`<rPh>`) left out.
final class SharedStringsHandler: PartHandler {
    static let elementNames = ["si", "t", "rPh"]
    private static let si = 0, t = 1, rPh = 2

    let limits: ImportLimits
    private(set) var strings: [String] = []
    private var current: [UInt8] = []
    private var inString = false
    private var phoneticDepth = 0

    init(limits: ImportLimits) {
        self.limits = limits
    }

    func handle(_ event: XMLPullParser.Event, _ parser: XMLPullParser) throws(PartError) {
        switch event {
        case .start(Self.si):
            current.removeAll(keepingCapacity: true)
            inString = true
            phoneticDepth = 0
        case .start(Self.rPh): phoneticDepth += 1
        case .start(Self.t): parser.captureText = inString && phoneticDepth == 0
        case .end(Self.t): parser.captureText = false
        case .end(Self.rPh): phoneticDepth = max(0, phoneticDepth - 1)
        case .end(Self.si):
            guard strings.count < limits.sharedStrings else {
                throw PartError.limit(.sharedStrings, found: strings.count + 1, row: nil)
            }
            strings.append(CellText.decodeExcelEscapes(try parser.string(current)))
            inString = false
        case .text where parser.captureText:
            current.append(contentsOf: parser.text)
            if current.count > limits.cellBytes {
                throw PartError.limit(.cellBytes, found: current.count, row: nil)
            }
        default: break
        }
    }
}

/// The cell formats of `xl/styles.xml` that show dates (built-in formats 14–17, 22, 27–36,
/// 50–58, or custom codes with year, month or day parts).
final class StylesHandler: PartHandler {
    static let elementNames = ["numFmt", "cellXfs", "xf"]
    private var customFormats: [Int: String] = [:]
    private var formatOfStyle: [Int] = []
    private var inCellFormats = false

    var dateStyles: Set<Int> {
        Set(formatOfStyle.indices.filter { isDateFormat(formatOfStyle[$0]) })
    }

    func handle(_ event: XMLPullParser.Event, _ parser: XMLPullParser) throws(PartError) {
        switch event {
        case .start(0):
            if let id = try parser.attribute("numFmtId").flatMap(SheetNumber.small) {
                customFormats[id] = try parser.attribute("formatCode") ?? ""
            }
        case .start(1): inCellFormats = true
        case .end(1): inCellFormats = false
        case .start(2) where inCellFormats:
            formatOfStyle.append(try parser.attribute("numFmtId").flatMap(SheetNumber.small) ?? 0)
        default: break
        }
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
            if escaped {
                escaped = false
                continue
            }
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

/// Numbers and references as SpreadsheetML writes them, read without overflow.
enum SheetNumber {
    /// A non-negative number of at most nine digits (surrounding blanks allowed).
    static func small(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        guard let first = bytes.firstIndex(where: { $0 != 0x20 }),
            let last = bytes.lastIndex(where: { $0 != 0x20 })
        else { return nil }
        let digits = bytes[first...last]
        guard digits.count <= 9, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }

    /// `B3` or `$B$3` as a 0-based column and a 1-based row; `nil` when malformed or beyond
    /// any spreadsheet (more than three letters or nine digits).
    static func reference(_ text: String) -> (column: Int, row: Int)? {
        var letters = 0
        var column = 0
        var digits = 0
        var row = 0
        for byte in text.utf8 where byte != UInt8(ascii: "$") {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                guard digits == 0, letters < 3 else { return nil }
                column = column * 26 + Int((byte & 0xDF) - 64)
                letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard letters > 0, digits < 9 else { return nil }
                row = row * 10 + Int(byte - 0x30)
                digits += 1
            default:
                return nil
            }
        }
        guard letters > 0, digits > 0, row >= 1 else { return nil }
        return (column - 1, row)
    }
}

/// Cells and merged ranges of a worksheet part, read row by row as the part streams in.
final class WorksheetHandler: PartHandler {
    static let elementNames = ["row", "c", "v", "is", "t", "rPh", "mergeCell"]
    private static let row = 0, c = 1, v = 2, inlineString = 3, t = 4, rPh = 5, mergeCell = 6

    /// The non-empty rows, in order.
    private(set) var rows: [SourceRow] = []
    /// The merged ranges.
    private(set) var merges: [CellRange] = []

    private let sharedStrings: [String]
    /// Shared strings once cleaned, filled as cells use them (a string used by many cells
    /// is cleaned once and stored once).
    private var cleanedStrings: [String?]
    private let dateStyles: Set<Int>
    private let limits: ImportLimits

    private var rowNumber = 0
    private var inRow = false
    private var rowCells: [(column: Int, text: String)] = []
    private var lastColumn = -1
    private var cellCount = 0
    private var mergedCells = 0

    private var cell: Cell?
    private var value: [UInt8] = []
    private var inline: [UInt8] = []
    private var capture: Capture = .none
    private var inInlineString = false
    private var phoneticDepth = 0

    private enum Capture { case none, value, inline }

    private struct Cell {
        var reference: String
        var column: Int
        var type: String
        var style: Int
    }

    init(sharedStrings: [String], dateStyles: Set<Int>, limits: ImportLimits) {
        self.sharedStrings = sharedStrings
        cleanedStrings = Array(repeating: nil, count: sharedStrings.count)
        self.dateStyles = dateStyles
        self.limits = limits
    }

    func handle(_ event: XMLPullParser.Event, _ parser: XMLPullParser) throws(PartError) {
        switch event {
        case .start(Self.row): try startRow(parser)
        case .end(Self.row): try endRow()
        case .start(Self.c): try startCell(parser)
        case .end(Self.c): try endCell(parser)
        case .start(Self.v) where cell != nil: capture = .value
        case .start(Self.inlineString) where cell != nil: inInlineString = true
        case .end(Self.inlineString): inInlineString = false
        case .start(Self.rPh): phoneticDepth += 1
        case .end(Self.rPh): phoneticDepth = max(0, phoneticDepth - 1)
        case .start(Self.t) where inInlineString && phoneticDepth == 0: capture = .inline
        case .end(Self.v), .end(Self.t): capture = .none
        case .start(Self.mergeCell): try addMerge(parser)
        case .text where capture != .none:
            switch capture {
            case .value: value.append(contentsOf: parser.text)
            case .inline: inline.append(contentsOf: parser.text)
            case .none: break
            }
            let size = value.count + inline.count
            if size > limits.cellBytes { throw PartError.limit(.cellBytes, found: size, row: rowNumber) }
        default: break
        }
        parser.captureText = capture != .none
    }

    // MARK: - Rows

    private func startRow(_ parser: XMLPullParser) throws(PartError) {
        guard !inRow, cell == nil else { throw PartError.problem(.unexpectedElement("row"), at: nil) }
        let number: Int
        if let text = try parser.attribute("r") {
            guard let parsed = SheetNumber.small(text), parsed >= 1 else {
                throw PartError.problem(.badReference(text), at: nil)
            }
            number = parsed
        } else {
            number = rowNumber + 1
        }
        if number > limits.rows { throw PartError.limit(.rows, found: number, row: number) }
        guard number > rowNumber else {
            throw PartError.problem(.rowOutOfOrder(row: number, previous: rowNumber), at: nil)
        }
        rowNumber = number
        inRow = true
        lastColumn = -1
        rowCells.removeAll(keepingCapacity: true)
    }

    private func endRow() throws(PartError) {
        inRow = false
        guard let last = rowCells.last else { return }
        let width = last.column + 1
        cellCount += width
        if cellCount > limits.cells { throw PartError.limit(.cells, found: cellCount, row: rowNumber) }
        var cells = Array(repeating: "", count: width)
        for (column, text) in rowCells { cells[column] = text }
        rows.append(SourceRow(number: rowNumber, cells: cells))
    }

    // MARK: - Cells

    private func startCell(_ parser: XMLPullParser) throws(PartError) {
        guard inRow else { throw PartError.problem(.cellOutsideRow, at: nil) }
        guard cell == nil else { throw PartError.problem(.unexpectedElement("c"), at: nil) }
        let column: Int
        let reference: String
        if let text = try parser.attribute("r") {
            guard let parsed = SheetNumber.reference(text) else { throw PartError.problem(.badReference(text), at: nil) }
            guard parsed.row == rowNumber else {
                throw PartError.problem(.cellInOtherRow(reference: text, row: rowNumber), at: nil)
            }
            column = parsed.column
            reference = text
        } else {
            column = lastColumn + 1
            reference = CellReference.columnName(column) + String(rowNumber)
        }
        if column >= limits.columns { throw PartError.limit(.columns, found: column + 1, row: rowNumber) }
        guard column > lastColumn else { throw PartError.problem(.cellOutOfOrder(reference), at: nil) }
        lastColumn = column
        let style =
            try parser.attribute("s").map { (text) throws(PartError) -> Int in
                guard let style = SheetNumber.small(text) else {
                    throw PartError.problem(.badNumber(attribute: "s", value: text), at: nil)
                }
                return style
            } ?? 0
        cell = Cell(reference: reference, column: column, type: try parser.attribute("t") ?? "n", style: style)
        value.removeAll(keepingCapacity: true)
        inline.removeAll(keepingCapacity: true)
        capture = .none
        inInlineString = false
    }

    private func endCell(_ parser: XMLPullParser) throws(PartError) {
        guard let current = cell else { return }
        cell = nil
        capture = .none
        let text = try cellText(current, parser)
        if !text.isEmpty { rowCells.append((current.column, text)) }
    }

    /// The cell's text as shown, cleaned (``CellText/clean(_:)``).
    private func cellText(_ cell: Cell, _ parser: XMLPullParser) throws(PartError) -> String {
        let raw = try parser.string(value)
        if cell.type == "s" {
            let trimmed = CellText.trim(raw)
            guard !trimmed.isEmpty else { return "" }
            guard let index = SheetNumber.small(trimmed), index < sharedStrings.count else {
                throw PartError.problem(.missingSharedString(index: trimmed, count: sharedStrings.count), at: nil)
            }
            if let cleaned = cleanedStrings[index] { return cleaned }
            let cleaned = CellText.clean(sharedStrings[index])
            cleanedStrings[index] = cleaned
            return cleaned
        }
        return CellText.clean(try rawText(cell, raw, parser))
    }

    private func rawText(_ cell: Cell, _ raw: String, _ parser: XMLPullParser) throws(PartError) -> String {
        switch cell.type {
        case "inlineStr":
            return CellText.decodeExcelEscapes(try parser.string(inline))
        case "str", "e", "d":
            return CellText.decodeExcelEscapes(raw)
        case "b":
            switch CellText.trim(raw) {
            case "": return ""
            case "1": return "TRUE"
            default: return "FALSE"
            }
        default:
            if raw.isEmpty, !inline.isEmpty { return CellText.decodeExcelEscapes(try parser.string(inline)) }
            if dateStyles.contains(cell.style), let date = Self.date(serial: raw) { return date }
            return Self.generalNumber(raw)
        }
    }

    // MARK: - Merges

    private func addMerge(_ parser: XMLPullParser) throws(PartError) {
        guard let text = try parser.attribute("ref") else { return }
        let ends = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...2).contains(ends.count), let start = SheetNumber.reference(String(ends[0])),
            let end = SheetNumber.reference(String(ends[ends.count - 1]))
        else {
            throw PartError.problem(.badReference(text), at: nil)
        }
        let range = CellRange(
            firstRow: min(start.row, end.row), lastRow: max(start.row, end.row),
            firstColumn: min(start.column, end.column), lastColumn: max(start.column, end.column))
        if range.lastRow > limits.rows { throw PartError.limit(.rows, found: range.lastRow, row: nil) }
        if range.lastColumn >= limits.columns { throw PartError.limit(.columns, found: range.lastColumn + 1, row: nil) }
        if merges.count >= limits.merges { throw PartError.limit(.merges, found: merges.count + 1, row: nil) }
        // Both sides are bounded by the row and column limits checked above.
        let (area, overflow) = (range.lastRow - range.firstRow + 1)
            .multipliedReportingOverflow(by: range.lastColumn - range.firstColumn + 1)
        let (total, overflowTotal) = mergedCells.addingReportingOverflow(area)
        guard !overflow, !overflowTotal, total <= limits.mergedCells else {
            throw PartError.limit(.mergedCells, found: overflow || overflowTotal ? Int.max : total, row: nil)
        }
        mergedCells = total
        merges.append(range)
    }

    // MARK: - Numbers

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
