/// The names closest to one that matched nothing, for a short “您是不是要找：…” line instead
/// of the whole vocabulary.
///
/// Closeness is the number of characters the two names share (a person usually gets most of
/// the characters right: 市场局 for 市场监管局, 处罚法 for 行政处罚法), then the edit distance
/// between them. A name is suggested only when it shares at least half of the characters
/// typed, and only once per thing named: a name containing, or contained in, a closer one
/// (中华人民共和国行政处罚法 after 行政处罚法) is another name of the same thing.
public enum NameSuggestions {
    /// Most names suggested.
    public static let limit = 5
    /// Characters of a name compared; longer input is cut here so a hostile name costs no more.
    static let comparedLength = 64

    /// At most `limit` of `candidates` closest to `name`, closest first, each once.
    public static func closest(to name: String, among candidates: [String], limit: Int = NameSuggestions.limit)
        -> [String]
    {
        let typed = Array(name.prefix(comparedLength))
        let typedSet = Set(typed)
        var seen = Set<String>()
        var scored: [(name: String, shared: Int, distance: Int)] = []
        for candidate in candidates where !candidate.isEmpty && seen.insert(candidate).inserted {
            let characters = Array(candidate.prefix(comparedLength))
            let shared = typedSet.intersection(characters).count
            guard shared > 0, shared * 2 >= typedSet.count else { continue }
            scored.append((candidate, shared, editDistance(typed, characters)))
        }
        scored.sort { ($1.shared, $0.distance, $0.name) < ($0.shared, $1.distance, $1.name) }
        var chosen: [String] = []
        for entry in scored where chosen.count < limit {
            guard !chosen.contains(where: { $0.contains(entry.name) || entry.name.contains($0) }) else { continue }
            chosen.append(entry.name)
        }
        return chosen
    }

    /// `“name”` followed by the suggestion line, or a hint when nothing is close.
    static func sentence(for name: String, among candidates: [String], otherwise hint: String) -> String {
        let names = closest(to: name, among: candidates)
        return names.isEmpty ? hint : "您是不是要找：\(names.joined(separator: "、"))？"
    }

    /// Levenshtein distance between two character arrays (insert, delete, replace all cost 1).
    static func editDistance(_ first: [Character], _ second: [Character]) -> Int {
        if first.isEmpty { return second.count }
        if second.isEmpty { return first.count }
        var previous = Array(0...second.count)
        var current = [Int](repeating: 0, count: second.count + 1)
        for (row, character) in first.enumerated() {
            current[0] = row + 1
            for column in 1...second.count {
                let replace = previous[column - 1] + (character == second[column - 1] ? 0 : 1)
                current[column] = min(replace, previous[column] + 1, current[column - 1] + 1)
            }
            swap(&previous, &current)
        }
        return previous[second.count]
    }
}
