import Foundation
import Yams

/// The words people use for what the texts say, read from `Corpus/thesaurus.yaml`.
///
/// Officers and citizens search with catch-phrases (无过错不罚, 首违不罚), everyday words
/// (超载, 没挂营业执照) and shortened forms (不予处罚) that the texts never write; each entry
/// maps such words to the wording of the texts, and says where the equivalence comes from.
/// Search uses it to find those texts too, ranked below the texts that match literally.
public struct Thesaurus: Equatable, Sendable {
    /// The file name inside the corpus directory.
    public static let fileName = "thesaurus.yaml"

    /// Largest thesaurus file read, in bytes.
    public static let maximumFileSize = 1 << 20
    /// Most entries in one thesaurus.
    public static let maximumEntries = 2000
    /// Most words in one entry's `terms` or `finds`.
    public static let maximumWordsPerEntry = 32
    /// Longest word, in characters.
    public static let maximumWordLength = 40
    /// Most parts of one written form (`营业执照…醒目位置` has two).
    public static let maximumParts = 4

    /// Where an equivalence comes from, so that readers can judge how far to trust it.
    public enum Source: String, CaseIterable, Codable, Sendable {
        /// The law's own wording: the text itself says both (查封、扣押 as 查封扣押), or defines
        /// one by the other.
        case lawText = "法条原文"
        /// The short names of provisions used in explanations and training on the 2021
        /// revision of the administrative penalty law (无过错不罚, 首违不罚); not the law's words.
        case revisionCommentary = "修订解读"
        /// How people commonly say it (超载 for 超限, 亮照 for displaying the business licence).
        case commonUsage = "常用说法"
    }

    /// One equivalence: words people type, and how the texts write the same thing.
    public struct Entry: Equatable, Sendable {
        /// What people type: any of these, inside a search term, is expanded.
        public var terms: [String]
        /// How the texts write it. Parts separated by `…` must occur near each other
        /// (`营业执照…醒目位置`).
        public var finds: [WrittenForm]
        /// When `true` the equivalence holds both ways: a search for a written form also finds
        /// the terms (不予处罚 ↔ 不予行政处罚).
        public var mutual: Bool
        /// Where the equivalence comes from.
        public var source: Source
        /// The provision or usage behind it, for readers of the file and of search results.
        public var note: String?
        /// Line of the entry in the file.
        public var line: Int

        /// Creates an entry.
        public init(
            terms: [String], finds: [WrittenForm], mutual: Bool = false, source: Source,
            note: String? = nil, line: Int = 0
        ) {
            self.terms = terms
            self.finds = finds
            self.mutual = mutual
            self.source = source
            self.note = note
            self.line = line
        }
    }

    /// A way the texts write something: one phrase, or phrases that occur near each other.
    public struct WrittenForm: Hashable, Sendable, CustomStringConvertible {
        /// The phrases, in order; more than one means "near each other".
        public var parts: [String]

        /// Parses `营业执照…醒目位置` (also `...` or `⋯`) into its parts.
        public init(_ text: String) {
            var normalised = text
            for ellipsis in ["...", "⋯", "……"] {
                normalised = normalised.replacingOccurrences(of: ellipsis, with: "…")
            }
            parts = normalised.split(separator: "…").map { Thesaurus.searchable(String($0)) }
                .filter { !$0.isEmpty }
        }

        /// Creates a form from its parts.
        public init(parts: [String]) {
            self.parts = parts
        }

        /// The form as written in the file: parts joined by `…`.
        public var description: String { parts.joined(separator: "…") }
    }

    /// What a search term expands to: the thesaurus word found in it, and each written form.
    public struct Expansion: Equatable, Sendable {
        /// The word of the thesaurus found inside the search term.
        public var word: String
        /// What to search for instead.
        public var form: WrittenForm
        /// Where the equivalence comes from.
        public var source: Source
    }

    /// The entries, in file order.
    public private(set) var entries: [Entry]
    /// Every word that expands, normalised, with the forms it expands to.
    private var table: [String: [Expansion]] = [:]
    /// Length in characters of the longest word in ``table``.
    private var longestWord = 0

    /// A thesaurus of `entries`.
    public init(entries: [Entry] = []) {
        self.entries = entries
        for entry in entries {
            register(entry)
        }
    }

    /// Whether there is nothing to expand.
    public var isEmpty: Bool { table.isEmpty }

    /// Files the entry's words: its terms expand to its written forms; in a mutual entry every
    /// one-part word (term or written form) expands to all the others.
    private mutating func register(_ entry: Entry) {
        var words = entry.terms.map { (word: Self.searchable($0), forms: entry.finds) }
        if entry.mutual {
            let all = entry.terms.map(WrittenForm.init) + entry.finds
            words = all.filter { $0.parts.count == 1 }.map { (word: $0.parts[0], forms: all) }
        }
        for (word, forms) in words where !word.isEmpty {
            for form in forms where !form.parts.isEmpty && form.parts != [word] {
                let expansion = Expansion(word: word, form: form, source: entry.source)
                if !(table[word] ?? []).contains(expansion) { table[word, default: []].append(expansion) }
            }
            longestWord = max(longestWord, word.count)
        }
    }

    /// The expansions of a search term: for every thesaurus word inside `term` (longest
    /// first, not overlapping), each written form with the rest of the term around it
    /// (货车超载 → 货车超限), and, when the term is longer than the word, the word and its
    /// written forms alone (货车超载 → 超载, 超限), so that a qualifier the texts do not use
    /// does not hide them.
    /// At most `limit` expansions, in that order; none repeats the term itself.
    public func expansions(of term: String, limit: Int = 12) -> [(expansion: Expansion, form: WrittenForm)] {
        let characters = Array(Self.searchable(term))
        guard !table.isEmpty, !characters.isEmpty else { return [] }
        var result: [(expansion: Expansion, form: WrittenForm)] = []
        var seen: Set<WrittenForm> = [WrittenForm(parts: [String(characters)])]
        func add(_ expansion: Expansion, _ form: WrittenForm) {
            guard result.count < limit, !form.parts.isEmpty, seen.insert(form).inserted else { return }
            result.append((expansion, form))
        }
        var index = 0
        while index < characters.count {
            var matched = 0
            for length in stride(from: min(longestWord, characters.count - index), through: 1, by: -1) {
                let word = String(characters[index..<(index + length)])
                guard let expansions = table[word] else { continue }
                let before = String(characters[..<index])
                let after = String(characters[(index + length)...])
                for expansion in expansions {
                    var parts = expansion.form.parts
                    parts[0] = before + parts[0]
                    parts[parts.count - 1] += after
                    add(expansion, WrittenForm(parts: parts))
                }
                if !before.isEmpty || !after.isEmpty, let first = expansions.first {
                    add(first, WrittenForm(parts: [word]))
                    for expansion in expansions { add(expansion, expansion.form) }
                }
                matched = length
                break
            }
            index += max(matched, 1)
        }
        return result
    }

    /// `text` as compared with search terms: letters, digits and Han characters only, so that
    /// 查封、扣押, “首违不罚” and 首违 不罚 all read as one run.
    public static func searchable(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars
        where scalar.properties.isAlphabetic
            || scalar.properties.numericType != nil || scalar == "〇"
        {
            scalars.append(scalar)
        }
        return String(scalars)
    }
}

// MARK: - Reading the file

extension Thesaurus {
    /// Reads `<corpusRoot>/thesaurus.yaml`; an empty thesaurus when the file does not exist.
    public static func load(corpusRoot: String) throws(CorpusError) -> Thesaurus {
        let path = (corpusRoot as NSString).appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: path) else { return Thesaurus() }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        guard size <= maximumFileSize else {
            throw CorpusError(file: path, message: "同义词表过大（\(size) 字节，上限 \(maximumFileSize) 字节）")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CorpusError(file: path, message: "无法读取同义词表")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CorpusError(file: path, message: "同义词表不是有效的 UTF-8 文本")
        }
        return try parse(text, file: path)
    }

    /// Parses the YAML text of a thesaurus; errors name `file` and the line.
    public static func parse(_ yaml: String, file: String) throws(CorpusError) -> Thesaurus {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw CorpusError(file: file, line: line(of: error), message: "YAML 格式有误：\(problem(of: error))")
        } catch {
            throw CorpusError(file: file, message: "YAML 格式有误：\(error)")
        }
        guard let root else { return Thesaurus() }
        try Sidecar.checkExpansion(of: root, size: yaml.utf8.count, file: file)
        guard case .sequence(let sequence) = root else {
            throw CorpusError(file: file, line: root.mark?.line, message: "同义词表应为条目列表（每条以“- terms:”开头）")
        }
        guard sequence.count <= maximumEntries else {
            throw CorpusError(
                file: file, line: root.mark?.line,
                message: "同义词表条目过多（\(sequence.count) 条，上限 \(maximumEntries) 条）")
        }
        var entries: [Entry] = []
        for node in sequence {
            entries.append(try EntryReader(file: file, node: node).entry())
        }
        return Thesaurus(entries: entries)
    }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        case .duplicatedKeysInMapping(_, let context):
            return context.mark.line
        default:
            return nil
        }
    }

    private static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            return problem
        case .duplicatedKeysInMapping(let duplicates, _):
            return "字段重复：" + duplicates.joined(separator: "、")
        default:
            return "\(error)"
        }
    }
}

/// Reads one entry of the thesaurus file, naming the line of anything wrong.
private struct EntryReader {
    static let keys: Set<String> = ["terms", "finds", "mutual", "source", "note"]

    let file: String
    let node: Node

    func entry() throws(CorpusError) -> Thesaurus.Entry {
        guard case .mapping(let mapping) = node else {
            throw failure(node, "条目应为映射，包含 terms、finds、source")
        }
        var values: [String: Node] = [:]
        for (key, value) in mapping {
            guard let name = key.string, Self.keys.contains(name) else {
                throw failure(key, "未知字段“\(key.string ?? "?")”；可用字段：terms、finds、mutual、source、note")
            }
            values[name] = value
        }
        let terms = try words(values["terms"], key: "terms")
        let finds = try words(values["finds"], key: "finds").map(Thesaurus.WrittenForm.init)
        for form in finds where form.parts.count > Thesaurus.maximumParts {
            throw failure(values["finds"] ?? node, "写法“\(form)”的片段过多（上限 \(Thesaurus.maximumParts) 段）")
        }
        guard let sourceNode = values["source"], let sourceText = sourceNode.string else {
            throw failure(node, "缺少 source（出处）：" + Self.sourceChoices)
        }
        guard let source = Thesaurus.Source(rawValue: sourceText) else {
            throw failure(sourceNode, "source “\(sourceText)”无效：" + Self.sourceChoices)
        }
        var mutual = false
        if let mutualNode = values["mutual"] {
            guard let value = mutualNode.bool else { throw failure(mutualNode, "mutual 应为 true 或 false") }
            mutual = value
        }
        let note = values["note"]?.string
        return Thesaurus.Entry(
            terms: terms, finds: finds, mutual: mutual, source: source, note: note,
            line: node.mark?.line ?? 0)
    }

    static let sourceChoices = "应为 " + Thesaurus.Source.allCases.map(\.rawValue).joined(separator: "、") + " 之一"

    /// A non-empty list of words (a single word is accepted as a list of one).
    private func words(_ value: Node?, key: String) throws(CorpusError) -> [String] {
        guard let value else { throw failure(node, "缺少 \(key)") }
        var scalars: [Node] = []
        switch value {
        case .scalar: scalars = [value]
        case .sequence(let sequence): scalars = Array(sequence)
        default: throw failure(value, "\(key) 应为词语列表")
        }
        guard !scalars.isEmpty else { throw failure(value, "\(key) 不能为空") }
        guard scalars.count <= Thesaurus.maximumWordsPerEntry else {
            throw failure(value, "\(key) 的词语过多（上限 \(Thesaurus.maximumWordsPerEntry) 个）")
        }
        var words: [String] = []
        for scalar in scalars {
            guard let word = scalar.string else { throw failure(scalar, "\(key) 的每一项应为词语") }
            guard !Thesaurus.searchable(word).isEmpty else {
                throw failure(scalar, "“\(word)”没有可检索的文字")
            }
            guard word.count <= Thesaurus.maximumWordLength else {
                throw failure(scalar, "词语过长（\(word.count) 字，上限 \(Thesaurus.maximumWordLength) 字）")
            }
            words.append(word)
        }
        return words
    }

    private func failure(_ node: Node, _ message: String) -> CorpusError {
        CorpusError(file: file, line: node.mark?.line ?? self.node.mark?.line, message: message)
    }
}
