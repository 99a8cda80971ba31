import Foundation
import LawTestSupport

@testable import LawCorpus

/// Paths of the shipped corpus and scratch corpora for tests.
enum Fixture {
    /// The repository root.
    static let repository = TestRepository.root
    /// `Corpus/` of the repository.
    static let corpus = TestRepository.corpus
    /// `Tests/Eval/history/`: earlier versions of the laws, for comparisons.
    static let history = TestRepository.history
    /// The 2017 version of 行政处罚法.
    static let penalty2017 = history.appendingPathComponent("中华人民共和国行政处罚法(2017).md").path

    static let penaltyTitle = "中华人民共和国行政处罚法"
    static let coercionTitle = "中华人民共和国行政强制法"
    static let businessTitle = "优化营商环境条例"
    static let planFile = "乌司发〔2022〕11号-行政执法质量提升年实施方案"

    /// The shipped corpus, loaded once.
    static let loaded: Corpus = {
        do { return try CorpusLoader(root: corpus).load() } catch { fatalError("shipped corpus: \(error)") }
    }()

    /// The version `version` of the law `title`; without a version, the one in force (现行有效).
    static func regulation(_ title: String, version: String? = nil) -> Regulation {
        let versions = loaded.regulations.filter { $0.metadata.title == title }
        if let version { return versions.first { $0.metadata.version == version }! }
        return versions.first { $0.metadata.status == RegulationMetadata.Status.inForce } ?? versions.last!
    }

    static var plan: Plan { loaded.plans[0] }

    /// A fresh, empty corpus directory with `plan/` and `regulations/`.
    static func scratchCorpus() throws -> URL {
        let root = try TestRepository.scratchDirectory("lawcorpus-tests").appendingPathComponent("Corpus")
        for folder in ["plan", "regulations"] {
            try FileManager.default.createDirectory(
                at: root.appendingPathComponent(folder),
                withIntermediateDirectories: true)
        }
        return root
    }

    /// Copies a shipped file (`regulations/x.md`) into `root`, optionally under another name.
    static func copy(_ relative: String, into root: URL, as name: String? = nil) throws {
        let source = URL(fileURLWithPath: corpus).appendingPathComponent(relative)
        let folder = (relative as NSString).deletingLastPathComponent
        let target = root.appendingPathComponent(folder)
            .appendingPathComponent(name ?? (relative as NSString).lastPathComponent)
        try FileManager.default.copyItem(at: source, to: target)
    }

    /// Writes `text` to `relative` inside `root` and returns the path the loader will report.
    @discardableResult
    static func write(_ text: String, to relative: String, in root: URL) throws -> String {
        let url = root.appendingPathComponent(relative)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// The path the loader reports for `relative` (root as given, joined with `/`).
    static func reported(_ relative: String, in root: URL) -> String {
        (root.path as NSString).appendingPathComponent(relative)
    }
}
