import Foundation
import LawCorpus
import Testing

@testable import LawImport

/// Every list shipped in `Corpus/lists/`, written out as the table a department would
/// publish and imported again, must come back as the same items.
@Suite("Re-importing the shipped lists")
struct ShippedListsTests {
    static let files: [String] = {
        let root = Support.repository.appendingPathComponent("Corpus/lists")
        let paths = FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String] ?? []
        return paths.filter { $0.hasSuffix(".yaml") }.sorted()
    }()

    /// The columns of a table that holds `items`: only those some item uses.
    static func columns(for items: [ListItem]) -> [(header: String, value: (ListItem) -> String?)] {
        var columns: [(String, (ListItem) -> String?)] = [
            ("编号", { $0.id }), ("序号", { _ in nil }), ("事项名称", { $0.name }), ("违法行为", \.conduct),
            ("法律依据", \.basis), ("处罚依据", \.penaltyBasis), ("适用条件", \.conditions), ("处理方式", \.measure),
            ("备注", \.note),
        ]
        var fieldNames: [String] = []
        for item in items {
            for field in item.fields where !fieldNames.contains(field.name) { fieldNames.append(field.name) }
        }
        for name in fieldNames {
            columns.append((name, { item in item.fields.first { $0.name == name }?.value }))
        }
        return columns.filter { column in column.0 == "序号" || items.contains { column.1($0) != nil } }
    }

    /// One row per item, or per level with the item cells left blank after the first.
    static func csv(title: String, items: [ListItem]) -> String {
        let columns = columns(for: items)
        let hasLevels = items.contains { !$0.levels.isEmpty }
        let width = columns.count + (hasLevels ? 3 : 0)
        func quote(_ text: String?) -> String {
            "\"" + (text ?? "").replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        var lines = [quote(title) + String(repeating: ",", count: width - 1)]
        lines.append(
            (columns.map(\.header) + (hasLevels ? ["裁量阶次", "适用情形", "处罚标准"] : []))
                .map(quote).joined(separator: ","))
        for (position, item) in items.enumerated() {
            let cells = columns.map { $0.header == "序号" ? String(position + 1) : $0.value(item) }
            let levels = item.levels.isEmpty ? [nil] : item.levels.map(Optional.some)
            for (index, level) in levels.enumerated() {
                let itemCells = index == 0 ? cells : Array(repeating: nil, count: cells.count)
                let levelCells = hasLevels ? [level?.level, level?.circumstances, level?.penalty] : []
                lines.append((itemCells + levelCells).map(quote).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    @Test("CSV written from a shipped list imports as the same list", arguments: files)
    func reimport(file: String) throws {
        let source = Support.repository.appendingPathComponent("Corpus/lists").appendingPathComponent(file)
        let shipped = try ReadBack(String(contentsOf: source, encoding: .utf8))
        let corpus = try Support.scratchCorpus()
        let title = try #require(shipped.top["title"])
        let input = try Support.writeCSV(
            Self.csv(title: title, items: shipped.items),
            named: "table.csv", beside: corpus)
        let options = ImportOptions(
            input: input, department: try #require(shipped.top["department"]), kind: try #require(shipped.top["kind"]),
            version: try #require(shipped.top["version"]), corpus: corpus.path, dryRun: true,
            importDate: Support.importDate)
        let report = try ListImporter(options: options).run()
        #expect(report.list.title == title)
        #expect(report.unmapped.isEmpty)
        #expect(report.list.items.map(\.comparable) == shipped.items)
        #expect(try ReadBack(report.yaml).items == shipped.items)
        #expect(report.output.hasSuffix(file))
    }
}
