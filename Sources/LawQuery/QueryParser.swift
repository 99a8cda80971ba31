import Foundation
import LawTokenizer

/// A parsed search query: what must match, what may match, what must not.
///
/// The syntax is deliberately small, and every input is accepted or rejected with a
/// clear message — user text never reaches FTS5's own query language:
/// - words separated by spaces must all match (AND): `查封 扣押 期限`;
/// - `OR` between two words matches either: `听证 OR 陈述`;
/// - `-word` excludes units containing the word: `处罚 -强制`;
/// - `"…"` keeps several words together as one phrase: `"行政 处罚"`.
/// Chinese needs no spaces: each word or phrase is matched exactly, character by character.
public struct SearchExpression: Equatable, Sendable {
    /// Groups that must all match; the terms inside one group are alternatives (OR).
    public var required: [[String]]
    /// Terms that must not match.
    public var excluded: [String]

    /// The FTS5 MATCH expression: every term quoted as an FTS5 string, operators added here.
    public var fts5: String {
        let groups = required.map { group -> String in
            let quoted = group.map(Self.quote)
            return quoted.count == 1 ? quoted[0] : "(" + quoted.joined(separator: " OR ") + ")"
        }
        var expression = groups.count == 1 ? groups[0] : "(" + groups.joined(separator: " AND ") + ")"
        for term in excluded {
            expression += " NOT " + Self.quote(term)
        }
        return expression
    }

    /// All terms that are searched for, for display.
    public var terms: [String] { required.flatMap { $0 } }

    static func quote(_ term: String) -> String {
        "\"" + term.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// Turns user text into a ``SearchExpression``.
public struct QueryParser: Sendable {
    /// Longest query accepted, in characters.
    public static let maximumLength = 1000
    /// Most terms accepted in one query.
    public static let maximumTerms = 32

    private let tokenizer = HanTokenizer()

    /// Creates a parser.
    public init() {}

    /// Parses `text`; throws ``QueryError`` when nothing searchable remains.
    public func parse(_ text: String) throws(QueryError) -> SearchExpression {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlinesAndIdeographicSpace)
        guard !trimmed.isEmpty else { throw .emptyQuery }
        let length = trimmed.count
        guard length <= Self.maximumLength else { throw .tooLong(length: length, limit: Self.maximumLength) }

        let lexemes = lex(trimmed)
        var required: [[String]] = []
        var excluded: [String] = []
        var pendingOr = false
        for lexeme in lexemes {
            switch lexeme {
            case .or:
                pendingOr = !required.isEmpty
            case .term(let term, let negated):
                guard isSearchable(term) else { continue }
                if negated {
                    excluded.append(term)
                } else if pendingOr, !required.isEmpty {
                    required[required.count - 1].append(term)
                } else {
                    required.append([term])
                }
                pendingOr = false
            }
        }
        let count = required.reduce(0) { $0 + $1.count } + excluded.count
        guard count <= Self.maximumTerms else { throw .tooManyTerms(count: count, limit: Self.maximumTerms) }
        if required.isEmpty {
            throw excluded.isEmpty ? .noSearchableTerms(trimmed) : .onlyExclusions
        }
        return SearchExpression(required: required, excluded: excluded)
    }

    private enum Lexeme: Equatable {
        case term(String, negated: Bool)
        case or
    }

    /// Splits on whitespace, keeping `"…"` phrases whole (an unbalanced quote runs to the end).
    private func lex(_ text: String) -> [Lexeme] {
        var lexemes: [Lexeme] = []
        var current = ""
        var negated = false
        var inPhrase = false
        func flush(quoted: Bool) {
            defer { current = ""; negated = false }
            if !quoted && current == "OR" { lexemes.append(.or); return }
            var term = current.filter { !$0.isControlCharacter }
            if !quoted && term.hasPrefix("-") {
                term.removeFirst()
                negated = true
            }
            if !term.isEmpty { lexemes.append(.term(term, negated: negated)) }
        }
        for character in text {
            if character == "\"" {
                if inPhrase {
                    flush(quoted: true)
                    inPhrase = false
                } else {
                    let wasNegation = current == "-"
                    if !current.isEmpty && !wasNegation { flush(quoted: false) }
                    current = ""
                    negated = wasNegation
                    inPhrase = true
                }
            } else if !inPhrase && character.isQuerySeparator {
                if !current.isEmpty { flush(quoted: false) }
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { flush(quoted: inPhrase) }
        return lexemes
    }

    /// A term is searchable when the tokenizer finds at least one token in it.
    private func isSearchable(_ term: String) -> Bool {
        var found = false
        var copy = term
        copy.withUTF8 { bytes in
            tokenizer.tokenize(bytes, mode: .query) { _, _, _ in
                found = true
                return false
            }
        }
        return found
    }
}

extension Character {
    fileprivate var isQuerySeparator: Bool {
        isWhitespace || self == "\u{3000}"
    }

    fileprivate var isControlCharacter: Bool {
        unicodeScalars.allSatisfy { $0.properties.generalCategory == .control }
    }
}

extension CharacterSet {
    fileprivate static let whitespacesAndNewlinesAndIdeographicSpace =
        CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{3000}"))
}
