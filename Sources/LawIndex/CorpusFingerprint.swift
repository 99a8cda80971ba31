import Foundation
import GRDB

/// A cheap summary of a corpus directory (paths, sizes, modification times) and of the
/// artifact built from it, used to tell whether an index was built from the corpus as it is
/// now, for the audience asked for, and which of its files changed since (``Snapshot``).
public enum CorpusFingerprint {
    /// Fingerprint of every regular file under `root`, for an index of kind `artifact`;
    /// `nil` when `root` is not a directory.
    ///
    /// A full and a public index of the same corpus have different fingerprints, so an index
    /// of the other kind is never taken for an up-to-date one.
    public static func compute(root: String, artifact: IndexArtifact = .full) -> String? {
        Snapshot(root: root, artifact: artifact)?.value
    }

    /// One regular file of the corpus as it was seen.
    public struct File: Equatable, Sendable {
        /// Path relative to the corpus directory.
        public var path: String
        /// Size in bytes.
        public var size: Int64
        /// Modification time in milliseconds since 1970.
        public var modified: Int64
    }

    /// Every regular file of a corpus directory, and their fingerprint as a whole.
    public struct Snapshot: Sendable {
        /// The files, by relative path.
        public var files: [String: File]
        /// The fingerprint of all of them and of the artifact (``CorpusFingerprint/compute(root:artifact:)``).
        public var value: String

        /// No files, fingerprint "": what is recorded when the corpus could not be read.
        public static let empty = Snapshot(files: [:], value: "")

        init(files: [String: File], value: String) {
            self.files = files
            self.value = value
        }

        /// The files under `root` now; `nil` when `root` is not a directory.
        public init?(root: String, artifact: IndexArtifact = .full) {
            let fm = FileManager.default
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue,
                let enumerator = fm.enumerator(atPath: root)
            else { return nil }
            var files: [String: File] = [:]
            while let relative = enumerator.nextObject() as? String {
                let full = (root as NSString).appendingPathComponent(relative)
                guard let attributes = try? fm.attributesOfItem(atPath: full),
                    attributes[.type] as? FileAttributeType == .typeRegular
                else { continue }
                let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
                let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                let milliseconds = Int64(exactly: (modified * 1000).rounded(.towardZero)) ?? Int64.max
                files[relative] = File(path: relative, size: size, modified: milliseconds)
            }
            var entries = files.values.map { "\($0.path)\t\($0.size)\t\($0.modified)" }
            if artifact != .full { entries.append("\u{0}artifact\t\(artifact.rawValue)") }
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a
            for byte in entries.sorted().joined(separator: "\n").utf8 {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            }
            self.init(files: files, value: String(hash, radix: 16))
        }

        /// Records the files in the index's `source_file` table, replacing what it held.
        func store(_ db: Database) throws {
            try db.execute(sql: "DELETE FROM source_file")
            for file in files.values.sorted(by: { $0.path < $1.path }) {
                try db.cachedStatement(sql: "INSERT INTO source_file (path, size, modified) VALUES (?, ?, ?)")
                    .execute(arguments: [file.path, file.size, file.modified])
            }
        }

        /// Records that the index was built, or updated, from these files now: the files, the
        /// fingerprint and the time in `meta`.
        func stamp(_ db: Database) throws {
            try store(db)
            let values = [("corpus_fingerprint", value), ("built_at", ISO8601DateFormatter().string(from: Date()))]
            for (key, value) in values {
                try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", arguments: [key, value])
            }
        }

        /// The files an index records having been built from.
        static func stored(_ db: Database) throws -> [String: File] {
            var files: [String: File] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT path, size, modified FROM source_file") {
                let file = File(path: row["path"], size: row["size"], modified: row["modified"])
                files[file.path] = file
            }
            return files
        }
    }
}
