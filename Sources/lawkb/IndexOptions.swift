import ArgumentParser
import Foundation
import LawIndex
import LawQuery

/// Where the corpus and the index live; shared by every command that reads the index.
struct IndexOptions: ParsableArguments {
    @Option(
        name: .customLong("index"),
        help: "索引文件（默认 \(KnowledgeBase.defaultPath)；公开服务为 \(KnowledgeBase.defaultPublicPath)）。")
    private var indexPath: String?

    @Option(help: "建立索引所用的语料目录。")
    var corpus: String = "Corpus"

    /// The index the commands read: `--index`, or the default full index.
    var index: String { indexPath ?? KnowledgeBase.defaultPath }

    /// The index a public server serves: `--index`, or the default public index.
    var publicIndex: String { indexPath ?? KnowledgeBase.defaultPublicPath }

    /// Opens the index, building it first when it is missing, outdated or of another version.
    ///
    /// An outdated index is rebuilt as the kind it is (a public index stays public). When the
    /// corpus changed but no longer builds (a file being edited is malformed), the error is
    /// reported and the previous index is used.
    func open() throws -> LawQueries {
        let artifact = KnowledgeBase.recordedArtifact(at: index) ?? .full
        switch status(of: index, artifact: artifact) {
        case .usable(let knowledgeBase):
            return LawQueries(knowledgeBase)
        case .stale(let knowledgeBase):
            Terminal.note("\(corpus)/ 在建立索引后有改动，正在重建索引 …")
            do {
                try build(artifact, at: index)
            } catch {
                Terminal.note("警告：\(ErrorMessage.text(error))；继续使用原有索引")
                return LawQueries(knowledgeBase)
            }
        case .unusable(let reason):
            Terminal.note("\(reason)；正在从 \(corpus)/ 建立索引 …")
            try build(artifact, at: index)
        }
        return LawQueries(try KnowledgeBase(path: index))
    }

    /// Opens the public index (``publicIndex``), building it when it is missing or outdated.
    ///
    /// Refuses, with ``IndexError/notPublic(path:)``, a file that is not a public index —
    /// a full index, or anything that is not a lawkb index — rather than replace it: a path
    /// given by mistake must neither be served nor overwritten.
    func openPublic() throws -> LawQueries {
        let path = publicIndex
        guard FileManager.default.fileExists(atPath: path) else {
            Terminal.note("\(path) 还没有公开版索引（首次使用）；正在从 \(corpus)/ 建立 …")
            try build(.public, at: path)
            return LawQueries(try KnowledgeBase(path: path), publicOnly: true)
        }
        guard KnowledgeBase.recordedArtifact(at: path) == .public else { throw IndexError.notPublic(path: path) }
        switch status(of: path, artifact: .public) {
        case .usable(let knowledgeBase):
            return LawQueries(knowledgeBase, publicOnly: true)
        case .stale(let knowledgeBase):
            Terminal.note("\(corpus)/ 在建立公开版索引后有改动，正在重建 …")
            do {
                try build(.public, at: path)
            } catch {
                Terminal.note("警告：\(ErrorMessage.text(error))；继续使用原有公开版索引")
                return LawQueries(knowledgeBase, publicOnly: true)
            }
        case .unusable(let reason):
            Terminal.note("\(reason)；正在从 \(corpus)/ 建立公开版索引 …")
            try build(.public, at: path)
        }
        let knowledgeBase = try KnowledgeBase(path: path)
        try knowledgeBase.requirePublicArtifact()
        return LawQueries(knowledgeBase, publicOnly: true)
    }

    private enum Status {
        case usable(KnowledgeBase)
        case stale(KnowledgeBase)
        case unusable(String)
    }

    /// Whether the index at `path` can be used as it is for an index of kind `artifact`:
    /// it is stale when the corpus changed since it was built, or when it is of another kind.
    private func status(of path: String, artifact: IndexArtifact) -> Status {
        guard FileManager.default.fileExists(atPath: path) else {
            return .unusable("\(path) 还没有索引（首次使用）")
        }
        let knowledgeBase: KnowledgeBase
        do {
            knowledgeBase = try KnowledgeBase(path: path)
        } catch {
            return .unusable("\(path) 的索引无法使用（\(ErrorMessage.text(error))）")
        }
        if let current = CorpusFingerprint.compute(root: corpus, artifact: artifact),
            let built = try? knowledgeBase.meta("corpus_fingerprint"), built != current
        {
            return .stale(knowledgeBase)
        }
        return .usable(knowledgeBase)
    }

    private func build(_ artifact: IndexArtifact, at path: String) throws {
        let report = try IndexBuilder(corpusRoot: corpus, artifact: artifact).update(path)
        Terminal.note(
            "已建立索引：\(report.documents) 个文件，\(report.units) 条，用时 "
                + String(format: "%.2f 秒", report.seconds))
    }
}
