import ArgumentParser
import Foundation
import LawQuery

/// Output helpers: JSON for scripts, plain or bold text for people.
enum Terminal {
    /// Whether standard output is a terminal (then matches are shown in bold).
    static let isInteractive = isatty(STDOUT_FILENO) == 1

    /// Writes `value` as pretty, key-sorted JSON on standard output.
    static func printJSON(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        print(String(decoding: data, as: UTF8.self))
    }

    /// A snippet with its matches in bold on a terminal, in [brackets] elsewhere.
    static func highlighted(_ snippet: String) -> String {
        isInteractive
            ? Highlight.render(snippet, open: "\u{1B}[1m", close: "\u{1B}[0m")
            : Highlight.render(snippet, open: "[", close: "]")
    }

    /// A progress or status line on standard error, so it never mixes with JSON output.
    static func note(_ message: String) {
        FileHandle.standardError.write(Data("lawkb: \(message)\n".utf8))
    }

    /// Prints `error` on standard error and returns exit code 1, for the caller to throw.
    static func fail(_ error: any Error) -> ExitCode {
        FileHandle.standardError.write(Data("lawkb: error: \(error)\n".utf8))
        return ExitCode.failure
    }
}
