import GRDB
import LawCorpus
import LawIndex

/// What became of an article in another version of its law: the articles carrying it on
/// there (2021 第五十四条 ↔ 2017 第三十六条), or none (added or removed by a revision).
public struct ArticleCounterpart: Codable, Equatable, Sendable {
    /// The other version (`2017`).
    public var version: String?
    /// Its 时效性: 现行有效, 已修改 …
    public var status: String?
    /// Whether that version is older than the article's.
    public var older: Bool
    /// The corresponding article numbers in that version; empty when there is none.
    public var articles: [Int]
    /// Their labels: 第三十六条.
    public var labels: [String]
    /// How the text changed between the two; `nil` when there is no counterpart.
    public var change: ArticleChange?
    /// One for one, split or merged; `nil` when there is no counterpart.
    public var form: ArticleGroupForm?
    /// `false` when the two versions could not be aligned (see ``problem``).
    public var aligned: Bool
    /// Why the two versions could not be aligned.
    public var problem: String?

    enum CodingKeys: String, CodingKey {
        case version, status, older, articles, labels, change, form, aligned, problem
    }

    /// The sentence people read: `2017年版本第三十六条（修改）`, `2017年版本没有对应条文（2021年版本新增）`.
    public var sentence: String {
        let name = "\(version ?? "")年版本"
        guard aligned else { return "\(name)：未能逐条对照（\(problem ?? "")）" }
        guard let change, !articles.isEmpty else {
            return "\(name)没有对应条文（" + (older ? "本版本新增" : "该版本已删除此条") + "）"
        }
        let how = [change.chineseName, form?.chineseName].compactMap { $0 }.joined(separator: "，")
        return "\(name)\(labels.joined(separator: "、"))（\(how)）"
    }
}

extension LawQueries {
    /// The counterparts of article `number` of the version `documentID` in every other
    /// version of the same law, oldest first, from the alignments stored at index time.
    func counterparts(documentID: Int64, article number: Int, _ db: Database) throws -> [ArticleCounterpart] {
        try otherVersions(of: documentID, db).map { other in
            try counterpart(of: (documentID, number), in: other, db)
        }
    }

    /// The visible versions of the law of `documentID` other than itself, oldest first.
    func otherVersions(of documentID: Int64, _ db: Database) throws -> [DocumentRow] {
        try SQLRequest<DocumentRow>(
            """
            SELECT other.* FROM document AS other JOIN document AS this ON this.title = other.title
            WHERE this.id = \(documentID) AND other.id != this.id AND other.kind = \(DocumentKind.regulation)
              AND \(visible(as: "other"))
            ORDER BY other.in_force_from, other.version
            """
        ).fetchAll(db)
    }

    private func counterpart(
        of article: (documentID: Int64, number: Int), in other: DocumentRow, _ db: Database
    ) throws -> ArticleCounterpart {
        let older =
            try Bool.fetchOne(
                db,
                sql: """
                    SELECT coalesce(other.in_force_from, '') < coalesce(this.in_force_from, '')
                    FROM document AS other, document AS this WHERE other.id = ? AND this.id = ?
                    """, arguments: [other.id, article.documentID]) ?? false
        let (from, to) = older ? (other.id, article.documentID) : (article.documentID, other.id)
        let comparison = try SQLRequest<Row>(
            "SELECT problem FROM version_comparison WHERE from_document_id = \(from) AND to_document_id = \(to)"
        ).fetchOne(db)
        var answer = ArticleCounterpart(
            version: other.version, status: other.status, older: older, articles: [], labels: [],
            change: nil, form: nil, aligned: true, problem: nil)
        if let problem: String = comparison?["problem"] {
            answer.aligned = false
            answer.problem = problem
            return answer
        }
        let side: SQL = older ? "to_article" : "from_article"
        guard
            let group = try SQLRequest<GroupRow>(
                """
                SELECT article_group.change, article_group.from_articles, article_group.to_articles
                FROM article_link JOIN article_group ON article_group.id = article_link.group_id
                WHERE article_link.from_document_id = \(from) AND article_link.to_document_id = \(to)
                  AND article_link.\(side) = \(article.number)
                LIMIT 1
                """
            ).fetchOne(db)
        else { return answer }
        answer.articles = older ? group.from : group.to
        answer.labels = answer.articles.map(Self.articleLabel)
        answer.change = ArticleChange(rawValue: group.change)
        answer.form = ArticleGroupForm(old: group.from.count, new: group.to.count)
        return answer
    }

    /// 第三十六条 for 36.
    public static func articleLabel(_ number: Int) -> String {
        "第\(ChineseNumeralFormatter.format(number))条"
    }
}

/// A stored group of aligned articles.
struct GroupRow: Decodable, FetchableRecord {
    var change: String
    var fromArticles: String
    var toArticles: String

    /// The old article numbers.
    var from: [Int] { Self.numbers(fromArticles) }
    /// The new article numbers.
    var to: [Int] { Self.numbers(toArticles) }

    static func numbers(_ text: String) -> [Int] {
        text.split(separator: " ").compactMap { Int($0) }
    }

    enum CodingKeys: String, CodingKey {
        case change
        case fromArticles = "from_articles"
        case toArticles = "to_articles"
    }
}
