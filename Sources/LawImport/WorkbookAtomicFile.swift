import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a file all at once or not at all: the content goes to a temporary file beside
/// the target, is flushed to disk, and is then renamed over the target, so a reader sees
/// either the old file or the whole new one, and a failure leaves no partial file behind.
enum AtomicFile {
    /// Writes the file at `path` with `produce`, which fills the temporary file it is given
    /// (a path that does not exist yet, in the target's directory).
    static func write(
        to path: String, _ produce: (URL) throws -> Void
    ) throws(WorkbookWriteError) {
        let target = URL(fileURLWithPath: path)
        let directory = target.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue
        else { throw .unwritable(file: path, reason: "目录 \(directory.path) 不存在") }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw .unwritable(file: path, reason: "这是一个目录")
        }
        let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try produce(temporary)
            try synchronize(temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .unwritable(file: path, reason: reason(error))
        }
        guard rename(temporary.path, target.path) == 0 else {
            let code = errno
            try? FileManager.default.removeItem(at: temporary)
            throw .unwritable(file: path, reason: String(cString: strerror(code)))
        }
    }

    /// Flushes the file at `url` to disk, so the rename never publishes unwritten bytes.
    private static func synchronize(_ url: URL) throws {
        let handle = try FileHandle(forUpdating: url)
        defer { try? handle.close() }
        try handle.synchronize()
    }

    /// The words of `error` for a message.
    static func reason(_ error: any Error) -> String {
        if let error = error as? WorkbookWriteError { return error.description }
        return (error as NSError).localizedDescription
    }
}
