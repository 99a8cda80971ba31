import Foundation

/// Why reading a part stopped: a problem at a position (the current token's when `nil`),
/// or a limit passed. Turned into an ``ImportError`` naming the file and part.
enum PartError: Error, Equatable {
    case problem(PartProblem, at: PartPosition?)
    case limit(ImportLimit, found: Int, row: Int?)
}

/// A small, strict, streaming XML 1.0 parser for the parts of an Office Open XML package.
///
/// Bytes are fed in chunks as they are inflated; ``next()`` hands out one event at a time
/// (element start, element end, text) and returns `nil` when it needs more input. Work is
/// linear in the input and memory is bounded by the largest token (``maximumTokenBytes``):
/// text is handed out in pieces as it arrives, a tag, comment or CDATA section longer
/// than the bound is refused.
///
/// Strict as XML 1.0 asks of a well-formed document: the five predefined entities and
/// numeric character references are decoded (and nothing after them lost); any other
/// entity, any document type declaration (the carrier of entity bombs), control
/// characters, mismatched or unclosed tags, duplicate attributes, text outside the root
/// and an input that ends inside an element are errors, with the line, column and byte
/// offset where they occur. Encodings other than UTF-8 are refused.
final class XMLPullParser {
    /// One step of the document.
    enum Event: Equatable {
        /// The start of an element: the index of its local name in ``names``, or -1.
        case start(Int)
        /// The end of an element (also sent right after the start of an empty element).
        case end(Int)
        /// Character data, decoded, in ``text``; one text may come as several events.
        case text
    }

    /// Local names reported by index; other elements are reported as -1.
    let names: [[UInt8]]
    /// The longest tag, comment, processing instruction or CDATA section accepted.
    let maximumTokenBytes: Int
    /// The deepest nesting accepted.
    static let maximumDepth = 256

    /// When `false`, character data is checked but not copied into ``text``.
    var captureText = false
    /// The bytes of the last ``Event/text`` event (when ``captureText``).
    private(set) var text: [UInt8] = []

    private var buffer: [UInt8] = []
    private var cursor = 0
    private var bufferOffset = 0
    private var isFinal = false

    private var countedOffset = 0
    private var line = 1
    private var lineStart = 0

    private var stackBytes: [UInt8] = []
    private var stack: [(start: Int, name: Int, position: PartPosition)] = []
    private var sawRoot = false
    private var rootClosed = false
    private var pendingEnd: Int?
    private var tokenStart = 0

    private var attributeBytes: [UInt8] = []
    private var attributes: [(name: Range<Int>, local: Range<Int>, value: Range<Int>)] = []

    /// A parser reporting the elements called `names` by their index.
    init(names: [String], maximumTokenBytes: Int) {
        self.names = names.map { Array($0.utf8) }
        self.maximumTokenBytes = max(64, maximumTokenBytes)
    }

    /// Appends the next chunk of the part.
    func feed(_ data: Data) {
        if cursor > 0 {
            advanceLines(to: bufferOffset + cursor)
            buffer.removeSubrange(0..<cursor)
            bufferOffset += cursor
            cursor = 0
        }
        buffer.append(contentsOf: data)
    }

    /// Marks the end of the part: ``next()`` then reports what is left, and an element
    /// still open is an error.
    func finish() {
        isFinal = true
    }

    /// The position where the current event starts.
    var position: PartPosition { position(at: tokenStart) }

    /// The next event, or `nil` when more input is needed (or, after ``finish()``, at the end).
    func next() throws(PartError) -> Event? {
        if let name = pendingEnd {
            pendingEnd = nil
            if stack.isEmpty { rootClosed = true }
            return .end(name)
        }
        while true {
            guard cursor < buffer.count else {
                if isFinal { try checkEnd() }
                return nil
            }
            tokenStart = bufferOffset + cursor
            if bufferOffset + cursor == 0 {
                switch try byteOrderMark() {
                case .needMore: return nil
                case .skipped: continue
                case .event: break
                }
            }
            if buffer[cursor] == UInt8(ascii: "<") {
                switch try markup() {
                case .needMore: return nil
                case .skipped: continue
                case .event(let event): return event
                }
            }
            guard try characterData() else { return nil }
            return .text
        }
    }

    // MARK: - Attributes of the current start tag

    /// The value of the attribute whose local name (the part after any `prefix:`) is `local`.
    func attribute(_ local: String) throws(PartError) -> String? {
        for attribute in attributes where attributeBytes[attribute.local].elementsEqual(local.utf8) {
            return try string(attributeBytes[attribute.value])
        }
        return nil
    }

    /// `bytes` as a string; bytes that are not UTF-8 are an error.
    func string<C: Collection>(_ bytes: C) throws(PartError) -> String where C.Element == UInt8 {
        guard let string = String(validating: bytes, as: UTF8.self) else {
            throw PartError.problem(.invalidUTF8, at: nil)
        }
        return string
    }

    // MARK: - Positions

    private func position(at offset: Int) -> PartPosition {
        advanceLines(to: offset)
        return PartPosition(line: line, column: max(1, offset - lineStart + 1), offset: offset)
    }

    /// Counts the lines up to `offset` (which only moves forward).
    private func advanceLines(to offset: Int) {
        guard offset > countedOffset else { return }
        var index = max(0, countedOffset - bufferOffset)
        let end = min(buffer.count, offset - bufferOffset)
        while index < end {
            if buffer[index] == 0x0A {
                line += 1
                lineStart = bufferOffset + index + 1
            }
            index += 1
        }
        countedOffset = offset
    }

    private func fail(_ problem: PartProblem, at index: Int? = nil) -> PartError {
        .problem(problem, at: position(at: bufferOffset + (index ?? cursor)))
    }

    // MARK: - Start and end of input

    /// Skips a UTF-8 byte-order mark at the very start (`.skipped`), waits for more input
    /// when the start could still be one, refuses UTF-16 and UTF-32 marks; `.event` when
    /// there is no mark.
    private func byteOrderMark() throws(PartError) -> Step {
        let mark: [UInt8] = [0xEF, 0xBB, 0xBF]
        if buffer.starts(with: mark) {
            cursor = 3
            return .skipped
        }
        if buffer.starts(with: [0xFE, 0xFF]) || buffer.starts(with: [0xFF, 0xFE]) || buffer.starts(with: [0, 0]) {
            throw fail(.unsupportedEncoding("UTF-16/UTF-32"))
        }
        if buffer.count < 3, !isFinal, mark.starts(with: buffer) || buffer == [0xFE] || buffer == [0xFF] || buffer == [0] {
            return .needMore
        }
        return .event(.text)
    }

    private func checkEnd() throws(PartError) {
        if let open = stack.last {
            let name = string(lossy: stackBytes[open.start...])
            throw PartError.problem(
                .unexpectedEnd(open: name, openedAt: open.position),
                at: position(at: bufferOffset + buffer.count))
        }
        if !sawRoot {
            throw PartError.problem(
                .unexpectedEnd(open: nil, openedAt: nil),
                at: position(at: bufferOffset + buffer.count))
        }
    }

    private func string<C: Collection>(lossy bytes: C) -> String where C.Element == UInt8 {
        String(decoding: bytes, as: UTF8.self)
    }

    // MARK: - Character data

    /// Reads character data up to the next `<` or the end of the input so far; `false`
    /// when nothing can be read before more input arrives.
    private func characterData() throws(PartError) -> Bool {
        text.removeAll(keepingCapacity: true)
        var index = cursor
        var run = cursor
        let end = buffer.count
        func flush(_ upTo: Int) {
            if captureText, upTo > run { text.append(contentsOf: buffer[run..<upTo]) }
        }
        scan: while index < end {
            let byte = buffer[index]
            switch byte {
            case UInt8(ascii: "<"):
                break scan
            case UInt8(ascii: "&"):
                if stack.isEmpty { throw fail(.textOutsideRoot, at: index) }
                flush(index)
                run = index
                guard let next = try reference(at: index) else { break scan }
                index = next
                run = index
            case 0x0D:
                // Line ends are normalised to LF, as XML 1.0 §2.11 says.
                if index + 1 == end, !isFinal { break scan }
                flush(index)
                if captureText { text.append(0x0A) }
                index += index + 1 < end && buffer[index + 1] == 0x0A ? 2 : 1
                run = index
            case 0x20, 0x09, 0x0A:
                index += 1
            default:
                if byte < 0x20 { throw fail(.forbiddenCharacter(UInt32(byte)), at: index) }
                if stack.isEmpty { throw fail(.textOutsideRoot, at: index) }
                index += 1
            }
        }
        flush(index)
        guard index > cursor else {
            if isFinal, index < end { throw fail(.malformedReference(string(lossy: buffer[index...])), at: index) }
            return false
        }
        cursor = index
        return true
    }

    /// Decodes the reference starting with the `&` at `index` into ``text``; returns the
    /// index after its `;`, or `nil` when the input so far ends inside it.
    private func reference(at index: Int) throws(PartError) -> Int? {
        let limit = min(buffer.count, index + 34)
        var semicolon = index + 1
        while semicolon < limit, buffer[semicolon] != UInt8(ascii: ";") { semicolon += 1 }
        guard semicolon < limit else {
            if limit == buffer.count, !isFinal { return nil }
            throw fail(.malformedReference(string(lossy: buffer[index..<limit])), at: index)
        }
        let body = buffer[(index + 1)..<semicolon]
        guard let scalar = Self.decodeReference(body) else {
            let name = string(lossy: body)
            if body.first != UInt8(ascii: "#"), !body.isEmpty, body.allSatisfy(Self.isNameByte) {
                throw fail(.undefinedEntity(name), at: index)
            }
            throw fail(.malformedReference("&\(name);"), at: index)
        }
        if captureText { text.append(contentsOf: Array(String(scalar).utf8)) }
        return semicolon + 1
    }

    /// The character of an entity or character reference body (`amp`, `#38`, `#x26`),
    /// `nil` when it names no XML character.
    static func decodeReference(_ body: ArraySlice<UInt8>) -> Unicode.Scalar? {
        switch String(decoding: body, as: UTF8.self) {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default: break
        }
        guard body.first == UInt8(ascii: "#") else { return nil }
        var digits = body.dropFirst()
        var radix: UInt32 = 10
        if digits.first == UInt8(ascii: "x") {
            radix = 16
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.count <= 10 else { return nil }
        var value: UInt32 = 0
        for byte in digits {
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F") where radix == 16: digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
            let (product, overflow) = value.multipliedReportingOverflow(by: radix)
            guard !overflow, product <= 0x10FFFF else { return nil }
            value = product + digit
        }
        guard isXMLCharacter(value) else { return nil }
        return Unicode.Scalar(value)
    }

    /// Whether XML 1.0 allows the character in a document (§2.2).
    static func isXMLCharacter(_ value: UInt32) -> Bool {
        value == 0x9 || value == 0xA || value == 0xD || (0x20...0xD7FF).contains(value)
            || (0xE000...0xFFFD).contains(value) || (0x10000...0x10FFFF).contains(value)
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: ":"), UInt8(ascii: "-"),
            UInt8(ascii: "."), 0x80...0xFF:
            return true
        default:
            return false
        }
    }

    static func isNameStart(_ byte: UInt8) -> Bool {
        isNameByte(byte) && !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            && byte != UInt8(ascii: "-") && byte != UInt8(ascii: ".")
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    // MARK: - Markup

    private enum Step {
        case needMore
        case skipped
        case event(Event)
    }

    private func has(_ prefix: String, at index: Int) -> Bool? {
        let bytes = Array(prefix.utf8)
        let available = buffer.count - index
        if available < bytes.count {
            return buffer[index...].elementsEqual(bytes.prefix(available)) && !isFinal ? nil : false
        }
        return buffer[index..<(index + bytes.count)].elementsEqual(bytes)
    }

    /// Reads the markup at `<`.
    private func markup() throws(PartError) -> Step {
        guard cursor + 1 < buffer.count else {
            if isFinal { throw fail(.malformedMarkup("“<” 之后没有内容")) }
            return .needMore
        }
        switch buffer[cursor + 1] {
        case UInt8(ascii: "?"):
            return try processingInstruction()
        case UInt8(ascii: "!"):
            return try declarationOrComment()
        case UInt8(ascii: "/"):
            return try endTag()
        default:
            return try startTag()
        }
    }

    /// The index after `terminator`, searched from `from`; `nil` when the input so far ends first.
    private func find(_ terminator: [UInt8], from: Int) throws(PartError) -> Int? {
        let limit = min(buffer.count, cursor + maximumTokenBytes)
        var index = from
        let first = terminator[0]
        while index + terminator.count <= limit {
            if buffer[index] == first, buffer[index..<(index + terminator.count)].elementsEqual(terminator) {
                return index + terminator.count
            }
            index += 1
        }
        try needMoreOrFail(limit: limit)
        return nil
    }

    /// At the end of the input so far without the end of the token: an error when the
    /// token is already too long or the input is complete.
    private func needMoreOrFail(limit: Int) throws(PartError) {
        if limit - cursor >= maximumTokenBytes {
            throw PartError.limit(.cellBytes, found: limit - cursor, row: nil)
        }
        if isFinal {
            throw PartError.problem(
                .unexpectedEnd(
                    open: stack.last.map { string(lossy: stackBytes[$0.start...]) },
                    openedAt: stack.last?.position),
                at: position(at: bufferOffset + buffer.count))
        }
    }

    private func processingInstruction() throws(PartError) -> Step {
        guard let end = try find(Array("?>".utf8), from: cursor + 2) else { return .needMore }
        let body = buffer[(cursor + 2)..<(end - 2)]
        let target = body.prefix { !Self.isSpace($0) }
        if String(decoding: target, as: UTF8.self).lowercased() == "xml" {
            guard tokenStart <= 3, !sawRoot else {
                throw fail(.malformedMarkup("XML 声明只能写在部件开头"))
            }
            let declaration = String(decoding: body, as: UTF8.self)
            if let encoding = Self.pseudoAttribute("encoding", in: declaration),
                !["utf-8", "utf8"].contains(encoding.lowercased())
            {
                throw fail(.unsupportedEncoding(encoding))
            }
        }
        cursor = end
        return .skipped
    }

    /// `name="value"` in an XML declaration.
    static func pseudoAttribute(_ name: String, in text: String) -> String? {
        guard let range = text.range(of: name) else { return nil }
        let rest = text[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        return String(rest.dropFirst().prefix { $0 != quote })
    }

    private func declarationOrComment() throws(PartError) -> Step {
        guard let comment = has("<!--", at: cursor) else { return .needMore }
        if comment {
            guard let end = try find(Array("-->".utf8), from: cursor + 4) else { return .needMore }
            cursor = end
            return .skipped
        }
        guard let cdata = has("<![CDATA[", at: cursor) else { return .needMore }
        if cdata {
            guard let end = try find(Array("]]>".utf8), from: cursor + 9) else { return .needMore }
            guard !stack.isEmpty else { throw fail(.textOutsideRoot) }
            text.removeAll(keepingCapacity: true)
            var index = cursor + 9
            while index < end - 3 {
                let byte = buffer[index]
                if byte < 0x20, !Self.isSpace(byte) { throw fail(.forbiddenCharacter(UInt32(byte)), at: index) }
                if byte == 0x0D {
                    if captureText { text.append(0x0A) }
                    index += buffer[index + 1] == 0x0A ? 2 : 1
                    continue
                }
                if captureText { text.append(byte) }
                index += 1
            }
            cursor = end
            return .event(.text)
        }
        // <!DOCTYPE …> and <!ENTITY …>: refused before anything in them is read.
        let upper = buffer[cursor..<min(buffer.count, cursor + 9)].map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }
        for keyword in ["<!DOCTYPE", "<!ENTITY"] {
            let bytes = Array(keyword.utf8)
            let length = min(bytes.count, upper.count)
            guard upper.prefix(length).elementsEqual(bytes.prefix(length)) else { continue }
            if length == bytes.count { throw fail(.doctype) }
            if !isFinal { return .needMore }
        }
        throw fail(.malformedMarkup("无法识别的“<!”标记"))
    }

    private func endTag() throws(PartError) -> Step {
        guard let end = try find([UInt8(ascii: ">")], from: cursor + 2) else { return .needMore }
        var nameEnd = cursor + 2
        while nameEnd < end - 1, Self.isNameByte(buffer[nameEnd]) { nameEnd += 1 }
        let name = buffer[(cursor + 2)..<nameEnd]
        guard !name.isEmpty, buffer[nameEnd..<(end - 1)].allSatisfy(Self.isSpace) else {
            throw fail(.malformedMarkup("结束标签写法错误"))
        }
        guard let open = stack.last else { throw fail(.strayEndTag(string(lossy: name))) }
        guard stackBytes[open.start...].elementsEqual(name) else {
            throw fail(
                .mismatchedEndTag(
                    expected: string(lossy: stackBytes[open.start...]), found: string(lossy: name),
                    openedAt: open.position))
        }
        stack.removeLast()
        stackBytes.removeSubrange(open.start...)
        if stack.isEmpty { rootClosed = true }
        cursor = end
        return .event(.end(open.name))
    }

    private func startTag() throws(PartError) -> Step {
        // The closing `>`, outside quoted attribute values.
        let limit = min(buffer.count, cursor + maximumTokenBytes)
        var index = cursor + 1
        var quote: UInt8 = 0
        while index < limit {
            let byte = buffer[index]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                break
            }
            index += 1
        }
        guard index < limit else {
            try needMoreOrFail(limit: limit)
            return .needMore
        }
        let close = index
        let isEmpty = close > cursor + 1 && buffer[close - 1] == UInt8(ascii: "/")
        let contentEnd = isEmpty ? close - 1 : close

        var nameEnd = cursor + 1
        while nameEnd < contentEnd, Self.isNameByte(buffer[nameEnd]) { nameEnd += 1 }
        guard nameEnd > cursor + 1, Self.isNameStart(buffer[cursor + 1]) else {
            throw fail(.malformedMarkup("“<” 之后应是元素名"))
        }
        if stack.isEmpty, rootClosed { throw fail(.secondRoot(string(lossy: buffer[(cursor + 1)..<nameEnd]))) }
        guard stack.count < Self.maximumDepth else { throw fail(.nestingTooDeep(Self.maximumDepth)) }
        try readAttributes(from: nameEnd, to: contentEnd)

        let qualified = buffer[(cursor + 1)..<nameEnd]
        let local = qualified.lastIndex(of: UInt8(ascii: ":")).map { qualified[($0 + 1)...] } ?? qualified
        let name = names.firstIndex { $0.count == local.count && $0.elementsEqual(local) } ?? -1
        sawRoot = true
        if isEmpty {
            pendingEnd = name
        } else {
            stack.append((stackBytes.count, name, position(at: tokenStart)))
            stackBytes.append(contentsOf: qualified)
        }
        cursor = close + 1
        return .event(.start(name))
    }

    /// Reads the attributes between `from` and `end` into ``attributes``.
    private func readAttributes(from: Int, to end: Int) throws(PartError) {
        attributeBytes.removeAll(keepingCapacity: true)
        attributes.removeAll(keepingCapacity: true)
        var seen = Set<[UInt8]>()
        var index = from
        while true {
            let spaceStart = index
            while index < end, Self.isSpace(buffer[index]) { index += 1 }
            guard index < end else { return }
            guard index > spaceStart else { throw fail(.malformedMarkup("属性之前应有空白"), at: index) }
            let nameStart = index
            while index < end, Self.isNameByte(buffer[index]) { index += 1 }
            let name = buffer[nameStart..<index]
            guard !name.isEmpty, Self.isNameStart(name.first!) else {
                throw fail(.malformedMarkup("属性名写法错误"), at: nameStart)
            }
            while index < end, Self.isSpace(buffer[index]) { index += 1 }
            guard index < end, buffer[index] == UInt8(ascii: "=") else {
                throw fail(.malformedMarkup("属性 \(string(lossy: name)) 没有值"), at: index)
            }
            index += 1
            while index < end, Self.isSpace(buffer[index]) { index += 1 }
            guard index < end, buffer[index] == UInt8(ascii: "\"") || buffer[index] == UInt8(ascii: "'") else {
                throw fail(.malformedMarkup("属性 \(string(lossy: name)) 的值应加引号"), at: index)
            }
            let quote = buffer[index]
            index += 1
            let valueStart = index
            while index < end, buffer[index] != quote { index += 1 }
            guard index < end else { throw fail(.malformedMarkup("属性值的引号没有闭合"), at: valueStart) }
            let value = valueStart..<index
            index += 1

            let storedName = attributeBytes.count..<(attributeBytes.count + name.count)
            attributeBytes.append(contentsOf: name)
            let colon = name.lastIndex(of: UInt8(ascii: ":")).map { $0 - nameStart + 1 } ?? 0
            let storedLocal = (storedName.lowerBound + colon)..<storedName.upperBound
            let valueBegin = attributeBytes.count
            try appendAttributeValue(value)
            attributes.append((storedName, storedLocal, valueBegin..<attributeBytes.count))
            if attributes.count <= 16 {
                let duplicate = attributes.dropLast().contains { attributeBytes[$0.name].elementsEqual(name) }
                if duplicate { throw fail(.duplicateAttribute(string(lossy: name)), at: nameStart) }
            } else {
                if seen.isEmpty { for attribute in attributes.dropLast() { seen.insert(Array(attributeBytes[attribute.name])) } }
                guard seen.insert(Array(name)).inserted else {
                    throw fail(.duplicateAttribute(string(lossy: name)), at: nameStart)
                }
            }
        }
    }

    /// Appends an attribute value, references decoded and white space normalised (§3.3.3).
    private func appendAttributeValue(_ range: Range<Int>) throws(PartError) {
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = buffer[index]
            switch byte {
            case UInt8(ascii: "<"):
                throw fail(.malformedMarkup("属性值中不能有“<”"), at: index)
            case UInt8(ascii: "&"):
                var semicolon = index + 1
                while semicolon < range.upperBound, semicolon < index + 34, buffer[semicolon] != UInt8(ascii: ";") {
                    semicolon += 1
                }
                guard semicolon < range.upperBound, buffer[semicolon] == UInt8(ascii: ";") else {
                    throw fail(
                        .malformedReference(string(lossy: buffer[index..<min(range.upperBound, index + 34)])),
                        at: index)
                }
                let body = buffer[(index + 1)..<semicolon]
                guard let scalar = Self.decodeReference(body) else {
                    if body.first != UInt8(ascii: "#"), !body.isEmpty, body.allSatisfy(Self.isNameByte) {
                        throw fail(.undefinedEntity(string(lossy: body)), at: index)
                    }
                    throw fail(.malformedReference("&\(string(lossy: body));"), at: index)
                }
                attributeBytes.append(contentsOf: Array(String(scalar).utf8))
                index = semicolon + 1
            case 0x0D:
                attributeBytes.append(0x20)
                index += index + 1 < range.upperBound && buffer[index + 1] == 0x0A ? 2 : 1
            case 0x09, 0x0A:
                attributeBytes.append(0x20)
                index += 1
            default:
                if byte < 0x20 { throw fail(.forbiddenCharacter(UInt32(byte)), at: index) }
                attributeBytes.append(byte)
                index += 1
            }
        }
    }
}
