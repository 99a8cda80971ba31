import Foundation
import GRDB
import LawCorpus
import LawTestSupport
import Testing

@testable import LawIndex

@Suite("Updating an index when list files change")
struct IncrementalIndexTests {
    static let olderList = "lists/scjg/不予处罚事项清单/2022-10-25.yaml"
    static let newerList = "lists/scjg/不予处罚事项清单/2023-08-10.yaml"

    /// A corpus copy, indexed once.
    struct Setup {
        var corpus: URL
        var index: URL
        var report: IndexReport

        init() throws {
            corpus = try Fixture.corpusCopy()
            index = corpus.deletingLastPathComponent().appendingPathComponent("Index/lawkb.sqlite")
            report = try IndexBuilder(corpusRoot: corpus.path).update(index.path)
        }

        var builder: IndexBuilder { IndexBuilder(corpusRoot: corpus.path) }

        /// Replaces `old` by `new` in the corpus file at `relative`, dating the file a minute
        /// later so its fingerprint changes whatever the clock's resolution.
        func edit(_ relative: String, replacing old: String, with new: String) throws {
            let url = corpus.appendingPathComponent(relative)
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(text.contains(old))
            try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
            try touch(relative)
        }

        func touch(_ relative: String) throws {
            let path = corpus.appendingPathComponent(relative).path
            let modified = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date ?? Date()
            try FileManager.default.setAttributes(
                [.modificationDate: modified.addingTimeInterval(60)], ofItemAtPath: path)
        }

        /// A full build of the corpus as it is now, beside the index.
        func fullBuild() throws -> URL {
            let other = index.deletingLastPathComponent().appendingPathComponent("full.sqlite")
            let report = try builder.update(other.path, full: true)
            #expect(report.incremental == false && report.fallback == .requested)
            return other
        }
    }

    // MARK: - The same index as a full build

    @Test("an item's text and a version's date changed: only those files are read, and the index equals a full build")
    func updateEqualsFullBuild() throws {
        let setup = try Setup()
        #expect(setup.report.incremental == false && setup.report.fallback == .noPreviousIndex)
        try setup.edit(
            Self.olderList, replacing: "conditions: 首次被发现，在登记机关责令的期限内改正，未造成危害后果的",
            with: "conditions: 首次被发现，在登记机关责令的期限内改正，未造成危害后果，且符合《中华人民共和国行政处罚法》第三十二条规定的")
        try setup.edit(Self.newerList, replacing: "published: 2023-08-15", with: "published: 2023-08-17")
        let report = try setup.builder.update(setup.index.path)
        #expect(report.incremental)
        #expect(report.fallback == nil)
        #expect(report.reindexedFiles == [Self.olderList, Self.newerList])
        let full = try setup.fullBuild()
        try Self.expectSameContent(setup.index, full)
        let fullReport = try IndexBuilder(corpusRoot: setup.corpus.path).update(full.path, full: true)
        #expect(report.documents == fullReport.documents)
        #expect(report.units == fullReport.units)
        #expect(report.citations == fullReport.citations)
        #expect(report.unresolvedCitations == fullReport.unresolvedCitations)
        #expect(report.benchmarks == fullReport.benchmarks)
        #expect(report.notes == fullReport.notes)
        // The date moved the end of the older version's period.
        try DatabaseQueue(path: setup.index.path).read { db in
            let until = try String.fetchOne(
                db, sql: "SELECT in_force_until FROM document WHERE file LIKE ?", arguments: ["%2022-10-25.yaml"])
            #expect(until == "2023-08-17")
            let text = try String.fetchOne(
                db, sql: "SELECT text FROM unit WHERE title = '未将营业执照置于住所或者主要经营场所醒目位置' AND text LIKE '%第三十二条%'")
            #expect(text != nil)
        }
    }

    @Test("items removed from a list and a second update in a row still equal a full build")
    func repeatedUpdates() throws {
        let setup = try Setup()
        try setup.edit(Self.olderList, replacing: "  - id: SCJG-BYCF-003", with: "  - id: SCJG-BYCF-003X")
        #expect(try setup.builder.update(setup.index.path).incremental)
        let text = try String(contentsOf: setup.corpus.appendingPathComponent(Self.newerList), encoding: .utf8)
        let shortened = text.components(separatedBy: "\n  - id: ").dropLast().joined(separator: "\n  - id: ") + "\n"
        try shortened.write(to: setup.corpus.appendingPathComponent(Self.newerList), atomically: true, encoding: .utf8)
        try setup.touch(Self.newerList)
        let report = try setup.builder.update(setup.index.path)
        #expect(report.incremental)
        try Self.expectSameContent(setup.index, try setup.fullBuild())
    }

    @Test("with nothing changed, an update rewrites nothing and reads no list")
    func nothingChanged() throws {
        let setup = try Setup()
        let report = try setup.builder.update(setup.index.path)
        #expect(report.incremental)
        #expect(report.reindexedFiles.isEmpty)
        #expect(report.units == setup.report.units && report.citations == setup.report.citations)
    }

    // MARK: - Full builds instead

    @Test("a changed law, an added or removed file, a moved version, a public index, --full: full builds, with the reason")
    func fallbacks() throws {
        let setup = try Setup()
        let law = "regulations/中华人民共和国价格法(1997).md"
        try setup.touch(law)
        var report = try setup.builder.update(setup.index.path)
        #expect(!report.incremental && report.fallback == .nonListFileChanged && report.fallbackFile == law)

        let added = "lists/scjg/不予处罚事项清单/2024-01-01.yaml"
        let text = try String(contentsOf: setup.corpus.appendingPathComponent(Self.newerList), encoding: .utf8)
        try text.replacingOccurrences(of: "version: 2023-08-10", with: "version: 2024-01-01")
            .replacingOccurrences(of: "published: 2023-08-15", with: "published: 2024-01-02")
            .write(to: setup.corpus.appendingPathComponent(added), atomically: true, encoding: .utf8)
        report = try setup.builder.update(setup.index.path)
        #expect(report.fallback == .fileAdded && report.fallbackFile == added)
        try FileManager.default.removeItem(at: setup.corpus.appendingPathComponent(added))
        report = try setup.builder.update(setup.index.path)
        #expect(report.fallback == .fileRemoved && report.fallbackFile == added)

        // The older version now comes into force after the newer one: documents are renumbered.
        try setup.edit(Self.olderList, replacing: "published: 2022-10-28", with: "published: 2023-09-01")
        report = try setup.builder.update(setup.index.path)
        #expect(report.fallback == .listOrderChanged && report.fallbackFile == Self.olderList)
        try Self.expectSameContent(setup.index, try setup.fullBuild())

        report = try setup.builder.update(setup.index.path, full: true)
        #expect(report.fallback == .requested)
        // The same corpus written another way: every stored file name changes.
        let otherName = setup.corpus.path + "/../" + setup.corpus.lastPathComponent
        try setup.touch(Self.newerList)
        report = try IndexBuilder(corpusRoot: otherName).update(setup.index.path)
        #expect(report.fallback == .corpusPathChanged)
        let publicIndex = setup.index.deletingLastPathComponent().appendingPathComponent("public.sqlite")
        report = try IndexBuilder(corpusRoot: setup.corpus.path, artifact: .public).update(publicIndex.path)
        #expect(report.fallback == .publicArtifact)
    }

    @Test("an index of another schema version, or without its files recorded, is built whole")
    func unusablePreviousIndex() throws {
        let setup = try Setup()
        try DatabaseQueue(path: setup.index.path).write { db in
            try db.execute(sql: "DELETE FROM source_file")
        }
        #expect(try setup.builder.update(setup.index.path).fallback == .noFileRecord)
        try DatabaseQueue(path: setup.index.path).write { db in
            try db.execute(sql: "UPDATE meta SET value = '1' WHERE key = 'schema_version'")
        }
        #expect(try setup.builder.update(setup.index.path).fallback == .schemaChanged)
        try Data("not an index".utf8).write(to: setup.index)
        #expect(try setup.builder.update(setup.index.path).fallback == .unreadablePreviousIndex)
    }

    @Test("a malformed changed list names file and line and leaves the index as it was")
    func malformedListKeepsIndex() throws {
        let setup = try Setup()
        let before = try Data(contentsOf: setup.index)
        try setup.edit(Self.olderList, replacing: "version: 2022-10-25", with: "version: 2022-13-45")
        #expect {
            try setup.builder.update(setup.index.path)
        } throws: { error in
            guard case .corpus(let problem) = error as? IndexError else { return false }
            return problem.file == setup.corpus.appendingPathComponent(Self.olderList).path && problem.line == 5
        }
        #expect(try Data(contentsOf: setup.index) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: setup.index.deletingLastPathComponent().path)
        #expect(leftovers == ["lawkb.sqlite"])
    }

    // MARK: - Comparing two index files

    /// Tables compared row by row, ids included: every table but FTS5's own index segments,
    /// which hold the same entries in another layout after an update (compared through the
    /// integrity check and searches instead).
    static func comparedTables(_ db: Database) throws -> [String] {
        try String.fetchAll(
            db,
            sql: """
                SELECT name FROM sqlite_master WHERE type = 'table'
                AND name NOT IN ('unit_fts', 'unit_fts_data', 'unit_fts_idx') ORDER BY name
                """)
    }

    /// Searches whose hits are compared, by rowid and in rank order.
    static let searches = ["处罚", "营业执照", "第三十二条", "明码标价", "责令改正", "危害后果", "行政处罚法"]

    static func expectSameContent(_ updated: URL, _ full: URL) throws {
        let a = try DatabaseQueue(path: updated.path, configuration: KnowledgeBase.configuration(readonly: false))
        let b = try DatabaseQueue(path: full.path, configuration: KnowledgeBase.configuration(readonly: true))
        let tables = try a.read(comparedTables)
        #expect(try b.read(comparedTables) == tables)
        #expect(tables.contains("unit_fts_docsize") && tables.contains("source_file"))
        for table in tables {
            // Ordered by every column: `document_name` is inserted in no particular order, and
            // `unit_fts_config` has no rowid.
            let columns = try a.read { db in try db.columns(in: table).count }
            let order = (1...columns).map(String.init).joined(separator: ", ")
            let sql =
                table == "meta"
                ? "SELECT * FROM meta WHERE key != 'built_at' ORDER BY key" : "SELECT * FROM \(table) ORDER BY \(order)"
            let left = try a.read { db in try Row.fetchAll(db, sql: sql) }
            let right = try b.read { db in try Row.fetchAll(db, sql: sql) }
            #expect(left.count == right.count, "\(table)")
            #expect(left == right, "\(table)")
        }
        try a.write { db in try db.execute(sql: "INSERT INTO unit_fts(unit_fts) VALUES('integrity-check')") }
        for query in searches {
            let sql = "SELECT rowid FROM unit_fts WHERE unit_fts MATCH ? ORDER BY bm25(unit_fts), rowid"
            let left = try a.read { db in try Int64.fetchAll(db, sql: sql, arguments: [query]) }
            let right = try b.read { db in try Int64.fetchAll(db, sql: sql, arguments: [query]) }
            #expect(!left.isEmpty, "\(query)")
            #expect(left == right, "\(query)")
        }
    }
}
