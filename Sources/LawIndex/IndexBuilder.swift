import Foundation
import GRDB
import LawCorpus

/// Builds a lawkb index from a corpus directory.
///
/// The index is written to a temporary file next to its destination and renamed into
/// place only when complete, so a failed build (a malformed corpus file, a full disk)
/// leaves the previous index intact and usable. A failed build removes its temporary
/// files; every build first removes those of builds that were killed (``TemporaryIndexFile``).
public struct IndexBuilder: Sendable {
    /// The corpus directory (`Corpus/`).
    public var corpusRoot: String
    /// Which audience the index is for.
    public var artifact: IndexArtifact

    /// Creates a builder for the corpus at `corpusRoot`; `artifact` `.public` builds the
    /// index a public server serves.
    public init(corpusRoot: String, artifact: IndexArtifact = .full) {
        self.corpusRoot = corpusRoot
        self.artifact = artifact
    }

    /// Loads the corpus and its thesaurus (`thesaurus.yaml`, optional) and writes the index to
    /// `path`, replacing any previous index atomically. The items of long list files are read
    /// while they are stored (``ListItemPipeline``): a problem in one still leaves the previous
    /// index as it was.
    public func build(to path: String) throws(IndexError) -> IndexReport {
        let started = Date()
        var timings = PhaseTimings()
        let removed = TemporaryIndexFile.sweepStale(for: path)
        let corpus: Corpus
        let thesaurus: Thesaurus
        do {
            corpus = try CorpusLoader(root: corpusRoot).load(deferringItems: true)
            thesaurus = try Thesaurus.load(corpusRoot: corpusRoot)
        } catch {
            throw .corpus(error)
        }
        timings.lap("load")
        try createDirectory(for: path)
        let fingerprint = CorpusFingerprint.Snapshot(root: corpusRoot, artifact: artifact) ?? .empty
        let temporary = TemporaryIndexFile(for: path)
        temporary.remove()
        var report: IndexReport
        do throws(IndexError) {
            timings.restart()
            report = try write(corpus, thesaurus: thesaurus, fingerprint: fingerprint, to: temporary.path)
            report.path = path
            try temporary.moveIntoPlace()
            timings.append(report.timings)
        } catch {
            temporary.remove()
            throw error
        }
        temporary.remove()
        report.removedTemporaryFiles = removed
        report.timings = timings
        report.bytes =
            (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?
            .int64Value ?? 0
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    /// Writes the whole index into the file at `path`.
    private func write(
        _ corpus: Corpus, thesaurus: Thesaurus, fingerprint: CorpusFingerprint.Snapshot, to path: String
    ) throws(IndexError) -> IndexReport {
        do {
            let queue = try DatabaseQueue(path: path, configuration: KnowledgeBase.configuration(readonly: false))
            let settings = BuildSettings.current
            try queue.writeWithoutTransaction { db in try settings.prepare(db) }
            var writer = IndexWriter(artifact: artifact, settings: settings)
            try queue.write { db in
                try Schema.create(db)
                try writer.write(corpus, fingerprint: fingerprint, into: db)
                try writer.write(thesaurus, into: db)
            }
            if settings.vacuum {
                try queue.vacuum()
                writer.timings.lap("vacuum")
            }
            try queue.close()
            var report = writer.report(path: path, warnings: corpus.warnings(addingItemWarnings: writer.itemWarnings))
            report.timings = writer.timings
            return report
        } catch let error as CorpusError {
            throw .corpus(error)
        } catch {
            throw .storage(path: path, message: "\(error)")
        }
    }

    private func createDirectory(for path: String) throws(IndexError) {
        let directory = (path as NSString).deletingLastPathComponent
        guard !directory.isEmpty else { return }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .storage(path: directory, message: "无法创建索引目录：\(error)")
        }
    }
}
