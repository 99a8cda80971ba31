import Foundation

/// Why text is being tokenized: documents get characters plus colocated bigrams,
/// queries get the bigram chain (see ``HanTokenizer``).
public enum TokenizationMode: Sendable {
    /// Text being indexed, or read back for highlights and snippets.
    case document
    /// A query term or phrase.
    case query
}

/// A token with its place in the original text.
public struct Token: Equatable, Sendable {
    /// The normalised token: a Han character or bigram, a lower-cased word, a digit run.
    public var text: String
    /// Byte offsets of the token in the original UTF-8 text; always on character boundaries.
    public var range: Range<Int>
    /// `true` when the token shares the position of the previous one (FTS5_TOKEN_COLOCATED).
    public var isColocated: Bool

    /// Creates a token.
    public init(text: String, range: Range<Int>, isColocated: Bool) {
        self.text = text
        self.range = range
        self.isColocated = isColocated
    }
}

/// A tokenizer for Chinese legal text that makes words, phrases and single characters all
/// match exactly in FTS5.
///
/// In documents every Han character is a token at its own position, and the bigram with
/// the next character is emitted at the same position (colocated). Both carry the byte
/// range of the single character, so highlights of adjacent matches never overlap. A query
/// of n Han characters becomes the bigram chain followed by the last character — n tokens
/// at n consecutive positions — which matches exactly where the characters occur in a row.
///
/// Latin letters form lower-cased words and digits form numbers (full-width forms folded
/// by NFKC); quotation and book-title marks are transparent inside a run of Han characters
/// (“两法”衔接 still contains 两法衔接); all other punctuation separates.
public struct HanTokenizer: Sendable {
    /// Longest token emitted, in bytes; longer words are cut (the same way in queries).
    public static let maximumTokenLength = 255

    /// Creates a tokenizer.
    public init() {}

    /// Calls `body` for every token of `text`, in order, without allocating per token.
    ///
    /// `body` receives the normalised token bytes (valid only during the call), the token's
    /// byte range in `text` and whether it is colocated with the previous token; it returns
    /// `false` to stop.
    public func tokenize(
        _ text: UnsafeBufferPointer<UInt8>, mode: TokenizationMode,
        _ body: (UnsafeBufferPointer<UInt8>, Range<Int>, Bool) -> Bool
    ) {
        var state = TokenizerState(mode: mode)
        withoutActuallyEscaping(body) { body in
            state.run(text, body)
        }
    }

    /// The tokens of `text`, for tests and callers that need values.
    public func tokens(in text: String, mode: TokenizationMode) -> [Token] {
        var result: [Token] = []
        var copy = text
        copy.withUTF8 { bytes in
            tokenize(bytes, mode: mode) { token, range, colocated in
                result.append(Token(text: String(decoding: token, as: UTF8.self), range: range,
                                    isColocated: colocated))
                return true
            }
        }
        return result
    }
}

/// What a scalar is, for tokenizing.
enum ScalarClass {
    case han, letter, digit, transparent, separator
}

/// The running state of one tokenization.
private struct TokenizerState {
    let mode: TokenizationMode
    /// Bytes of the word or number being collected.
    var word: [UInt8] = []
    var wordStart = 0
    var wordEnd = 0
    var wordClass: ScalarClass = .separator
    /// The previous Han character of the current run, waiting for its successor.
    var pending: [UInt8] = []
    var pendingRange = 0..<0
    var scratch: [UInt8] = []
    var stopped = false

    init(mode: TokenizationMode) {
        self.mode = mode
        word.reserveCapacity(64)
        pending.reserveCapacity(4)
        scratch.reserveCapacity(16)
    }

    mutating func run(_ text: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, Range<Int>, Bool) -> Bool) {
        var index = 0
        let count = text.count
        var folded: [UInt8] = []
        folded.reserveCapacity(8)
        while index < count && !stopped {
            let (scalar, length) = UTF8Decoding.decode(text, at: index)
            let range = index..<(index + length)
            index += length
            folded.removeAll(keepingCapacity: true)
            let kind = scalar.map { Folding.classify($0, into: &folded) } ?? .separator
            switch kind {
            case .han:
                flushWord(body)
                han(folded, range, body)
            case .letter, .digit:
                flushHan(body)
                if kind != wordClass { flushWord(body) }
                if word.isEmpty { wordStart = range.lowerBound; wordClass = kind }
                if word.count + folded.count <= HanTokenizer.maximumTokenLength { word += folded }
                wordEnd = range.upperBound
            case .transparent:
                flushWord(body)
            case .separator:
                flushWord(body)
                flushHan(body)
            }
        }
        flushWord(body)
        flushHan(body)
    }

    private mutating func emit(_ bytes: [UInt8], _ range: Range<Int>, colocated: Bool,
                               _ body: (UnsafeBufferPointer<UInt8>, Range<Int>, Bool) -> Bool) {
        guard !stopped else { return }
        let keepGoing = bytes.withUnsafeBufferPointer { body($0, range, colocated) }
        if !keepGoing { stopped = true }
    }

    private mutating func han(_ character: [UInt8], _ range: Range<Int>,
                              _ body: (UnsafeBufferPointer<UInt8>, Range<Int>, Bool) -> Bool) {
        if !pending.isEmpty {
            scratch.removeAll(keepingCapacity: true)
            scratch += pending
            scratch += character
            switch mode {
            case .document:
                emit(pending, pendingRange, colocated: false, body)
                emit(scratch, pendingRange, colocated: true, body)
            case .query:
                emit(scratch, pendingRange, colocated: false, body)
            }
        }
        pending.removeAll(keepingCapacity: true)
        pending += character
        pendingRange = range
    }

    /// Ends a run of Han characters: the last one is emitted alone.
    private mutating func flushHan(_ body: (UnsafeBufferPointer<UInt8>, Range<Int>, Bool) -> Bool) {
        guard !pending.isEmpty else { return }
        emit(pending, pendingRange, colocated: false, body)
        pending.removeAll(keepingCapacity: true)
    }

    private mutating func flushWord(_ body: (UnsafeBufferPointer<UInt8>, Range<Int>, Bool) -> Bool) {
        guard !word.isEmpty else { return }
        emit(word, wordStart..<wordEnd, colocated: false, body)
        word.removeAll(keepingCapacity: true)
        wordClass = .separator
    }
}

/// Hand-written UTF-8 decoding that never traps on invalid input.
enum UTF8Decoding {
    /// The scalar starting at `index` and its length in bytes; `nil` and 1 for an invalid byte.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar?, Int) {
        let b0 = bytes[index]
        if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
        let count = bytes.count
        func continuation(_ offset: Int) -> UInt32? {
            guard index + offset < count else { return nil }
            let byte = bytes[index + offset]
            return byte & 0xC0 == 0x80 ? UInt32(byte & 0x3F) : nil
        }
        if b0 & 0xE0 == 0xC0 {
            guard let c1 = continuation(1) else { return (nil, 1) }
            let value = UInt32(b0 & 0x1F) << 6 | c1
            return value >= 0x80 ? (Unicode.Scalar(value), 2) : (nil, 1)
        }
        if b0 & 0xF0 == 0xE0 {
            guard let c1 = continuation(1), let c2 = continuation(2) else { return (nil, 1) }
            let value = UInt32(b0 & 0x0F) << 12 | c1 << 6 | c2
            guard value >= 0x800, let scalar = Unicode.Scalar(value) else { return (nil, 1) }
            return (scalar, 3)
        }
        if b0 & 0xF8 == 0xF0 {
            guard let c1 = continuation(1), let c2 = continuation(2), let c3 = continuation(3) else { return (nil, 1) }
            let value = UInt32(b0 & 0x07) << 18 | c1 << 12 | c2 << 6 | c3
            guard value >= 0x10000, let scalar = Unicode.Scalar(value) else { return (nil, 1) }
            return (scalar, 4)
        }
        return (nil, 1)
    }
}

/// Classification and NFKC folding of single scalars.
enum Folding {
    /// Classifies `scalar` and appends its folded, lower-cased UTF-8 form to `output`
    /// (for Han characters, letters and digits; nothing for the others).
    @inline(__always)
    static func classify(_ scalar: Unicode.Scalar, into output: inout [UInt8]) -> ScalarClass {
        let v = scalar.value
        if v < 0x80 { return ascii(UInt8(v), into: &output) }
        if isHan(v) {
            appendUTF8(scalar, to: &output)
            return .han
        }
        if (0xFF01...0xFF5E).contains(v) {  // full-width ASCII
            return ascii(UInt8(v - 0xFEE0), into: &output)
        }
        switch v {
        case 0x201C, 0x201D, 0x2018, 0x2019, 0x300C, 0x300D, 0x300E, 0x300F, 0x300A, 0x300B, 0x3008, 0x3009,
             0xFF02, 0xFF07:
            return .transparent
        case 0xF900...0xFAFF:  // CJK compatibility ideographs: fold to the unified character
            let folded = String(Character(scalar)).precomposedStringWithCompatibilityMapping
            output += Array(folded.utf8)
            return folded.unicodeScalars.allSatisfy { isHan($0.value) } ? .han : .separator
        default:
            return other(scalar, into: &output)
        }
    }

    @inline(__always)
    static func isHan(_ v: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x20000...0x2FFFF).contains(v)
            || v == 0x3007
    }

    @inline(__always)
    private static func ascii(_ byte: UInt8, into output: inout [UInt8]) -> ScalarClass {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            output.append(byte)
            return byte <= UInt8(ascii: "9") ? .digit : .letter
        case UInt8(ascii: "A")...UInt8(ascii: "Z"):
            output.append(byte | 0x20)
            return .letter
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            return .transparent
        default:
            return .separator
        }
    }

    /// Letters and numbers of other scripts and compatibility forms (①, ｶ, é): NFKC, lower-cased.
    private static func other(_ scalar: Unicode.Scalar, into output: inout [UInt8]) -> ScalarClass {
        let properties = scalar.properties
        guard properties.isAlphabetic || properties.numericType != nil else { return .separator }
        let folded = String(Character(scalar)).precomposedStringWithCompatibilityMapping.lowercased()
        var kind: ScalarClass = .separator
        for piece in folded.unicodeScalars {
            if piece.value < 0x80 {
                let pieceKind = ascii(UInt8(piece.value), into: &output)
                if pieceKind == .letter || pieceKind == .digit { kind = kind == .separator ? pieceKind : kind }
            } else if piece.properties.isAlphabetic || piece.properties.numericType != nil {
                appendUTF8(piece, to: &output)
                kind = isHan(piece.value) ? .han : .letter
            }
        }
        return kind
    }

    @inline(__always)
    static func appendUTF8(_ scalar: Unicode.Scalar, to output: inout [UInt8]) {
        let v = scalar.value
        switch v {
        case 0..<0x80:
            output.append(UInt8(v))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | (v >> 6)))
            output.append(UInt8(0x80 | (v & 0x3F)))
        case 0x800..<0x10000:
            output.append(UInt8(0xE0 | (v >> 12)))
            output.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (v & 0x3F)))
        default:
            output.append(UInt8(0xF0 | (v >> 18)))
            output.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            output.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (v & 0x3F)))
        }
    }
}
