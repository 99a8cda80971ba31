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

    /// The FTS5 MATCH expression: every term quoted as an FTS5 phrase (``quote(_:)``),
    /// operators added here.
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

    /// `term` as an FTS5 phrase: in double quotes, each quote inside doubled (scalar by
    /// scalar, so that a quote carrying a combining mark is doubled too), and followed by
    /// `*` when it ends in a single Han character, which the index holds either alone or as
    /// the first half of a bigram (``HanTokenizer/endsInLoneHanCharacter(_:)``).
    static func quote(_ term: String) -> String {
        var quoted = String.UnicodeScalarView()
        quoted.append("\"")
        for scalar in term.unicodeScalars {
            quoted.append(scalar)
            if scalar == "\"" { quoted.append(scalar) }
        }
        quoted.append("\"")
        if tokenizer.endsInLoneHanCharacter(term) { quoted.append("*") }
        return String(quoted)
    }

    /// For each phrase of ``fts5`` in order (the required groups' terms, then the excluded
    /// ones), the positions of a text it spans where it matches: one more than its tokens
    /// when it ends in a Han run of two or more characters (``span(of:)``).
    public var phraseSpans: [Int] {
        required.flatMap { $0.map(Self.span(of:)) } + excluded.map(Self.span(of:))
    }

    /// The positions of a text the phrase `term` spans where it matches: 行政处罚 4, 罚 1.
    static func span(of term: String) -> Int {
        tokenizer.documentSpan(ofQuery: term)
    }

    /// The tokenizer that decides which phrases are prefixes and how far phrases reach.
    private static let tokenizer = HanTokenizer()
}

/// Turns user text into a ``SearchExpression``.
public struct QueryParser: Sendable {
    /// Longest query accepted, in characters (Unicode scalars, so that no single character
    /// stacked with combining marks can carry unbounded text past the limit).
    public static let maximumLength = 1000
    /// Most terms accepted in one query.
    public static let maximumTerms = 32

    private let tokenizer = HanTokenizer()

    /// Creates a parser.
    public init() {}

    /// Parses `text`; throws ``QueryError`` when nothing searchable remains.
    public func parse(_ text: String) throws(QueryError) -> SearchExpression {
        // Counting scalars walks the text once without copying it; far too long a text is
        // refused before any further work.
        let raw = text.unicodeScalars.count
        guard raw <= Self.maximumLength * 4 else { throw .tooLong(length: raw, limit: Self.maximumLength) }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlinesAndIdeographicSpace)
        guard !trimmed.isEmpty else { throw .emptyQuery }
        let length = trimmed.unicodeScalars.count
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
    ///
    /// Reads scalar by scalar, not character by character: a quote or a space followed by a
    /// combining mark is one `Character` but still a quote or a space to FTS5, which reads
    /// bytes, so it must act as one here too.
    private func lex(_ text: String) -> [Lexeme] {
        var lexemes: [Lexeme] = []
        var current = String.UnicodeScalarView()
        var negated = false
        var inPhrase = false
        func flush(quoted: Bool) {
            defer {
                current = String.UnicodeScalarView()
                negated = false
            }
            if !quoted && String(current) == "OR" {
                lexemes.append(.or)
                return
            }
            var term = String.UnicodeScalarView(current.filter { $0.properties.generalCategory != .control })
            if !quoted && term.first == "-" {
                term.removeFirst()
                negated = true
            }
            if !term.isEmpty { lexemes.append(.term(String(term), negated: negated)) }
        }
        for scalar in text.unicodeScalars {
            if scalar == "\"" {
                if inPhrase {
                    flush(quoted: true)
                    inPhrase = false
                } else {
                    let wasNegation = String(current) == "-"
                    if !current.isEmpty && !wasNegation { flush(quoted: false) }
                    current = String.UnicodeScalarView()
                    negated = wasNegation
                    inPhrase = true
                }
            } else if !inPhrase && (scalar.properties.isWhitespace || scalar == "\u{3000}") {
                if !current.isEmpty { flush(quoted: false) }
            } else {
                current.append(scalar)
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

extension CharacterSet {
    fileprivate static let whitespacesAndNewlinesAndIdeographicSpace =
        CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{3000}"))
}
