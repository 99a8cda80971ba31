import LawCorpus
import LawImport

/// Writes a month's 工作任务推进表 (the plan's 附件3) as a file the bureau opens in Excel or WPS:
/// `.xlsx` with a sheet of every row and a sheet per department, or `.csv` with one table.
enum ProgressTableExport {
    /// The kinds of file, told by the name's extension.
    enum Format: String, CaseIterable {
        case xlsx, csv
    }

    /// The format of `path` by its extension (`.xlsx`, `.csv`, any case); `nil` for others.
    static func format(of path: String) -> Format? {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        return Format(rawValue: path[path.index(after: dot)...].lowercased())
    }

    /// Writes `table` to `path` in `format`; the file is replaced whole or not at all.
    static func write(_ table: ProgressTable, to path: String, as format: Format) throws(WorkbookWriteError) {
        switch format {
        case .csv:
            try CSVWriter.write(headers: table.headers, rows: table.rows, to: path)
        case .xlsx:
            try WorkbookWriter.write(workbook(table), to: path)
        }
    }

    /// The workbook: `全部` first, then one sheet per department in the table's order.
    static func workbook(_ table: ProgressTable) -> WorkbookContent {
        let widths: [Double?] = [24, 48, 12, 12, 12, 48]
        var departments: [String] = []
        var rows: [String: [[String]]] = [:]
        for row in table.rows {
            let department = row.first ?? ""
            if rows[department] == nil { departments.append(department) }
            rows[department, default: []].append(row)
        }
        let all = SheetContent(name: "全部", headers: table.headers, rows: table.rows, columnWidths: widths)
        let each = departments.map { department in
            SheetContent(name: department, headers: table.headers, rows: rows[department] ?? [], columnWidths: widths)
        }
        return WorkbookContent(sheets: [all] + each, title: title(table))
    }

    /// `2022年11月工作任务推进表`.
    static func title(_ table: ProgressTable) -> String {
        "\(table.month.year)年\(table.month.month)月工作任务推进表"
    }
}
