import Foundation
import GRDB
import GRDBSQLite

/// The FTS5 auxiliary function `lawkb_rank(unit_fts, ?)`: scores one matching unit for the
/// search described by the ``RankQuery`` bound to its second argument and keeps the best
/// ones there, answering 0; answers NULL for a unit the search's filters leave out. Used as
/// a condition, it lets no row out: the query holds the answer.
///
/// One pass over the matches (`SELECT rowid FROM unit_fts WHERE unit_fts MATCH ?1 AND
/// lawkb_rank(unit_fts, ?2)`; FTS5 refuses its functions inside aggregates) does what a
/// join, `bm25()` (a `%_docsize` lookup per row), a window function, a sort and
/// re-tokenising the best texts did before: the filters are per
/// document, decided once per search (``RankQuery/documentWeights``); unit sizes come from
/// ``SearchStatistics``; term positions from FTS5 itself (`xInst`); the best units are kept
/// in a bounded heap (``RankQuery/best()``); the count is the search's total.
///
/// The score is BM25 with Lucene's IDF, `log(1 + (N − n + 0.5)/(n + 0.5))`, which stays
/// positive and ordered for terms in more than half of the units (FTS5's own turns negative
/// there and is clamped to about zero), title matches weighted by ``Schema/bm25Weights``,
/// times the proximity factor (``ProximityWeights``) of the text or of the title (its
/// positions counted from `earlinessScale` on), whichever is larger, times the document's
/// weight. A very
/// small tie-break, far below any difference of BM25, keeps equal scores in a meaningful
/// order: a unit whose title holds a term first, then a unit of a document the query
/// names or whose kind it names (``RankQuery/preferredDocuments``), then the one whose
/// text holds a term earlier.
///
/// Registered on every connection (``KnowledgeBase/configuration(readonly:)``). Every
/// pointer the C interface hands over is checked; a failure answers an SQLite error.
public enum RankFunction {
    /// The SQL name of the function.
    public static let name = "lawkb_rank"

    /// The type tag of the pointer bound for the function (`sqlite3_bind_pointer`).
    static let pointerType: StaticString = "lawkb_rank_query"

    /// Registers the function on `db`.
    public static func register(_ db: Database) throws {
        try FTS5Extension.register(name, rankCallback, on: db)
    }
}

/// The C entry point of `lawkb_rank`.
private let rankCallback: fts5_extension_function = { api, fts, context, count, values in
    guard let context else { return }
    guard let api, let fts, count == 1, let values, let value = values[0] else {
        sqlite3_result_error(context, "\(RankFunction.name) 需要一个检索参数", -1)
        return
    }
    let tag = RankFunction.pointerType
    let raw = tag.utf8Start.withMemoryRebound(to: CChar.self, capacity: tag.utf8CodeUnitCount + 1) { type in
        sqlite3_value_pointer(value, type)
    }
    guard let raw else {
        sqlite3_result_error(context, "\(RankFunction.name) 的检索参数无效", -1)
        return
    }
    Unmanaged<RankQuery>.fromOpaque(raw)._withUnsafeGuaranteedRef { query in
        query.score(api.pointee, fts, context)
    }
}

/// Releases the ``RankQuery`` a statement held (the destructor of `sqlite3_bind_pointer`).
private let releaseQuery: @convention(c) (UnsafeMutableRawPointer?) -> Void = { raw in
    guard let raw else { return }
    Unmanaged<RankQuery>.fromOpaque(raw).release()
}

/// Counts the rows a phrase occurs in (the callback of `xQueryPhrase`).
private let countRow: @convention(c) (UnsafePointer<Fts5ExtensionApi>?, OpaquePointer?, UnsafeMutableRawPointer?) -> Int32 = {
    _, _, counter in
    guard let counter else { return SQLITE_ERROR }
    counter.assumingMemoryBound(to: Int.self).pointee += 1
    return SQLITE_OK
}

/// One search as the rank function sees it: which documents count and how much, how the
/// query's phrases group, and what the pass counted.
///
/// Made for one statement and bound to it (``bind(to:at:)``): a statement runs on one
/// thread at a time, so its counters need no lock, and its state is only touched from the
/// callback of that statement, one row at a time (hence no dynamic exclusivity checks on
/// the per-row path); the statement keeps the query alive and releases it when finalized.
public final class RankQuery {
    /// BM25's constants, as FTS5's `bm25()` uses them.
    public static let k1 = 1.2
    public static let b = 0.75
    /// Most term occurrences of one unit the proximity factor looks at (the earliest ones).
    static let maximumOccurrences = 1024
    /// Weight of the tie-break relative to the score.
    static let tieBreakWeight = 1e-6
    /// Shares of the tie-break: a title match outweighs the other two together, a preferred
    /// document any difference of earliness.
    static let titleTie = 0.5
    static let preferredTie = 0.25
    static let earlinessTie = 0.2

    /// What the function does with a unit that passes the filters.
    public enum Mode: Sendable, Equatable {
        /// Scores it and keeps it if it is among the best `count` so far.
        case best(Int)
        /// Only counts it.
        case count
    }

    /// A unit kept, with its score (without a deferred IDF).
    struct Entry {
        var id: Int64
        var score: Double

        /// Whether `self` ranks below `other`: a lower score, or the same with a larger id.
        @inline(__always)
        func ranksBelow(_ other: Entry) -> Bool {
            score < other.score || (score == other.score && id > other.id)
        }
    }

    let statistics: SearchStatistics
    let documentWeights: [Double]
    /// For each document slot: whether its units are the kind the query most likely wants.
    let preferredDocuments: [Bool]
    let phraseGroups: [Int]
    let phraseSpans: [Int]
    let groupCount: Int
    let proximity: ProximityWeights
    let mode: Mode

    /// Rows FTS5 matched (before the filters).
    @exclusivity(unchecked) public private(set) var matched = 0
    /// Rows that passed the filters: the search's total.
    @exclusivity(unchecked) public private(set) var counted = 0
    /// Rows of the full-text table (N of the IDF), once a row was scored.
    @exclusivity(unchecked) public private(set) var rowCount: Int64 = 0
    /// Whether the IDF was left out of the scores (a query of one phrase: it scales all
    /// scores alike); ``idfFactor`` then gives it, once every row was seen.
    @exclusivity(unchecked) public private(set) var idfDeferred = false
    /// The failure that stopped scoring, if any.
    @exclusivity(unchecked) public private(set) var failure: Int32?

    @exclusivity(unchecked) private var idf: [Double] = []
    @exclusivity(unchecked) private var phraseSizes: [Int] = []
    @exclusivity(unchecked) private var prepared = false
    @exclusivity(unchecked) private var frequencies: [Double] = []
    /// Occurrences in the text and in the title of the row being scored.
    @exclusivity(unchecked) private var events: [TermOccurrence] = []
    @exclusivity(unchecked) private var titleEvents: [TermOccurrence] = []
    @exclusivity(unchecked) private var scratch = ProximityWeights.Scratch()
    /// The best units so far: a heap whose root ranks lowest.
    @exclusivity(unchecked) private var heap: [Entry] = []

    /// A search over the units of `statistics`.
    ///
    /// - Parameters:
    ///   - documentWeights: for each document slot of `statistics`, 0 to leave its units out,
    ///     else the factor of their scores.
    ///   - phraseGroups: for each phrase of the MATCH expression in order, the required group
    ///     it belongs to, or -1 for a phrase that does not score (an excluded term).
    ///   - preferredDocuments: for each document slot, whether the query names it or its kind
    ///     (the law 行政处罚法, the lists 不予处罚事项清单): its units win ties against others
    ///     of equal score; slots beyond the array are not preferred.
    ///   - phraseSpans: for each phrase, how many positions of a text it spans where it
    ///     matches (a phrase of n Han characters spans n, though it is n − 1 bigram tokens);
    ///     phrases beyond the array span their number of tokens.
    public init(
        statistics: SearchStatistics, documentWeights: [Double], phraseGroups: [Int], phraseSpans: [Int] = [],
        preferredDocuments: [Bool] = [], proximity: ProximityWeights = ProximityWeights(), mode: Mode
    ) {
        self.statistics = statistics
        self.documentWeights = documentWeights
        self.preferredDocuments = preferredDocuments
        self.phraseGroups = phraseGroups
        self.phraseSpans = phraseSpans
        self.groupCount = (phraseGroups.max() ?? -1) + 1
        self.proximity = proximity
        self.mode = mode
    }

    /// The IDF left out of the scores when ``idfDeferred``, else 1.
    public var idfFactor: Double {
        idfDeferred ? Self.idf(rows: rowCount, matching: matched) : 1
    }

    /// Lucene's IDF: positive for any share of rows.
    static func idf(rows: Int64, matching: Int) -> Double {
        let n = Double(max(0, matching))
        let total = max(Double(rows), n)
        return log(1 + (total - n + 0.5) / (n + 0.5))
    }

    /// Binds this query to parameter `index` (1-based) of `statement`, whose arguments are
    /// already set (GRDB clears bindings when it sets arguments).
    public func bind(to statement: Statement, at index: Int32) throws {
        let tag = RankFunction.pointerType
        let raw = Unmanaged.passRetained(self).toOpaque()
        // On failure SQLite calls the destructor itself: nothing leaks either way.
        let code = tag.utf8Start.withMemoryRebound(to: CChar.self, capacity: tag.utf8CodeUnitCount + 1) { type in
            sqlite3_bind_pointer(statement.sqliteStatement, index, raw, type, releaseQuery)
        }
        guard code == SQLITE_OK else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "无法绑定检索参数", sql: statement.sql)
        }
    }

    /// Scores the current row of `fts` into `context`.
    fileprivate func score(_ api: Fts5ExtensionApi, _ fts: OpaquePointer, _ context: OpaquePointer) {
        matched += 1
        guard let rowid = api.xRowid?(fts) else { return fail(SQLITE_MISUSE, context) }
        guard let position = statistics.position(ofUnit: rowid) else { return sqlite3_result_null(context) }
        let slot = Int(statistics.unitDocuments[position])
        guard slot < documentWeights.count, documentWeights[slot] > 0 else { return sqlite3_result_null(context) }
        counted += 1
        if mode == .count { return sqlite3_result_int(context, 0) }
        if !prepared {
            let code = prepare(api, fts)
            guard code == SQLITE_OK else { return fail(code, context) }
        }
        let preferred = slot < preferredDocuments.count && preferredDocuments[slot]
        let (value, code) = bm25(api, fts, length: Double(statistics.unitLengths[position]), preferred: preferred)
        guard code == SQLITE_OK else { return fail(code, context) }
        if case .best(let count) = mode { keep(Entry(id: rowid, score: value * documentWeights[slot]), among: count) }
        sqlite3_result_int(context, 0)
    }

    /// Adds `entry` to the heap if it is among the best `count` seen.
    private func keep(_ entry: Entry, among count: Int) {
        guard count > 0 else { return }
        if heap.count < count {
            heap.append(entry)
            var child = heap.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard heap[child].ranksBelow(heap[parent]) else { break }
                heap.swapAt(child, parent)
                child = parent
            }
        } else if heap[0].ranksBelow(entry) {
            heap[0] = entry
            var parent = 0
            while true {
                var lowest = parent
                let left = 2 * parent + 1
                let right = left + 1
                if left < heap.count, heap[left].ranksBelow(heap[lowest]) { lowest = left }
                if right < heap.count, heap[right].ranksBelow(heap[lowest]) { lowest = right }
                guard lowest != parent else { break }
                heap.swapAt(parent, lowest)
                parent = lowest
            }
        }
    }

    /// The units kept, best first (score, then id), with their final scores.
    public func best() -> [(id: Int64, score: Double)] {
        let factor = idfFactor
        return heap.sorted { $1.ranksBelow($0) }.map { ($0.id, $0.score * factor) }
    }

    private func fail(_ code: Int32, _ context: OpaquePointer) {
        if failure == nil { failure = code }
        sqlite3_result_error_code(context, code)
    }

    /// Reads N, the phrases' sizes and, unless deferred, their IDFs: once per search.
    private func prepare(_ api: Fts5ExtensionApi, _ fts: OpaquePointer) -> Int32 {
        guard let rowCountOf = api.xRowCount, let phraseCount = api.xPhraseCount, let phraseSize = api.xPhraseSize,
            let queryPhrase = api.xQueryPhrase
        else { return SQLITE_MISUSE }
        var rows: Int64 = 0
        let code = rowCountOf(fts, &rows)
        guard code == SQLITE_OK else { return code }
        rowCount = rows
        let phrases = Int(max(0, phraseCount(fts)))
        phraseSizes = (0..<phrases).map {
            $0 < phraseSpans.count ? phraseSpans[$0] : Int(max(0, phraseSize(fts, Int32($0))))
        }
        frequencies = Array(repeating: 0, count: phrases)
        idfDeferred = phrases == 1 && phraseGroups == [0]
        idf = Array(repeating: idfDeferred ? 1 : 0, count: phrases)
        if !idfDeferred {
            for phrase in 0..<phrases where group(of: phrase) >= 0 {
                var rowsWithPhrase = 0
                let code = queryPhrase(fts, Int32(phrase), &rowsWithPhrase, countRow)
                guard code == SQLITE_OK else { return code }
                idf[phrase] = Self.idf(rows: rows, matching: rowsWithPhrase)
            }
        }
        prepared = true
        return SQLITE_OK
    }

    /// `occurrence` if it is shorter than `best` (or there is none yet), else `best`: the
    /// occurrences come in position order, so the first of the shortest is kept.
    @inline(__always)
    private static func shorter(_ occurrence: TermOccurrence, than best: TermOccurrence?) -> TermOccurrence? {
        guard let best, best.length <= occurrence.length else { return occurrence }
        return best
    }

    @inline(__always)
    private func group(of phrase: Int) -> Int {
        phrase < phraseGroups.count ? phraseGroups[phrase] : -1
    }

    /// BM25 of the current row, times the proximity factor and the tie-break. The factor is
    /// the better of the text's and the title's, a title's positions counted from
    /// `earlinessScale` on: BM25 already weighs the title, and the factor only keeps a unit
    /// named after the query from falling behind one that mentions it late in a long text.
    private func bm25(
        _ api: Fts5ExtensionApi, _ fts: OpaquePointer, length: Double, preferred: Bool
    ) -> (Double, Int32) {
        guard let instCount = api.xInstCount, let inst = api.xInst else { return (0, SQLITE_MISUSE) }
        var count: Int32 = 0
        var code = instCount(fts, &count)
        guard code == SQLITE_OK else { return (0, code) }
        for index in frequencies.indices { frequencies[index] = 0 }
        if groupCount > 1 {
            events.removeAll(keepingCapacity: true)
            titleEvents.removeAll(keepingCapacity: true)
        }
        let weights = Schema.bm25Weights
        let titleOffset = Int(proximity.earlinessScale)
        var inTitle = false
        var firstInText = Int.max
        // With one group, the window is the shortest occurrence, the earliest of those.
        var textFirst: TermOccurrence?
        var titleFirst: TermOccurrence?
        for index in 0..<max(0, count) {
            var phrase: Int32 = 0
            var column: Int32 = 0
            var offset: Int32 = 0
            code = inst(fts, index, &phrase, &column, &offset)
            guard code == SQLITE_OK else { return (0, code) }
            let p = Int(phrase)
            guard p >= 0, p < frequencies.count, group(of: p) >= 0 else { continue }
            var occurrence = TermOccurrence(start: Int(offset), length: phraseSizes[p], group: group(of: p))
            if column == 0 {
                frequencies[p] += weights.title
                inTitle = true
                occurrence.start += titleOffset
                titleFirst = Self.shorter(occurrence, than: titleFirst)
                if groupCount > 1, titleEvents.count < Self.maximumOccurrences { titleEvents.append(occurrence) }
            } else {
                frequencies[p] += weights.text
                firstInText = min(firstInText, occurrence.start)
                textFirst = Self.shorter(occurrence, than: textFirst)
                if groupCount > 1, events.count < Self.maximumOccurrences { events.append(occurrence) }
            }
        }
        let normalised = Self.k1 * (1 - Self.b + Self.b * length / statistics.averageLength)
        var score = 0.0
        for (phrase, frequency) in frequencies.enumerated() where frequency > 0 {
            score += idf[phrase] * frequency * (Self.k1 + 1) / (frequency + normalised)
        }
        let boost: Double
        if groupCount == 1 {
            boost = max(
                textFirst.map { proximity.factor(.init(occurrence: $0)) } ?? 1,
                titleFirst.map { proximity.factor(.init(occurrence: $0)) } ?? 1)
        } else {
            boost = max(
                proximity.boost(events, groups: groupCount, scratch: &scratch),
                titleEvents.isEmpty ? 1 : proximity.boost(titleEvents, groups: groupCount, scratch: &scratch))
        }
        let earliness = firstInText == Int.max ? 0 : 1 / (1 + Double(firstInText) / proximity.earlinessScale)
        let tieBreak =
            1 + Self.tieBreakWeight
            * ((inTitle ? Self.titleTie : 0) + (preferred ? Self.preferredTie : 0) + Self.earlinessTie * earliness)
        return (score * boost * tieBreak, SQLITE_OK)
    }
}
