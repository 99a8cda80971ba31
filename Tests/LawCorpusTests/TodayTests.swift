import Foundation
import Testing

@testable import LawCorpus

/// "Today" is the day in China Standard Time (UTC+8), wherever the machine's clock is set.
@Suite("Today in China") struct TodayTests {
    @Test func theDayTurnsAtMidnightInChinaNotInUTC() throws {
        // 2022-10-31 15:59:59 UTC is 23:59:59 in China; a second later it is 2022-11-01 there.
        let lastSecond = try #require(CalendarDate(iso: "2022-10-31")).daysSinceEpoch * 86_400 + 16 * 3600 - 1
        #expect(CalendarDate.day(inChinaAt: Date(timeIntervalSince1970: Double(lastSecond))).description == "2022-10-31")
        #expect(CalendarDate.day(inChinaAt: Date(timeIntervalSince1970: Double(lastSecond + 1))).description == "2022-11-01")
        // Midnight UTC is already eight in the morning of the same day in China.
        let midnightUTC = try #require(CalendarDate(iso: "2022-11-01")).daysSinceEpoch * 86_400
        #expect(CalendarDate.day(inChinaAt: Date(timeIntervalSince1970: Double(midnightUTC))).description == "2022-11-01")
    }

    @Test func todayIsTheDayInChinaNow() {
        let before = CalendarDate.day(inChinaAt: Date())
        let today = CalendarDate.todayInChina()
        let after = CalendarDate.day(inChinaAt: Date())
        #expect(today == before || today == after)
    }
}
