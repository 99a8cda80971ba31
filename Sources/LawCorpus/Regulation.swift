/// The kinds of document the corpus holds, which are parsed, indexed and shown differently.
public enum DocumentKind: String, Codable, Sendable, CaseIterable, CustomStringConvertible {
    /// A policy document such as the justice bureau's 实施方案: parts, measures, deadlines.
    case plan
    /// A law or regulation: chapters and numbered articles that other texts cite.
    case regulation
    /// A version of a department's list.
    case list

    /// The code, as JSON writes the kind: `plan`, `regulation`, `list`.
    public var description: String { rawValue }

    /// The Chinese name pages and the command line show: 实施方案, 法律法规, 清单.
    public var chineseName: String {
        switch self {
        case .plan: "实施方案"
        case .regulation: "法律法规"
        case .list: "清单"
        }
    }

    /// Other Chinese names people type for the kind (方案, 法规, 法律 …).
    public var aliases: [String] {
        switch self {
        case .plan: ["方案"]
        case .regulation: ["法律", "法规", "法律法规规章"]
        case .list: []
        }
    }

    /// The kind called `name`: its code (`plan`, `regulation`, `list`, any case), its Chinese
    /// name or an alias; `nil` for anything else.
    public static func resolve(_ name: String) -> DocumentKind? {
        let key = String(name.filter { !$0.isWhitespace }).lowercased()
        return allCases.first { $0.rawValue == key || $0.chineseName == key || $0.aliases.contains(key) }
    }
}

/// Facts about one version of a law or regulation, kept apart from its text.
///
/// They come from a YAML sidecar beside the text when there is one (the texts are copies that
/// must stay unchanged), and are otherwise derived from the text itself.
public struct RegulationMetadata: Codable, Sendable, Equatable {
    /// Full official title: `中华人民共和国行政处罚法`. The canonical name citations resolve to.
    public var title: String
    /// Short titles used in citations: `["行政处罚法"]`.
    public var shortNames: [String]
    /// Enacting body: `全国人民代表大会常务委员会`, `国务院`.
    public var issuer: String
    /// Rank in the hierarchy of norms: `法律`, `行政法规`, `地方性法规`, …; `nil` when unknown.
    public var category: String?
    /// Date of promulgation (公布) of this version.
    public var promulgated: CalendarDate?
    /// Date this version takes effect (施行).
    public var effective: CalendarDate?
    /// Validity as official databases show it: `现行有效`, `已修改`, `已废止`, `尚未生效`.
    public var status: String
    /// Which version this is, usually the year of its last revision: `"2021"`.
    public var version: String

    /// Creates metadata from its parts.
    public init(
        title: String, shortNames: [String], issuer: String, category: String?,
        promulgated: CalendarDate?, effective: CalendarDate?, status: String, version: String
    ) {
        self.title = title
        self.shortNames = shortNames
        self.issuer = issuer
        self.category = category
        self.promulgated = promulgated
        self.effective = effective
        self.status = status
        self.version = version
    }

    enum CodingKeys: String, CodingKey {
        case title
        case shortNames = "short_names"
        case issuer, category, promulgated, effective, status, version
    }

    /// Validity values, as written in official databases.
    public enum Status {
        /// In force.
        public static let inForce = "现行有效"
        /// Amended: an older version replaced by a newer one.
        public static let amended = "已修改"
        /// Repealed.
        public static let repealed = "已废止"
        /// Promulgated but not yet in force.
        public static let notYetInForce = "尚未生效"
    }
}

/// One law or regulation: its metadata, header and structure down to articles.
public struct Regulation: Sendable {
    /// Facts about this version (sidecar or derived).
    public var metadata: RegulationMetadata
    /// Path of the text file, as given to the loader.
    public var file: String
    /// The dated header lines between the title and `<!-- INFO END -->` (adoption, amendments).
    public var history: [String]
    /// The articles in order, numbered 1…N.
    public var articles: [Article]
    /// Headings of parts (编), chapters (章) and sections (节), in order.
    public var headings: [Heading]

    /// Creates a regulation from its parts.
    public init(
        metadata: RegulationMetadata, file: String, history: [String], articles: [Article],
        headings: [Heading]
    ) {
        self.metadata = metadata
        self.file = file
        self.history = history
        self.articles = articles
        self.headings = headings
    }

    /// The article numbered `number`, if there is one.
    public func article(_ number: Int) -> Article? {
        articles.indices.contains(number - 1) && articles[number - 1].number == number
            ? articles[number - 1] : articles.first { $0.number == number }
    }
}

/// The levels of headings above articles, outermost first.
public enum HeadingLevel: String, Codable, Sendable, Comparable {
    /// 编, as in large codes.
    case part
    /// 章.
    case chapter
    /// 节, inside a chapter.
    case section

    /// The character that ends the label of a heading at this level: 编, 章, 节.
    public var character: Character {
        switch self {
        case .part: "编"
        case .chapter: "章"
        case .section: "节"
        }
    }

    private var rank: Int {
        switch self {
        case .part: 0
        case .chapter: 1
        case .section: 2
        }
    }

    /// Outer levels first: part < chapter < section.
    public static func < (lhs: HeadingLevel, rhs: HeadingLevel) -> Bool { lhs.rank < rhs.rank }
}

/// A heading (编/章/节) of a regulation, which locates the articles under it.
public struct Heading: Sendable, Equatable {
    /// 编, 章 or 节.
    public var level: HeadingLevel
    /// The numbered label: `第二章`.
    public var label: String
    /// The words after the label, spacing normalised: `行政处罚的种类和设定`, `总则` (from `总 则`).
    public var title: String
    /// Label and title joined by an ideographic space, the form used in article paths:
    /// `第二章　行政处罚的种类和设定`. Spacing is normalised so that paths look the same in every
    /// file whatever the source typed (`第一章 总 则` → `第一章　总则`).
    public var text: String
    /// 1-based line of the heading in its file.
    public var line: Int

    /// Creates a heading from its parts.
    public init(level: HeadingLevel, label: String, title: String, text: String, line: Int) {
        self.level = level
        self.label = label
        self.title = title
        self.text = text
        self.line = line
    }
}

/// One article (条) of a regulation, with its paragraphs (款) and the citations it makes.
public struct Article: Sendable, Equatable {
    /// The article number: 33 for 第三十三条.
    public var number: Int
    /// The label as written: `第三十三条`.
    public var label: String
    /// Texts of the enclosing headings, outermost first: `["第四章　行政处罚的管辖和适用"]`.
    public var path: [String]
    /// The paragraphs (款), the first without the label. Items (项) stay inside the paragraph
    /// that introduces them, each on its own line.
    public var paragraphs: [String]
    /// The article as a reader sees it: label, a space, and the paragraphs joined by newlines.
    public var text: String
    /// 1-based line of the article label in its file.
    public var line: Int
    /// Articles this article cites (本法第X条, 《…》第X条), in order of appearance.
    public var citations: [Citation]

    /// Creates an article; `text` is built from the label and paragraphs.
    public init(
        number: Int, label: String, path: [String], paragraphs: [String], line: Int,
        citations: [Citation] = []
    ) {
        self.number = number
        self.label = label
        self.path = path
        self.paragraphs = paragraphs
        self.text = label + " " + paragraphs.joined(separator: "\n")
        self.line = line
        self.citations = citations
    }

    /// The items (项) of paragraph `inParagraph` (1-based) as written, marker included:
    /// `（一）限制公民人身自由；`. Empty when the paragraph has none or does not exist.
    public func items(inParagraph paragraph: Int) -> [String] {
        guard paragraphs.indices.contains(paragraph - 1) else { return [] }
        return paragraphs[paragraph - 1].split(separator: "\n").dropFirst()
            .map(String.init).filter { ItemMarker.parse($0) != nil }
    }
}

/// Recognises the marker of an item (项): `（一）`, `(一)`, `（１）`.
enum ItemMarker {
    /// The item number and the length of the marker, when `line` starts with one.
    static func parse(_ line: some StringProtocol) -> (number: Int, length: Int)? {
        let text = FoldedText(line.prefix(12))
        guard text.count >= 3, text.folded[0] == "(" else { return nil }
        guard let (value, end) = text.ordinal(at: 1), end < text.count, text.folded[end] == ")" else { return nil }
        return (value, end + 1)
    }
}
