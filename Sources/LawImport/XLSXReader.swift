import Foundation

/// Reads a worksheet of an Excel `.xlsx` workbook (Office Open XML, as Excel and WPS save
/// it) directly from its zip parts: the workbook's sheet list and relationships, the shared
/// strings (plain and rich-text runs) and the sheet's cells and merged ranges.
///
/// Cells keep their line breaks; numbers are written as Excel shows them in General
/// format (`5000`, `0.5`); formulas give their cached value.
///
/// Parts are streamed as they inflate through a strict XML parser, so a sheet of a
/// million rows is read in memory proportional to its text, in time proportional to its
/// size; every bound of ``ImportLimits`` is checked as the bytes arrive. A damaged or
/// truncated workbook (bad CRC, cut-off XML, an unknown entity, a DOCTYPE) is an error,
/// never a partial table.
public struct XLSXReader: Sendable {
    /// The bounds of the reading.
    public let limits: ImportLimits

    /// Creates a reader within `limits`.
    public init(limits: ImportLimits = .standard) {
        self.limits = limits
    }

    /// The names of the workbook's sheets, in tab order.
    public func sheetNames(path: String) throws(ImportError) -> [String] {
        let workbook = try Workbook(source: ByteSource(path: path), file: path, limits: limits)
        return try workbook.sheets().map(\.name)
    }

    /// Reads the sheet called `sheet` (the first sheet when `nil`) of the workbook at `path`.
    public func read(path: String, sheet: String? = nil) throws(ImportError) -> SourceTable {
        try read(Workbook(source: ByteSource(path: path), file: path, limits: limits), sheet: sheet)
    }

    /// Reads the sheet called `sheet` (the first when `nil`) of the workbook in `data`;
    /// `file` names it in errors.
    public func read(data: Data, file: String, sheet: String? = nil) throws(ImportError) -> SourceTable {
        try read(Workbook(source: ByteSource(data: data), file: file, limits: limits), sheet: sheet)
    }

    private func read(_ workbook: Workbook, sheet: String?) throws(ImportError) -> SourceTable {
        let sheets = try workbook.sheets()
        let chosen: WorkbookSheet
        if let sheet {
            guard
                let found = sheets.first(where: { $0.name == sheet })
                    ?? sheets.first(where: { CellText.headerKey($0.name) == CellText.headerKey(sheet) })
            else {
                throw ImportError.sheetNotFound(file: workbook.file, sheet: sheet, available: sheets.map(\.name))
            }
            chosen = found
        } else {
            guard let first = sheets.first else {
                throw ImportError.malformedWorkbook(file: workbook.file, part: "xl/workbook.xml", problem: .noSheets)
            }
            chosen = first
        }
        let strings = try workbook.sharedStrings()
        let dateStyles = try workbook.dateStyles()
        let worksheet = WorksheetHandler(sharedStrings: strings, dateStyles: dateStyles, limits: workbook.limits)
        try workbook.parse(chosen.part, required: true, with: worksheet)
        return SourceTable(file: workbook.file, sheet: chosen.name, rows: worksheet.rows, merges: worksheet.merges)
    }
}

/// A sheet listed in `xl/workbook.xml`, with the zip part that holds it.
struct WorkbookSheet: Equatable {
    var name: String
    var part: String
}

/// The zip package of a workbook and the XML parts in it.
final class Workbook {
    let package: ZipPackage

    var file: String { package.file }
    var limits: ImportLimits { package.limits }

    init(source: ByteSource, file: String, limits: ImportLimits) throws(ImportError) {
        package = try ZipPackage(source: source, file: file, limits: limits)
    }

    /// Streams `part` through `handler`; `false` when an optional part is absent.
    @discardableResult
    func parse(_ part: String, required: Bool, with handler: some PartHandler) throws(ImportError) -> Bool {
        guard let entry = package.entry(part) else {
            if required { throw ImportError.malformedWorkbook(file: file, part: part, problem: .missingPart) }
            return false
        }
        let parser = XMLPullParser(names: type(of: handler).elementNames, maximumTokenBytes: limits.cellBytes)
        let drain = { () throws(ImportError) in
            do throws(PartError) {
                while let event = try parser.next() { try handler.handle(event, parser) }
            } catch {
                throw self.importError(error, part: entry.name, parser: parser)
            }
        }
        try package.stream(entry) { (chunk: Data) throws(ImportError) in
            parser.feed(chunk)
            try drain()
        }
        parser.finish()
        try drain()
        return true
    }

    private func importError(_ error: PartError, part: String, parser: XMLPullParser) -> ImportError {
        switch error {
        case .problem(let problem, let position):
            return .malformedPart(file: file, part: part, position: position ?? parser.position, problem: problem)
        case .limit(let limit, let found, let row):
            return .limitExceeded(file: file, part: part, row: row, limit: limit, found: found, maximum: limits[limit])
        }
    }

    /// The sheets in tab order; without a workbook part, the worksheets found in the zip.
    func sheets() throws(ImportError) -> [WorkbookSheet] {
        let listing = WorkbookHandler()
        guard try parse("xl/workbook.xml", required: false, with: listing) else {
            let parts = package.entries.map(\.name)
                .filter { $0.hasPrefix("xl/worksheets/") && $0.hasSuffix(".xml") }.sorted()
            return parts.map {
                WorkbookSheet(
                    name: ($0 as NSString).deletingPathExtension
                        .components(separatedBy: "/").last ?? $0, part: $0)
            }
        }
        let relationships = RelationshipsHandler()
        try parse("xl/_rels/workbook.xml.rels", required: false, with: relationships)
        return listing.sheets.enumerated().map { position, sheet in
            let target = sheet.relationship.flatMap { relationships.targets[$0] } ?? "worksheets/sheet\(position + 1).xml"
            return WorkbookSheet(name: sheet.name, part: Self.resolve(target))
        }
    }

    /// The shared strings, raw (Excel's `_xHHHH_` escapes decoded, blanks kept).
    func sharedStrings() throws(ImportError) -> [String] {
        let handler = SharedStringsHandler(limits: limits)
        try parse("xl/sharedStrings.xml", required: false, with: handler)
        return handler.strings
    }

    /// The indices of cell styles (`s="3"`) whose number format shows a date.
    func dateStyles() throws(ImportError) -> Set<Int> {
        let handler = StylesHandler()
        try parse("xl/styles.xml", required: false, with: handler)
        return handler.dateStyles
    }

    /// A relationship target made a zip path: relative to `xl/`, or absolute from the root.
    static func resolve(_ target: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = ["xl"]
        for component in target.split(separator: "/") {
            if component == ".." {
                if !parts.isEmpty { parts.removeLast() }
            } else if component != "." {
                parts.append(String(component))
            }
        }
        return parts.joined(separator: "/")
    }
}
