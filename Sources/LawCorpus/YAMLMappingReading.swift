/// What a list file's reader offers ``ListParser``: typed values of a mapping by key, each
/// located by line, so that the same parsing code runs over ``CanonicalMapping`` (the fast
/// reader of the YAML lawkb writes) and ``Sidecar`` (Yams, for everything else) and reports
/// the same values, warnings and errors from either.
protocol YAMLMappingReading {
    /// Path of the YAML file.
    var file: String { get }
    /// Line of the mapping itself (its first key).
    var line: Int { get }
    /// Keys present, in file order.
    var keys: [String] { get }
    /// Line of the value of `key`, or of the mapping when the key is absent.
    func line(of key: String) -> Int
    /// The mappings listed under `key`.
    func mappings(_ key: String) throws(CorpusError) -> [Self]
    /// The key/value pairs of the mapping under `key`, in file order, values as text.
    func pairs(_ key: String) throws(CorpusError) -> [(key: String, value: String)]
    /// The value under `key` as far as a single value goes: what the typed readings below
    /// (``string(_:)``, ``bool(_:)``, ``date(_:)``) are made of, once for both readers.
    func scalar(_ key: String) -> YAMLScalar
}

/// A value looked up as a single value.
enum YAMLScalar {
    /// The key is absent, or its value null.
    case absent
    /// A single value, as written, on `line`.
    case scalar(String, line: Int?)
    /// A list or mapping on `line`.
    case other(line: Int?)
}

extension YAMLMappingReading {
    /// Warnings for keys outside `allowed`.
    func unknownKeys(allowed: Set<String>) -> [String] {
        keys.filter { !allowed.contains($0) }.map { "\(file):\(line(of: $0)): unknown key '\($0)' ignored" }
    }

    /// A string value; `nil` when absent, null or empty.
    func string(_ key: String) throws(CorpusError) -> String? {
        switch scalar(key) {
        case .absent:
            return nil
        case .scalar(let text, _):
            let value = TextSupport.trim(text)
            return value.isEmpty ? nil : value
        case .other(let line):
            throw CorpusError(file: file, line: line, message: "'\(key)' must be a single value")
        }
    }

    /// A yes/no value (`true`/`false`, `yes`/`no`, `是`/`否`).
    func bool(_ key: String) throws(CorpusError) -> Bool? {
        let (written, line): (String?, Int?)
        switch scalar(key) {
        case .absent: return nil
        case .scalar(let text, let at): (written, line) = (TextSupport.trim(text).lowercased(), at)
        case .other(let at): (written, line) = (nil, at)
        }
        switch written {
        case "true", "yes", "是": return true
        case "false", "no", "否": return false
        default:
            throw CorpusError(file: file, line: line, message: "'\(key)' must be true or false")
        }
    }

    /// A `YYYY-MM-DD` date.
    func date(_ key: String) throws(CorpusError) -> CalendarDate? {
        let (text, line): (String?, Int?)
        switch scalar(key) {
        case .absent: return nil
        case .scalar(let written, let at): (text, line) = (written, at)
        case .other(let at): (text, line) = (nil, at)
        }
        guard let text, let date = CalendarDate(iso: TextSupport.trim(text)) else {
            throw CorpusError(
                file: file, line: line,
                message: "'\(key)' must be a date written YYYY-MM-DD with a year from "
                    + "\(CalendarDate.parsedYears.lowerBound) to \(CalendarDate.parsedYears.upperBound), "
                    + "not '\((text ?? "…").prefix(40))'")
        }
        return date
    }
}

extension Sidecar: YAMLMappingReading {}

/// A mapping read by ``CanonicalYAML``, answering as ``Sidecar`` answers for the same text:
/// the same values, the same lines, the same messages.
struct CanonicalMapping: YAMLMappingReading {
    let file: String
    let line: Int
    private let entries: [CanonicalYAML.Entry]

    /// The top-level mapping of `text`, or `nil` when ``CanonicalYAML`` does not read it.
    init?(file: String, text: String) {
        guard let root = CanonicalYAML.parse(text) else { return nil }
        try? self.init(file: file, node: root)
    }

    /// The top-level mapping of the UTF-8 `bytes` of `file`, or `nil` when ``CanonicalYAML``
    /// does not read them.
    init?(file: String, bytes: UnsafeBufferPointer<UInt8>) {
        guard let root = CanonicalYAML.parse(bytes: bytes) else { return nil }
        try? self.init(file: file, node: root)
    }

    init(file: String, node: CanonicalYAML.Node) throws(CorpusError) {
        guard case .mapping(let entries, let line) = node else {
            throw CorpusError(file: file, line: node.line, message: "应为“键: 值”的映射")
        }
        self.file = file
        self.line = line
        self.entries = entries
    }

    var keys: [String] { entries.map(\.key) }

    /// The value under `key`; entries are few, so a scan beats hashing.
    private func value(_ key: String) -> CanonicalYAML.Node? {
        for entry in entries where entry.key == key { return entry.value }
        return nil
    }

    /// The value under `key` unless it is absent or null.
    private func present(_ key: String) -> CanonicalYAML.Node? {
        guard let node = value(key), !node.isNull else { return nil }
        return node
    }

    func line(of key: String) -> Int {
        value(key)?.line ?? line
    }

    func scalar(_ key: String) -> YAMLScalar {
        guard let node = present(key) else { return .absent }
        guard case .scalar(let text, _, _) = node else { return .other(line: node.line) }
        return .scalar(text, line: node.line)
    }

    func mappings(_ key: String) throws(CorpusError) -> [CanonicalMapping] {
        guard let node = present(key) else { return [] }
        guard case .sequence(let elements, _) = node else {
            throw CorpusError(file: file, line: node.line, message: "'\(key)' must be a list")
        }
        var result: [CanonicalMapping] = []
        result.reserveCapacity(elements.count)
        for element in elements {
            result.append(try CanonicalMapping(file: file, node: element))
        }
        return result
    }

    func pairs(_ key: String) throws(CorpusError) -> [(key: String, value: String)] {
        guard let node = present(key) else { return [] }
        guard case .mapping(let entries, _) = node else {
            throw CorpusError(file: file, line: node.line, message: "'\(key)' must map names to values")
        }
        var result: [(key: String, value: String)] = []
        for entry in entries {
            guard case .scalar(let text, _, _) = entry.value else {
                throw CorpusError(file: file, line: entry.value.line, message: "'\(key)' must map names to single values")
            }
            result.append((TextSupport.trim(entry.key), TextSupport.trim(text)))
        }
        return result
    }
}
