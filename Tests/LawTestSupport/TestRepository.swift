import Foundation

/// The repository the tests run in: its corpus and development sets, and fresh scratch
/// directories. Tests read the repository only, never anything beside it.
public enum TestRepository {
    /// The repository root (symbolic links resolved, so a package that links the test folder works too).
    public static let root = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Corpus/`: the shipped corpus.
    public static let corpus = root.appendingPathComponent("Corpus").path

    /// `Tests/Eval/`: the development sets (queries, questions, article alignments).
    public static let evaluation = root.appendingPathComponent("Tests/Eval")

    /// `Tests/Eval/history/`: earlier versions of the laws, for comparisons.
    public static let history = evaluation.appendingPathComponent("history")

    /// A fresh empty directory under the system temporary directory, `prefix-<UUID>`.
    public static func scratchDirectory(_ prefix: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A copy of the shipped corpus, `Corpus/` in a fresh scratch directory, that a test may damage.
    public static func corpusCopy(_ prefix: String) throws -> URL {
        let target = try scratchDirectory(prefix).appendingPathComponent("Corpus")
        try FileManager.default.copyItem(atPath: corpus, toPath: target.path)
        return target
    }
}
