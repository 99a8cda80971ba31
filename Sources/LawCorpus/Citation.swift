import Foundation

/// A reference to one article (and possibly paragraph and item) of a document, as found in a
/// text (`《行政处罚法》第三十三条第一款`) or typed by a user.
///
/// A list such as `第三十二条、第三十三条` yields one citation per article, each carrying the
/// whole matched text, so every link can be traced to the words that made it.
public struct Citation: Hashable, Sendable, Codable {
    /// Canonical full title of the cited document once resolved; `nil` when the name is not a
    /// document of the corpus.
    public var document: String?
    /// The document name as written (`行政处罚法`); `nil` for 本法/本条例 and bare `第X条`.
    public var name: String?
    /// Article number.
    public var article: Int
    /// Paragraph (款) number: 第一款 → 1.
    public var paragraph: Int?
    /// Item (项) number: 第（二）项, 第二项 → 2.
    public var item: Int?
    /// The matched text, e.g. `《行政处罚法》第三十三条第一款`.
    public var text: String

    /// Creates a citation from its parts.
    public init(
        document: String?, name: String?, article: Int, paragraph: Int? = nil, item: Int? = nil,
        text: String
    ) {
        self.document = document
        self.name = name
        self.article = article
        self.paragraph = paragraph
        self.item = item
        self.text = text
    }
}

/// The names a document goes by (full title, short titles) mapped to its canonical title, so
/// that `行政处罚法`, `《中华人民共和国行政处罚法》` and `中华人民共和国 行政处罚法` all resolve alike.
public struct DocumentNames: Sendable {
    private var canonical: [String: String] = [:]  // key → canonical title
    /// Names as registered, longest first, each with its folded form to look for in texts
    /// (folded once here, not by every parser made over these names).
    private(set) var spellings: [(spelling: String, folded: FoldedText.Word)] = []

    /// An empty register.
    public init() {}

    /// Registers `title` and its `aliases`. A name already registered for another title keeps
    /// its first owner, so that a later, older version cannot capture a short name.
    public mutating func register(title: String, aliases: [String]) {
        for name in [title] + aliases {
            let key = Self.key(name)
            guard !key.isEmpty else { continue }
            if canonical[key] == nil { canonical[key] = title }
            let spelling = TextSupport.trim(name)
            add(spelling)
            // Also the spelling without the 中华人民共和国 prefix, as texts cite it that way.
            let short = Self.strippingCountry(spelling)
            if short != spelling, !short.isEmpty { add(short) }
        }
        spellings.sort { $0.spelling.count > $1.spelling.count }
    }

    private mutating func add(_ spelling: String) {
        guard !spellings.contains(where: { $0.spelling == spelling }) else { return }
        spellings.append((spelling, FoldedText.Word(String(spelling.map(FoldedText.fold)))))
    }

    /// The canonical title for `name`, tolerating 《》, the 中华人民共和国 prefix, whitespace and
    /// full-width forms; `nil` when the name is unknown.
    public func resolve(_ name: String) -> String? {
        let key = Self.key(name)
        return key.isEmpty ? nil : canonical[key]
    }

    /// Every registered spelling (titles and aliases, also without 中华人民共和国), longest first:
    /// the names a text may use without 《》 before `第X条`.
    public var names: [String] { spellings.map(\.spelling) }

    /// Whether no name is registered.
    public var isEmpty: Bool { canonical.isEmpty }

    static let country = "中华人民共和国"

    /// The lookup key: NFKC, no whitespace, no book-title marks, no country prefix.
    static func key(_ name: String) -> String {
        let folded = name.precomposedStringWithCompatibilityMapping
        let kept = folded.filter { !TextSupport.isSpace($0) && $0 != "\n" && !"《》〈〉<>".contains($0) }
        return strippingCountry(String(kept))
    }

    static func strippingCountry(_ name: String) -> String {
        name.hasPrefix(country) ? String(name.dropFirst(country.count)) : name
    }
}
