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
        let data = try TextFile.contents(file)
        if let document = data.withUnsafeBytes({ CanonicalMapping(file: file, bytes: $0.bindMemory(to: UInt8.self)) }) {
            return try parse(document, file: file, warnings: &warnings)
        }
        return try parse(try Sidecar(file: file, yaml: try TextFile.text(of: data, file: file)), file: file, warnings: &warnings)
    }

    /// Parses `text`, the contents of the list file at `file` (whose folders say which
    /// department and kind the list should be).
    ///
    /// Text in the form lawkb's own writers emit is read by ``CanonicalYAML``; anything else
    /// by Yams (``Sidecar``). Both give the same list, warnings and errors.
    func parse(text: String, file: String, warnings: inout [String]) throws(CorpusError) -> ListVersion {
        if let document = CanonicalMapping(file: file, text: text) {
            return try parse(document, file: file, warnings: &warnings)
        }
        return try parse(try Sidecar(file: file, yaml: text), file: file, warnings: &warnings)
    }

    /// Parses the list read into `yaml` from `file`.
    func parse<Document: YAMLMappingReading>(
        _ yaml: Document, file: String, warnings: inout [String]
    ) throws(CorpusError) -> ListVersion {
        var list = try header(yaml, file: file, warnings: &warnings)
        var reader = ListItemReader(file: file, kind: list.kind, line: yaml.line, citations: citations)
        list.items = try reader.read(try yaml.mappings("items"), warnings: &warnings)
        reader.finish(warnings: &warnings)
        return list
    }

    /// Reads the list file at `file` without its items when they can be read a part at a time
    /// (``ListItemStream``): the file is in the form ``CanonicalYAML`` reads and holds its items
    /// as a block sequence. Other files are read whole.
    func parseHeader(_ file: String, warnings: inout [String]) throws(CorpusError) -> ListVersion {
        let data = try TextFile.contents(file)
        guard let reader = CanonicalSequenceReader(data: data, deferring: "items") else {
            return try parse(try Sidecar(file: file, yaml: try TextFile.text(of: data, file: file)), file: file, warnings: &warnings)
        }
        let root = try CanonicalMapping(file: file, node: reader.root)
        // Without a block sequence of items to leave, the document was read whole.
        guard reader.isDeferred else { return try parse(root, file: file, warnings: &warnings) }
        var list = try header(root, file: file, warnings: &warnings)
        list.itemsAreDeferred = true
        return list
    }

    /// The list version `yaml` describes, without its items.
    func header<Document: YAMLMappingReading>(
        _ yaml: Document, file: String, warnings: inout [String]
    ) throws(CorpusError) -> ListVersion {
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
        return ListVersion(
            file: file, department: department, kind: kind,
            title: try yaml.string("title") ?? "\(department.name)\(kind.rawValue)",
            version: version, published: published, filed: filed, publishedAt: try yaml.string("published_at"),
            status: try status(yaml), isPublic: try yaml.bool("public") ?? true, note: try yaml.string("note"))
    }

    private func department(_ yaml: some YAMLMappingReading) throws(CorpusError) -> Department {
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

    private func kind(_ yaml: some YAMLMappingReading) throws(CorpusError) -> ListKind {
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

    private func status(_ yaml: some YAMLMappingReading) throws(CorpusError) -> ListStatus {
        switch try yaml.string("status")?.lowercased() {
        case nil, "official", "正式": return .official
        case "sample", "示例": return .sample
        case let other?:
            throw CorpusError(
                file: yaml.file, line: yaml.line(of: "status"),
                message: "status 应为 sample（示例）或 official（正式），不是“\(other)”")
        }
    }

    /// The texts of the item that hold citations, each with the key whose line locates it:
    /// its own columns, then each level's parts (located at `levels`).
    static func citingTexts(of item: ListItem) -> [(key: String, text: String)] {
        let own = ListColumn.allCases.filter(\.holdsCitations).compactMap { column in
            item[column].map { (column.key, $0) }
        }
        let levels = item.levels.flatMap { level in
            LevelColumn.allCases.filter(\.holdsCitations).compactMap { column in level[column].map { ("levels", $0) } }
        }
        return own + levels
    }
}

/// The citations of each item of a list, and the `第…条` beyond any article that are not read
/// as citations (each with the key of the text it is in), worked out on all cores: on a long
/// list this is most of the time of reading it. Texts are analysed by
/// ``CitationParser/analyse(_:)``, which skips those without 第 and remembers the others: lists
/// repeat their 法律依据 from item to item.
struct CitationAnalysis: Sendable {
    var citations: [Citation] = []
    var outOfRange: [(key: String, reference: String)] = []

    /// Items per share of the work.
    static let share = 2048

    /// The analysis of each item, given its citing texts (``ListParser/citingTexts(of:)``), in order.
    static func analyse(_ texts: [[(key: String, text: String)]], parser: CitationParser) -> [CitationAnalysis] {
        let shares = (texts.count + share - 1) / share
        let results = ParallelResults<[CitationAnalysis]>(count: shares)
        DispatchQueue.concurrentPerform(iterations: shares) { index in
            let range = (index * share)..<min(texts.count, (index + 1) * share)
            results[index] = range.map { item in analyse(texts[item], parser: parser) }
        }
        return results.values.flatMap { $0 ?? [] }
    }

    /// The analysis of one item: the citations of its texts in order, each once.
    static func analyse(_ texts: [(key: String, text: String)], parser: CitationParser) -> CitationAnalysis {
        var analysis = CitationAnalysis()
        var seen: Set<Citation>?  // once there are many, so that finding one stays cheap
        for (key, text) in texts {
            let found = parser.analyse(text)
            for citation in found.citations {
                if seen == nil, analysis.citations.count >= linearLimit { seen = Set(analysis.citations) }
                let isNew =
                    seen == nil
                    ? !analysis.citations.contains { Self.same($0, citation) } : seen!.insert(citation).inserted
                if isNew { analysis.citations.append(citation) }
            }
            analysis.outOfRange += found.outOfRange.map { (key, $0) }
        }
        return analysis
    }

    /// Citations of one item compared one by one before a set is kept.
    static let linearLimit = 32

    /// `a == b`, comparing the numbers before the texts: most citations of an item differ in
    /// their article, and comparing numbers is cheaper than comparing Unicode strings.
    private static func same(_ a: Citation, _ b: Citation) -> Bool {
        a.article == b.article && a.paragraph == b.paragraph && a.item == b.item && a.document == b.document
            && a.name == b.name && a.text == b.text
    }
}
