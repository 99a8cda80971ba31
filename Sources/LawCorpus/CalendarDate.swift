/// A day in the civil calendar, without time or time zone: the unit in which laws take
/// effect, lists are published and deadlines fall due.
///
/// Written and read as ISO 8601 (`2022-10-31`), which is also how it sorts.
public struct CalendarDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The year, 1…9999.
    public let year: Int
    /// The month, 1…12.
    public let month: Int
    /// The day of the month, 1…31.
    public let day: Int

    /// Creates a date, or returns `nil` when the day does not exist (2022-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), year >= 1, year <= 9999,
            (1...CalendarDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The years a parser accepts from corpus files and users: far enough back for any law in
    /// force and forward for any deadline. The ``init(year:month:day:)`` initializer itself
    /// accepts 1…9999, for arithmetic; every parser bounds its input to these years first.
    public static let parsedYears = 1900...2200

    /// Parses `YYYY-MM-DD` (ASCII digits, a year in ``parsedYears``); returns `nil` for
    /// anything else, including impossible days.
    public init?(iso text: String) {
        let parts = text.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Self.decimal(parts[0]), let m = Self.decimal(parts[1]), let d = Self.decimal(parts[2]),
            Self.parsedYears.contains(y)
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The value of a short run of ASCII digits (no sign, no spaces); `nil` otherwise.
    private static func decimal(_ bytes: Substring.UTF8View.SubSequence) -> Int? {
        var value = 0
        for byte in bytes {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))  // at most four digits: cannot overflow
        }
        return value
    }

    /// The last day of a month (10月底 → the 31st).
    public static func endOfMonth(year: Int, month: Int) -> CalendarDate? {
        guard (1...12).contains(month) else { return nil }
        return CalendarDate(year: year, month: month, day: daysIn(month: month, year: year))
    }

    /// Number of days in `month` of `year`, following the Gregorian leap-year rule.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// Days since 1970-01-01 (negative before), for day arithmetic.
    public var daysSinceEpoch: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Days since 1970-01-01 of the first and last dates the type holds, 0001-01-01 and 9999-12-31.
    public static let representableDays = -719_162...2_932_896

    /// The date `daysSinceEpoch` days after 1970-01-01. Days outside ``representableDays``
    /// saturate at 0001-01-01 or 9999-12-31, so that no count of days, however extreme, leaves
    /// the calendar's range or overflows.
    public init(daysSinceEpoch z0: Int) {
        let z = min(max(z0, Self.representableDays.lowerBound), Self.representableDays.upperBound) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    /// The date `days` days later (earlier when negative), saturating at 0001-01-01 and
    /// 9999-12-31 like ``init(daysSinceEpoch:)``.
    public func adding(days: Int) -> CalendarDate {
        let (sum, overflow) = daysSinceEpoch.addingReportingOverflow(days)
        return CalendarDate(daysSinceEpoch: overflow ? (days < 0 ? Int.min : Int.max) : sum)
    }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var weekday: Int {
        let w = (daysSinceEpoch + 3) % 7  // 1970-01-01 was a Thursday (4)
        return (w < 0 ? w + 7 : w) + 1
    }

    /// Chronological order.
    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Decodes a `YYYY-MM-DD` string; any other value is a `DecodingError.dataCorrupted`.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = CalendarDate(iso: text) else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "'\(text.prefix(40))' is not a date of the form YYYY-MM-DD "
                        + "between \(Self.parsedYears.lowerBound) and \(Self.parsedYears.upperBound)"))
        }
        self = date
    }

    /// Encodes as a `YYYY-MM-DD` string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
