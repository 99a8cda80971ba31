/// A reader for the block YAML that lawkb's own writers emit (imported and generated lists):
/// block mappings and sequences, `key: value` lines, plain scalars, one-line double-quoted
/// scalars with escapes, `|-` literal blocks, comment lines and `#` comments after a value.
///
/// It reads a document in one pass over its bytes and builds a small tree, where Yams builds
/// a node (and a tag object) per scalar: on a list of 100,000 items that is most of the time
/// and memory of loading a corpus. It reads only what it can read exactly as Yams would —
/// anything else (flow collections, anchors, tags, multi-line plain or quoted scalars, tabs,
/// carriage returns, control or non-printable characters, duplicate keys, …) makes
/// ``parse(_:)`` return `nil`, and the caller reads the file with Yams, which gives the same
/// values or reports the problem with its line.
enum CanonicalYAML {
    /// A value of the document, with the line (1-based) Yams would give it.
    indirect enum Node: Sendable {
        /// A scalar; `plain` when written without quotes or block indicator (YAML's null
        /// words are null only when plain).
        case scalar(String, plain: Bool, line: Int)
        /// A mapping in file order; `line` is that of its first key.
        case mapping([Entry], line: Int)
        /// A sequence; `line` is that of its first `-`.
        case sequence([Node], line: Int)

        /// The line Yams's mark would give the node.
        var line: Int {
            switch self {
            case .scalar(_, _, let line), .mapping(_, let line), .sequence(_, let line): return line
            }
        }

        /// Whether Yams reads the node as null: a plain empty, `~` or `null` scalar.
        var isNull: Bool {
            guard case .scalar(let text, true, _) = self else { return false }
            return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
        }
    }

    /// A key and its value.
    struct Entry: Sendable {
        var key: String
        var value: Node
    }

    /// The document's top-level mapping, or `nil` when the text is not in the form this reader
    /// reads exactly (the caller then reads it with Yams).
    static func parse(_ text: String) -> Node? {
        var text = text
        return text.withUTF8 { parse(bytes: $0) }
    }

    /// The top-level mapping of the UTF-8 `bytes` of a file, or `nil` when they are not valid
    /// UTF-8 or not in the form this reader reads exactly. Reading the bytes of a file saves
    /// making a string of the whole of it first.
    static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Node? {
        guard let lines = readableLines(bytes) else { return nil }
        var reader = Reader(bytes: bytes, lines: lines, next: 0)
        return try? reader.document()
    }

    /// The lines of `bytes` (start, and end before the `\n`), or `nil` when they are not valid
    /// UTF-8 or hold characters this reader leaves to Yams (``Scan``).
    static func readableLines(_ bytes: UnsafeBufferPointer<UInt8>) -> [(start: Int, end: Int)]? {
        let scan = Scan(bytes)
        return scan.isValidUTF8 && scan.hasOnlyPlainCharacters ? scan.lines : nil
    }

    /// Whether `bytes` are well-formed UTF-8 (``Scan/isValidUTF8``).
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        Scan(bytes).isValidUTF8
    }

    /// One pass over the bytes of a document: whether they are UTF-8 this reader can read, and
    /// where its lines are. A list file of a hundred thousand items is 70 MB; one pass instead of
    /// three is a tenth of the time of reading it.
    struct Scan {
        /// Well-formed UTF-8: no stray continuation bytes, no overlong forms, no surrogates,
        /// nothing beyond U+10FFFF.
        private(set) var isValidUTF8 = true
        /// Free of everything this reader leaves to Yams at the level of characters: controls
        /// (tab and carriage return included), DEL, C1 controls and NEL, the line and paragraph
        /// separators, the byte-order mark and the non-characters U+FFFE/U+FFFF. Meaningful when
        /// ``isValidUTF8``.
        private(set) var hasOnlyPlainCharacters = true
        /// Start and end (exclusive, before `\n`) of each line.
        private(set) var lines: [(start: Int, end: Int)] = []

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            let count = bytes.count
            var index = 0
            var lineStart = 0
            while index < count {
                let lead = bytes[index]
                if lead < 0x80 {
                    if lead == 0x0A {
                        lines.append((lineStart, index))
                        lineStart = index + 1
                    } else if lead < 0x20 || lead == 0x7F {
                        hasOnlyPlainCharacters = false
                    }
                    index += 1
                    continue
                }
                if !Self.isPlain(at: index, in: bytes) { hasOnlyPlainCharacters = false }
                guard let length = Self.sequenceLength(at: index, in: bytes) else {
                    isValidUTF8 = false
                    index += 1
                    continue
                }
                index += length
            }
            if lineStart < count { lines.append((lineStart, count)) }
        }

        /// The length of the well-formed UTF-8 sequence whose lead byte (not ASCII) is at `index`;
        /// `nil` when there is none.
        @inline(__always)
        private static func sequenceLength(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch bytes[index] {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                upper = 0x9F
            case 0xF0:
                length = 4
                lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                upper = 0x8F
            default: return nil
            }
            guard index + length <= bytes.count, (lower...upper).contains(bytes[index + 1]) else { return nil }
            for offset in 2..<max(2, length) where !(0x80...0xBF).contains(bytes[index + offset]) {
                return nil
            }
            return length
        }

        /// Whether the character whose lead byte (not ASCII) is at `index` is none of C1 controls
        /// and NEL (`C2 80`…`C2 9F`), U+2028/U+2029, the byte-order mark, U+FFFE/U+FFFF.
        @inline(__always)
        private static func isPlain(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            let count = bytes.count
            switch bytes[index] {
            case 0xC2:
                return !(index + 1 < count && (0x80...0x9F).contains(bytes[index + 1]))
            case 0xE2:
                return !(index + 2 < count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9))
            case 0xEF:
                guard index + 2 < count else { return true }
                let (second, third) = (bytes[index + 1], bytes[index + 2])
                return !((second == 0xBB && third == 0xBF) || (second == 0xBF && (third == 0xBE || third == 0xBF)))
            default:
                return true
            }
        }
    }

    /// Why the reader gave up; never shown: the caller falls back to Yams.
    struct Unsupported: Error {}
}

extension CanonicalYAML {
    /// The state of one reading: the lines of the document and the next one to read.
    struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        /// Start and end (exclusive, before `\n`) of each line.
        var lines: [(start: Int, end: Int)] = []
        /// The next line not yet read.
        var next = 0
        /// The top-level key whose block sequence ``document()`` leaves unread, and where it
        /// found that sequence (``DeferredSequence``).
        var deferredKey: String?
        var deferred: DeferredSequence?
        /// Mappings and sequences open around the one being read.
        private var nesting = 0

        /// Deeper documents are left to Yams, whose parser stops at 1,000 levels with an error
        /// naming the line: reading them here would take a stack frame per level.
        static let maximumNesting = 256

        /// A reader of the same `bytes` whose lines are already known, at line `next`.
        init(bytes: UnsafeBufferPointer<UInt8>, lines: [(start: Int, end: Int)], next: Int) {
            self.bytes = bytes
            self.lines = lines
            self.next = next
        }

        // MARK: Lines

        /// Leading spaces of line `line`.
        func indent(_ line: Int) -> Int {
            var position = lines[line].start
            while position < lines[line].end && bytes[position] == 0x20 { position += 1 }
            return position - lines[line].start
        }

        /// Whether the line holds nothing to read: spaces only, or a comment.
        func isBlankOrComment(_ line: Int) -> Bool {
            let position = lines[line].start + indent(line)
            return position == lines[line].end || bytes[position] == UInt8(ascii: "#")
        }

        /// The next line with content at or after `next`, without consuming it.
        func peek() throws(Unsupported) -> Int? {
            var line = next
            while line < lines.count {
                if !isBlankOrComment(line) {
                    try checkNotMarker(line)
                    return line
                }
                line += 1
            }
            return nil
        }

        /// Document markers (`---`, `...`) and directives (`%`) are left to Yams.
        func checkNotMarker(_ line: Int) throws(Unsupported) {
            let start = lines[line].start
            let length = lines[line].end - start
            guard length >= 1 else { return }
            if bytes[start] == UInt8(ascii: "%") { throw Unsupported() }
            guard length >= 3 else { return }
            let first = bytes[start]
            if (first == UInt8(ascii: "-") || first == UInt8(ascii: ".")) && bytes[start + 1] == first
                && bytes[start + 2] == first
            {
                throw Unsupported()
            }
        }

        /// Whether line `line` has a sequence entry (`-` then a space or its end) at `column`.
        func isDash(_ line: Int, at column: Int) -> Bool {
            let position = lines[line].start + column
            guard position < lines[line].end, bytes[position] == UInt8(ascii: "-") else { return false }
            return position + 1 == lines[line].end || bytes[position + 1] == 0x20
        }

        // MARK: Structure

        mutating func document() throws(Unsupported) -> Node {
            guard let first = try peek(), indent(first) == 0, !isDash(first, at: 0) else { throw Unsupported() }
            let root = try mapping(indent: 0, line: first, column: 0)
            guard try peek() == nil else { throw Unsupported() }
            return root
        }

        /// A block mapping whose keys are at `indent`, the first at `column` of `line`.
        mutating func mapping(indent: Int, line: Int, column: Int) throws(Unsupported) -> Node {
            try enter()
            defer { nesting -= 1 }
            let firstLine = line
            var entries: [Entry] = []
            var line = line
            var column = column
            while true {
                let entry = try self.entry(line: line, column: column, indent: indent)
                if entries.contains(where: { $0.key == entry.key }) { throw Unsupported() }
                entries.append(entry)
                guard let following = try peek() else { break }
                let depth = self.indent(following)
                if depth < indent || (depth == indent && isDash(following, at: depth)) { break }
                guard depth == indent else { throw Unsupported() }
                line = following
                column = indent
            }
            return .mapping(entries, line: firstLine + 1)
        }

        /// A block sequence whose `-` are at `indent`, the first on line `line`.
        mutating func sequence(indent: Int, line: Int) throws(Unsupported) -> Node {
            try enter()
            defer { nesting -= 1 }
            let firstLine = line
            var elements: [Node] = []
            var line = line
            while true {
                elements.append(try element(indent: indent, line: line))
                guard let following = try peek() else { break }
                let depth = self.indent(following)
                guard depth == indent, isDash(following, at: depth) else {
                    if depth > indent { throw Unsupported() }
                    break
                }
                line = following
            }
            return .sequence(elements, line: firstLine + 1)
        }

        private mutating func enter() throws(Unsupported) {
            guard nesting < Self.maximumNesting else { throw Unsupported() }
            nesting += 1
        }

        /// The element of a block sequence whose `-` is at `indent` of `line`.
        mutating func element(indent: Int, line: Int) throws(Unsupported) -> Node {
            let start = lines[line].start
            var column = indent + 1
            while start + column < lines[line].end && bytes[start + column] == 0x20 { column += 1 }
            guard start + column < lines[line].end, !isDash(line, at: column) else { throw Unsupported() }
            next = line + 1
            if try keyEnd(line: line, column: column) != nil {
                return try mapping(indent: column, line: line, column: column)
            }
            return try inlineScalar(line: line, from: start + column)
        }

        /// One `key: value` of a mapping at `indent`, its key at `column` of `line`; consumes
        /// the lines of the value.
        mutating func entry(line: Int, column: Int, indent: Int) throws(Unsupported) -> Entry {
            guard let (key, afterColon) = try keyEnd(line: line, column: column) else { throw Unsupported() }
            next = line + 1
            let end = lines[line].end
            var position = afterColon
            while position < end && bytes[position] == 0x20 { position += 1 }
            if position == end || bytes[position] == UInt8(ascii: "#") {
                if indent == 0, key == deferredKey, let sequence = try skipSequence(under: indent) {
                    deferred = sequence
                    return Entry(key: key, value: .sequence([], line: sequence.first + 1))
                }
                return Entry(key: key, value: try nested(under: indent, keyLine: line))
            }
            if bytes[position] == UInt8(ascii: "|") {
                guard end - position == 2, bytes[position + 1] == UInt8(ascii: "-") else { throw Unsupported() }
                return Entry(key: key, value: try literalBlock(headerLine: line, parentIndent: indent))
            }
            return Entry(key: key, value: try inlineScalar(line: line, from: position))
        }

        /// The value of a key with nothing after its colon: a sequence or mapping on the lines
        /// below, or null (marked, as Yams marks it, on the line of the key).
        mutating func nested(under indent: Int, keyLine: Int) throws(Unsupported) -> Node {
            guard let following = try peek() else { throw Unsupported() }
            let depth = self.indent(following)
            if depth > indent {
                return isDash(following, at: depth)
                    ? try sequence(indent: depth, line: following)
                    : try mapping(indent: depth, line: following, column: depth)
            }
            if depth == indent && isDash(following, at: depth) {
                return try sequence(indent: depth, line: following)
            }
            return .scalar("", plain: true, line: keyLine + 1)
        }

        /// The block sequence on the lines below a key at `indent`, left unread: its `-` column
        /// and the lines it spans (``DeferredSequence``); `nil` when no block sequence is there.
        /// Its lines are only told apart from what follows, by their indentation; they are read,
        /// and anything this reader leaves to Yams found, when the elements are read.
        mutating func skipSequence(under indent: Int) throws(Unsupported) -> DeferredSequence? {
            guard let first = try peek() else { return nil }
            let depth = self.indent(first)
            guard depth >= indent, isDash(first, at: depth) else { return nil }
            var line = first + 1
            while line < lines.count {
                if !isBlankOrComment(line) {
                    let lineIndent = self.indent(line)
                    if lineIndent < depth || (lineIndent == depth && !isDash(line, at: depth)) { break }
                }
                line += 1
            }
            next = line
            return DeferredSequence(first: first, indent: depth, end: line)
        }

        /// The next elements, at most `count`, of the sequence `sequence`, from line `next`;
        /// none once it is read to its end.
        mutating func elements(of sequence: DeferredSequence, count: Int) throws(Unsupported) -> [Node] {
            nesting = 2  // inside the top-level mapping and the sequence, as when read whole
            var elements: [Node] = []
            while elements.count < count, let line = try peek(), line < sequence.end {
                guard self.indent(line) == sequence.indent, isDash(line, at: sequence.indent) else { throw Unsupported() }
                elements.append(try element(indent: sequence.indent, line: line))
            }
            return elements
        }

        // MARK: Keys and scalars

        /// The key at `column` of `line` and the position after its `:`, or `nil` when no key
        /// starts there. Throws for keys this reader leaves to Yams.
        func keyEnd(line: Int, column: Int) throws(Unsupported) -> (key: String, after: Int)? {
            let end = lines[line].end
            let start = lines[line].start + column
            if bytes[start] == UInt8(ascii: "\"") {
                let (key, after) = try quoted(from: start, end: end)
                guard after < end, bytes[after] == UInt8(ascii: ":"),
                    after + 1 == end || bytes[after + 1] == 0x20
                else { return nil }
                return (key, after + 1)
            }
            var position = start
            while position < end {
                let byte = bytes[position]
                if byte == UInt8(ascii: ":") && (position + 1 == end || bytes[position + 1] == 0x20) { break }
                if byte == UInt8(ascii: "#") && position > start && bytes[position - 1] == 0x20 { return nil }
                position += 1
            }
            guard position < end else { return nil }
            let key = UnsafeBufferPointer(rebasing: bytes[start..<position])
            guard Self.isPlain(key), !(key.count <= 2 && (key.elementsEqual("<<".utf8) || key.elementsEqual("=".utf8)))
            else { throw Unsupported() }
            return (String(decoding: key, as: UTF8.self), position + 1)
        }

        /// A scalar written on the rest of `line` from `position`: double-quoted (then maybe a
        /// comment) or plain.
        func inlineScalar(line: Int, from position: Int) throws(Unsupported) -> Node {
            let end = lines[line].end
            if bytes[position] == UInt8(ascii: "\"") {
                let (text, quoteEnd) = try quoted(from: position, end: end)
                var after = quoteEnd
                while after < end && bytes[after] == 0x20 { after += 1 }
                guard after == end || (bytes[after] == UInt8(ascii: "#") && after > quoteEnd) else { throw Unsupported() }
                return .scalar(text, plain: false, line: line + 1)
            }
            let value = UnsafeBufferPointer(rebasing: bytes[position..<end])
            guard Self.isPlain(value) else { throw Unsupported() }
            return .scalar(String(decoding: value, as: UTF8.self), plain: true, line: line + 1)
        }

        /// Characters that may not start a plain scalar (or that this reader leaves to Yams).
        static let indicators: Set<UInt8> = Set("-?:,[]{}#&*!|>'\"%@`".utf8)

        /// Whether `text`, a whole key or value on one line, is a plain scalar Yams reads as
        /// exactly these characters: no indicator first, no `: ` or ` #` inside, no `:` or
        /// space at the end.
        static func isPlain(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
            guard let first = text.first, let last = text.last, !indicators.contains(first), first != 0x20,
                last != 0x20, last != UInt8(ascii: ":")
            else { return false }
            var previous: UInt8 = 0
            for byte in text {
                if previous == UInt8(ascii: ":") && byte == 0x20 { return false }
                if previous == 0x20 && byte == UInt8(ascii: "#") { return false }
                previous = byte
            }
            return true
        }

        /// A double-quoted scalar starting at `position` and closed on the same line; returns
        /// its text and the position after the closing quote.
        func quoted(from position: Int, end: Int) throws(Unsupported) -> (String, Int) {
            var output: [UInt8] = []
            var index = position + 1
            while index < end {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    return (String(decoding: output, as: UTF8.self), index + 1)
                }
                guard byte == UInt8(ascii: "\\") else {
                    output.append(byte)
                    index += 1
                    continue
                }
                guard index + 1 < end else { throw Unsupported() }
                index += 2
                switch bytes[index - 1] {
                case UInt8(ascii: "\\"): output.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "\""): output.append(UInt8(ascii: "\""))
                case UInt8(ascii: "/"): output.append(UInt8(ascii: "/"))
                case 0x20: output.append(0x20)
                case UInt8(ascii: "n"): output.append(0x0A)
                case UInt8(ascii: "t"): output.append(0x09)
                case UInt8(ascii: "r"): output.append(0x0D)
                case UInt8(ascii: "a"): output.append(0x07)
                case UInt8(ascii: "b"): output.append(0x08)
                case UInt8(ascii: "v"): output.append(0x0B)
                case UInt8(ascii: "f"): output.append(0x0C)
                case UInt8(ascii: "e"): output.append(0x1B)
                case UInt8(ascii: "N"): output += Array("\u{85}".utf8)
                case UInt8(ascii: "_"): output += Array("\u{A0}".utf8)
                case UInt8(ascii: "L"): output += Array("\u{2028}".utf8)
                case UInt8(ascii: "P"): output += Array("\u{2029}".utf8)
                case UInt8(ascii: "x"): try appendCode(digits: 2, at: &index, end: end, to: &output)
                case UInt8(ascii: "u"): try appendCode(digits: 4, at: &index, end: end, to: &output)
                case UInt8(ascii: "U"): try appendCode(digits: 8, at: &index, end: end, to: &output)
                default: throw Unsupported()
                }
            }
            throw Unsupported()
        }

        /// Appends the scalar of `digits` hex digits at `index` (a `\x`, `\u` or `\U` escape);
        /// NUL and values that are no scalar are left to Yams.
        func appendCode(digits: Int, at index: inout Int, end: Int, to output: inout [UInt8]) throws(Unsupported) {
            guard index + digits <= end else { throw Unsupported() }
            var value: UInt32 = 0
            for offset in 0..<digits {
                guard let digit = Self.hexValue(bytes[index + offset]) else { throw Unsupported() }
                value = value << 4 | digit
            }
            index += digits
            guard value != 0, let scalar = Unicode.Scalar(value) else { throw Unsupported() }
            output += Array(String(Character(scalar)).utf8)
        }

        static func hexValue(_ byte: UInt8) -> UInt32? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
        }

        /// A `|-` block after the header on `headerLine`: lines indented deeper than the key,
        /// the indentation of the first taken off each, final line breaks removed.
        mutating func literalBlock(headerLine: Int, parentIndent: Int) throws(Unsupported) -> Node {
            var line = headerLine + 1
            var pendingEmpty = 0
            while line < lines.count && lines[line].start == lines[line].end {
                pendingEmpty += 1
                line += 1
            }
            guard line < lines.count else { throw Unsupported() }
            let depth = indent(line)
            guard depth > parentIndent, lines[line].start + depth < lines[line].end else { throw Unsupported() }
            var output: [UInt8] = []
            var first = true
            while line < lines.count {
                let (start, end) = lines[line]
                if start == end {
                    pendingEmpty += 1
                    line += 1
                    continue
                }
                let lineIndent = indent(line)
                if start + lineIndent == end { throw Unsupported() }  // spaces only: left to Yams
                if lineIndent < depth { break }
                if !first { output.append(0x0A) }
                output += Array(repeating: 0x0A, count: pendingEmpty)
                pendingEmpty = 0
                first = false
                output += UnsafeBufferPointer(rebasing: bytes[(start + depth)..<end])
                line += 1
            }
            next = line
            return .scalar(String(decoding: output, as: UTF8.self), plain: false, line: headerLine + 1)
        }
    }
}
