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
    /// `version` (`2022`) picks a version of the law; without it, the version in force on
    /// `on` (a day), or the current one.
    public func article(
        document: String, number: String, version: String? = nil,
        on day: CalendarDate? = nil
    ) throws(QueryError) -> ArticleRecord {
        if number.trimmingCharacters(in: .whitespaces).isEmpty {
            return try cite(document).article
        }
        guard let value = Self.articleNumber(number) else {
            throw .invalidParameter(name: "article", message: "“\(String(number.prefix(40)))”不是条号，请写成 33 或 第三十三条")
        }
        return try read { db in
            let target = try documentID(named: document, version: version, on: day, db)
            return try article(documentID: target.id, number: value, requested: number, db)
        }
    }

    /// Resolves a citation such as `《行政处罚法》第三十三条第一款` and returns the article it names.
    public func cite(_ text: String) throws(QueryError) -> CitationAnswer {
        try read { db in
            let names = try documentNames(db)
            guard let citation = CitationParser(names: names).parse(text),
                let name = citation.document ?? citation.name
            else { throw QueryError.unreadableCitation(text) }
            let target = try documentID(named: name, db)
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
        return ArticleRecord(
            document: row.title, shortName: row.shortName, version: row.version, status: row.status,
            article: row.article, label: parts.last ?? "", chapter: parts.dropLast().joined(separator: " › "),
            text: row.text, line: row.line, inForceFrom: row.inForceFrom, inForceUntil: row.inForceUntil,
            documentID: row.documentID)
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
