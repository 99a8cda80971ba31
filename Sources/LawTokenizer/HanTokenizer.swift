/// Why text is being tokenized: documents get one token per character, queries the
/// tokens that match those (see ``HanTokenizer``).
///
/// The two modes differ only for runs of Han characters.
public enum TokenizationMode: Sendable {
    /// Text being indexed, or read back by an FTS5 auxiliary function: at every Han
    /// character the bigram with the next character of its run, and at a run's last
    /// character that character alone — one token per position, none colocated.
    case document
    /// A query term or phrase: the bigram chain of each Han run, then its last character
    /// alone where the phrase goes on after the run or the run is a single character.
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
    /// A bigram covers both of its characters (and any quotation mark between them), so the
    /// ranges of neighbouring document tokens overlap by one character; a query's colocated
    /// bigram across a separator has the range of its first character.
    public var range: Range<Int>
    /// `true` when the token shares the position of the previous one (FTS5's
    /// `FTS5_TOKEN_COLOCATED`, an alternative in a query); only a query's bigram across a
    /// separator is colocated.
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
/// ideographs and Kangxi radicals folded to their unified forms) are indexed as bigrams.
/// In a document, a run c0…c(n-1) gives c0c1, c1c2, …, c(n-2)c(n-1), c(n-1): one token at
/// each character's position, a bigram wherever the run goes on and the character alone at
/// its end (a single character is just that character). A query run gives its bigram chain,
/// which matches a document exactly where those characters stand in a row; its last
/// character is added alone only where the phrase goes on after it:
/// - before a word or number (第3条: 第 3 条), where the document's run ends too;
/// - before another Han run after a separator (`行政 处罚`): 政 with the bigram 政处 colocated
///   as its alternative, since the document may hold 行政处罚 as well as 行政，处罚;
/// - a run of one character at the end of the phrase (罚, 第3条) is that character, which
///   FTS5 must match as a prefix (`"罚"*` finds 罚 and every bigram 罚X):
///   ``endsInLoneHanCharacter(_:)`` says when.
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
    /// byte range in `text` and whether it is colocated with the previous token (a query's
    /// alternative); it returns `false` to stop tokenizing, e.g. when SQLite reports an error.
    /// `text` may be any bytes: invalid UTF-8 separates tokens and never traps.
    public func tokenize(
        _ text: UnsafeBufferPointer<UInt8>, mode: TokenizationMode,
        _ body: (UnsafeBufferPointer<UInt8>, Range<Int>, Bool) -> Bool
    ) {
        _ = scan(text, mode: mode, body)
    }

    /// Whether the query phrase `phrase` ends in a Han run of one character, whose token
    /// FTS5 must match as a prefix (`"…"*`) so that it finds the character alone at the end
    /// of a document's run and as the first half of a bigram inside one.
    public func endsInLoneHanCharacter(_ phrase: String) -> Bool {
        var phrase = phrase
        return phrase.withUTF8 { bytes in
            scan(bytes, mode: .query) { _, _, _ in true }
        }.loneCharacter
    }

    /// How many consecutive positions of a document the query phrase `phrase` spans where it
    /// matches: one per position of its tokens, and one more when it ends in a Han run of two
    /// or more characters, whose last character has no token of its own in the query. For
    /// 行政处罚 4, for 罚 1, for 第3条 3.
    public func documentSpan(ofQuery phrase: String) -> Int {
        var phrase = phrase
        var positions = 0
        let end = phrase.withUTF8 { bytes in
            scan(bytes, mode: .query) { _, _, colocated in
                if !colocated { positions += 1 }
                return true
            }
        }
        return positions + (end.bigram ? 1 : 0)
    }

    /// Tokenizes `text` into `body` and answers how a query ended: in a lone Han character,
    /// or in a Han run of two or more.
    private func scan(
        _ text: UnsafeBufferPointer<UInt8>, mode: TokenizationMode,
        _ body: (UnsafeBufferPointer<UInt8>, Range<Int>, Bool) -> Bool
    ) -> (loneCharacter: Bool, bigram: Bool) {
        guard let base = text.baseAddress, !text.isEmpty else { return (false, false) }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Scanner.scratchCapacity) { scratch in
            var scanner = Scanner(
                text: base, count: text.count, scratch: scratch.baseAddress!,
                query: mode == .query)
            scanner.run(body)
            return (scanner.endsInLoneHanCharacter, scanner.endsInHanBigram)
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
