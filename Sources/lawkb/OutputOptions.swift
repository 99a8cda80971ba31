import ArgumentParser

/// How a command prints its answer: `--json` for scripts, text for people otherwise.
/// Shared by every command that prints an answer; `Help` words the flag for the command.
struct OutputOptions<Help: JSONFlagHelp>: ParsableArguments {
    @Flag(help: ArgumentHelp(Help.text))
    var json = false
}

/// The help line of a command's `--json` flag.
protocol JSONFlagHelp {
    static var text: String { get }
}

/// `--json` of the commands that answer a question: the answer as JSON.
enum AnswerAsJSON: JSONFlagHelp {
    static let text = "输出 JSON。"
}

/// `--json` of `index`: the build report as JSON.
enum ReportAsJSON: JSONFlagHelp {
    static let text = "以 JSON 输出报告。"
}

/// `--json` of `search`: the hits as JSON, matches marked in the snippets.
enum HitsAsJSON: JSONFlagHelp {
    static let text = "Print JSON (matches marked with [ and ])."
}
