import Foundation

/// A cheap summary of a corpus directory (paths, sizes, modification times) and of the
/// artifact built from it, used to tell whether an index was built from the corpus as it is
/// now, for the audience asked for.
public enum CorpusFingerprint {
    /// Fingerprint of every regular file under `root`, for an index of kind `artifact`;
    /// `nil` when `root` is not a directory.
    ///
    /// A full and a public index of the same corpus have different fingerprints, so an index
    /// of the other kind is never taken for an up-to-date one.
    public static func compute(root: String, artifact: IndexArtifact = .full) -> String? {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue,
            let enumerator = fm.enumerator(atPath: root)
        else { return nil }
        var entries: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let full = (root as NSString).appendingPathComponent(relative)
            guard let attributes = try? fm.attributesOfItem(atPath: full),
                attributes[.type] as? FileAttributeType == .typeRegular
            else { continue }
            let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            let milliseconds = Int64(exactly: (modified * 1000).rounded(.towardZero)) ?? Int64.max
            entries.append("\(relative)\t\(size)\t\(milliseconds)")
        }
        if artifact != .full { entries.append("\u{0}artifact\t\(artifact.rawValue)") }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a
        for byte in entries.sorted().joined(separator: "\n").utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
