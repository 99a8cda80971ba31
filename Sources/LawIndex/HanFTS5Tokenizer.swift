import GRDB
import GRDBSQLite
import LawTokenizer

/// The FTS5 tokenizer `lawkb_han`: ``HanTokenizer`` plugged into SQLite through GRDB.
///
/// SQLite's built-in tokenizers fail Chinese (`unicode61` makes a whole run of Han
/// characters one token; `trigram` cannot find two-character words), so every
/// connection that reads or writes the index registers this tokenizer (see
/// ``KnowledgeBase/configuration(readonly:)``). Tokens carry byte offsets into the
/// original text; a bigram's range covers both of its characters, so that matches are
/// highlighted by ``SnippetFunction`` (`lawkb_snippet`), which merges overlapping ranges,
/// rather than by FTS5's own `snippet()` and `highlight()`, which garble them.
public final class HanFTS5Tokenizer: FTS5CustomTokenizer {
    /// The name used in `CREATE VIRTUAL TABLE … USING fts5(…, tokenize='lawkb_han')`.
    public static let name = "lawkb_han"

    private let tokenizer = HanTokenizer()

    /// Called by SQLite through GRDB; the tokenizer takes no arguments.
    public init(db: Database, arguments: [String]) throws {}

    /// Tokenizes `pText` for FTS5: queries in ``TokenizationMode/query``, everything else
    /// (documents, auxiliary functions) in ``TokenizationMode/document``. A query's last
    /// token is matched as a prefix when the expression says so (`"…"*`), which FTS5
    /// handles itself.
    public func tokenize(
        context: UnsafeMutableRawPointer?,
        tokenization: FTS5Tokenization,
        pText: UnsafePointer<CChar>?,
        nText: CInt,
        tokenCallback: @escaping FTS5TokenCallback
    ) -> CInt {
        guard let pText, nText > 0 else { return SQLITE_OK }
        let mode: TokenizationMode = tokenization.contains(.query) ? .query : .document
        let bytes = UnsafeBufferPointer(
            start: UnsafeRawPointer(pText).assumingMemoryBound(to: UInt8.self), count: Int(nText))
        var status = SQLITE_OK
        tokenizer.tokenize(bytes, mode: mode) { token, range, colocated in
            let flags = colocated ? FTS5_TOKEN_COLOCATED : 0
            status = token.withMemoryRebound(to: CChar.self) { chars in
                tokenCallback(
                    context, flags, chars.baseAddress, CInt(chars.count),
                    CInt(range.lowerBound), CInt(range.upperBound))
            }
            return status == SQLITE_OK
        }
        return status
    }
}
