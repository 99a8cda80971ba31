import LawCorpus

/// Why an index could not be built or opened.
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

    public var description: String {
        switch self {
        case .corpus(let error):
            return error.description
        case .missing(let path):
            return "\(path) 处没有索引；请先用 `lawkb index` 生成"
        case .incompatible(let path, let reason):
            return "\(path) 不是可用的 lawkb 索引（\(reason)）；请用 `lawkb index` 重新生成"
        case .storage(let path, let message):
            return "\(path)：\(message)"
        case .notPublic(let path):
            return "\(path) 不是公开版索引（可能含不公开的清单和未遮蔽的个人号码），公开服务不能使用它；"
                + "请用 `lawkb index --public --output \(path)` 生成公开版索引"
        }
    }
}
