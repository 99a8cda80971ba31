import LawCorpus

/// How a hit found only through the thesaurus was found: which query term, as which written
/// form. The JSON key `matched_via` of a hit lists these.
public struct MatchedVia: Codable, Equatable, Sendable {
    /// The term of the query, as typed: 超载.
    public var term: String
    /// What the text was found by: 超限, or `营业执照…醒目位置` (parts near each other).
    public var matched: String
    /// Where the equivalence comes from: 法条原文, 修订解读 or 常用说法.
    public var source: String

    /// Creates a record of one expansion.
    public init(term: String, matched: String, source: String) {
        self.term = term
        self.matched = matched
        self.source = source
    }
}

/// A parsed query widened by the thesaurus: each required group keeps its own terms and
/// gains the written forms its terms stand for.
///
/// Search runs the literal expression first and this one second, for the units the literal
/// one did not find, so expansions always rank below literal matches of the same query.
struct ExpandedExpression {
    /// One written form a query term also searches for.
    struct Alternative {
        /// The query term it stands for.
        var term: String
        /// What to find.
        var form: Thesaurus.WrittenForm
        /// Where the equivalence comes from.
        var source: Thesaurus.Source
    }

    /// Most alternatives added to one query, whatever the thesaurus holds: the FTS5
    /// expression and the ranking stay bounded for any input.
    static let maximumAlternatives = 48
    /// Most alternatives added for one query term.
    static let maximumPerTerm = 12
    /// How far apart (in tokens) the parts of a written form may be: 营业执照置于住所或者
    /// 主要经营场所的醒目位置 has 13 characters between its parts.
    static let nearDistance = 24

    /// The query as parsed.
    let literal: SearchExpression
    /// For each required group of ``literal``, the alternatives its terms add.
    let alternatives: [[Alternative]]

    /// Expands every term of `expression`'s required groups with `thesaurus`; excluded terms
    /// stay as typed.
    init(_ expression: SearchExpression, thesaurus: Thesaurus) {
        literal = expression
        var budget = Self.maximumAlternatives
        var alternatives: [[Alternative]] = []
        for group in expression.required {
            var added: [Alternative] = []
            for term in group where budget > 0 {
                let literals = Set(group.map { Thesaurus.WrittenForm(parts: [Thesaurus.searchable($0)]) })
                for (expansion, form) in thesaurus.expansions(of: term, limit: min(Self.maximumPerTerm, budget))
                where !literals.contains(form) {
                    added.append(Alternative(term: term, form: form, source: expansion.source))
                    budget -= 1
                }
            }
            alternatives.append(added)
        }
        self.alternatives = alternatives
    }

    /// Whether the thesaurus added anything.
    var isExpanded: Bool { alternatives.contains { !$0.isEmpty } }

    /// The FTS5 expression: every group ORs its terms with its alternatives; exclusions as typed.
    var fts5: String {
        let groups = zip(literal.required, alternatives).map { terms, added -> String in
            let operands = terms.map(SearchExpression.quote) + added.map { Self.fts5($0.form) }
            return operands.count == 1 ? operands[0] : "(" + operands.joined(separator: " OR ") + ")"
        }
        var expression = groups.count == 1 ? groups[0] : "(" + groups.joined(separator: " AND ") + ")"
        for term in literal.excluded {
            expression += " NOT " + SearchExpression.quote(term)
        }
        return expression
    }

    /// For each phrase of ``fts5`` in order, its required group: a group's terms, then the
    /// parts of its alternatives; -1 for the excluded terms.
    var phraseGroups: [Int] {
        zip(literal.required, alternatives).enumerated().flatMap { group, pair in
            Array(repeating: group, count: pair.0.count + pair.1.reduce(0) { $0 + $1.form.parts.count })
        } + literal.excluded.map { _ in -1 }
    }

    /// For each phrase of ``fts5`` in order, the positions of a text it spans where it
    /// matches (``SearchExpression/span(of:)``), for the ranking's proximity factor.
    var phraseSpans: [Int] {
        zip(literal.required, alternatives).flatMap { terms, added in
            terms.map(SearchExpression.span(of:)) + added.flatMap { $0.form.parts.map(SearchExpression.span(of:)) }
        } + literal.excluded.map(SearchExpression.span(of:))
    }

    /// One written form in FTS5: a phrase, or a NEAR group of its parts (each a phrase of
    /// ``SearchExpression/quote(_:)``, a prefix where it ends in a single Han character).
    static func fts5(_ form: Thesaurus.WrittenForm) -> String {
        let phrases = form.parts.map(SearchExpression.quote)
        return phrases.count == 1 ? phrases[0] : "NEAR(" + phrases.joined(separator: " ") + ", \(nearDistance))"
    }

    /// For a unit found only through expansions: the alternatives found in it, for each group
    /// that none of its own terms matched.
    func matchedVia(title: String, text: String, ranker: ProximityRanker) -> [MatchedVia] {
        let positions = ranker.positions(of: title + "\n" + text)
        var result: [MatchedVia] = []
        for (terms, added) in zip(literal.required, alternatives) {
            guard !terms.contains(where: { ranker.occurs($0, in: positions) }) else { continue }
            for alternative in added where alternative.form.parts.allSatisfy({ ranker.occurs($0, in: positions) }) {
                let via = MatchedVia(
                    term: alternative.term, matched: alternative.form.description,
                    source: alternative.source.rawValue)
                if !result.contains(via) { result.append(via) }
            }
        }
        return result
    }
}
