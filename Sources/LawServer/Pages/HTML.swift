import LawCorpus
import LawQuery

/// A piece of HTML markup that is safe by construction.
///
/// Markup comes only from string literals written in the source; every value interpolated
/// into a literal is escaped unless it is itself `HTML`:
///
///     let row: HTML = "<tr><th scope=\"row\">\(label)</th><td>\(value)</td></tr>"
///
/// escapes `label` and `value` (plain `String`s) and keeps the tags. A runtime `String` can
/// become markup only through ``escape(_:)`` (as text), ``snippet(_:)`` (escaped, then its
/// matches marked) and ``link(_:_:rel:class:)`` (whose address must be on this site), so a
/// forgotten escape cannot happen. Attribute values are written quoted in the literals, and
/// ``escape(_:)`` escapes both quotes, so an interpolated value cannot leave its attribute.
///
/// A string literal inside an interpolation (`\(open ? " open" : "")`) is a `String` and is
/// escaped like any text; markup there is written `"<br>" as HTML`.
struct HTML: Sendable, Equatable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// The markup.
    private(set) var markup: String

    /// Markup already made safe by this type's own helpers.
    fileprivate init(safe markup: String) {
        self.markup = markup
    }

    /// Markup written in the source. A `StaticString`, so that no runtime text can pose as markup.
    init(stringLiteral literal: StaticString) {
        markup = literal.description
    }

    /// Markup written in the source with values interpolated (see ``StringInterpolation``).
    init(stringInterpolation: StringInterpolation) {
        markup = stringInterpolation.markup
    }

    /// `text`, escaped: shown as written, never read as markup.
    init(text: String) {
        markup = Self.escape(text)
    }

    var description: String { markup }

    /// Whether there is no markup at all.
    var isEmpty: Bool { markup.isEmpty }

    /// Whether the markup contains `text` as written (tags and entities included).
    func contains(_ text: String) -> Bool {
        markup.contains(text)
    }

    /// `lhs` followed by `rhs`.
    static func + (lhs: HTML, rhs: HTML) -> HTML {
        HTML(safe: lhs.markup + rhs.markup)
    }

    /// Appends `rhs` to `lhs`.
    static func += (lhs: inout HTML, rhs: HTML) {
        lhs.markup += rhs.markup
    }

    /// Builds markup from literal pieces (kept) and interpolated values (escaped unless `HTML`).
    struct StringInterpolation: StringInterpolationProtocol {
        fileprivate var markup = ""

        init(literalCapacity: Int, interpolationCount: Int) {
            markup.reserveCapacity(literalCapacity + 16 * interpolationCount)
        }

        /// A piece of the literal: markup written in the source.
        mutating func appendLiteral(_ literal: StaticString) {
            markup += literal.description
        }

        /// Text: escaped.
        mutating func appendInterpolation(_ text: String) {
            markup += HTML.escape(text)
        }

        /// Text: escaped.
        mutating func appendInterpolation(_ text: Substring) {
            markup += HTML.escape(String(text))
        }

        /// A number, as digits.
        mutating func appendInterpolation(_ number: Int) {
            markup += String(number)
        }

        /// Markup: kept as it is.
        /// A kind of list, by its name (不予处罚事项清单), escaped.
        mutating func appendInterpolation(_ kind: ListKind) {
            markup += HTML.escape(kind.rawValue)
        }

        mutating func appendInterpolation(_ html: HTML) {
            markup += html.markup
        }
    }

    /// `text` safe inside element content and quoted attribute values: `& < > " '` escaped.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// A search snippet: escaped, then its matches wrapped in `<mark>`.
    static func snippet(_ text: String) -> HTML {
        HTML(safe: Highlight.render(escape(text), open: "<mark>", close: "</mark>"))
    }

    /// A link to `path` with `label` as its text; `rel` and `class` become attributes.
    ///
    /// Every address lawkb links is a path on this site, built from data (a law's name, a
    /// department's, an item's id): a `path` that is not one (``isSitePath(_:)``), such as
    /// `javascript:…` or `//elsewhere`, gives the label alone, as text, never a link.
    static func link(_ path: String, _ label: String, rel: String? = nil, class name: String? = nil) -> HTML {
        guard isSitePath(path) else { return HTML(text: label) }
        let rel: HTML = rel.map { " rel=\"\($0)\"" } ?? ""
        let name: HTML = name.map { " class=\"\($0)\"" } ?? ""
        return "<a href=\"\(path)\"\(rel)\(name)>\(label)</a>"
    }

    /// Whether `path` is an address on this site: it starts with one `/` and has no
    /// backslash, space or control character, so no browser reads it as another site
    /// (`//host`, `/\host`) or a scheme (`javascript:`).
    static func isSitePath(_ path: String) -> Bool {
        guard path.hasPrefix("/"), !path.hasPrefix("//") else { return false }
        return !path.unicodeScalars.contains { scalar in
            scalar == "\\" || scalar.value <= 0x20 || (0x7F...0x9F).contains(scalar.value)
                || scalar.properties.isWhitespace
        }
    }
}

extension Sequence where Element == HTML {
    /// The pieces one after another, `separator` between each two.
    func joined(separator: HTML = "") -> HTML {
        HTML(safe: map(\.markup).joined(separator: separator.markup))
    }
}
