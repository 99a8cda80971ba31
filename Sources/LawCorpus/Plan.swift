/// Facts about a plan (实施方案) that its body does not state in a fixed place.
public struct PlanMetadata: Codable, Sendable, Equatable {
    /// Title of the plan itself: `乌审旗“优化法治化营商环境 服务保障高质量发展”行政执法质量提升年实施方案`.
    public var title: String
    /// Document number (文号): `乌司发〔2022〕11号`.
    public var number: String
    /// Issuing office: `乌审旗司法局`.
    public var issuer: String
    /// The plan's year; dates written without a year (`11月10日前`) fall in it.
    public var year: Int
    /// Date of issue, when known.
    public var date: CalendarDate?

    /// Creates plan metadata from its parts.
    public init(title: String, number: String, issuer: String, year: Int, date: CalendarDate?) {
        self.title = title
        self.number = number
        self.issuer = issuer
        self.year = year
        self.date = date
    }
}

/// What a unit of a plan is, from the document header down to a numbered point.
public enum PlanSectionKind: String, Codable, Sendable {
    /// The document number and notice title.
    case heading
    /// Addressees and introduction before the first part.
    case preamble
    /// A top-level part: 一、目标任务.
    case part
    /// A measure inside a part: （一）推行包容审慎监管执法制度.
    case measure
    /// A numbered point inside a measure: 1.不予处罚事项清单.
    case point
    /// A measure's 进度安排 paragraph: its timetable.
    case schedule
    /// The 附件 list at the end.
    case attachments
}

/// One searchable unit of a plan, located by the headings that enclose it.
public struct PlanSection: Sendable {
    /// What the unit is.
    public var kind: PlanSectionKind
    /// Its own title: `推行包容审慎监管执法制度`, `1.不予处罚事项清单`, `进度安排`, `目标任务`.
    public var title: String
    /// The part and measure headings that enclose it, as written, its own included when it is a
    /// part or measure: `["二、方法措施", "（一）推行包容审慎监管执法制度"]`. Empty for the
    /// heading, preamble and attachments.
    public var path: [String]
    /// The lines of the unit as written (heading line included), joined by newlines; child
    /// units (points, schedules) are separate sections.
    public var text: String
    /// 1-based line where the unit starts.
    public var line: Int
    /// Article citations in `text`.
    public var citations: [Citation]

    /// Creates a section from its parts.
    public init(
        kind: PlanSectionKind, title: String, path: [String], text: String, line: Int,
        citations: [Citation] = []
    ) {
        self.kind = kind
        self.title = title
        self.path = path
        self.text = text
        self.line = line
        self.citations = citations
    }
}

/// How a deadline is fixed.
public enum DeadlineKind: String, Codable, Sendable, CaseIterable, CustomStringConvertible {
    /// A calendar date: `2022年10月底前`, `11月10日前`.
    case absolute
    /// Counted from an event: `动态调整后10个工作日内`, `开展单项联合执法工作前`.
    case relative
    /// Repeating: `每月25日前`, `每年2月底之前`.
    case recurring

    /// The code, as JSON writes the kind: `absolute`, `relative`, `recurring`.
    public var description: String { rawValue }

    /// The Chinese name the deadlines page shows: 限期, 相对期限, 定期.
    public var chineseName: String {
        switch self {
        case .absolute: "限期"
        case .relative: "相对期限"
        case .recurring: "定期"
        }
    }
}

/// A time limit the plan sets: who must do what, by when, and to whom it is reported.
public struct Deadline: Codable, Sendable, Equatable {
    /// The measure it belongs to, as part number and measure heading:
    /// `二、（一）推行包容审慎监管执法制度`, `三、（二）强化跟踪督导`; the part heading when the
    /// deadline is outside any measure.
    public var measure: String
    /// What must be done, from the sentence: `完成…“四张清单”的编制工作并向社会公示`.
    public var task: String
    /// Who must do it: the sentence's subject, else the last one named before it in the measure.
    public var responsible: String?
    /// The date, for absolute deadlines (a year-less date takes the plan's year; 月底 is the
    /// month's last day).
    public var due: CalendarDate?
    /// The time expression as written: `2022年10月底前`, `动态调整后10个工作日内`, `每月25日前`.
    public var rule: String
    /// Absolute, relative or recurring.
    public var kind: DeadlineKind
    /// The office the result goes to: `司法局`, `旗司法局`, `市司法局`, `旗委依法治旗办`.
    public var reportTo: String?
    /// 1-based line of the sentence.
    public var line: Int

    /// Creates a deadline from its parts.
    public init(
        measure: String, task: String, responsible: String?, due: CalendarDate?, rule: String,
        kind: DeadlineKind, reportTo: String?, line: Int
    ) {
        self.measure = measure
        self.task = task
        self.responsible = responsible
        self.due = due
        self.rule = rule
        self.kind = kind
        self.reportTo = reportTo
        self.line = line
    }

    enum CodingKeys: String, CodingKey {
        case measure, task, responsible, due, rule, kind
        case reportTo = "report_to"
        case line
    }
}

/// A parsed plan: metadata, sections, deadlines and what the parser noticed.
public struct Plan: Sendable {
    /// Title, number, issuer, year.
    public var metadata: PlanMetadata
    /// Path of the text file, as given to the loader.
    public var file: String
    /// Units in document order.
    public var sections: [PlanSection]
    /// Every deadline in the text, in order.
    public var deadlines: [Deadline]
    /// The number of measures the text announces (`十一项措施` → 11), if it says.
    public var announcedMeasureCount: Int?
    /// The measures actually enumerated in the measures part (二、方法措施).
    public var measureCount: Int
    /// Observations for a reader, such as a mismatch between announced and enumerated measures.
    public var notes: [String]

    /// Creates a plan from its parts.
    public init(
        metadata: PlanMetadata, file: String, sections: [PlanSection], deadlines: [Deadline],
        announcedMeasureCount: Int?, measureCount: Int, notes: [String]
    ) {
        self.metadata = metadata
        self.file = file
        self.sections = sections
        self.deadlines = deadlines
        self.announcedMeasureCount = announcedMeasureCount
        self.measureCount = measureCount
        self.notes = notes
    }
}

/// Everything the loader read: plans, regulations, and warnings about the files.
public struct Corpus: Sendable {
    /// Plans from `plan/*.txt`.
    public var plans: [Plan]
    /// Regulations from `regulations/*.md`, sorted by title and version.
    public var regulations: [Regulation]
    /// Problems that did not stop loading (unknown sidecar keys, text outside articles, …).
    public var warnings: [String]
    /// Departments from `departments.yaml`.
    public var departments: [Department]
    /// List versions from `lists/**.yaml`, grouped by department and kind, oldest first.
    public var lists: [ListVersion]
    /// The plan's obligations from `plan/obligations.yaml`, when the corpus has that file.
    public var obligations: ObligationSet?
    /// Documents received by the justice bureau, from `filings/**.yaml`, in path order.
    public var filings: [Filing]
    /// Dated events that start rules counting (联合执法完成 …), from `events/**.yaml`, in path order.
    public var events: [PlanEvent]
    /// The working-day calendar from `calendar/workdays.yaml`, when the corpus has one.
    public var calendar: WorkingDayCalendar?
    /// Reads the items of the lists, those left in their files included
    /// (``CorpusLoader/load(deferringItems:)``); set by the loader.
    public internal(set) var itemSource: ListItemSource?
    /// For each list file whose items were left in it, how many of ``warnings`` come before
    /// the warnings about its items: those of the files before it and its own header's.
    var itemWarningPlaces: [String: Int] = [:]

    /// ``warnings`` with the warnings about the items of lists read later (``ListItemStream``),
    /// by file, each placed after its file's own as loading the lists whole places them.
    public func warnings(addingItemWarnings byFile: [String: [String]]) -> [String] {
        let groups = byFile.compactMap { file, found in itemWarningPlaces[file].map { (place: $0, file: file, found: found) } }
            .sorted { ($0.place, $0.file) < ($1.place, $1.file) }
        var result: [String] = []
        var next = 0
        for group in groups {
            result += warnings[next..<min(group.place, warnings.count)]
            next = max(next, min(group.place, warnings.count))
            result += group.found
        }
        result += warnings[next...]
        let placed = Set(groups.map(\.file))
        for (file, found) in byFile.sorted(by: { $0.key < $1.key }) where !placed.contains(file) { result += found }
        return result
    }

    /// Creates a corpus from its parts.
    public init(
        plans: [Plan], regulations: [Regulation], warnings: [String],
        departments: [Department] = [], lists: [ListVersion] = [], obligations: ObligationSet? = nil,
        filings: [Filing] = [], events: [PlanEvent] = [], calendar: WorkingDayCalendar? = nil
    ) {
        self.plans = plans
        self.regulations = regulations
        self.warnings = warnings
        self.departments = departments
        self.lists = lists
        self.obligations = obligations
        self.filings = filings
        self.events = events
        self.calendar = calendar
    }
}
