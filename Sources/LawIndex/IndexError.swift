import LawCorpus

/// Why an index could not be built or opened.
///
/// The message says what is wrong in terms of files and indexes only; what to do about it
/// (a command to run, a deployment step) is the front end's to say, from ``remedy``.
public enum IndexError: Error, CustomStringConvertible, Sendable {
    /// A corpus file is malformed; the previous index, if any, is untouched.
    case corpus(CorpusError)
    /// No index file at this path.
    case missing(path: String)
    /// The file exists but is not a lawkb index of this version; rebuild it.
    case incompatible(path: String, reason: String)
    /// SQLite or the file system failed; carries what failed and why.
    case storage(path: String, message: String)
    /// A public server was given an index that was not built for the public: it may hold
    /// lists not marked public and personal numbers as written.
    case notPublic(path: String)

    /// What a person can do about an index error, for a front end to phrase in its own terms.
    public enum Remedy: Sendable, Equatable {
        /// Build an index at the path: there is none.
        case build
        /// Build the index again: the file is not one this version can read.
        case rebuild
        /// Build a public index at `path`.
        case buildPublic(path: String)
    }

    /// What to do about this error, or `nil` when the message itself is all there is to say.
    public var remedy: Remedy? {
        switch self {
        case .missing: return .build
        case .incompatible: return .rebuild
        case .notPublic(let path): return .buildPublic(path: path)
        case .corpus, .storage: return nil
        }
    }

    /// What is wrong, in Chinese.
    public var description: String {
        switch self {
        case .corpus(let error):
            return error.description
        case .missing(let path):
            return "\(path) 处没有索引"
        case .incompatible(let path, let reason):
            return "\(path) 不是可用的 lawkb 索引（\(reason)）"
        case .storage(let path, let message):
            return "\(path)：\(message)"
        case .notPublic(let path):
            return "\(path) 不是公开版索引（可能含不公开的清单和未遮蔽的个人号码），公开服务不能使用它"
        }
    }

    /// ``description`` followed by the remedy as `phrase` words it (`；请先用 … 生成`).
    public func message(remedy phrase: (Remedy) -> String) -> String {
        guard let remedy else { return description }
        return description + "；" + phrase(remedy)
    }
}
