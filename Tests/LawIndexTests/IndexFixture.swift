import Foundation
import LawIndex

/// Paths of the repository and a scratch directory for one test.
enum Fixture {
    /// The repository root (two levels above this file's directory).
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The shipped corpus.
    static let corpus = repository.appendingPathComponent("Corpus").path

    /// A fresh empty directory under the system temporary directory.
    static func scratchDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("lawkb-index-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A copy of the shipped corpus that a test may damage.
    static func corpusCopy() throws -> URL {
        let target = try scratchDirectory().appendingPathComponent("Corpus")
        try FileManager.default.copyItem(atPath: corpus, toPath: target.path)
        return target
    }

    /// The shipped corpus, indexed once per test run.
    static let shared: (report: IndexReport, knowledgeBase: KnowledgeBase) = {
        let path = try! scratchDirectory().appendingPathComponent("lawkb.sqlite").path
        let report = try! IndexBuilder(corpusRoot: corpus).build(to: path)
        return (report, try! KnowledgeBase(path: path))
    }()
}
