import Foundation
import GRDB
import LawCorpus
import LawTestSupport
import Testing

@testable import LawIndex

/// A long list stored while it is read (``ListItemPipeline``): the index is the one a list read
/// whole gives, its faults are named with file and line and leave the previous index as it was,
/// and the report stays short however many citations open nothing.
@Suite("Long lists stored while they are read")
struct StreamedListTests {
    static let listFile = "lists/scjg/重点监管事项清单/2024-06-01.yaml"

    /// A 重点监管事项清单 of `count` items in the writers' form: each cites an article of 行政处罚法
    /// and one of a law the corpus lacks; item `n` is written by `item(n)` when it gives a text.
    static func list(count: Int, item: (Int) -> String? = { _ in nil }) -> String {
        var lines = [
            "department: 乌审旗市场监督管理局", "kind: 重点监管事项清单", "title: 长清单", "version: 2024-06-01",
            "published: 2024-06-03", "status: sample", "items:",
        ]
        for n in 1...count {
            if let custom = item(n) {
                lines.append(custom)
                continue
            }
            lines += [
                "  - id: CQD-\(n)", "    name: 对第\(n)类经营场所的监管",
                "    basis: 《中华人民共和国行政处罚法》第\(ChineseNumeralFormatter.format(n % 86 + 1))条；"
                    + "《不存在的管理条例》第\(ChineseNumeralFormatter.format(n % 9 + 1))条",
                "    measure: 责令改正，依法处理（\(n)）",
            ]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test("a long list stored while it is read gives the index a list read whole gives")
    func streamedEqualsWhole() throws {
        let setup = try IncrementalIndexTests.Setup()
        let file = setup.corpus.appendingPathComponent(Self.listFile)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Self.list(count: 1).write(to: file, atomically: true, encoding: .utf8)
        _ = try setup.builder.update(setup.index.path, full: true)
        try Self.list(count: 1300).write(to: file, atomically: true, encoding: .utf8)
        try setup.touch(Self.listFile)
        // The update reads the changed file whole; a full build reads it a part at a time.
        let update = try setup.builder.update(setup.index.path)
        #expect(update.incremental)
        let full = try setup.fullBuild()
        try IncrementalIndexTests.expectSameContent(setup.index, full)
        let report = try IndexBuilder(corpusRoot: setup.corpus.path).update(full.path, full: true)
        #expect(report.listItems == setup.report.listItems + 1300)
    }

    @Test("a report lists the first thousand citations that open nothing and counts them all")
    func unresolvedAreCountedAndTheFirstListed() throws {
        let corpus = try Fixture.corpusCopy()
        let file = corpus.appendingPathComponent(Self.listFile)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Self.list(count: 1300).write(to: file, atomically: true, encoding: .utf8)
        let index = corpus.deletingLastPathComponent().appendingPathComponent("Index/lawkb.sqlite")
        let report = try IndexBuilder(corpusRoot: corpus.path).update(index.path)
        #expect(report.unresolvedNotInCorpus == Fixture.shared.report.unresolvedNotInCorpus + 1300)
        #expect(report.unresolvedNoSuchArticle == Fixture.shared.report.unresolvedNoSuchArticle)
        #expect(report.unresolvedCitations == report.unresolvedNotInCorpus + report.unresolvedNoSuchArticle)
        #expect(report.unresolved.count == IndexReport.unresolvedListLimit)
        let last = try #require(report.unresolved.last)
        #expect(last.file == file.path && last.document == "不存在的管理条例")
    }

    @Test("a fault late in a long list names its file and line and leaves the index as it was")
    func faultLateInTheListKeepsTheIndex() throws {
        let setup = try IncrementalIndexTests.Setup()
        let before = try Data(contentsOf: setup.index)
        let file = setup.corpus.appendingPathComponent(Self.listFile)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Self.list(count: 1300) { n in n == 1200 ? "  - id: CQD-7\n    name: 重复的编号" : nil }
            .write(to: file, atomically: true, encoding: .utf8)
        #expect {
            try setup.builder.update(setup.index.path)
        } throws: { error in
            guard case .corpus(let problem) = error as? IndexError else { return false }
            return problem.file == file.path && problem.line == 8 + 1199 * 4 && problem.message.contains("CQD-7")
        }
        #expect(try Data(contentsOf: setup.index) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: setup.index.deletingLastPathComponent().path)
        #expect(leftovers == ["lawkb.sqlite"])
    }

    @Test("a public index still reads the lists it leaves out: their faults stop it, their warnings are reported")
    func withheldListsAreChecked() throws {
        let corpus = try Fixture.corpusCopy()
        let file = corpus.appendingPathComponent(Self.listFile)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let index = corpus.deletingLastPathComponent().appendingPathComponent("Index/lawkb-public.sqlite")
        let builder = IndexBuilder(corpusRoot: corpus.path, artifact: .public)
        let before = try builder.update(index.path).withheldLists
        let withheld = Self.list(count: 600) { n in n == 2 ? "  - id: CQD-2\n    name: 事项\n    remark: 未知的键" : nil }
            .replacingOccurrences(of: "status: sample", with: "status: sample\npublic: false")
        try withheld.write(to: file, atomically: true, encoding: .utf8)
        let report = try builder.update(index.path)
        #expect(report.withheldLists == before + 1)
        #expect(report.warnings.contains { $0.hasPrefix("\(file.path):15: unknown key 'remark'") })
        try Self.list(count: 600) { n in n == 500 ? "  - id: CQD-1\n    name: 重复" : nil }
            .replacingOccurrences(of: "status: sample", with: "status: sample\npublic: false")
            .write(to: file, atomically: true, encoding: .utf8)
        #expect {
            try builder.update(index.path)
        } throws: { error in
            guard case .corpus(let problem) = error as? IndexError else { return false }
            return problem.file == file.path && problem.line == 9 + 499 * 4
        }
    }

    @Test("the report's warnings are those of loading the lists whole, in the same order")
    func warningsInTheirPlaces() throws {
        let corpus = try Fixture.corpusCopy()
        for (relative, version) in [
            ("lists/scjg/重点监管事项清单/2024-06-01.yaml", "2024-06-01"), ("lists/jtys/重点监管事项清单/2024-05-01.yaml", "2024-05-01"),
        ] {
            let file = corpus.appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            let department = relative.contains("jtys") ? "乌审旗交通运输局" : "乌审旗市场监督管理局"
            try Self.list(count: 3) { n in n == 2 ? "  - id: CQD-2\n    name: 事项\n    remark: 未知的键" : nil }
                .replacingOccurrences(of: "乌审旗市场监督管理局", with: department)
                .replacingOccurrences(of: "version: 2024-06-01", with: "version: \(version)\ncolour: 红")
                .write(to: file, atomically: true, encoding: .utf8)
        }
        let index = corpus.deletingLastPathComponent().appendingPathComponent("Index/lawkb.sqlite")
        let report = try IndexBuilder(corpusRoot: corpus.path).update(index.path)
        let whole = try CorpusLoader(root: corpus.path).load().warnings
        #expect(whole.filter { $0.contains("unknown key") }.count == 4)
        #expect(report.warnings == whole)
    }

    @Test("stopping the writer stops the reading, however far ahead it is")
    func stoppingReleasesTheReader() throws {
        let department = Department(id: "scjg", name: "乌审旗市场监督管理局")
        let items = (1...20_000).map { n in ListItem(id: "X-\(n)", name: "事项\(n)", basis: "《某条例》第一条") }
        let list = ListVersion(
            file: "lists/scjg/重点监管事项清单/2024-01-01.yaml", department: department, kind: .keySupervision,
            title: "清单", version: CalendarDate(iso: "2024-01-01")!, items: items)
        let targets = CitationTargets(regulations: [], versions: RegulationVersions([]), documentIDs: [])
        let pipeline = ListItemPipeline(lists: [list, list], source: nil, targets: targets)
        guard case .items(let first, _) = try pipeline.next() else {
            Issue.record("the first batch holds items")
            return
        }
        #expect(first.first?.title == "事项1" && first.count == ListItemPipeline.batchSize)
        pipeline.stop()
        pipeline.stop()
    }

    @Test("a citation's place is found in its item's text, counted in Unicode scalars")
    func citationSpansCountScalars() {
        let text = "法律依据：《𠮷条例》第一条；é́ 《中华人民共和国行政处罚法》第三十三条"
        func reference(_ needle: String) -> Range<Int>? {
            let scalars = Array(text.unicodeScalars)
            let wanted = Array(needle.unicodeScalars)
            guard !wanted.isEmpty, wanted.count <= scalars.count else { return nil }
            for start in 0...(scalars.count - wanted.count) where Array(scalars[start..<(start + wanted.count)]) == wanted {
                return start..<(start + wanted.count)
            }
            return nil
        }
        for needle in ["《中华人民共和国行政处罚法》第三十三条", "《𠮷条例》第一条", "é́", "第一条", "第二条", "", text, text + "。"] {
            #expect(IndexWriter.span(of: needle, in: text) == reference(needle), "\(needle)")
        }
    }
}
