import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The file an index is built in before it is renamed into place: `<index>.tmp-<pid>`, and
/// the companions SQLite may create beside it (`-journal`, `-wal`, `-shm`).
///
/// The process id in the name tells whose build a file belongs to, so a build can remove
/// what killed builds left behind (``sweepStale(for:)``) without touching a build that is
/// still running.
struct TemporaryIndexFile {
    /// Suffixes of the file itself and of SQLite's companion files.
    static let companionSuffixes = ["-journal", "-wal", "-shm", ""]

    /// Where the finished index goes.
    let destination: String
    /// The temporary file.
    let path: String

    /// The temporary file of this process's build of `destination`.
    init(for destination: String) {
        self.destination = destination
        path = "\(destination).tmp-\(getpid())"
    }

    /// Removes the file and its companions, those that exist.
    func remove() {
        for suffix in Self.companionSuffixes {
            Self.removeIfPresent(path + suffix)
        }
    }

    /// Renames the finished file to its destination, replacing the previous index atomically.
    func moveIntoPlace() throws(IndexError) {
        guard rename(path, destination) == 0 else {
            let reason = String(cString: strerror(errno))
            throw .storage(path: destination, message: "无法把新索引移到位：\(reason)")
        }
    }

    /// Removes the temporary files of builds of `destination` whose process no longer
    /// exists; returns their paths. Files of running builds (this one included) are kept.
    static func sweepStale(for destination: String) -> [String] {
        let directory = (destination as NSString).deletingLastPathComponent
        let prefix = (destination as NSString).lastPathComponent + ".tmp-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory)
        else { return [] }
        var removed: [String] = []
        for name in names.sorted() where name.hasPrefix(prefix) {
            guard let owner = processID(in: name.dropFirst(prefix.count)), owner != getpid(), !isRunning(owner)
            else { continue }
            let path = (directory as NSString).appendingPathComponent(name)
            if removeIfPresent(path) { removed.append(path) }
        }
        return removed
    }

    /// The process id in what follows `.tmp-` in a file name: digits, then maybe a
    /// companion suffix; `nil` for anything else.
    static func processID(in tail: Substring) -> pid_t? {
        var digits = tail
        for suffix in companionSuffixes where !suffix.isEmpty && digits.hasSuffix(suffix) {
            digits = digits.dropLast(suffix.count)
            break
        }
        guard !digits.isEmpty, digits.count <= 10, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
            let value = pid_t(digits), value > 0
        else { return nil }
        return value
    }

    /// Whether a process with this id exists (one of another user counts: it cannot be
    /// signalled, but it is there).
    static func isRunning(_ processID: pid_t) -> Bool {
        kill(processID, 0) == 0 || errno != ESRCH
    }

    @discardableResult
    private static func removeIfPresent(_ path: String) -> Bool {
        unlink(path) == 0
    }
}
