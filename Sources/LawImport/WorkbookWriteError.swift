/// Why a workbook or CSV file was not written. Nothing is left at the path when writing
/// fails: an existing file there stays as it was.
public enum WorkbookWriteError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The workbook has no sheet.
    case noSheets(file: String)
    /// A sheet has more rows (the header row included) than Excel can show.
    case tooManyRows(file: String, sheet: String, rows: Int, maximum: Int)
    /// A sheet has more columns than Excel can show.
    case tooManyColumns(file: String, sheet: String, columns: Int, maximum: Int)
    /// A cell holds more characters (UTF-16 code units, as Excel counts) than Excel allows.
    case cellTooLong(file: String, sheet: String, cell: String, length: Int, maximum: Int)
    /// A column width is negative, not a number, or wider than Excel allows.
    case invalidColumnWidth(file: String, sheet: String, column: String, width: Double)
    /// The file could not be written: `reason` is the system's or the zip writer's.
    case unwritable(file: String, reason: String)

    /// The file the error is about.
    public var file: String {
        switch self {
        case .noSheets(let file), .tooManyRows(let file, _, _, _), .tooManyColumns(let file, _, _, _),
            .cellTooLong(let file, _, _, _, _), .invalidColumnWidth(let file, _, _, _), .unwritable(let file, _):
            file
        }
    }

    /// `file（工作表 …）：message`.
    public var description: String {
        switch self {
        case .noSheets(let file):
            "\(file)：工作簿中没有工作表；未写入文件"
        case .tooManyRows(let file, let sheet, let rows, let maximum):
            "\(file)（工作表“\(sheet)”）：共 \(rows) 行，超出 Excel 每个工作表 \(maximum) 行的上限；未写入文件"
        case .tooManyColumns(let file, let sheet, let columns, let maximum):
            "\(file)（工作表“\(sheet)”）：共 \(columns) 列，超出 Excel 每个工作表 \(maximum) 列的上限；未写入文件"
        case .cellTooLong(let file, let sheet, let cell, let length, let maximum):
            "\(file)（工作表“\(sheet)”，单元格 \(cell)）：共 \(length) 个字符，超出 Excel 单元格 \(maximum) 个字符的上限；未写入文件"
        case .invalidColumnWidth(let file, let sheet, let column, let width):
            "\(file)（工作表“\(sheet)”，\(column) 列）：列宽 \(width) 无效，应在 0 到 \(Int(WorkbookLimits.columnWidth)) 之间；未写入文件"
        case .unwritable(let file, let reason):
            "\(file)：无法写入（\(reason)）"
        }
    }
}

/// Excel's bounds on a worksheet, checked before anything is written.
enum WorkbookLimits {
    /// Rows per sheet.
    static let rows = 1_048_576
    /// Columns per sheet (A to XFD).
    static let columns = 16_384
    /// Characters per cell, counted in UTF-16 code units.
    static let cellCharacters = 32_767
    /// The widest column, in characters.
    static let columnWidth = 255.0
    /// Characters of a sheet name, counted in UTF-16 code units.
    static let sheetName = 31
}
