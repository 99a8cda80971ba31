import Yams

/// Reads and checks `calendar/workdays.yaml`: every mistake a person editing it can make is a
/// ``CorpusError`` naming the file and the line, since a wrong calendar silently moves every
/// deadline counted in working days.
///
/// Checked: unknown keys, missing values, malformed dates and years, duplicate or missing years
/// (the years must be consecutive), holidays outside their year, holidays longer than
/// ``maximumHolidayLength`` days, days off listed twice, adjusted working days that are not a
/// Saturday or Sunday, listed twice, or also listed as a day off.
struct WorkingDayCalendarParser {
    /// Path of the file, for errors.
    let file: String

    /// The longest holiday accepted: the longest the notices ever gave is nine days, so a longer
    /// one is a typing mistake (2022-10-01 to 2022-12-07), and the bound keeps work per line small.
    static let maximumHolidayLength = 31
    /// How far outside its year a listed day may fall: 元旦 may start in the previous December
    /// (2023's began on 2022-12-31), and a day worked in exchange may lie just beyond.
    static let neighbourhood = 31

    /// Every day listed so far, with the holiday and line that listed it, to find conflicts.
    private struct Listed {
        var daysOff: [CalendarDate: (name: String, line: Int)] = [:]
        var workedDays: [CalendarDate: (name: String, line: Int)] = [:]
    }

    /// The years of the calendar, checked.
    func parse(_ yaml: String) throws(CorpusError) -> [WorkingDayCalendar.Year] {
        let root = try document(yaml)
        let top = try Fields(file: file, node: root, line: 1, allowed: ["years"], what: "工作日历")
        guard let (node, line) = top.value("years"), let entries = node.sequence, !entries.isEmpty else {
            throw CorpusError(file: file, line: top.value("years")?.line ?? 1, message: "“years”应列出至少一个年份")
        }
        var years: [WorkingDayCalendar.Year] = []
        var lines: [Int: Int] = [:]
        var listed = Listed()
        for entry in entries {
            let fields = try Fields(
                file: file, node: entry, line: entry.mark?.line ?? line,
                allowed: ["year", "source", "holidays"], what: "年份")
            let year = try fields.year("year")
            if let earlier = lines[year] {
                throw CorpusError(
                    file: file, line: fields.line(of: "year"), message: "年份 \(year) 重复：第 \(earlier) 行已列出")
            }
            lines[year] = fields.line(of: "year")
            years.append(
                WorkingDayCalendar.Year(
                    year: year, source: try source(fields),
                    holidays: try holidays(fields, year: year, listed: &listed)))
        }
        try checkConsecutive(years, lines: lines)
        return years
    }

    /// The YAML document's root node, with the loader's syntax and alias-expansion checks.
    private func document(_ yaml: String) throws(CorpusError) -> Node {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            _ = try Sidecar(file: file, yaml: yaml)  // reports the syntax error with its line
            throw CorpusError(file: file, message: "YAML 格式有误")
        }
        guard let root else { throw CorpusError(file: file, line: 1, message: "文件为空：应列出 years") }
        try Sidecar.checkExpansion(of: root, size: yaml.utf8.count, file: file)
        return root
    }

    private func source(_ year: Fields) throws(CorpusError) -> WorkingDayCalendar.Source {
        guard let (node, line) = year.value("source") else {
            throw CorpusError(file: file, line: year.line, message: "年份缺少“source”（放假安排通知的标题、文号、日期）")
        }
        let fields = try Fields(
            file: file, node: node, line: line, allowed: ["title", "number", "date"], what: "source")
        return WorkingDayCalendar.Source(
            title: try fields.requiredText("title"), number: try fields.text("number"),
            date: try fields.requiredDate("date"))
    }

    private func holidays(
        _ year: Fields, year number: Int, listed: inout Listed
    ) throws(CorpusError) -> [WorkingDayCalendar.Holiday] {
        guard let (node, line) = year.value("holidays"), let entries = node.sequence, !entries.isEmpty else {
            throw CorpusError(
                file: file, line: year.value("holidays")?.line ?? year.line,
                message: "\(number) 年没有列出任何节假日（holidays）；尚未发布放假安排通知的年份不要列入")
        }
        var result: [WorkingDayCalendar.Holiday] = []
        for entry in entries {
            let fields = try Fields(
                file: file, node: entry, line: entry.mark?.line ?? line,
                allowed: ["name", "from", "to", "work"], what: "节假日")
            result.append(try holiday(fields, year: number, listed: &listed))
        }
        return result
    }

    private func holiday(
        _ fields: Fields, year: Int, listed: inout Listed
    ) throws(CorpusError) -> WorkingDayCalendar.Holiday {
        let name = try fields.requiredText("name")
        let from = try fields.requiredDate("from")
        let to = try fields.date("to") ?? from
        let line = fields.line(of: fields.value("to") == nil ? "from" : "to")
        guard from <= to else {
            throw CorpusError(file: file, line: line, message: "\(name)的放假结束日 \(to) 早于开始日 \(from)")
        }
        guard to.daysSinceEpoch - from.daysSinceEpoch < Self.maximumHolidayLength else {
            throw CorpusError(
                file: file, line: line,
                message: "\(name)的放假期间 \(from) 至 \(to) 超过 \(Self.maximumHolidayLength) 天")
        }
        guard from.year <= year, to.year >= year else {
            throw CorpusError(
                file: file, line: fields.line(of: "from"),
                message: "\(name)的放假日期 \(from) 至 \(to) 不在 \(year) 年内")
        }
        var day = from
        while day <= to {  // at most maximumHolidayLength days
            try listOff(day, name: name, line: line, listed: &listed)
            day = day.adding(days: 1)
        }
        var worked: [CalendarDate] = []
        for (date, dateLine) in try fields.dates("work") {
            try listWorked(date, name: name, line: dateLine, year: year, listed: &listed)
            worked.append(date)
        }
        return WorkingDayCalendar.Holiday(name: name, daysOff: from...to, adjustedWorkingDays: worked)
    }

    private func listOff(_ day: CalendarDate, name: String, line: Int, listed: inout Listed) throws(CorpusError) {
        if let other = listed.daysOff[day] {
            throw CorpusError(
                file: file, line: line, message: "\(day) 已列为\(other.name)的放假日（第 \(other.line) 行），不能再列为\(name)的放假日")
        }
        if let other = listed.workedDays[day] {
            throw CorpusError(
                file: file, line: line,
                message: "\(day) 既列为\(name)的放假日，又列为\(other.name)的调休上班日（第 \(other.line) 行）")
        }
        listed.daysOff[day] = (name, line)
    }

    private func listWorked(
        _ day: CalendarDate, name: String, line: Int, year: Int, listed: inout Listed
    ) throws(CorpusError) {
        guard day.isWeekend else {
            throw CorpusError(
                file: file, line: line,
                message: "调休上班日 \(day) 是\(Self.weekdayNames[day.weekday - 1])，不是周末；调休上班日只能是周六或周日")
        }
        guard let first = CalendarDate(year: year, month: 1, day: 1)?.adding(days: -Self.neighbourhood),
            let last = CalendarDate(year: year, month: 12, day: 31)?.adding(days: Self.neighbourhood),
            first <= day, day <= last
        else {
            throw CorpusError(
                file: file, line: line, message: "调休上班日 \(day) 不在 \(year) 年内（也不在其前后 \(Self.neighbourhood) 天内）")
        }
        if let other = listed.daysOff[day] {
            throw CorpusError(
                file: file, line: line,
                message: "\(day) 既列为\(other.name)的放假日（第 \(other.line) 行），又列为\(name)的调休上班日")
        }
        if let other = listed.workedDays[day] {
            throw CorpusError(file: file, line: line, message: "调休上班日 \(day) 重复：第 \(other.line) 行已列出")
        }
        listed.workedDays[day] = (name, line)
    }

    private static let weekdayNames = ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"]

    /// The years must follow each other: a missing year would make every count across it wrong.
    private func checkConsecutive(_ years: [WorkingDayCalendar.Year], lines: [Int: Int]) throws(CorpusError) {
        let sorted = years.map(\.year).sorted()
        for (previous, next) in zip(sorted, sorted.dropFirst()) where next != previous + 1 {
            let missing = next - previous == 2 ? "\(previous + 1) 年" : "\(previous + 1)—\(next - 1) 年"
            throw CorpusError(
                file: file, line: lines[next],
                message: "年份不连续：\(previous) 年之后是 \(next) 年，缺少 \(missing)；工作日历须逐年相连")
        }
    }
}

/// A YAML mapping whose values keep their line numbers, and which admits only known keys.
private struct Fields {
    let file: String
    /// Line of the mapping itself.
    let line: Int
    private let entries: [String: (node: Node, line: Int)]

    init(file: String, node: Node, line: Int, allowed: [String], what: String) throws(CorpusError) {
        self.file = file
        self.line = node.mark?.line ?? line
        guard let mapping = node.mapping else {
            throw CorpusError(file: file, line: self.line, message: "\(what)应为“键: 值”的映射")
        }
        var entries: [String: (node: Node, line: Int)] = [:]
        for (key, value) in mapping {
            let keyLine = key.mark?.line ?? self.line
            guard let name = key.string, allowed.contains(name) else {
                let shown = String((key.string ?? "…").prefix(40))
                throw CorpusError(
                    file: file, line: keyLine,
                    message: "未知的键“\(shown)”；\(what)可用的键：\(allowed.joined(separator: "、"))")
            }
            entries[name] = (value, value.mark?.line ?? keyLine)
        }
        self.entries = entries
    }

    /// The value of `key` and its line; `nil` when absent or null.
    func value(_ key: String) -> (node: Node, line: Int)? {
        guard let entry = entries[key], entry.node.null == nil else { return nil }
        return entry
    }

    /// Line of the value of `key`, or of the mapping when it is absent.
    func line(of key: String) -> Int { entries[key]?.line ?? line }

    func text(_ key: String) throws(CorpusError) -> String? {
        guard let (node, line) = value(key) else { return nil }
        guard let scalar = node.scalar else {
            throw CorpusError(file: file, line: line, message: "“\(key)”应为一个值")
        }
        let text = TextSupport.trim(scalar.string)
        return text.isEmpty ? nil : text
    }

    func requiredText(_ key: String) throws(CorpusError) -> String {
        guard let text = try text(key) else { throw missing(key) }
        return text
    }

    func date(_ key: String) throws(CorpusError) -> CalendarDate? {
        guard let (node, line) = value(key) else { return nil }
        return try Self.date(node, key: key, line: line, file: file)
    }

    func requiredDate(_ key: String) throws(CorpusError) -> CalendarDate {
        guard let date = try date(key) else { throw missing(key) }
        return date
    }

    /// A list of dates, each with its line; a single date counts as a list of one.
    func dates(_ key: String) throws(CorpusError) -> [(date: CalendarDate, line: Int)] {
        guard let (node, line) = value(key) else { return [] }
        let items = node.sequence.map(Array.init) ?? [node]
        var result: [(date: CalendarDate, line: Int)] = []
        for item in items {
            let itemLine = item.mark?.line ?? line
            result.append((try Self.date(item, key: key, line: itemLine, file: file), itemLine))
        }
        return result
    }

    /// A year in ``CalendarDate/parsedYears``.
    func year(_ key: String) throws(CorpusError) -> Int {
        guard let (node, line) = value(key) else { throw missing(key) }
        let written = TextSupport.trim(node.scalar?.string ?? "…")
        guard let year = Int(written), CalendarDate.parsedYears.contains(year) else {
            throw CorpusError(
                file: file, line: line,
                message: "“\(key)”应为 \(CalendarDate.parsedYears.lowerBound) 至 "
                    + "\(CalendarDate.parsedYears.upperBound) 之间的年份，而不是“\(Self.shown(written))”")
        }
        return year
    }

    private static func date(_ node: Node, key: String, line: Int, file: String) throws(CorpusError) -> CalendarDate {
        let written = TextSupport.trim(node.scalar?.string ?? "…")
        guard node.scalar != nil, let date = CalendarDate(iso: written) else {
            throw CorpusError(
                file: file, line: line,
                message: "“\(key)”应为 YYYY-MM-DD 形式的日期（年份 \(CalendarDate.parsedYears.lowerBound) 至 "
                    + "\(CalendarDate.parsedYears.upperBound)），而不是“\(shown(written))”")
        }
        return date
    }

    /// At most 40 characters of what was written (``CorpusError`` escapes control characters).
    private static func shown(_ text: String) -> String {
        String(text.prefix(40))
    }

    private func missing(_ key: String) -> CorpusError {
        CorpusError(file: file, line: line, message: "缺少“\(key)”")
    }
}
