import ArgumentParser
import Foundation
import LawCorpus
import LawQuery

/// Output helpers: JSON for scripts, plain or bold text for people.
///
/// Everything lawkb writes for people passes through here, and control characters found in
/// file names or corpus text are shown escaped (`\u{1B}`), never obeyed by the terminal: an
/// error, a note or a warning is always exactly one line.
enum Terminal {
    /// Whether standard output is a terminal (then matches are shown in bold).
    static let isInteractive = isatty(STDOUT_FILENO) == 1

    /// Line feeds and tabs, which text printed for people keeps; notes and errors keep neither.
    static let layout: Set<Unicode.Scalar> = ["\n", "\t"]

    /// The mark before a record of sample data (【示例】), or nothing for official data.
    static func sampleMark(_ status: ListStatus?) -> String {
        status == .sample ? "【\(ListStatus.sample.chineseName)】" : ""
    }

    /// Writes `value` as pretty, key-sorted JSON on standard output. JSON escapes C0 controls
    /// itself; DEL and C1 controls, which it leaves, are escaped as `\u00XX` here.
    static func printJSON(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        Swift.print(jsonEscaped(String(decoding: data, as: UTF8.self)))
    }

    /// `json` with every control character left by the encoder (they can only be inside
    /// strings) written as a JSON `\u00XX` escape.
    static func jsonEscaped(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: { ControlCharacters.isControl($0) && !layout.contains($0) }) else {
            return json
        }
        var result = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            if ControlCharacters.isControl(scalar) && !layout.contains(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// A snippet with its matches in bold on a terminal, in [brackets] elsewhere.
    static func highlighted(_ snippet: String) -> String {
        let visible = ControlCharacters.escaped(snippet, keeping: layout)
        return isInteractive
            ? Highlight.render(visible, open: "\u{1B}[1m", close: "\u{1B}[0m")
            : Highlight.render(visible, open: "[", close: "]")
    }

    /// Writes text for people on standard output, line feeds and tabs kept, other control
    /// characters escaped.
    static func print(_ text: String) {
        Swift.print(ControlCharacters.escaped(text, keeping: layout))
    }

    /// A progress or status line on standard error, so it never mixes with JSON output.
    static func note(_ message: String) {
        FileHandle.standardError.write(Data("lawkb: \(ControlCharacters.escaped(message))\n".utf8))
    }

    /// The error a command ends with, for the caller to throw: a mistake in the command line
    /// (``ValidationError``) or an exit as it is, for the argument parser; any other error
    /// printed here as one line on standard error (``ErrorMessage``), ending with exit code 1.
    static func report(_ error: any Error) -> any Error {
        switch error {
        case is ValidationError, is ExitCode, is CleanExit:
            return error
        default:
            FileHandle.standardError.write(Data("lawkb: 错误：\(ControlCharacters.escaped(ErrorMessage.text(error)))\n".utf8))
            return ExitCode.failure
        }
    }
}

/// Every unqualified `print` of the command-line tool: like `Swift.print`, with control
/// characters other than line feeds and tabs shown escaped (see ``Terminal``), so that corpus
/// text or a file name printed in a report cannot drive the terminal.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    let text = items.map { "\($0)" }.joined(separator: separator)
    Swift.print(ControlCharacters.escaped(text, keeping: Terminal.layout), terminator: terminator)
}
