/// Why a query could not be answered. Every case carries a message a user can act on;
/// none exposes SQL or internals.
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
    /// No department of the registry is called that.
    case unknownDepartment(String, known: [String])
    /// The department has no list of that kind (in force on the day asked about).
    case noSuchList(department: String, kind: String, message: String)
    /// A citation that could not be understood.
    case unreadableCitation(String)
    /// The index could not answer (e.g. it is being replaced); retrying may help.
    case unavailable(String)

    public var description: String {
        switch self {
        case .emptyQuery:
            return "the query is empty; type one or more words, e.g. lawkb search 不予处罚"
        case .noSearchableTerms(let query):
            return "the query '\(query)' has no searchable words (only punctuation or symbols)"
        case .onlyExclusions:
            return "the query only excludes words (-word); add at least one word to find"
        case .tooLong(let length, let limit):
            return "the query is \(length) characters long; the limit is \(limit)"
        case .tooManyTerms(let count, let limit):
            return "the query has \(count) terms; the limit is \(limit)"
        case .invalidParameter(let name, let message):
            return "invalid \(name): \(message)"
        case .unknownDocument(let name, let known):
            return "no document called '\(name)'; known documents: \(known.joined(separator: ", "))"
        case .noSuchArticle(let document, let requested, let last, let lastLabel):
            return "\(document) has no article \(requested); its last article is \(lastLabel) (\(last))"
        case .unknownDepartment(let name, let known):
            return "no department called '\(name)'; known departments: \(known.joined(separator: ", "))"
        case .noSuchList(let department, let kind, let message):
            return "\(department) has no \(kind) to show: \(message)"
        case .unreadableCitation(let text):
            return "cannot read '\(text)' as a citation; write it like 《行政处罚法》第三十三条第一款 or 行政处罚法 33"
        case .unavailable(let message):
            return "the index cannot answer right now: \(message)"
        }
    }
}
