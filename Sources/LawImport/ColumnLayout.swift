/// Where the header of a table is and what each of its columns holds.
public struct ColumnLayout: Sendable, Equatable {
    /// One column of the table.
    public struct Column: Sendable, Equatable {
        /// 0-based column index (0 = A).
        public var index: Int
        /// The header as written (line breaks and spaces removed).
        public var header: String
        /// Where its cells go.
        public var role: ColumnRole
    }

    /// The spreadsheet numbers of the header rows (two when a merged group header such as
    /// 裁量基准 stands above 裁量阶次 / 适用情形 / 处罚标准).
    public var headerRows: [Int]
    /// The columns that have a header or hold text, left to right.
    public var columns: [Column]
    /// Notes on decisions a person may want to check (a 违法行为 column used as the name …).
    public var notes: [String]

    /// The first column with `role`.
    public func column(_ role: ColumnRole) -> Int? {
        columns.first { $0.role == role }?.index
    }

    /// Whether the table has a 裁量阶次 column, so that rows may be levels of an item.
    public var hasLevels: Bool { column(.level) != nil }

    /// The roles of `headers` (by column index; empty strings for columns without a
    /// header), deciding between the meanings a header may have from the headers beside it.
    public static func mapping(headers: [String]) -> [ColumnRole] {
        let keys = headers.map(CellText.displayHeader)
        let meanings = headers.map(HeaderVocabulary.meaning(of:))
        var roles: [ColumnRole?] = Array(repeating: nil, count: headers.count)
        var taken = Set<ColumnRole>()
        func assign(_ index: Int, _ role: ColumnRole) {
            roles[index] = taken.insert(role).inserted ? role : .field(keys[index])
        }

        // The name: the best-ranked candidate, leftmost on ties.
        func nameRank(_ meaning: HeaderVocabulary.Meaning?) -> Int? {
            switch meaning {
            case .name(let rank)?: return rank
            case .nameOrConditions?, .nameOrField?: return 4
            default: return nil
            }
        }
        let nameColumn = meanings.indices.compactMap { i in nameRank(meanings[i]).map { (i, $0) } }
            .min { $0.1 < $1.1 }?.0
        if let nameColumn {
            roles[nameColumn] = .name
            taken.insert(.name)
        }

        let hasViolationBasis =
            meanings.contains(.violationBasis)
            || (meanings.contains(.basis) && meanings.contains(.penaltyBasis))
        let levelColumn = meanings.firstIndex(of: .level)

        for index in headers.indices where roles[index] == nil {
            switch meanings[index] {
            case nil:
                roles[index] = keys[index].isEmpty ? nil : .field(keys[index])
            case .order?: assign(index, .order)
            case .id?: assign(index, .id)
            case .name?: roles[index] = .field(keys[index])
            case .nameOrField?: roles[index] = .field(keys[index])
            case .nameOrConditions?, .conditions?: break  // decided below, once levels are known
            case .conduct?: assign(index, .conduct)
            case .basis?, .violationBasis?: assign(index, .basis)
            case .penaltyBasis?: assign(index, hasViolationBasis ? .penaltyBasis : .basis)
            case .column(let column)?: assign(index, .item(column))
            case .level?: assign(index, .level)
            case .penalty?: assign(index, levelColumn == nil ? .measure : .penalty)
            }
        }
        // Conditions: with a 裁量阶次 column, the conditions column nearest to it (the right
        // side first) holds each level's circumstances.
        let conditionColumns = headers.indices.filter {
            roles[$0] == nil && (meanings[$0] == .conditions || meanings[$0] == .nameOrConditions)
        }
        if let levelColumn {
            let nearest = conditionColumns.min { a, b in
                let da = abs(a - levelColumn) * 2 + (a > levelColumn ? 0 : 1)
                let db = abs(b - levelColumn) * 2 + (b > levelColumn ? 0 : 1)
                return da < db
            }
            if let nearest {
                roles[nearest] = .circumstances
                taken.insert(.circumstances)
            }
        }
        for index in conditionColumns where roles[index] == nil { assign(index, .conditions) }
        // Without any name column, the 违法行为 column names the items.
        if nameColumn == nil, let conduct = roles.firstIndex(of: .conduct) {
            roles[conduct] = .name
        }
        return roles.enumerated().map { index, role in
            role ?? .field(CellReference.columnName(index) + "列")
        }
    }

    /// How many of `headers` are known header names (序号, 违法行为, 法律依据 …).
    static func knownCount(_ headers: [String]) -> Int {
        headers.filter { HeaderVocabulary.meaning(of: $0) != nil }.count
    }

    /// Finds the header row among the first `limit` rows of `table`: the first row where at
    /// least two cells, and at least half of the filled cells, are known header names.
    public static func locate(in table: SourceTable, limit: Int = 30) throws(ImportError) -> ColumnLayout {
        let candidates = table.rows.prefix(limit)
        guard
            let position = candidates.firstIndex(where: { row in
                let filled = row.cells.filter { !$0.isEmpty }
                let known = knownCount(filled)
                return known >= 2 && known * 2 >= filled.count
            })
        else {
            throw ImportError.noHeaderRow(file: table.file, rowsSearched: min(limit, table.rows.count))
        }
        let headerRow = table.rows[position]
        var headers = (0..<table.width).map { headerRow.cell($0) }
        var headerRows = [headerRow.number]
        // A second header row: group headers (裁量基准) above their parts (裁量阶次, 处罚标准).
        if position + 1 < table.rows.count {
            let next = table.rows[position + 1]
            let filled = next.filledColumns
            let known = knownCount(filled.map { next.cell($0) })
            let allHeaders = filled.allSatisfy { column in
                HeaderVocabulary.meaning(of: next.cell(column)) != nil || next.cell(column) == headerRow.cell(column)
            }
            if known >= 2, allHeaders, next.number == headerRow.number + 1 || known == filled.count {
                for column in filled where next.cell(column) != headerRow.cell(column) {
                    headers[column] = next.cell(column)
                }
                headerRows.append(next.number)
            }
        }
        let roles = mapping(headers: headers)
        // The columns holding text below the header, in one pass over the rows.
        var filledBelow = Array(repeating: false, count: headers.count)
        for row in table.rows where row.number > headerRows.last! {
            for column in row.filledColumns where column < filledBelow.count { filledBelow[column] = true }
        }
        var columns: [Column] = []
        var notes: [String] = []
        for index in headers.indices {
            guard !headers[index].isEmpty || filledBelow[index] else { continue }
            columns.append(Column(index: index, header: CellText.displayHeader(headers[index]), role: roles[index]))
        }
        let nameColumns = columns.filter { $0.role == .name }
        guard let name = nameColumns.first else {
            throw ImportError.noNameColumn(
                file: table.file, row: headerRow.number,
                headers: columns.map(\.header).filter { !$0.isEmpty })
        }
        if HeaderVocabulary.meaning(of: name.header) == .conduct {
            notes.append("没有事项名称列：以 \(CellReference.columnName(name.index)) 列“\(name.header)”作为事项名称")
        }
        for column in columns where column.header.isEmpty {
            notes.append("\(CellReference.columnName(column.index)) 列没有表头，其内容记在 \(column.role) 下")
        }
        return ColumnLayout(headerRows: headerRows, columns: columns, notes: notes)
    }
}
