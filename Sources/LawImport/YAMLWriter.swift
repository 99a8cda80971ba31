import LawCorpus

/// Writes a list version in the corpus's YAML format, block style and readable: Chinese
/// as is, multi-line texts as `|-` blocks, quotes only where YAML needs them.
///
/// Key order follows the corpus files: department, kind, title, version, published, filed,
/// published_at, status, public, note, items (id, name, each ``ListColumn`` in order, levels
/// (level, each ``LevelColumn`` in order), fields).
public struct ListYAMLWriter: Sendable {
    /// The comment line of sample files.
    public static let sampleComment = "# 示例清单（sample）：为演示 lawkb 编写，并非该部门正式公布的清单。"

    /// Creates a writer.
    public init() {}

    /// The YAML text of `list`, after `comments` (each written as a `# ` line).
    public func render(_ list: ListVersion, comments: [String] = []) -> String {
        var out = YAMLBuilder()
        for comment in comments {
            for line in comment.split(separator: "\n", omittingEmptySubsequences: false) {
                out.line(line.hasPrefix("#") ? String(line) : "# " + line)
            }
        }
        if list.status == .sample, !comments.contains(Self.sampleComment) {
            out.line(Self.sampleComment)
        }
        out.pair("department", list.department.name, indent: 0)
        out.pair("kind", list.kind.rawValue, indent: 0)
        out.pair("title", list.title, indent: 0)
        out.raw("version", list.version.description, indent: 0)
        out.optionalDate("published", list.published, hint: "公示日期 YYYY-MM-DD")
        out.optionalDate("filed", list.filed, hint: "备案日期 YYYY-MM-DD")
        if let publishedAt = list.publishedAt {
            out.pair("published_at", publishedAt, indent: 0)
        } else {
            out.line("published_at:   # 公示载体：网站栏目、公示栏")
        }
        out.raw("status", list.status.rawValue, indent: 0)
        out.raw("public", list.isPublic ? "true" : "false", indent: 0)
        if let note = list.note { out.pair("note", note, indent: 0) }
        if list.items.isEmpty {
            out.raw("items", "[]", indent: 0)
            return out.text
        }
        out.line("items:")
        for item in list.items {
            out.pair("id", item.id, indent: 4, bullet: true)
            out.pair("name", item.name, indent: 4)
            out.columns(item.columns, indent: 4)
            if !item.levels.isEmpty {
                out.line("    levels:")
                for level in item.levels {
                    out.pair("level", level.level, indent: 8, bullet: true)
                    out.columns(level.columns, indent: 8)
                }
            }
            if !item.fields.isEmpty {
                out.line("    fields:")
                for field in item.fields { out.pair(field.name, field.value, indent: 6) }
            }
        }
        return out.text
    }
}

/// Line-by-line YAML output.
private struct YAMLBuilder {
    var text = ""

    mutating func line(_ line: String) {
        text += line + "\n"
    }

    /// `key: value` at `indent` (with `- ` in the two columns before it when `bullet`).
    mutating func pair(_ key: String, _ value: String, indent: Int, bullet: Bool = false) {
        let prefix = bullet ? String(repeating: " ", count: indent - 2) + "- " : String(repeating: " ", count: indent)
        let keyText = YAMLScalar.key(key)
        if value.utf8.contains(0x0A), let block = YAMLScalar.block(value, indent: indent + 2) {
            line(prefix + keyText + ": " + block.header)
            text += block.body
        } else {
            line(prefix + keyText + ": " + YAMLScalar.inline(value))
        }
    }

    /// `key: value` for each column with a value, in column order.
    mutating func columns<Column: TextColumn>(_ values: ColumnValues<Column>, indent: Int) {
        for (column, value) in values.filled { pair(column.key, value, indent: indent) }
    }

    /// `key: value` with the value written as is (dates, booleans, enum words).
    mutating func raw(_ key: String, _ value: String, indent: Int) {
        line(String(repeating: " ", count: indent) + key + ": " + value)
    }

    mutating func optionalDate(_ key: String, _ date: CalendarDate?, hint: String) {
        if let date {
            raw(key, date.description, indent: 0)
        } else {
            line("\(key):   # \(hint)")
        }
    }
}

/// YAML scalar styles: plain when unambiguous, double-quoted otherwise, literal blocks for
/// multi-line text.
public enum YAMLScalar {
    /// `value` on one line: plain if a YAML reader would read it back as the same string,
    /// else double-quoted with escapes.
    public static func inline(_ value: String) -> String {
        needsQuotes(value) ? YAMLText.quoted(value) : value
    }

    /// A mapping key: plain when safe, else double-quoted.
    public static func key(_ value: String) -> String {
        needsQuotes(value) || value.unicodeScalars.contains(where: { $0 == ":" || $0 == "?" }) ? YAMLText.quoted(value) : value
    }

    /// `|-` block lines for multi-line `value` at `indent`, or `nil` when a block cannot
    /// hold it exactly (control characters, blank-only or space-led first line, trailing spaces).
    public static func block(_ value: String, indent: Int) -> (header: String, body: String)? {
        let lines = value.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, !first.isEmpty, !first.hasPrefix(" "), !first.hasPrefix("\t"),
            !value.hasSuffix("\n"),
            !value.unicodeScalars.contains(where: { YAMLText.isControl($0) && $0 != "\n" && $0 != "\t" }),
            lines.allSatisfy({ !$0.hasSuffix(" ") && !$0.hasSuffix("\t") })
        else { return nil }
        let pad = String(repeating: " ", count: indent)
        let body = lines.map { $0.isEmpty ? "\n" : pad + $0 + "\n" }.joined()
        return ("|-", body)
    }

    /// Whether `value` must be quoted to be read back as this exact string.
    public static func needsQuotes(_ value: String) -> Bool {
        guard let first = value.unicodeScalars.first, let last = value.unicodeScalars.last else { return true }
        if CellText.isBlankScalar(first) || CellText.isBlankScalar(last) { return true }
        if value.unicodeScalars.contains(where: { YAMLText.isControl($0) || $0 == "\u{2028}" || $0 == "\u{2029}" }) {
            return true
        }
        if Self.indicators.contains(first) { return true }
        // `: ` and ` #` inside, `:` at the end: one pass over the scalars.
        var previous: Unicode.Scalar?
        for scalar in value.unicodeScalars {
            if scalar == " ", previous == ":" { return true }
            if scalar == "#", previous == " " { return true }
            previous = scalar
        }
        if last == ":" { return true }
        if value.hasPrefix("---") || value.hasPrefix("...") { return true }
        return looksTyped(value)
    }

    /// Characters that may not start a plain scalar.
    private static let indicators = Set("-?:,[]{}#&*!|>'\"%@`".unicodeScalars)
    /// Words a YAML 1.1 or 1.2 reader takes for null, booleans and special numbers.
    private static let typedWords: Set<String> = [
        "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n",
        ".inf", "-.inf", "+.inf", ".nan", "<<", "=",
    ]
    /// The characters of numbers, sexagesimals, dates and times.
    private static let typedScalars = Set("0123456789+-._:eExXoObBaAcCdDfFtTzZ ".unicodeScalars)

    /// Whether a YAML 1.1 or 1.2 reader could take `value` for null, a boolean, a number
    /// or a date.
    static func looksTyped(_ value: String) -> Bool {
        if value.utf8.count <= 5, typedWords.contains(value.lowercased()) { return true }
        guard let first = value.unicodeScalars.first,
            ("0"..."9").contains(first) || "+-.".unicodeScalars.contains(first)
        else { return false }
        // Numbers, sexagesimals, dates and times use ASCII digits, signs, dots, colons, dashes,
        // underscores, exponent and radix letters, T/Z and spaces only.
        return value.unicodeScalars.allSatisfy { typedScalars.contains($0) }
    }
}
