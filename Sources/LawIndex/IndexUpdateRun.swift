import Foundation
import GRDB
import LawCorpus

/// One update of an index whose corpus changed only in list files (``IndexUpdatePlan``): the
/// previous index is copied beside itself, the changed files' documents are stored again in
/// the copy under their old ids, and the copy is renamed into place.
struct IndexUpdateRun {
    let root: String
    let plan: IndexUpdatePlan
    /// Where the index is.
    let destination: String

    enum Outcome {
        case done(IndexReport)
        /// The update would not give what a full build gives; build the whole index.
        case fallback(FullBuildReason, file: String?)
    }

    /// A reason, met while updating, to build the whole index instead.
    struct Fallback: Error {
        var reason: FullBuildReason
        var file: String?
    }

    func run() throws(IndexError) -> Outcome {
        let started = Date()
        var timings = PhaseTimings()
        let removed = TemporaryIndexFile.sweepStale(for: destination)
        let corpus: Corpus
        do {
            let shadow = try ShadowCorpus(root: root, lists: plan.changed)
            defer { shadow.remove() }
            corpus = try shadow.load()
        } catch {
            throw .corpus(error)
        }
        timings.lap("load")
        let temporary = TemporaryIndexFile(for: destination)
        temporary.remove()
        var report: IndexReport
        do throws(IndexError) {
            try temporary.copyDestination()
            timings.lap("copy")
            switch try write(corpus, into: temporary.path, timings: &timings) {
            case .success(let written):
                report = written
            case .failure(let fallback):
                temporary.remove()
                return .fallback(fallback.reason, file: fallback.file)
            }
            try temporary.moveIntoPlace()
        } catch {
            temporary.remove()
            throw error
        }
        report.path = destination
        report.removedTemporaryFiles = removed
        report.timings = timings
        report.incremental = true
        report.reindexedFiles = plan.changed
        report.bytes =
            (try? FileManager.default.attributesOfItem(atPath: destination)[.size] as? NSNumber)?.int64Value ?? 0
        report.seconds = Date().timeIntervalSince(started)
        return .done(report)
    }

    /// Updates the copy at `path`, or says why a full build is needed instead.
    private func write(
        _ corpus: Corpus, into path: String, timings: inout PhaseTimings
    ) throws(IndexError) -> Result<IndexReport, Fallback> {
        do {
            let queue = try DatabaseQueue(path: path, configuration: KnowledgeBase.configuration(readonly: false))
            defer { try? queue.close() }
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = OFF")
                try db.execute(sql: "PRAGMA synchronous = OFF")
            }
            var writer = IndexWriter(artifact: .full)
            var warnings = corpus.warnings
            try queue.write { db in
                var update = DocumentReplacement(root: root, corpus: corpus, db: db)
                try update.checkLaws()
                let lists = try update.checkLists(plan.changed)
                try update.replace(lists, with: &writer)
                warnings += try update.setInForcePeriods()
                try writer.countCitations(db)
                try plan.snapshot.stamp(db)
            }
            timings.lap("rows")
            var report = try queue.read { db in try StoredCounts.report(path: path, writer: writer, warnings: warnings, db) }
            timings.lap("counts")
            try queue.close()
            report.timings = timings
            return .success(report)
        } catch let fallback as Fallback {
            return .failure(fallback)
        } catch let error as CorpusError {
            throw .corpus(error)
        } catch {
            throw .storage(path: path, message: "\(error)")
        }
    }
}
