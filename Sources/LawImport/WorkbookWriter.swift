import Foundation
import ZIPFoundation

/// Writes Excel `.xlsx` workbooks (Office Open XML) that Excel and WPS open without
/// complaint: sheets of text cells with a bold, frozen header row, column widths, borders
/// and wrapped text, set up to print landscape on A4, one page wide.
///
/// Text is stored in a shared-string table as written, Chinese included, with these
/// changes only (the CSV writer makes the same): characters XML 1.0 forbids (C0 controls
/// other than tab and line breaks, U+FFFE, U+FFFF) are removed, and `\r\n` or `\r` become
/// `\n`. Every cell is a string cell, so text beginning with `=` is shown as written and
/// never run as a formula. Sheet names are made valid with ``SheetNames/valid(_:)``.
///
/// Everything is checked against Excel's bounds before a byte is written, and the file is
/// written to a temporary file and renamed into place: it is never left half-written.
public enum WorkbookWriter {
    /// Writes `workbook` to `path`, replacing any file there.
    public static func write(_ workbook: WorkbookContent, to path: String) throws(WorkbookWriteError) {
        try write(workbook, to: path, created: Date())
    }

    /// Writes `workbook` to `path`, recording `created` as its creation time.
    public static func write(_ workbook: WorkbookContent, to path: String, created: Date) throws(WorkbookWriteError) {
        var parts = try WorkbookParts(workbook, file: path, created: created)
        let texts = parts.parts()
        try AtomicFile.write(to: path) { temporary in
            try writeArchive(texts, to: temporary, modified: created)
        }
    }

    /// The sheet names `workbook` is written with, in order (see ``SheetNames/valid(_:)``).
    public static func sheetNames(of workbook: WorkbookContent) -> [String] {
        SheetNames.valid(workbook.sheets.map(\.name))
    }

    /// Writes `parts` as a deflated zip archive at `url`. The archive is closed before this
    /// returns, so its bytes are all in the file.
    private static func writeArchive(_ parts: [(name: String, text: String)], to url: URL, modified: Date) throws {
        let archive = try Archive(url: url, accessMode: .create)
        for part in parts {
            let data = Data(part.text.utf8)
            try archive.addEntry(
                with: part.name, type: .file, uncompressedSize: Int64(data.count), modificationDate: modified,
                compressionMethod: .deflate
            ) { position, size in
                let start = Int(position)
                return data.subdata(in: start..<min(start + size, data.count))
            }
        }
    }
}
