import LawCorpus

/// Why a query could not be answered. Every case carries a message a user can act on;
/// none exposes SQL or internals.
///
/// The message names no front end: where a person can read every name or how a query is
/// typed is said by the command line or the server, through ``Hints``.
public enum QueryError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The query is empty or only whitespace.
    case emptyQuery
    /// The query has no searchable text (only punctuation, symbols, operators).
    case noSearchableTerms(String)
    /// The query only excludes (`-term`) and has nothing to find.
    case onlyExclusions
    /// The query is longer than ``QueryParser/maximumLength`` characters.
    case tooLong(length: Int, limit: Int)
    /// The query has more than ``QueryParser/maximumTerms`` terms.
    case tooManyTerms(count: Int, limit: Int)
    /// A parameter is outside its allowed range or badly formed.
    case invalidParameter(name: String, message: String)
    /// No document of the corpus is called that.
    case unknownDocument(String, known: [String])
    /// The document exists but has no such article.
    case noSuchArticle(document: String, requested: String, lastArticle: Int, lastLabel: String)
    /// The article has no counterpart in the version asked for (added or removed by a revision,
    /// or the two versions could not be aligned); `message` says which.
    case noCounterpart(message: String)
    /// No department of the registry is called that.
    case unknownDepartment(String, known: [String])
    /// The department has no list of that kind (in force on the day asked about).
    case noSuchList(department: String, kind: String, message: String)
    /// A citation that could not be understood.
    case unreadableCitation(String)
    /// No kind of list is called that (neither a canonical name nor an alias).
    case unknownListKind(String, known: [String])
    /// A day parameter that is not a date.
    case invalidDate(parameter: String, text: String)
    /// The index could not answer (e.g. it is being replaced); retrying may help.
    case unavailable(String)

    /// What a front end adds to a message in its own terms: an example of a query as it is
    /// typed there, and where every name can be read. A hint left `nil` is left out.
    public struct Hints: Sendable {
        /// An example query (`lawkb search 不予处罚`), after an empty query.
        public var exampleQuery: String?
        /// Where every document is listed, when a document name is close to none.
        public var documentListing: String?
        /// Where every department is listed, when a department name is close to none.
        public var departmentListing: String?

        public init(exampleQuery: String? = nil, documentListing: String? = nil, departmentListing: String? = nil) {
            self.exampleQuery = exampleQuery
            self.documentListing = documentListing
            self.departmentListing = departmentListing
        }

        /// No hints: the message alone.
        public static let none = Hints()
    }

    /// The message for people, in Chinese, without hints of a front end.
    public var description: String { message(.none) }

    /// The message for people, in Chinese, with a front end's `hints`. A name that matches
    /// nothing is answered with the closest names (``NameSuggestions``), never with the whole
    /// vocabulary; only when none is close does the listing hint follow.
    public func message(_ hints: Hints) -> String {
        switch self {
        case .emptyQuery:
            return "检索词为空，请输入一个或多个词" + (hints.exampleQuery.map { "，例如：\($0)" } ?? "")
        case .noSearchableTerms(let query):
            return "检索词“\(query)”中没有可检索的文字（只有标点或符号）"
        case .onlyExclusions:
            return "检索式只有排除词（-词），请至少加入一个要查找的词"
        case .tooLong(let length, let limit):
            return "检索词过长：\(length) 字，上限 \(limit) 字"
        case .tooManyTerms(let count, let limit):
            return "检索词过多：\(count) 个，上限 \(limit) 个"
        case .invalidParameter(let name, let message):
            return "参数 \(name) 有误：\(message)"
        case .unknownDocument(let name, let known):
            return "没有名为“\(name)”的文件。"
                + NameSuggestions.sentence(
                    for: name, among: known,
                    otherwise: hints.documentListing.map { "收录的文件见 \($0)。" } ?? "")
        case .noSuchArticle(let document, let requested, _, let lastLabel):
            return "\(document)没有第 \(requested) 条，最后一条是\(lastLabel)"
        case .noCounterpart(let message):
            return message
        case .unknownDepartment(let name, let known):
            return "没有名为“\(name)”的部门。"
                + NameSuggestions.sentence(
                    for: name, among: known,
                    otherwise: hints.departmentListing.map { "全部部门见 \($0)。" } ?? "")
        case .noSuchList(let department, let kind, let message):
            return "\(department)没有可显示的\(kind)：\(message)"
        case .unreadableCitation(let text):
            return "无法识别引用“\(text)”，请写成《行政处罚法》第三十三条第一款 或 行政处罚法 33 的形式"
        case .unknownListKind(let name, let known):
            return "没有名为“\(name)”的清单种类。"
                + NameSuggestions.sentence(for: name, among: known, otherwise: "清单种类有：\(Self.kindNames)。")
        case .invalidDate(let parameter, let text):
            return "参数 \(parameter) 有误：“\(text.prefix(20))”不是日期，请写作 2022-10-31"
        case .unavailable(let message):
            return "索引暂时无法回答（\(message)），请稍后再试"
        }
    }

    /// The canonical names of the kinds of list, for messages.
    static var kindNames: String {
        ListKind.allCases.map(\.rawValue).joined(separator: "、")
    }

    /// The canonical names and aliases people may type for a kind of list (English codes left out).
    public static var listKindVocabulary: [String] {
        ListKind.allCases.flatMap { [$0.rawValue] + $0.aliases.filter { $0.unicodeScalars.contains { !$0.isASCII } } }
    }
}
