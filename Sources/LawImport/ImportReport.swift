import LawCorpus

/// A row above the header: the title row, or another line of the sheet's heading.
public struct PreambleRow: Sendable, Equatable {
    /// The spreadsheet row number.
    public var row: Int
    /// `title` when it gave the list its title, else `above the header`.
    public var use: String
    /// The row's cells, `A: … | C: …`.
    public var cells: String
}

/// What an import read and wrote: counts, the column mapping, every row that was not an
/// item or a level, and the YAML text.
public struct ImportReport: Sendable {
    /// The input file.
    public var input: String
    /// The worksheet read, for `.xlsx` files.
    public var sheet: String?
    /// The output path.
    public var output: String
    /// The list as imported.
    public var list: ListVersion
    /// The YAML text (written unless a dry run).
    public var yaml: String
    /// The header rows and the role of each column.
    public var layout: ColumnLayout
    /// Number of non-empty rows below the header.
    public var rowsRead: Int
    /// The first spreadsheet row of each item, parallel to `list.items`.
    public var itemRows: [Int]
    /// Category rows.
    public var categories: [CategoryRow]
    /// Rows that could not be used, with reasons.
    public var unmapped: [UnmappedRow]
    /// Header rows repeated below the header (page headers) and skipped.
    public var repeatedHeaders: [Int]
    /// Rows above the header.
    public var preamble: [PreambleRow]
    /// Decisions worth checking.
    public var notes: [String]
    /// Whether the file was written.
    public var written: Bool

    /// Number of items.
    public var itemCount: Int { list.items.count }
    /// Number of levels over all items.
    public var levelCount: Int { list.items.reduce(0) { $0 + $1.levels.count } }

    /// The report as lines for a terminal.
    public var lines: [String] {
        var lines: [String] = []
        let sheetText = sheet.map { " (sheet \($0))" } ?? ""
        lines.append("Imported \(input)\(sheetText) as \(list.department.name) \(list.kind.rawValue) \(list.version)")
        lines.append("  title       \(list.title)")
        lines.append("  header      row " + layout.headerRows.map(String.init).joined(separator: "+"))
        for column in layout.columns {
            let header = column.header.isEmpty ? "(no header)" : column.header
            lines.append("    \(CellReference.columnName(column.index))  \(header) → \(column.role)")
        }
        lines.append("  rows read   \(rowsRead) below the header")
        lines.append("  items       \(itemCount)")
        lines.append("  levels      \(levelCount)")
        lines.append("  categories  \(categories.count)")
        for category in categories {
            let count = category.items == 1 ? "1 item" : "\(category.items) items"
            lines.append("    row \(category.row): \(category.text) (\(count))")
        }
        for row in preamble {
            lines.append("  row \(row.row): \(row.use): \(row.cells)")
        }
        if !repeatedHeaders.isEmpty {
            lines.append("  repeated header rows skipped: " + repeatedHeaders.map(String.init).joined(separator: ", "))
        }
        lines.append("  not mapped  \(unmapped.count)")
        for row in unmapped { lines.append("    \(row)") }
        for note in notes { lines.append("  note: \(note)") }
        lines.append(written ? "Wrote \(output)" : "Dry run: would write \(output)")
        return lines
    }
}
