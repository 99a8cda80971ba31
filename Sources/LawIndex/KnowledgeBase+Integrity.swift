import GRDB

extension KnowledgeBase {
    /// Checks that every page of the index is sound (`PRAGMA quick_check`), so that a file
    /// damaged on disk or in copying is refused before it answers a single query.
    ///
    /// Reads the whole file once: about a second per few hundred megabytes.
    public func verifyIntegrity() throws(IndexError) {
        let problems: [String]
        do {
            problems = try reader.read { db in
                try String.fetchAll(db, sql: "PRAGMA quick_check(5)")
            }
        } catch {
            throw .storage(path: path, message: "integrity check failed: \(error)")
        }
        guard problems == ["ok"] else {
            throw .storage(path: path, message: "the file is damaged: \(problems.joined(separator: "; "))")
        }
    }
}
