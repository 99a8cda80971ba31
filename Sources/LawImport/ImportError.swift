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

    /// What a front end may offer to do about an error; the library names no option itself.
    public enum Remedy: Equatable, Sendable {
        /// Raise the limit that was exceeded.
        case raiseLimit(ImportLimit)
        /// Overwrite the existing file, or write elsewhere.
        case overwriteOrMove
        /// Point at the corpus folder that holds departments.yaml.
        case locateCorpus
    }

    /// What to do about this error, or `nil` when the message is all there is to say.
    public var remedy: Remedy? {
        switch self {
        case .limitExceeded(_, _, _, let limit, _, _): .raiseLimit(limit)
        case .outputExists: .overwriteOrMove
        case .departments(_, let reason) where reason == Self.departmentsNotFound: .locateCorpus
        default: nil
        }
    }

    /// The reason given when the corpus has no departments.yaml.
    public static let departmentsNotFound = "找不到部门名录 departments.yaml"

    /// `file:row: message`, or `file: message`, as editors and terminals recognise.
    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            return "\(file)：无法读取（\(reason)）"
        case .unsupportedFormat(let file):
            return "\(file)：不是 .csv 或 .xlsx 文件；请在 Excel 或 WPS 中另存为"
                + "“Excel 工作簿 (*.xlsx)”或“CSV UTF-8 (逗号分隔) (*.csv)”"
        case .undecodableText(let file):
            return "\(file)：文字编码既不是 UTF-8 也不是 GB18030/GBK；请另存为"
                + "“CSV UTF-8 (逗号分隔) (*.csv)”"
        case .unterminatedQuote(let file, let row, let line):
            return "\(file):\(line): 第 \(row) 行的引号字段（\"…）没有闭合，文件可能被截断；请检查该行的引号"
        case .malformedWorkbook(let file, let part, let problem):
            let place = part == "zip" ? "" : "（部件 \(part)）"
            return "\(file)\(place)：不是可读的 .xlsx 工作簿：\(problem)；未导入任何行"
        case .malformedPart(let file, let part, let position, let problem):
            return "\(file)（部件 \(part)，\(position)）：\(problem)；未导入任何行"
        case .limitExceeded(let file, let part, let row, let limit, let found, let maximum):
            let place: String
            switch (part, row) {
            case (let part?, let row?): place = "（部件 \(part)，第 \(row) 行）："
            case (let part?, nil): place = "（部件 \(part)）："
            case (nil, let row?): place = ":\(row): "
            case (nil, nil): place = "："
            }
            return "\(file)\(place)\(limit)超出上限 \(maximum)（已读到 \(found)）；未导入任何行"
        case .sheetNotFound(let file, let sheet, let available):
            return "\(file)：没有名为“\(sheet)”的工作表；工作簿中有：\(available.joined(separator: "、"))"
        case .noHeaderRow(let file, let rowsSearched):
            return "\(file)：前 \(rowsSearched) 行中没有表头行；应有“序号、事项名称、违法行为、法律依据、"
                + "不予处罚的情形、处理方式、裁量阶次、处罚标准”这样的列名"
        case .noNameColumn(let file, let row, let headers):
            return "\(file):\(row): 表头（\(headers.joined(separator: "、"))）中没有事项名称列；"
                + "应为事项名称、违法行为名称、违法行为、证明名称、监管事项、决定类型或情形之一"
        case .noItems(let file):
            return "\(file)：没有一行能读作清单事项"
        case .departments(let file, let reason):
            return "\(file)：\(reason)"
        case .unknownDepartment(let name, let known):
            return "没有名为“\(name)”的部门" + Self.closest(name, among: known)
        case .unknownKind(let name, let known):
            return "没有名为“\(name)”的清单种类" + Self.closest(name, among: known)
        case .invalidDate(let option, let value):
            return "\(option) 应为日期（如 2022-10-31 或 2022年10月31日），收到的是“\(value)”"
        case .invalidStatus(let value):
            return "清单状态应为 sample（示例）或 official（正式），收到的是“\(value)”"
        case .outputExists(let path):
            return "\(path) 已存在"
        case .unwritable(let path, let reason):
            return "\(path)：无法写入（\(reason)）"
        }
    }

    /// `；您是不是要找：…？` with the few known names closest to `name` (shared characters),
    /// or an empty string when none is close.
    static func closest(_ name: String, among known: [String]) -> String {
        let wanted = Set(name)
        let needed = min(wanted.count, 4)
        var scored: [(name: String, shared: Int)] = []
        for candidate in known {
            let shared = Set(candidate).intersection(wanted).count
            if shared > 0, shared * 2 >= needed { scored.append((candidate, shared)) }
        }
        scored.sort { $0.shared > $1.shared }
        let names: [String] = scored.prefix(5).map { $0.name }
        return names.isEmpty ? "" : "；您是不是要找：" + names.joined(separator: "、") + "？"
    }
}
