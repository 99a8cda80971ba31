import LawCorpus

/// A row of the table that did not become an item, a level or a category, with the reason:
/// the import report lists every one, so no row is dropped unseen.
public struct UnmappedRow: Sendable, Equatable, CustomStringConvertible {
    /// The spreadsheet row number.
    public var row: Int
    /// Why it could not be used.
    public var reason: String
    /// The row's cells, `A: … | C: …`.
    public var cells: String

    /// Creates an entry.
    public init(row: Int, reason: String, cells: String) {
        self.row = row
        self.reason = reason
        self.cells = cells
    }

    /// `row N: could not map: reason — cells`.
    public var description: String { "row \(row): could not map: \(reason) — \(cells)" }
}

/// A category row (一、食品安全领域) and the category recorded for the items after it.
public struct CategoryRow: Sendable, Equatable {
    /// The spreadsheet row number.
    public var row: Int
    /// The row's text as written.
    public var text: String
    /// The category as recorded under `fields: 类别` (without its 一、 numbering).
    public var category: String
    /// How many items follow it before the next category.
    public var items: Int
}

/// Turns the rows below the header into list items: one item per row, or, in a table with
/// a 裁量阶次 column, one item per group of rows whose item columns are blank, merged or
/// repeated, each row a level.
public struct ListAssembler: Sendable {
    /// The result of assembling a table.
    public struct Assembly: Sendable {
        /// The items, in table order, ids given or generated.
        public var items: [ListItem]
        /// The first spreadsheet row of each item, parallel to `items`.
        public var itemRows: [Int]
        /// Category rows.
        public var categories: [CategoryRow]
        /// Rows that could not be used.
        public var unmapped: [UnmappedRow]
        /// Repeated header rows (a header printed again on each page) that were skipped.
        public var repeatedHeaders: [Int]
        /// Notes for the report: generated ids replacing duplicates, items without levels …
        public var notes: [String]
        /// Number of rows below the header.
        public var rowsRead: Int
        /// Number of levels over all items.
        public var levelCount: Int { items.reduce(0) { $0 + $1.levels.count } }
    }

    /// The layout of the table's columns.
    public let layout: ColumnLayout
    /// Prefix of generated ids: `SCJG-BYCF`.
    public let idPrefix: String

    /// The field name under which the category of an item is recorded.
    public static let categoryField = "类别"

    /// An assembler for tables laid out as `layout`, generating ids `<idPrefix>-001` ….
    public init(layout: ColumnLayout, idPrefix: String) {
        self.layout = layout
        self.idPrefix = idPrefix
    }

    /// Assembles the rows of `table` below the header (vertical merges already filled).
    public func assemble(_ table: SourceTable) -> Assembly {
        var state = State(layout: layout)
        let lastHeader = layout.headerRows.last ?? 0
        let headerCells = table.rows.first { $0.number == layout.headerRows.first }?.cells ?? []
        for row in table.rows where row.number > lastHeader {
            state.rowsRead += 1
            if isRepeatedHeader(row, header: headerCells) {
                state.repeatedHeaders.append(row.number)
                continue
            }
            if let category = categoryText(row, in: table) {
                state.startCategory(row: row.number, text: category)
                continue
            }
            state.take(row)
        }
        state.finish()
        return Assembly(items: assignIds(&state), itemRows: state.drafts.map(\.firstRow),
                        categories: state.categories, unmapped: state.unmapped,
                        repeatedHeaders: state.repeatedHeaders, notes: state.notes, rowsRead: state.rowsRead)
    }

    // MARK: - Row kinds

    private func isRepeatedHeader(_ row: SourceRow, header: [String]) -> Bool {
        let known = layout.columns.filter { !$0.header.isEmpty }
        guard !known.isEmpty else { return false }
        let same = known.filter { column in
            let cell = CellText.headerKey(row.cell(column.index))
            return !cell.isEmpty && (cell == CellText.headerKey(column.header)
                || cell == CellText.headerKey(column.index < header.count ? header[column.index] : ""))
        }
        return same.count * 2 > known.count && same.count >= 2
    }

    /// The text of a category row: a single filled cell, not a bare number, that spans
    /// several columns, stands in the first column or the 序号/name column, or is numbered
    /// like a heading (一、 （一） 第一类).
    private func categoryText(_ row: SourceRow, in table: SourceTable) -> String? {
        let filled = row.filledColumns
        guard filled.count == 1, let column = filled.first else { return nil }
        let text = row.cell(column)
        guard !Self.isBareNumber(text) else { return nil }
        let firstColumn = layout.columns.first?.index ?? 0
        if table.span(row: row.number, column: column) > 1 || column == firstColumn
            || column == layout.column(.order) || column == layout.column(.name)
            || Self.headingNumberLength(text) > 0 {
            return text
        }
        return nil
    }

    static func isBareNumber(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isNumber || $0 == "." || $0 == "、" }
    }

    /// Length of a heading number at the start of `text`: `一、` `（一）` `(1)` `1.` `1、` `第一类`.
    static func headingNumberLength(_ text: String) -> Int {
        let characters = Array(text)
        let numerals = Set("〇零一二三四五六七八九十百0123456789０１２３４５６７８９")
        var i = 0
        if i < characters.count, characters[i] == "（" || characters[i] == "(" {
            var j = i + 1
            while j < characters.count, numerals.contains(characters[j]) { j += 1 }
            if j > i + 1, j < characters.count, characters[j] == "）" || characters[j] == ")" { return j + 1 }
            return 0
        }
        if i < characters.count, characters[i] == "第" { i += 1 }
        let start = i
        while i < characters.count, numerals.contains(characters[i]) { i += 1 }
        guard i > start, i < characters.count else { return 0 }
        if ["、", ".", "．", "类", "部分", "章"].contains(String(characters[i])) || characters[i] == "部" {
            return i + 1
        }
        return 0
    }

    /// The category without its heading number: `一、食品安全领域` → `食品安全领域`.
    static func category(from text: String) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: "")
        let length = headingNumberLength(flat)
        let rest = CellText.trim(String(flat.dropFirst(length)))
        return rest.isEmpty ? flat : rest
    }

    // MARK: - Ids

    private func assignIds(_ state: inout State) -> [ListItem] {
        var used = Set<String>()
        var items = state.drafts.map(\.item)
        for index in items.indices where !items[index].id.isEmpty {
            if used.insert(items[index].id).inserted { continue }
            state.notes.append("row \(state.drafts[index].firstRow): duplicate id \(items[index].id); "
                + "a new id is generated")
            items[index].id = ""
        }
        // Generated ids follow the item's position (the 3rd item is -003) unless taken.
        var next = items.count
        for index in items.indices where items[index].id.isEmpty {
            var id = "\(idPrefix)-\(Self.pad(index + 1))"
            while used.contains(id) {
                next += 1
                id = "\(idPrefix)-\(Self.pad(next))"
            }
            used.insert(id)
            items[index].id = id
        }
        return items
    }

    static func pad(_ number: Int) -> String {
        let digits = String(number)
        return digits.count >= 3 ? digits : String(repeating: "0", count: 3 - digits.count) + digits
    }
}

/// The running state of ``ListAssembler/assemble(_:)``.
private struct State {
    struct Draft {
        var item: ListItem
        var firstRow: Int
        /// Item-column values by column index, to recognise continuation rows.
        var values: [Int: String]
    }

    let layout: ColumnLayout
    var drafts: [Draft] = []
    var categories: [CategoryRow] = []
    var unmapped: [UnmappedRow] = []
    var repeatedHeaders: [Int] = []
    var notes: [String] = []
    var rowsRead = 0
    private var category: String?

    init(layout: ColumnLayout) {
        self.layout = layout
    }

    mutating func startCategory(row: Int, text: String) {
        closeCategory()
        let name = ListAssembler.category(from: text)
        categories.append(CategoryRow(row: row, text: text, category: name, items: 0))
        category = name
    }

    private mutating func closeCategory() {
        guard let last = categories.last, last.items == 0, category != nil else { return }
        unmapped.append(UnmappedRow(row: last.row, reason: "a category row with no items after it",
                                    cells: last.text))
    }

    mutating func finish() {
        closeCategory()
        for draft in drafts where layout.hasLevels && draft.item.levels.isEmpty {
            notes.append("row \(draft.firstRow): item '\(draft.item.name)' has no levels")
        }
    }

    mutating func take(_ row: SourceRow) {
        if layout.hasLevels, let index = drafts.indices.last, continues(drafts[index], with: row) {
            addLevel(row, to: index, continuation: true)
            return
        }
        guard let nameColumn = layout.column(.name), !row.cell(nameColumn).isEmpty else {
            let header = layout.columns.first { $0.role == .name }?.header ?? "name"
            let reason = layout.hasLevels && drafts.isEmpty
                ? "no \(header), and no item above for it to continue"
                : "no \(header) (column \(CellReference.columnName(layout.column(.name) ?? 0)) is empty)"
            unmapped.append(UnmappedRow(row: row.number, reason: reason, cells: row.rawDescription()))
            return
        }
        var item = ListItem(id: "", name: "", line: row.number)
        var values: [Int: String] = [:]
        for column in layout.columns {
            let value = row.cell(column.index)
            guard !value.isEmpty, !column.role.isLevelColumn else { continue }
            values[column.index] = value
            Self.set(column.role, value, on: &item)
        }
        if let category {
            item.fields.insert(ListField(name: ListAssembler.categoryField, value: category), at: 0)
            categories[categories.count - 1].items += 1
        }
        drafts.append(Draft(item: item, firstRow: row.number, values: values))
        if layout.hasLevels { addLevel(row, to: drafts.count - 1, continuation: false) }
    }

    /// Whether `row` is another level of `draft`: it has level cells, and each cell that
    /// identifies an item (序号, id, name, 违法行为, 依据) is blank or the same as the item's
    /// (merged or repeated).
    private func continues(_ draft: Draft, with row: SourceRow) -> Bool {
        let hasLevelCells = layout.columns.contains { $0.role.isLevelColumn && !row.cell($0.index).isEmpty }
        guard hasLevelCells else { return false }
        var sharesSomething = false
        for column in layout.columns where Self.identifies(column.role) {
            let value = row.cell(column.index)
            guard !value.isEmpty else { continue }
            guard let known = draft.values[column.index] else {
                if column.role == .name || column.role == .order || column.role == .id { return false }
                continue
            }
            guard known == value else { return false }
            sharesSomething = true
        }
        let name = layout.column(.name).map { row.cell($0) } ?? ""
        return sharesSomething || name.isEmpty
    }

    /// Whether cells of `role` tell one item from another.
    static func identifies(_ role: ColumnRole) -> Bool {
        switch role {
        case .order, .id, .name, .conduct, .basis, .penaltyBasis: return true
        default: return false
        }
    }

    private mutating func addLevel(_ row: SourceRow, to index: Int, continuation: Bool) {
        var level: String?
        var circumstances: String?
        var penalty: String?
        for column in layout.columns {
            let value = row.cell(column.index)
            guard !value.isEmpty else { continue }
            switch column.role {
            case .level: level = value
            case .circumstances: circumstances = value
            case .penalty: penalty = value
            case .order: break
            default:
                // Item cells on a continuation row complete the item: a cell first seen there is
                // set, a different 备注 or other column is added on a new line, repeats are skipped.
                guard continuation, drafts[index].values[column.index] != value else { break }
                if let known = drafts[index].values[column.index], known.split(separator: "\n")
                    .contains(where: { $0 == value }) { break }
                drafts[index].values[column.index] = drafts[index].values[column.index].map { $0 + "\n" + value } ?? value
                Self.set(column.role, value, on: &drafts[index].item)
            }
        }
        guard circumstances != nil || penalty != nil || level != nil else { return }
        guard let level else {
            let header = layout.columns.first { $0.role == .level }?.header ?? "裁量阶次"
            unmapped.append(UnmappedRow(row: row.number, reason: "\(header) is empty, so the "
                + "circumstances and penalty of this row belong to no level", cells: row.rawDescription()))
            return
        }
        drafts[index].item.levels.append(BenchmarkLevel(level: level, circumstances: circumstances, penalty: penalty))
    }

    /// Puts `value` where `role` says; a second value for a filled key is appended on a new line.
    static func set(_ role: ColumnRole, _ value: String, on item: inout ListItem) {
        func merge(_ old: String?) -> String { old.map { $0 == value ? $0 : $0 + "\n" + value } ?? value }
        switch role {
        case .order, .level, .circumstances, .penalty: break
        case .id: item.id = value.replacingOccurrences(of: "\n", with: "")
        case .name: item.name = item.name.isEmpty ? value : merge(item.name)
        case .conduct: item.conduct = merge(item.conduct)
        case .basis: item.basis = merge(item.basis)
        case .penaltyBasis: item.penaltyBasis = merge(item.penaltyBasis)
        case .conditions: item.conditions = merge(item.conditions)
        case .measure: item.measure = merge(item.measure)
        case .note: item.note = merge(item.note)
        case .field(let name):
            if let index = item.fields.firstIndex(where: { $0.name == name }) {
                item.fields[index].value = merge(item.fields[index].value)
            } else {
                item.fields.append(ListField(name: name, value: value))
            }
        }
    }
}
