import Foundation
import GRDB
import LawCorpus

extension IndexBuilder {
    /// Brings the index at `path` up to date with the corpus: when only list files changed
    /// since the previous index was built, a copy of it is updated beside it — the changed
    /// files' documents deleted and stored again, what depends on several documents
    /// recomputed — and renamed into place; anything else (``FullBuildReason``), or `full`,
    /// builds the whole index (``build(to:)``).
    ///
    /// Rows are numbered from their document alone (``StableIDs``) and documents keep their
    /// ids, so the result holds the same rows, ids included, as a full build of the corpus.
    /// A malformed changed file throws, naming file and line, and leaves the index untouched.
    public func update(_ path: String, full: Bool = false) throws(IndexError) -> IndexReport {
        let decision = full ? .full(.requested, file: nil) : IndexUpdatePlan.decide(root: corpusRoot, artifact: artifact, index: path)
        switch decision {
        case .full(let reason, let file):
            return try fullBuild(to: path, reason: reason, file: file)
        case .incremental(let plan):
            switch try IndexUpdateRun(root: corpusRoot, plan: plan, destination: path).run() {
            case .done(let report):
                return report
            case .fallback(let reason, let file):
                return try fullBuild(to: path, reason: reason, file: file)
            }
        }
    }

    private func fullBuild(to path: String, reason: FullBuildReason, file: String?) throws(IndexError) -> IndexReport {
        var report = try build(to: path)
        report.fallback = reason
        report.fallbackFile = file
        return report
    }
}

/// Which list files changed since the previous index was built, or why it cannot be updated.
struct IndexUpdatePlan {
    /// The corpus files as they are now.
    var snapshot: CorpusFingerprint.Snapshot
    /// The changed list files, relative to the corpus directory, sorted.
    var changed: [String]

    enum Decision {
        case full(FullBuildReason, file: String?)
        case incremental(IndexUpdatePlan)
    }

    /// What the previous index records of itself.
    private struct Recorded {
        var schemaVersion: String?
        var artifact: String?
        var files: [String: CorpusFingerprint.File]
    }

    /// Compares the corpus at `root` with what the index at `index` was built from.
    static func decide(root: String, artifact: IndexArtifact, index: String) -> Decision {
        guard artifact == .full else { return .full(.publicArtifact, file: nil) }
        guard FileManager.default.fileExists(atPath: index) else { return .full(.noPreviousIndex, file: nil) }
        guard let snapshot = CorpusFingerprint.Snapshot(root: root, artifact: artifact) else {
            return .full(.corpusUnreadable, file: nil)
        }
        guard let recorded = read(index) else { return .full(.unreadablePreviousIndex, file: nil) }
        guard recorded.schemaVersion == String(Schema.version) else { return .full(.schemaChanged, file: nil) }
        guard recorded.artifact == artifact.rawValue else { return .full(.artifactChanged, file: nil) }
        guard !recorded.files.isEmpty else { return .full(.noFileRecord, file: nil) }
        if let added = snapshot.files.keys.filter({ recorded.files[$0] == nil }).min() {
            return .full(.fileAdded, file: added)
        }
        if let removed = recorded.files.keys.filter({ snapshot.files[$0] == nil }).min() {
            return .full(.fileRemoved, file: removed)
        }
        let changed = snapshot.files.values.filter { recorded.files[$0.path] != $0 }.map(\.path).sorted()
        if let other = changed.first(where: { !isListFile($0) }) {
            return .full(.nonListFileChanged, file: other)
        }
        return .incremental(IndexUpdatePlan(snapshot: snapshot, changed: changed))
    }

    /// Whether `path` (relative to the corpus) is a list version's file.
    static func isListFile(_ path: String) -> Bool {
        path.hasPrefix("lists/") && (path.hasSuffix(".yaml") || path.hasSuffix(".yml"))
    }

    private static func read(_ index: String) -> Recorded? {
        do {
            let queue = try DatabaseQueue(path: index, configuration: KnowledgeBase.configuration(readonly: true))
            defer { try? queue.close() }
            return try queue.read { db in
                let version = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema_version'")
                guard version == String(Schema.version) else {
                    return Recorded(schemaVersion: version, artifact: nil, files: [:])
                }
                return Recorded(
                    schemaVersion: version,
                    artifact: try String.fetchOne(
                        db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [IndexArtifact.metaKey]),
                    files: try CorpusFingerprint.Snapshot.stored(db))
            }
        } catch {
            return nil
        }
    }
}
