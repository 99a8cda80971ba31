import LawCorpus

/// A law's name as people write it with a version: `行政处罚法(2017)`, `行政处罚法（2017年）`,
/// `2017年行政处罚法`, `2017年版行政处罚法`, and `旧行政处罚法` / `原行政处罚法` for the version
/// before the current one.
struct VersionedName: Equatable {
    /// Which version the words name.
    enum Version: Equatable {
        /// The version of that year (`"2017"`).
        case year(String)
        /// The version before the one in force.
        case previous
    }

    /// The name without its version.
    let name: String
    /// The version it names.
    let version: Version

    /// The longest text read as a versioned name.
    static let maximumLength = 200

    /// Reads `text`; `nil` when it carries no version.
    init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.count <= Self.maximumLength, trimmed.count > 1 else { return nil }
        if let (name, year) = Self.suffixedYear(trimmed) ?? Self.prefixedYear(trimmed) {
            self.name = name
            self.version = .year(year)
        } else if let first = trimmed.first, "旧原".contains(first) {
            self.name = String(trimmed.dropFirst())
            self.version = .previous
        } else {
            return nil
        }
        guard !name.isEmpty else { return nil }
    }

    /// `行政处罚法(2017)`, `行政处罚法（2017年）`, `行政处罚法(2017年版)`.
    private static func suffixedYear(_ text: String) -> (String, String)? {
        let folded = text.precomposedStringWithCompatibilityMapping
        guard folded.hasSuffix(")"), let open = folded.lastIndex(of: "(") else { return nil }
        var inside = folded[folded.index(after: open)..<folded.index(before: folded.endIndex)]
        for ending in ["年版", "年", "版"] where inside.hasSuffix(ending) {
            inside = inside.dropLast(ending.count)
            break
        }
        guard let year = year(inside) else { return nil }
        return (String(folded[..<open]).trimmingCharacters(in: .whitespaces), year)
    }

    /// `2017年行政处罚法`, `2017年版行政处罚法`.
    private static func prefixedYear(_ text: String) -> (String, String)? {
        let folded = text.precomposedStringWithCompatibilityMapping
        guard let mark = folded.firstIndex(of: "年"), let year = year(folded[..<mark]) else { return nil }
        var rest = folded[folded.index(after: mark)...]
        if rest.hasPrefix("版") { rest = rest.dropFirst() }
        return (String(rest).trimmingCharacters(in: .whitespaces), year)
    }

    /// Four digits in ``CalendarDate/parsedYears``.
    private static func year(_ text: Substring) -> String? {
        guard text.count == 4, text.allSatisfy(\.isASCII), let value = Int(text),
            CalendarDate.parsedYears.contains(value)
        else { return nil }
        return String(text)
    }
}
