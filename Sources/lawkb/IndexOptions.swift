import ArgumentParser
import Foundation
import LawIndex
import LawQuery

/// Where the corpus and the index live; shared by every command that reads the index.
struct IndexOptions: ParsableArguments {
    @Option(
        name: .customLong("index"),
        help: "The index file (default \(KnowledgeBase.defaultPath); \(KnowledgeBase.defaultPublicPath) for a public server).")
    private var indexPath: String?

    @Option(help: "The corpus directory the index is built from.")
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
            Terminal.note("\(corpus)/ changed since the index was built; rebuilding it …")
            do {
                try build(artifact, at: index)
            } catch {
                Terminal.note("warning: \(error); using the previous index")
                return LawQueries(knowledgeBase)
            }
        case .unusable(let reason):
            Terminal.note("\(reason); building it from \(corpus)/ …")
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
            Terminal.note("no public index at \(path) (first use); building it from \(corpus)/ …")
            try build(.public, at: path)
            return LawQueries(try KnowledgeBase(path: path), publicOnly: true)
        }
        guard KnowledgeBase.recordedArtifact(at: path) == .public else { throw IndexError.notPublic(path: path) }
        switch status(of: path, artifact: .public) {
        case .usable(let knowledgeBase):
            return LawQueries(knowledgeBase, publicOnly: true)
        case .stale(let knowledgeBase):
            Terminal.note("\(corpus)/ changed since the public index was built; rebuilding it …")
            do {
                try build(.public, at: path)
            } catch {
                Terminal.note("warning: \(error); using the previous public index")
                return LawQueries(knowledgeBase, publicOnly: true)
            }
        case .unusable(let reason):
            Terminal.note("\(reason); building the public index from \(corpus)/ …")
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
            return .unusable("no index at \(path) (first use)")
        }
        let knowledgeBase: KnowledgeBase
        do {
            knowledgeBase = try KnowledgeBase(path: path)
        } catch {
            return .unusable("the index at \(path) cannot be used (\(error))")
        }
        if let current = CorpusFingerprint.compute(root: corpus, artifact: artifact),
           let built = try? knowledgeBase.meta("corpus_fingerprint"), built != current {
            return .stale(knowledgeBase)
        }
        return .usable(knowledgeBase)
    }

    private func build(_ artifact: IndexArtifact, at path: String) throws {
        let report = try IndexBuilder(corpusRoot: corpus, artifact: artifact).build(to: path)
        Terminal.note("indexed \(report.documents) documents, \(report.units) units in "
            + String(format: "%.2f s", report.seconds))
    }
}
