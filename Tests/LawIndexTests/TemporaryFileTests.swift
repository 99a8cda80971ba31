import Foundation
import LawIndex
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("Temporary files of index builds")
struct TemporaryFileTests {
    /// A process id that no process can have: one above the system's largest.
    static let deadProcessID: Int32 = {
        let text = (try? String(contentsOfFile: "/proc/sys/kernel/pid_max", encoding: .utf8)) ?? "4194304"
        let maximum = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 4_194_304
        return maximum < Int32.max ? maximum + 1 : 99_999_999
    }()

    /// The names in `directory`, sorted.
    static func names(in directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    static func touch(_ url: URL, bytes: Int = 1024) throws {
        try Data(repeating: 0x2A, count: bytes).write(to: url)
    }

    @Test("a build removes the temporary files of killed builds, and only those")
    func staleFilesAreSwept() throws {
        let directory = try Fixture.scratchDirectory()
        let index = directory.appendingPathComponent("lawkb.sqlite")
        let dead = "lawkb.sqlite.tmp-\(Self.deadProcessID)"
        let stale = [dead, dead + "-journal", dead + "-wal", dead + "-shm"]
        // Files of a process that is running (process 1 always is), of another index,
        // and names that only look alike.
        let kept = [
            "lawkb.sqlite.tmp-1", "lawkb.sqlite.tmp-1-journal", "other.sqlite.tmp-\(Self.deadProcessID)",
            "lawkb.sqlite.tmp-abc", "lawkb.sqlite.tmp-\(Self.deadProcessID)-backup", "lawkb.sqlite.tmp-",
        ]
        // What this process's own earlier build left.
        let own = ["lawkb.sqlite.tmp-\(getpid())", "lawkb.sqlite.tmp-\(getpid())-journal"]
        for name in stale + kept + own {
            try Self.touch(directory.appendingPathComponent(name))
        }
        let report = try IndexBuilder(corpusRoot: Fixture.corpus).build(to: index.path)
        #expect(try Self.names(in: directory) == (kept + ["lawkb.sqlite"]).sorted())
        #expect(report.removedTemporaryFiles.map { ($0 as NSString).lastPathComponent } == stale.sorted())
        // The index is whole and usable.
        #expect(try KnowledgeBase(path: index.path).meta("schema_version") != nil)
    }

    @Test("stale files are swept even when the corpus then fails to load")
    func sweptBeforeTheCorpusIsRead() throws {
        let directory = try Fixture.scratchDirectory()
        let stale = directory.appendingPathComponent("lawkb.sqlite.tmp-\(Self.deadProcessID)-journal")
        try Self.touch(stale)
        let missingCorpus = directory.appendingPathComponent("no-corpus").path
        #expect(throws: IndexError.self) {
            try IndexBuilder(corpusRoot: missingCorpus).build(to: directory.appendingPathComponent("lawkb.sqlite").path)
        }
        #expect(try Self.names(in: directory).isEmpty)
    }

    @Test("a build that fails after writing leaves no temporary file, and the previous index stays")
    func failedBuildLeavesNothing() throws {
        let directory = try Fixture.scratchDirectory()
        // The destination is a directory that is not empty: the finished file cannot be renamed onto it.
        let index = directory.appendingPathComponent("lawkb.sqlite")
        try FileManager.default.createDirectory(at: index, withIntermediateDirectories: true)
        try Self.touch(index.appendingPathComponent("keep"))
        #expect {
            try IndexBuilder(corpusRoot: Fixture.corpus, artifact: .public).build(to: index.path)
        } throws: { error in
            "\(error)".contains(index.path)
        }
        #expect(try Self.names(in: directory) == ["lawkb.sqlite"])
        #expect(try Self.names(in: index) == ["keep"])
    }

    @Test("a failed build over an index leaves the index and nothing else")
    func failedRebuildKeepsTheIndex() throws {
        let corpus = try Fixture.corpusCopy()
        let index = corpus.deletingLastPathComponent().appendingPathComponent("Index")
        let path = index.appendingPathComponent("lawkb.sqlite").path
        _ = try IndexBuilder(corpusRoot: corpus.path).build(to: path)
        try "没有标题的文件\n第一条 内容\n".write(
            to: corpus.appendingPathComponent("regulations/broken.md"), atomically: true, encoding: .utf8)
        #expect(throws: IndexError.self) { try IndexBuilder(corpusRoot: corpus.path).build(to: path) }
        #expect(try Self.names(in: index) == ["lawkb.sqlite"])
        #expect(try KnowledgeBase(path: path).meta("schema_version") != nil)
    }
}
