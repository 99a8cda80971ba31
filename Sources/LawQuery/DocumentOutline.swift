import GRDB
import LawCorpus
import LawIndex

/// One version of a law as the outline and the version links show it.
public struct VersionSummary: Codable, Equatable, Sendable {
    /// Version name: `2022`.
    public var version: String
    /// Validity: 现行有效, 已修改 ….
    public var status: String?
    /// Promulgation date (公布).
    public var promulgated: String?
    /// Effective date (施行).
    public var effective: String?
    /// First day in force.
    public var inForceFrom: String?
    /// The next version's first day (exclusive), while a later version exists.
    public var inForceUntil: String?

    enum CodingKeys: String, CodingKey {
        case version, status, promulgated, effective
        case inForceFrom = "in_force_from"
        case inForceUntil = "in_force_until"
    }
}

/// One article in an outline: its number, label, opening words and how many list items rest on it.
public struct OutlineArticle: Codable, Equatable, Sendable {
    /// Article number.
    public var article: Int
    /// 第三十三条.
    public var label: String
    /// The first words of its text (without the label), for a table of contents.
    public var opening: String
    /// List items (of any list version) whose citations resolved to this article of this version.
    public var citingItems: Int

    enum CodingKeys: String, CodingKey {
        case article, label, opening
        case citingItems = "citing_items"
    }
}

/// A chapter (or section) and its articles, in reading order.
public struct OutlineChapter: Codable, Equatable, Sendable {
    /// The heading path: `第七章　法律责任`; empty for articles outside any chapter.
    public var heading: String
    /// Its articles.
    public var articles: [OutlineArticle]
}

/// A law's table of contents: its facts, its versions, and its chapters with their articles.
public struct DocumentOutline: Codable, Equatable, Sendable {
    /// Full title.
    public var title: String
    /// The name people use.
    public var shortName: String?
    /// Issuing body.
    public var issuer: String?
    /// 法律, 行政法规 ….
    public var category: String?
    /// This version.
    public var version: VersionSummary
    /// Every version in the index, oldest first (this one included).
    public var versions: [VersionSummary]
    /// Chapters and their articles.
    public var chapters: [OutlineChapter]

    enum CodingKeys: String, CodingKey {
        case title
        case shortName = "short_name"
        case issuer, category, version, versions, chapters
    }

    /// Number of articles.
    public var articleCount: Int { chapters.reduce(0) { $0 + $1.articles.count } }
}

extension LawQueries {
    /// The outline of the law called `document`: version `version` when given, else the
    /// current one.
    public func outline(document: String, version: String? = nil) throws(QueryError) -> DocumentOutline {
        try read { db in
            let target = try documentID(named: document, version: version, db)
            guard let document = try DocumentRow.fetchOne(db, key: target.id), try document.documentKind() == .regulation
            else {
                throw QueryError.invalidParameter(name: "document", message: "“\(target.title)”不是法律法规，没有条文目录")
            }
            let versions = try SQLRequest<DocumentRow>(
                """
                SELECT * FROM document WHERE title = \(target.title) AND kind = \(DocumentKind.regulation) AND \(visible)
                ORDER BY in_force_from, version
                """
            ).fetchAll(db).map(Self.versionSummary)
            return DocumentOutline(
                title: document.title, shortName: document.shortName, issuer: document.issuer,
                category: document.category, version: Self.versionSummary(document), versions: versions,
                chapters: try chapters(of: target.id, db))
        }
    }

    static func versionSummary(_ document: DocumentRow) -> VersionSummary {
        VersionSummary(
            version: document.version ?? "", status: document.status, promulgated: document.promulgated,
            effective: document.effective, inForceFrom: document.inForceFrom,
            inForceUntil: document.inForceUntil)
    }

    /// The longest opening shown in an outline, in characters.
    static let openingLength = 40

    private func chapters(of documentID: Int64, _ db: Database) throws -> [OutlineChapter] {
        let rows = try SQLRequest<OutlineRow>(
            """
            SELECT unit.article, unit.location, unit.text,
                   (SELECT count(DISTINCT list_item.id) FROM citation
                    JOIN list_item ON list_item.unit_id = citation.unit_id
                    JOIN document ON document.id = list_item.document_id
                    WHERE citation.document_id = unit.document_id AND citation.article = unit.article
                      AND \(visible)) AS citing
            FROM unit WHERE unit.document_id = \(documentID) AND unit.article IS NOT NULL ORDER BY unit.ordinal
            """
        ).fetchAll(db)
        var chapters: [OutlineChapter] = []
        for row in rows {
            let parts = row.location.components(separatedBy: " › ")
            let heading = parts.dropLast().joined(separator: " › ")
            let label = parts.last ?? ""
            let text = row.text
            let body = text.hasPrefix(label) ? text.dropFirst(label.count).drop { $0 == " " } : Substring(text)
            let firstLine = body.prefix { $0 != "\n" }
            let opening = firstLine.count > Self.openingLength ? firstLine.prefix(Self.openingLength) + "…" : String(firstLine)
            let article = OutlineArticle(article: row.article, label: label, opening: opening, citingItems: row.citing)
            if chapters.last?.heading == heading {
                chapters[chapters.count - 1].articles.append(article)
            } else {
                chapters.append(OutlineChapter(heading: heading, articles: [article]))
            }
        }
        return chapters
    }
}

/// An article's unit and how many list items rest on it.
private struct OutlineRow: Decodable, FetchableRecord {
    var article: Int
    var location: String
    var text: String
    var citing: Int
}
