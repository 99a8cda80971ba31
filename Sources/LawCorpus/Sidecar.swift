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
            throw CorpusError(file: file, line: Self.line(of: error),
                              message: "invalid YAML: \(Self.problem(of: error))")
        } catch {
            throw CorpusError(file: file, line: nil, message: "invalid YAML: \(error)")
        }
        guard let root else {
            self.init(emptyFile: file)
            return
        }
        try self.init(file: file, node: root)
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
            throw CorpusError(file: file, line: node.mark?.line, message: "expected a mapping of keys to values")
        }
        var values: [String: (Node, Int?)] = [:]
        var keys: [String] = []
        for (key, value) in mapping {
            guard let name = key.string else {
                throw CorpusError(file: file, line: key.mark?.line, message: "keys must be strings")
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

    /// Warns about keys outside `allowed`.
    func unknownKeys(allowed: Set<String>) -> [String] {
        keys.filter { !allowed.contains($0) }.map { "\(file):\(line(of: $0)): unknown key '\($0)' ignored" }
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
                throw CorpusError(file: file, line: value.mark?.line ?? line,
                                  message: "'\(key)' must map names to single values")
            }
            result.append((TextSupport.trim(name), TextSupport.trim(text)))
        }
        return result
    }

    /// A yes/no value (`true`/`false`, `yes`/`no`, `是`/`否`).
    func bool(_ key: String) throws(CorpusError) -> Bool? {
        guard let (node, line) = values[key], !isNull(node) else { return nil }
        switch node.scalar.map({ TextSupport.trim($0.string).lowercased() }) {
        case "true", "yes", "是": return true
        case "false", "no", "否": return false
        default:
            throw CorpusError(file: file, line: line, message: "'\(key)' must be true or false")
        }
    }

    private func isNull(_ node: Node) -> Bool {
        node.null != nil
    }

    /// A string value; `nil` when absent or null.
    func string(_ key: String) throws(CorpusError) -> String? {
        guard let (node, line) = values[key], !isNull(node) else { return nil }
        guard let scalar = node.scalar else {
            throw CorpusError(file: file, line: line, message: "'\(key)' must be a single value")
        }
        let value = TextSupport.trim(scalar.string)
        return value.isEmpty ? nil : value
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
                throw CorpusError(file: file, line: item.mark?.line ?? line,
                                  message: "'\(key)' must be a list of names")
            }
            result.append(TextSupport.trim(scalar.string))
        }
        return result
    }

    /// A `YYYY-MM-DD` date.
    func date(_ key: String) throws(CorpusError) -> CalendarDate? {
        guard let (node, line) = values[key], !isNull(node) else { return nil }
        guard let text = node.scalar?.string, let date = CalendarDate(iso: TextSupport.trim(text)) else {
            let written = node.scalar?.string ?? "…"
            throw CorpusError(file: file, line: line,
                              message: "'\(key)' must be a date written YYYY-MM-DD, not '\(written)'")
        }
        return date
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
        case let .scanner(_, _, mark, _), let .parser(_, _, mark, _), let .composer(_, _, mark, _):
            return mark.line
        case let .duplicatedKeysInMapping(_, context):
            return context.mark.line
        default:
            return nil
        }
    }

    private static func problem(of error: YamlError) -> String {
        switch error {
        case let .scanner(_, problem, _, _), let .parser(_, problem, _, _), let .composer(_, problem, _, _):
            return problem
        case let .duplicatedKeysInMapping(duplicates, _):
            return "duplicate keys \(duplicates.joined(separator: ", "))"
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
            throw CorpusError(file: path, line: nil, message: "cannot be read")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            let line = invalidLine(in: data)
            throw CorpusError(file: path, line: line, message: "not valid UTF-8 text")
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
