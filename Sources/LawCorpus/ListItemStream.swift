import Foundation

/// Reads the items of one list file in order, checking each as it goes: an id, a name, no id
/// twice, levels only where the kind has them; then finds each item's citations.
///
/// Used for a whole list (``ListParser``) and for a list read a part at a time
/// (``ListItemStream``); both give the same items, warnings and errors.
struct ListItemReader {
    let file: String
    let kind: ListKind
    /// The line of the list's mapping, for the warning that it has no items.
    let line: Int
    let citations: CitationParser
    /// The line of each id read so far.
    private var seen: [String: Int] = [:]
    private(set) var count = 0

    init(file: String, kind: ListKind, line: Int, citations: CitationParser) {
        self.file = file
        self.kind = kind
        self.line = line
        self.citations = citations
    }

    /// The items of `entries`, the next mappings of the list's `items`.
    mutating func read(_ entries: [some YAMLMappingReading], warnings: inout [String]) throws(CorpusError) -> [ListItem] {
        var items: [ListItem] = []
        var itemWarnings: [[String]] = []
        items.reserveCapacity(entries.count)
        for entry in entries {
            var local = entry.unknownKeys(allowed: ListParser.itemKeys)
            items.append(try item(entry, warnings: &local))
            itemWarnings.append(local)
        }
        count += items.count
        let analyses = CitationAnalysis.analyse(items.map(ListParser.citingTexts), parser: citations)
        for index in items.indices {
            warnings += itemWarnings[index]
            items[index].citations = analyses[index].citations
            let entry = entries[index]
            for (key, reference) in analyses[index].outOfRange {
                warnings.append(
                    "\(entry.file):\(entry.line(of: key)): 事项 \(items[index].id) 引用的“\(reference.prefix(60))”"
                        + "超出任何条号（上限 \(ChineseNumeral.maximumOrdinal)），未作为引用读取")
            }
        }
        return items
    }

    /// The warning for a list without items, once all are read.
    func finish(warnings: inout [String]) {
        if count == 0 {
            warnings.append("\(file):\(line): the list has no items")
        }
    }

    private mutating func item(_ entry: some YAMLMappingReading, warnings: inout [String]) throws(CorpusError) -> ListItem {
        guard let id = try entry.string("id") else {
            throw CorpusError(file: file, line: entry.line, message: "有一个事项没有 id")
        }
        if let first = seen[id] {
            throw CorpusError(file: file, line: entry.line(of: "id"), message: "事项编号 \(id) 重复（第 \(first) 行已用过）")
        }
        seen[id] = entry.line(of: "id")
        guard let name = try entry.string("name") else {
            throw CorpusError(file: file, line: entry.line, message: "事项 \(id) 没有 name（名称）")
        }
        let item = ListItem(
            id: id, name: name, columns: try Self.columns(entry), levels: try Self.levels(entry, warnings: &warnings),
            fields: try entry.pairs("fields").map { ListField(name: $0.key, value: $0.value) },
            line: entry.line)
        if !item.levels.isEmpty && !kind.hasLevels {
            warnings.append("\(file):\(entry.line(of: "levels")): item \(id) has levels but a \(kind.rawValue) has none")
        }
        return item
    }

    private static func levels(_ entry: some YAMLMappingReading, warnings: inout [String]) throws(CorpusError) -> [BenchmarkLevel] {
        var levels: [BenchmarkLevel] = []
        for level in try entry.mappings("levels") {
            warnings += level.unknownKeys(allowed: ListParser.levelKeys)
            guard let name = try level.string("level") else {
                throw CorpusError(file: entry.file, line: level.line, message: "有一个裁量阶次没有 level（阶次名称）")
            }
            levels.append(BenchmarkLevel(level: name, columns: try columns(level)))
        }
        return levels
    }

    /// The values of `Column`'s columns in `entry`, each under its key.
    private static func columns<Column: TextColumn>(_ entry: some YAMLMappingReading) throws(CorpusError) -> ColumnValues<Column> {
        var values = ColumnValues<Column>()
        for column in Column.allCases {
            values[column] = try entry.string(column.key)
        }
        return values
    }
}

/// Opens the items of the list versions of a corpus, a part at a time.
public struct ListItemSource: Sendable {
    let parser: ListParser

    /// The items of `list`: those it holds, or, when they were left in its file
    /// (``ListVersion/itemsAreDeferred``), read from the file as they are asked for.
    public func items(of list: ListVersion) -> ListItemStream {
        ListItemStream(list: list, parser: parser)
    }
}

/// The items of one list version, given a part at a time in order (``next(_:)``), with the
/// warnings about them (``takeWarnings()``).
///
/// A list whose items were left in its file (``ListVersion/itemsAreDeferred``) is read again:
/// its header must still say what it said when the corpus was loaded, or the file changed
/// meanwhile and ``next(_:)`` says so. Items are read by ``CanonicalSequenceReader``; should an
/// item hold something that reader leaves to Yams, the rest of the file is read by Yams,
/// from the same item on, with the same result. An error names the file and line as loading
/// the whole list would.
public final class ListItemStream {
    /// The list version (without its items when they are read from the file).
    public let list: ListVersion
    private let parser: ListParser?
    private var state: State
    /// Reads the items from the file, once it is opened.
    private var reader: ListItemReader?
    private var warnings: [String] = []

    private enum State {
        /// Not opened yet: the file is read on the first call of ``next(_:)``.
        case unopened
        case loaded(ArraySlice<ListItem>)
        case canonical(CanonicalSequenceReader)
        case yams(ArraySlice<Sidecar>)
        case finished
    }

    /// The items `list` holds; use ``ListItemSource`` for a list whose items are in its file.
    public convenience init(holding list: ListVersion) {
        self.init(list: list, parser: nil)
    }

    init(list: ListVersion, parser: ListParser?) {
        self.list = list
        self.parser = parser
        state = list.itemsAreDeferred ? .unopened : .loaded(list.items[...])
    }

    /// The next items, at most `count` (at least one); none once all are given.
    public func next(_ count: Int) throws(CorpusError) -> [ListItem] {
        let count = max(1, count)
        switch state {
        case .unopened:
            try open()
            return try next(count)
        case .loaded(let rest):
            let items = Array(rest.prefix(count))
            state = items.isEmpty ? .finished : .loaded(rest.dropFirst(count))
            return items
        case .canonical(let sequence):
            let nodes: [CanonicalYAML.Node]
            do {
                nodes = try sequence.next(count)
            } catch {
                try readWithYams(sequence.text)
                return try next(count)
            }
            var entries: [CanonicalMapping] = []
            entries.reserveCapacity(nodes.count)
            for node in nodes {
                entries.append(try CanonicalMapping(file: list.file, node: node))
            }
            return try read(entries)
        case .yams(let rest):
            let entries = Array(rest.prefix(count))
            state = .yams(rest.dropFirst(count))
            return try read(entries)
        case .finished:
            return []
        }
    }

    /// The warnings about the items given since the last call.
    public func takeWarnings() -> [String] {
        defer { warnings = [] }
        return warnings
    }

    private func read(_ entries: [some YAMLMappingReading]) throws(CorpusError) -> [ListItem] {
        guard !entries.isEmpty else {
            reader?.finish(warnings: &warnings)
            state = .finished
            return []
        }
        return try reader?.read(entries, warnings: &warnings) ?? []
    }

    /// The parser of the list's file: a stream made for a list holding its items
    /// (``init(holding:)``) has none, and never reads the file.
    private func fileParser() throws(CorpusError) -> ListParser {
        guard let parser else { throw CorpusError(file: list.file, message: "清单事项尚未读取") }
        return parser
    }

    /// Reads the file again, checks its header and sets out to read its items.
    private func open() throws(CorpusError) {
        let parser = try fileParser()
        let data = try TextFile.contents(list.file)
        guard let sequence = CanonicalSequenceReader(data: data, deferring: "items"), sequence.isDeferred else {
            try readWithYams(try TextFile.text(of: data, file: list.file))
            return
        }
        let root = try CanonicalMapping(file: list.file, node: sequence.root)
        try checkHeader(root)
        reader = ListItemReader(file: list.file, kind: list.kind, line: root.line, citations: parser.citations)
        state = .canonical(sequence)
    }

    /// Reads the whole file with Yams from `text`, the bytes of the file read when it was
    /// opened, and goes on from the item reached.
    private func readWithYams(_ text: String) throws(CorpusError) {
        let yaml = try Sidecar(file: list.file, yaml: text)
        try checkHeader(yaml)
        let parser = try fileParser()
        let given = reader?.count ?? 0
        var fresh = ListItemReader(file: list.file, kind: list.kind, line: yaml.line, citations: parser.citations)
        var entries = try yaml.mappings("items")[...]
        if given > 0 {
            // Read again the items already given, to know their ids, without giving them twice.
            var ignored: [String] = []
            _ = try fresh.read(Array(entries.prefix(given)), warnings: &ignored)
            entries = entries.dropFirst(given)
        }
        reader = fresh
        state = .yams(entries)
    }

    /// Throws unless `yaml` describes the list version as it was loaded.
    private func checkHeader(_ yaml: some YAMLMappingReading) throws(CorpusError) {
        let parser = try fileParser()
        var ignored: [String] = []
        let header = try parser.header(yaml, file: list.file, warnings: &ignored)
        guard header.department.id == list.department.id, header.kind == list.kind, header.title == list.title,
            header.version == list.version, header.published == list.published, header.filed == list.filed,
            header.publishedAt == list.publishedAt, header.status == list.status, header.isPublic == list.isPublic,
            header.note == list.note
        else {
            throw CorpusError(file: list.file, line: yaml.line, message: "文件在建立索引期间被改动，请重新运行 lawkb index")
        }
    }
}
