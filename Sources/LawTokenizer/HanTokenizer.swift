/// Why text is being tokenized: documents get characters plus colocated bigrams,
/// queries get the bigram chain (see ``HanTokenizer``).
///
/// The two modes differ only for runs of Han characters; together they make a query of
/// n Han characters occupy exactly n consecutive positions, just as those characters do
/// in an indexed document.
public enum TokenizationMode: Sendable {
    /// Text being indexed, or read back by FTS5 for `highlight()` and `snippet()`: every Han
    /// character at its own position, plus the bigram with the next character colocated.
    case document
    /// A query term or phrase: the bigram chain of each Han run, then its last character.
    case query
}

/// A token with its place in the original text, as returned by
/// ``HanTokenizer/tokens(in:mode:)``.
///
/// A value type for tests and for callers that want tokens as data; the hot path
/// (``HanTokenizer/tokenize(_:mode:_:)``) hands out the same information without allocating.
public struct Token: Equatable, Sendable {
    /// The normalised token: a Han character or bigram, a lower-cased word or a run of
    /// digits, after NFKC folding (so ＡＢＣ gives `abc` and ① gives `1`).
    public var text: String
    /// Byte offsets of the token in the original UTF-8 text, always on scalar boundaries.
    /// A document bigram carries the range of its first character only, so highlights of
    /// adjacent matches never overlap.
    public var range: Range<Int>
    /// `true` when the token shares the position of the previous one (FTS5's
    /// `FTS5_TOKEN_COLOCATED`); only document bigrams are colocated.
    public var isColocated: Bool

    /// Creates a token from its normalised text, byte range and colocation flag.
    public init(text: String, range: Range<Int>, isColocated: Bool) {
        self.text = text
        self.range = range
        self.isColocated = isColocated
    }
}

/// A tokenizer for Chinese legal text that makes single characters, words and phrases all
/// match exactly in SQLite FTS5, whose built-in tokenizers cannot segment Chinese.
///
/// **Han characters** (CJK Unified Ideographs and extensions A–H, 〇, and compatibility
/// ideographs and Kangxi radicals folded to their unified forms) are tokens one by one.
/// In a document each character is emitted at its own position, followed — if the next
/// character of the same run is Han too — by the bigram with that character, colocated
/// and carrying the byte range of the first character only. A query run c0…c(n-1) becomes
/// c0c1, c1c2, …, c(n-2)c(n-1), c(n-1): n tokens at n consecutive positions, which match a
/// document exactly where those n characters stand in a row. A single-character query is
/// that character.
///
/// **Quotation and book-title marks** (“ ” ‘ ’ 「 」 『 』 《 》 〈 〉 " ') and the **enumeration
/// comma** 、 produce no token and do not break a Han run, so “两法”衔接 contains the phrase
/// 两法衔接 and 查封、扣押 the phrase 查封扣押.
///
/// **Letters and digits**: a run of letters (any script) is one lower-cased token, a run of
/// digits another (`5号楼B座303室` → 5 号 楼 b 座 303 室). Every scalar is NFKC-folded first,
/// so full-width forms, circled numbers and ligatures match their plain forms; decimal
/// digits of other scripts count as ASCII digits. Words longer than
/// ``maximumTokenLength`` bytes are cut, identically in documents and queries.
///
/// **Everything else** — other punctuation, whitespace (including the ideographic space
/// U+3000), symbols, emoji, control characters and invalid UTF-8 bytes — separates tokens
/// and breaks Han runs. Input is never trusted: any byte sequence is accepted, in linear time.
///
/// The tokenizer is a stateless value; one instance can be shared across threads.
public struct HanTokenizer: Sendable {
    /// The longest word or number emitted, in bytes. Longer runs are cut at a character
    /// boundary — the same way in documents and queries, so they still match each other —
    /// which keeps the scratch buffer fixed-size and stops pathological input (a megabyte
    /// of letters) from producing a megabyte-long FTS5 term.
    public static let maximumTokenLength = 255

    /// Creates a tokenizer; it has no configuration and no state.
    public init() {}

    /// Calls `body` for every token of `text`, in order — the hot path used by the FTS5
    /// adapter, which allocates nothing per token.
    ///
    /// `body` receives the normalised token bytes (valid only during the call), the token's
    /// byte range in `text` and whether it is colocated with the previous token (a document
    /// bigram); it returns `false` to stop tokenizing, e.g. when SQLite reports an error.
    /// `text` may be any bytes: invalid UTF-8 separates tokens and never traps.
    public func tokenize(
        _ text: UnsafeBufferPointer<UInt8>, mode: TokenizationMode,
        _ body: (UnsafeBufferPointer<UInt8>, Range<Int>, Bool) -> Bool
    ) {
        guard let base = text.baseAddress, !text.isEmpty else { return }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Scanner.scratchCapacity) { scratch in
            var scanner = Scanner(
                text: base, count: text.count, scratch: scratch.baseAddress!,
                query: mode == .query)
            scanner.run(body)
        }
    }

    /// The tokens of `text` as values — for tests, and for callers that need the tokens of a
    /// short string (a query) rather than the speed of ``tokenize(_:mode:_:)``.
    public func tokens(in text: String, mode: TokenizationMode) -> [Token] {
        var result: [Token] = []
        var text = text
        text.withUTF8 { bytes in
            tokenize(bytes, mode: mode) { token, range, colocated in
                result.append(
                    Token(
                        text: String(decoding: token, as: UTF8.self), range: range,
                        isColocated: colocated))
                return true
            }
        }
        return result
    }
}
