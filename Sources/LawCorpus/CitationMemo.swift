import Foundation

/// What a ``CitationParser`` has already worked out during one build: the canonical title of
/// each document name as written, and the analysis of each text. Shared by the threads that
/// parse lists at once, hence the lock.
///
/// Both tables are keyed by the exact UTF-8 bytes of the text (``ExactText``), not by `String`
/// equality: two texts that are canonically equivalent but written differently must each give
/// citations cut from their own characters. Both are bounded: when one is full it is emptied
/// and filled again, so memory stays flat however many distinct texts a corpus has.
final class CitationMemo: @unchecked Sendable {
    /// Most texts (and names) remembered at once.
    static let capacity = 8192

    private let lock = NSLock()
    private var analyses: [ExactText: (citations: [Citation], outOfRange: [String])] = [:]
    private var titles: [ExactText: String?] = [:]
    private var words: [ExactText: ExactText] = [:]

    /// The analysis of `text` remembered, if any.
    func analysis(of text: String) -> (citations: [Citation], outOfRange: [String])? {
        lock.withLock { analyses[ExactText(text)] }
    }

    /// Remembers the analysis of `text`.
    func remember(_ analysis: (citations: [Citation], outOfRange: [String]), for text: String) {
        lock.withLock {
            if analyses.count >= Self.capacity { analyses.removeAll(keepingCapacity: true) }
            analyses[ExactText(text)] = analysis
        }
    }

    /// Returns the string already kept that is written exactly as `text`, keeping `text` when
    /// there is none: a document name or cited words repeated across thousands of list items
    /// are then stored once.
    func intern(_ text: String) -> String {
        lock.withLock {
            let key = ExactText(text)
            if let kept = words[key] { return kept.text }
            if words.count >= Self.wordCapacity { words.removeAll(keepingCapacity: true) }
            words[key] = key
            return text
        }
    }

    /// Most words kept by ``intern(_:)`` at once.
    static let wordCapacity = 65536

    /// The canonical title remembered for `name`: `.some(nil)` when the name is known not to
    /// resolve, `nil` when it was not looked up yet.
    func resolved(_ name: String) -> String?? {
        lock.withLock { titles[ExactText(name)] }
    }

    /// Remembers what `name` resolves to.
    func remember(_ title: String?, forName name: String) {
        lock.withLock {
            if titles.count >= Self.capacity { titles.removeAll(keepingCapacity: true) }
            titles[ExactText(name)] = .some(title)
        }
    }
}

/// A string compared and hashed by its UTF-8 bytes: equal only when written identically.
struct ExactText: Hashable {
    let text: String

    init(_ text: String) {
        self.text = text
    }

    static func == (a: ExactText, b: ExactText) -> Bool {
        a.text.utf8.elementsEqual(b.text.utf8)
    }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
