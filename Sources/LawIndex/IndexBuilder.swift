import Foundation
import GRDB
import LawCorpus

/// Builds a lawkb index from a corpus directory.
///
/// The index is written to a temporary file next to its destination and renamed into
/// place only when complete, so a failed build (a malformed corpus file, a full disk)
/// leaves the previous index intact and usable.
public struct IndexBuilder: Sendable {
    /// The corpus directory (`Corpus/`).
    public var corpusRoot: String

    /// Creates a builder for the corpus at `corpusRoot`.
    public init(corpusRoot: String) {
        self.corpusRoot = corpusRoot
    }

    /// Loads the corpus and writes the index to `path`, replacing any previous index atomically.
    public func build(to path: String) throws(IndexError) -> IndexReport {
        let started = Date()
        let corpus: Corpus
        do {
            corpus = try CorpusLoader(root: corpusRoot).load()
        } catch {
            throw .corpus(error)
        }
        let fingerprint = CorpusFingerprint.compute(root: corpusRoot) ?? ""
        let temporary = try prepareTemporaryFile(for: path)
        var report: IndexReport
        do {
            let queue = try DatabaseQueue(path: temporary, configuration: KnowledgeBase.configuration(readonly: false))
            var writer = IndexWriter()
            try queue.write { db in
                try Schema.create(db)
                try writer.write(corpus, fingerprint: fingerprint, into: db)
            }
            try queue.vacuum()
            try queue.close()
            report = writer.report(path: path, warnings: corpus.warnings)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw .storage(path: temporary, message: "\(error)")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw .storage(path: path, message: "cannot move the new index into place: \(reason)")
        }
        report.bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?
            .int64Value ?? 0
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    private func prepareTemporaryFile(for path: String) throws(IndexError) -> String {
        let directory = (path as NSString).deletingLastPathComponent
        do {
            if !directory.isEmpty {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            }
        } catch {
            throw .storage(path: directory, message: "cannot create the index directory: \(error)")
        }
        let temporary = "\(path).tmp-\(ProcessInfo.processInfo.processIdentifier)"
        for suffix in ["", "-journal", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: temporary + suffix)
        }
        return temporary
    }
}
