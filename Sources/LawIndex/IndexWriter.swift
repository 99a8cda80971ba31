import Foundation
import GRDB
import LawCorpus

/// Writes the documents of a loaded corpus into an empty index, counting as it goes.
///
/// A public artifact leaves out every list not marked public and masks personal numbers
/// in all stored text (``StoredTextMasking``) before the full-text index is built, so the
/// full-text index never sees a number either.
struct IndexWriter {
    /// Which audience the index is for.
    let artifact: IndexArtifact
    var documents = 0
    var units = 0
    private(set) var articles = 0
    var lists = 0
    var listItems = 0
    private(set) var deadlines = 0
    private(set) var citations = 0
    private(set) var unresolvedCitations = 0
    private(set) var notes: [String] = []
    /// Lists left out of a public artifact because they are not marked public.
    private(set) var withheldLists = 0
    /// Stored values in which a public artifact masked a personal number.
    private(set) var maskedValues = 0
    /// Entries of the thesaurus stored with the index.
    var thesaurusEntries = 0
    /// Masks personal numbers in public artifacts.
    private let masker = SensitiveNumberMasker()

    init(artifact: IndexArtifact) {
        self.artifact = artifact
    }

    /// Separator between the levels of a location: 第二章 › 第九条.
    static let locationSeparator = " › "

    mutating func write(_ corpus: Corpus, fingerprint: String, into db: Database) throws {
        var documentIDs: [String: Int64] = [:]  // canonical title → id of its current version
        for regulation in corpus.regulations {
            let id = try insertRegulation(regulation, db)
            if documentIDs[regulation.metadata.title] == nil || regulation.metadata.status == "现行有效" {
                documentIDs[regulation.metadata.title] = id
            }
        }
        for regulation in corpus.regulations {
            try insertArticles(of: regulation, documentIDs: documentIDs, db)
        }
        for plan in corpus.plans {
            try insertPlan(plan, documentIDs: documentIDs, db)
        }
        let departmentIDs = try insertDepartments(corpus.departments, db)
        for list in corpus.lists {
            guard artifact == .full || list.isPublic else {
                withheldLists += 1
                continue
            }
            try insertList(list, departmentID: departmentIDs[list.department.id]!, documentIDs: documentIDs, db)
        }
        if artifact == .public {
            maskedValues = try StoredTextMasking(masker: masker).maskAll(db)
        }
        try db.execute(sql: "INSERT INTO unit_fts(unit_fts) VALUES('rebuild')")
        try db.execute(sql: "INSERT INTO unit_fts(unit_fts) VALUES('optimize')")
        try writeMeta(fingerprint: fingerprint, db)
    }

    func report(path: String, warnings: [String]) -> IndexReport {
        IndexReport(
            path: path, artifact: artifact, bytes: 0, documents: documents, units: units, articles: articles,
            lists: lists, listItems: listItems, withheldLists: withheldLists, maskedValues: maskedValues,
            deadlines: deadlines, citations: citations, unresolvedCitations: unresolvedCitations,
            notes: notes, warnings: warnings, seconds: 0, thesaurusEntries: thesaurusEntries)
    }

    // MARK: - Regulations

    private mutating func insertRegulation(_ regulation: Regulation, _ db: Database) throws -> Int64 {
        let m = regulation.metadata
        try db.execute(
            sql: """
                INSERT INTO document (kind, title, short_name, issuer, category, promulgated, effective,
                                      status, version, file)
                VALUES ('regulation', ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [m.title, m.shortNames.first, m.issuer, m.category, m.promulgated?.description,
                        m.effective?.description, m.status, m.version, regulation.file])
        let id = db.lastInsertedRowID
        for name in Set([m.title] + m.shortNames) {
            try db.execute(sql: "INSERT INTO document_name (name, document_id) VALUES (?, ?)",
                           arguments: [name, id])
        }
        documents += 1
        return id
    }

    private mutating func insertArticles(
        of regulation: Regulation, documentIDs: [String: Int64], _ db: Database
    ) throws {
        let documentID = try Int64.fetchOne(
            db, sql: "SELECT id FROM document WHERE file = ?", arguments: [regulation.file])!
        let shortName = regulation.metadata.shortNames.first ?? regulation.metadata.title
        for (ordinal, article) in regulation.articles.enumerated() {
            let unitID = try insertUnit(
                documentID: documentID, ordinal: ordinal, kind: "article",
                title: "\(shortName) \(article.label)",
                location: (article.path + [article.label]).joined(separator: Self.locationSeparator),
                article: article.number, text: article.text, line: article.line, db)
            try insertCitations(article.citations, unitID: unitID, documentIDs: documentIDs, db)
            articles += 1
        }
    }

    // MARK: - Plans

    private mutating func insertPlan(_ plan: Plan, documentIDs: [String: Int64], _ db: Database) throws {
        let m = plan.metadata
        try db.execute(
            sql: """
                INSERT INTO document (kind, title, short_name, number, issuer, promulgated, status, version, file, notes)
                VALUES ('plan', ?, ?, ?, ?, ?, '现行有效', ?, ?, ?)
                """,
            arguments: [m.title, m.number, m.number, m.issuer, m.date?.description, String(m.year),
                        plan.file, plan.notes.joined(separator: "\n")])
        let documentID = db.lastInsertedRowID
        for name in [m.title, m.number] {
            try db.execute(sql: "INSERT OR IGNORE INTO document_name (name, document_id) VALUES (?, ?)",
                           arguments: [name, documentID])
        }
        documents += 1
        notes += plan.notes.map { "\(m.number): \($0)" }
        for (ordinal, section) in plan.sections.enumerated() {
            let unitID = try insertUnit(
                documentID: documentID, ordinal: ordinal, kind: section.kind.rawValue,
                title: section.title, location: section.path.joined(separator: Self.locationSeparator),
                article: nil, text: section.text, line: section.line, db)
            try insertCitations(section.citations, unitID: unitID, documentIDs: documentIDs, db)
        }
        for (ordinal, deadline) in plan.deadlines.enumerated() {
            try db.execute(
                sql: """
                    INSERT INTO deadline (document_id, ordinal, measure, task, responsible, due, rule, kind,
                                          report_to, line)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [documentID, ordinal, deadline.measure, deadline.task, deadline.responsible,
                            deadline.due?.description, deadline.rule, deadline.kind.rawValue,
                            deadline.reportTo, deadline.line])
            deadlines += 1
        }
    }

    // MARK: - Shared

    mutating func insertUnit(
        documentID: Int64, ordinal: Int, kind: String, title: String, location: String,
        article: Int?, text: String, line: Int, _ db: Database
    ) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO unit (document_id, ordinal, kind, title, location, article, text, line)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [documentID, ordinal, kind, title, location, article, text, line])
        units += 1
        return db.lastInsertedRowID
    }

    mutating func insertCitations(
        _ list: [Citation], unitID: Int64, documentIDs: [String: Int64], _ db: Database
    ) throws {
        for citation in list {
            let target = citation.document.flatMap { documentIDs[$0] }
            try db.execute(
                sql: """
                    INSERT INTO citation (unit_id, document_id, name, article, paragraph, item, text)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [unitID, target, citation.name, citation.article, citation.paragraph,
                            citation.item, citation.text])
            citations += 1
            if target == nil { unresolvedCitations += 1 }
        }
    }

    private func writeMeta(fingerprint: String, _ db: Database) throws {
        let joinedNotes = notes.joined(separator: "\n")
        let values: [String: String] = [
            "schema_version": String(Schema.version),
            "corpus_fingerprint": fingerprint,
            IndexArtifact.metaKey: artifact.rawValue,
            "built_at": ISO8601DateFormatter().string(from: Date()),
            "notes": artifact == .public ? masker.mask(joinedNotes) : joinedNotes,
        ]
        for (key, value) in values {
            try db.execute(sql: "INSERT INTO meta (key, value) VALUES (?, ?)", arguments: [key, value])
        }
    }
}
