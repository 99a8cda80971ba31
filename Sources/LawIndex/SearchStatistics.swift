import Foundation
import GRDB
import GRDBSQLite

/// What ranking needs of every unit and document, held in memory: which document a unit
/// belongs to, how many tokens it has, and how often each document is cited.
///
/// Read once per open index (the file never changes while open), so that the rank
/// function (``RankFunction``) scores a match without a `%_docsize` lookup or a join per
/// row. Unit ids are looked up by value: they need not be dense nor start anywhere.
public struct SearchStatistics: Sendable {
    /// Unit ids, ascending.
    let unitIDs: [Int64]
    /// For each unit (same position as ``unitIDs``): the slot of its document in ``documentIDs``.
    let unitDocuments: [Int32]
    /// For each unit: its tokens, title and text together (colocated tokens not counted, as FTS5 counts).
    let unitLengths: [Int32]
    /// Document ids, ascending; a document's slot is its position here.
    public let documentIDs: [Int64]
    /// For each document slot: citations of that law from other documents (0 for lists and the plan).
    public let documentCitations: [Int]
    /// Mean tokens per unit, for BM25's length normalisation.
    public let averageLength: Double

    /// Units read.
    public var unitCount: Int { unitIDs.count }
    /// Citations of the most cited document.
    public let mostCited: Int

    /// Builds the statistics from parallel arrays; units must be sorted by id without repeats.
    init(
        unitIDs: [Int64], unitDocuments: [Int32], unitLengths: [Int32], documentIDs: [Int64],
        documentCitations: [Int]
    ) {
        self.unitIDs = unitIDs
        self.unitDocuments = unitDocuments
        self.unitLengths = unitLengths
        self.documentIDs = documentIDs
        self.documentCitations = documentCitations
        let total = unitLengths.reduce(0) { $0 + Int($1) }
        averageLength = unitIDs.isEmpty ? 1 : max(1, Double(total) / Double(unitIDs.count))
        mostCited = documentCitations.max() ?? 0
    }

    /// The position of unit `id` in the arrays, or `nil` when there is no such unit.
    @inline(__always)
    func position(ofUnit id: Int64) -> Int? {
        Self.position(of: id, in: unitIDs)
    }

    /// The slot of document `id` in ``documentIDs``, or `nil`.
    public func slot(ofDocument id: Int64) -> Int? {
        Self.position(of: id, in: documentIDs)
    }

    /// The position of `id` in the ascending `ids`, by binary search, or `nil`.
    @inline(__always)
    private static func position(of id: Int64, in ids: [Int64]) -> Int? {
        var low = 0
        var high = ids.count
        while low < high {
            let middle = (low + high) / 2
            if ids[middle] < id { low = middle + 1 } else { high = middle }
        }
        return low < ids.count && ids[low] == id ? low : nil
    }

    /// The document id of unit `id`, or `nil` when there is no such unit.
    public func document(ofUnit id: Int64) -> Int64? {
        position(ofUnit: id).map { documentIDs[Int(unitDocuments[$0])] }
    }

    /// The token count of unit `id`, or `nil` when there is no such unit.
    public func length(ofUnit id: Int64) -> Int? {
        position(ofUnit: id).map { Int(unitLengths[$0]) }
    }
}

extension SearchStatistics {
    /// Why the statistics could not be read.
    public enum ReadError: Error, CustomStringConvertible {
        /// The stored sizes of unit `unit` are not the varints FTS5 writes.
        case malformedSize(unit: Int64)
        /// A unit belongs to a document the index does not hold.
        case unknownDocument(unit: Int64, document: Int64)
        /// More units than the in-memory tables can address.
        case tooManyUnits(Int)

        public var description: String {
            switch self {
            case .malformedSize(let unit): "单元 \(unit) 的词数记录（\(Schema.ftsTable)_docsize）无法解析"
            case .unknownDocument(let unit, let document): "单元 \(unit) 属于不存在的文件 \(document)"
            case .tooManyUnits(let count): "单元过多（\(count)），超过 \(Int32.max) 的上限"
            }
        }
    }

    /// Reads the statistics of the index open on `db`: every unit with its document and its
    /// size as FTS5 recorded it (`unit_fts_docsize`: one varint per column). Both tables are
    /// read in id order and merged; a unit without a size record cannot match and is left out.
    public static func read(_ db: Database) throws -> SearchStatistics {
        var documentIDs: [Int64] = []
        var citations: [Int] = []
        try eachRow(db, "SELECT id, cited FROM document ORDER BY id") { row in
            documentIDs.append(sqlite3_column_int64(row, 0))
            citations.append(max(0, Int(sqlite3_column_int64(row, 1))))
        }
        var slots: [Int64: Int32] = [:]
        for (slot, id) in documentIDs.enumerated() { slots[id] = Int32(slot) }

        var sizeIDs: [Int64] = []
        var totals: [Int32] = []
        try eachRow(db, "SELECT id, sz FROM \(Schema.ftsTable)_docsize ORDER BY id") { row in
            let id = sqlite3_column_int64(row, 0)
            let count = Int(sqlite3_column_bytes(row, 1))
            let start = sqlite3_column_blob(row, 1)?.assumingMemoryBound(to: UInt8.self)
            var total = 0
            let parsed = forEachColumnSize(UnsafeBufferPointer(start: start, count: start == nil ? 0 : count)) { size in
                let (sum, overflow) = total.addingReportingOverflow(size)
                total = overflow ? Int.max : sum
            }
            guard parsed else { throw ReadError.malformedSize(unit: id) }
            sizeIDs.append(id)
            totals.append(Int32(clamping: total))
        }

        var ids: [Int64] = []
        var owners: [Int32] = []
        var lengths: [Int32] = []
        var next = 0
        try eachRow(db, "SELECT id, document_id FROM unit ORDER BY id") { row in
            let id = sqlite3_column_int64(row, 0)
            let document = sqlite3_column_int64(row, 1)
            while next < sizeIDs.count, sizeIDs[next] < id { next += 1 }
            guard next < sizeIDs.count, sizeIDs[next] == id else { return }
            guard let slot = slots[document] else { throw ReadError.unknownDocument(unit: id, document: document) }
            ids.append(id)
            owners.append(slot)
            lengths.append(totals[next])
        }
        guard ids.count < Int(Int32.max) else { throw ReadError.tooManyUnits(ids.count) }
        return SearchStatistics(
            unitIDs: ids, unitDocuments: owners, unitLengths: lengths, documentIDs: documentIDs,
            documentCitations: citations)
    }

    /// Runs `sql` on `db`, calling `body` with the statement at each row: the columns are
    /// read straight from SQLite, without a row object each.
    private static func eachRow(_ db: Database, _ sql: String, _ body: (OpaquePointer) throws -> Void) throws {
        let statement = try db.makeStatement(sql: sql)
        let raw = statement.sqliteStatement
        while true {
            let code = sqlite3_step(raw)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                let message = db.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) }
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: sql)
            }
            try body(raw)
        }
    }

    /// Most columns a size record may hold (the full-text table has two).
    static let maximumColumns = 64

    /// The varints of an FTS5 size record, one per column (SQLite's varint: 7 bits a byte,
    /// high bit set on all but the last, the ninth byte whole), or `nil` when the record is
    /// cut short or longer than ``maximumColumns``.
    static func columnSizes<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> [Int]? {
        var sizes: [Int] = []
        return forEachColumnSize(bytes) { sizes.append($0) } ? sizes : nil
    }

    /// Calls `body` with each varint of an FTS5 size record; `false` when the record is cut
    /// short or longer than ``maximumColumns``.
    static func forEachColumnSize<Bytes: Sequence<UInt8>>(_ bytes: Bytes, _ body: (Int) -> Void) -> Bool {
        var value: UInt64 = 0
        var length = 0
        var columns = 0
        for byte in bytes {
            length += 1
            if length == 9 {
                value = (value << 8) | UInt64(byte)
            } else {
                value = (value << 7) | UInt64(byte & 0x7f)
            }
            if length == 9 || byte & 0x80 == 0 {
                guard columns < maximumColumns else { return false }
                body(Int(clamping: value))
                columns += 1
                value = 0
                length = 0
            }
        }
        return length == 0
    }
}
