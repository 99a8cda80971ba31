import Foundation
import GRDB
import LawCorpus
import LawIndex
import Testing

@Suite("The public index: public lists only, personal numbers masked in the stored text")
struct PublicArtifactTests {
    static var full: KnowledgeBase { try! KnowledgeBase(path: Fixture.bothArtifacts.full.path) }
    static var published: KnowledgeBase { try! KnowledgeBase(path: Fixture.bothArtifacts.public.path) }

    /// The mobile number and its middle digits, as written in the test list.
    static let mobile = "15047134088"
    static let middleDigits = "4713"

    /// How many units the full-text index finds for `phrase`.
    static func matches(_ phrase: String, in knowledgeBase: KnowledgeBase) throws -> Int {
        try knowledgeBase.reader.read { db in
            try Int.fetchOne(
                db, sql: "SELECT count(*) FROM unit_fts WHERE unit_fts MATCH ?",
                arguments: ["\"\(phrase)\""]) ?? 0
        }
    }

    /// Every stored text value of every ordinary table and view (the full-text index's own
    /// tables aside), as `table.column: value`: views read values stored once in other tables.
    static func storedTexts(of knowledgeBase: KnowledgeBase) throws -> [String] {
        try knowledgeBase.reader.read { db in
            var texts: [String] = []
            let tables = try String.fetchAll(
                db,
                sql: """
                    SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'unit_fts%'
                    """)
            for table in tables {
                let columns = try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))")
                    .filter { ($0["type"] as String) == "TEXT" || ($0["type"] as String).isEmpty }.map { $0["name"] as String }
                for column in columns {
                    let values = try String.fetchAll(db, sql: "SELECT \(column) FROM \(table) WHERE \(column) IS NOT NULL")
                    texts += values.map { "\(table).\(column): \($0)" }
                }
            }
            return texts
        }
    }

    @Test("a list not marked public is not stored at all")
    func nonPublicListIsAbsent() throws {
        let internalList = "乌审旗应急管理局行政执法“失职照单问责”追责情形清单（内部审核稿）"
        for (knowledgeBase, expected) in [(Self.full, 1), (Self.published, 0)] {
            let counts = try knowledgeBase.reader.read { db in
                [
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM document WHERE title = ?", arguments: [internalList]),
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM document WHERE kind = 'list' AND public = 0"),
                ]
            }
            #expect(counts == [expected, expected])
            let items = try knowledgeBase.reader.read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM list_item WHERE item_id LIKE 'YJGL-ZZQX-%'")
            }
            #expect(items == expected * 7)
            // Its words are not searchable: the internal note of one of its items.
            #expect(try Self.matches("承办人核实后再定稿", in: knowledgeBase) == expected)
        }
        let fullTexts = try Self.storedTexts(of: Self.full)
        let publicTexts = try Self.storedTexts(of: Self.published)
        #expect(fullTexts.contains { $0.contains("13900001234") })
        #expect(!publicTexts.contains { $0.contains("13900001234") || $0.contains("内部审核稿") })
        let (full, published) = (Fixture.bothArtifacts.full, Fixture.bothArtifacts.public)
        #expect(published.lists == full.lists - 1)
        #expect(published.listItems == full.listItems - 7)
        #expect(published.withheldLists == 1 && full.withheldLists == 0)
    }

    @Test("personal numbers are masked in the stored text, so searching their digits finds nothing")
    func numbersAreMaskedInStoredText() throws {
        // The full index finds the middle digits; the public one has none to find.
        #expect(try Self.matches(Self.middleDigits, in: Self.full) == 1)
        #expect(try Self.matches(Self.middleDigits, in: Self.published) == 0)
        #expect(try Self.matches("8123456", in: Self.published) == 0)
        #expect(try Self.matches("19900101", in: Self.published) == 0)
        #expect(try Self.matches("900101", in: Self.published) == 0)
        // The plan's contact number, written as one run.
        #expect(try Self.matches(Self.mobile, in: Self.full) == 1)
        #expect(try Self.matches(Self.mobile, in: Self.published) == 0)
        // What masking keeps stays searchable, and its highlight shows only what was kept.
        let highlighted = try Self.published.reader.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT highlight(unit_fts, 1, '[', ']') FROM unit_fts WHERE unit_fts MATCH '"4088"'
                    """)
        }
        #expect(highlighted.contains { $0.contains("150-****-[4088]") }, "\(highlighted)")
        #expect(!highlighted.contains { $0.contains(Self.middleDigits) })

        let item = try #require(
            try Self.published.reader.read { db in
                try Row.fetchOne(
                    db,
                    sql: """
                        SELECT list_item.name, list_item.conditions, list_item.note, list_item.fields, list_item.levels,
                               unit.title, unit.text, document.title AS list, document.notes
                        FROM list_item JOIN unit ON unit.id = list_item.unit_id JOIN document ON document.id = list_item.document_id
                        WHERE list_item.item_id = 'GLTZ-ZDJG-001'
                        """)
            })
        #expect(item["name"] as String == "对农村自建房施工安全的监管（网格员150 ****4088）")
        #expect(item["title"] as String == item["name"] as String)
        #expect(item["conditions"] as String == "网格员巡查发现后报告，巡查电话150-****-4088")
        #expect(item["note"] as String == "承办人身份证号150102 ******** 123X，旧证150102******123。")
        #expect(item["list"] as String == "乌审旗嘎鲁图镇人民政府重点监管事项清单（监管热线0477-***3456）")
        #expect(item["notes"] as String == "咨询：镇综合执法办 150.****.4088；监督电话（0477）***3456。")
        let text: String = item["text"]
        #expect(text.contains("联系电话：150-****-4088"))
        #expect(text.contains("举报电话：（0477）***3456"))
        #expect(text.contains("负责人：王某某 0477 ***3456"))
        #expect(text.contains("经网格员（电话150\u{00A0}****\u{00A0}4088）提醒后仍未改正的"))
        // The JSON columns stay valid JSON, numbers included, with their strings masked.
        let fields = try #require(try JSONSerialization.jsonObject(with: Data((item["fields"] as String).utf8)) as? [[String: String]])
        #expect(fields.map { $0["value"] ?? "" } == ["150-****-4088", "（0477）***3456", "王某某 0477 ***3456"])
        let levels = try #require(try JSONSerialization.jsonObject(with: Data((item["levels"] as String).utf8)) as? [[String: Any]])
        #expect((levels.first?["circumstances"] as? String)?.contains("150\u{00A0}****\u{00A0}4088") == true)
        #expect((levels.first?["amounts"] as? [Any])?.isEmpty == false)
    }

    @Test("no stored text of the public index holds a personal number; the full index keeps them as written")
    func nothingPersonalIsStored() throws {
        let masker = SensitiveNumberMasker()
        let exposed = try Self.storedTexts(of: Self.published).filter(masker.containsSensitiveNumber)
        #expect(exposed.isEmpty, "\(exposed)")
        let written = try Self.storedTexts(of: Self.full).filter(masker.containsSensitiveNumber)
        #expect(written.count >= 10)
        #expect(Fixture.bothArtifacts.public.maskedValues >= 10)
        #expect(Fixture.bothArtifacts.full.maskedValues == 0)
        let notes = try Self.published.meta("notes") ?? ""
        #expect(!masker.containsSensitiveNumber(notes))
    }

    @Test("the index records that it was built public")
    func metaRecordsTheArtifact() throws {
        #expect(Self.published.isPublicArtifact)
        #expect(try Self.published.meta("artifact") == "public")
        #expect(!Self.full.isPublicArtifact)
        #expect(try Self.full.meta("artifact") == "full")
        #expect(KnowledgeBase.recordedArtifact(at: Self.published.path) == .public)
        #expect(KnowledgeBase.recordedArtifact(at: Self.full.path) == .full)
        try Self.published.requirePublicArtifact()
        #expect {
            try Self.full.requirePublicArtifact()
        } throws: { error in
            guard case IndexError.notPublic(let path) = error else { return false }
            let message = "\(error)"
            return path == Self.full.path && (error as? IndexError)?.remedy == .buildPublic(path: path)
                && !message.contains("lawkb index") && message.contains("公开版索引")
        }
        #expect(Fixture.bothArtifacts.public.artifact == .public)
        #expect(Fixture.bothArtifacts.full.artifact == .full)
    }

    @Test("an index of the other kind never passes for an up-to-date one")
    func fingerprintsTellTheKindsApart() throws {
        let corpus = Fixture.bothArtifacts.corpus.path
        let full = try #require(CorpusFingerprint.compute(root: corpus))
        let published = try #require(CorpusFingerprint.compute(root: corpus, artifact: .public))
        #expect(full != published)
        #expect(try Self.full.meta("corpus_fingerprint") == full)
        #expect(try Self.published.meta("corpus_fingerprint") == published)
    }

    @Test("an index that records no artifact (built before it was recorded) is a full one")
    func unrecordedArtifactIsFull() throws {
        let copy = try Fixture.scratchDirectory().appendingPathComponent("old.sqlite").path
        try FileManager.default.copyItem(atPath: Self.published.path, toPath: copy)
        let queue = try DatabaseQueue(path: copy)
        try queue.write { db in try db.execute(sql: "DELETE FROM meta WHERE key = 'artifact'") }
        try queue.close()
        #expect(try !KnowledgeBase(path: copy).isPublicArtifact)
        #expect(KnowledgeBase.recordedArtifact(at: copy) == .full)
        #expect(KnowledgeBase.recordedArtifact(at: copy + ".missing") == nil)
    }

    @Test("a normal build of the shipped corpus keeps every list and number")
    func fullBuildKeepsEverything() throws {
        let knowledgeBase = Fixture.shared.knowledgeBase
        #expect(!knowledgeBase.isPublicArtifact)
        #expect(try Self.matches(Self.mobile, in: knowledgeBase) == 1)
        #expect(try Self.matches("13900001234", in: knowledgeBase) == 1)
        #expect(Fixture.shared.report.withheldLists == 0)
    }
}
