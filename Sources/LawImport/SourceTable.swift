/// A table as read from a department's file, before any interpretation: rows of cell
/// texts, numbered as the spreadsheet numbers them, and the merged ranges.
public struct SourceTable: Sendable, Equatable {
    /// The file the table was read from (as given).
    public var file: String
    /// The worksheet name, for `.xlsx` files.
    public var sheet: String?
    /// The non-empty rows, in order. Empty rows are left out.
    public var rows: [SourceRow]
    /// Merged cell ranges (`A1:H1`), as the workbook declares them.
    public var merges: [CellRange]

    /// Creates a table.
    public init(file: String, sheet: String? = nil, rows: [SourceRow], merges: [CellRange] = []) {
        self.file = file
        self.sheet = sheet
        self.rows = rows
        self.merges = merges
    }

    /// The widest row's number of columns.
    public var width: Int { rows.map(\.cells.count).max() ?? 0 }

    /// The table with every vertically merged cell given the value of its merge's top row,
    /// as a reader of the printed table sees it; horizontal spans stay in their first cell.
    ///
    /// Rows are numbered by the spreadsheet, so a merge over rows absent from `rows`
    /// (entirely empty rows) simply skips them.
    public func fillingVerticalMerges() -> SourceTable {
        guard !merges.isEmpty else { return self }
        var index: [Int: Int] = [:]
        for (position, row) in rows.enumerated() { index[row.number] = position }
        var filled = rows
        for merge in merges where merge.lastRow > merge.firstRow {
            guard let top = index[merge.firstRow] else { continue }
            let column = merge.firstColumn
            let value = filled[top].cell(column)
            guard !value.isEmpty else { continue }
            for number in (merge.firstRow + 1)...merge.lastRow {
                guard let position = index[number] else { continue }
                filled[position].set(column, value)
            }
        }
        var table = self
        table.rows = filled
        return table
    }

    /// The width of the horizontal merge starting at `column` of row `number` (1 when none).
    public func span(row number: Int, column: Int) -> Int {
        for merge in merges where merge.firstRow <= number && number <= merge.lastRow
            && merge.firstColumn == column {
            return merge.lastColumn - merge.firstColumn + 1
        }
        return 1
    }
}

/// One row of a ``SourceTable``.
public struct SourceRow: Sendable, Equatable {
    /// The row number as the spreadsheet shows it (1-based; a CSV record counts as one row
    /// however many lines its quoted cells take).
    public var number: Int
    /// Cell texts by column (0 = A), trimmed, line breaks kept as `\n`.
    public var cells: [String]

    /// Creates a row.
    public init(number: Int, cells: [String]) {
        self.number = number
        self.cells = cells
    }

    /// The text of `column`, empty beyond the row's end.
    public func cell(_ column: Int) -> String {
        column < cells.count ? cells[column] : ""
    }

    /// Whether every cell is empty.
    public var isEmpty: Bool { cells.allSatisfy(\.isEmpty) }

    /// The columns that hold text.
    public var filledColumns: [Int] { cells.indices.filter { !cells[$0].isEmpty } }

    mutating func set(_ column: Int, _ value: String) {
        if column >= cells.count { cells += Array(repeating: "", count: column - cells.count + 1) }
        cells[column] = value
    }

    /// The cells as `A: text | C: text`, each cut to `limit` characters: how a report shows a row.
    public func rawDescription(limit: Int = 40) -> String {
        filledColumns.map { column in
            let text = cells[column].replacingOccurrences(of: "\n", with: "⏎")
            let shown = text.count > limit ? String(text.prefix(limit)) + "…" : text
            return "\(CellReference.columnName(column)): \(shown)"
        }.joined(separator: " | ")
    }
}

/// A rectangular range of cells, `A1:H1`, with 1-based rows and 0-based columns.
public struct CellRange: Sendable, Equatable {
    /// First row (1-based).
    public var firstRow: Int
    /// Last row (1-based, inclusive).
    public var lastRow: Int
    /// First column (0 = A).
    public var firstColumn: Int
    /// Last column (0-based, inclusive).
    public var lastColumn: Int

    /// Creates a range.
    public init(firstRow: Int, lastRow: Int, firstColumn: Int, lastColumn: Int) {
        self.firstRow = firstRow
        self.lastRow = lastRow
        self.firstColumn = firstColumn
        self.lastColumn = lastColumn
    }

    /// Parses `A1:H1` (or a single cell `B3`); `nil` when malformed.
    public init?(_ text: String) {
        let parts = text.split(separator: ":")
        guard (1...2).contains(parts.count),
              let start = CellReference(String(parts[0])),
              let end = CellReference(String(parts[parts.count - 1])) else { return nil }
        self.init(firstRow: min(start.row, end.row), lastRow: max(start.row, end.row),
                  firstColumn: min(start.column, end.column), lastColumn: max(start.column, end.column))
    }
}

/// A cell reference such as `B3` or `AA27`.
public struct CellReference: Sendable, Equatable {
    /// Column index: A = 0, Z = 25, AA = 26.
    public var column: Int
    /// Row number, 1-based.
    public var row: Int

    /// Creates a reference.
    public init(column: Int, row: Int) {
        self.column = column
        self.row = row
    }

    /// Parses `B3` or `$B$3`; `nil` when malformed. A reference without a row (`B`) is
    /// malformed here; use ``columnIndex(_:)`` for column letters alone.
    public init?(_ text: String) {
        var letters = ""
        var digits = ""
        for scalar in text.unicodeScalars where scalar != "$" {
            switch scalar {
            case "A"..."Z", "a"..."z":
                guard digits.isEmpty else { return nil }
                letters.unicodeScalars.append(scalar)
            case "0"..."9":
                digits.unicodeScalars.append(scalar)
            default:
                return nil
            }
        }
        guard let column = Self.columnIndex(letters), let row = Int(digits), row >= 1 else { return nil }
        self.init(column: column, row: row)
    }

    /// The 0-based index of column letters: `A` → 0, `Z` → 25, `AA` → 26 (the 27th column).
    public static func columnIndex(_ letters: String) -> Int? {
        guard !letters.isEmpty, letters.count <= 3 else { return nil }
        var value = 0
        for scalar in letters.uppercased().unicodeScalars {
            guard ("A"..."Z").contains(scalar) else { return nil }
            value = value * 26 + Int(scalar.value - 64)
        }
        return value - 1
    }

    /// The letters of a 0-based column index: 0 → `A`, 26 → `AA`.
    public static func columnName(_ index: Int) -> String {
        var n = index + 1
        var letters: [Character] = []
        while n > 0 {
            let remainder = (n - 1) % 26
            letters.insert(Character(Unicode.Scalar(UInt8(65 + remainder))), at: 0)
            n = (n - 1) / 26
        }
        return String(letters)
    }
}
