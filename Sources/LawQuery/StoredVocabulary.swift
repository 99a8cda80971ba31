import LawCorpus
import LawIndex

/// A column of the index holding a word that is none of its vocabulary's: the index was
/// written by another version of lawkb, or damaged. ``LawQueries`` reports it as unavailable.
struct UnknownStoredValue: Error, CustomStringConvertible {
    /// The table and column: `document.kind`.
    var column: String
    /// The value found there.
    var value: String

    var description: String { "\(column) 的值“\(value.prefix(40))”无法识别" }
}

extension RawRepresentable where RawValue == String {
    /// The value stored as `raw` in `column`, or the error naming the column and the value.
    static func stored(_ raw: String, column: String) throws(UnknownStoredValue) -> Self {
        guard let value = Self(rawValue: raw) else { throw UnknownStoredValue(column: column, value: raw) }
        return value
    }
}

extension DocumentRow {
    /// The document's kind.
    func documentKind() throws(UnknownStoredValue) -> DocumentKind {
        try .stored(kind, column: "document.kind")
    }

    /// The kind of list of a list version.
    func kindOfList() throws(UnknownStoredValue) -> ListKind {
        try .stored(listKind ?? "", column: "document.list_kind")
    }
}

extension DeadlineRow {
    /// How the deadline is fixed.
    func deadlineKind() throws(UnknownStoredValue) -> DeadlineKind {
        try .stored(kind, column: "deadline.kind")
    }
}
