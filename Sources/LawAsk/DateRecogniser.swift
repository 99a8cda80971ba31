import LawCorpus

/// Finds the day or period a question is about: a day (2022年10月31日, 2022/10/31, 2022-1-5),
/// a month (2022年11月), a year (2023年), "since" (2023年以来, 自2022年11月起, 2022-11-01之后),
/// "until" (2022年底前, 2023年以前), and the relative words 今年, 去年, 最近 (whose meaning the
/// reading spells out).
public struct DateRecogniser: Sendable {
    /// The day "today" is (China Standard Time in use).
    public let today: CalendarDate

    /// A recogniser relative to `today`.
    public init(today: CalendarDate) {
        self.today = today
    }

    /// What was found.
    public struct Match: Equatable, Sendable {
        /// A single day asked about: the versions in force then.
        public var asOf: CalendarDate?
        /// The first day of the period asked about.
        public var since: CalendarDate?
        /// The last day of the period asked about.
        public var until: CalendarDate?
        /// How a relative word was read (最近 → 近 12 个月), for the reading's summary.
        public var note: String?
    }

    /// Words after a date meaning "from then on".
    static let sinceAfter = ["以来", "以后", "之后", "起", "后"]
    /// Words after a date meaning "up to then".
    static let untilAfter = ["以前", "之前", "前", "为止"]
    /// Words before a date meaning "from".
    static let sinceBefore: Set<Character> = ["自", "从"]

    /// The date words of `question`, claimed; `nil` when it names no date.
    public func recognise(_ question: inout Question) -> Match? {
        var match = Match()
        var found = false
        for date in WrittenDate.find(in: question.text) where !question.isClaimed(date.range) {
            found = true
            var range = date.range
            let after = String(question.characters[range.upperBound...].prefix(3))
            let before = range.lowerBound > 0 ? question.characters[range.lowerBound - 1] : nil
            if let word = Self.sinceAfter.first(where: after.hasPrefix) {
                match.since = date.first
                range = range.lowerBound..<(range.upperBound + word.count)
            } else if let word = Self.untilAfter.first(where: after.hasPrefix) {
                match.until = date.first.adding(days: -1)
                range = range.lowerBound..<(range.upperBound + word.count)
            } else if let before, Self.sinceBefore.contains(before) {
                match.since = date.first
            } else if date.precision == .day {
                match.asOf = date.first
            } else {
                match.since = date.first
                match.until = date.last
            }
            if let before, Self.sinceBefore.contains(before) { range = (range.lowerBound - 1)..<range.upperBound }
            question.claim(range)
        }
        if let relative = relative(&question) {
            found = true
            match.since = match.since ?? relative.since
            match.until = match.until ?? relative.until
            match.note = relative.note
        }
        return found ? match : nil
    }

    /// 今年, 去年, 最近 / 近期 / 近一年.
    private func relative(_ question: inout Question) -> Match? {
        let thisYear = CalendarDate(year: today.year, month: 1, day: 1)
        let lastYear = CalendarDate(year: today.year - 1, month: 1, day: 1)
        let lastYearEnd = CalendarDate(year: today.year - 1, month: 12, day: 31)
        let readings: [(words: [String], match: Match?)] = [
            (
                ["今年以来", "今年"],
                thisYear.map {
                    Match(since: $0, note: "今年（\($0) 起）")
                }
            ),
            (
                ["去年"],
                lastYear.flatMap { first in
                    lastYearEnd.map { last in
                        Match(since: first, until: last, note: "去年（\(first) 至 \(last)）")
                    }
                }
            ),
            (
                ["最近", "近期", "近一年", "近来"],
                Optional(
                    Match(
                        since: today.adding(days: -365), note: "最近（近 12 个月，\(today.adding(days: -365)) 起）"))
            ),
        ]
        for (words, reading) in readings {
            for word in words {
                guard let range = question.occurrences(of: Array(word)).first else { continue }
                question.claim(range)
                return reading
            }
        }
        return nil
    }
}
