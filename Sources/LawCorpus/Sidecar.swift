import Foundation
import Yams

/// A metadata sidecar: a YAML mapping beside a text file with the same base name
/// (`中华人民共和国行政处罚法(2021).yaml` beside `….md`). Texts stay unchanged; facts go here.
///
/// Values are read with their line numbers so that a wrong one is reported where it is.
struct Sidecar {
    /// Path of the YAML file.
    let file: String
    private let values: [String: (node: Node, line: Int?)]
    /// Keys present in the file, in order.
    let keys: [String]

    /// Reads and parses `file`; `nil` when it does not exist.
    static func load(_ file: String, allowedKeys: Set<String>, warnings: inout [String]) throws(CorpusError)
        -> Sidecar?
    {
        guard let text = try TextFile.read(file, required: false) else { return nil }
        let sidecar = try Sidecar(file: file, yaml: text)
        for key in sidecar.keys where !allowedKeys.contains(key) {
            warnings.append("\(file):\(sidecar.values[key]?.line ?? 1): unknown key '\(key)' ignored")
        }
        return sidecar
    }

    init(file: String, yaml: String) throws(CorpusError) {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw CorpusError(
                file: file, line: Self.line(of: error),
                message: "YAML 格式有误：\(Self.problem(of: error))")
        } catch {
            throw CorpusError(file: file, line: nil, message: "YAML 格式有误：\(error)")
        }
        guard let root else {
            self.init(emptyFile: file)
            return
        }
        try Self.checkExpansion(of: root, size: yaml.utf8.count, file: file)
        try self.init(file: file, node: root)
    }

    /// How far a document may grow through aliases: each alias (`*name`) stands for a whole
    /// copy of its anchor, so a few lines can stand for gigabytes (the "billion laughs").
    /// Written out, a document's nodes and scalars never take much more than its own bytes.
    static let maximumExpansion = 4

    /// Walks the document counting nodes and scalar bytes, aliases expanded, and stops with an
    /// error as soon as the count exceeds ``maximumExpansion`` times its size; the walk itself
    /// is bounded the same way.
    static func checkExpansion(of root: Node, size: Int, file: String) throws(CorpusError) {
        let budget = maximumExpansion * size + 4096
        var used = 1  // nodes are counted when queued, so the queue is bounded too
        var pending = [root]
        while let node = pending.popLast() {
            switch node {
            case .scalar(let scalar): used += scalar.string.utf8.count
            case .mapping(let mapping):
                used += 2 * mapping.count
                if used <= budget { for (key, value) in mapping { pending += [key, value] } }
            case .sequence(let sequence):
                used += sequence.count
                if used <= budget { pending += Array(sequence) }
            case .alias: break
            }
            if used > budget {
                throw CorpusError(
                    file: file, line: nil,
                    message: "YAML 经别名（*name）展开后超过文件本身大小的 \(maximumExpansion) 倍；"
                        + "请直接写出各值，不用别名")
            }
        }
    }

    private init(emptyFile file: String) {
        self.file = file
        values = [:]
        keys = []
        line = 1
    }

    /// Wraps a mapping found inside a YAML document (an item of a list, say).
    init(file: String, node: Node) throws(CorpusError) {
        self.file = file
        guard let mapping = node.mapping else {
            throw CorpusError(file: file, line: node.mark?.line, message: "应为“键: 值”的映射")
        }
        var values: [String: (Node, Int?)] = [:]
        var keys: [String] = []
        for (key, value) in mapping {
            guard let name = key.string else {
                throw CorpusError(file: file, line: key.mark?.line, message: "键必须是文字")
            }
            values[name] = (value, value.mark?.line ?? key.mark?.line)
            keys.append(name)
        }
        self.values = values
        self.keys = keys
        self.line = node.mark?.line ?? 1
    }

    /// Line of the mapping itself (its first key).
    let line: Int

    /// Line of the value of `key`, or of the mapping when the key is absent.
    func line(of key: String) -> Int {
        values[key]?.line ?? line
    }

    /// The mappings listed under `key` (e.g. a list's items).
    func mappings(_ key: String) throws(CorpusError) -> [Sidecar] {
        guard let (node, line) = values[key], !isNull(node) else { return [] }
        guard let sequence = node.sequence else {
            throw CorpusError(file: file, line: line, message: "'\(key)' must be a list")
        }
        var result: [Sidecar] = []
        for element in sequence {
            result.append(try Sidecar(file: file, node: element))
        }
        return result
    }

    /// The key/value pairs of the mapping under `key`, in file order, values as text.
    func pairs(_ key: String) throws(CorpusError) -> [(key: String, value: String)] {
        guard let (node, line) = values[key], !isNull(node) else { return [] }
        guard let mapping = node.mapping else {
            throw CorpusError(file: file, line: line, message: "'\(key)' must map names to values")
        }
        var result: [(key: String, value: String)] = []
        for (name, value) in mapping {
            guard let name = name.string, let text = value.scalar?.string else {
                throw CorpusError(
                    file: file, line: value.mark?.line ?? line,
                    message: "'\(key)' must map names to single values")
            }
            result.append((TextSupport.trim(name), TextSupport.trim(text)))
        }
        return result
    }

    /// The value under `key` as far as a single value goes (``YAMLMappingReading``).
    func scalar(_ key: String) -> YAMLScalar {
        guard let (node, line) = values[key], !isNull(node) else { return .absent }
        guard let scalar = node.scalar else { return .other(line: line) }
        return .scalar(scalar.string, line: line)
    }

    private func isNull(_ node: Node) -> Bool {
        node.null != nil
    }

    /// A list of strings; a single string counts as a list of one.
    func strings(_ key: String) throws(CorpusError) -> [String]? {
        guard let (node, line) = values[key], !isNull(node) else { return nil }
        if let scalar = node.scalar { return [TextSupport.trim(scalar.string)].filter { !$0.isEmpty } }
        guard let sequence = node.sequence else {
            throw CorpusError(file: file, line: line, message: "'\(key)' must be a list of names")
        }
        var result: [String] = []
        for item in sequence {
            guard let scalar = item.scalar else {
                throw CorpusError(
                    file: file, line: item.mark?.line ?? line,
                    message: "'\(key)' must be a list of names")
            }
            result.append(TextSupport.trim(scalar.string))
        }
        return result
    }

    /// A year in ``CalendarDate/parsedYears``.
    func year(_ key: String) throws(CorpusError) -> Int? {
        guard let value = try integer(key) else { return nil }
        guard CalendarDate.parsedYears.contains(value) else {
            throw CorpusError(
                file: file, line: line(of: key),
                message: "“\(key)”应为 \(CalendarDate.parsedYears.lowerBound) 至 "
                    + "\(CalendarDate.parsedYears.upperBound) 之间的年份，而不是 \(value)")
        }
        return value
    }

    /// An integer.
    func integer(_ key: String) throws(CorpusError) -> Int? {
        guard let (node, line) = values[key], !isNull(node) else { return nil }
        guard let text = node.scalar?.string, let value = Int(TextSupport.trim(text)) else {
            throw CorpusError(file: file, line: line, message: "'\(key)' must be a whole number")
        }
        return value
    }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        case .duplicatedKeysInMapping(_, let context):
            return context.mark.line
        case .reader(_, let offset?, _, let yaml):
            // The reader counts characters (code points) of the input.
            return yaml.unicodeScalars.prefix(max(0, offset)).reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
        default:
            return nil
        }
    }

    private static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            return problem
        case .duplicatedKeysInMapping(let duplicates, _):
            return "duplicate keys \(duplicates.joined(separator: ", "))"
        case .reader(let problem, _, let value, _):
            let character = Unicode.Scalar(UInt32(bitPattern: value)).map { "U+" + String($0.value, radix: 16, uppercase: true) }
            return problem + (character.map { " (\($0))" } ?? "")
        default:
            return "\(error)"
        }
    }
}

/// Reads text files as UTF-8, turning failures into `CorpusError`s that name the file.
enum TextFile {
    /// The contents of `path`; `nil` when it does not exist and is not `required`.
    static func read(_ path: String, required: Bool = true) throws(CorpusError) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else {
            if !required && !FileManager.default.fileExists(atPath: path) { return nil }
            throw CorpusError(file: path, line: nil, message: "无法读取")
        }
        return try text(of: data, file: path)
    }

    /// The bytes of the file at `path`, which must be there.
    static func contents(_ path: String) throws(CorpusError) -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CorpusError(file: path, line: nil, message: "无法读取")
        }
        return data
    }

    /// `data`, the bytes of the file at `path`, as text; an error naming the line of the first
    /// byte that is not UTF-8.
    static func text(of data: Data, file path: String) throws(CorpusError) -> String {
        guard let text = String(validating: data, as: UTF8.self) else {
            throw CorpusError(file: path, line: invalidLine(in: data), message: "不是有效的 UTF-8 文本")
        }
        return text
    }

    /// The line of the first byte that is not valid UTF-8.
    private static func invalidLine(in data: Data) -> Int? {
        var line = 1
        var start = data.startIndex
        while start < data.endIndex {
            let end = data[start...].firstIndex(of: 0x0A) ?? data.endIndex
            if String(validating: data[start..<end], as: UTF8.self) == nil { return line }
            line += 1
            start = end < data.endIndex ? data.index(after: end) : end
        }
        return nil
    }
}
