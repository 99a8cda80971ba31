import Foundation

/// A question as typed, folded for recognition (full-width to half-width, no control
/// characters) and bounded, with the spans that recognisers have already claimed, so that a
/// word is read as one thing only (the 法 of 行政处罚法 is not also a department's sector).
public struct Question: Sendable {
    /// The question as typed.
    public let original: String
    /// The folded characters recognisers read.
    public let characters: [Character]
    /// Which characters a recogniser has read.
    private(set) var claimed: [Bool]

    /// The most characters read; the question parser refuses longer queries anyway.
    public static let maximumLength = 400

    /// Folds `text`: NFKC, control characters to spaces, at most ``maximumLength`` characters.
    public init(_ text: String) {
        original = text
        let folded = String(text.prefix(Self.maximumLength * 2)).precomposedStringWithCompatibilityMapping
        characters = Array(
            folded.map { $0.isNewline || $0.unicodeScalars.contains { $0.properties.generalCategory == .control } ? " " : $0 }
                .prefix(Self.maximumLength))
        claimed = Array(repeating: false, count: characters.count)
    }

    /// The folded text.
    public var text: String { String(characters) }

    /// Whether any character of `range` is claimed.
    func isClaimed(_ range: Range<Int>) -> Bool {
        range.contains { claimed[$0] }
    }

    /// Marks `range` as read.
    mutating func claim(_ range: Range<Int>) {
        for index in range where claimed.indices.contains(index) { claimed[index] = true }
    }

    /// Every unclaimed occurrence of `word`, leftmost first.
    func occurrences(of word: [Character]) -> [Range<Int>] {
        guard !word.isEmpty, word.count <= characters.count else { return [] }
        var result: [Range<Int>] = []
        var start = 0
        while start + word.count <= characters.count {
            let range = start..<(start + word.count)
            if characters[start] == word[0], Array(characters[range]) == word, !isClaimed(range) {
                result.append(range)
                start += word.count
            } else {
                start += 1
            }
        }
        return result
    }

    /// Whether the question contains any of `words` (claimed or not).
    func mentions(_ words: [String]) -> Bool {
        let text = self.text
        return words.contains { text.contains($0) }
    }

    /// The unclaimed text, split at claimed spans and spaces.
    func unclaimedRuns() -> [String] {
        var runs: [String] = []
        var current = ""
        for (index, character) in characters.enumerated() {
            if claimed[index] || character.isWhitespace {
                if !current.isEmpty { runs.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }
}
