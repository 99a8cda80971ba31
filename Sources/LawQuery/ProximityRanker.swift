import LawTokenizer

/// The second ranking stage: re-orders the best BM25 candidates by how close together
/// the query's terms occur and how early in the unit they first occur together.
///
/// BM25 scores each term on its own; in legal text the article whose opening sentence
/// holds all the terms side by side (查封、扣押的期限不得超过三十日) answers a query better
/// than one that mentions them far apart. The final score is
/// `bm25 × (1 + proximityWeight·proximity + earlinessWeight·earliness)`, where
/// `proximity` = (total length of the terms) / (length of the shortest window holding
/// one occurrence of every term), and `earliness` = 1 / (1 + window start / earlinessScale),
/// positions counted in characters (Han) and words (Latin, digits).
public struct ProximityRanker: Sendable {
    /// Weight of the proximity factor.
    public var proximityWeight = 0.6
    /// Weight of the earliness factor.
    public var earlinessWeight = 0.8
    /// Position at which earliness has dropped to one half.
    public var earlinessScale = 32.0

    private let tokenizer = HanTokenizer()

    /// Creates a ranker with the default weights.
    public init() {}

    /// The factor by which a unit's BM25 score is multiplied (≥ 1), or 1 when the terms
    /// cannot all be located in `text` (a match in the title only).
    public func boost(text: String, groups: [[String]]) -> Double {
        let positions = DocumentPositions(text, tokenizer: tokenizer)
        var occurrences: [[Occurrence]] = []
        for group in groups {
            var found: [Occurrence] = []
            for term in group {
                let hashes = queryHashes(term)
                guard !hashes.isEmpty else { continue }
                found += positions.occurrences(of: hashes)
            }
            guard !found.isEmpty else { return 1 }
            occurrences.append(found)
        }
        guard let window = Self.shortestWindow(occurrences) else { return 1 }
        let proximity = min(1, Double(window.termLength) / Double(window.length))
        let earliness = 1 / (1 + Double(window.start) / earlinessScale)
        return 1 + proximityWeight * proximity + earlinessWeight * earliness
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

    struct Window {
        var start: Int
        var length: Int
        var termLength: Int
    }

    /// The shortest span holding one occurrence of every group (ties: the earliest).
    static func shortestWindow(_ groups: [[Occurrence]]) -> Window? {
        var events: [(occurrence: Occurrence, group: Int)] = []
        for (group, list) in groups.enumerated() {
            events += list.map { ($0, group) }
        }
        events.sort { $0.occurrence.start < $1.occurrence.start }
        var counts = [Int](repeating: 0, count: groups.count)
        var covered = 0
        var best: Window?
        var left = 0
        for right in events.indices {
            let group = events[right].group
            if counts[group] == 0 { covered += 1 }
            counts[group] += 1
            while covered == groups.count {
                let start = events[left].occurrence.start
                let end = events[left...right].map { $0.occurrence.start + $0.occurrence.length }.max() ?? start
                let termLength = Self.termLength(events[left...right], groups: groups.count)
                let candidate = Window(start: start, length: end - start, termLength: termLength)
                if best == nil || candidate.length < best!.length {
                    best = candidate
                }
                let leaving = events[left].group
                counts[leaving] -= 1
                if counts[leaving] == 0 { covered -= 1 }
                left += 1
            }
        }
        return best
    }

    private static func termLength(_ events: ArraySlice<(occurrence: Occurrence, group: Int)>, groups: Int) -> Int {
        var lengths = [Int](repeating: 0, count: groups)
        for event in events { lengths[event.group] = max(lengths[event.group], event.occurrence.length) }
        return lengths.reduce(0, +)
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
