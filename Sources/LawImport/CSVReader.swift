import Foundation

#if canImport(CoreFoundation)
    import CoreFoundation
#endif

/// Reads CSV files as Excel and WPS write them: RFC 4180 quoting (fields in `"…"`, `""`
/// for a quote, line breaks inside quotes), UTF-8 with or without a byte-order mark,
/// UTF-16 with a mark (Excel's “Unicode 文本”), or GB18030/GBK (the default of Chinese
/// Excel’s plain “CSV (逗号分隔)”). The delimiter is a comma, or a tab when the text
/// has more tabs than commas.
public struct CSVReader: Sendable {
    /// The bounds of the reading: file size (``ImportLimits/partBytes``), rows, fields per
    /// row, field size and cells.
    public let limits: ImportLimits

    /// Creates a reader within `limits`.
    public init(limits: ImportLimits = .standard) {
        self.limits = limits
    }

    /// Reads the file at `path`.
    public func read(path: String) throws(ImportError) -> SourceTable {
        let data: Data
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            if let size = (attributes[.size] as? NSNumber)?.intValue {
                try limits.check(.partBytes, size, file: path)
            }
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch let error as ImportError {
            throw error
        } catch {
            throw ImportError.unreadable(file: path, reason: Self.reason(error))
        }
        return try read(data: data, file: path)
    }

    /// Reads CSV bytes; `file` names them in errors.
    public func read(data: Data, file: String) throws(ImportError) -> SourceTable {
        try limits.check(.partBytes, data.count, file: file)
        let text = try Self.decode(data, file: file)
        return try parse(text, file: file)
    }

    /// Parses decoded CSV text into rows; entirely empty records are left out. A record
    /// counts as one row however many lines its quoted fields take.
    public func parse(_ text: String, file: String) throws(ImportError) -> SourceTable {
        var parser = CSVRecordParser(delimiter: Self.delimiter(of: text), file: file, limits: limits)
        for scalar in text.unicodeScalars { try parser.take(scalar) }
        return try parser.finish()
    }

    /// The text of `data`: UTF-8 (mark optional), UTF-16 with a mark, else GB18030.
    static func decode(_ data: Data, file: String) throws(ImportError) -> String {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard let text = String(validating: bytes.dropFirst(3), as: UTF8.self) else {
                throw ImportError.undecodableText(file: file)
            }
            return text
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            guard let text = String(data: data, encoding: .utf16) else { throw ImportError.undecodableText(file: file) }
            return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        if let text = String(data: data, encoding: gb18030) { return text }
        throw ImportError.undecodableText(file: file)
    }

    /// `String.Encoding` for GB 18030 (a superset of GBK and GB 2312).
    static let gb18030: String.Encoding = {
        #if canImport(CoreFoundation)
            let raw = CFStringConvertEncodingToNSStringEncoding(CFStringEncoding(CFStringEncodings.GB_18030_2000.rawValue))
            return String.Encoding(rawValue: UInt(raw))
        #else
            return String.Encoding(rawValue: 0x8000_0632)
        #endif
    }()

    /// A tab when the first lines hold more tabs than commas, else a comma.
    static func delimiter(of text: String) -> Unicode.Scalar {
        var commas = 0
        var tabs = 0
        var lines = 0
        for scalar in text.unicodeScalars {
            switch scalar {
            case ",": commas += 1
            case "\t": tabs += 1
            case "\n":
                lines += 1
                if lines >= 30 { return tabs > commas ? "\t" : "," }
            default: break
            }
        }
        return tabs > commas ? "\t" : ","
    }

    static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if nsError.domain == NSCocoaErrorDomain, nsError.code == NSFileReadNoSuchFileError { return "no such file" }
        return nsError.localizedDescription
    }
}

/// The state machine of ``CSVReader/parse(_:file:)``: one scalar at a time, fields and
/// records bounded by the limits, lines counted for messages.
private struct CSVRecordParser {
    let delimiter: Unicode.Scalar
    let file: String
    let limits: ImportLimits

    private var rows: [SourceRow] = []
    private var fields: [String] = []
    private var field = String.UnicodeScalarView()
    private var fieldBytes = 0
    /// Whether the field so far holds blanks only (a quote may then open it).
    private var fieldIsBlank = true
    private var inQuotes = false
    /// A quote inside quotes: the end of the field, or the first of a doubled `""`.
    private var quotePending = false
    private var lastWasCR = false
    private var quoteRecord = 0
    private var quoteLine = 0
    private var record = 1
    private var line = 1
    private var cells = 0

    init(delimiter: Unicode.Scalar, file: String, limits: ImportLimits) {
        self.delimiter = delimiter
        self.file = file
        self.limits = limits
    }

    mutating func take(_ scalar: Unicode.Scalar) throws(ImportError) {
        let afterCR = lastWasCR
        lastWasCR = scalar == "\r"
        if scalar == "\n" && !afterCR || scalar == "\r" { line += 1 }
        if quotePending {
            quotePending = false
            if scalar == "\"" {
                try append(scalar)
                return
            }
            inQuotes = false
        }
        if inQuotes {
            if scalar == "\"" { quotePending = true } else { try append(scalar) }
            return
        }
        switch scalar {
        case "\"" where fieldIsBlank:
            field = String.UnicodeScalarView()
            fieldBytes = 0
            inQuotes = true
            quoteRecord = record
            quoteLine = line
        case delimiter:
            try endField()
        case "\r":
            try endRecord()
        case "\n":
            if !afterCR { try endRecord() }
        default:
            try append(scalar)
        }
    }

    mutating func finish() throws(ImportError) -> SourceTable {
        if inQuotes && !quotePending {
            throw ImportError.unterminatedQuote(file: file, row: quoteRecord, line: quoteLine)
        }
        if !field.isEmpty || !fields.isEmpty || quotePending { try endRecord() }
        return SourceTable(file: file, rows: rows)
    }

    private mutating func append(_ scalar: Unicode.Scalar) throws(ImportError) {
        fieldBytes += UTF8.width(scalar)
        if fieldBytes > limits.cellBytes {
            throw ImportError.limitExceeded(
                file: file, part: nil, row: record, limit: .cellBytes, found: fieldBytes,
                maximum: limits.cellBytes)
        }
        if fieldIsBlank, !CellText.isBlankScalar(scalar) { fieldIsBlank = false }
        field.append(scalar)
    }

    private mutating func endField() throws(ImportError) {
        fields.append(CellText.clean(String(field)))
        field = String.UnicodeScalarView()
        fieldBytes = 0
        fieldIsBlank = true
        if fields.count > limits.columns {
            throw ImportError.limitExceeded(
                file: file, part: nil, row: record, limit: .columns, found: fields.count,
                maximum: limits.columns)
        }
    }

    private mutating func endRecord() throws(ImportError) {
        try endField()
        try limits.check(.rows, record, file: file, row: record)
        let row = SourceRow(number: record, cells: fields)
        if !row.isEmpty {
            cells += fields.count
            try limits.check(.cells, cells, file: file, row: record)
            rows.append(row)
        }
        fields.removeAll(keepingCapacity: true)
        record += 1
    }
}
