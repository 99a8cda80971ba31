import Foundation
import GRDB
import LawCorpus

/// An open, read-only lawkb index.
///
/// The index file is an immutable artifact: `lawkb index` writes a new file and renames
/// it into place. Readers therefore open it read-only and never write to it.
public final class KnowledgeBase: Sendable {
    /// Default location of the index, relative to the working directory.
    public static let defaultPath = "Index/lawkb.sqlite"
    /// Default location of the public index (``IndexArtifact/public``), which public servers serve.
    public static let defaultPublicPath = "Index/lawkb-public.sqlite"

    /// Path of the index file.
    public let path: String
    /// The connection(s) used to read the index.
    public let reader: any DatabaseReader
    /// Which audience the index was built for.
    public let artifact: IndexArtifact

    /// The words people use for what the texts say (`Corpus/thesaurus.yaml` as indexed), read
    /// once when the index is opened: the index file never changes while open.
    public let thesaurus: Thesaurus

    /// Whether the index was built for the public (`lawkb index --public`): lists not marked
    /// public are absent and personal numbers are masked in the stored text.
    public var isPublicArtifact: Bool { artifact == .public }

    /// Opens the index at `path` for reading.
    ///
    /// - Parameter concurrent: `true` opens a `DatabasePool` for many concurrent
    ///   readers (the HTTP service); `false` a single connection (the CLI).
    public init(path: String, concurrent: Bool = false) throws(IndexError) {
        guard FileManager.default.fileExists(atPath: path) else { throw .missing(path: path) }
        self.path = path
        let config = KnowledgeBase.configuration(readonly: true)
        do {
            reader = concurrent
                ? try DatabasePool(path: path, configuration: config)
                : try DatabaseQueue(path: path, configuration: config)
        } catch {
            throw .storage(path: path, message: "无法打开：\(error)")
        }
        let version: Int?
        do {
            (version, artifact) = try reader.read { db in
                let version = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema_version'")
                let artifact = try String.fetchOne(
                    db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [IndexArtifact.metaKey])
                return (version.flatMap { Int($0) }, IndexArtifact(recorded: artifact))
            }
        } catch {
            throw .incompatible(path: path, reason: "没有 lawkb 元数据")
        }
        guard version == Schema.version else {
            throw .incompatible(
                path: path,
                reason: "结构版本为 \(version.map(String.init) ?? "未知")，应为 \(Schema.version)")
        }
        do {
            thesaurus = try reader.read { db in try StoredThesaurus.read(db) }
        } catch {
            throw .incompatible(path: path, reason: "同义词表无法读取：\(error)")
        }
    }

    /// Throws ``IndexError/notPublic(path:)`` unless the index was built for the public.
    public func requirePublicArtifact() throws(IndexError) {
        guard isPublicArtifact else { throw .notPublic(path: path) }
    }

    /// The artifact an index file records, read without opening it as a knowledge base (so
    /// also from an index of another schema version); `nil` when the file is missing or
    /// is not a lawkb index at all.
    public static func recordedArtifact(at path: String) -> IndexArtifact? {
        guard FileManager.default.fileExists(atPath: path),
              let queue = try? DatabaseQueue(path: path, configuration: configuration(readonly: true))
        else { return nil }
        defer { try? queue.close() }
        let values = try? queue.read { db in
            try Row.fetchAll(db, sql: "SELECT key, value FROM meta WHERE key IN ('schema_version', ?)",
                             arguments: [IndexArtifact.metaKey])
        }
        guard let values, !values.isEmpty else { return nil }
        return IndexArtifact(recorded: values.first { $0["key"] == IndexArtifact.metaKey }?["value"])
    }

    /// A GRDB configuration whose connections know the `lawkb_han` tokenizer.
    public static func configuration(readonly: Bool) -> Configuration {
        var config = Configuration()
        config.readonly = readonly
        config.label = "lawkb"
        config.prepareDatabase { db in
            db.add(tokenizer: HanFTS5Tokenizer.self)
        }
        return config
    }

    /// A value stored in the index's `meta` table (build time, corpus fingerprint, counts).
    public func meta(_ key: String) throws -> String? {
        try reader.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key])
        }
    }
}
