import Foundation
import GRDB
import LawCorpus
import LawIndex

extension LawQueries {
    /// The article `number` of the document called `document`.
    ///
    /// `number` may be `33`, `第33条`, `三十三` or `第三十三条` (full-width digits too).
    ///
    /// The document may also carry the article, as people write a citation in one piece
    /// (`行政处罚法第33条`, `《行政处罚法》第三十三条`): then `number` is empty.
    ///
    /// `version` (`2022`) picks a version of the law; without it, the version the name carries
    /// (`行政处罚法(2017)`), or the current one.
    public func article(document: String, number: String, version: String? = nil) throws(QueryError) -> ArticleRecord {
        if number.trimmingCharacters(in: .whitespaces).isEmpty {
            return try cite(document).article
        }
        guard let value = Self.articleNumber(number) else {
            throw .invalidParameter(name: "article", message: "“\(String(number.prefix(40)))”不是条号，请写成 33 或 第三十三条")
        }
        return try read { db in
            let target = try documentID(named: document, version: version, db)
            return try article(documentID: target.id, number: value, requested: number, db)
        }
    }

    /// Article `number` of `document` as it read on `day`. The number is that of the version
    /// named (`version`, or one the name carries: `行政处罚法(2017)`), else of the current
    /// version; the article returned is the one carrying it in the version in force on `day`
    /// (行政处罚法第五十四条 on 2020-05-01: 2017 第三十六条), with ``ArticleRecord/asOf``
    /// saying so. Throws ``QueryError/noCounterpart(message:)`` when that version has none.
    public func article(
        document: String, number: String, version: String? = nil, asOf: String
    ) throws(QueryError) -> ArticleRecord {
        let day = try Self.date(asOf, parameter: "as_of")
        return try read { db in
            let (name, value) = try Self.nameAndNumber(document: document, number: number, names: try documentNames(db))
            let asked = try article(documentID: try documentID(named: name, version: version, db).id, number: value, requested: number, db)
            let inForce = try documentID(named: asked.document, on: day, db).id
            var reading = AsOfReading(
                date: day.description, askedVersion: asked.version, askedArticle: value, askedLabel: asked.label,
                articles: [value])
            guard inForce != asked.documentID else {
                var record = asked
                record.asOf = reading
                return record
            }
            guard let other = try DocumentRow.fetchOne(db, key: inForce),
                let counterpart = try counterparts(documentID: asked.documentID, article: value, db)
                    .first(where: { $0.version == other.version })
            else { throw QueryError.unavailable("no version \(inForce)") }
            guard let first = counterpart.articles.first else {
                throw QueryError.noCounterpart(message: Self.noCounterpartSentence(asked, day: day, counterpart))
            }
            reading.articles = counterpart.articles
            var record = try article(documentID: inForce, number: first, requested: String(first), db)
            record.asOf = reading
            return record
        }
    }

    /// Why `asked` has no article in the version in force on `day`.
    private static func noCounterpartSentence(_ asked: ArticleRecord, day: CalendarDate, _ counterpart: ArticleCounterpart) -> String {
        let name = "\(asked.shortName ?? asked.document)（\(asked.version ?? "")年版本）\(asked.label)"
        let version = "\(day)施行的\(counterpart.version ?? "")年版本"
        guard counterpart.aligned else {
            return "\(name)无法对应到\(version)：两个版本未能逐条对照（\(counterpart.problem ?? "")）"
        }
        return "\(version)中没有与\(name)对应的条文（" + (counterpart.older ? "该条是后来新增的" : "该条在后来的版本中已删除") + "）"
    }

    /// The document name and article number of `document` and `number`, or of `document`
    /// alone when it carries the article (`行政处罚法第33条`).
    static func nameAndNumber(document: String, number: String, names: DocumentNames) throws(QueryError) -> (String, Int) {
        if number.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let citation = CitationParser(names: names).parse(document),
                let name = citation.document ?? citation.name
            else { throw .unreadableCitation(document) }
            return (name, citation.article)
        }
        guard let value = articleNumber(number) else {
            throw .invalidParameter(name: "article", message: "“\(String(number.prefix(40)))”不是条号，请写成 33 或 第三十三条")
        }
        return (document, value)
    }

    /// Resolves a citation such as `《行政处罚法》第三十三条第一款` and returns the article it
    /// names: in the version the citation names (`2017年行政处罚法第三十条`), else in the version
    /// in force on `day`, as a citation written that day means it; else in the current version.
    public func cite(_ text: String, asOf: String? = nil) throws(QueryError) -> CitationAnswer {
        let day = try asOf.map { text throws(QueryError) in try Self.date(text, parameter: "as_of") }
        return try read { db in
            let names = try documentNames(db)
            guard let citation = CitationParser(names: names).parse(text),
                let name = citation.document ?? citation.name
            else { throw QueryError.unreadableCitation(text) }
            let target = try documentID(named: name, on: day, db)
            let record = try article(
                documentID: target.id, number: citation.article,
                requested: String(citation.article), db)
            var paragraphText: String?
            if let paragraph = citation.paragraph {
                let paragraphs = Self.paragraphs(of: record)
                guard paragraphs.indices.contains(paragraph - 1) else {
                    throw QueryError.invalidParameter(
                        name: "paragraph",
                        message: "\(record.label) of \(record.document) has \(paragraphs.count) paragraph(s), not \(paragraph)")
                }
                paragraphText = paragraphs[paragraph - 1]
            }
            return CitationAnswer(
                citation: text, paragraph: citation.paragraph, item: citation.item,
                paragraphText: paragraphText, article: record)
        }
    }

    /// Parses `33`, `第33条`, `三十三`, `第三十三条`.
    static func articleNumber(_ text: String) -> Int? {
        var core = Substring(text.trimmingCharacters(in: .whitespaces))
        if core.hasPrefix("第") { core = core.dropFirst() }
        if core.hasSuffix("条") { core = core.dropLast() }
        guard let value = ChineseNumeral.parse(core), value > 0 else { return nil }
        return value
    }

    /// The paragraphs (款) of an article: its lines, the first without the label.
    static func paragraphs(of record: ArticleRecord) -> [String] {
        var lines = record.text.split(separator: "\n").map(String.init)
        if let first = lines.first, first.hasPrefix(record.label) {
            lines[0] = String(first.dropFirst(record.label.count)).trimmingCharacters(in: .whitespaces)
        }
        // Items (项) are lines of the paragraph that introduces them.
        var paragraphs: [String] = []
        for line in lines {
            if let last = paragraphs.last, Self.isItem(line) {
                paragraphs[paragraphs.count - 1] = last + "\n" + line
            } else {
                paragraphs.append(line)
            }
        }
        return paragraphs
    }

    private static func isItem(_ line: String) -> Bool {
        guard let first = line.first else { return false }
        return first == "（" || first == "("
    }

    private func article(documentID: Int64, number: Int, requested: String, _ db: Database) throws -> ArticleRecord {
        let row = try SQLRequest<ArticleRow>(
            """
            SELECT document.id AS document_id, document.title, document.short_name, document.version,
                   document.status, document.in_force_from, document.in_force_until,
                   unit.article, unit.title AS unit_title, unit.location, unit.text, unit.line
            FROM unit JOIN document ON document.id = unit.document_id
            WHERE unit.document_id = \(documentID) AND unit.article = \(number)
            """
        ).fetchOne(db)
        guard let row else {
            let last = try SQLRequest<Row>(
                """
                SELECT document.title, max(unit.article) AS last FROM unit
                JOIN document ON document.id = unit.document_id WHERE unit.document_id = \(documentID)
                """
            ).fetchOne(db)
            let lastNumber: Int = last?["last"] ?? 0
            throw QueryError.noSuchArticle(
                document: last?["title"] ?? "", requested: requested, lastArticle: lastNumber,
                lastLabel: "第\(ChineseNumeralFormatter.format(lastNumber))条")
        }
        let parts = row.location.components(separatedBy: " › ")
        var record = ArticleRecord(
            document: row.title, shortName: row.shortName, version: row.version, status: row.status,
            article: row.article, label: parts.last ?? "", chapter: parts.dropLast().joined(separator: " › "),
            text: row.text, line: row.line, inForceFrom: row.inForceFrom, inForceUntil: row.inForceUntil,
            documentID: row.documentID)
        record.counterparts = try counterparts(documentID: row.documentID, article: row.article, db)
        return record
    }
}

/// An article's unit with its law's version.
private struct ArticleRow: Decodable, FetchableRecord {
    var documentID: Int64
    var title: String
    var shortName: String?
    var version: String?
    var status: String?
    var inForceFrom: String?
    var inForceUntil: String?
    var article: Int
    var location: String
    var text: String
    var line: Int

    enum CodingKeys: String, CodingKey {
        case documentID = "document_id"
        case title
        case shortName = "short_name"
        case version, status
        case
            inForceFrom = "in_force_from"
        case inForceUntil = "in_force_until"
        case article, location, text, line
    }
}
