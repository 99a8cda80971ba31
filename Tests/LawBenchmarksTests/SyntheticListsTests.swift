import Foundation
import LawBenchmarks
import LawTestSupport
import Testing

@testable import LawCorpus

@Suite("Synthetic lists") struct SyntheticListsTests {
    static let corpus: Corpus = try! CorpusLoader(root: TestRepository.corpus).load()

    @Test func generatedListsNeverTakeAVersionTheCorpusHas() throws {
        // One department whose every kind has a version on every day the generator could pick.
        let department = try #require(Self.corpus.departments.first)
        let start = try #require(CalendarDate(iso: "2022-10-01"))
        let taken = ListKind.allCases.flatMap { kind in
            (1...120).map {
                ListVersion(
                    file: "\(kind)-\($0).yaml", department: department, kind: kind, title: "",
                    version: start.adding(days: $0), items: Self.corpus.lists[0].items)
            }
        }
        var corpus = Self.corpus
        corpus.departments = [department]
        corpus.lists = taken
        let output = try TestRepository.scratchDirectory("lawkb-generate")
        let files = try SyntheticLists(corpus: corpus).write(items: 10, perList: 1, into: output.path)
        #expect(files == 10)
        let written = try FileManager.default.subpathsOfDirectory(atPath: output.path).filter { $0.hasSuffix(".yaml") }
        #expect(written.count == 10)
        let takenPaths = Set(taken.map { "\(department.id)/\($0.kind.rawValue)/\($0.version).yaml" })
        #expect(written.allSatisfy { !takenPaths.contains($0) }, "\(written)")
    }
}
