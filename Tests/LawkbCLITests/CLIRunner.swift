import Foundation
import LawTestSupport

/// Runs the built `lawkb` executable, as a user would from a shell.
struct CLIRunner {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String

        /// Standard output parsed as a JSON object.
        func json() throws -> [String: Any] {
            let object = try JSONSerialization.jsonObject(with: Data(stdout.utf8))
            return object as? [String: Any] ?? [:]
        }
    }

    /// The repository root.
    static let repository = TestRepository.root

    /// The `lawkb` binary next to the test bundle.
    static let executable: URL = {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<3 where !FileManager.default.fileExists(atPath: directory.appendingPathComponent("lawkb").path) {
            directory.deleteLastPathComponent()
        }
        let candidate = directory.appendingPathComponent("lawkb")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        return repository.appendingPathComponent(".build/debug/lawkb")
    }()

    /// A scratch directory holding the index for this runner.
    let directory: URL
    /// The corpus the index is built from.
    let corpus: String

    init(corpus: String = TestRepository.corpus) throws {
        directory = try TestRepository.scratchDirectory("lawkb-cli")
        self.corpus = corpus
    }

    var indexPath: String { directory.appendingPathComponent("Index/lawkb.sqlite").path }

    /// Runs `lawkb arguments… --corpus … --index …` (or `--output` for `index`).
    func run(_ arguments: [String]) throws -> Output {
        var full = arguments
        if arguments.first == "index" {
            full += ["--corpus", corpus, "--output", indexPath]
        } else {
            full += ["--corpus", corpus, "--index", indexPath]
        }
        return try Self.execute(full, in: directory)
    }

    static func execute(_ arguments: [String], in directory: URL) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus,
            stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }
}
