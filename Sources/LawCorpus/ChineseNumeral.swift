/// Converts numbers written in Chinese (第一百二十三条, 二〇二二, 十) or in digits,
/// full-width or not, into integers.
///
/// Article numbers in Chinese legislative texts are written with the traditional
/// positional numerals (十, 百, 千, 万 with 零 as a gap marker); years are often written
/// digit by digit (二〇二二). Both forms are accepted, as are Arabic digits (33, ３３).
///
/// Every input is bounded: a numeral longer than ``maximumLength`` characters, or whose value
/// does not fit an `Int`, is ``Reading/tooLarge`` rather than a number, so no text can make the
/// arithmetic overflow. Article, paragraph and item numbers have a tighter bound,
/// ``maximumOrdinal``: see ``ordinal(_:)``.
public enum ChineseNumeral {
    /// The longest numeral read, in characters. Longer runs of numeral characters are
    /// ``Reading/tooLarge``: no number a legal text uses is written with more.
    public static let maximumLength = 32
    /// The largest article, paragraph (款) or item (项) number: far above any law's last
    /// article, low enough that any arithmetic on it (ranges, `n + 1`) is safe.
    public static let maximumOrdinal = 100_000

    /// What a text says as a numeral.
    public enum Reading: Equatable, Sendable {
        /// A well-formed numeral and its value.
        case number(Int)
        /// A well-formed numeral (or a run of numeral characters longer than ``maximumLength``)
        /// whose value is too large to be held.
        case tooLarge
        /// Not a numeral: empty, a stray character, or an ill-formed sequence (十四五, 百).
        case invalid
    }

    private static let digits: [Character: Int] = [
        "零": 0, "〇": 0, "○": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3,
        "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7,
        "八": 8, "捌": 8, "九": 9, "玖": 9,
    ]
    private static let smallUnits: [Character: Int] = [
        "十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000,
    ]
    private static let largeUnits: [Character: Int] = ["万": 10_000, "萬": 10_000, "亿": 100_000_000]

    /// The characters that may appear in a Chinese numeral; useful for scanning text.
    public static let characters: Set<Character> = Set(digits.keys)
        .union(smallUnits.keys).union(largeUnits.keys)

    /// Parses `text` as a number. Returns `nil` when it is empty, not a well-formed numeral,
    /// longer than ``maximumLength`` or too large for an `Int`.
    ///
    /// ```swift
    /// ChineseNumeral.parse("一百二十三")  // 123
    /// ChineseNumeral.parse("十五")        // 15
    /// ChineseNumeral.parse("二〇二二")    // 2022
    /// ChineseNumeral.parse("３３")        // 33
    /// ```
    public static func parse<S: StringProtocol>(_ text: S) -> Int? {
        if case .number(let value) = read(text) { return value }
        return nil
    }

    /// Parses `text` as an article, paragraph or item number: 1…``maximumOrdinal``; `nil`
    /// otherwise (zero, larger, or not a numeral).
    public static func ordinal<S: StringProtocol>(_ text: S) -> Int? {
        guard let value = parse(text), (1...maximumOrdinal).contains(value) else { return nil }
        return value
    }

    /// Reads `text`, telling an ill-formed numeral from one too large to hold.
    public static func read<S: StringProtocol>(_ text: S) -> Reading {
        guard !text.isEmpty else { return .invalid }
        if let arabic = readArabic(text) { return arabic }
        let chars = Array(text)
        guard chars.allSatisfy(characters.contains) else { return .invalid }
        let reading: Reading
        if chars.count > 1 && chars.allSatisfy({ digits[$0] != nil }) && !chars.contains("两") {
            reading = readDigitByDigit(chars)  // as in years: 二〇二二
        } else {
            reading = readPositional(chars)
        }
        if case .number = reading, chars.count > maximumLength { return .tooLarge }
        return reading
    }

    /// ASCII or full-width digits; `nil` when `text` has any other character.
    private static func readArabic<S: StringProtocol>(_ text: S) -> Reading? {
        var value = 0
        var overflow = false
        var count = 0
        for scalar in text.unicodeScalars {
            let v = scalar.value
            let digit: UInt32
            if (0x30...0x39).contains(v) {
                digit = v - 0x30
            } else if (0xFF10...0xFF19).contains(v) {
                digit = v - 0xFF10
            } else {
                return nil
            }
            count += 1
            guard !overflow else { continue }
            if let next = appending(digit: Int(digit), to: value) { value = next } else { overflow = true }
        }
        return overflow || count > maximumLength ? .tooLarge : .number(value)
    }

    private static func readDigitByDigit(_ chars: [Character]) -> Reading {
        var value = 0
        for char in chars {
            guard let digit = digits[char] else { return .invalid }
            guard let next = appending(digit: digit, to: value) else { return .tooLarge }
            value = next
        }
        return .number(value)
    }

    /// `value * 10 + digit`, or `nil` when that does not fit an `Int`.
    private static func appending(digit: Int, to value: Int) -> Int? {
        let (shifted, o1) = value.multipliedReportingOverflow(by: 10)
        let (sum, o2) = shifted.addingReportingOverflow(digit)
        return o1 || o2 ? nil : sum
    }

    /// The positional form: 一百零五, 三万二千, 一亿零五百万. Within a group units must
    /// decrease (千 before 百 before 十; 亿 before 万), so a well-formed numeral stays below
    /// 10¹²; the arithmetic is checked all the same.
    private static func readPositional(_ chars: [Character]) -> Reading {
        var total = 0  // completed 万/亿 groups
        var section = 0  // value below the current large unit
        var number = 0  // the digit waiting for its unit
        var previousWasDigit = false
        var lastSmallUnit = Int.max  // units must decrease within a section
        var lastLargeUnit = Int.max  // and large units across sections
        var overflow = false
        func add(_ a: Int, _ b: Int) -> Int {
            let (r, o) = a.addingReportingOverflow(b)
            overflow = overflow || o
            return o ? 0 : r
        }
        func multiply(_ a: Int, _ b: Int) -> Int {
            let (r, o) = a.multipliedReportingOverflow(by: b)
            overflow = overflow || o
            return o ? 0 : r
        }
        for char in chars {
            if let digit = digits[char] {
                if previousWasDigit && digit != 0 && number != 0 { return .invalid }  // 二三
                number = digit
                previousWasDigit = true
            } else if let unit = smallUnits[char] {
                if number == 0 && unit != 10 { return .invalid }  // 百 alone
                guard unit < lastSmallUnit else { return .invalid }  // 十十, 十百
                section = add(section, multiply(number == 0 ? 1 : number, unit))  // 十五: a bare 十 is 一十
                lastSmallUnit = unit
                number = 0
                previousWasDigit = false
            } else if let unit = largeUnits[char] {
                section = add(section, number)
                guard section > 0, unit < lastLargeUnit else { return .invalid }  // 万 alone, 万亿
                total = add(total, multiply(section, unit))
                lastLargeUnit = unit
                lastSmallUnit = Int.max
                section = 0
                number = 0
                previousWasDigit = false
            } else {
                return .invalid
            }
        }
        let value = add(add(total, section), number)
        return overflow ? .tooLarge : .number(value)
    }
}
