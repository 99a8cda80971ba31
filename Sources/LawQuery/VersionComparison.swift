import GRDB
import LawCorpus
import LawIndex

/// Articles of one version and the articles of the other that carry them on, with the exact
/// character difference between their texts.
public struct ComparedArticles: Codable, Equatable, Sendable {
    /// Article numbers in the `from` version (two or more when they were merged).
    public var from: [Int]
    /// Article numbers in the `to` version (two or more when one was split).
    public var to: [Int]
    /// How the text changed.
    public var change: ArticleChange
    /// From the `from` texts to the `to` texts (bodies without labels, the articles of one
    /// side joined by a line break): one `=` run when nothing changed.
    public var diff: [ArticleDiff.Run]

    /// One for one, split or merged.
    public var form: ArticleGroupForm { ArticleGroupForm(old: from.count, new: to.count) }
    /// The `from` side's text: equal and deleted runs.
    public var fromText: String { ArticleDiff(runs: diff).oldText }
    /// The `to` side's text: equal and inserted runs.
    public var toText: String { ArticleDiff(runs: diff).newText }
}

/// Two versions of a law compared article by article (新旧对照): the answer of `lawkb compare`.
///
/// Articles are matched by content at index time (``ArticleAlignment``); the differences are
/// made here from the stored texts, so they show exactly what a reader of either version sees.
public struct VersionComparison: Codable, Equatable, Sendable {
    /// Full title of the law.
    public var document: String
    /// The name people use.
    public var shortName: String?
    /// The version compared from (`2017`).
    public var from: String
    /// The version compared to (`2021`).
    public var to: String
    /// The facts of the `from` version: dates and 时效性.
    public var fromVersion: VersionSummary
    /// The facts of the `to` version.
    public var toVersion: VersionSummary
    /// The aligned articles, in the order of the `to` version.
    public var pairs: [ComparedArticles]
    /// Articles of `to` with no counterpart.
    public var added: [Int]
    /// Articles of `from` with no counterpart.
    public var removed: [Int]
    /// The counts (splits and merges are counted among the modified pairs too).
    public var summary: AlignmentSummary
    /// Bodies of the articles of `from` and `to` by number (not part of the JSON: the
    /// diff carries the paired texts; pages and printers show the added and removed ones).
    public var fromTexts: [Int: String] = [:]
    public var toTexts: [Int: String] = [:]

    enum CodingKeys: String, CodingKey {
        case document
        case shortName = "short_name"
        case from, to
        case fromVersion = "from_version"
        case toVersion = "to_version"
        case pairs, added, removed, summary
    }
}

extension LawQueries {
    /// Compares version `from` of the law called `document` with version `to`: by default
    /// the version before the current one against the current one; with `from` alone, that
    /// version against the current one. A later `from` than `to` compares backwards.
    public func compare(document: String, from: String? = nil, to: String? = nil) throws(QueryError) -> VersionComparison {
        try read { db in
            let (fromRow, toRow) = try comparedVersions(document: document, from: from, to: to, db)
            let forward = (fromRow.inForceFrom ?? "", fromRow.version ?? "") < (toRow.inForceFrom ?? "", toRow.version ?? "")
            let (older, newer) = forward ? (fromRow, toRow) : (toRow, fromRow)
            guard
                let stored = try SQLRequest<Row>(
                    """
                    SELECT id, problem FROM version_comparison
                    WHERE from_document_id = \(older.id) AND to_document_id = \(newer.id)
                    """
                ).fetchOne(db)
            else { throw QueryError.unavailable("no comparison of \(older.id) and \(newer.id)") }
            if let problem: String = stored["problem"] {
                throw QueryError.invalidParameter(name: "document", message: "\(fromRow.title)的这两个版本未能逐条对照：\(problem)")
            }
            let comparisonID: Int64 = stored["id"]
            let groups = try SQLRequest<GroupRow>(
                """
                SELECT change, from_articles, to_articles FROM article_group
                WHERE comparison_id = \(comparisonID) ORDER BY ordinal
                """
            ).fetchAll(db)
            let fromTexts = try bodies(of: fromRow.id, db)
            let toTexts = try bodies(of: toRow.id, db)
            var pairs: [ComparedArticles] = []
            for group in groups {
                if Task.isCancelled { throw CancellationError() }
                let (from, to) = forward ? (group.from, group.to) : (group.to, group.from)
                let fromBody = from.compactMap { fromTexts[$0] }.joined(separator: "\n")
                let toBody = to.compactMap { toTexts[$0] }.joined(separator: "\n")
                var change = ArticleChange(rawValue: group.change) ?? .modified
                if change == .unchanged, from != to { change = .renumbered }  // the same text, read backwards
                pairs.append(ComparedArticles(from: from, to: to, change: change, diff: ArticleDiff(from: fromBody, to: toBody).runs))
            }
            if !forward { pairs.sort { ($0.to.first ?? 0, $0.from.first ?? 0) < ($1.to.first ?? 0, $1.from.first ?? 0) } }
            let pairedFrom = Set(pairs.flatMap(\.from))
            let pairedTo = Set(pairs.flatMap(\.to))
            var comparison = VersionComparison(
                document: fromRow.title, shortName: fromRow.shortName, from: fromRow.version ?? "", to: toRow.version ?? "",
                fromVersion: Self.versionSummary(fromRow), toVersion: Self.versionSummary(toRow), pairs: pairs,
                added: toTexts.keys.filter { !pairedTo.contains($0) }.sorted(),
                removed: fromTexts.keys.filter { !pairedFrom.contains($0) }.sorted(),
                summary: AlignmentSummary(), fromTexts: fromTexts, toTexts: toTexts)
            comparison.summary = AlignmentSummary(
                groups: pairs.map { ($0.change, $0.form) }, added: comparison.added.count,
                removed: comparison.removed.count)
            return comparison
        }
    }

    /// The two versions to compare, or an error naming the versions there are.
    private func comparedVersions(
        document: String, from: String?, to: String?, _ db: Database
    ) throws -> (DocumentRow, DocumentRow) {
        let named = try documentID(named: document, db)
        let current = try documentID(named: named.title, db).id
        guard let currentRow = try DocumentRow.fetchOne(db, key: current), try currentRow.documentKind() == .regulation else {
            throw QueryError.invalidParameter(name: "document", message: "“\(named.title)”不是法律法规，没有可对照的版本")
        }
        let fromID =
            try from.map { try versionID(title: named.title, version: $0, db) }
            ?? (named.id != current ? named.id : try previousVersionID(title: named.title, db))
        let toID = try to.map { try versionID(title: named.title, version: $0, db) } ?? current
        guard fromID != toID, let fromRow = try DocumentRow.fetchOne(db, key: fromID),
            let toRow = try DocumentRow.fetchOne(db, key: toID)
        else {
            throw QueryError.invalidParameter(name: "to", message: "对照需要两个不同的版本")
        }
        return (fromRow, toRow)
    }

    /// The bodies (text without the label) of the articles of `documentID`, by number.
    private func bodies(of documentID: Int64, _ db: Database) throws -> [Int: String] {
        var bodies: [Int: String] = [:]
        let rows = try SQLRequest<Row>(
            "SELECT article, location, text FROM unit WHERE document_id = \(documentID) AND article IS NOT NULL"
        ).fetchAll(db)
        for row in rows {
            let location: String = row["location"]
            let text: String = row["text"]
            let label = location.components(separatedBy: " › ").last ?? ""
            let body = text.hasPrefix(label + " ") ? String(text.dropFirst(label.count + 1)) : text
            bodies[row["article"], default: body] = body
        }
        return bodies
    }
}
