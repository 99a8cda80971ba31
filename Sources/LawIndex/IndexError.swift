import LawCorpus

/// Why an index could not be built or opened.
public enum IndexError: Error, CustomStringConvertible, Sendable {
    /// A corpus file is malformed; the previous index, if any, is untouched.
    case corpus(CorpusError)
    /// No index file at this path.
    case missing(path: String)
    /// The file exists but is not a lawkb index of this version; rebuild it.
    case incompatible(path: String, reason: String)
    /// SQLite failed; carries the statement and arguments that failed.
    case storage(path: String, message: String)

    public var description: String {
        switch self {
        case .corpus(let error):
            return error.description
        case .missing(let path):
            return "no index at \(path); build it with `lawkb index`"
        case .incompatible(let path, let reason):
            return "\(path) is not a usable lawkb index (\(reason)); rebuild it with `lawkb index`"
        case .storage(let path, let message):
            return "\(path): \(message)"
        }
    }
}
