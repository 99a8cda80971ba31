import Foundation
import LawCorpus

/// Imports a department's published table (`.csv` or `.xlsx`) as a list version of the
/// corpus: validates the options, reads the table, finds its header, maps its columns,
/// assembles items, levels and categories, and writes the YAML file.
public struct ListImporter: Sendable {
    /// The options of the import.
    public let options: ImportOptions

    /// An importer for `options`.
    public init(options: ImportOptions) {
        self.options = options
    }

    /// Runs the import and reports what it did; with `dryRun`, writes nothing.
    public func run() throws(ImportError) -> ImportReport {
        let registry = try DepartmentsFile.registry(corpus: options.corpus)
        var report = try convert(registry: registry)
        if !options.dryRun {
            try write(report.yaml, to: report.output)
            report.written = true
        }
        return report
    }

    /// Everything but the writing: the list, its YAML text and the report, checking that
    /// the output may be written.
    public func convert(registry: DepartmentRegistry) throws(ImportError) -> ImportReport {
        guard let department = registry.resolve(options.department) else {
            throw ImportError.unknownDepartment(name: options.department, known: registry.departments.map(\.name))
        }
        guard let kind = ListKind.resolve(options.kind) else {
            throw ImportError.unknownKind(name: options.kind, known: ListKind.allCases.map(\.rawValue))
        }
        let version = try Self.date("version", options.version)!
        let published = try Self.date("published", options.published)
        let filed = try Self.date("filed", options.filed)
        let status: ListStatus
        switch options.status.lowercased() {
        case "official", "正式": status = .official
        case "sample", "示例": status = .sample
        default: throw ImportError.invalidStatus(value: options.status)
        }
        let output =
            options.output
            ?? Self.defaultOutput(
                corpus: options.corpus, department: department,
                kind: kind, version: version)
        if !options.force, FileManager.default.fileExists(atPath: output) {
            throw ImportError.outputExists(path: output)
        }

        let raw = try TableReader.read(path: options.input, sheet: options.sheet, limits: options.limits)
        let table = try raw.fillingVerticalMerges(limits: options.limits)
        let layout = try ColumnLayout.locate(in: table)
        let assembly = ListAssembler(layout: layout, idPrefix: "\(department.id.uppercased())-\(kind.idCode)")
            .assemble(table)
        guard !assembly.items.isEmpty else { throw ImportError.noItems(file: options.input) }

        let preamble = table.rows.filter { $0.number < (layout.headerRows.first ?? 0) }
        let titleRow = Self.titleRow(in: preamble)
        let title =
            options.title
            ?? titleRow.map { $0.cells.first { !$0.isEmpty }!.replacingOccurrences(of: "\n", with: "") }
            ?? "\(department.name)\(kind.rawValue)"
        var notes = layout.notes + assembly.notes
        if options.sheet != nil, raw.sheet == nil {
            notes.append("--sheet 被忽略：\((options.input as NSString).lastPathComponent) 只有一张表")
        }
        if kind.hasLevels, !layout.hasLevels {
            notes.append("这是\(kind.rawValue)，但表中没有裁量阶次列：事项都没有阶次")
        }
        let preambleRows = preamble.map { row in
            (
                row.number, row.number == titleRow?.number && options.title == nil ? "title" : "above the header",
                row.rawDescription()
            )
        }.map { PreambleRow(row: $0.0, use: $0.1, cells: $0.2) }
        let accounts =
            preamble.map { RowAccount(row: $0.number, kind: .aboveHeader) }
            + layout.headerRows.map { RowAccount(row: $0, kind: .header) } + assembly.accounts

        let list = ListVersion(
            file: output, department: department, kind: kind, title: title, version: version,
            published: published, filed: filed, publishedAt: options.publishedAt, status: status,
            isPublic: options.isPublic, note: options.note, items: assembly.items)
        let importDate = options.importDate ?? CalendarDate.todayInChina()
        let source = (options.input as NSString).lastPathComponent
        let sheet = raw.sheet.map { "，工作表“\($0)”" } ?? ""
        let provenance =
            "由 lawkb import 于 \(importDate) 导入自 \(source)\(sheet)（表头第 "
            + layout.headerRows.map(String.init).joined(separator: "、") + " 行）；请对照原表核对后提交。"
        let yaml = ListYAMLWriter().render(list, comments: [provenance])
        return ImportReport(
            input: options.input, sheet: raw.sheet, output: output, list: list, yaml: yaml, layout: layout,
            rowsRead: assembly.rowsRead, itemRows: assembly.itemRows, categories: assembly.categories,
            unmapped: assembly.unmapped, repeatedHeaders: assembly.repeatedHeaders, preamble: preambleRows,
            notes: notes, warnings: assembly.warnings, accounts: accounts, written: false)
    }

    /// The row above the header that gives the title: a row with a single text, preferably
    /// one naming a list (清单, 基准, 目录), never an attachment label (附件1, 附表).
    static func titleRow(in preamble: [SourceRow]) -> SourceRow? {
        let single = preamble.filter { row in
            let texts = Set(row.cells.filter { !$0.isEmpty })
            guard texts.count == 1, let text = texts.first else { return false }
            let key = CellText.headerKey(text)
            return !(key.hasPrefix("附件") || key.hasPrefix("附表")) || key.count > 6
        }
        return single.first { row in
            ["清单", "基准", "目录", "名录"].contains { word in
                row.cells.contains { $0.contains(word) }
            }
        } ?? single.first
    }

    /// `<corpus>/lists/<department id>/<kind>/<version>.yaml`.
    public static func defaultOutput(
        corpus: String, department: Department, kind: ListKind,
        version: CalendarDate
    ) -> String {
        [corpus, "lists", department.id, kind.rawValue, "\(version).yaml"]
            .reduce("") { $0.isEmpty ? $1 : ($0 as NSString).appendingPathComponent($1) }
    }

    static func date(_ option: String, _ text: String?) throws(ImportError) -> CalendarDate? {
        guard let text else { return nil }
        guard let date = WrittenDate.day(text) else {
            throw ImportError.invalidDate(option: option, value: text)
        }
        return date
    }

    private func write(_ yaml: String, to path: String) throws(ImportError) {
        let folder = (path as NSString).deletingLastPathComponent
        do {
            if !folder.isEmpty {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
            // The text's own UTF-8 bytes are written, not a copy of them (a list of 200,000
            // items is a hundred megabytes).
            var text = yaml
            try text.withUTF8 { bytes in
                guard let base = bytes.baseAddress else {
                    return try Data().write(to: URL(fileURLWithPath: path), options: .atomic)
                }
                try Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: bytes.count, deallocator: .none)
                    .write(to: URL(fileURLWithPath: path), options: .atomic)
            }
        } catch {
            throw ImportError.unwritable(path: path, reason: CSVReader.reason(error))
        }
    }
}

/// Reads a table by its file extension.
public enum TableReader {
    /// The table in `path`: `.csv`/`.tsv`/`.txt` through ``CSVReader``, `.xlsx`/`.xlsm`
    /// through ``XLSXReader`` (worksheet `sheet`, or the first).
    public static func read(
        path: String, sheet: String? = nil,
        limits: ImportLimits = .standard
    ) throws(ImportError) -> SourceTable {
        switch (path as NSString).pathExtension.lowercased() {
        case "csv", "tsv", "txt":
            return try CSVReader(limits: limits).read(path: path)
        case "xlsx", "xlsm":
            return try XLSXReader(limits: limits).read(path: path, sheet: sheet)
        default:
            throw ImportError.unsupportedFormat(file: path)
        }
    }
}
