import Foundation

/// One bound an import enforces, so that no file, however made, can make the importer
/// run out of memory or time: each has a name for messages and a key for `--limit`.
public enum ImportLimit: String, CaseIterable, Sendable, Equatable, CustomStringConvertible {
    /// Bytes of one zip part once inflated, or of one CSV file.
    case partBytes = "part-bytes"
    /// Bytes inflated from all the parts of one workbook together.
    case totalBytes = "total-bytes"
    /// Inflated bytes per compressed byte of a part (a zip bomb inflates a thousandfold).
    case compressionRatio = "compression-ratio"
    /// Entries in the zip directory of a workbook.
    case zipEntries = "zip-entries"
    /// The largest row number (Excel's last row is 1,048,576; in CSV, the record number).
    case rows
    /// The number of columns a row may reach (Excel's last column, XFD, is the 16,384th).
    case columns
    /// Cells kept over the whole table, each row counted from column A to its last filled cell.
    case cells
    /// Bytes of one cell's text, or of one XML tag, comment or CDATA section.
    case cellBytes = "cell-bytes"
    /// Merged ranges declared by a sheet.
    case merges
    /// Cells covered by all merged ranges together.
    case mergedCells = "merged-cells"
    /// Strings in the shared-string table.
    case sharedStrings = "shared-strings"

    /// The limit's name in messages.
    public var description: String {
        switch self {
        case .partBytes: return "单个部件（或 CSV 文件）解压后的字节数"
        case .totalBytes: return "工作簿解压后的总字节数"
        case .compressionRatio: return "解压后与压缩后的大小之比"
        case .zipEntries: return "压缩包中的条目数"
        case .rows: return "行号"
        case .columns: return "列数（Excel 最多到 XFD 列，即第 16384 列）"
        case .cells: return "单元格总数（每行从 A 列数到最后一个非空单元格）"
        case .cellBytes: return "单个单元格文本或 XML 标记的字节数"
        case .merges: return "合并区域个数"
        case .mergedCells: return "合并区域覆盖的单元格总数"
        case .sharedStrings: return "共享字符串个数"
        }
    }
}

/// The bounds of an import. The defaults take any table Excel or WPS can save at an
/// ordinary size (up to Excel's 1,048,576 rows and 16,384 columns, parts up to 256 MiB)
/// and refuse files that would need more memory or time than such a table; a larger
/// table can be imported by raising the bound its error message names.
public struct ImportLimits: Sendable, Equatable {
    /// Bytes of one part once inflated (256 MiB), or of one CSV file.
    public var partBytes: Int
    /// Bytes inflated from all the parts of one workbook together (512 MiB).
    public var totalBytes: Int
    /// Inflated bytes per compressed byte of a part larger than ``ratioFloorBytes`` (200).
    /// Spreadsheet XML deflates about tenfold; a zip bomb a thousandfold.
    public var compressionRatio: Int
    /// Entries in the zip directory (10,000; a workbook has a few dozen).
    public var zipEntries: Int
    /// The largest row number (1,048,576, Excel's last row).
    public var rows: Int
    /// The number of columns (16,384: column XFD, Excel's last).
    public var columns: Int
    /// Cells kept over the table, each row counted from A to its last filled cell (20,000,000).
    public var cells: Int
    /// Bytes of one cell's text or of one XML tag (1 MiB; Excel holds 32,767 characters in a cell).
    public var cellBytes: Int
    /// Merged ranges of a sheet (1,000,000).
    public var merges: Int
    /// Cells covered by all merged ranges together (20,000,000).
    public var mergedCells: Int
    /// Strings in the shared-string table (5,000,000).
    public var sharedStrings: Int

    /// Parts smaller than this once inflated are never refused for their compression ratio.
    public static let ratioFloorBytes = 1 << 20

    /// The default bounds.
    public static let standard = ImportLimits(
        partBytes: 256 << 20, totalBytes: 512 << 20, compressionRatio: 200, zipEntries: 10_000,
        rows: 1_048_576, columns: 16_384, cells: 20_000_000, cellBytes: 1 << 20, merges: 1_000_000,
        mergedCells: 20_000_000, sharedStrings: 5_000_000)

    /// Creates bounds; every value must be at least 1.
    public init(
        partBytes: Int, totalBytes: Int, compressionRatio: Int, zipEntries: Int, rows: Int,
        columns: Int, cells: Int, cellBytes: Int, merges: Int, mergedCells: Int, sharedStrings: Int
    ) {
        self.partBytes = partBytes
        self.totalBytes = totalBytes
        self.compressionRatio = compressionRatio
        self.zipEntries = zipEntries
        self.rows = rows
        self.columns = columns
        self.cells = cells
        self.cellBytes = cellBytes
        self.merges = merges
        self.mergedCells = mergedCells
        self.sharedStrings = sharedStrings
    }

    /// The bound of `limit`.
    public subscript(limit: ImportLimit) -> Int {
        get {
            switch limit {
            case .partBytes: return partBytes
            case .totalBytes: return totalBytes
            case .compressionRatio: return compressionRatio
            case .zipEntries: return zipEntries
            case .rows: return rows
            case .columns: return columns
            case .cells: return cells
            case .cellBytes: return cellBytes
            case .merges: return merges
            case .mergedCells: return mergedCells
            case .sharedStrings: return sharedStrings
            }
        }
        set {
            let value = max(1, newValue)
            switch limit {
            case .partBytes: partBytes = value
            case .totalBytes: totalBytes = value
            case .compressionRatio: compressionRatio = value
            case .zipEntries: zipEntries = value
            case .rows: rows = value
            case .columns: columns = value
            case .cells: cells = value
            case .cellBytes: cellBytes = value
            case .merges: merges = value
            case .mergedCells: mergedCells = value
            case .sharedStrings: sharedStrings = value
            }
        }
    }

    /// Throws ``ImportError/limitExceeded(file:part:row:limit:found:maximum:)`` when `found`
    /// is beyond the bound of `limit`.
    func check(
        _ limit: ImportLimit, _ found: Int, file: String, part: String? = nil,
        row: Int? = nil
    ) throws(ImportError) {
        let maximum = self[limit]
        if found > maximum {
            throw ImportError.limitExceeded(
                file: file, part: part, row: row, limit: limit, found: found,
                maximum: maximum)
        }
    }

    /// Applies a `--limit` setting: `rows=2000000`, `part-bytes=512MiB`, `cells=5e7` is not
    /// accepted (whole numbers only, with an optional KiB/MiB/GiB suffix). Returns the
    /// limit changed, or `nil` when the setting is not understood.
    @discardableResult
    public mutating func apply(_ setting: String) -> ImportLimit? {
        let parts = setting.split(separator: "=", maxSplits: 1).map { String($0).trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let limit = ImportLimit(rawValue: parts[0].lowercased()),
            let value = Self.number(parts[1]), value >= 1
        else { return nil }
        self[limit] = value
        return limit
    }

    /// `4096`, `64KiB`, `256MiB`, `1GiB` (also `K`, `M`, `G`, `KB`, `MB`, `GB` as binary units).
    static func number(_ text: String) -> Int? {
        let units: [(String, Int)] = [
            ("kib", 1 << 10), ("mib", 1 << 20), ("gib", 1 << 30), ("kb", 1 << 10),
            ("mb", 1 << 20), ("gb", 1 << 30), ("k", 1 << 10), ("m", 1 << 20),
            ("g", 1 << 30),
        ]
        let lower = text.lowercased().replacingOccurrences(of: "_", with: "").replacingOccurrences(of: ",", with: "")
        var digits = Substring(lower)
        var factor = 1
        if let unit = units.first(where: { lower.hasSuffix($0.0) }) {
            digits = digits.dropLast(unit.0.count)
            factor = unit.1
        }
        guard !digits.isEmpty, digits.count <= 18, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
            let value = Int(digits)
        else { return nil }
        let (product, overflow) = value.multipliedReportingOverflow(by: factor)
        return overflow ? nil : product
    }
}
