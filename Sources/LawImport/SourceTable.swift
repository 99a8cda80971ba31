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
    /// (entirely empty rows) simply skips them. The work is proportional to the rows the
    /// merges cover, however far their declared ranges reach.
    public func fillingVerticalMerges() -> SourceTable {
        (try? fillingVerticalMerges(limits: nil)) ?? self
    }

    /// ``fillingVerticalMerges()``, refusing to widen rows beyond ``ImportLimits/cells``
    /// cells in all (a merge far to the right widens every row it covers).
    func fillingVerticalMerges(limits: ImportLimits?) throws(ImportError) -> SourceTable {
        guard !merges.isEmpty else { return self }
        var filled = rows
        // Row positions in row-number order (the readers give them in order already).
        let order = rows.indices.sorted { (rows[$0].number, $0) < (rows[$1].number, $1) }
        let numbers = order.map { rows[$0].number }
        var cells = rows.reduce(0) { $0 + $1.cells.count }
        for merge in merges where merge.lastRow > merge.firstRow {
            let top = Self.firstPosition(in: numbers, atLeast: merge.firstRow)
            guard top < numbers.count, numbers[top] == merge.firstRow else { continue }
            let column = merge.firstColumn
            let value = filled[order[top]].cell(column)
            guard !value.isEmpty, column < 1 << 32 else { continue }
            var position = top + 1
            while position < numbers.count, numbers[position] <= merge.lastRow {
                let row = order[position]
                if numbers[position] > merge.firstRow {
                    cells += max(0, column + 1 - filled[row].cells.count)
                    if let limits, cells > limits.cells {
                        throw ImportError.limitExceeded(
                            file: file, part: nil, row: numbers[position], limit: .cells,
                            found: cells, maximum: limits.cells)
                    }
                    filled[row].set(column, value)
                }
                position += 1
            }
        }
        var table = self
        table.rows = filled
        return table
    }

    /// The first position in ascending `numbers` holding a number at least `target`.
    static func firstPosition(in numbers: [Int], atLeast target: Int) -> Int {
        var low = 0
        var high = numbers.count
        while low < high {
            let middle = low + (high - low) / 2
            if numbers[middle] < target { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The width of the horizontal merge starting at `column` of row `number` (1 when none).
    public func span(row number: Int, column: Int) -> Int {
        for merge in merges
        where merge.firstRow <= number && number <= merge.lastRow
            && merge.firstColumn == column
        {
            return merge.lastColumn - merge.firstColumn + 1
        }
        return 1
    }
}

/// The horizontal spans of a table's merged ranges, found in logarithmic time: for each
/// first column, the merges starting there ordered by their first row.
struct MergeSpans {
    private var byColumn: [Int: [CellRange]] = [:]

    init(_ merges: [CellRange]) {
        for merge in merges where merge.lastColumn > merge.firstColumn {
            byColumn[merge.firstColumn, default: []].append(merge)
        }
        for column in byColumn.keys { byColumn[column]?.sort { $0.firstRow < $1.firstRow } }
    }

    /// The width of the merge starting at `column` that covers row `number` (1 when none).
    func span(row number: Int, column: Int) -> Int {
        guard let ranges = byColumn[column] else { return 1 }
        // The last merge starting at or above the row; Excel's merges do not overlap.
        var low = 0
        var high = ranges.count
        while low < high {
            let middle = low + (high - low) / 2
            if ranges[middle].firstRow <= number { low = middle + 1 } else { high = middle }
        }
        guard low > 0, ranges[low - 1].lastRow >= number else { return 1 }
        return ranges[low - 1].lastColumn - ranges[low - 1].firstColumn + 1
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
        column >= 0 && column < cells.count ? cells[column] : ""
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
            let end = CellReference(String(parts[parts.count - 1]))
        else { return nil }
        self.init(
            firstRow: min(start.row, end.row), lastRow: max(start.row, end.row),
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
        guard index >= 0, index < 1 << 40 else { return "" }
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
