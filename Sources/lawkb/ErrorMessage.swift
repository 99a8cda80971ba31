import LawIndex
import LawQuery

/// The text of an error as the command line shows it: the library's message, with what to
/// do phrased as lawkb's commands (the libraries name no command themselves).
enum ErrorMessage {
    /// What the command line adds to a query's message.
    static let queryHints = QueryError.Hints(
        exampleQuery: "lawkb search 不予处罚",
        documentListing: "lawkb documents 或 /api/documents",
        departmentListing: "lawkb departments 或 /api/departments")

    /// `error` for people, with the command that remedies it when there is one.
    static func text(_ error: any Error) -> String {
        switch error {
        case let error as QueryError:
            return error.message(queryHints)
        case let error as IndexError:
            return error.message(remedy: phrase)
        default:
            return "\(error)"
        }
    }

    /// The command that remedies an index error.
    static func phrase(_ remedy: IndexError.Remedy) -> String {
        switch remedy {
        case .build: return "请先用 `lawkb index` 生成"
        case .rebuild: return "请用 `lawkb index` 重新生成"
        case .buildPublic(let path): return "请用 `lawkb index --public --output \(path)` 生成公开版索引"
        }
    }
}
