import Foundation

/// Loads a corpus directory: `plan/*.txt` and `regulations/*.md` (README and SOURCES notes
/// excepted), each with an optional YAML sidecar of the same base name that supplies metadata
/// the text does not state. Other files and folders (lists, departments) are left alone.
///
/// Dropping a new law into `regulations/` is all it takes: without a sidecar its metadata is
/// derived from the text. After parsing, versions of the same title are ranked (the older are
/// 已修改), names are registered, and citations are resolved in every article and plan section.
public struct CorpusLoader: Sendable {
    /// The `Corpus/` directory.
    public let root: String
    /// The day against which 尚未生效 is decided.
    var today: CalendarDate

    static let regulationKeys: Set<String> = [
        "title", "short_names", "issuer", "category", "promulgated",
        "effective", "status", "version",
    ]
    static let planKeys: Set<String> = ["title", "number", "issuer", "year", "date"]
    /// Notes kept beside the texts that are not documents.
    static let notes: Set<String> = ["README.MD", "SOURCES.MD", "README.TXT", "SOURCES.TXT"]

    /// A loader for the corpus directory at `root`.
    public init(root: String) {
        self.root = root
        self.today = CalendarDate.todayInChina()
    }

    init(root: String, today: CalendarDate) {
        self.root = root
        self.today = today
    }

    /// Reads and parses everything. Throws the first problem that makes a file unusable
    /// (no title, broken article numbering, invalid UTF-8, a bad sidecar value), located by
    /// file and line; lesser problems become `warnings`.
    public func load() throws(CorpusError) -> Corpus {
        try load(deferringItems: false)
    }

    /// Loads the corpus; with `deferringItems`, the items of a list file in the form lawkb's
    /// writers emit are left in the file (``ListVersion/itemsAreDeferred``), to be read a part at
    /// a time through ``Corpus/itemSource`` while they are stored: an index of a million items
    /// need not hold them all in memory. Their problems are then found as they are read.
    public func load(deferringItems: Bool) throws(CorpusError) -> Corpus {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CorpusError(file: root, line: nil, message: "找不到语料目录")
        }
        var warnings: [String] = []
        let regulationFiles = files(in: "regulations", extension: "md", warnings: &warnings)
        let planFiles = files(in: "plan", extension: "txt", warnings: &warnings)

        var loaded: [(regulation: Regulation, explicitStatus: Bool)] = []
        for file in regulationFiles {
            loaded.append(try loadRegulation(file, warnings: &warnings))
        }
        rankVersions(&loaded, warnings: &warnings)

        var names = DocumentNames()
        for (regulation, _) in loaded.sorted(by: { Self.isCurrent($0.regulation) && !Self.isCurrent($1.regulation) }) {
            names.register(title: regulation.metadata.title, aliases: regulation.metadata.shortNames)
        }
        let parser = CitationParser(names: names)
        var regulations = loaded.map(\.regulation)
        for r in regulations.indices {
            let title = regulations[r].metadata.title
            for a in regulations[r].articles.indices {
                let body = regulations[r].articles[a].paragraphs.joined(separator: "\n")
                regulations[r].articles[a].citations = parser.citations(in: body, currentDocument: title)
                warnings += Self.outOfRangeWarnings(parser, body, at: "\(regulations[r].file):\(regulations[r].articles[a].line)")
            }
        }
        regulations.sort { ($0.metadata.title, $0.metadata.version) < ($1.metadata.title, $1.metadata.version) }

        var plans: [Plan] = []
        for file in planFiles {
            plans.append(try loadPlan(file, parser: parser, warnings: &warnings))
        }
        let registry = try loadDepartments()
        var itemWarningPlaces: [String: Int] = [:]
        var lists = try loadLists(
            registry: registry, parser: parser, deferringItems: deferringItems, warnings: &warnings,
            itemWarningPlaces: &itemWarningPlaces)
        try Self.checkUniqueVersions(lists)
        Self.setInForcePeriods(&lists, warnings: &warnings)
        let obligations = try loadObligations(plans: plans, registry: registry)
        let calendar = try WorkingDayCalendar.load(corpus: root)
        let events = try loadEvents(registry: registry, obligations: obligations, calendar: calendar)
        let filings = try loadFilings(registry: registry, obligations: obligations, events: events)
        var corpus = Corpus(
            plans: plans, regulations: regulations, warnings: warnings,
            departments: registry?.departments ?? [], lists: lists, obligations: obligations, filings: filings,
            events: events, calendar: calendar)
        if let registry {
            corpus.itemSource = ListItemSource(parser: ListParser(registry: registry, citations: parser))
        }
        corpus.itemWarningPlaces = itemWarningPlaces
        return corpus
    }

    // MARK: - Files

    private func files(in folder: String, extension ext: String, warnings: inout [String]) -> [String] {
        let directory = (root as NSString).appendingPathComponent(folder)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            warnings.append("\(directory): folder not found, no \(folder) loaded")
            return []
        }
        return names.filter {
            ($0 as NSString).pathExtension == ext && !$0.hasPrefix(".") && !Self.notes.contains($0.uppercased())
        }
        .sorted().map { (directory as NSString).appendingPathComponent($0) }
    }

    /// `x/名称(2021).md` → `x/名称(2021).yaml` (or `.yml` when only that exists).
    static func sidecarPath(for file: String) -> String {
        let base = (file as NSString).deletingPathExtension
        let yml = base + ".yml"
        if !FileManager.default.fileExists(atPath: base + ".yaml") && FileManager.default.fileExists(atPath: yml) {
            return yml
        }
        return base + ".yaml"
    }

    // MARK: - Regulations

    func loadRegulation(_ file: String, warnings: inout [String]) throws(CorpusError)
        -> (regulation: Regulation, explicitStatus: Bool)
    {
        let text = try TextFile.read(file)!
        let parsed = try RegulationParser(file: file).parse(text)
        warnings += parsed.warnings
        var metadata = MetadataDeriver.derive(parsed, fileName: (file as NSString).lastPathComponent)
        var explicitStatus = parsed.annotations["STATUS"] != nil
        if let sidecar = try Sidecar.load(
            Self.sidecarPath(for: file), allowedKeys: Self.regulationKeys,
            warnings: &warnings)
        {
            if let title = try sidecar.string("title") {
                if DocumentNames.key(title) != DocumentNames.key(metadata.title) {
                    warnings.append("\(sidecar.file): title '\(title)' differs from the text's '\(metadata.title)'")
                }
                metadata.title = title
            }
            if let shortNames = try sidecar.strings("short_names") {
                metadata.shortNames = shortNames
            } else {
                metadata.shortNames = Self.derivedShortNames(metadata.title)
            }
            if let issuer = try sidecar.string("issuer") { metadata.issuer = issuer }
            if let category = try sidecar.string("category") { metadata.category = category }
            if let date = try sidecar.date("promulgated") { metadata.promulgated = date }
            if let date = try sidecar.date("effective") { metadata.effective = date }
            if let status = try sidecar.string("status") {
                if MetadataDeriver.validStatus(status) != status {
                    warnings.append("\(sidecar.file): status '\(status)' is not one of 现行有效, 已修改, 已废止, 尚未生效")
                }
                metadata.status = status
                explicitStatus = true
            }
            if let version = try sidecar.string("version") { metadata.version = version }
        }
        if metadata.issuer.isEmpty {
            warnings.append("\(file): issuer not found in the history lines; add a sidecar with 'issuer'")
        }
        if metadata.version.isEmpty {
            warnings.append("\(file): version unknown; name the file '标题(年份).md' or add a sidecar")
        }
        let regulation = Regulation(
            metadata: metadata, file: file, history: parsed.history,
            articles: parsed.articles, headings: parsed.headings)
        return (regulation, explicitStatus)
    }

    /// Warnings for the `第…条` of `text` whose number is beyond any article, at `place` (`file:line`).
    static func outOfRangeWarnings(_ parser: CitationParser, _ text: String, at place: String) -> [String] {
        parser.outOfRangeReferences(in: text).map {
            "\(place): “\($0.prefix(60))”超出任何条号（上限 \(ChineseNumeral.maximumOrdinal)），未作为引用读取"
        }
    }

    static func derivedShortNames(_ title: String) -> [String] {
        let short = DocumentNames.strippingCountry(title)
        return short != title && !short.isEmpty ? [short] : []
    }

    static func isCurrent(_ regulation: Regulation) -> Bool {
        regulation.metadata.status == RegulationMetadata.Status.inForce
    }

    /// Among versions of one title the latest in force stays 现行有效, older ones become 已修改
    /// and later ones not yet in force 尚未生效 — unless a sidecar or annotation says otherwise.
    private func rankVersions(
        _ loaded: inout [(regulation: Regulation, explicitStatus: Bool)],
        warnings: inout [String]
    ) {
        let groups = Dictionary(grouping: loaded.indices) { DocumentNames.key(loaded[$0].regulation.metadata.title) }
        for (_, members) in groups {
            func start(_ i: Int) -> CalendarDate {
                let m = loaded[i].regulation.metadata
                let year = CalendarDate(year: Int(m.version) ?? 1, month: 1, day: 1)
                return m.effective ?? m.promulgated ?? year ?? CalendarDate(daysSinceEpoch: -719_162)
            }
            func version(_ i: Int) -> String { loaded[i].regulation.metadata.version }
            let ordered = members.sorted { (start($0), version($0)) < (start($1), version($1)) }
            let versions = ordered.map(version)
            if Set(versions).count < versions.count {
                let title = loaded[ordered[0]].regulation.metadata.title
                warnings.append("\(title): several files share a version: \(versions.joined(separator: ", "))")
            }
            let current = ordered.lastIndex { start($0) <= today }
            for (position, i) in ordered.enumerated() where !loaded[i].explicitStatus {
                if let current, position < current {
                    loaded[i].regulation.metadata.status = RegulationMetadata.Status.amended
                } else if current == nil || position > current! {
                    loaded[i].regulation.metadata.status = RegulationMetadata.Status.notYetInForce
                }
            }
        }
    }

    // MARK: - Plans

    func loadPlan(_ file: String, parser: CitationParser, warnings: inout [String]) throws(CorpusError) -> Plan {
        let text = try TextFile.read(file)!
        let parsed = try PlanParser(file: file).parse(text)
        warnings += parsed.warnings
        var metadata = Self.derivePlanMetadata(parsed, fallbackYear: today.year)
        let sidecarFile = Self.sidecarPath(for: file)
        if let sidecar = try Sidecar.load(sidecarFile, allowedKeys: Self.planKeys, warnings: &warnings) {
            if let title = try sidecar.string("title") { metadata.title = title }
            if let number = try sidecar.string("number") { metadata.number = number }
            if let issuer = try sidecar.string("issuer") { metadata.issuer = issuer }
            if let year = try sidecar.year("year") { metadata.year = year }
            if let date = try sidecar.date("date") { metadata.date = date }
        }
        var sections = parsed.sections
        for s in sections.indices {
            sections[s].citations = parser.citations(in: sections[s].text, currentDocument: nil)
            warnings += Self.outOfRangeWarnings(parser, sections[s].text, at: "\(file):\(sections[s].line)")
        }
        let deadlines = DeadlineExtractor(year: metadata.year).deadlines(in: parsed.paragraphs)
        var notes: [String] = []
        if let announced = parsed.announcedMeasureCount, announced != parsed.measureCount {
            let place = parsed.announcedLine.map { " (line \($0))" } ?? ""
            notes.append(
                "announces \(announced) measures\(place) but enumerates \(parsed.measureCount)"
                    + (parsed.measurePart.map { " in \($0)" } ?? ""))
        }
        return Plan(
            metadata: metadata, file: file, sections: sections, deadlines: deadlines,
            announcedMeasureCount: parsed.announcedMeasureCount, measureCount: parsed.measureCount,
            notes: notes)
    }

    /// Number from the first line, title from 《…》 in the notice title, issuer from the words
    /// before 关于, year from 〔2022〕.
    static func derivePlanMetadata(_ parsed: ParsedPlan, fallbackYear: Int) -> PlanMetadata {
        let notice = parsed.noticeTitle ?? ""
        var title = notice
        if let open = notice.firstIndex(of: "《"), let close = notice.lastIndex(of: "》"), open < close {
            title = String(notice[notice.index(after: open)..<close])
        }
        let issuer = notice.range(of: "关于").map { String(notice[..<$0.lowerBound]) } ?? ""
        var year = fallbackYear
        if let number = parsed.number {
            let t = FoldedText(number)
            for i in 0..<t.count where "〔[［(".contains(t.original[i]) || t.folded[i] == "[" {
                if let (value, _) = t.digits(at: i + 1), CalendarDate.parsedYears.contains(value) { year = value }
            }
        }
        return PlanMetadata(title: title, number: parsed.number ?? "", issuer: issuer, year: year, date: nil)
    }
}
