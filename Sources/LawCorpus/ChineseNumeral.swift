/// Converts numbers written in Chinese (第一百二十三条, 二〇二二, 十) or in digits,
/// full-width or not, into integers.
///
/// Article numbers in Chinese legislative texts are written with the traditional
/// positional numerals (十, 百, 千, 万 with 零 as a gap marker); years are often written
/// digit by digit (二〇二二). Both forms are accepted, as are Arabic digits (33, ３３).
public enum ChineseNumeral {
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

    /// Parses `text` as a number. Returns `nil` when it is empty or not a well-formed numeral.
    ///
    /// ```swift
    /// ChineseNumeral.parse("一百二十三")  // 123
    /// ChineseNumeral.parse("十五")        // 15
    /// ChineseNumeral.parse("二〇二二")    // 2022
    /// ChineseNumeral.parse("３３")        // 33
    /// ```
    public static func parse<S: StringProtocol>(_ text: S) -> Int? {
        guard !text.isEmpty else { return nil }
        if let arabic = parseArabic(text) { return arabic }
        let chars = Array(text)
        if chars.allSatisfy({ digits[$0] != nil }) && chars.count > 1 && !chars.contains("两") {
            // Digit-by-digit form, as in years: 二〇二二.
            return chars.reduce(0) { $0 * 10 + digits[$1]! }
        }
        return parsePositional(chars)
    }

    private static func parseArabic<S: StringProtocol>(_ text: S) -> Int? {
        var value = 0
        for scalar in text.unicodeScalars {
            let v = scalar.value
            let digit: UInt32
            if (0x30...0x39).contains(v) { digit = v - 0x30 }
            else if (0xFF10...0xFF19).contains(v) { digit = v - 0xFF10 }
            else { return nil }
            let (product, overflow) = value.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            value = product + Int(digit)
        }
        return value
    }

    private static func parsePositional(_ chars: [Character]) -> Int? {
        var total = 0       // completed 万/亿 groups
        var section = 0     // value below the current large unit
        var number = 0      // the digit waiting for its unit
        var previousWasDigit = false
        for char in chars {
            if let digit = digits[char] {
                if previousWasDigit && digit != 0 && number != 0 { return nil }  // 二三
                number = digit
                previousWasDigit = true
            } else if let unit = smallUnits[char] {
                if number == 0 && unit != 10 { return nil }  // 百 alone
                section += (number == 0 ? 1 : number) * unit  // 十五: a bare 十 is 一十
                number = 0
                previousWasDigit = false
            } else if let unit = largeUnits[char] {
                section += number
                guard section > 0 else { return nil }
                total += section * unit
                section = 0
                number = 0
                previousWasDigit = false
            } else {
                return nil
            }
        }
        return total + section + number
    }
}
