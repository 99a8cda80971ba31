import LawCorpus
import LawQuery

/// Answers questions in plain Chinese: understands them with the recognisers, over the
/// index's own vocabulary, and runs the matching query. The CLI (`lawkb ask`), the API
/// (`/api/ask`, `/api/search`) and the search page all use this one type.
public struct Asker: Sendable {
    /// The queries answering (public-only on a public server).
    public let queries: LawQueries
    /// The day relative dates (今年, 最近) and "in force" are counted from.
    public let today: CalendarDate

    /// An asker over `queries`; `today` defaults to today in China.
    public init(_ queries: LawQueries, today: CalendarDate = CalendarDate.todayInChina()) {
        self.queries = queries
        self.today = today
    }

    /// Understands `question` and answers it.
    public func ask(_ question: String) throws(QueryError) -> AskAnswer {
        var understanding = try understand(question)
        let answer =
            understanding.reading.intent == .search
            ? AnswerPayload.search(try search(&understanding)) : try answer(understanding)
        return AskAnswer(
            question: question, reading: understanding.reading, answer: answer,
            alternatives: understanding.alternatives)
    }

    /// The structured answer a search query stands for, to show above its hits: the article
    /// of a citation, the list, changes or deadlines of a question. `nil` when the query is
    /// only a search, or when the answer could not be given (the hits still can).
    public func bestAnswer(for query: String) -> AskAnswer? {
        guard let understanding = try? understand(query), understanding.reading.intent != .search,
            let answer = try? answer(understanding)
        else { return nil }
        return AskAnswer(
            question: query, reading: understanding.reading, answer: answer,
            alternatives: understanding.alternatives)
    }

    /// How `question` is understood (nothing is looked up but the names of the index).
    public func understand(_ question: String) throws(QueryError) -> Understanding {
        let trimmed = question.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .emptyQuery }
        guard trimmed.count <= QueryParser.maximumLength else {
            throw .tooLong(length: trimmed.count, limit: QueryParser.maximumLength)
        }
        // A public server keeps no record of who is late: its questions are read without that meaning.
        return Understander(
            recognisers: try VocabularyCache.shared.recognisers(for: queries), today: today,
            compliance: !queries.publicOnly
        ).understand(trimmed)
    }

    /// The search of a search reading; when its words together find nothing, the words are
    /// relaxed (``TermRelaxation``) and the reading says which were searched.
    func search(_ understanding: inout Understanding) throws(QueryError) -> SearchResult {
        let result = try queries.search(understanding.searchRequest)
        guard result.total == 0, let terms = understanding.reading.understood.terms, terms.count > 0 else {
            return result
        }
        let relaxed = TermRelaxation(queries: queries, base: understanding.searchRequest).relax(terms)
        guard relaxed.terms != terms else { return result }
        understanding.reading.understood.terms = relaxed.terms
        understanding.searchRequest.query = relaxed.query
        understanding.reading.summary = Summary(note: nil).line(.search, understanding.reading.understood)
        return try queries.search(understanding.searchRequest)
    }

    /// Runs the query of `understanding`'s reading.
    public func answer(_ understanding: Understanding) throws(QueryError) -> AnswerPayload {
        let understood = understanding.reading.understood
        switch understanding.reading.intent {
        case .list:
            if let department = understood.department, let kind = understood.kind {
                return .list(try queries.list(department: department, kind: kind, asOf: understood.asOf))
            }
            let lists = try queries.lists(department: understood.department, asOf: understood.asOf)
            // One kind across departments: the versions in force; one department: all its versions.
            return .lists(lists.filter { list in understood.kind.map { list.kind.rawValue == $0 && list.inForce } ?? true })
        case .changes:
            let changes = try queries.changes(
                ChangesRequest(
                    kind: try understood.kind.map(LawQueries.listKind), department: understood.department,
                    since: understood.since.flatMap(CalendarDate.init(iso:)).map { $0.adding(days: -1).description }))
            return .changes(changes.filter { change in understood.until.map { change.to <= $0 } ?? true })
        case .article:
            guard let document = understood.document, let article = understood.article else {
                throw .unreadableCitation(understanding.question)
            }
            return .article(try queries.article(document: Self.versioned(document, understood.version), number: String(article)))
        case .compare:
            guard let document = understood.document else { throw .unreadableCitation(understanding.question) }
            let from = understood.version == CitationRecogniser.previousVersion ? nil : understood.version
            do {
                return .compare(try queries.compare(document: document, from: from))
            } catch .invalidParameter(name: "to", _) {
                // The version named is the current one (2021年行政处罚法修改了什么): what it changed.
                return .compare(try queries.compare(document: document))
            }
        case .citedBy:
            guard let document = understood.document, let article = understood.article else {
                throw .unreadableCitation(understanding.question)
            }
            return .citedBy(
                try queries.citedBy(
                    document: Self.versioned(document, understood.version), number: String(article), asOf: understood.asOf))
        case .deadlines:
            return .deadlines(DeadlineRanking(about: understanding.topic).ordered(try queries.deadlines()))
        case .departments:
            return .departments(try queries.departments())
        case .compliance:
            return .compliance(try compliance(understood))
        case .search:
            return .search(try queries.search(understanding.searchRequest))
        }
    }

    /// The compliance report a reading asks for: of its department or all, on its day (today
    /// by default), only the rows in the statuses it names.
    func compliance(_ understood: Understood) throws(QueryError) -> ComplianceReport {
        let statuses = understood.statuses ?? []
        var report = try queries.compliance(
            department: understood.department, asOf: understood.asOf ?? today.description,
            overdueOnly: statuses == [.overdue])
        if !statuses.isEmpty { report.rows = report.rows.filter { statuses.contains($0.status) } }
        return report
    }
}

extension Asker {
    /// The name of `document` with `version` written into it, as the queries read it:
    /// `旧中华人民共和国行政处罚法`, `中华人民共和国行政处罚法(2017)`.
    static func versioned(_ document: String, _ version: String?) -> String {
        switch version {
        case nil: document
        case CitationRecogniser.previousVersion: "旧" + document
        case let year?: "\(document)(\(year))"
        }
    }
}

/// A question understood: the reading chosen, the others, and what the answer needs.
public struct Understanding: Sendable {
    /// The question as asked.
    public var question: String
    /// The reading chosen.
    public var reading: Reading
    /// Other readings, best first.
    public var alternatives: [Reading]
    /// The words the question is about, once names and the words of asking are out (for
    /// ranking deadlines).
    public var topic: String
    /// The search a search reading runs.
    public var searchRequest: SearchRequest
}

/// Orders the plan's obligations for a question: those whose text shares the most words
/// with the question first, then the rest in their usual order.
struct DeadlineRanking {
    /// Two-character runs of the question's topic.
    let pairs: Set<String>

    init(about topic: String) {
        let characters = Array(topic.filter { !$0.isWhitespace }.prefix(200))
        pairs = Set(zip(characters, characters.dropFirst()).map { "\($0)\($1)" })
    }

    func ordered(_ deadlines: [DeadlineRecord]) -> [DeadlineRecord] {
        guard !pairs.isEmpty else { return deadlines }
        let scored = deadlines.enumerated().map { index, deadline in
            (index: index, score: score(deadline), deadline: deadline)
        }
        return scored.sorted { $0.score != $1.score ? $0.score > $1.score : $0.index < $1.index }.map(\.deadline)
    }

    /// How many of the topic's pairs the obligation's task, rule and measure contain; the
    /// task counts double, as it is what the obligation is about.
    func score(_ deadline: DeadlineRecord) -> Int {
        pairs.reduce(0) { total, pair in
            total + (deadline.task.contains(pair) ? 2 : 0)
                + ((deadline.rule + deadline.measure + (deadline.reportTo ?? "")).contains(pair) ? 1 : 0)
        }
    }
}

/// Makes a question's words findable when all of them together find nothing: the words are
/// taken in order and each kept only if the words kept so far still find something with it;
/// a word that finds nothing is tried as its two-character parts (不再处罚 → 不再, 处罚),
/// all together first, then one by one.
/// At most ``maximumProbes`` searches are made, so a question costs a bounded time.
struct TermRelaxation {
    let queries: LawQueries
    let base: SearchRequest

    /// The most searches one relaxation makes.
    static let maximumProbes = 12

    /// `terms`, which together find nothing, relaxed.
    func relax(_ terms: [String]) -> (terms: [String], query: String) {
        guard !terms.isEmpty else { return (terms, "") }
        var probes = 0
        func finds(_ words: [String]) -> Bool {
            guard probes < Self.maximumProbes else { return false }
            probes += 1
            var request = base
            request.query = words.joined(separator: " ")
            request.limit = 1
            request.offset = 0
            return ((try? queries.search(request))?.total ?? 0) > 0
        }
        var kept: [String] = []
        for term in terms {
            if finds(kept + [term]) {
                kept.append(term)
                continue
            }
            guard term.count >= 4 else { continue }
            let characters = Array(term)
            let pieces = stride(from: 0, to: characters.count - 1, by: 2).map { String(characters[$0..<($0 + 2)]) }
            if finds(kept + pieces) {
                kept += pieces
                continue
            }
            for piece in pieces where finds(kept + [piece]) { kept.append(piece) }
        }
        guard !kept.isEmpty else { return (terms, terms.joined(separator: " ")) }
        return (kept, kept.joined(separator: " "))
    }
}

/// What to offer when a search finds nothing: the names of the index closest to the words
/// typed, and the lists of the department the words name.
public struct Suggestions: Equatable, Sendable {
    /// Department, list kind and document names close to the query (您是不是要找：…).
    public var names: [String]
    /// The department the query names, if any (official name).
    public var department: String?
    /// The kinds of list that department has published.
    public var kinds: [ListKind]

    /// Whether there is nothing to suggest.
    public var isEmpty: Bool { names.isEmpty && kinds.isEmpty }
}

extension Asker {
    /// Suggestions for `query`, which found nothing.
    public func suggestions(for query: String) throws(QueryError) -> Suggestions {
        let recognisers = try VocabularyCache.shared.recognisers(for: queries)
        var question = Question(query)
        let department = recognisers.departments.recognise(&question)?.department
        let vocabulary = recognisers.vocabulary
        let names =
            vocabulary.departments.departments.flatMap { [$0.name] + $0.shortNames }
            + QueryError.listKindVocabulary
            + vocabulary.titles
        let words = question.unclaimedRuns().joined()
        let near = words.count >= 2 ? NameSuggestions.closest(to: words, among: names) : []
        return Suggestions(
            names: near, department: department?.name,
            kinds: department.map { vocabulary.listKinds(of: $0) } ?? [])
    }
}
