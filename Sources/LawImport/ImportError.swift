/// Why an import failed, in words that name the file (and the row, where there is one)
/// and say what to do about it.
public enum ImportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The input file does not exist or cannot be read.
    case unreadable(file: String, reason: String)
    /// The file is neither `.csv` nor `.xlsx` (old `.xls` and `.et` included).
    case unsupportedFormat(file: String)
    /// The CSV bytes are neither UTF-8 nor GB18030/GBK.
    case undecodableText(file: String)
    /// A quoted CSV field is never closed: the record `row` whose quote opens on `line`.
    case unterminatedQuote(file: String, row: Int, line: Int)
    /// The `.xlsx` file is not a readable workbook: its zip container or one of its parts
    /// (`zip` for the container itself) is damaged or missing.
    case malformedWorkbook(file: String, part: String, problem: ArchiveProblem)
    /// An XML part of the workbook is not well-formed XML, or not the SpreadsheetML it
    /// should be, at `position`.
    case malformedPart(file: String, part: String, position: PartPosition, problem: PartProblem)
    /// The file goes beyond one of the import's bounds (``ImportLimits``): `found` is the
    /// value reached when reading stopped, `maximum` the bound.
    case limitExceeded(file: String, part: String?, row: Int?, limit: ImportLimit, found: Int, maximum: Int)
    /// `--sheet` names a sheet the workbook does not have.
    case sheetNotFound(file: String, sheet: String, available: [String])
    /// No row in the first rows of the table looks like a header row.
    case noHeaderRow(file: String, rowsSearched: Int)
    /// The header row has no column that can serve as the item name.
    case noNameColumn(file: String, row: Int, headers: [String])
    /// No row of the table became an item.
    case noItems(file: String)
    /// `departments.yaml` is missing or malformed.
    case departments(file: String, reason: String)
    /// `--department` names no department of `departments.yaml`.
    case unknownDepartment(name: String, known: [String])
    /// `--kind` names no kind of list.
    case unknownKind(name: String, known: [String])
    /// A date option is not a real `YYYY-MM-DD` date.
    case invalidDate(option: String, value: String)
    /// `--status` is neither sample nor official.
    case invalidStatus(value: String)
    /// The output file exists and `--force` was not given.
    case outputExists(path: String)
    /// The output file could not be written.
    case unwritable(path: String, reason: String)

    /// `file:row: message`, or `file: message`, as editors and terminals recognise.
    public var description: String {
        switch self {
        case let .unreadable(file, reason):
            return "\(file): cannot be read (\(reason))"
        case let .unsupportedFormat(file):
            return "\(file): not a .csv or .xlsx file; save the table from Excel or WPS as "
                + "“Excel 工作簿 (*.xlsx)” or “CSV UTF-8 (逗号分隔) (*.csv)”"
        case let .undecodableText(file):
            return "\(file): the text is neither UTF-8 nor GB18030/GBK; save it again as "
                + "“CSV UTF-8 (逗号分隔) (*.csv)”"
        case let .unterminatedQuote(file, row, line):
            return "\(file):\(line): 第 \(row) 行的引号字段（\"…）没有闭合，文件可能被截断；请检查该行的引号"
        case let .malformedWorkbook(file, part, problem):
            let place = part == "zip" ? "" : "（部件 \(part)）"
            return "\(file)\(place)：不是可读的 .xlsx 工作簿：\(problem)；未导入任何行"
        case let .malformedPart(file, part, position, problem):
            return "\(file)（部件 \(part)，\(position)）：\(problem)；未导入任何行"
        case let .limitExceeded(file, part, row, limit, found, maximum):
            let place: String
            switch (part, row) {
            case let (part?, row?): place = "（部件 \(part)，第 \(row) 行）："
            case let (part?, nil): place = "（部件 \(part)）："
            case let (nil, row?): place = ":\(row): "
            case (nil, nil): place = "："
            }
            return "\(file)\(place)\(limit)超出上限 \(maximum)（已读到 \(found)）；未导入任何行。"
                + "如确需导入这样大的表格，可用 --limit \(limit.rawValue)=更大的值 提高上限"
        case let .sheetNotFound(file, sheet, available):
            return "\(file): no sheet named '\(sheet)'; the workbook has: \(available.joined(separator: ", "))"
        case let .noHeaderRow(file, rowsSearched):
            return "\(file): no header row in the first \(rowsSearched) rows; expected column names such as "
                + "序号, 事项名称, 违法行为, 法律依据, 不予处罚的情形, 处理方式, 裁量阶次, 处罚标准"
        case let .noNameColumn(file, row, headers):
            return "\(file):\(row): no column for the item name among \(headers.joined(separator: ", ")); "
                + "expected 事项名称, 违法行为名称, 违法行为, 证明名称, 监管事项, 决定类型 or 情形"
        case let .noItems(file):
            return "\(file): no row could be read as an item"
        case let .departments(file, reason):
            return "\(file): \(reason)"
        case let .unknownDepartment(name, known):
            return "unknown department '\(name)'; departments.yaml knows: \(known.joined(separator: ", "))"
        case let .unknownKind(name, known):
            return "unknown list kind '\(name)'; kinds: \(known.joined(separator: ", "))"
        case let .invalidDate(option, value):
            return "--\(option) must be a date written YYYY-MM-DD, not '\(value)'"
        case let .invalidStatus(value):
            return "--status must be sample or official, not '\(value)'"
        case let .outputExists(path):
            return "\(path) already exists; pass --force to replace it, or --output to write elsewhere"
        case let .unwritable(path, reason):
            return "\(path): cannot be written (\(reason))"
        }
    }
}
