/// Masks personal numbers in text: mobile numbers, fixed-line numbers and 身份证 numbers,
/// however they are written.
///
/// A number may be written as one run of digits (ASCII, full-width or any other decimal
/// digits) or in groups joined by separators: hyphens and other dashes (`150-4713-4088`),
/// dots (`150.4713.4088`), spaces of any kind including NBSP and the ideographic space
/// (`150 47134088`, `150　4713　4088`), up to three of them between two groups, and brackets
/// around an area code (`(0477)8123456`, `（0477）8123456`). Highlight marks — the private-use
/// markers of snippets, `[`/`]` of the JSON API, `<mark>`/`</mark>` of the pages — and
/// invisible format characters (zero-width space, soft hyphen) are transparent: they never
/// stop a number from being recognised, and they are kept, so `150-4713-<mark>4088</mark>`
/// becomes `150-****-<mark>4088</mark>`. Separators written as JSON escapes (`\u00a0`),
/// percent-encoding (`%20`) or HTML references (`&nbsp;`) count too, because whole response
/// bodies are masked.
///
/// What is masked (masked digits become `*`, everything else is kept as written):
/// - mobile `1[3-9]` + 9 digits keeps the first 3 and last 4: `150****4088`, `150-****-4088`;
///   also with the country code written in the same run (`8615047134088`);
/// - fixed line: an area code (`0` + 2–3 digits) then 7–8 local digits keeps the area code
///   and the last 4: `0477-***3456`, `(0477)***3456`; written as one run of 10–12 digits
///   it keeps the first 4 and the last 4;
/// - 身份证: 18 digits (or 17 and `X`) whose digits 7–14 are a birth date keep the first 6
///   and the last 4; the old 15-digit form, whose digits 7–12 are a date, keeps the first 6
///   and the last 3. Either may be written in spaced groups (6-8-4, 6-4-4-4 …).
///
/// What is left alone, deliberately: a run of digits is never masked in part, so a long
/// document number or a 20-digit code stays as it is; an 18-character 统一社会信用代码 has
/// no birth date in it; dates (`2022-10-31`), amounts, article numbers and any grouping
/// with a group of fewer than 3 digits do not have the shape of a personal number.
///
/// The scan is linear in the length of the text: each scalar is classified once, and each
/// attempt to read a number looks at no more than 18 digits.
public struct SensitiveNumberMasker: Sendable {
    /// Creates a masker.
    public init() {}

    /// `text` with every personal number masked.
    public func mask(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        let hidden = Self.hiddenPositions(in: scalars)
        guard !hidden.isEmpty else { return text }
        for position in hidden { scalars[position] = "*" }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }

    /// Whether `text` contains a number that ``mask(_:)`` would mask.
    public func containsSensitiveNumber(_ text: String) -> Bool {
        !Self.hiddenPositions(in: Array(text.unicodeScalars)).isEmpty
    }

    /// Scalar positions of the digits to hide, in order.
    static func hiddenPositions(in scalars: [Unicode.Scalar]) -> [Int] {
        let scan = DigitScan(scalars)
        var hidden: [Int] = []
        var start = 0
        while start < scan.pieces.count {
            guard let number = scan.longestNumber(from: start) else {
                start += 1
                continue
            }
            let base = scan.pieces[start].digits.lowerBound
            hidden += number.hidden.map { scan.positions[base + $0] }
            start = number.endPiece
        }
        return hidden
    }
}

/// A personal number found in a text: the pieces it spans and the digits to hide.
struct PersonalNumber {
    /// Index of the piece after the number's last piece.
    var endPiece: Int
    /// Offsets of the digits to hide, counted from the number's first digit.
    var hidden: Range<Int>
}

/// How a run of digits follows the previous one.
enum DigitJoint {
    /// Not at all: something else stands between them.
    case none
    /// Only marks (highlights, invisible characters) stand between them: one group.
    case mark
    /// One to three separators (and marks): the next group of the same number.
    case separator
    /// The closing bracket of a bracketed area code, maybe with separators: `(0477) 8123456`.
    case bracket
}

/// An unbroken run of digits.
struct DigitPiece {
    /// Indices of its digits in ``DigitScan/values`` and ``DigitScan/positions``.
    var digits: Range<Int>
    /// Scalar index just after its last digit.
    var end: Int
    /// How it follows the previous piece.
    var joint: DigitJoint
    /// Whether an opening bracket stands right before it (marks aside).
    var opensWithBracket: Bool
}

/// The runs of digits of a text and how they are joined, read in one pass.
struct DigitScan {
    /// The text being read.
    let scalars: [Unicode.Scalar]
    /// The value of every digit of the text, in order.
    private(set) var values: [UInt8] = []
    /// The scalar index of every digit of the text, in order.
    private(set) var positions: [Int] = []
    /// The runs of digits, in order.
    private(set) var pieces: [DigitPiece] = []

    /// The most digits a personal number has (an 18-digit 身份证).
    static let longestNumber = 18
    /// The most separators between two groups of one number (` - `).
    static let separatorsBetweenGroups = 3

    init(_ scalars: [Unicode.Scalar]) {
        self.scalars = scalars
        var gap = Gap()
        var index = 0
        while index < scalars.count {
            if gap.broken {
                // Nothing can join the next run to the last one: find it without classifying.
                let from = index
                while index < scalars.count, Self.digitValue(scalars[index]) == nil { index += 1 }
                guard index < scalars.count else { break }
                gap.endsWithOpeningBracket = opensWithBracket(index, notBefore: max(from - 1, pieces.last?.end ?? 0))
            } else if Self.digitValue(scalars[index]) == nil {
                let (kind, length) = ScalarKind.classify(scalars, at: index)
                gap.add(kind)
                index += length
                continue
            }
            let first = values.count
            while index < scalars.count, let value = Self.digitValue(scalars[index]) {
                values.append(value)
                positions.append(index)
                index += 1
            }
            let joint = pieces.last.map { gap.joint(afterBracketedPiece: $0.opensWithBracket) } ?? .none
            pieces.append(
                DigitPiece(
                    digits: first..<values.count, end: index, joint: joint,
                    opensWithBracket: gap.endsWithOpeningBracket))
            gap = Gap(broken: false)
        }
    }

    /// Whether an opening bracket stands before scalar `index`, marks aside, looking no
    /// further back than `limit`.
    private func opensWithBracket(_ index: Int, notBefore limit: Int) -> Bool {
        var position = index - 1
        while position >= limit {
            switch scalars[position] {
            case "(", "\u{FF08}":
                return true
            case ">":
                guard
                    let tag = ["<mark>", "</mark>"].first(where: {
                        position - $0.unicodeScalars.count + 1 >= limit
                            && ScalarKind.matches(scalars, at: position - $0.unicodeScalars.count + 1, $0)
                    })
                else { return false }
                position -= tag.unicodeScalars.count
            case let scalar where ScalarKind.of(scalar) == .mark:
                position -= 1
            default:
                return false
            }
        }
        return false
    }

    /// What stands between two runs of digits, as far as joining them is concerned.
    private struct Gap {
        /// Nothing before the first run.
        var broken = true
        var separators = 0
        var closingBrackets = 0
        var endsWithOpeningBracket = false

        mutating func add(_ kind: ScalarKind) {
            switch kind {
            case .mark:
                break
            case .separator:
                separators += 1
                endsWithOpeningBracket = false
            case .closingBracket:
                closingBrackets += 1
                endsWithOpeningBracket = false
            case .openingBracket:
                broken = true
                endsWithOpeningBracket = true
            case .other:
                broken = true
                endsWithOpeningBracket = false
            }
        }

        func joint(afterBracketedPiece: Bool) -> DigitJoint {
            if broken || separators > DigitScan.separatorsBetweenGroups || closingBrackets > 1 { return .none }
            if closingBrackets == 1 { return afterBracketedPiece ? .bracket : .none }
            return separators > 0 ? .separator : .mark
        }
    }

    /// The longest personal number that starts with piece `start`, if any.
    ///
    /// Pieces are taken whole, one after the other while they are joined, until the number
    /// would have more than ``longestNumber`` digits.
    func longestNumber(from start: Int) -> PersonalNumber? {
        var shape = NumberShape()
        var best: PersonalNumber?
        var index = start
        while index < pieces.count {
            let piece = pieces[index]
            if index > start {
                guard shape.add(piece.digits.count, joint: piece.joint) else { break }
            } else {
                shape.start(piece.digits.count)
            }
            guard shape.total <= Self.longestNumber else { break }
            let digits = NumberDigits(values: values, base: pieces[start].digits.lowerBound)
            if let hidden = shape.hiddenDigits(digits, followedByX: { followedByX(piece.end) }) {
                best = PersonalNumber(endPiece: index + 1, hidden: hidden)
            }
            index += 1
        }
        return best
    }

    /// Whether an `X` (the check character of a 身份证) follows scalar `index`, marks
    /// aside, and ends the word.
    private func followedByX(_ index: Int) -> Bool {
        var position = index
        var skipped = 0
        while position < scalars.count, skipped < 16 {
            let (kind, length) = ScalarKind.classify(scalars, at: position)
            guard kind == .mark else { break }
            position += length
            skipped += 1
        }
        guard position < scalars.count, "Xx\u{FF38}\u{FF58}".unicodeScalars.contains(scalars[position]) else {
            return false
        }
        let next = position + 1
        guard next < scalars.count else { return true }
        let after = scalars[next]
        return !(after.isASCII && (after.properties.isAlphabetic || Self.digitValue(after) != nil))
    }

    /// 0–9 for decimal digits (ASCII, full-width or of any script), `nil` otherwise.
    static func digitValue(_ scalar: Unicode.Scalar) -> UInt8? {
        switch scalar.value {
        case 0x30...0x39: return UInt8(scalar.value - 0x30)
        case 0xFF10...0xFF19: return UInt8(scalar.value - 0xFF10)
        case 0...0x65F, 0x3000...0x9FFF: return nil
        default:
            guard scalar.properties.generalCategory == .decimalNumber,
                let value = scalar.properties.numericValue, (0...9).contains(value)
            else { return nil }
            return UInt8(value)
        }
    }
}

/// The digits of a candidate number, counted from its first digit.
struct NumberDigits {
    let values: [UInt8]
    let base: Int

    subscript(offset: Int) -> Int { Int(values[base + offset]) }

    /// The number formed by `length` digits from `offset`.
    func number(at offset: Int, length: Int) -> Int {
        (offset..<offset + length).reduce(0) { $0 * 10 + self[$1] }
    }

    /// Whether the digits at `offset` are a month (01–12) and a day (01–31).
    func isMonthAndDay(at offset: Int) -> Bool {
        (1...12).contains(number(at: offset, length: 2)) && (1...31).contains(number(at: offset + 2, length: 2))
    }
}

/// The groups of a candidate number as it grows piece by piece, and the rules that say
/// whether it is a personal number.
struct NumberShape {
    /// Digits so far.
    private(set) var total = 0
    /// Digits of each group (pieces joined by marks only are one group).
    private var groups: [Int] = []
    /// Whether the second group follows a bracketed area code.
    private var bracketed = false

    /// The most groups a 身份证 number is written in (6-4-4-4, 3-3-4-4-4 …).
    private static let identityGroups = 6
    /// The most groups a mobile number is written in (3-4-4).
    private static let mobileGroups = 3
    /// The shortest group of a number written in groups.
    private static let shortestGroup = 3

    mutating func start(_ digits: Int) {
        total = digits
        groups = [digits]
    }

    /// Adds the next piece; `false` when it is not joined to the number.
    mutating func add(_ digits: Int, joint: DigitJoint) -> Bool {
        switch joint {
        case .none:
            return false
        case .mark:
            groups[groups.count - 1] += digits
        case .separator:
            groups.append(digits)
        case .bracket:
            guard groups.count == 1 else { return false }
            bracketed = true
            groups.append(digits)
        }
        total += digits
        return true
    }

    /// Whether the groups are plausible for a number written in groups.
    private var wellGrouped: Bool {
        groups.count == 1 || groups.allSatisfy { $0 >= Self.shortestGroup }
    }

    /// The offsets of the digits to hide if the digits so far are a personal number.
    func hiddenDigits(_ digits: NumberDigits, followedByX: () -> Bool) -> Range<Int>? {
        identity(digits, followedByX: followedByX) ?? mobile(digits) ?? fixedLine(digits)
    }

    /// 身份证: the birth date is hidden.
    private func identity(_ digits: NumberDigits, followedByX: () -> Bool) -> Range<Int>? {
        guard !bracketed, groups.count <= Self.identityGroups, wellGrouped, digits[0] != 0 else { return nil }
        switch total {
        case 18, 17:
            guard (1900...2099).contains(digits.number(at: 6, length: 4)), digits.isMonthAndDay(at: 10),
                total == 18 || followedByX()
            else { return nil }
            return 6..<14
        case 15:
            return digits.isMonthAndDay(at: 8) ? 6..<12 : nil
        default:
            return nil
        }
    }

    /// Mobile: the 4 digits after the network prefix are hidden.
    private func mobile(_ digits: NumberDigits) -> Range<Int>? {
        guard !bracketed, groups.count <= Self.mobileGroups, wellGrouped else { return nil }
        func isMobile(at offset: Int) -> Bool { digits[offset] == 1 && (3...9).contains(digits[offset + 1]) }
        if total == 11, isMobile(at: 0) { return 3..<7 }
        if total == 13, digits[0] == 8, digits[1] == 6, isMobile(at: 2) { return 5..<9 }
        return nil
    }

    /// Fixed line: the local number but its last 4 digits is hidden.
    private func fixedLine(_ digits: NumberDigits) -> Range<Int>? {
        guard total >= 10, digits[0] == 0, digits[1] != 0 else { return nil }
        if groups.count == 1 {
            return (10...12).contains(total) ? 4..<total - 4 : nil
        }
        let area = groups[0]
        let local = groups.dropFirst()
        guard (3...4).contains(area), (7...8).contains(total - area), local.count <= 2,
            local.count == 1 || local.allSatisfy({ $0 >= Self.shortestGroup }), digits[area] != 0
        else { return nil }
        return area..<total - 4
    }
}

/// What a scalar (or an escaped scalar) is to the masker.
enum ScalarKind: Equatable {
    /// Spaces, dashes, dots, plus: may stand between the groups of a number.
    case separator
    /// Highlight marks and invisible characters: transparent.
    case mark
    /// `(` or `（`, before an area code.
    case openingBracket
    /// `)` or `）`, after an area code.
    case closingBracket
    /// Anything else, which ends a number.
    case other

    /// The kind of the scalar at `index` and how many scalars it takes: escapes and tags
    /// (`\u00a0`, `%E3%80%80`, `&nbsp;`, `<mark>`) count as one.
    static func classify(_ s: [Unicode.Scalar], at index: Int) -> (ScalarKind, Int) {
        let scalar = s[index]
        switch scalar {
        case "<":
            for tag in ["<mark>", "</mark>"] where matches(s, at: index, tag) { return (.mark, tag.unicodeScalars.count) }
            return (.other, 1)
        case "\\", "%", "&":
            if let (decoded, length) = Escape.decode(s, at: index) {
                let kind = of(decoded)
                if kind == .separator || kind == .mark { return (kind, length) }
            }
            return (.other, 1)
        default:
            return (of(scalar), 1)
        }
    }

    /// The kind of one scalar.
    static func of(_ scalar: Unicode.Scalar) -> ScalarKind {
        switch scalar.value {
        case 0x09, 0x20, 0x2B, 0x2D, 0x2E: return .separator  // tab, space, + - .
        case 0x28, 0xFF08: return .openingBracket
        case 0x29, 0xFF09: return .closingBracket
        case 0x5B, 0x5D, 0xE000, 0xE001: return .mark  // [ ] and the snippet markers
        case 0...0x7F, 0x4E00...0x9FFF: return .other
        case 0x00B7, 0x2024, 0x2027, 0x2043, 0x2212, 0x30FB, 0xFF0B, 0xFF0E, 0xFF65: return .separator
        default:
            switch scalar.properties.generalCategory {
            case .spaceSeparator, .dashPunctuation: return .separator
            case .format: return .mark
            default: return .other
            }
        }
    }

    /// Whether `s` holds `text` at `index`.
    static func matches(_ s: [Unicode.Scalar], at index: Int, _ text: String) -> Bool {
        var position = index
        for scalar in text.unicodeScalars {
            guard position < s.count, s[position] == scalar else { return false }
            position += 1
        }
        return true
    }
}

/// One scalar written as an escape: `\uXXXX` (JSON), `%XX…` (URLs), `&#…;` or `&name;` (HTML).
enum Escape {
    /// The scalar escaped at `index` and the escape's length in scalars.
    static func decode(_ s: [Unicode.Scalar], at index: Int) -> (Unicode.Scalar, Int)? {
        switch s[index] {
        case "\\": return json(s, at: index)
        case "%": return percent(s, at: index)
        case "&": return html(s, at: index)
        default: return nil
        }
    }

    private static func json(_ s: [Unicode.Scalar], at index: Int) -> (Unicode.Scalar, Int)? {
        guard index + 1 < s.count else { return nil }
        if s[index + 1] == "t" { return ("\t", 2) }
        guard s[index + 1] == "u", let value = hex(s, index + 2..<index + 6),
            let scalar = Unicode.Scalar(value)
        else { return nil }
        return (scalar, 6)
    }

    private static func percent(_ s: [Unicode.Scalar], at index: Int) -> (Unicode.Scalar, Int)? {
        guard let lead = hex(s, index + 1..<index + 3) else { return nil }
        let count: Int
        var value: UInt32
        switch lead {
        case 0..<0x80: return Unicode.Scalar(lead).map { ($0, 3) }
        case 0xC0..<0xE0: (count, value) = (2, lead & 0x1F)
        case 0xE0..<0xF0: (count, value) = (3, lead & 0x0F)
        case 0xF0..<0xF8: (count, value) = (4, lead & 0x07)
        default: return nil
        }
        for byte in 1..<count {
            let at = index + 3 * byte
            guard at < s.count, s[at] == "%", let next = hex(s, at + 1..<at + 3), next & 0xC0 == 0x80 else { return nil }
            value = value << 6 | (next & 0x3F)
        }
        return Unicode.Scalar(value).map { ($0, 3 * count) }
    }

    /// Named references of spaces and dashes, and numeric references.
    private static let names: [String: Unicode.Scalar] = [
        "nbsp": "\u{A0}", "ensp": "\u{2002}", "emsp": "\u{2003}", "thinsp": "\u{2009}",
        "ndash": "\u{2013}", "mdash": "\u{2014}", "minus": "\u{2212}", "shy": "\u{AD}",
    ]

    private static func html(_ s: [Unicode.Scalar], at index: Int) -> (Unicode.Scalar, Int)? {
        var end = index + 1
        while end < s.count, end - index <= 10, s[end] != ";" { end += 1 }
        guard end < s.count, s[end] == ";", end > index + 1 else { return nil }
        let body = String(String.UnicodeScalarView(s[index + 1..<end]))
        let length = end - index + 1
        if let scalar = names[body] { return (scalar, length) }
        guard body.hasPrefix("#") else { return nil }
        let number = body.dropFirst()
        let value =
            number.first == "x" || number.first == "X"
            ? UInt32(number.dropFirst(), radix: 16) : UInt32(number, radix: 10)
        return value.flatMap(Unicode.Scalar.init).map { ($0, length) }
    }

    /// The hexadecimal number written in `range`, if it is all hexadecimal digits.
    private static func hex(_ s: [Unicode.Scalar], _ range: Range<Int>) -> UInt32? {
        guard range.upperBound <= s.count else { return nil }
        var value: UInt32 = 0
        for index in range {
            let digit: UInt32
            switch s[index].value {
            case 0x30...0x39: digit = s[index].value - 0x30
            case 0x41...0x46: digit = s[index].value - 0x41 + 10
            case 0x61...0x66: digit = s[index].value - 0x61 + 10
            default: return nil
            }
            value = value << 4 | digit
        }
        return value
    }
}
