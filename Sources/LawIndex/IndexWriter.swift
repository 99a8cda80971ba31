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
    /// Citations that open no article: the first (``IndexReport/unresolvedListLimit``) with
    /// where they are written, and how many there are for each reason.
    private(set) var unresolved: [UnresolvedCitation] = []
    private(set) var unresolvedCounts: [UnresolvedCitation.Reason: Int] = [:]
    var notes: [String] = []
    /// Warnings about list items read while they are stored (``ListItemStream``), by file
    /// (``Corpus/warnings(addingItemWarnings:)`` puts them in their places).
    var itemWarnings: [String: [String]] = [:]
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
    /// The statements run for every unit, item and citation, once prepared.
    private var prepared: Statements?

    /// How the build file is written.
    let settings: BuildSettings
    /// Whether each unit's full-text entry is written with the unit. A public artifact builds
    /// the full-text index at the end instead, from the text once it is masked.
    let writesFullTextWithUnits: Bool

    init(artifact: IndexArtifact, settings: BuildSettings = .current) {
        self.artifact = artifact
        self.settings = settings
        writesFullTextWithUnits = artifact == .full
    }

    /// Separator between the levels of a location: 第二章 › 第九条.
    static let locationSeparator = " › "

    mutating func write(_ corpus: Corpus, fingerprint: CorpusFingerprint.Snapshot, into db: Database) throws {
        defer { releaseStatements() }
        try settings.configureFullText(db)
        let versions = RegulationVersions(corpus.regulations)
        var ids: [Int64] = []
        for (index, regulation) in corpus.regulations.enumerated() {
            ids.append(try insertRegulation(regulation, period: versions.period(ofRegulationAt: index), db))
        }
        let targets = CitationTargets(regulations: corpus.regulations, versions: versions, documentIDs: ids)
        let stored = corpus.lists.map { artifact == .full || $0.isPublic }
        withheldLists = stored.count { !$0 }
        let pipeline = ListItemPipeline(lists: corpus.lists, stored: stored, source: corpus.itemSource, targets: targets)
        defer { pipeline.stop() }
        try insertComparisons(of: corpus.regulations, versions: versions, documentIDs: ids, db)
        for (index, regulation) in corpus.regulations.enumerated() {
            try insertArticles(of: regulation, at: index, documentID: ids[index], targets: targets, db)
        }
        for plan in corpus.plans {
            try insertPlan(plan, targets: targets, db)
        }
        let departmentIDs = try insertDepartments(corpus.departments, db)
        for (list, isStored) in zip(corpus.lists, stored) {
            if isStored {
                try insertList(list, departmentID: departmentIDs[list.department.id]!, items: pipeline, db)
            } else {
                try checkList(list, items: pipeline)
            }
        }
        try insertCompliance(of: corpus, departmentIDs: departmentIDs, db)
        try countCitations(db)
        timings.lap("rows")
        if !writesFullTextWithUnits {
            maskedValues = try StoredTextMasking(masker: masker).maskAll(db)
            try db.execute(sql: "INSERT INTO unit_fts(unit_fts) VALUES('rebuild')")
            timings.lap("full_text")
        }
        if try settings.shouldOptimize(db) {
            try db.execute(sql: "INSERT INTO unit_fts(unit_fts) VALUES('optimize')")
            timings.lap("optimize")
        }
        try writeMeta(fingerprint: fingerprint, db)
    }

    func report(path: String, warnings: [String]) -> IndexReport {
        IndexReport(
            path: path, artifact: artifact, bytes: 0, documents: documents, units: units, articles: articles,
            lists: lists, listItems: listItems, withheldLists: withheldLists, maskedValues: maskedValues,
            deadlines: deadlines, citations: citations, unresolvedCitations: unresolvedCounts.values.reduce(0, +),
            unresolvedNotInCorpus: unresolvedCounts[.documentNotInCorpus] ?? 0,
            unresolvedNoSuchArticle: unresolvedCounts[.noSuchArticle] ?? 0,
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
        var statements = try self.statements(db)
        statements.unit.bind(id)
        statements.unit.bind(documentID)
        statements.unit.bind(ordinal)
        statements.unit.bind(kind)
        statements.unit.bind(title)
        statements.unit.bind(location)
        statements.unit.bind(article)
        statements.unit.bind(text)
        statements.unit.bind(line)
        try statements.unit.run(db)
        if writesFullTextWithUnits {
            statements.fullText.bind(id)
            statements.fullText.bind(title)
            statements.fullText.bind(text)
            try statements.fullText.run(db)
        }
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

    /// Stores the citations of `unitText`, the text of unit `unitID`, written at `place`
    /// (``PreparedCitation/prepare(_:unitText:place:targets:)``); those that open no article
    /// are kept unlinked and reported.
    mutating func insertCitations(
        _ list: [Citation], unitID: Int64, unitText: String, place: CitationPlace, targets: CitationTargets,
        _ db: Database
    ) throws {
        try insertCitations(PreparedCitation.prepare(list, unitText: unitText, place: place, targets: targets), unitID: unitID, db)
    }

    /// Stores prepared citations of unit `unitID`.
    mutating func insertCitations(_ list: [PreparedCitation], unitID: Int64, _ db: Database) throws {
        guard !list.isEmpty else { return }
        var statement = try statements(db).citation
        for citation in list {
            statement.bind(try nextCitationID(unitID: unitID, db))
            statement.bind(unitID)
            statement.bind(citation.values)
            try statement.run(db)
            citations += 1
            if let problem = citation.unresolved {
                unresolvedCounts[problem.reason, default: 0] += 1
                if unresolved.count < IndexReport.unresolvedListLimit { unresolved.append(problem) }
            }
        }
    }

    /// The statements run for every unit, item and citation.
    struct Statements {
        var unit: RowBinder
        var fullText: RowBinder
        var item: RowBinder
        var citation: RowBinder

        init(_ db: Database) throws {
            unit = try RowBinder(
                db,
                sql: """
                    INSERT INTO unit (id, document_id, ordinal, kind, title, location, article, text, line)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            fullText = try RowBinder(db, sql: "INSERT INTO \(Schema.ftsTable)(rowid, title, text) VALUES (?, ?, ?)")
            item = try RowBinder(db, sql: IndexWriter.insertListItem)
            citation = try RowBinder(
                db,
                sql: """
                    INSERT INTO citation_row (id, unit_id, document_id, name, article, paragraph, item,
                                              text, text_at, text_length)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
        }
    }

    /// Lets go of the writer's statements, so that its connection can close.
    mutating func releaseStatements() {
        prepared = nil
    }

    /// The writer's statements, prepared on first use; ``releaseStatements()`` once writing is done.
    mutating func statements(_ db: Database) throws -> Statements {
        if let prepared { return prepared }
        let made = try Statements(db)
        prepared = made
        return made
    }

    /// Where `text` is first written in `haystack` (0-based, in Unicode scalars, as SQLite's
    /// `substr` counts), if it is. Compares UTF-8 bytes: in valid UTF-8 a match of a whole text
    /// can only start where a scalar starts, so the first match in bytes is the first in scalars.
    static func span(of text: String, in haystack: String) -> Range<Int>? {
        var needle = text
        var haystack = haystack
        return needle.withUTF8 { needle in
            haystack.withUTF8 { bytes -> Range<Int>? in
                guard let first = needle.first, needle.count <= bytes.count else { return nil }
                var start = 0
                while start + needle.count <= bytes.count {
                    if bytes[start] == first
                        && memcmp(bytes.baseAddress! + start, needle.baseAddress!, needle.count) == 0
                    {
                        let before = scalarCount(UnsafeBufferPointer(rebasing: bytes[..<start]))
                        return before..<(before + scalarCount(needle))
                    }
                    start += 1
                }
                return nil
            }
        }
    }

    /// The Unicode scalars of valid UTF-8 `bytes`: the bytes that are not continuation bytes.
    private static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
        return count
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
        try fingerprint.stamp(db)
        try StoredCounts.store(benchmarks, db)
        let joinedNotes = notes.joined(separator: "\n")
        let values: [String: String] = [
            "schema_version": String(Schema.version),
            IndexArtifact.metaKey: artifact.rawValue,
            "notes": artifact == .public ? masker.mask(joinedNotes) : joinedNotes,
        ]
        for (key, value) in values {
            try db.execute(sql: "INSERT INTO meta (key, value) VALUES (?, ?)", arguments: [key, value])
        }
    }
}
