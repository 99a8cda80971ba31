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

/// What became of a non-empty row of the table.
public enum RowKind: String, Sendable, Equatable, CaseIterable, CustomStringConvertible {
    /// Above the header: the title or another heading line.
    case aboveHeader
    /// A header row.
    case header
    /// The first row of an item.
    case item
    /// A further level of the item above (or its continuation).
    case level
    /// A category row (一、食品安全领域).
    case category
    /// The header printed again (on a new page).
    case repeatedHeader
    /// Not used, with its reason in ``ImportReport/unmapped``.
    case skipped

    /// The kind in the report.
    public var description: String {
        switch self {
        case .aboveHeader: return "表头以上"
        case .header: return "表头"
        case .item: return "事项"
        case .level: return "阶次续行"
        case .category: return "类别"
        case .repeatedHeader: return "重复表头"
        case .skipped: return "未导入"
        }
    }
}

/// One non-empty row and what became of it.
public struct RowAccount: Sendable, Equatable {
    /// The spreadsheet row number.
    public var row: Int
    /// What became of it.
    public var kind: RowKind

    /// Creates an entry.
    public init(row: Int, kind: RowKind) {
        self.row = row
        self.kind = kind
    }
}

/// Something in a row that was imported but needs a person's check.
public struct ImportWarning: Sendable, Equatable, CustomStringConvertible {
    /// What it is.
    public enum Problem: Sendable, Equatable {
        /// A citation (`第…条`) whose number cannot be read or is beyond any law's articles:
        /// the text is kept, but it cites nothing.
        case unreadableArticleNumber(column: String, text: String)
        /// The item's row has 适用情形 or 处罚标准 but no 裁量阶次: they were not made a level.
        case levelCellsWithoutLevel(header: String)
    }

    /// The spreadsheet row number.
    public var row: Int
    /// What it is.
    public var problem: Problem

    /// Creates a warning.
    public init(row: Int, problem: Problem) {
        self.row = row
        self.problem = problem
    }

    /// `第 N 行：…`.
    public var description: String {
        switch problem {
        case .unreadableArticleNumber(let column, let text):
            return "第 \(row) 行 \(column) 列：“\(text)”中的条款号无法识别或超出任何法律的条数，不会成为引用；请核对原表"
        case .levelCellsWithoutLevel(let header):
            return "第 \(row) 行：\(header)为空，此行的适用情形和处罚标准没有作为阶次导入"
        }
    }
}

/// What an import read and wrote: counts, the column mapping, what became of every row,
/// and the YAML text.
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
    /// Rows imported whose content needs checking.
    public var warnings: [ImportWarning]
    /// Every non-empty row of the table, in order, and what became of it.
    public var accounts: [RowAccount]
    /// Whether the file was written.
    public var written: Bool

    /// Number of items.
    public var itemCount: Int { list.items.count }
    /// Number of levels over all items.
    public var levelCount: Int { list.items.reduce(0) { $0 + $1.levels.count } }

    /// Number of non-empty rows read from the table.
    public var nonEmptyRows: Int { accounts.count }

    /// How many rows became `kind`.
    public func count(_ kind: RowKind) -> Int {
        accounts.reduce(0) { $0 + ($1.kind == kind ? 1 : 0) }
    }

    /// The report as lines for a terminal.
    public var lines: [String] {
        var lines: [String] = []
        let sheetText = sheet.map { "（工作表 \($0)）" } ?? ""
        lines.append("导入 \(input)\(sheetText)：\(list.department.name) \(list.kind.rawValue) \(list.version)")
        lines.append("  标题        \(list.title)")
        lines.append("  表头        第 " + layout.headerRows.map(String.init).joined(separator: "、") + " 行")
        for column in layout.columns {
            let header = column.header.isEmpty ? "（无表头）" : column.header
            lines.append("    \(CellReference.columnName(column.index))  \(header) → \(column.role)")
        }
        let tally = RowKind.allCases.map { "\($0) \(count($0))" }.joined(separator: "，")
        lines.append("  非空行      \(nonEmptyRows)：\(tally)")
        lines.append("  事项        \(itemCount)")
        lines.append("  阶次        \(levelCount)")
        lines.append("  类别        \(categories.count)")
        for category in categories {
            lines.append("    第 \(category.row) 行：\(category.text)（\(category.items) 个事项）")
        }
        for row in preamble {
            let use = row.use == "title" ? "标题" : "表头以上"
            lines.append("  第 \(row.row) 行：\(use)：\(row.cells)")
        }
        if !repeatedHeaders.isEmpty {
            lines.append("  重复的表头行已跳过：第 " + repeatedHeaders.map(String.init).joined(separator: "、") + " 行")
        }
        lines.append("  未导入      \(unmapped.count)")
        for row in unmapped { lines.append("    \(row)") }
        if !warnings.isEmpty {
            lines.append("  警告        \(warnings.count)")
            for warning in warnings { lines.append("    \(warning)") }
        }
        for note in notes { lines.append("  说明：\(note)") }
        lines.append(written ? "已写入 \(output)" : "试运行，未写入：\(output)")
        return lines
    }
}
