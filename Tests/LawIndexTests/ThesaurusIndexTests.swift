import Foundation
import LawCorpus
import LawIndex
import Testing

/// `Corpus/thesaurus.yaml`: read with file and line in every error, stored in the index so
/// that a server holding only the index file expands queries, and part of the fingerprint.
@Suite struct ThesaurusIndexTests {
    @Test func theShippedThesaurusIsStoredInTheIndex() throws {
        let shipped = try Thesaurus.load(corpusRoot: Fixture.corpus)
        let report = Fixture.shared.report
        print("index: \(report.bytes) bytes, \(report.units) units, built in \(String(format: "%.2f", report.seconds)) s")
        #expect(shipped.entries.count >= 15)
        #expect(Fixture.shared.report.thesaurusEntries == shipped.entries.count)
        let stored = Fixture.shared.knowledgeBase.thesaurus
        #expect(stored.entries.map(\.terms) == shipped.entries.map(\.terms))
        #expect(stored.entries.map(\.finds) == shipped.entries.map(\.finds))
        #expect(stored.entries.map(\.source) == shipped.entries.map(\.source))
        // Every entry says where the equivalence comes from.
        #expect(shipped.entries.allSatisfy { !($0.note ?? "").isEmpty })
    }

    @Test func theStoredThesaurusExpandsLikeTheFile() throws {
        let stored = Fixture.shared.knowledgeBase.thesaurus
        let forms = stored.expansions(of: "无过错不罚").map(\.form.description)
        #expect(forms == ["没有主观过错"])
        #expect(stored.expansions(of: "未亮照").map(\.form.description) == ["营业执照…醒目位置"])
    }

    @Test func aCompoundTermExpandsInPlaceAndAlone() {
        let thesaurus = Thesaurus(entries: [
            .init(terms: ["超载", "超重"], finds: [.init("超限")], mutual: true, source: .commonUsage)
        ])
        #expect(thesaurus.expansions(of: "货车超载").map(\.form.description) == ["货车超重", "货车超限", "超载", "超重", "超限"])
        #expect(thesaurus.expansions(of: "超载").map(\.form.description) == ["超重", "超限"])
        // Both ways when mutual.
        #expect(thesaurus.expansions(of: "超限").map(\.form.description) == ["超载", "超重"])
        #expect(thesaurus.expansions(of: "超重").map(\.form.description) == ["超载", "超限"])
        // Punctuation and quotation marks do not hide a word.
        #expect(thesaurus.expansions(of: "“超载”").map(\.form.description) == ["超重", "超限"])
        #expect(thesaurus.expansions(of: "罚款").isEmpty)
    }

    @Test func aOneWayEntryDoesNotExpandItsWrittenForm() {
        let thesaurus = Thesaurus(entries: [
            .init(terms: ["无过错不罚"], finds: [.init("没有主观过错")], source: .revisionCommentary)
        ])
        #expect(thesaurus.expansions(of: "没有主观过错").isEmpty)
    }

    @Test func expansionsAreBoundedWhateverTheTermHolds() {
        let thesaurus = Thesaurus(entries: [
            .init(terms: ["甲"], finds: (0..<30).map { .init("乙\($0)") }, source: .commonUsage)
        ])
        let term = String(repeating: "甲", count: 1000)
        #expect(thesaurus.expansions(of: term, limit: 12).count == 12)
    }

    @Test(arguments: [
        ("- terms: [超载]\n  finds: [超限]\n  source: 听说\n", 3, "source"),
        ("- terms: [超载]\n  finds: [超限]\n", 1, "缺少 source"),
        ("- terms: [超载]\n  finds: [超限]\n  source: 常用说法\n  sauce: 1\n", 4, "未知字段"),
        ("- terms: []\n  finds: [超限]\n  source: 常用说法\n", 1, "terms 不能为空"),
        ("- terms: [超载]\n  finds: [\"，。\"]\n  source: 常用说法\n", 2, "没有可检索的文字"),
        ("- terms: [超载]\n  finds: [超限]\n  source: 常用说法\n  mutual: 也许\n", 4, "mutual"),
        ("terms: [超载]\n", 1, "条目列表"),
        ("- terms: [超载\n", 2, "YAML"),
        ("- terms: [超载]\n  finds: [a…b…c…d…e]\n  source: 常用说法\n", 2, "片段过多"),
    ])
    func malformedEntriesNameTheLine(_ yaml: String, _ line: Int, _ words: String) {
        #expect {
            _ = try Thesaurus.parse(yaml, file: "Corpus/thesaurus.yaml")
        } throws: { error in
            guard let error = error as? CorpusError else { return false }
            return error.file == "Corpus/thesaurus.yaml" && error.line == line && error.message.contains(words)
        }
    }

    @Test func aMalformedThesaurusStopsTheBuildAndKeepsThePreviousIndex() throws {
        let corpus = try Fixture.corpusCopy()
        let index = try Fixture.scratchDirectory().appendingPathComponent("lawkb.sqlite").path
        _ = try IndexBuilder(corpusRoot: corpus.path).build(to: index)
        let file = corpus.appendingPathComponent(Thesaurus.fileName)
        try "- terms: [超载]\n  finds: [超限]\n  source: 道听途说\n".write(to: file, atomically: true, encoding: .utf8)
        #expect {
            _ = try IndexBuilder(corpusRoot: corpus.path).build(to: index)
        } throws: { error in
            "\(error)".contains("thesaurus.yaml:3")
        }
        #expect(try KnowledgeBase(path: index).thesaurus.entries.count >= 15)
    }

    @Test func theFingerprintChangesWithTheThesaurus() throws {
        let corpus = try Fixture.corpusCopy()
        let before = CorpusFingerprint.compute(root: corpus.path)
        let file = corpus.appendingPathComponent(Thesaurus.fileName)
        let text = try String(contentsOf: file, encoding: .utf8)
        try (text + "\n- terms: [没挂牌]\n  finds: [营业执照…醒目位置]\n  source: 常用说法\n")
            .write(to: file, atomically: true, encoding: .utf8)
        #expect(CorpusFingerprint.compute(root: corpus.path) != before)
    }

    @Test func aCorpusWithoutThesaurusIndexesWithAnEmptyOne() throws {
        let corpus = try Fixture.corpusCopy()
        try FileManager.default.removeItem(at: corpus.appendingPathComponent(Thesaurus.fileName))
        let index = try Fixture.scratchDirectory().appendingPathComponent("lawkb.sqlite").path
        let report = try IndexBuilder(corpusRoot: corpus.path).build(to: index)
        #expect(report.thesaurusEntries == 0)
        #expect(try KnowledgeBase(path: index).thesaurus.isEmpty)
    }
}
