/// A date as people write it: `2022年10月31日`, `2022/10/31`, `2022.10.31`, `2022-1-5`,
/// `二〇二二年十月三十一日`, full-width digits too; or a whole month (`2022年11月`, `2022-11`)
/// or year (`2023年`).
///
/// The corpus and the index speak ISO 8601 (``CalendarDate``); this type reads what users
/// type, so that every command, route and question accepts the same forms.
public struct WrittenDate: Equatable, Sendable {
    /// How much of the calendar the text names.
    public enum Precision: String, Equatable, Sendable {
        case day, month, year
    }

    /// The first day of the period named.
    public var first: CalendarDate
    /// The last day of the period named (equal to ``first`` for a day).
    public var last: CalendarDate
    /// Day, month or year.
    public var precision: Precision
    /// Where the date is in the text it was found in, in characters.
    public var range: Range<Int>

    /// The longest text read, in characters; a date is never longer, so longer input is not one.
    public static let maximumLength = 40

    /// Reads `text` as exactly one day (`2022年10月31日`, `2022/10/31`, `2022-1-5`, `2022-10-31`);
    /// `nil` when it is anything else or an impossible day.
    public static func day(_ text: String) -> CalendarDate? {
        let trimmed = TextSupport.trim(text)
        guard trimmed.count <= maximumLength else { return nil }
        let found = find(in: trimmed)
        guard found.count == 1, let date = found.first, date.precision == .day,
            date.range == 0..<trimmed.count
        else { return nil }
        return date.first
    }

    /// Every date, month or year written in `text`, in order. Scans at most
    /// ``maximumScannedLength`` characters, so any input is read in bounded time.
    public static func find(in text: String) -> [WrittenDate] {
        let characters = Array(text.prefix(maximumScannedLength)).map(fold)
        var result: [WrittenDate] = []
        var i = 0
        while i < characters.count {
            if let date = read(characters, at: i) {
                result.append(date)
                i = date.range.upperBound
            } else {
                i += 1
            }
        }
        return result
    }

    /// The longest text ``find(in:)`` scans, in characters.
    public static let maximumScannedLength = 4_000

    // MARK: - Reading

    private static let chineseDigits: [Character: Character] = [
        "〇": "0", "○": "0", "零": "0", "一": "1", "二": "2", "三": "3", "四": "4",
        "五": "5", "六": "6", "七": "7", "八": "8", "九": "9",
    ]

    /// Full-width digits and separators to ASCII; other characters unchanged.
    private static func fold(_ character: Character) -> Character {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else {
            return character
        }
        if (0xFF10...0xFF19).contains(scalar.value) || scalar.value == 0xFF0F || scalar.value == 0xFF0E
            || scalar.value == 0xFF0D
        {
            return Character(Unicode.Scalar(scalar.value - 0xFEE0)!)
        }
        return character
    }

    private static func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }

    private static func isNumeralCharacter(_ c: Character) -> Bool {
        isDigit(c) || chineseDigits[c] != nil || c == "十"
    }

    /// A date starting at `start`, or `nil`.
    private static func read(_ t: [Character], at start: Int) -> WrittenDate? {
        guard start == 0 || !isNumeralCharacter(t[start - 1]) else { return nil }
        guard let (year, afterYear) = readYear(t, at: start) else { return nil }
        guard afterYear < t.count else { return nil }
        let separator = t[afterYear]
        if separator == "年" {
            return readChinese(t, start: start, year: year, at: afterYear + 1)
        }
        guard "-/.".contains(separator) else { return nil }
        guard let (month, afterMonth) = readSmall(t, at: afterYear + 1, digitsOnly: true),
            (1...12).contains(month)
        else { return nil }
        if afterMonth < t.count, t[afterMonth] == separator,
            let (day, afterDay) = readSmall(t, at: afterMonth + 1, digitsOnly: true),
            afterDay >= t.count || !isNumeralCharacter(t[afterDay]),
            let date = CalendarDate(year: year, month: month, day: day)
        {
            return WrittenDate(first: date, last: date, precision: .day, range: start..<afterDay)
        }
        guard afterMonth >= t.count || !isNumeralCharacter(t[afterMonth]) && t[afterMonth] != separator else {
            return nil
        }
        return monthPeriod(year: year, month: month, range: start..<afterMonth)
    }

    /// `年` already read: `11月`, `11月5日`, or the year alone.
    private static func readChinese(_ t: [Character], start: Int, year: Int, at index: Int) -> WrittenDate? {
        if let (month, afterMonth) = readSmall(t, at: index, digitsOnly: false), (1...12).contains(month),
            afterMonth < t.count, t[afterMonth] == "月"
        {
            if let (day, afterDay) = readSmall(t, at: afterMonth + 1, digitsOnly: false),
                afterDay < t.count, "日号".contains(t[afterDay]),
                let date = CalendarDate(year: year, month: month, day: day)
            {
                return WrittenDate(first: date, last: date, precision: .day, range: start..<(afterDay + 1))
            }
            return monthPeriod(year: year, month: month, range: start..<(afterMonth + 1))
        }
        guard let first = CalendarDate(year: year, month: 1, day: 1),
            let last = CalendarDate(year: year, month: 12, day: 31)
        else { return nil }
        return WrittenDate(first: first, last: last, precision: .year, range: start..<index)
    }

    private static func monthPeriod(year: Int, month: Int, range: Range<Int>) -> WrittenDate? {
        guard let first = CalendarDate(year: year, month: month, day: 1),
            let last = CalendarDate.endOfMonth(year: year, month: month)
        else { return nil }
        return WrittenDate(first: first, last: last, precision: .month, range: range)
    }

    /// Four digits (ASCII or 二〇二二) in ``CalendarDate/parsedYears``.
    private static func readYear(_ t: [Character], at start: Int) -> (Int, Int)? {
        guard start + 4 <= t.count else { return nil }
        var value = 0
        for offset in 0..<4 {
            let c = t[start + offset]
            let digit = isDigit(c) ? c : chineseDigits[c]
            guard let digit, let number = digit.wholeNumberValue else { return nil }
            value = value * 10 + number
        }
        let end = start + 4
        guard end >= t.count || !isNumeralCharacter(t[end]), CalendarDate.parsedYears.contains(value) else {
            return nil
        }
        return (value, end)
    }

    /// A month or day number: one or two ASCII digits, or (unless `digitsOnly`) 一 … 三十一.
    private static func readSmall(_ t: [Character], at start: Int, digitsOnly: Bool) -> (Int, Int)? {
        var end = start
        if end < t.count, isDigit(t[end]) {
            while end < t.count, isDigit(t[end]), end - start < 3 { end += 1 }
            guard end - start <= 2, let value = Int(String(t[start..<end])) else { return nil }
            return (value, end)
        }
        guard !digitsOnly else { return nil }
        while end < t.count, chineseDigits[t[end]] != nil || t[end] == "十", end - start < 4 { end += 1 }
        guard end > start, let value = ChineseNumeral.parse(String(t[start..<end])), value <= 31 else {
            return nil
        }
        return (value, end)
    }
}
