import Foundation

/// China's working-day calendar: which days are 工作日, from the public holidays and adjusted
/// working days (调休上班) the State Council General Office announces each year.
///
/// Rules that count 工作日 (“动态调整后10个工作日内”, “完成后20个工作日内”) are computed with it.
/// It knows only the years its file lists (`Corpus/calendar/workdays.yaml`); any question about a
/// day outside them is a ``WorkingDayError`` naming those years, never a weekday-only guess,
/// because a guess would be wrong around every holiday the file does not yet contain.
///
/// A day is a working day when it is Monday to Friday and not a day off of a holiday, or when it
/// is a weekend day listed as an adjusted working day.
public struct WorkingDayCalendar: Sendable {
    /// Where the calendar lives inside a corpus directory.
    public static let relativePath = "calendar/workdays.yaml"

    /// The largest number of working days one computation may count: ten years' worth, far past
    /// any deadline a rule sets, so that a wrong number fails clearly instead of running on.
    public static let maximumWorkingDays = 3660

    /// The annual notice a year's arrangement comes from.
    public struct Source: Sendable, Equatable {
        /// 国务院办公厅关于2022年部分节假日安排的通知.
        public var title: String
        /// 文号 (国办发明电〔2021〕11号), when known.
        public var number: String?
        /// The date the notice was issued.
        public var date: CalendarDate
    }

    /// One festival's arrangement: its days off and the weekend days worked in exchange.
    public struct Holiday: Sendable, Equatable {
        /// 国庆节, or 中秋节、国庆节 when the notice joins two.
        public var name: String
        /// The days off, both ends included.
        public var daysOff: ClosedRange<CalendarDate>
        /// The weekend days that are working days (调休上班).
        public var adjustedWorkingDays: [CalendarDate]
    }

    /// One year's arrangement, as one notice gives it.
    public struct Year: Sendable, Equatable {
        /// The year the notice arranges.
        public var year: Int
        /// The notice.
        public var source: Source
        /// Its holidays, in file order.
        public var holidays: [Holiday]
    }

    /// What a day is, and why.
    public enum DayKind: Sendable, Equatable {
        /// Monday to Friday, no holiday.
        case weekday
        /// Saturday or Sunday, no adjusted working day.
        case weekend
        /// A day off of the named holiday (it may fall on a weekend).
        case holiday(String)
        /// A weekend day worked in exchange for the named holiday.
        case adjustedWorkingDay(String)

        /// Whether work is done that day.
        public var isWorkingDay: Bool {
            switch self {
            case .weekday, .adjustedWorkingDay: return true
            case .weekend, .holiday: return false
            }
        }
    }

    /// The years, in order; consecutive, so that every day between the first and the last is known.
    public let years: [Year]
    /// The years the calendar covers (2022...2026).
    public let coveredYears: ClosedRange<Int>

    /// Days since the epoch of 1 January of the first year.
    private let firstDay: Int
    /// `workingDaysThrough[i]`: working days from the first day up to and including day `i`.
    private let workingDaysThrough: [Int]
    /// Day offsets of the working days, in order: the k-th working day of the calendar is `workingDayOffsets[k - 1]`.
    private let workingDayOffsets: [Int]
    private let daysOff: [CalendarDate: String]
    private let adjusted: [CalendarDate: String]

    /// A calendar from checked years: consecutive, no day both off and worked (the parser checks
    /// this and reports file and line; see ``init(file:yaml:)``).
    init(checkedYears: [Year]) {
        let years = checkedYears.sorted { $0.year < $1.year }
        self.years = years
        let first = years.first?.year ?? 0
        let last = years.last?.year ?? -1
        coveredYears = first...max(first, last)
        var daysOff: [CalendarDate: String] = [:]
        var adjusted: [CalendarDate: String] = [:]
        for holiday in years.flatMap(\.holidays) {
            var day = holiday.daysOff.lowerBound
            while day <= holiday.daysOff.upperBound {  // at most 31 days: the parser's limit
                daysOff[day] = holiday.name
                day = day.adding(days: 1)
            }
            for day in holiday.adjustedWorkingDays { adjusted[day] = holiday.name }
        }
        self.daysOff = daysOff
        self.adjusted = adjusted
        let start = CalendarDate(year: first, month: 1, day: 1)?.daysSinceEpoch ?? 0
        let end = CalendarDate(year: max(first, last), month: 12, day: 31)?.daysSinceEpoch ?? -1
        firstDay = start
        var through: [Int] = []
        var offsets: [Int] = []
        through.reserveCapacity(max(0, end - start + 1))
        for offset in 0..<max(0, end - start + 1) {  // at most 301 years of CalendarDate.parsedYears
            let date = CalendarDate(daysSinceEpoch: start + offset)
            if Self.kind(of: date, daysOff: daysOff, adjusted: adjusted).isWorkingDay { offsets.append(offset) }
            through.append(offsets.count)
        }
        workingDaysThrough = through
        workingDayOffsets = offsets
    }

    private static func kind(
        of date: CalendarDate, daysOff: [CalendarDate: String], adjusted: [CalendarDate: String]
    ) -> DayKind {
        if let name = adjusted[date] { return .adjustedWorkingDay(name) }
        if let name = daysOff[date] { return .holiday(name) }
        return date.isWeekend ? .weekend : .weekday
    }

    /// What `date` is: a weekday, a weekend day, a holiday or an adjusted working day.
    public func kind(of date: CalendarDate) throws(WorkingDayError) -> DayKind {
        guard offset(of: date) != nil else { throw .dateOutsideCalendar(date, years: coveredYears) }
        return Self.kind(of: date, daysOff: daysOff, adjusted: adjusted)
    }

    /// Whether work is done on `date`.
    public func isWorkingDay(_ date: CalendarDate) throws(WorkingDayError) -> Bool {
        try kind(of: date).isWorkingDay
    }

    /// The `n`-th working day after `date`: the last day of “`date`后`n`个工作日内”.
    ///
    /// The day of the event itself is never counted (民法典第二百零一条：开始的当日不计入), whether
    /// or not it is a working day; the first working day after it is day 1. So a list version
    /// dated on a holiday (2022-10-03, 国庆) counts from the next working day (2022-10-08, an
    /// adjusted working day) and is due on 2022-10-19, like one dated on the last working day
    /// before the holiday: the holiday gives no extra time and takes none away.
    /// (chinese-calendar's `find_workday` differs here: it first moves a holiday to the next working
    /// day and counts from that day, giving 2022-10-20, one day the law does not grant.)
    ///
    /// `n` is 1 through ``maximumWorkingDays``; the result must lie inside the calendar.
    public func addingWorkingDays(_ n: Int, to date: CalendarDate) throws(WorkingDayError) -> CalendarDate {
        guard (1...Self.maximumWorkingDays).contains(n) else {
            throw .countOutOfRange(n, limit: Self.maximumWorkingDays)
        }
        guard let offset = countingOffset(of: date) else {
            throw .countOutsideCalendar(n, after: date, years: coveredYears)
        }
        let before = offset < 0 ? 0 : workingDaysThrough[offset]
        let index = before + n - 1  // cannot overflow: both terms are bounded by the table's size
        guard index < workingDayOffsets.count else {
            throw .countOutsideCalendar(n, after: date, years: coveredYears)
        }
        return CalendarDate(daysSinceEpoch: firstDay + workingDayOffsets[index])
    }

    /// The working days strictly after `from` up to and including `to`: how many working days
    /// late something done on `to` is for a deadline of `from`. Zero when `to` is `from`, and
    /// negative (the same count, signed) when `to` is before `from`.
    public func workingDays(from: CalendarDate, to: CalendarDate) throws(WorkingDayError) -> Int {
        guard let start = countingOffset(of: from), let end = countingOffset(of: to) else {
            throw .spanOutsideCalendar(from: from, to: to, years: coveredYears)
        }
        func through(_ offset: Int) -> Int { offset < 0 ? 0 : workingDaysThrough[offset] }
        return through(end) - through(start)
    }

    /// Offset of `date` from the first day, when the calendar knows it.
    private func offset(of date: CalendarDate) -> Int? {
        let offset = date.daysSinceEpoch - firstDay
        return workingDaysThrough.indices.contains(offset) ? offset : nil
    }

    /// Offset of `date` as a starting point of a count: also the day before the first day, since
    /// a count never includes its starting day (31 December before the first year counts from 1 January).
    private func countingOffset(of date: CalendarDate) -> Int? {
        let offset = date.daysSinceEpoch - firstDay
        return (-1..<workingDaysThrough.count).contains(offset) ? offset : nil
    }

    /// The calendar of the corpus at `root` (its `calendar/workdays.yaml`), or `nil` when the
    /// corpus has none.
    public static func load(corpus root: String) throws(CorpusError) -> WorkingDayCalendar? {
        let file = (root as NSString).appendingPathComponent(relativePath)
        guard let text = try TextFile.read(file, required: false) else { return nil }
        return try WorkingDayCalendar(file: file, yaml: text)
    }

    /// Parses and checks a calendar file's text; `file` names it in errors.
    public init(file: String, yaml: String) throws(CorpusError) {
        self.init(checkedYears: try WorkingDayCalendarParser(file: file).parse(yaml))
    }
}

/// A question the calendar cannot answer.
public enum WorkingDayError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `date` lies outside the years the calendar covers.
    case dateOutsideCalendar(CalendarDate, years: ClosedRange<Int>)
    /// The `count`-th working day after the date lies outside the calendar (or the date does).
    case countOutsideCalendar(Int, after: CalendarDate, years: ClosedRange<Int>)
    /// A count of working days between two dates, one of them outside the calendar.
    case spanOutsideCalendar(from: CalendarDate, to: CalendarDate, years: ClosedRange<Int>)
    /// A number of working days outside 1...`limit`.
    case countOutOfRange(Int, limit: Int)

    /// In Chinese, naming the years the calendar knows.
    public var description: String {
        switch self {
        case .dateOutsideCalendar(let date, let years):
            return "\(Self.known(years))，无法判断 \(date) 是否为工作日"
        case .countOutsideCalendar(let count, let date, let years):
            return "\(Self.known(years))，无法计算 \(date) 之后的第 \(count) 个工作日"
        case .spanOutsideCalendar(let from, let to, let years):
            return "\(Self.known(years))，无法计算 \(from) 至 \(to) 之间的工作日数"
        case .countOutOfRange(let count, let limit):
            return "工作日数应在 1 至 \(limit) 之间，而不是 \(count)"
        }
    }

    private static func known(_ years: ClosedRange<Int>) -> String {
        let span = years.count == 1 ? "\(years.lowerBound)" : "\(years.lowerBound)—\(years.upperBound)"
        return "工作日历只收录 \(span) 年"
    }
}

extension CalendarDate {
    /// Saturday or Sunday.
    var isWeekend: Bool { weekday >= 6 }
}
