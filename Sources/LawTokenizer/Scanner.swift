/// One tokenization in progress: a hand-written UTF-8 decoder driving a small state machine
/// over a fixed scratch buffer, so that no token costs an allocation.
///
/// At any time at most one of two things is pending: the last Han character of the current
/// run (waiting to see whether a Han character follows, to form a bigram), or a word or
/// number being collected. Scalars arrive in order and each one is classified:
///
/// - Han: ends a word; forms the bigram with the pending character, then becomes pending.
///   In a query, a pending character whose run a separator ended is emitted alone first,
///   with the bigram colocated as its alternative (see ``HanTokenizer``).
/// - letter / digit: ends the Han run or a word of the other kind, then extends the word.
/// - transparent (quotation and book-title marks, the enumeration comma 、): ends a word but
///   not a Han run.
/// - ignorable (variation selectors): nothing at all.
/// - separator (everything else, including invalid bytes): ends both.
///
/// Common scalars (ASCII, Han, full-width ASCII, CJK punctuation) are classified by range
/// checks alone; the rest go through ``NFKC`` and the standard library's Unicode properties.
struct Scanner {
    /// The callback of ``HanTokenizer/tokenize(_:mode:_:)``.
    typealias Body = (UnsafeBufferPointer<UInt8>, Range<Int>, Bool) -> Bool

    /// What the word being collected is made of.
    enum WordKind { case none, letters, digits }

    /// Bytes at the start of the scratch buffer for the pending Han character and its
    /// successor (at most 4 + 4 bytes); the word area follows.
    static let hanArea = 16
    /// The scratch buffer's size: the Han area plus the longest word.
    static let scratchCapacity = hanArea + HanTokenizer.maximumTokenLength

    let text: UnsafePointer<UInt8>
    let count: Int
    /// Han area: the pending character's normalised bytes, then the next character's.
    let scratch: UnsafeMutablePointer<UInt8>
    /// Word area: the normalised bytes of the word being collected.
    let word: UnsafeMutablePointer<UInt8>
    let query: Bool

    /// Bytes of the pending Han character in `scratch`; 0 when there is none.
    var pendingLength = 0
    var pendingStart = 0
    var pendingEnd = 0

    var wordKind = WordKind.none
    var wordLength = 0
    var wordStart = 0
    var wordEnd = 0
    /// Set when a scalar did not fit: the rest of the run extends the range, not the text.
    var wordFull = false

    /// Characters in the current Han run so far, counted up to 2 (a query needs to know only
    /// whether the run is a single character).
    var runLength = 0
    /// In a query: the pending character's run was ended by a separator, and what follows
    /// decides how the character is emitted.
    var runEnded = false
    /// In a query: the last token emitted was a Han run's only character, at the end of the
    /// text, which FTS5 must then match as a prefix.
    private(set) var endsInLoneHanCharacter = false
    /// In a query: the text ended in a Han run of two or more characters, whose last
    /// character its last bigram covers without a token of its own.
    private(set) var endsInHanBigram = false

    /// Set when `body` asked to stop.
    var stopped = false

    init(text: UnsafePointer<UInt8>, count: Int, scratch: UnsafeMutablePointer<UInt8>, query: Bool) {
        self.text = text
        self.count = count
        self.scratch = scratch
        self.word = scratch + Self.hanArea
        self.query = query
    }

    // MARK: Decoding

    /// Tokenizes the whole text (or until `body` returns false).
    mutating func run(_ body: Body) {
        var index = 0
        while index < count {
            let lead = text[index]
            if lead < 0x80 {
                ascii(lead, index, index &+ 1, body)
                index &+= 1
            } else {
                let (value, length) = decode(lead, at: index)
                if length == 0 {
                    separator(body)  // an invalid byte: skip just that byte
                    index &+= 1
                } else {
                    scalar(value, index, index &+ length, body)
                    index &+= length
                }
            }
            if stopped { return }
        }
        flushWord(body)
        finishHan(body)
    }

    /// Decodes the multi-byte sequence starting with `lead` at `index`: the scalar and its
    /// length, or length 0 if the sequence is invalid (truncated, overlong, a surrogate,
    /// beyond U+10FFFF, or a stray continuation byte).
    @inline(__always)
    func decode(_ lead: UInt8, at index: Int) -> (UInt32, Int) {
        let remaining = count &- index
        if lead >= 0xE0 {
            if lead < 0xF0 {
                guard remaining >= 3 else { return (0, 0) }
                let c1 = text[index &+ 1]
                let c2 = text[index &+ 2]
                guard c1 & 0xC0 == 0x80, c2 & 0xC0 == 0x80 else { return (0, 0) }
                let value = UInt32(lead & 0x0F) << 12 | UInt32(c1 & 0x3F) << 6 | UInt32(c2 & 0x3F)
                guard value >= 0x800, value & 0xF800 != 0xD800 else { return (0, 0) }
                return (value, 3)
            }
            guard lead <= 0xF4, remaining >= 4 else { return (0, 0) }
            let c1 = text[index &+ 1]
            let c2 = text[index &+ 2]
            let c3 = text[index &+ 3]
            guard c1 & 0xC0 == 0x80, c2 & 0xC0 == 0x80, c3 & 0xC0 == 0x80 else { return (0, 0) }
            let value =
                UInt32(lead & 0x07) << 18 | UInt32(c1 & 0x3F) << 12 | UInt32(c2 & 0x3F) << 6
                | UInt32(c3 & 0x3F)
            guard value >= 0x10000, value <= 0x10FFFF else { return (0, 0) }
            return (value, 4)
        }
        guard lead >= 0xC2, remaining >= 2 else { return (0, 0) }
        let c1 = text[index &+ 1]
        guard c1 & 0xC0 == 0x80 else { return (0, 0) }
        return (UInt32(lead & 0x1F) << 6 | UInt32(c1 & 0x3F), 2)
    }

    // MARK: Classification

    /// Classifies a non-ASCII scalar of the original text, fast for the common ones.
    @inline(__always)
    mutating func scalar(_ value: UInt32, _ start: Int, _ end: Int, _ body: Body) {
        if value &- 0x4E00 < 0x5200 || value &- 0x3400 < 0x19C0 {  // U+4E00–9FFF, U+3400–4DBF
            han(value, start, end, body)
        } else if value &- 0xFF01 < 0x5E {  // full-width ASCII ！…～ is ASCII under NFKC
            ascii(UInt8(truncatingIfNeeded: value &- 0xFEE0), start, end, body)
        } else if Scalars.isTransparentMark(value) {
            transparent(body)
        } else {
            switch value {
            case 0x3007:
                han(value, start, end, body)
            case 0x20000...0x2F7FF, 0x2FA20...0x3FFFF:  // ideographic planes, minus compatibility
                han(value, start, end, body)
            case 0x3000...0x3003, 0x3010, 0x3011, 0x3014...0x3017, 0xB7, 0x2014, 0x2015, 0x2022, 0x2026:
                separator(body)  // ideographic space, 。〃【】〔〕〖〗·—―•… (、 is transparent, above)
            default:
                rare(value, start, end, body)
            }
        }
    }

    /// A scalar off the fast paths: NFKC-folded, then each scalar of the folding classified
    /// by its Unicode properties; all of them take the original scalar's range.
    mutating func rare(_ value: UInt32, _ start: Int, _ end: Int, _ body: Body) {
        if let mapping = NFKC.mapping(of: value) {
            for piece in mapping {
                folded(piece, start, end, body)
            }
        } else {
            folded(value, start, end, body)
        }
    }

    /// Classifies a scalar that is already in NFKC form.
    mutating func folded(_ value: UInt32, _ start: Int, _ end: Int, _ body: Body) {
        if value < 0x80 {
            ascii(UInt8(truncatingIfNeeded: value), start, end, body)
            return
        }
        if Scalars.isHan(value) {
            han(value, start, end, body)
            return
        }
        if Scalars.isTransparentMark(value) {
            transparent(body)
            return
        }
        if Scalars.isVariationSelector(value) {
            return  // invisible: selects a glyph, changes no token and breaks no run
        }
        guard let scalar = Unicode.Scalar(value) else {
            separator(body)
            return
        }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .decimalNumber:
            // Digits of any script are words of ASCII digits, so ٣ and 3 match.
            if let number = properties.numericValue, number >= 0, number <= 9 {
                startWord(.digits, start, body)
                append(0x30 &+ UInt8(number))
                wordEnd = end
            } else {
                separator(body)
            }
        case .nonspacingMark, .spacingMark, .enclosingMark:
            // Combining marks belong to the letter before them (Mongolian, Tibetan, é as e + ´).
            if wordKind == .letters {
                append(scalar: value)
                wordEnd = end
            } else {
                separator(body)
            }
        default:
            guard properties.isAlphabetic else {
                separator(body)
                return
            }
            startWord(.letters, start, body)
            if properties.changesWhenLowercased {
                for lower in properties.lowercaseMapping.unicodeScalars {
                    append(scalar: lower.value)
                }
            } else {
                append(scalar: value)
            }
            wordEnd = end
        }
    }

    /// Classifies an ASCII byte (possibly the folding of a full-width or other character).
    @inline(__always)
    mutating func ascii(_ byte: UInt8, _ start: Int, _ end: Int, _ body: Body) {
        if byte &- 0x61 < 26 {  // a-z
            startWord(.letters, start, body)
            append(byte)
            wordEnd = end
        } else if byte &- 0x41 < 26 {  // A-Z
            startWord(.letters, start, body)
            append(byte | 0x20)
            wordEnd = end
        } else if byte &- 0x30 < 10 {  // 0-9
            startWord(.digits, start, body)
            append(byte)
            wordEnd = end
        } else if byte == 0x22 || byte == 0x27 {  // " '
            transparent(body)
        } else {
            separator(body)
        }
    }

    // MARK: Events

    /// A Han character: the bigram of the pending character with this one, which then
    /// becomes pending. The bigram's range covers both characters. In a query whose
    /// pending character a separator ended, that character is emitted alone instead, with
    /// the bigram colocated as its alternative: the document may hold the two characters
    /// either side by side or apart.
    @inline(__always)
    mutating func han(_ value: UInt32, _ start: Int, _ end: Int, _ body: Body) {
        if wordKind != .none { flushWord(body) }
        let current = scratch + pendingLength
        let length = Scalars.encode(value, into: current)
        if pendingLength > 0 {
            let range = pendingStart..<end
            if runEnded {
                // The alternative keeps the character's own range: the separator between the
                // two may be any bytes, even invalid ones.
                emit(scratch, pendingLength, pendingStart..<pendingEnd, false, body)
                emit(scratch, pendingLength &+ length, pendingStart..<pendingEnd, true, body)
                runEnded = false
                runLength = 1
            } else {
                emit(scratch, pendingLength &+ length, range, false, body)
                runLength = 2
            }
            for offset in 0..<length {  // forward copy: the regions may overlap
                scratch[offset] = current[offset]
            }
        } else {
            runLength = 1
        }
        pendingLength = length
        pendingStart = start
        pendingEnd = end
    }

    /// Starts a word of `kind` unless one is already being collected.
    @inline(__always)
    mutating func startWord(_ kind: WordKind, _ start: Int, _ body: Body) {
        guard wordKind != kind else { return }
        if wordKind == .none {
            flushHan(body)
        } else {
            flushWord(body)
        }
        wordKind = kind
        wordStart = start
    }

    /// Appends one byte to the word, unless the word is full.
    @inline(__always)
    mutating func append(_ byte: UInt8) {
        guard !wordFull else { return }
        guard wordLength < HanTokenizer.maximumTokenLength else {
            wordFull = true
            return
        }
        word[wordLength] = byte
        wordLength &+= 1
    }

    /// Appends a whole scalar to the word, or marks the word full if it does not fit.
    mutating func append(scalar value: UInt32) {
        guard !wordFull else { return }
        guard wordLength &+ Scalars.utf8Length(value) <= HanTokenizer.maximumTokenLength else {
            wordFull = true
            return
        }
        wordLength &+= Scalars.encode(value, into: word + wordLength)
    }

    /// A quotation or book-title mark: ends a word, keeps a Han run going.
    @inline(__always)
    mutating func transparent(_ body: Body) {
        if wordKind != .none { flushWord(body) }
    }

    /// Anything that separates: ends a word and a Han run. In a query the run's last
    /// character waits for what follows (``han(_:_:_:_:)``, ``flushHan(_:)``, ``finishHan(_:)``).
    @inline(__always)
    mutating func separator(_ body: Body) {
        if wordKind != .none { flushWord(body) }
        if pendingLength > 0 {
            if query {
                runEnded = true
            } else {
                flushHan(body)
            }
        }
    }

    /// Ends a Han run that a word follows: its last character is emitted alone (in both modes).
    @inline(__always)
    mutating func flushHan(_ body: Body) {
        guard pendingLength > 0 else { return }
        emit(scratch, pendingLength, pendingStart..<pendingEnd, false, body)
        pendingLength = 0
        runEnded = false
    }

    /// Ends the text. A document emits its last Han run's last character alone; a query
    /// does so only for a run of one character (the run's bigrams already fix the rest),
    /// which FTS5 must then match as a prefix: the character may begin a bigram.
    mutating func finishHan(_ body: Body) {
        guard pendingLength > 0 else { return }
        if !query || runLength == 1 {
            flushHan(body)
            endsInLoneHanCharacter = query && !stopped
        } else {
            endsInHanBigram = !stopped
        }
        pendingLength = 0
        runEnded = false
    }

    /// Emits the word being collected, if any.
    @inline(__always)
    mutating func flushWord(_ body: Body) {
        guard wordKind != .none else { return }
        emit(word, wordLength, wordStart..<wordEnd, false, body)
        wordKind = .none
        wordLength = 0
        wordFull = false
    }

    @inline(__always)
    mutating func emit(
        _ bytes: UnsafeMutablePointer<UInt8>, _ length: Int, _ range: Range<Int>, _ colocated: Bool,
        _ body: Body
    ) {
        guard !stopped else { return }
        if !body(UnsafeBufferPointer(start: bytes, count: length), range, colocated) {
            stopped = true
        }
    }
}
