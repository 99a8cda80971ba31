/// What is wrong with the zip container of a workbook, or with one of its entries as a
/// whole: the causes of ``ImportError/malformedWorkbook(file:part:problem:)``.
public enum ArchiveProblem: Sendable, Equatable, CustomStringConvertible {
    /// The file is not a zip archive (no end-of-directory record, or one that points nowhere).
    case notZip
    /// The archive ends before the data its directory describes.
    case truncated
    /// A zip spread over several files.
    case multiDisk
    /// The entry is encrypted.
    case encrypted
    /// The entry uses a compression method other than stored (0) or deflate (8).
    case unsupportedCompression(method: Int)
    /// The deflate data of the entry is damaged.
    case corruptData
    /// The entry's bytes do not have the CRC-32 the directory records.
    case checksumMismatch(expected: UInt32, actual: UInt32)
    /// The entry inflates to another size than the directory records.
    case sizeMismatch(declared: Int, actual: Int)
    /// Two entries have the same name.
    case duplicateEntry
    /// A part the workbook needs is not in the archive.
    case missingPart
    /// The workbook lists no sheet.
    case noSheets
    /// The file cannot be read.
    case unreadable(String)

    /// The problem in words.
    public var description: String {
        switch self {
        case .notZip: return "不是 zip 压缩包（.xlsx 文件应是 zip 格式）"
        case .truncated: return "压缩包在其目录所述的数据之前就结束了，文件被截断"
        case .multiDisk: return "是分卷压缩包，不支持"
        case .encrypted: return "条目已加密；请在 Excel 或 WPS 中取消密码后另存为 .xlsx"
        case .unsupportedCompression(let method): return "使用了不支持的压缩方法 \(method)（只支持存储与 deflate）"
        case .corruptData: return "压缩数据已损坏，无法解压"
        case .checksumMismatch(let expected, let actual):
            return "CRC-32 校验失败（目录记录 \(Self.hex(expected))，实际 \(Self.hex(actual))），内容已损坏"
        case .sizeMismatch(let declared, let actual):
            return "解压后大小与目录记录不符（记录 \(declared) 字节，实际至少 \(actual) 字节）"
        case .duplicateEntry: return "压缩包中有两个同名条目"
        case .missingPart: return "缺少该部件"
        case .noSheets: return "工作簿中没有工作表"
        case .unreadable(let reason): return "无法读取（\(reason)）"
        }
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return "0x" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }
}

extension ArchiveProblem: Error {}

/// A position in an XML part: the line and the column (counted in bytes, from 1) and the
/// byte offset from the start of the inflated part (from 0).
public struct PartPosition: Sendable, Equatable, CustomStringConvertible {
    /// Line number, from 1.
    public var line: Int
    /// Byte column in the line, from 1.
    public var column: Int
    /// Byte offset in the part, from 0.
    public var offset: Int

    /// Creates a position.
    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// `第 2 行第 1830 列（字节 1868）`.
    public var description: String { "第 \(line) 行第 \(column) 列（字节 \(offset)）" }
}

/// What is wrong in an XML part of a workbook: not well-formed XML 1.0, or not the
/// SpreadsheetML a worksheet, the shared strings or the workbook should hold. The cause of
/// ``ImportError/malformedPart(file:part:position:problem:)``.
public enum PartProblem: Sendable, Equatable, CustomStringConvertible {
    /// The part ends inside an element (a sheet cut off mid-row) or before any element.
    case unexpectedEnd(open: String?, openedAt: PartPosition?)
    /// An end tag that does not close the element open at that point.
    case mismatchedEndTag(expected: String, found: String, openedAt: PartPosition)
    /// An end tag with no element open.
    case strayEndTag(String)
    /// A document type declaration: the way entity bombs (“billion laughs”) are declared.
    case doctype
    /// A reference to an entity XML does not predefine (`&nbsp;`).
    case undefinedEntity(String)
    /// A reference that is not `&name;`, `&#123;` or `&#x1F;`, or names no XML character.
    case malformedReference(String)
    /// A character XML does not allow in a document (a control character).
    case forbiddenCharacter(UInt32)
    /// Bytes that are not UTF-8.
    case invalidUTF8
    /// A tag, comment or declaration that is not written as XML requires.
    case malformedMarkup(String)
    /// An attribute given twice in one tag.
    case duplicateAttribute(String)
    /// Text outside the root element.
    case textOutsideRoot
    /// A second root element.
    case secondRoot(String)
    /// Elements nested deeper than any SpreadsheetML part does.
    case nestingTooDeep(Int)
    /// An encoding other than UTF-8.
    case unsupportedEncoding(String)
    /// A cell or row reference that is not `B3` / a row number.
    case badReference(String)
    /// A `<c>` cell outside any `<row>`.
    case cellOutsideRow
    /// A row numbered at or before the row before it.
    case rowOutOfOrder(row: Int, previous: Int)
    /// A cell repeated or written before a cell to its left.
    case cellOutOfOrder(String)
    /// A cell whose reference names another row than the row it is in.
    case cellInOtherRow(reference: String, row: Int)
    /// A shared-string cell whose index is not in the shared-string table.
    case missingSharedString(index: String, count: Int)
    /// A numeric attribute that is not a number.
    case badNumber(attribute: String, value: String)
    /// An element where SpreadsheetML does not allow it (a row inside a row).
    case unexpectedElement(String)

    /// The problem in words.
    public var description: String {
        switch self {
        case .unexpectedEnd(let open?, let openedAt?):
            return "部件在 <\(open)>（\(openedAt)打开）内意外结束，文件可能被截断"
        case .unexpectedEnd:
            return "部件意外结束，没有任何 XML 元素"
        case .mismatchedEndTag(let expected, let found, let openedAt):
            return "结束标签 </\(found)> 与\(openedAt)打开的 <\(expected)> 不匹配"
        case .strayEndTag(let name): return "多余的结束标签 </\(name)>"
        case .doctype:
            return "含有 DOCTYPE/ENTITY 声明（可用来构造“十亿笑”实体炸弹），Excel 和 WPS 不会写出这样的内容，拒绝读取"
        case .undefinedEntity(let name): return "引用了未定义的实体 &\(name);（XML 只预定义 &amp; &lt; &gt; &quot; &apos;）"
        case .malformedReference(let text): return "实体或字符引用 \(text) 写法错误"
        case .forbiddenCharacter(let value):
            return "含有 XML 不允许的字符 U+\(String(value, radix: 16, uppercase: true))"
        case .invalidUTF8: return "含有不是 UTF-8 的字节"
        case .malformedMarkup(let detail): return "XML 标记写法错误：\(detail)"
        case .duplicateAttribute(let name): return "同一标签中属性 \(name) 出现了两次"
        case .textOutsideRoot: return "根元素之外有文字"
        case .secondRoot(let name): return "根元素之后又出现元素 <\(name)>"
        case .nestingTooDeep(let depth): return "元素嵌套超过 \(depth) 层"
        case .unsupportedEncoding(let name): return "编码 \(name) 不受支持（只支持 UTF-8）"
        case .badReference(let text): return "单元格或行引用 “\(text)” 无效"
        case .cellOutsideRow: return "单元格 <c> 不在任何行 <row> 之内"
        case .rowOutOfOrder(let row, let previous): return "第 \(row) 行出现在第 \(previous) 行之后（行号必须递增）"
        case .cellOutOfOrder(let reference): return "单元格 \(reference) 重复，或写在其左侧单元格之前"
        case .cellInOtherRow(let reference, let row): return "单元格 \(reference) 写在第 \(row) 行之内"
        case .missingSharedString(let index, let count): return "共享字符串序号 \(index) 不存在（共 \(count) 个）"
        case .badNumber(let attribute, let value): return "属性 \(attribute)=“\(value)” 不是有效的数"
        case .unexpectedElement(let name): return "元素 <\(name)> 不应出现在这里"
        }
    }
}
