import LawIndex
import LawTokenizer

/// How close together the query's terms occur in a text, and how early, computed from the
/// text itself (``ProximityWeights`` states the factor).
///
/// Search gets the same factor from the positions FTS5 already has (``RankFunction``); this
/// type serves what works on texts: finding which written forms of an expanded query a unit
/// holds (``ExpandedExpression/matchedVia(title:text:ranker:)``).
public struct ProximityRanker: Sendable {
    /// The factor's weights.
    public var weights = ProximityWeights()

    private let tokenizer = HanTokenizer()

    /// Creates a ranker with the default weights.
    public init() {}

    /// The factor by which a unit's BM25 score is multiplied (≥ 1), or 1 when the terms
    /// cannot all be located in `text` (a match in the title only).
    public func boost(text: String, groups: [[String]]) -> Double {
        let positions = DocumentPositions(text, tokenizer: tokenizer)
        var events: [TermOccurrence] = []
        for (index, group) in groups.enumerated() {
            var found = false
            for term in group {
                let hashes = queryHashes(term)
                guard !hashes.isEmpty else { continue }
                for occurrence in positions.occurrences(of: hashes) {
                    events.append(TermOccurrence(start: occurrence.start, length: occurrence.length, group: index))
                    found = true
                }
            }
            guard found else { return 1 }
        }
        events.sort { $0.start < $1.start }
        return weights.boost(events, groups: groups.count)
    }

    /// The token positions of `text`, for ``occurs(_:in:)``.
    func positions(of text: String) -> DocumentPositions {
        DocumentPositions(text, tokenizer: tokenizer)
    }

    /// Whether `term` occurs in the text whose `positions` these are, as FTS5 would match it.
    func occurs(_ term: String, in positions: DocumentPositions) -> Bool {
        let hashes = queryHashes(term)
        return !hashes.isEmpty && !positions.occurrences(of: hashes).isEmpty
    }

    struct Occurrence {
        var start: Int
        var length: Int
    }

    private func queryHashes(_ term: String) -> QueryChain {
        var chain = QueryChain()
        var copy = term
        copy.withUTF8 { bytes in
            tokenizer.tokenize(bytes, mode: .query) { token, _, isColocated in
                if isColocated, !chain.positions.isEmpty {
                    chain.positions[chain.positions.count - 1].append(TokenHash.of(token))
                } else {
                    chain.positions.append([TokenHash.of(token)])
                }
                return true
            }
        }
        chain.lastIsPrefix = tokenizer.endsInLoneHanCharacter(term)
        return chain
    }
}

/// A query phrase as FTS5 matches it: the token hashes at each position (a token and its
/// colocated alternatives), the last one a prefix when the phrase ends in a lone Han
/// character.
struct QueryChain {
    var positions: [[UInt64]] = []
    var lastIsPrefix = false

    var isEmpty: Bool { positions.isEmpty }
    var count: Int { positions.count }
}

/// The tokens of a document by position: the hash of each token, and of its first
/// character (what a prefix of one Han character matches).
struct DocumentPositions {
    private var tokens: [UInt64] = []
    private var leads: [UInt64] = []

    init(_ text: String, tokenizer: HanTokenizer) {
        var tokens: [UInt64] = []
        var leads: [UInt64] = []
        var copy = text
        copy.withUTF8 { bytes in
            tokenizer.tokenize(bytes, mode: .document) { token, _, isColocated in
                guard !isColocated else { return true }
                tokens.append(TokenHash.of(token))
                leads.append(TokenHash.of(UnsafeBufferPointer(rebasing: token[..<Self.firstScalarLength(token)])))
                return true
            }
        }
        self.tokens = tokens
        self.leads = leads
    }

    /// Bytes of the first UTF-8 scalar of a (valid, non-empty) token.
    private static func firstScalarLength(_ token: UnsafeBufferPointer<UInt8>) -> Int {
        guard let lead = token.first else { return 0 }
        let length = lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        return min(length, token.count)
    }

    /// Where the query token chain `chain` matches at consecutive positions.
    func occurrences(of chain: QueryChain) -> [ProximityRanker.Occurrence] {
        guard !chain.isEmpty, chain.count <= tokens.count else { return [] }
        var result: [ProximityRanker.Occurrence] = []
        let last = chain.count - 1
        for start in 0...(tokens.count - chain.count) {
            var matches = true
            for (offset, hashes) in chain.positions.enumerated() {
                let hash = offset == last && chain.lastIsPrefix ? leads[start + offset] : tokens[start + offset]
                if !hashes.contains(hash) {
                    matches = false
                    break
                }
            }
            if matches { result.append(.init(start: start, length: chain.count)) }
        }
        return result
    }
}

/// FNV-1a hashes of token bytes, to compare tokens without building strings.
enum TokenHash {
    static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return hash
    }
}
