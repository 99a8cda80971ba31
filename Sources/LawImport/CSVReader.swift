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
    /// Creates a reader.
    public init() {}

    /// Reads the file at `path`.
    public func read(path: String) throws(ImportError) -> SourceTable {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ImportError.unreadable(file: path, reason: Self.reason(error))
        }
        return try read(data: data, file: path)
    }

    /// Reads CSV bytes; `file` names them in errors.
    public func read(data: Data, file: String) throws(ImportError) -> SourceTable {
        let text = try Self.decode(data, file: file)
        return try parse(text, file: file)
    }

    /// Parses decoded CSV text into rows; entirely empty records are left out.
    public func parse(_ text: String, file: String) throws(ImportError) -> SourceTable {
        let delimiter = Self.delimiter(of: text)
        var rows: [SourceRow] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var inQuotes = false
        var quotedStartRow = 0
        var record = 1
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil

        func endField() {
            fields.append(CellText.clean(String(field)))
            field = String.UnicodeScalarView()
        }
        func endRecord() {
            endField()
            let row = SourceRow(number: record, cells: fields)
            if !row.isEmpty { rows.append(row) }
            fields = []
            record += 1
        }

        while let scalar = pending ?? scalars.next() {
            pending = nil
            if inQuotes {
                if scalar == "\"" {
                    let next = scalars.next()
                    if next == "\"" {
                        field.append("\"")
                    } else {
                        inQuotes = false
                        pending = next
                    }
                } else {
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty || CellText.trim(String(field)).isEmpty:
                field = String.UnicodeScalarView()
                inQuotes = true
                quotedStartRow = record
            case delimiter:
                endField()
            case "\r":
                let next = scalars.next()
                if next != "\n" { pending = next }
                endRecord()
            case "\n":
                endRecord()
            default:
                field.append(scalar)
            }
        }
        if inQuotes { throw ImportError.unterminatedQuote(file: file, row: quotedStartRow) }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        return SourceTable(file: file, rows: rows)
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
