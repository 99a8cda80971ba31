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
    /// Benchmark levels checked against their statutes.
    var benchmarks = BenchmarkTally()
    /// Citations that open no article, with where they are written.
    private(set) var unresolved: [UnresolvedCitation] = []
    var notes: [String] = []
    /// Pairs of versions of one law whose articles were aligned.
    var comparisons = 0
    /// Lists left out of a public artifact because they are not marked public.
    private(set) var withheldLists = 0
    /// Stored values in which a public artifact masked a personal number.
    private(set) var maskedValues = 0
    /// Entries of the thesaurus stored with the index.
    var thesaurusEntries = 0
    /// Obligations and filings stored for compliance.
    var obligations = 0
    var filings = 0
    var events = 0
    /// Seconds spent in each phase of the build.
    var timings = PhaseTimings()
    /// The document whose citations are being stored, and how many of them are stored.
    private var citationSequence: (document: Int64, next: Int) = (-1, 0)
    /// Masks personal numbers in public artifacts.
    private let masker = SensitiveNumberMasker()

    /// How the build file is written.
    let settings: BuildSettings

    init(artifact: IndexArtifact, settings: BuildSettings = .current) {
        self.artifact = artifact
        self.settings = settings
    }

    /// Separator between the levels of a location: 第二章 › 第九条.
    static let locationSeparator = " › "

    mutating func write(_ corpus: Corpus, fingerprint: CorpusFingerprint.Snapshot, into db: Database) throws {
        let versions = RegulationVersions(corpus.regulations)
        var ids: [Int64] = []
        for (index, regulation) in corpus.regulations.enumerated() {
            ids.append(try insertRegulation(regulation, period: versions.period(ofRegulationAt: index), db))
        }
        try insertComparisons(of: corpus.regulations, versions: versions, documentIDs: ids, db)
        let targets = CitationTargets(regulations: corpus.regulations, versions: versions, documentIDs: ids)
        for (index, regulation) in corpus.regulations.enumerated() {
            try insertArticles(of: regulation, at: index, documentID: ids[index], targets: targets, db)
        }
        for plan in corpus.plans {
            try insertPlan(plan, targets: targets, db)
        }
        let departmentIDs = try insertDepartments(corpus.departments, db)
        for list in corpus.lists {
            guard artifact == .full || list.isPublic else {
                withheldLists += 1
                continue
            }
            try insertList(list, departmentID: departmentIDs[list.department.id]!, targets: targets, db)
        }
        try insertCompliance(of: corpus, departmentIDs: departmentIDs, db)
        try countCitations(db)
        if artifact == .public {
            maskedValues = try StoredTextMasking(masker: masker).maskAll(db)
        }
        timings.lap("rows")
        try settings.configureFullText(db)
        try db.execute(sql: "INSERT INTO unit_fts(unit_fts) VALUES('rebuild')")
        timings.lap("full_text")
        if settings.optimize {
            try db.execute(sql: "INSERT INTO unit_fts(unit_fts) VALUES('optimize')")
            timings.lap("optimize")
        }
        try writeMeta(fingerprint: fingerprint, db)
    }

    func report(path: String, warnings: [String]) -> IndexReport {
        IndexReport(
            path: path, artifact: artifact, bytes: 0, documents: documents, units: units, articles: articles,
            lists: lists, listItems: listItems, withheldLists: withheldLists, maskedValues: maskedValues,
            deadlines: deadlines, citations: citations, unresolvedCitations: unresolved.count,
            unresolved: unresolved, benchmarks: benchmarks, notes: notes, warnings: warnings, seconds: 0,
            thesaurusEntries: thesaurusEntries,
            comparisons: comparisons, obligations: obligations, filings: filings, events: events
        )
    }

    // MARK: - Regulations

    private mutating func insertRegulation(
        _ regulation: Regulation, period: RegulationVersions.Version?, _ db: Database
    ) throws -> Int64 {
        let m = regulation.metadata
        try db.execute(
            sql: """
                INSERT INTO document (kind, title, short_name, issuer, category, promulgated, effective,
                                      status, version, file, in_force_from, in_force_until)
                VALUES ('regulation', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                m.title, m.shortNames.first, m.issuer, m.category, m.promulgated?.description,
                m.effective?.description, m.status, m.version, regulation.file,
                period?.from.description, period?.until?.description,
            ])
        let id = db.lastInsertedRowID
        for name in Set([m.title] + m.shortNames) {
            try db.execute(
                sql: "INSERT INTO document_name (name, document_id) VALUES (?, ?)",
                arguments: [name, id])
        }
        documents += 1
        return id
    }

    private mutating func insertArticles(
        of regulation: Regulation, at index: Int, documentID: Int64, targets: CitationTargets, _ db: Database
    ) throws {
        let date = regulation.metadata.effective ?? regulation.metadata.promulgated
        let shortName = regulation.metadata.shortNames.first ?? regulation.metadata.title
        for (ordinal, article) in regulation.articles.enumerated() {
            let unitID = try insertUnit(
                documentID: documentID, ordinal: ordinal, kind: "article",
                title: "\(shortName) \(article.label)",
                location: (article.path + [article.label]).joined(separator: Self.locationSeparator),
                article: article.number, text: article.text, line: article.line, db)
            let place = CitationPlace(file: regulation.file, line: article.line, date: date, citingRegulation: index)
            try insertCitations(
                article.citations, unitID: unitID, unitText: article.text, place: place, targets: targets, db)
            articles += 1
        }
    }

    // MARK: - Plans

    private mutating func insertPlan(_ plan: Plan, targets: CitationTargets, _ db: Database) throws {
        let m = plan.metadata
        try db.execute(
            sql: """
                INSERT INTO document (kind, title, short_name, number, issuer, promulgated, status, version, file, notes)
                VALUES ('plan', ?, ?, ?, ?, ?, '现行有效', ?, ?, ?)
                """,
            arguments: [
                m.title, m.number, m.number, m.issuer, m.date?.description, String(m.year),
                plan.file, plan.notes.joined(separator: "\n"),
            ])
        let documentID = db.lastInsertedRowID
        for name in [m.title, m.number] {
            try db.execute(
                sql: "INSERT OR IGNORE INTO document_name (name, document_id) VALUES (?, ?)",
                arguments: [name, documentID])
        }
        documents += 1
        notes += plan.notes.map { "\(m.number): \($0)" }
        for (ordinal, section) in plan.sections.enumerated() {
            let unitID = try insertUnit(
                documentID: documentID, ordinal: ordinal, kind: section.kind.rawValue,
                title: section.title, location: section.path.joined(separator: Self.locationSeparator),
                article: nil, text: section.text, line: section.line, db)
            let place = CitationPlace(file: plan.file, line: section.line, date: m.date, citingRegulation: nil)
            try insertCitations(
                section.citations, unitID: unitID, unitText: section.text, place: place, targets: targets, db)
        }
        for (ordinal, deadline) in plan.deadlines.enumerated() {
            try db.execute(
                sql: """
                    INSERT INTO deadline (document_id, ordinal, measure, task, responsible, due, rule, kind,
                                          report_to, line)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    documentID, ordinal, deadline.measure, deadline.task, deadline.responsible,
                    deadline.due?.description, deadline.rule, deadline.kind.rawValue,
                    deadline.reportTo, deadline.line,
                ])
            deadlines += 1
        }
    }

    // MARK: - Shared

    /// Stores a unit under its stable id (``StableIDs``) and returns the id.
    mutating func insertUnit(
        documentID: Int64, ordinal: Int, kind: String, title: String, location: String,
        article: Int?, text: String, line: Int, _ db: Database
    ) throws -> Int64 {
        let id: Int64
        do {
            id = try StableIDs.unit(document: documentID, ordinal: ordinal, file: "")
        } catch {
            throw StableIDs.LimitExceeded(file: try Self.file(ofDocument: documentID, db), what: error.what, limit: error.limit)
        }
        try db.cachedStatement(
            sql: """
                INSERT INTO unit (id, document_id, ordinal, kind, title, location, article, text, line)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [id, documentID, ordinal, kind, title, location, article, text, line])
        units += 1
        return id
    }

    /// The next citation id of the document of unit `unitID` (``StableIDs``).
    private mutating func nextCitationID(unitID: Int64, _ db: Database) throws -> Int64 {
        let documentID = StableIDs.document(ofUnit: unitID)
        let place = citationSequence.document == documentID ? citationSequence.next : 0
        citationSequence = (documentID, place + 1)
        do {
            return try StableIDs.citation(document: documentID, place: place, file: "")
        } catch {
            throw StableIDs.LimitExceeded(file: try Self.file(ofDocument: documentID, db), what: error.what, limit: error.limit)
        }
    }

    /// The corpus file of a stored document, to name it in an error.
    private static func file(ofDocument id: Int64, _ db: Database) throws -> String {
        try String.fetchOne(db, sql: "SELECT file FROM document WHERE id = ?", arguments: [id]) ?? "#\(id)"
    }

    /// Stores `list`, each citation linked to the version of the law it resolves to from
    /// `place`; citations that open no article are kept unlinked and reported. The words of a
    /// citation are stored as their place in `unitText`, the text of the citing unit, when
    /// they are written there (``StoredSpan``).
    mutating func insertCitations(
        _ list: [Citation], unitID: Int64, unitText: String, place: CitationPlace, targets: CitationTargets,
        _ db: Database
    ) throws {
        guard !list.isEmpty else { return }
        let scalars = Array(unitText.unicodeScalars)
        for citation in list {
            let target = targets.versions.target(
                of: citation, on: place.date, citingRegulation: place.citingRegulation,
                in: targets.regulations)
            let documentID = target.regulation.map { targets.documentIDs[$0] }
            let text = StoredSpan(citation.text, at: Self.span(of: citation.text, in: scalars))
            let id = try nextCitationID(unitID: unitID, db)
            try db.cachedStatement(
                sql: """
                    INSERT INTO citation_row (id, unit_id, document_id, name, article, paragraph, item,
                                              text, text_at, text_length)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """
            ).execute(
                arguments: [
                    id, unitID, documentID, citation.name, citation.article, citation.paragraph,
                    citation.item, text.literal, text.start, text.length,
                ])
            citations += 1
            if let problem = UnresolvedCitation(citation, target: target, place: place, regulations: targets.regulations) {
                unresolved.append(problem)
            }
        }
    }

    /// Where `text` is first written in `scalars` (0-based, in scalars), if it is.
    static func span(of text: String, in scalars: [Unicode.Scalar]) -> Range<Int>? {
        let needle = Array(text.unicodeScalars)
        guard let first = needle.first, needle.count <= scalars.count else { return nil }
        var start = 0
        while start + needle.count <= scalars.count {
            if scalars[start] == first && scalars[start..<(start + needle.count)].elementsEqual(needle) {
                return start..<(start + needle.count)
            }
            start += 1
        }
        return nil
    }

    /// Stores on every version of each law how often the other documents cite the law: the
    /// measure of its authority in this corpus that ranking uses (``Schema``'s `cited`).
    ///
    /// One pass over the citations counts them by the title they cite, leaving out those
    /// from a version of the same law.
    func countCitations(_ db: Database) throws {
        let counts = try Row.fetchAll(
            db,
            sql: """
                SELECT target.title AS title, count(*) AS cited
                FROM citation_row AS citation
                JOIN document AS target ON target.id = citation.document_id
                JOIN unit ON unit.id = citation.unit_id
                JOIN document AS citing ON citing.id = unit.document_id
                WHERE citing.title != target.title
                GROUP BY target.title
                """)
        try db.execute(sql: "UPDATE document SET cited = 0 WHERE kind = 'regulation' AND cited != 0")
        for row in counts {
            try db.execute(
                sql: "UPDATE document SET cited = ? WHERE kind = 'regulation' AND title = ?",
                arguments: [row["cited"] as Int, row["title"] as String])
        }
    }

    private func writeMeta(fingerprint: CorpusFingerprint.Snapshot, _ db: Database) throws {
        try fingerprint.store(db)
        try StoredCounts.store(benchmarks, db)
        let joinedNotes = notes.joined(separator: "\n")
        let values: [String: String] = [
            "schema_version": String(Schema.version),
            "corpus_fingerprint": fingerprint.value,
            IndexArtifact.metaKey: artifact.rawValue,
            "built_at": ISO8601DateFormatter().string(from: Date()),
            "notes": artifact == .public ? masker.mask(joinedNotes) : joinedNotes,
        ]
        for (key, value) in values {
            try db.execute(sql: "INSERT INTO meta (key, value) VALUES (?, ?)", arguments: [key, value])
        }
    }
}
