/// A problem found in a corpus file, located by file and line so a person can fix it.
public struct CorpusError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Path of the file, as given to the loader (relative paths stay relative).
    public var file: String
    /// 1-based line number, or `nil` when the problem concerns the whole file.
    public var line: Int?
    /// What is wrong, in words a corpus editor understands.
    public var message: String

    /// An error in `file` at `line` (or the whole file when `nil`), described by `message`.
    public init(file: String, line: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: message`, the format editors and terminals recognise, on one line: control
    /// characters of the file name or of quoted corpus text are shown escaped (`\u{1B}`).
    public var description: String {
        let place = line.map { "\(file):\($0)" } ?? file
        return ControlCharacters.escaped("\(place): \(message)")
    }
}
