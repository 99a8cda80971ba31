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

    /// Fills the temporary file with a copy of the index at `destination`, for an update to
    /// change (``IndexUpdateRun``).
    func copyDestination() throws(IndexError) {
        let source = open(destination, O_RDONLY | O_CLOEXEC)
        guard source >= 0 else { throw copyError() }
        defer { close(source) }
        let target = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard target >= 0 else { throw copyError() }
        defer { close(target) }
        var info = stat()
        guard fstat(source, &info) == 0 else { throw copyError() }
        try copyByReading(source, target, bytes: Int(info.st_size))
    }

    /// Copies `bytes` from `source` to `target` through a buffer of 1 MiB.
    private func copyByReading(_ source: Int32, _ target: Int32, bytes: Int) throws(IndexError) {
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var remaining = bytes
        while remaining > 0 {
            let count = buffer.withUnsafeMutableBytes { read(source, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw copyError() }
            var written = 0
            while written < count {
                let n = buffer.withUnsafeBytes { write(target, $0.baseAddress! + written, count - written) }
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { throw copyError() }
                written += n
            }
            remaining -= count
        }
    }

    private func copyError() -> IndexError {
        .storage(path: path, message: "无法复制原索引 \(destination)：\(String(cString: strerror(errno)))")
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
