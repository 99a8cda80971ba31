extension WorkingDayCalendar {
    /// One holiday with its year's notice: the flat form in which an index stores the calendar,
    /// so that a server holding only the index counts working days exactly as the corpus says.
    public struct StoredHoliday: Sendable, Equatable {
        /// The year whose notice arranges the holiday.
        public var year: Int
        /// The notice's title, 文号 and date.
        public var sourceTitle: String
        public var sourceNumber: String?
        public var sourceDate: CalendarDate
        /// 国庆节.
        public var name: String
        /// First and last day off.
        public var from: CalendarDate
        public var to: CalendarDate
        /// Weekend days worked in exchange.
        public var work: [CalendarDate]

        /// Creates a stored holiday from its parts.
        public init(
            year: Int, sourceTitle: String, sourceNumber: String?, sourceDate: CalendarDate, name: String,
            from: CalendarDate, to: CalendarDate, work: [CalendarDate]
        ) {
            self.year = year
            self.sourceTitle = sourceTitle
            self.sourceNumber = sourceNumber
            self.sourceDate = sourceDate
            self.name = name
            self.from = from
            self.to = to
            self.work = work
        }
    }

    /// Every holiday of every year, in order: what an index stores.
    public var storedHolidays: [StoredHoliday] {
        years.flatMap { year in
            year.holidays.map { holiday in
                StoredHoliday(
                    year: year.year, sourceTitle: year.source.title, sourceNumber: year.source.number,
                    sourceDate: year.source.date, name: holiday.name, from: holiday.daysOff.lowerBound,
                    to: holiday.daysOff.upperBound, work: holiday.adjustedWorkingDays)
            }
        }
    }

    /// The calendar an index stored (``storedHolidays``).
    ///
    /// The years must follow each other and no holiday may be longer than the calendar file
    /// allows; a stored calendar that breaks this (a damaged index) is refused with a message,
    /// so that no count is made over an unknown gap.
    public init(stored: [StoredHoliday]) throws(StoredCalendarError) {
        var years: [Year] = []
        for holiday in stored {
            guard holiday.from <= holiday.to,
                holiday.to.daysSinceEpoch - holiday.from.daysSinceEpoch < WorkingDayCalendarParser.maximumHolidayLength
            else { throw StoredCalendarError(years: stored.map(\.year)) }
            let entry = Holiday(name: holiday.name, daysOff: holiday.from...holiday.to, adjustedWorkingDays: holiday.work)
            if years.last?.year == holiday.year {
                years[years.count - 1].holidays.append(entry)
            } else {
                let source = Source(title: holiday.sourceTitle, number: holiday.sourceNumber, date: holiday.sourceDate)
                years.append(Year(year: holiday.year, source: source, holidays: [entry]))
            }
        }
        let numbers = years.map(\.year)
        guard let first = numbers.first, numbers == Array(first..<(first + numbers.count)), numbers.count <= 300 else {
            throw StoredCalendarError(years: numbers)
        }
        self.init(checkedYears: years)
    }
}

/// A stored calendar whose years are missing, repeated or not consecutive.
public struct StoredCalendarError: Error, Sendable, CustomStringConvertible {
    /// The years found.
    public var years: [Int]
    public var description: String {
        let found = Array(Set(years)).sorted().map(String.init).joined(separator: "、")
        return "索引中的工作日历不完整（年份：\(found.isEmpty ? "无" : found)）；请重新运行 lawkb index"
    }
}
