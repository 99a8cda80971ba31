import Foundation
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

    /// `第 N 行：未导入：reason — cells`.
    public var description: String { "第 \(row) 行：未导入：\(reason) — \(cells)" }
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
///
/// Every row below the header is accounted for exactly once (``RowAccount``): an item, a
/// level of the item above, a category, a repeated header, or skipped with its reason.
/// The work is linear in the cells of the table, however many columns or continuation
/// rows it has.
public struct ListAssembler: Sendable {
    /// The result of assembling a table.
    public struct Assembly: Sendable {
        /// The items, in table order, ids given or generated.
        public var items: [ListItem]
        /// The first spreadsheet row of each item, parallel to `items`.
        public var itemRows: [Int]
        /// Category rows that have items after them.
        public var categories: [CategoryRow]
        /// Rows that could not be used.
        public var unmapped: [UnmappedRow]
        /// Repeated header rows (a header printed again on each page) that were skipped.
        public var repeatedHeaders: [Int]
        /// Notes for the report: generated ids replacing duplicates, items without levels …
        public var notes: [String]
        /// Rows used whose content needs checking: citations whose numbers cannot be read …
        public var warnings: [ImportWarning]
        /// What became of each row below the header, in table order.
        public var accounts: [RowAccount]
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
        let headerCells = table.rows.first { $0.number == layout.headerRows.first }?.cells ?? []
        let columns = LayoutIndex(layout, headerCells: headerCells)
        let spans = MergeSpans(table.merges)
        var state = State(layout: layout, columns: columns)
        let lastHeader = layout.headerRows.last ?? 0
        for row in table.rows where row.number > lastHeader {
            state.rowsRead += 1
            if columns.isRepeatedHeader(row) {
                state.repeatedHeaders.append(row.number)
                state.accounts.append(RowAccount(row: row.number, kind: .repeatedHeader))
                continue
            }
            if let category = categoryText(row, columns: columns, spans: spans) {
                state.startCategory(row: row.number, text: category)
                continue
            }
            state.take(row)
        }
        state.finish()
        let items = assignIds(&state)
        return Assembly(
            items: items, itemRows: state.itemRows, categories: state.categories,
            unmapped: state.unmapped, repeatedHeaders: state.repeatedHeaders, notes: state.notes,
            warnings: state.warnings, accounts: state.accounts, rowsRead: state.rowsRead)
    }

    // MARK: - Row kinds

    /// The text of a category row: a single filled cell, not a bare number, that spans
    /// several columns, stands in the first column or the 序号/name column, or is numbered
    /// like a heading (一、 （一） 第一类).
    private func categoryText(_ row: SourceRow, columns: LayoutIndex, spans: MergeSpans) -> String? {
        var filled: Int?
        for (column, text) in row.cells.enumerated() where !text.isEmpty {
            guard filled == nil else { return nil }
            filled = column
        }
        guard let column = filled else { return nil }
        let text = row.cell(column)
        guard !Self.isBareNumber(text) else { return nil }
        if spans.span(row: row.number, column: column) > 1 || column == columns.firstColumn
            || column == columns.orderColumn || column == columns.nameColumn
            || Self.headingNumberLength(text) > 0
        {
            return text
        }
        return nil
    }

    static func isBareNumber(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isNumber || $0 == "." || $0 == "、" }
    }

    /// Length of a heading number at the start of `text`: `一、` `（一）` `(1)` `1.` `1、` `第一类`.
    static func headingNumberLength(_ text: String) -> Int {
        let characters = Array(text.prefix(64))
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
        var items = state.items
        state.items = []
        for index in items.indices where !items[index].id.isEmpty {
            if used.insert(items[index].id).inserted { continue }
            state.notes.append("第 \(state.itemRows[index]) 行：编号 \(items[index].id) 重复，已另行生成编号")
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

/// The lookups the assembler makes for every row, computed once from the layout so that a
/// row costs time in proportion to its filled cells, not to the table's width.
struct LayoutIndex {
    /// Role by column index; `nil` beyond the layout.
    let roles: [ColumnRole?]
    let firstColumn: Int
    let orderColumn: Int?
    let nameColumn: Int?
    let hasLevels: Bool
    /// Columns of 裁量阶次, 适用情形 and 处罚标准.
    let levelColumns: [Int]
    /// Columns whose cells tell one item from another (序号, id, name, 违法行为, 依据).
    let identifyingColumns: [(index: Int, role: ColumnRole)]
    let nameHeader: String
    let levelHeader: String
    /// For each column with a header, the header keys a repeated header row would show.
    private let headerKeys: [Int: (String, String)]
    private let headerCount: Int
    /// The first characters of the header keys: a cell starting otherwise is no header.
    private let headerStarts: Set<Unicode.Scalar>

    init(_ layout: ColumnLayout, headerCells: [String]) {
        let width = (layout.columns.map(\.index).max() ?? -1) + 1
        var roles = [ColumnRole?](repeating: nil, count: width)
        for column in layout.columns { roles[column.index] = column.role }
        self.roles = roles
        firstColumn = layout.columns.first?.index ?? 0
        orderColumn = layout.column(.order)
        nameColumn = layout.column(.name)
        hasLevels = layout.hasLevels
        levelColumns = layout.columns.filter { $0.role.isLevelColumn }.map(\.index)
        identifyingColumns = layout.columns.filter { State.identifies($0.role) }.map { ($0.index, $0.role) }
        nameHeader = layout.columns.first { $0.role == .name }?.header ?? "事项名称"
        levelHeader = layout.columns.first { $0.role == .level }?.header ?? "裁量阶次"
        var keys: [Int: (String, String)] = [:]
        for column in layout.columns where !column.header.isEmpty {
            let written = column.index < headerCells.count ? headerCells[column.index] : ""
            keys[column.index] = (CellText.headerKey(column.header), CellText.headerKey(written))
        }
        headerKeys = keys
        headerCount = keys.count
        headerStarts = Set(keys.values.flatMap { [$0.0.unicodeScalars.first, $0.1.unicodeScalars.first] }.compactMap { $0 })
    }

    func role(_ column: Int) -> ColumnRole? {
        column < roles.count ? roles[column] : nil
    }

    /// Whether `row` repeats the header (as printed again on each page): more than half of
    /// the headed columns, and at least two, hold their header.
    func isRepeatedHeader(_ row: SourceRow) -> Bool {
        guard headerCount > 0 else { return false }
        var same = 0
        for (column, text) in row.cells.enumerated() where !text.isEmpty {
            // Headers are short; a long cell is never one.
            guard let keys = headerKeys[column], text.utf8.count <= 512,
                let start = CellText.keyStart(text), headerStarts.contains(start)
            else { continue }
            let cell = CellText.headerKey(text)
            if !cell.isEmpty && (cell == keys.0 || cell == keys.1) { same += 1 }
        }
        return same * 2 > headerCount && same >= 2
    }
}

/// A text built from the cells of several rows, joined with line breaks, without copying
/// it at each addition (a group of many continuation rows costs linear time).
struct TextAccumulator {
    private(set) var pieces: [String] = []
    private var utf8Count = 0
    /// The lines of the text, built on the first ``addIfNew(_:)`` and kept up to date after.
    private var lines: Set<Substring>?

    /// The joined text, `nil` when nothing was added.
    var text: String? { pieces.count <= 1 ? pieces.first : pieces.joined(separator: "\n") }

    /// Whether the joined text is `value`.
    func equals(_ value: String) -> Bool {
        guard !pieces.isEmpty, value.utf8.count == utf8Count else { return false }
        return pieces.count == 1 ? pieces[0] == value : text == value
    }

    /// Adds `value` on a new line.
    mutating func append(_ value: String) {
        utf8Count += (pieces.isEmpty ? 0 : 1) + value.utf8.count
        pieces.append(value)
        if lines != nil { insertLines(of: value) }
    }

    /// Adds `value` unless the joined text already is `value`.
    mutating func merge(_ value: String) {
        if !equals(value) { append(value) }
    }

    /// Adds `value` unless the text is `value` or has it as one of its lines; whether it was added.
    mutating func addIfNew(_ value: String) -> Bool {
        if equals(value) { return false }
        if lines == nil {
            lines = []
            for piece in pieces { insertLines(of: piece) }
        }
        if lines?.contains(Substring(value)) == true { return false }
        append(value)
        return true
    }

    private mutating func insertLines(of value: String) {
        for line in value.split(separator: "\n", omittingEmptySubsequences: false) { lines?.insert(line) }
    }
}

/// An item being assembled from its rows.
private struct Draft {
    var firstRow: Int
    var id = ""
    var texts: [ColumnRole: TextAccumulator] = [:]
    var fieldOrder: [String] = []
    var fields: [String: TextAccumulator] = [:]
    var levels: [BenchmarkLevel] = []
    /// Item-column values by column index, to recognise continuation rows.
    var values: [Int: TextAccumulator] = [:]

    init(firstRow: Int) {
        self.firstRow = firstRow
    }

    var name: String { texts[.name]?.text ?? "" }

    /// Puts `value` where `role` says; a second, different value is added on a new line.
    mutating func set(_ role: ColumnRole, _ value: String) {
        switch role {
        case .order, .level, .levelPart: break
        case .id: id = value.replacingOccurrences(of: "\n", with: "")
        case .field(let name): addField(name, value)
        default: texts[role, default: TextAccumulator()].merge(value)
        }
    }

    mutating func addField(_ name: String, _ value: String) {
        if fields[name] == nil { fieldOrder.append(name) }
        fields[name, default: TextAccumulator()].merge(value)
    }

    var item: ListItem {
        var columns = ColumnValues<ListColumn>()
        for column in ListColumn.allCases { columns[column] = texts[.item(column)]?.text }
        return ListItem(
            id: id, name: name, columns: columns, levels: levels,
            fields: fieldOrder.map { ListField(name: $0, value: fields[$0]?.text ?? "") }, line: firstRow)
    }
}

/// The running state of ``ListAssembler/assemble(_:)``.
private struct State {
    let layout: ColumnLayout
    let columns: LayoutIndex
    /// The items finished: no later row can continue them.
    var items: [ListItem] = []
    /// The first row of each item.
    var itemRows: [Int] = []
    /// The item the next rows may continue.
    private var current: Draft?
    var categories: [CategoryRow] = []
    var unmapped: [UnmappedRow] = []
    var repeatedHeaders: [Int] = []
    var notes: [String] = []
    var warnings: [ImportWarning] = []
    var accounts: [RowAccount] = []
    var rowsRead = 0
    private var category: String?
    /// The position in `accounts` of the open category row.
    private var categoryAccount: Int?

    init(layout: ColumnLayout, columns: LayoutIndex) {
        self.layout = layout
        self.columns = columns
    }

    mutating func startCategory(row: Int, text: String) {
        closeCategory()
        let name = ListAssembler.category(from: text)
        categories.append(CategoryRow(row: row, text: text, category: name, items: 0))
        category = name
        categoryAccount = accounts.count
        accounts.append(RowAccount(row: row, kind: .category))
    }

    /// A category row with no item after it is not a category after all (a closing remark):
    /// it is skipped, with its reason.
    private mutating func closeCategory() {
        guard let last = categories.last, last.items == 0, category != nil, let account = categoryAccount else { return }
        categories.removeLast()
        accounts[account].kind = .skipped
        unmapped.append(
            UnmappedRow(
                row: last.row, reason: "只有一个单元格，像类别行，但其后没有任何事项",
                cells: last.text.replacingOccurrences(of: "\n", with: "⏎")))
    }

    mutating func finish() {
        closeDraft()
        closeCategory()
    }

    /// Turns the current draft into an item, dropping what was kept to continue it.
    private mutating func closeDraft() {
        guard let draft = current else { return }
        if layout.hasLevels && draft.levels.isEmpty {
            notes.append("第 \(draft.firstRow) 行：事项“\(draft.name)”没有裁量阶次")
        }
        items.append(draft.item)
        itemRows.append(draft.firstRow)
        current = nil
    }

    mutating func take(_ row: SourceRow) {
        if columns.hasLevels, let draft = current, continues(draft, with: row) {
            let added = addLevel(row, continuation: true)
            accounts.append(RowAccount(row: row.number, kind: added ? .level : .skipped))
            if added { checkCitations(row) }
            return
        }
        guard let nameColumn = columns.nameColumn, !row.cell(nameColumn).isEmpty else {
            let reason =
                columns.hasLevels && items.isEmpty && current == nil
                ? "没有\(columns.nameHeader)，上面也没有可接续的事项"
                : "没有\(columns.nameHeader)（\(CellReference.columnName(columns.nameColumn ?? 0)) 列为空）"
            skip(row, reason)
            return
        }
        var draft = Draft(firstRow: row.number)
        if let category {
            draft.addField(ListAssembler.categoryField, category)
            categories[categories.count - 1].items += 1
        }
        for (column, value) in row.cells.enumerated() where !value.isEmpty {
            guard let role = columns.role(column), !role.isLevelColumn else { continue }
            draft.values[column, default: TextAccumulator()].append(value)
            draft.set(role, value)
        }
        closeDraft()
        current = draft
        accounts.append(RowAccount(row: row.number, kind: .item))
        if columns.hasLevels, !addLevel(row, continuation: false) {
            warnings.append(ImportWarning(row: row.number, problem: .levelCellsWithoutLevel(header: columns.levelHeader)))
        }
        checkCitations(row)
    }

    private mutating func skip(_ row: SourceRow, _ reason: String) {
        unmapped.append(UnmappedRow(row: row.number, reason: reason, cells: row.rawDescription()))
        accounts.append(RowAccount(row: row.number, kind: .skipped))
    }

    /// Warns of citations in the row whose article number cannot be read.
    private mutating func checkCitations(_ row: SourceRow) {
        for (column, value) in row.cells.enumerated() where !value.isEmpty {
            guard let role = columns.role(column), role.holdsCitations else { continue }
            for fragment in CitationCheck.unreadableNumbers(in: value) {
                warnings.append(
                    ImportWarning(
                        row: row.number,
                        problem: .unreadableArticleNumber(
                            column: CellReference.columnName(column), text: fragment)))
            }
        }
    }

    /// Whether `row` is another level of `draft`: it has level cells, and each cell that
    /// identifies an item (序号, id, name, 违法行为, 依据) is blank or the same as the item's
    /// (merged or repeated).
    private func continues(_ draft: Draft, with row: SourceRow) -> Bool {
        guard columns.levelColumns.contains(where: { !row.cell($0).isEmpty }) else { return false }
        var sharesSomething = false
        for (column, role) in columns.identifyingColumns {
            let value = row.cell(column)
            guard !value.isEmpty else { continue }
            guard let known = draft.values[column] else {
                if role == .name || role == .order || role == .id { return false }
                continue
            }
            guard known.equals(value) else { return false }
            sharesSomething = true
        }
        let name = columns.nameColumn.map { row.cell($0) } ?? ""
        return sharesSomething || name.isEmpty
    }

    /// Whether cells of `role` tell one item from another.
    static func identifies(_ role: ColumnRole) -> Bool {
        switch role {
        case .order, .id, .name: return true
        case .item(let column): return column.identifiesItem
        case .level, .levelPart, .field: return false
        }
    }

    /// Adds the level of `row` to the current item; `false` when the row has level cells
    /// but no 裁量阶次 (a continuation row is then skipped with its reason).
    private mutating func addLevel(_ row: SourceRow, continuation: Bool) -> Bool {
        // The draft is taken out while it changes, so that it is not copied.
        guard var draft = current else { return true }
        current = nil
        defer { current = draft }
        var level: String?
        var parts = ColumnValues<LevelColumn>()
        for (column, value) in row.cells.enumerated() where !value.isEmpty {
            guard let role = columns.role(column) else { continue }
            switch role {
            case .level: level = value
            case .levelPart(let part): parts[part] = value
            case .order: break
            default:
                // Item cells on a continuation row complete the item: a cell first seen there is
                // set, a different 备注 or other column is added on a new line, repeats are skipped.
                guard continuation, draft.values[column, default: TextAccumulator()].addIfNew(value) else { break }
                draft.set(role, value)
            }
        }
        guard !parts.isEmpty || level != nil else { return true }
        guard let level else {
            if continuation {
                unmapped.append(
                    UnmappedRow(
                        row: row.number,
                        reason: "\(columns.levelHeader)为空，"
                            + "此行的适用情形和处罚标准不属于任何阶次", cells: row.rawDescription()))
            }
            return false
        }
        draft.levels.append(BenchmarkLevel(level: level, columns: parts))
        return true
    }
}
