/// Why `lawkb index` built the whole index again instead of updating the previous one
/// (``IndexBuilder/update(_:full:)``): only changed list files are re-read in place.
public enum FullBuildReason: String, Codable, Sendable {
    /// A full build was asked for (`--full`).
    case requested
    /// There is no index at the path yet.
    case noPreviousIndex = "no_previous_index"
    /// The file at the path could not be read as an index.
    case unreadablePreviousIndex = "unreadable_previous_index"
    /// The previous index is of another schema version.
    case schemaChanged = "schema_changed"
    /// The previous index was built for the other audience (full or public).
    case artifactChanged = "artifact_changed"
    /// A public index is always built whole: masking covers every stored text.
    case publicArtifact = "public_artifact"
    /// The previous index does not record which files it was built from.
    case noFileRecord = "no_file_record"
    /// The corpus directory could not be listed.
    case corpusUnreadable = "corpus_unreadable"
    /// A corpus file was added.
    case fileAdded = "file_added"
    /// A corpus file was removed.
    case fileRemoved = "file_removed"
    /// A file other than a list changed: a law, the plan, the thesaurus, the calendar,
    /// obligations, filings, events or departments.
    case nonListFileChanged = "non_list_file_changed"
    /// The corpus directory is named otherwise than when the previous index was built (another
    /// relative or absolute path): every stored file name would change.
    case corpusPathChanged = "corpus_path_changed"
    /// A law's status changed with the day (尚未生效 → 现行有效), so versions are ranked anew.
    case lawStatusChanged = "law_status_changed"
    /// A changed list file now holds another number of list versions, or its version or date
    /// moves it among the versions of its list, which renumbers documents.
    case listOrderChanged = "list_order_changed"

    /// The reason in Chinese, naming `file` when there is one.
    public func description(file: String?) -> String {
        let named = file.map { "：\($0)" } ?? ""
        switch self {
        case .requested: return "按要求完整建立"
        case .noPreviousIndex: return "还没有原索引"
        case .unreadablePreviousIndex: return "原索引无法读取"
        case .schemaChanged: return "原索引的格式版本不同"
        case .artifactChanged: return "原索引是另一类型（内部版／公开版）"
        case .publicArtifact: return "公开版索引总是完整建立"
        case .noFileRecord: return "原索引未记录所用语料文件"
        case .corpusUnreadable: return "语料目录无法读取"
        case .fileAdded: return "新增了文件\(named)"
        case .fileRemoved: return "删除了文件\(named)"
        case .nonListFileChanged: return "清单以外的文件有改动\(named)"
        case .corpusPathChanged: return "语料目录的写法与建立原索引时不同\(named)"
        case .lawStatusChanged: return "法规的施行状态随日期变化"
        case .listOrderChanged: return "清单版本或施行日期的改动改变了清单的排列\(named)"
        }
    }
}
