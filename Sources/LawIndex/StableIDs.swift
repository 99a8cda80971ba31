/// How the rows of a document are numbered: from the document's id and the row's place in
/// the document alone, never from what other files hold.
///
/// A unit's id is `document id × 2^20 + ordinal`, a citation's `citing document id × 2^24 +`
/// the citations of that document stored before it. Ids therefore keep the reading order
/// (documents in corpus order, rows in document order) and an index updated one file at a
/// time (``IndexUpdate``) numbers every row as a full build of the same corpus does.
enum StableIDs {
    /// Bits of a unit id left for the ordinal: at most 1,048,576 units per document.
    static let unitBits = 20
    /// Bits of a citation id left for the citation's place in its document.
    static let citationBits = 24
    /// The largest document id whose rows can be numbered this way.
    static let maximumDocumentID: Int64 = (1 << (63 - citationBits)) - 1

    /// A document, or one of its rows, beyond the room the numbering has.
    struct LimitExceeded: Error, CustomStringConvertible {
        /// The file of the document.
        var file: String
        /// What ran out, in words.
        var what: String
        var limit: Int64

        var description: String { "\(file)：\(what)超过上限 \(limit)，无法编入索引" }
    }

    /// The id of the unit at `ordinal` (0-based) of document `document`.
    static func unit(document: Int64, ordinal: Int, file: String) throws(LimitExceeded) -> Int64 {
        try id(document: document, place: ordinal, bits: unitBits, file: file, what: "一个文件的条目数")
    }

    /// The id of the citation at `place` (0-based, in storing order) of document `document`.
    static func citation(document: Int64, place: Int, file: String) throws(LimitExceeded) -> Int64 {
        try id(document: document, place: place, bits: citationBits, file: file, what: "一个文件中的引用数")
    }

    /// The document a unit id belongs to.
    static func document(ofUnit id: Int64) -> Int64 { id >> unitBits }

    /// The unit ids document `document` may use, for range deletes.
    static func unitRange(of document: Int64) -> ClosedRange<Int64> {
        (document << unitBits)...((document << unitBits) | ((1 << unitBits) - 1))
    }

    private static func id(
        document: Int64, place: Int, bits: Int, file: String, what: String
    ) throws(LimitExceeded) -> Int64 {
        guard document >= 0, document <= maximumDocumentID else {
            throw LimitExceeded(file: file, what: "文件数", limit: maximumDocumentID)
        }
        let room: Int64 = 1 << bits
        guard place >= 0, Int64(place) < room else { throw LimitExceeded(file: file, what: what, limit: room) }
        return (document << bits) | Int64(place)
    }
}
