import GRDB
import GRDBSQLite

/// The FTS5 auxiliary function `lawkb_snippet(unit_fts, column, open, close, ellipsis,
/// tokens[, match])`: a passage of about `tokens` tokens of `column` around the best
/// cluster of matches, each match between `open` and `close`, `ellipsis` where text was
/// left out — what FTS5's `snippet()` answers for the same arguments, on the index's
/// bigram tokens.
///
/// FTS5's own `snippet()` and `highlight()` cannot be used on them: a document bigram's
/// range covers two characters, so the matches 罚罚 at positions 0 and 1 of 罚罚罚 overlap,
/// and FTS5 then repeats text. Here each phrase instance (`xInst`, `xPhraseSize`) becomes
/// the byte range from its first token's start to its last token's end (`xTokenize`), and
/// overlapping ranges are merged before they are marked. A phrase FTS5 matched as a prefix
/// (`"罚"*`, a phrase ending in a single Han character) ends after the first character of
/// its last token: the optional `match` argument, the MATCH expression itself, says which
/// phrases those are; without it a last token is marked whole.
///
/// The passage is chosen as FTS5 chooses it: for each instance, the window of `tokens`
/// tokens around the instances it holds, scored 1000 for each phrase it holds and 1 for each
/// further instance; a window starting a sentence scores 100 more (120 at the start of the
/// text); the first best window wins.
///
/// Registered on every connection (``KnowledgeBase/configuration(readonly:)``). Every
/// pointer and offset FTS5 hands over is checked; a failure answers an SQLite error.
public enum SnippetFunction {
    /// The SQL name of the function.
    public static let name = "lawkb_snippet"
    /// The longest passage, in tokens (FTS5's `snippet()` has the same limit).
    public static let maximumTokens = 64
    /// Most instances tried as window starts: the first ones, which bounds the work on a
    /// text that matches everywhere (a single common character).
    static let maximumCandidates = 2048

    /// Registers the function on `db`.
    public static func register(_ db: Database) throws {
        try FTS5Extension.register(name, snippetCallback, on: db)
    }

    /// Which phrases of the FTS5 expression `expression` are prefixes (a quoted string
    /// followed by `*`), in FTS5's phrase order; `nil` when the expression has phrases that
    /// are not quoted strings, whose order this cannot tell.
    static func prefixPhrases(in expression: [UInt8]) -> [Bool]? {
        var result: [Bool] = []
        var index = 0
        while index < expression.count {
            let byte = expression[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                while index < expression.count {
                    if expression[index] == UInt8(ascii: "\"") {
                        if index + 1 < expression.count, expression[index + 1] == UInt8(ascii: "\"") {
                            index += 2
                            continue
                        }
                        break
                    }
                    index += 1
                }
                index += 1
                var next = index
                while next < expression.count, expression[next] == UInt8(ascii: " ") { next += 1 }
                let isPrefix = next < expression.count && expression[next] == UInt8(ascii: "*")
                result.append(isPrefix)
                if isPrefix { index = next + 1 }
            } else if isOperatorByte(byte) {
                index += 1
            } else {
                return nil
            }
        }
        return result
    }

    /// Bytes an expression of quoted phrases has outside its strings: spaces, parentheses,
    /// `*`, the NEAR distance and the operators AND, OR, NOT and NEAR.
    private static func isOperatorByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: ","), UInt8(ascii: "*"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A"), UInt8(ascii: "N"), UInt8(ascii: "D"),
            UInt8(ascii: "O"), UInt8(ascii: "R"), UInt8(ascii: "T"), UInt8(ascii: "E"):
            return true
        default:
            return false
        }
    }
}

/// The arguments of one call, read from SQLite values.
private struct SnippetArguments {
    var column: Int32
    var open: [UInt8]
    var close: [UInt8]
    var ellipsis: [UInt8]
    var tokens: Int
    var expression: [UInt8]?

    /// Reads `count` values, or answers the message of an error.
    static func read(_ values: UnsafeMutablePointer<OpaquePointer?>, count: Int32) -> Result<Self, ArgumentError> {
        guard count == 5 || count == 6 else { return .failure(ArgumentError(message: "需要 5 或 6 个参数")) }
        let tokens = sqlite3_value_int64(values[4])
        guard tokens >= 1, tokens <= SnippetFunction.maximumTokens else {
            return .failure(ArgumentError(message: "摘要长度须在 1 到 \(SnippetFunction.maximumTokens) 个词之间"))
        }
        return .success(
            SnippetArguments(
                column: sqlite3_value_int(values[0]), open: bytes(values[1]), close: bytes(values[2]),
                ellipsis: bytes(values[3]), tokens: Int(tokens), expression: count == 6 ? bytes(values[5]) : nil))
    }

    /// The UTF-8 text of `value`; empty for NULL.
    private static func bytes(_ value: OpaquePointer?) -> [UInt8] {
        guard let value, let text = sqlite3_value_text(value) else { return [] }
        let count = Int(max(0, sqlite3_value_bytes(value)))
        return Array(UnsafeBufferPointer(start: text, count: count))
    }

    struct ArgumentError: Error {
        var message: String
    }
}

/// The C entry point of `lawkb_snippet`.
private let snippetCallback: fts5_extension_function = { api, fts, context, count, values in
    guard let context else { return }
    guard let api, let fts, let values else {
        sqlite3_result_error(context, "\(SnippetFunction.name) 的参数无效", -1)
        return
    }
    switch SnippetArguments.read(values, count: count) {
    case .failure(let error):
        sqlite3_result_error(context, "\(SnippetFunction.name)：\(error.message)", -1)
    case .success(let arguments):
        let source = SnippetSource(api: api.pointee, fts: fts)
        switch source.snippet(arguments) {
        case .failure(let code):
            sqlite3_result_error_code(context, code.code)
        case .success(let bytes):
            bytes.withUnsafeBytes { buffer in
                guard let base = buffer.baseAddress, buffer.count <= Int(Int32.max) else {
                    return sqlite3_result_text(context, "", 0, sqliteTransient)
                }
                sqlite3_result_text(context, base.assumingMemoryBound(to: CChar.self), Int32(buffer.count), sqliteTransient)
            }
        }
    }
}

/// SQLite's `SQLITE_TRANSIENT`: the result text is copied before the call returns.
private let sqliteTransient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

/// An SQLite result code as an error.
private struct SQLiteCode: Error {
    var code: Int32
}

/// The token ranges of a text, filled by the `xTokenize` callback.
private struct TokenRanges {
    var starts: [Int] = []
    var ends: [Int] = []
    var length = 0
}

/// The callback of `xTokenize`: records the range of every token that starts a position.
private let recordToken:
    @convention(c) (UnsafeMutableRawPointer?, Int32, UnsafePointer<CChar>?, Int32, Int32, Int32) -> Int32 = {
        context, flags, _, _, start, end in
        guard let context else { return SQLITE_ERROR }
        let ranges = context.assumingMemoryBound(to: TokenRanges.self)
        guard flags & FTS5_TOKEN_COLOCATED == 0 else { return SQLITE_OK }
        let lower = Int(start)
        let upper = Int(end)
        guard lower >= 0, lower <= upper, upper <= ranges.pointee.length else { return SQLITE_ERROR }
        ranges.pointee.starts.append(lower)
        ranges.pointee.ends.append(upper)
        return SQLITE_OK
    }

/// One call's view of the current row: its column's text and tokens and the matches in it.
private struct SnippetSource {
    let api: Fts5ExtensionApi
    let fts: OpaquePointer

    /// The snippet of the current row, or the SQLite code of what failed.
    func snippet(_ arguments: SnippetArguments) -> Result<[UInt8], SQLiteCode> {
        guard let columnCount = api.xColumnCount, let columnText = api.xColumnText else {
            return .failure(SQLiteCode(code: SQLITE_MISUSE))
        }
        guard arguments.column >= 0, arguments.column < columnCount(fts) else {
            return .failure(SQLiteCode(code: SQLITE_RANGE))
        }
        var pointer: UnsafePointer<CChar>?
        var length: Int32 = 0
        var code = columnText(fts, arguments.column, &pointer, &length)
        guard code == SQLITE_OK else { return .failure(SQLiteCode(code: code)) }
        guard let pointer, length > 0 else { return .success([]) }
        let text = UnsafeRawBufferPointer(start: pointer, count: Int(length)).bindMemory(to: UInt8.self)
        var ranges = TokenRanges(length: text.count)
        code = tokenize(pointer, length, into: &ranges)
        guard code == SQLITE_OK else { return .failure(SQLiteCode(code: code)) }
        let prefixes = arguments.expression.flatMap(SnippetFunction.prefixPhrases(in:))
        switch instances(in: arguments.column, tokens: ranges, text: text, prefixes: prefixes) {
        case .failure(let error):
            return .failure(error)
        case .success(let found):
            let passage = SnippetPassage(
                text: text, starts: ranges.starts, ends: ranges.ends, instances: found, tokens: arguments.tokens)
            return .success(passage.render(open: arguments.open, close: arguments.close, ellipsis: arguments.ellipsis))
        }
    }

    private func tokenize(_ pointer: UnsafePointer<CChar>, _ length: Int32, into ranges: inout TokenRanges) -> Int32 {
        guard let tokenize = api.xTokenize else { return SQLITE_MISUSE }
        return withUnsafeMutablePointer(to: &ranges) { slot in
            tokenize(fts, pointer, length, UnsafeMutableRawPointer(slot), recordToken)
        }
    }

    /// The phrase instances of `column`, as token positions and byte ranges, by position.
    private func instances(
        in column: Int32, tokens: TokenRanges, text: UnsafeBufferPointer<UInt8>, prefixes: [Bool]?
    ) -> Result<[SnippetPassage.Instance], SQLiteCode> {
        guard let instCount = api.xInstCount, let inst = api.xInst, let phraseSize = api.xPhraseSize,
            let phraseCount = api.xPhraseCount
        else { return .failure(SQLiteCode(code: SQLITE_MISUSE)) }
        var count: Int32 = 0
        var code = instCount(fts, &count)
        guard code == SQLITE_OK else { return .failure(SQLiteCode(code: code)) }
        let phrases = Int(max(0, phraseCount(fts)))
        let sizes = (0..<phrases).map { Int(phraseSize(fts, Int32($0))) }
        let prefixes = prefixes?.count == phrases ? prefixes : nil
        var found: [SnippetPassage.Instance] = []
        for index in 0..<max(0, count) {
            var phrase: Int32 = 0
            var instanceColumn: Int32 = 0
            var offset: Int32 = 0
            code = inst(fts, index, &phrase, &instanceColumn, &offset)
            guard code == SQLITE_OK else { return .failure(SQLiteCode(code: code)) }
            let p = Int(phrase)
            let first = Int(offset)
            guard instanceColumn == column, p >= 0, p < phrases, sizes[p] > 0, first >= 0,
                first < tokens.starts.count
            else { continue }
            var last = min(first + sizes[p] - 1, tokens.starts.count - 1)
            var end = tokens.ends[last]
            if prefixes?[p] == true {
                end = min(end, tokens.starts[last] + SnippetPassage.scalarLength(text, at: tokens.starts[last]))
            }
            // A last bigram covers the next position's character: the instance spans it too,
            // as many positions as it has characters.
            while last + 1 < tokens.starts.count, tokens.starts[last + 1] < end { last += 1 }
            let bytes = tokens.starts[first]..<max(end, tokens.starts[first])
            found.append(.init(phrase: p, first: first, size: last - first + 1, bytes: bytes))
        }
        found.sort { ($0.first, $0.phrase) < ($1.first, $1.phrase) }
        return .success(found)
    }
}

/// The passage of a text a snippet shows and how it is marked: pure logic on token ranges
/// and phrase instances.
struct SnippetPassage {
    /// One match: phrase `phrase` over `size` positions from position `first` (one per
    /// character it covers), covering `bytes`.
    struct Instance {
        var phrase: Int
        var first: Int
        var size: Int
        var bytes: Range<Int>
    }

    let text: UnsafeBufferPointer<UInt8>
    /// Byte range of the token at each position.
    let starts: [Int]
    let ends: [Int]
    /// The instances, by position.
    let instances: [Instance]
    /// The window's length in tokens.
    let tokens: Int

    /// The snippet: the best window's text with its matches marked.
    func render(open: [UInt8], close: [UInt8], ellipsis: [UInt8]) -> [UInt8] {
        let count = starts.count
        guard count > 0 else { return Array(text) }
        let start = bestStart()
        let reachesEnd = start + tokens >= count
        let from = start == 0 ? 0 : starts[start]
        var to = text.count
        if !reachesEnd {
            // The window ends with its last position's character: a bigram there (its range
            // reaching into the next position) counts up to the end of its first character.
            let last = start + tokens - 1
            let isBigram = starts[last + 1] < ends[last]
            to = max(from, isBigram ? min(ends[last], starts[last] + Self.scalarLength(text, at: starts[last])) : ends[last])
        }
        var output: [UInt8] = []
        output.reserveCapacity(to - from + 2 * ellipsis.count + 16)
        if start > 0 { output += ellipsis }
        var cursor = from
        // As FTS5 marks them: a match that starts before the window is not marked, one that
        // runs past its end is marked up to it.
        for range in mergedRanges() where range.lowerBound >= from {
            let lower = range.lowerBound
            let upper = min(range.upperBound, to)
            guard lower < upper else { continue }
            output += text[cursor..<lower]
            output += open
            output += text[lower..<upper]
            output += close
            cursor = upper
        }
        output += text[cursor..<to]
        if !reachesEnd { output += ellipsis }
        return output
    }

    /// The instances' byte ranges in order, overlapping ones merged (touching ones are not:
    /// 处罚处罚 shows two matches).
    func mergedRanges() -> [Range<Int>] {
        var merged: [Range<Int>] = []
        for range in instances.map(\.bytes).sorted(by: { $0.lowerBound < $1.lowerBound }) where !range.isEmpty {
            if let last = merged.last, range.lowerBound < last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        return merged
    }

    /// Bytes of the UTF-8 scalar starting at `offset` (1 for a byte that starts none),
    /// within the text.
    static func scalarLength(_ text: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int {
        guard offset < text.count else { return 0 }
        let lead = text[offset]
        let length = lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        return min(length, text.count - offset)
    }

    /// The first position of the best window, as FTS5's `snippet()` finds it.
    func bestStart() -> Int {
        let count = starts.count
        let sentences = sentenceStarts()
        var bestScore = 0
        var best = 0
        var following = 0  // the first sentence start after the instance: they come in order
        for instance in instances.prefix(SnippetFunction.maximumCandidates) {
            let (score, adjusted) = self.score(from: instance.first)
            if score > bestScore {
                bestScore = score
                best = adjusted
            }
            while following < sentences.count, sentences[following] <= instance.first { following += 1 }
            let sentence = sentences[following - 1]
            guard count > tokens, sentence < instance.first else { continue }
            let bonus = sentence == 0 ? 120 : 100
            let sentenceScore = self.score(from: sentence).score + bonus
            if sentenceScore > bestScore {
                bestScore = sentenceScore
                best = sentence
            }
        }
        return best
    }

    /// The score of the window of ``tokens`` positions from `position` — 1000 for each
    /// phrase it holds, 1 for each further instance — and the window's start centred on
    /// the instances it holds, within the text.
    func score(from position: Int) -> (score: Int, adjusted: Int) {
        var seen = Set<Int>()
        var score = 0
        var first = -1
        var last = 0
        var index = lowerBound(position)
        while index < instances.count, instances[index].first < position + tokens {
            let instance = instances[index]
            score += seen.insert(instance.phrase).inserted ? 1000 : 1
            if first < 0 { first = instance.first }
            last = instance.first + instance.size
            index += 1
        }
        guard first >= 0 else { return (0, 0) }
        var adjusted = first - (tokens - (last - first)) / 2
        if adjusted + tokens > starts.count { adjusted = starts.count - tokens }
        return (score, max(0, adjusted))
    }

    /// The index of the first instance at or after `position`.
    private func lowerBound(_ position: Int) -> Int {
        var low = 0
        var high = instances.count
        while low < high {
            let middle = (low + high) / 2
            if instances[middle].first < position { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Positions that start a sentence as FTS5 sees them: the first, and any whose token
    /// follows `.` or `:` and white space.
    func sentenceStarts() -> [Int] {
        var result = [0]
        for position in 1..<max(1, starts.count) {
            var index = starts[position] - 1
            while index >= 0, [0x20, 0x09, 0x0A, 0x0D].contains(text[index]) { index -= 1 }
            if index >= 0, index != starts[position] - 1, text[index] == UInt8(ascii: ".") || text[index] == UInt8(ascii: ":") {
                result.append(position)
            }
        }
        return result
    }
}
