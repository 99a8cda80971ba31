/// What ``WorkbookWriter`` writes: sheets of text cells, each with an optional header row.
///
/// Every cell is text, written as an Excel string cell: a date is written as the text
/// `YYYY-MM-DD` (sorting and filtering work on it as text), and a cell beginning with `=`
/// stays the text it is, never a formula.
public struct WorkbookContent: Sendable, Equatable {
    /// The sheets, in tab order; at least one.
    public var sheets: [SheetContent]
    /// The document title (`docProps/core.xml`), shown in the file's properties.
    public var title: String?

    /// Creates a workbook of `sheets`.
    public init(sheets: [SheetContent], title: String? = nil) {
        self.sheets = sheets
        self.title = title
    }
}

/// One sheet of a ``WorkbookContent``: a header row and rows of text.
public struct SheetContent: Sendable, Equatable {
    /// The tab's name as wished; made valid for Excel when written (see ``SheetNames``).
    public var name: String
    /// The header row (row 1); none when empty, and the rows start at row 1.
    public var headers: [String]
    /// The rows below the headers, cells from column A; rows may differ in length, and an
    /// empty string leaves its cell empty.
    public var rows: [[String]]
    /// Column widths in Excel's units (characters of the default font), from column A,
    /// each at most 255; `nil` for a column estimates its width from its text (a Chinese
    /// character counts two), as does a missing or `nil` array.
    public var columnWidths: [Double?]?
    /// How the header row looks.
    public var headerStyle: HeaderStyle

    /// Creates a sheet.
    public init(
        name: String, headers: [String], rows: [[String]], columnWidths: [Double?]? = nil,
        headerStyle: HeaderStyle = .boldFrozen
    ) {
        self.name = name
        self.headers = headers
        self.rows = rows
        self.columnWidths = columnWidths
        self.headerStyle = headerStyle
    }
}

/// How a sheet's header row looks.
public enum HeaderStyle: Sendable, Equatable {
    /// Like any other row.
    case plain
    /// Bold, centred.
    case bold
    /// Bold and centred; stays in view when scrolling (frozen pane) and is repeated at the
    /// top of every printed page.
    case boldFrozen
}
