// The targets reach the corpus parsers' internal entry points, as the tests do: they are
// compiled where the modules are built for testing, in debug builds and by Benchmarks/fuzz.sh.
#if DEBUG || LAWKB_LIBFUZZER
    import LawTokenizer

    /// The tokenizer on arbitrary bytes: every token is non-empty, bounded, valid UTF-8, and
    /// points at a range of the input that starts and ends on character boundaries, in order.
    enum TokenizerTarget {
        static func run(_ input: UnsafeBufferPointer<UInt8>) {
            let tokenizer = HanTokenizer()
            // In invalid UTF-8 a stray continuation byte may follow a whole character; a range is
            // then checked by decoding it, and against neighbouring bytes only in valid text.
            let isValid = String(validating: input, as: UTF8.self) != nil
            for mode in [TokenizationMode.document, .query] {
                var previousStart = 0
                var first = true
                var count = 0
                tokenizer.tokenize(input, mode: mode) { token, range, colocated in
                    count += 1
                    Invariant.check(
                        !token.isEmpty && token.count <= HanTokenizer.maximumTokenLength,
                        "token of \(token.count) bytes")
                    Invariant.check(String(validating: token, as: UTF8.self) != nil, "token is not UTF-8")
                    Invariant.check(
                        range.lowerBound >= 0 && range.lowerBound < range.upperBound
                            && range.upperBound <= input.count, "range \(range) in \(input.count) bytes")
                    Invariant.check(
                        !isValid || (isBoundary(input, range.lowerBound) && isBoundary(input, range.upperBound)),
                        "range \(range) splits a character")
                    Invariant.check(
                        String(validating: UnsafeBufferPointer(rebasing: input[range]), as: UTF8.self) != nil,
                        "range \(range) is not valid UTF-8")
                    Invariant.check(range.lowerBound >= previousStart, "token at \(range) before \(previousStart)")
                    Invariant.check(!(colocated && (first || mode == .document)), "colocated token at \(range) in \(mode)")
                    previousStart = range.lowerBound
                    first = false
                    return true
                }
                Invariant.check(count <= 2 * input.count, "\(count) tokens from \(input.count) bytes")
            }
            // The value API on the same text read as a Swift string (invalid bytes replaced).
            let text = String(decoding: input, as: UTF8.self)
            let utf8 = Array(text.utf8)
            for token in tokenizer.tokens(in: text, mode: .document) {
                Invariant.check(token.range.upperBound <= utf8.count, "token range \(token.range) past the text")
                utf8.withUnsafeBufferPointer { bytes in
                    Invariant.check(
                        isBoundary(bytes, token.range.lowerBound) && isBoundary(bytes, token.range.upperBound),
                        "token range \(token.range) splits a character of the string")
                }
            }
        }

        /// Whether `offset` is the start of a character: the end, or a byte that is not a UTF-8
        /// continuation byte.
        static func isBoundary(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Bool {
            offset == bytes.count || (offset < bytes.count && bytes[offset] & 0xC0 != 0x80)
        }
    }
#endif
