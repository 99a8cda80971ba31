import Foundation

/// Writes CSV files that Excel and WPS open with Chinese intact: RFC 4180 (comma
/// separated, fields quoted with `"` when they hold a comma, quote, tab or line break, a
/// quote doubled inside), CRLF at the end of every record, UTF-8 with a byte-order mark
/// (without it Chinese Excel reads the file as GBK). Records are padded with empty fields
/// to the widest record, so every line has the same number of fields.
///
/// Text is cleaned as in ``WorkbookWriter``: characters XML 1.0 forbids are removed, line
/// breaks inside a cell become `\n`.
///
/// **Formula injection.** A spreadsheet opening a CSV file runs a cell beginning with `=`,
/// `+`, `-` or `@` (or a tab or carriage return before one) as a formula, so text such as
/// `=HYPERLINK("http://…")` taken from a department's table could act when the bureau
/// opens the file. Such a cell is written with a leading apostrophe (`'=HYPERLINK(…)`):
/// Excel and WPS then show it as text, the apostrophe visible, and the content is kept
/// whole for anyone who reads the file. A plain number (`-3`, `+1.5`) is not a formula
/// and is left as it is. The `.xlsx` writer needs no such guard: its cells are typed text.
public enum CSVWriter {
    /// The UTF-8 byte-order mark that starts every file written.
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Writes `headers` (none when empty) and `rows` to `path` with a byte-order mark,
    /// replacing any file there; never leaves a half-written file.
    public static func write(headers: [String], rows: [[String]], to path: String) throws(WorkbookWriteError) {
        let bytes = data(headers: headers, rows: rows)
        try AtomicFile.write(to: path) { temporary in
            try bytes.write(to: temporary)
        }
    }

    /// The bytes of the file: the byte-order mark, then ``text(headers:rows:)`` in UTF-8.
    public static func data(headers: [String], rows: [[String]]) -> Data {
        Data(byteOrderMark) + Data(text(headers: headers, rows: rows).utf8)
    }

    /// The CSV text (without the byte-order mark): one CRLF-terminated record per row,
    /// the headers first when there are any.
    public static func text(headers: [String], rows: [[String]]) -> String {
        let records = headers.isEmpty ? rows : [headers] + rows
        let width = records.map(\.count).max() ?? 0
        var text = ""
        for record in records {
            let fields = record.map(field) + Array(repeating: "", count: width - record.count)
            text += fields.joined(separator: ",") + "\r\n"
        }
        return text
    }

    /// One cell as a CSV field: cleaned, neutralised, quoted when needed.
    public static func field(_ cell: String) -> String {
        let text = neutralised(WorkbookText.cleaned(cell))
        let needsQuotes = text.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `text` with a leading apostrophe when a spreadsheet would run it as a formula: it
    /// begins with `=`, `+`, `-`, `@`, a tab or a carriage return, and is not a plain
    /// number.
    public static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, formulaStarts.contains(first), !isPlainNumber(text) else {
            return text
        }
        return "'" + text
    }

    private static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// Whether `text` is a sign, digits and at most one decimal point with digits after it.
    static func isPlainNumber(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars
        if let sign = scalars.first, sign == "+" || sign == "-" { scalars = scalars.dropFirst() }
        let parts = scalars.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.count <= 2 else { return false }
        return parts.allSatisfy { part in !part.isEmpty && part.allSatisfy { ("0"..."9").contains($0) } }
    }
}
