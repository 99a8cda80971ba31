import Foundation

/// Reads one list-version file (`Corpus/lists/<department>/<kind>/<version>.yaml`).
///
/// Every problem is located by file and line: unknown department or kind, bad dates,
/// missing ids or names, duplicate ids. Lesser problems (unknown keys, a kind that does not
/// match the folder) become warnings.
struct ListParser {
    let registry: DepartmentRegistry
    let citations: CitationParser

    static let listKeys: Set<String> = [
        "department", "kind", "title", "version", "published", "filed",
        "published_at", "status", "public", "note", "items", "source",
    ]
    static let itemKeys = Set(["id", "name", "levels", "fields"] + ListColumn.keys)
    static let levelKeys = Set(["level"] + LevelColumn.keys)

    /// Reads and parses the list file at `file`.
    func parse(_ file: String, warnings: inout [String]) throws(CorpusError) -> ListVersion {
        guard let text = try TextFile.read(file) else {
            throw CorpusError(file: file, message: "无法读取")
        }
        return try parse(text: text, file: file, warnings: &warnings)
    }

    /// Parses `text`, the contents of the list file at `file` (whose folders say which
    /// department and kind the list should be).
    func parse(text: String, file: String, warnings: inout [String]) throws(CorpusError) -> ListVersion {
        let yaml = try Sidecar(file: file, yaml: text)
        warnings += yaml.unknownKeys(allowed: Self.listKeys)
        let department = try self.department(yaml)
        let kind = try self.kind(yaml)
        guard let version = try yaml.date("version") else {
            throw CorpusError(file: file, line: yaml.line, message: "缺少 version（版本日期，YYYY-MM-DD）")
        }
        let published = try yaml.date("published")
        let filed = try yaml.date("filed")
        if let published, published < version {
            warnings.append("\(file):\(yaml.line(of: "published")): published \(published) is before the version date \(version)")
        }
        if let filed, let published, filed < published {
            warnings.append("\(file):\(yaml.line(of: "filed")): filed \(filed) is before publication \(published)")
        }
        let kindFolder = (file as NSString).deletingLastPathComponent
        let departmentFolder = ((kindFolder as NSString).deletingLastPathComponent as NSString).lastPathComponent
        if let owner = registry.resolve(departmentFolder), owner.id != department.id {
            throw CorpusError(
                file: file, line: yaml.line(of: "department"),
                message: "清单属于\(department.name)（\(department.id)），却放在\(owner.name)的文件夹 "
                    + "\(departmentFolder)/ 中；请移到 lists/\(department.id)/")
        }
        let folder = (kindFolder as NSString).lastPathComponent
        if let folderKind = ListKind.resolve(folder), folderKind != kind {
            warnings.append("\(file):\(yaml.line(of: "kind")): kind \(kind.rawValue) does not match its folder \(folder)")
        }
        var list = ListVersion(
            file: file, department: department, kind: kind,
            title: try yaml.string("title") ?? "\(department.name)\(kind.rawValue)",
            version: version, published: published, filed: filed, publishedAt: try yaml.string("published_at"),
            status: try status(yaml), isPublic: try yaml.bool("public") ?? true, note: try yaml.string("note"))
        list.items = try items(yaml, kind: kind, warnings: &warnings)
        return list
    }

    private func department(_ yaml: Sidecar) throws(CorpusError) -> Department {
        guard let name = try yaml.string("department") else {
            throw CorpusError(file: yaml.file, line: yaml.line, message: "缺少 department（部门）")
        }
        guard let department = registry.resolve(name) else {
            let known = registry.departments.map(\.name).joined(separator: ", ")
            throw CorpusError(
                file: yaml.file, line: yaml.line(of: "department"),
                message: "departments.yaml 中没有部门“\(name)”；现有：\(known)")
        }
        return department
    }

    private func kind(_ yaml: Sidecar) throws(CorpusError) -> ListKind {
        guard let name = try yaml.string("kind") else {
            throw CorpusError(file: yaml.file, line: yaml.line, message: "缺少 kind（清单种类）")
        }
        guard let kind = ListKind.resolve(name) else {
            let known = ListKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw CorpusError(
                file: yaml.file, line: yaml.line(of: "kind"),
                message: "没有清单种类“\(name)”；现有种类：\(known)")
        }
        return kind
    }

    private func status(_ yaml: Sidecar) throws(CorpusError) -> ListStatus {
        switch try yaml.string("status")?.lowercased() {
        case nil, "official", "正式": return .official
        case "sample", "示例": return .sample
        case let other?:
            throw CorpusError(
                file: yaml.file, line: yaml.line(of: "status"),
                message: "status 应为 sample（示例）或 official（正式），不是“\(other)”")
        }
    }

    private func items(_ yaml: Sidecar, kind: ListKind, warnings: inout [String]) throws(CorpusError) -> [ListItem] {
        var seen: [String: Int] = [:]
        var items: [ListItem] = []
        for entry in try yaml.mappings("items") {
            warnings += entry.unknownKeys(allowed: Self.itemKeys)
            guard let id = try entry.string("id") else {
                throw CorpusError(file: yaml.file, line: entry.line, message: "有一个事项没有 id")
            }
            if let first = seen[id] {
                throw CorpusError(
                    file: yaml.file, line: entry.line(of: "id"),
                    message: "事项编号 \(id) 重复（第 \(first) 行已用过）")
            }
            seen[id] = entry.line(of: "id")
            guard let name = try entry.string("name") else {
                throw CorpusError(file: yaml.file, line: entry.line, message: "事项 \(id) 没有 name（名称）")
            }
            var item = ListItem(
                id: id, name: name, columns: try columns(entry), levels: try levels(entry, warnings: &warnings),
                fields: try entry.pairs("fields").map { ListField(name: $0.key, value: $0.value) },
                line: entry.line)
            if !item.levels.isEmpty && !kind.hasLevels {
                warnings.append("\(yaml.file):\(entry.line(of: "levels")): item \(id) has levels but a \(kind.rawValue) has none")
            }
            item.citations = citations(of: item)
            warnings += outOfRangeWarnings(item, entry: entry)
            items.append(item)
        }
        if items.isEmpty {
            warnings.append("\(yaml.file):\(yaml.line): the list has no items")
        }
        return items
    }

    private func levels(_ entry: Sidecar, warnings: inout [String]) throws(CorpusError) -> [BenchmarkLevel] {
        var levels: [BenchmarkLevel] = []
        for level in try entry.mappings("levels") {
            warnings += level.unknownKeys(allowed: Self.levelKeys)
            guard let name = try level.string("level") else {
                throw CorpusError(file: entry.file, line: level.line, message: "有一个裁量阶次没有 level（阶次名称）")
            }
            levels.append(BenchmarkLevel(level: name, columns: try columns(level)))
        }
        return levels
    }

    /// The values of `Column`'s columns in `entry`, each under its key.
    private func columns<Column: TextColumn>(_ entry: Sidecar) throws(CorpusError) -> ColumnValues<Column> {
        var values = ColumnValues<Column>()
        for column in Column.allCases {
            values[column] = try entry.string(column.key)
        }
        return values
    }

    /// The texts of the item that hold citations, each with the key whose line locates it:
    /// its own columns, then each level's parts (located at `levels`).
    private func citingTexts(of item: ListItem) -> [(key: String, text: String?)] {
        ListColumn.allCases.filter(\.holdsCitations).map { ($0.key, item[$0]) }
            + item.levels.flatMap { level in LevelColumn.allCases.filter(\.holdsCitations).map { ("levels", level[$0]) } }
    }

    /// A warning, at the line of the field, for each `第…条` of the item whose number is beyond
    /// any article: it is not read as a citation.
    private func outOfRangeWarnings(_ item: ListItem, entry: Sidecar) -> [String] {
        var warnings: [String] = []
        for (key, text) in citingTexts(of: item) {
            guard let text else { continue }
            for reference in citations.outOfRangeReferences(in: text) {
                warnings.append(
                    "\(entry.file):\(entry.line(of: key)): 事项 \(item.id) 引用的“\(reference.prefix(60))”"
                        + "超出任何条号（上限 \(ChineseNumeral.maximumOrdinal)），未作为引用读取")
            }
        }
        return warnings
    }

    /// Citations in the item's columns and level parts that hold them, without repeats.
    private func citations(of item: ListItem) -> [Citation] {
        var seen = Set<Citation>()
        var result: [Citation] = []
        for text in citingTexts(of: item).compactMap(\.text) {
            for citation in citations.citations(in: text, currentDocument: nil) where seen.insert(citation).inserted {
                result.append(citation)
            }
        }
        return result
    }
}
