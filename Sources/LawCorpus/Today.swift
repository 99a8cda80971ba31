import Foundation

extension CalendarDate {
    /// Seconds China Standard Time is ahead of UTC (UTC+8, no daylight saving).
    static let chinaOffsetSeconds = 8 * 3600

    /// Today in China Standard Time, without needing tzdata: the day lists come into force,
    /// imports are dated and "today" defaults to, wherever the machine's clock is set.
    public static func todayInChina() -> CalendarDate {
        day(inChinaAt: Date())
    }

    /// The day in China Standard Time at `instant`.
    static func day(inChinaAt instant: Date) -> CalendarDate {
        let seconds = instant.timeIntervalSince1970 + Double(chinaOffsetSeconds)
        return CalendarDate(daysSinceEpoch: Int((seconds / 86_400).rounded(.down)))
    }
}
