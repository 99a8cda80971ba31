import Foundation
import Testing

@testable import LawCorpus

/// The shipped working-day calendar (`Corpus/calendar/workdays.yaml`) and the arithmetic on it.
@Suite("WorkingDayCalendar: counting 工作日") struct WorkingDayCalendarTests {
    static let calendar: WorkingDayCalendar = {
        do {
            guard let calendar = try WorkingDayCalendar.load(corpus: Fixture.corpus) else {
                fatalError("the shipped corpus has no calendar/workdays.yaml")
            }
            return calendar
        } catch { fatalError("shipped calendar: \(error)") }
    }()

    func day(_ text: String) throws -> CalendarDate { try #require(CalendarDate(iso: text)) }

    @Test func theShippedCalendarCoversTwentyTwentyTwoToTwentyTwentySixWithItsNotices() {
        let calendar = Self.calendar
        #expect(calendar.coveredYears == 2022...2026)
        #expect(calendar.years.map(\.year) == [2022, 2023, 2024, 2025, 2026])
        let first = calendar.years[0].source
        #expect(first.title == "国务院办公厅关于2022年部分节假日安排的通知")
        #expect(first.number == "国办发明电〔2021〕11号")
        #expect(first.date.description == "2021-10-25")
    }

    /// The yearly totals, counted independently with chinese-calendar 1.11.0's get_workdays.
    @Test func eachYearHasTheWorkingDaysOfItsNotice() throws {
        let totals = [2022: 249, 2023: 249, 2024: 251, 2025: 248, 2026: 248]
        for (year, total) in totals {
            let count = try Self.calendar.workingDays(from: day("\(year - 1)-12-31"), to: day("\(year)-12-31"))
            #expect(count == total, "\(year)")
        }
    }

    @Test func nationalDayTwentyTwentyTwoIsOffAndTheWeekendAfterIsWorked() throws {
        let calendar = Self.calendar
        for date in 1...7 {
            #expect(try calendar.kind(of: day("2022-10-0\(date)")) == .holiday("国庆节"))
        }
        // 10-08 and 10-09 are a Saturday and a Sunday, worked in exchange.
        #expect(try day("2022-10-08").weekday == 6)
        #expect(try calendar.kind(of: day("2022-10-08")) == .adjustedWorkingDay("国庆节"))
        #expect(try calendar.isWorkingDay(day("2022-10-09")))
        #expect(try calendar.kind(of: day("2022-10-10")) == .weekday)
        #expect(try calendar.kind(of: day("2022-10-15")) == .weekend)
        #expect(try calendar.addingWorkingDays(1, to: day("2022-09-30")).description == "2022-10-08")
        #expect(try calendar.workingDays(from: day("2022-09-30"), to: day("2022-10-10")) == 3)
    }

    @Test func springFestivalTwentyTwentyTwoAndTwentyTwentyThree() throws {
        let calendar = Self.calendar
        // 2022: 01-31…02-06 off; Saturday 01-29 and Sunday 01-30 worked.
        #expect(try calendar.kind(of: day("2022-02-01")) == .holiday("春节"))
        #expect(try calendar.kind(of: day("2022-01-29")) == .adjustedWorkingDay("春节"))
        #expect(try calendar.addingWorkingDays(1, to: day("2022-01-28")).description == "2022-01-29")
        #expect(try calendar.addingWorkingDays(3, to: day("2022-01-28")).description == "2022-02-07")
        // 2023: 01-21…01-27 off; 01-28 and 01-29 worked.
        #expect(try !calendar.isWorkingDay(day("2023-01-27")))
        #expect(try calendar.addingWorkingDays(1, to: day("2023-01-20")).description == "2023-01-28")
        #expect(try calendar.workingDays(from: day("2023-01-20"), to: day("2023-01-31")) == 4)
    }

    /// 2022-12-31 to 2023-01-02 is 元旦 2023 (listed in the 2023 notice), so the three working
    /// days after Friday 2022-12-30 are 01-03, 01-04 and 01-05.
    @Test func countingAcrossTheYearBoundary() throws {
        let calendar = Self.calendar
        #expect(try calendar.kind(of: day("2022-12-31")) == .holiday("元旦"))
        #expect(try calendar.addingWorkingDays(3, to: day("2022-12-30")).description == "2023-01-05")
        #expect(try calendar.workingDays(from: day("2022-12-30"), to: day("2023-01-05")) == 3)
        // The day before the first year is a valid starting point: it is never counted itself.
        #expect(try calendar.addingWorkingDays(1, to: day("2021-12-31")).description == "2022-01-04")
    }

    /// The date itself is not counted; a version dated on a holiday counts from the next
    /// working day, so it is due on the same day as one dated just before the holiday.
    @Test func aVersionDatedOnAHolidayCountsFromTheNextWorkingDay() throws {
        let calendar = Self.calendar
        let due = try calendar.addingWorkingDays(10, to: day("2022-10-03"))
        #expect(due.description == "2022-10-19")
        #expect(try calendar.addingWorkingDays(10, to: day("2022-09-30")) == due)
        #expect(try calendar.workingDays(from: day("2022-10-03"), to: due) == 10)
        // Done on 2022-10-21: two working days late.
        #expect(try calendar.workingDays(from: due, to: day("2022-10-21")) == 2)
    }

    @Test func weekendsAreSkippedAndCountsAreSigned() throws {
        let calendar = Self.calendar
        #expect(try calendar.addingWorkingDays(1, to: day("2022-11-04")).description == "2022-11-07")
        #expect(try calendar.addingWorkingDays(1, to: day("2022-11-05")).description == "2022-11-07")
        #expect(try calendar.addingWorkingDays(5, to: day("2022-11-04")).description == "2022-11-11")
        #expect(try calendar.workingDays(from: day("2022-11-04"), to: day("2022-11-06")) == 0)
        #expect(try calendar.workingDays(from: day("2022-11-07"), to: day("2022-11-07")) == 0)
        #expect(try calendar.workingDays(from: day("2022-11-07"), to: day("2022-11-04")) == -1)
        #expect(try calendar.workingDays(from: day("2022-11-14"), to: day("2022-11-04")) == -6)
    }

    @Test func datesOutsideTheCalendarAreAnErrorNamingItsYears() throws {
        let calendar = Self.calendar
        #expect(throws: WorkingDayError.dateOutsideCalendar(try day("2027-01-04"), years: 2022...2026)) {
            try calendar.isWorkingDay(day("2027-01-04"))
        }
        #expect(
            WorkingDayError.dateOutsideCalendar(try day("2027-01-04"), years: 2022...2026).description
                == "工作日历只收录 2022—2026 年，无法判断 2027-01-04 是否为工作日")
        // The count would run past 2026-12-31: no weekday-only guess for 2027.
        do {
            _ = try calendar.addingWorkingDays(10, to: day("2026-12-25"))
            Issue.record("a count past the calendar must fail")
        } catch {
            #expect("\(error)" == "工作日历只收录 2022—2026 年，无法计算 2026-12-25 之后的第 10 个工作日")
        }
        #expect(try calendar.addingWorkingDays(3, to: day("2026-12-25")).description == "2026-12-30")
        #expect(throws: WorkingDayError.self) { try calendar.addingWorkingDays(1, to: day("2027-01-04")) }
        #expect(throws: WorkingDayError.self) { try calendar.isWorkingDay(day("2021-12-31")) }
        do {
            _ = try calendar.workingDays(from: day("2021-12-01"), to: day("2022-01-05"))
            Issue.record("a span starting before the calendar must fail")
        } catch {
            #expect("\(error)" == "工作日历只收录 2022—2026 年，无法计算 2021-12-01 至 2022-01-05 之间的工作日数")
        }
    }

    @Test func theNumberOfWorkingDaysIsBounded() throws {
        let calendar = Self.calendar
        for n in [0, -1, 3661, Int.max, Int.min] {
            #expect(throws: WorkingDayError.countOutOfRange(n, limit: 3660)) {
                try calendar.addingWorkingDays(n, to: day("2022-10-03"))
            }
        }
        #expect(WorkingDayError.countOutOfRange(0, limit: 3660).description == "工作日数应在 1 至 3660 之间，而不是 0")
        // Within the limit but past the calendar's end: the calendar error, not a guess.
        #expect(throws: WorkingDayError.countOutsideCalendar(3660, after: try day("2022-10-03"), years: 2022...2026)) {
            try calendar.addingWorkingDays(3660, to: day("2022-10-03"))
        }
    }

    @Test func aCorpusWithoutACalendarHasNone() throws {
        let root = try Fixture.scratchCorpus()
        #expect(try WorkingDayCalendar.load(corpus: root.path) == nil)
    }
}

/// Every mistake in a calendar file is a ``CorpusError`` naming the file and the line.
@Suite("WorkingDayCalendar: checking the file") struct WorkingDayCalendarFileTests {
    /// A small valid file; `line N` comments give the line numbers the tests expect.
    static let valid = """
        years:
          - year: 2022
            source: {title: 国务院办公厅关于2022年部分节假日安排的通知, number: 国办发明电〔2021〕11号, date: 2021-10-25}
            holidays:
              - name: 国庆节
                from: 2022-10-01
                to: 2022-10-07
                work: [2022-10-08, 2022-10-09]
          - year: 2023
            source: {title: 国务院办公厅关于2023年部分节假日安排的通知, date: 2022-12-08}
            holidays:
              - name: 元旦
                from: 2022-12-31
                to: 2023-01-02
              - name: 清明节
                from: 2023-04-05

        """

    /// The error `yaml` gives, or `nil` when it parses.
    func error(_ yaml: String) -> CorpusError? {
        do {
            _ = try WorkingDayCalendar(file: "calendar/workdays.yaml", yaml: yaml)
            return nil
        } catch {
            return error
        }
    }

    func expectError(_ yaml: String, line: Int?, containing text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let error = error(yaml) else {
            Issue.record("expected an error containing “\(text)”", sourceLocation: sourceLocation)
            return
        }
        #expect(error.file == "calendar/workdays.yaml", sourceLocation: sourceLocation)
        #expect(error.line == line, "\(error)", sourceLocation: sourceLocation)
        #expect(error.message.contains(text), "\(error)", sourceLocation: sourceLocation)
    }

    func replacing(_ old: String, with new: String) -> String {
        precondition(Self.valid.contains(old), old)
        return Self.valid.replacingOccurrences(of: old, with: new)
    }

    @Test func theValidFileParsesWithANewYearHolidayStartingTheYearBefore() throws {
        let calendar = try WorkingDayCalendar(file: "calendar/workdays.yaml", yaml: Self.valid)
        #expect(calendar.coveredYears == 2022...2023)
        #expect(calendar.years[1].source.number == nil)
        let newYear = try #require(CalendarDate(iso: "2022-12-31"))
        #expect(try calendar.kind(of: newYear) == .holiday("元旦"))
        #expect(try calendar.addingWorkingDays(1, to: #require(CalendarDate(iso: "2023-04-04"))).description == "2023-04-06")
    }

    @Test func unknownKeysAreErrorsAtTheirLine() {
        expectError("yaers:\n  - year: 2022\n", line: 1, containing: "未知的键“yaers”")
        expectError(replacing("  - year: 2023", with: "  - yaer: 2023"), line: 9, containing: "未知的键“yaer”")
        expectError(replacing("to: 2022-10-07", with: "until: 2022-10-07"), line: 7, containing: "未知的键“until”")
        expectError(replacing("date: 2022-12-08", with: "dated: 2022-12-08"), line: 10, containing: "未知的键“dated”")
    }

    @Test func aDayBothOffAndWorkedIsAnError() {
        expectError(
            replacing("work: [2022-10-08, 2022-10-09]", with: "work: [2022-10-01]"), line: 8,
            containing: "2022-10-01 既列为国庆节的放假日（第 7 行），又列为国庆节的调休上班日")
    }

    @Test func aDayOffListedAfterItWasWorkedIsAnError() {
        let yaml = replacing(
            "      - name: 清明节\n        from: 2023-04-05\n",
            with: "      - name: 清明节\n        from: 2023-04-05\n        work: [2023-01-07]\n"
                + "      - name: 补假\n        from: 2023-01-07\n")
        expectError(yaml, line: 19, containing: "2023-01-07 既列为补假的放假日，又列为清明节的调休上班日（第 17 行）")
    }

    @Test func anAdjustedWorkingDayMustBeAWeekendDay() {
        expectError(
            replacing("work: [2022-10-08, 2022-10-09]", with: "work: [2022-10-08, 2022-10-10]"), line: 8,
            containing: "调休上班日 2022-10-10 是星期一，不是周末")
    }

    @Test func adjustedWorkingDaysAreListedOnce() {
        expectError(
            replacing("work: [2022-10-08, 2022-10-09]", with: "work:\n          - 2022-10-08\n          - 2022-10-08"),
            line: 10, containing: "调休上班日 2022-10-08 重复：第 9 行已列出")
    }

    @Test func aHolidayMustFallInItsYear() {
        expectError(
            replacing("from: 2023-04-05", with: "from: 2024-04-04"), line: 16, containing: "清明节的放假日期 2024-04-04 至 2024-04-04 不在 2023 年内")
        expectError(
            replacing("from: 2022-10-01", with: "from: 2021-10-01").replacingOccurrences(of: "to: 2022-10-07", with: "to: 2021-10-07"),
            line: 6, containing: "国庆节的放假日期 2021-10-01 至 2021-10-07 不在 2022 年内")
        expectError(
            replacing("work: [2022-10-08, 2022-10-09]", with: "work: [2023-02-04]"), line: 8,
            containing: "调休上班日 2023-02-04 不在 2022 年内")
    }

    @Test func holidaysEndAfterTheyStartAndAreShort() {
        expectError(replacing("to: 2022-10-07", with: "to: 2022-09-30"), line: 7, containing: "放假结束日 2022-09-30 早于开始日 2022-10-01")
        expectError(replacing("to: 2022-10-07", with: "to: 2022-12-07"), line: 7, containing: "超过 31 天")
    }

    @Test func daysOffAreListedOnce() {
        expectError(
            replacing("from: 2023-04-05", with: "from: 2023-01-02"), line: 16,
            containing: "2023-01-02 已列为元旦的放假日（第 14 行），不能再列为清明节的放假日")
    }

    @Test func yearsAreUniqueAndConsecutive() {
        expectError(replacing("  - year: 2023", with: "  - year: 2022"), line: 9, containing: "年份 2022 重复：第 2 行已列出")
        let gap = replacing("  - year: 2023", with: "  - year: 2025")
            .replacingOccurrences(of: "2022-12-31", with: "2024-12-31").replacingOccurrences(of: "2023-", with: "2025-")
        expectError(gap, line: 9, containing: "缺少 2023—2024 年")
        expectError(replacing("  - year: 2023", with: "  - year: 二〇二三"), line: 9, containing: "“year”应为 1900 至 2200 之间的年份，而不是“二〇二三”")
    }

    @Test func malformedDatesAreErrorsAtTheirLine() {
        expectError(replacing("to: 2022-10-07", with: "to: 2022-10-32"), line: 7, containing: "“to”应为 YYYY-MM-DD 形式的日期")
        expectError(replacing("from: 2022-10-01", with: "from: 10月1日"), line: 6, containing: "而不是“10月1日”")
        expectError(replacing("date: 2022-12-08", with: "date: 2022-02-30"), line: 10, containing: "“date”应为 YYYY-MM-DD")
        expectError(
            replacing("work: [2022-10-08, 2022-10-09]", with: "work: [2022-10-08, 2022/10/09]"), line: 8, containing: "而不是“2022/10/09”")
        expectError(replacing("from: 2023-04-05", with: "from: [2023-04-05]"), line: 16, containing: "“from”应为 YYYY-MM-DD")
    }

    @Test func missingValuesAndEmptyYearsAreErrors() {
        expectError(replacing("      - name: 清明节\n", with: "      - title: 清明节\n"), line: 15, containing: "未知的键“title”")
        expectError(replacing("      - name: 清明节\n", with: "      -\n"), line: 16, containing: "缺少“name”")
        expectError(
            replacing("    source: {title: 国务院办公厅关于2023年部分节假日安排的通知, date: 2022-12-08}\n", with: ""),
            line: 9, containing: "缺少“source”")
        expectError(
            "years:\n  - year: 2027\n    source: {title: 通知, date: 2026-11-01}\n    holidays: []\n", line: 4, containing: "2027 年没有列出任何节假日")
        expectError("years: []\n", line: 1, containing: "“years”应列出至少一个年份")
        expectError("", line: 1, containing: "文件为空")
    }

    @Test func yamlSyntaxErrorsNameTheirLine() {
        expectError(replacing("to: 2022-10-07", with: "to: [2022-10-07"), line: 8, containing: "YAML 格式有误")
        expectError(
            replacing("    holidays:\n      - name: 国庆节", with: "    holidays:\n    holidays:\n      - name: 国庆节"), line: 4,
            containing: "duplicate keys holidays")
    }

    /// A few lines of aliases standing for millions of dates are refused before any is read.
    @Test func aliasBombsAreRefused() {
        var yaml = "a: &a [2022-10-08, 2022-10-08, 2022-10-08, 2022-10-08, 2022-10-08, 2022-10-08, 2022-10-08, 2022-10-08]\n"
        for level in 1...8 {
            let previous = level == 1 ? "a" : "a\(level - 1)"
            yaml += "a\(level): &a\(level) [" + Array(repeating: "*\(previous)", count: 8).joined(separator: ", ") + "]\n"
        }
        expectError(yaml, line: nil, containing: "别名")
    }
}
