import ArgumentParser
import Foundation
import LawIndex
import LawQuery

/// Where the corpus and the index live; shared by every command that reads the index.
struct IndexOptions: ParsableArguments {
    @Option(help: "The index file.")
    var index: String = KnowledgeBase.defaultPath

    @Option(help: "The corpus directory the index is built from.")
    var corpus: String = "Corpus"

    /// Opens the index, building it first when it is missing, outdated or of another version.
    ///
    /// When the corpus changed but no longer builds (a file being edited is malformed),
    /// the error is reported and the previous index is used.
    func open() throws -> LawQueries {
        switch status() {
        case .usable(let knowledgeBase):
            return LawQueries(knowledgeBase)
        case .stale(let knowledgeBase):
            Terminal.note("\(corpus)/ changed since the index was built; rebuilding it …")
            do {
                try build()
            } catch {
                Terminal.note("warning: \(error); using the previous index")
                return LawQueries(knowledgeBase)
            }
        case .unusable(let reason):
            Terminal.note("\(reason); building it from \(corpus)/ …")
            try build()
        }
        return LawQueries(try KnowledgeBase(path: index))
    }

    private enum Status {
        case usable(KnowledgeBase)
        case stale(KnowledgeBase)
        case unusable(String)
    }

    private func status() -> Status {
        guard FileManager.default.fileExists(atPath: index) else {
            return .unusable("no index at \(index) (first use)")
        }
        let knowledgeBase: KnowledgeBase
        do {
            knowledgeBase = try KnowledgeBase(path: index)
        } catch {
            return .unusable("the index at \(index) cannot be used (\(error))")
        }
        if let current = CorpusFingerprint.compute(root: corpus),
           let built = try? knowledgeBase.meta("corpus_fingerprint"), built != current {
            return .stale(knowledgeBase)
        }
        return .usable(knowledgeBase)
    }

    private func build() throws {
        let report = try IndexBuilder(corpusRoot: corpus).build(to: index)
        Terminal.note("indexed \(report.documents) documents, \(report.units) units in "
            + String(format: "%.2f s", report.seconds))
    }
}
