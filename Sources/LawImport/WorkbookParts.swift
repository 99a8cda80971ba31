import Foundation

/// The parts of an `.xlsx` package for a ``WorkbookContent``, as XML text: the package's
/// content types and relationships, the workbook, its styles, one worksheet per sheet, a
/// shared-string table (each distinct text stored once) and the document properties.
///
/// Built only from content that ``WorkbookParts/init(_:file:created:)`` has checked against
/// Excel's bounds, so Excel and WPS open the package without offering to repair it.
struct WorkbookParts {
    /// The sheets with their names made valid and their text cleaned.
    private let sheets: [PreparedSheet]
    private let title: String?
    private let created: Date
    private var strings = SharedStrings()

    /// The cell style indices of `xl/styles.xml`.
    private enum Style: Int {
        case normal = 0
        case header = 1
        case body = 2
    }

    /// A sheet ready to be written.
    private struct PreparedSheet {
        var name: String
        var headerStyle: HeaderStyle
        /// The header row (when there is one) followed by the rows.
        var rows: [[String]]
        var hasHeader: Bool
        var widths: [Double]
    }

    /// Checks and prepares `content`; `file` names the file in errors.
    init(_ content: WorkbookContent, file: String, created: Date) throws(WorkbookWriteError) {
        guard !content.sheets.isEmpty else { throw .noSheets(file: file) }
        let names = SheetNames.valid(content.sheets.map(\.name))
        var prepared: [PreparedSheet] = []
        for (sheet, name) in zip(content.sheets, names) {
            prepared.append(try Self.prepare(sheet, name: name, file: file))
        }
        sheets = prepared
        title = content.title.map(WorkbookText.cleaned)
        self.created = created
    }

    private static func prepare(_ sheet: SheetContent, name: String, file: String) throws(WorkbookWriteError)
        -> PreparedSheet
    {
        let hasHeader = !sheet.headers.isEmpty
        let rowCount = sheet.rows.count + (hasHeader ? 1 : 0)
        guard rowCount <= WorkbookLimits.rows else {
            throw .tooManyRows(file: file, sheet: name, rows: rowCount, maximum: WorkbookLimits.rows)
        }
        let columns = max(sheet.headers.count, sheet.rows.map(\.count).max() ?? 0)
        guard columns <= WorkbookLimits.columns else {
            throw .tooManyColumns(file: file, sheet: name, columns: columns, maximum: WorkbookLimits.columns)
        }
        var rows: [[String]] = []
        rows.reserveCapacity(rowCount)
        for (index, row) in ((hasHeader ? [sheet.headers] : []) + sheet.rows).enumerated() {
            let cleaned = row.map(WorkbookText.cleaned)
            for (column, text) in cleaned.enumerated() where text.utf16.count > WorkbookLimits.cellCharacters {
                throw .cellTooLong(
                    file: file, sheet: name, cell: CellReference.columnName(column) + String(index + 1),
                    length: text.utf16.count, maximum: WorkbookLimits.cellCharacters)
            }
            rows.append(cleaned)
        }
        let widths = try columnWidths(sheet.columnWidths, rows: rows, columns: columns, sheet: name, file: file)
        return PreparedSheet(
            name: name, headerStyle: sheet.headerStyle, rows: rows, hasHeader: hasHeader, widths: widths)
    }

    /// The width of each column: as given, or estimated from the text of its first 1,000
    /// rows (its widest line plus a margin, between 8 and 60 characters; longer text wraps).
    private static func columnWidths(
        _ given: [Double?]?, rows: [[String]], columns: Int, sheet: String, file: String
    ) throws(WorkbookWriteError) -> [Double] {
        var widths: [Double] = []
        for column in 0..<columns {
            if let wished = given.flatMap({ column < $0.count ? $0[column] : nil }) {
                guard wished.isFinite, wished >= 0, wished <= WorkbookLimits.columnWidth else {
                    throw .invalidColumnWidth(
                        file: file, sheet: sheet, column: CellReference.columnName(column), width: wished)
                }
                widths.append(wished)
            } else {
                let widest =
                    rows.prefix(1_000).map { column < $0.count ? WorkbookText.displayWidth($0[column]) : 0 }
                    .max() ?? 0
                widths.append(Double(min(max(widest + 2, 8), 60)))
            }
        }
        return widths
    }

    // MARK: - Parts

    /// Every part, by its name in the package, in the order Excel writes them.
    mutating func parts() -> [(name: String, text: String)] {
        var parts: [(name: String, text: String)] = []
        for (index, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", worksheet(sheet, selected: index == 0)))
        }
        return [
            ("[Content_Types].xml", contentTypes),
            ("_rels/.rels", packageRelationships),
            ("docProps/app.xml", appProperties),
            ("docProps/core.xml", coreProperties),
            ("xl/workbook.xml", workbook),
            ("xl/_rels/workbook.xml.rels", workbookRelationships),
            ("xl/styles.xml", Self.styles),
        ] + parts + [("xl/sharedStrings.xml", strings.xml)]
    }

    private static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    private static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    private static let packageRelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"

    private var contentTypes: String {
        let sheetOverrides = sheets.indices.map { index in
            #"<Override PartName="/xl/worksheets/sheet\#(index + 1).xml" "#
                + #"ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }.joined()
        return Self.declaration
            + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
            + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
            + #"<Default Extension="xml" ContentType="application/xml"/>"#
            + #"<Override PartName="/xl/workbook.xml" "#
            + #"ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
            + sheetOverrides
            + #"<Override PartName="/xl/styles.xml" "#
            + #"ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
            + #"<Override PartName="/xl/sharedStrings.xml" "#
            + #"ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>"#
            + #"<Override PartName="/docProps/core.xml" "#
            + #"ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#
            + #"<Override PartName="/docProps/app.xml" "#
            + #"ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>"#
            + "</Types>"
    }

    private var packageRelationships: String {
        Self.declaration + #"<Relationships xmlns="\#(Self.packageRelationshipsNamespace)">"#
            + #"<Relationship Id="rId1" Type="\#(Self.relationships)/officeDocument" Target="xl/workbook.xml"/>"#
            + #"<Relationship Id="rId2" "#
            + #"Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" "#
            + #"Target="docProps/core.xml"/>"#
            + #"<Relationship Id="rId3" Type="\#(Self.relationships)/extended-properties" Target="docProps/app.xml"/>"#
            + "</Relationships>"
    }

    private var workbookRelationships: String {
        let sheetRelationships = sheets.indices.map { index in
            #"<Relationship Id="rId\#(index + 1)" Type="\#(Self.relationships)/worksheet" "#
                + #"Target="worksheets/sheet\#(index + 1).xml"/>"#
        }.joined()
        return Self.declaration + #"<Relationships xmlns="\#(Self.packageRelationshipsNamespace)">"#
            + sheetRelationships
            + #"<Relationship Id="rId\#(sheets.count + 1)" Type="\#(Self.relationships)/styles" Target="styles.xml"/>"#
            + #"<Relationship Id="rId\#(sheets.count + 2)" Type="\#(Self.relationships)/sharedStrings" "#
            + #"Target="sharedStrings.xml"/>"#
            + "</Relationships>"
    }

    /// The sheet list, and for each sheet with a frozen header the print title rows
    /// (`'name'!$1:$1`: the header repeated on every printed page).
    private var workbook: String {
        let sheetList = sheets.enumerated().map { index, sheet in
            #"<sheet name="\#(WorkbookText.xml(sheet.name))" sheetId="\#(index + 1)" r:id="rId\#(index + 1)"/>"#
        }.joined()
        let printTitles = sheets.enumerated().compactMap { index, sheet -> String? in
            guard sheet.hasHeader, sheet.headerStyle == .boldFrozen else { return nil }
            let quoted = "'" + sheet.name.replacingOccurrences(of: "'", with: "''") + "'"
            return #"<definedName name="_xlnm.Print_Titles" localSheetId="\#(index)">"#
                + WorkbookText.xml(quoted) + "!$1:$1</definedName>"
        }
        let definedNames = printTitles.isEmpty ? "" : "<definedNames>" + printTitles.joined() + "</definedNames>"
        return Self.declaration + #"<workbook xmlns="\#(Self.main)" xmlns:r="\#(Self.relationships)">"#
            + #"<bookViews><workbookView activeTab="0"/></bookViews>"#
            + "<sheets>" + sheetList + "</sheets>" + definedNames + "</workbook>"
    }

    /// A default font, the same in bold, a thin border, and three cell styles: normal,
    /// header (bold, centred, wrapped, bordered) and body (top-aligned, wrapped, bordered).
    private static let styles =
        declaration + #"<styleSheet xmlns="\#(main)">"#
        + #"<fonts count="2">"#
        + #"<font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font>"#
        + #"<font><b/><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font>"#
        + "</fonts>"
        + #"<fills count="2"><fill><patternFill patternType="none"/></fill>"#
        + #"<fill><patternFill patternType="gray125"/></fill></fills>"#
        + #"<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>"#
        + #"<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right>"#
        + #"<top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom>"#
        + "<diagonal/></border></borders>"
        + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        + #"<cellXfs count="3">"#
        + #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
        + #"<xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" "#
        + #"applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>"#
        + #"<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1">"#
        + #"<alignment vertical="top" wrapText="1"/></xf>"#
        + "</cellXfs>"
        + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        + #"<dxfs count="0"/><tableStyles count="0"/>"#
        + "</styleSheet>"

    private var coreProperties: String {
        let stamp = Self.timestamp(created)
        let titleElement = title.map { "<dc:title>" + WorkbookText.xml($0) + "</dc:title>" } ?? ""
        return Self.declaration
            + #"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#
            + #"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#
            + #"xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#
            + titleElement + "<dc:creator>lawkb</dc:creator>"
            + #"<dcterms:created xsi:type="dcterms:W3CDTF">\#(stamp)</dcterms:created>"#
            + #"<dcterms:modified xsi:type="dcterms:W3CDTF">\#(stamp)</dcterms:modified>"#
            + "</cp:coreProperties>"
    }

    private var appProperties: String {
        Self.declaration
            + #"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" "#
            + #"xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">"#
            + "<Application>lawkb</Application><DocSecurity>0</DocSecurity></Properties>"
    }

    /// `2022-11-30T08:00:00Z`.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    // MARK: - Worksheets

    private mutating func worksheet(_ sheet: PreparedSheet, selected: Bool) -> String {
        let columns = sheet.widths.count
        let lastRow = max(sheet.rows.count, 1)
        let dimension =
            columns == 0 ? "A1" : "A1:" + CellReference.columnName(columns - 1) + String(lastRow)
        let frozen = sheet.hasHeader && sheet.headerStyle == .boldFrozen
        var xml = Self.declaration + #"<worksheet xmlns="\#(Self.main)" xmlns:r="\#(Self.relationships)">"#
        xml += #"<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>"#
        xml += #"<dimension ref="\#(dimension)"/>"#
        xml += #"<sheetViews><sheetView workbookViewId="0""# + (selected ? #" tabSelected="1""# : "") + ">"
        if frozen {
            xml += #"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
            xml += #"<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>"#
        }
        xml += "</sheetView></sheetViews>"
        xml += #"<sheetFormatPr defaultRowHeight="14.25"/>"#
        if columns > 0 {
            xml += "<cols>"
            for (index, width) in sheet.widths.enumerated() {
                xml += #"<col min="\#(index + 1)" max="\#(index + 1)" width="\#(Self.number(width))" customWidth="1"/>"#
            }
            xml += "</cols>"
        }
        xml += "<sheetData>"
        for (index, row) in sheet.rows.enumerated() {
            let isHeader = sheet.hasHeader && index == 0
            let style: Style = isHeader ? (sheet.headerStyle == .plain ? .body : .header) : .body
            xml += self.row(row, number: index + 1, columns: columns, style: style)
        }
        xml += "</sheetData>"
        xml += #"<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>"#
        xml += #"<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>"#
        if columns > 0 {
            // Every cell is text by design: no "number stored as text" marks on codes and counts.
            xml += #"<ignoredErrors><ignoredError sqref="\#(dimension)" numberStoredAsText="1"/></ignoredErrors>"#
        }
        xml += "</worksheet>"
        return xml
    }

    /// `<row>` with a string cell for each text, and a styled empty cell for each empty
    /// one up to the sheet's width, so the table's borders run unbroken.
    private mutating func row(_ cells: [String], number: Int, columns: Int, style: Style) -> String {
        var xml = #"<row r="\#(number)">"#
        for column in 0..<columns {
            let reference = CellReference.columnName(column) + String(number)
            let text = column < cells.count ? cells[column] : ""
            if text.isEmpty {
                xml += #"<c r="\#(reference)" s="\#(style.rawValue)"/>"#
            } else {
                xml += #"<c r="\#(reference)" s="\#(style.rawValue)" t="s"><v>\#(strings.index(of: text))</v></c>"#
            }
        }
        return xml + "</row>"
    }

    /// A width as SpreadsheetML writes it: `20` or `12.5`.
    private static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}

/// The shared-string table: each distinct text once, in order of first use.
private struct SharedStrings {
    private var indices: [String: Int] = [:]
    private var texts: [String] = []
    private var uses = 0

    /// The index of `text`, adding it when new.
    mutating func index(of text: String) -> Int {
        uses += 1
        if let index = indices[text] { return index }
        indices[text] = texts.count
        texts.append(text)
        return texts.count - 1
    }

    /// `xl/sharedStrings.xml`.
    var xml: String {
        var xml =
            #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            + #"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#
            + #"count="\#(uses)" uniqueCount="\#(texts.count)">"#
        for text in texts {
            let escaped = WorkbookText.xml(WorkbookText.excelEscaped(text))
            xml += WorkbookText.needsPreserve(text) ? #"<si><t xml:space="preserve">\#(escaped)</t></si>"# : "<si><t>\(escaped)</t></si>"
        }
        return xml + "</sst>"
    }
}
