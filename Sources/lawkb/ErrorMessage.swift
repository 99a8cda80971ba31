import LawImport
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
        case let error as ImportError:
            return text(error)
        default:
            return "\(error)"
        }
    }

    /// An import error with the options that remedy it.
    static func text(_ error: ImportError) -> String {
        switch error {
        case .invalidDate:
            return "--\(error)"
        case .invalidStatus(let value):
            return "--status 应为 sample（示例）或 official（正式），收到的是“\(value)”"
        default:
            break
        }
        switch error.remedy {
        case .raiseLimit(let limit)?:
            return "\(error)。如确需导入这样大的表格，可用 --limit \(limit.rawValue)=更大的值 提高上限"
        case .overwriteOrMove?:
            return "\(error)；加 --force 覆盖，或用 --output 写到别处"
        case .locateCorpus?:
            return "\(error)；请用 --corpus 指定含 departments.yaml 的语料目录"
        case nil:
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
