import GRDB
import LawCorpus

extension IndexWriter {
    /// Aligns the articles of every two versions of each law, the older against the newer
    /// (``ArticleAlignment``), and stores the groups and a link per old × new article, so that
    /// an article page names its counterparts and a list citing an older text shows today's
    /// article without aligning anything at query time.
    ///
    /// Texts that cannot be aligned (beyond ``ArticleAlignment/Limits``) are stored with the
    /// reason and named in the report's notes; the build goes on.
    mutating func insertComparisons(
        of regulations: [Regulation], versions: RegulationVersions, documentIDs: [Int64], _ db: Database
    ) throws {
        for law in versions.lawsWithSeveralVersions {
            for (position, older) in law.enumerated() {
                for newer in law[(position + 1)...] {
                    try insertComparison(
                        old: regulations[older.index], new: regulations[newer.index],
                        ids: (documentIDs[older.index], documentIDs[newer.index]), db)
                }
            }
        }
    }

    private mutating func insertComparison(
        old: Regulation, new: Regulation, ids: (old: Int64, new: Int64), _ db: Database
    ) throws {
        let alignment: ArticleAlignment
        do {
            alignment = try ArticleAlignment.align(old: old.articles, new: new.articles)
        } catch {
            try db.execute(
                literal: """
                    INSERT INTO version_comparison (from_document_id, to_document_id, problem)
                    VALUES (\(ids.old), \(ids.new), \(error.description))
                    """)
            notes.append("\(old.file) 与 \(new.file) 未能逐条对照：\(error.description)")
            return
        }
        try db.execute(
            literal: "INSERT INTO version_comparison (from_document_id, to_document_id) VALUES (\(ids.old), \(ids.new))")
        let comparisonID = db.lastInsertedRowID
        for (ordinal, group) in alignment.pairs.enumerated() {
            try db.execute(
                literal: """
                    INSERT INTO article_group (comparison_id, ordinal, change, from_articles, to_articles)
                    VALUES (\(comparisonID), \(ordinal), \(group.change.rawValue),
                            \(Self.numbers(group.old)), \(Self.numbers(group.new)))
                    """)
            let groupID = db.lastInsertedRowID
            for from in group.old {
                for to in group.new {
                    try db.execute(
                        literal: """
                            INSERT INTO article_link (group_id, from_document_id, from_article, to_document_id, to_article)
                            VALUES (\(groupID), \(ids.old), \(from), \(ids.new), \(to))
                            """)
                }
            }
        }
        comparisons += 1
    }

    /// Article numbers as stored: separated by spaces.
    static func numbers(_ numbers: [Int]) -> String {
        numbers.map(String.init).joined(separator: " ")
    }
}
