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
    /// Weight of the proximity factor.
    public var proximityWeight: Double {
        get { weights.proximityWeight }
        set { weights.proximityWeight = newValue }
    }
    /// Weight of the earliness factor.
    public var earlinessWeight: Double {
        get { weights.earlinessWeight }
        set { weights.earlinessWeight = newValue }
    }
    /// Position at which earliness has dropped to one half.
    public var earlinessScale: Double {
        get { weights.earlinessScale }
        set { weights.earlinessScale = newValue }
    }

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

    private func queryHashes(_ term: String) -> [UInt64] {
        var hashes: [UInt64] = []
        var copy = term
        copy.withUTF8 { bytes in
            tokenizer.tokenize(bytes, mode: .query) { token, _, _ in
                hashes.append(TokenHash.of(token))
                return true
            }
        }
        return hashes
    }
}

/// The tokens of a document by position: the token starting there and its colocated bigram.
struct DocumentPositions {
    private var primary: [UInt64] = []
    private var colocated: [UInt64] = []

    init(_ text: String, tokenizer: HanTokenizer) {
        var primary: [UInt64] = []
        var colocated: [UInt64] = []
        var copy = text
        copy.withUTF8 { bytes in
            tokenizer.tokenize(bytes, mode: .document) { token, _, isColocated in
                if isColocated, !colocated.isEmpty {
                    colocated[colocated.count - 1] = TokenHash.of(token)
                } else {
                    primary.append(TokenHash.of(token))
                    colocated.append(0)
                }
                return true
            }
        }
        self.primary = primary
        self.colocated = colocated
    }

    /// Where the query token chain `hashes` matches at consecutive positions.
    func occurrences(of hashes: [UInt64]) -> [ProximityRanker.Occurrence] {
        guard hashes.count <= primary.count else { return [] }
        var result: [ProximityRanker.Occurrence] = []
        for start in 0...(primary.count - hashes.count) {
            var matches = true
            for (offset, hash) in hashes.enumerated()
            where primary[start + offset] != hash && colocated[start + offset] != hash {
                matches = false
                break
            }
            if matches { result.append(.init(start: start, length: hashes.count)) }
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
