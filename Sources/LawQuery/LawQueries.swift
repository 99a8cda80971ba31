import GRDB
import LawCorpus
import LawIndex
import Synchronization

/// The questions lawkb answers, over one open index.
///
/// Created over a knowledge base (the CLI), each method is one read transaction; created
/// within a read (``init(within:publicOnly:)`` or ``within(_:)``, the HTTP service), every
/// method shares that read's connection, and cancelling the read interrupts them. The type
/// is a cheap value, so both front ends give the same answers in the same shapes.
///
/// What the queries derive from the index and reuse between questions (the document names
/// people type, …) is kept in a ``QueryMemo``: the index never changes while it is open, so a
/// server keeps one memo per open index and audience, and gives it to the queries of every
/// request through ``within(_:)``.
public struct LawQueries: Sendable {
    /// The index being queried.
    public let knowledgeBase: KnowledgeBase
    /// When `true` (a public endpoint), documents not marked public are invisible to every query.
    public let publicOnly: Bool
    /// The read these queries run in, or `nil` when each query is its own read transaction.
    let access: ReadAccess?
    /// What these queries derive from the index once and reuse (see ``QueryMemo``).
    public let memo: QueryMemo

    /// Creates the queries over `knowledgeBase`; `publicOnly` hides non-public records.
    /// Each query is one synchronous read transaction (the CLI). The value starts an empty
    /// memo, which the values made from it by ``within(_:)`` share.
    public init(_ knowledgeBase: KnowledgeBase, publicOnly: Bool = false) {
        self.knowledgeBase = knowledgeBase
        self.publicOnly = publicOnly
        self.access = nil
        self.memo = QueryMemo()
    }

    /// Creates the queries that run inside `access`: every query uses the connection and the
    /// transaction of that read (``KnowledgeBase/read(_:)``), whose cancellation interrupts them.
    /// They start an empty memo of their own; ``within(_:)`` shares one instead.
    public init(within access: ReadAccess, publicOnly: Bool = false) {
        self.knowledgeBase = access.knowledgeBase
        self.publicOnly = publicOnly
        self.access = access
        self.memo = QueryMemo()
    }

    /// These queries run inside `access` (a read of the same index), sharing this value's
    /// memo: what one request derived from the index (the document names …) the next ones
    /// reuse. A read of another index gets an empty memo, as ``init(within:publicOnly:)``.
    public func within(_ access: ReadAccess) -> LawQueries {
        LawQueries(
            knowledgeBase: access.knowledgeBase, publicOnly: publicOnly, access: access,
            memo: access.knowledgeBase === knowledgeBase ? memo : QueryMemo())
    }

    private init(knowledgeBase: KnowledgeBase, publicOnly: Bool, access: ReadAccess?, memo: QueryMemo) {
        self.knowledgeBase = knowledgeBase
        self.publicOnly = publicOnly
        self.access = access
        self.memo = memo
    }

    /// The value `key` names, derived from the index by `derive` the first time it is asked
    /// for over this memo (in the read of these queries) and remembered for the next times.
    ///
    /// For what is costly to derive and the same for every question over the open index and
    /// this audience (``publicOnly``): a calendar, a registry of names. Two requests asking
    /// at once may both derive it; the value kept is one of theirs, equal to the other.
    public func remembered<Value: Sendable>(
        _ key: MemoKey<Value>, derive: (Database) throws -> Value
    ) throws(QueryError) -> Value {
        if let known = memo.value(key) { return known }
        return try read { db in try memo.value(key) { try derive(db) } }
    }

    /// SQL condition on `document` that hides non-public records when ``publicOnly``.
    var visibleDocuments: String {
        publicOnly ? "document.public = 1" : "1"
    }

    /// ``visibleDocuments`` as a fragment of an ``SQL`` literal.
    var visible: SQL { SQL(sql: visibleDocuments) }

    /// ``visible`` for the `document` table read under the alias `alias` (a plain identifier).
    func visible(as alias: StaticString) -> SQL {
        publicOnly ? SQL(sql: "\(alias).public = 1") : "1"
    }

    /// Runs `body` in a read transaction (the one of ``access``, if any), turning storage
    /// failures into ``QueryError/unavailable(_:)``.
    func read<T>(_ body: (Database) throws -> T) throws(QueryError) -> T {
        do {
            if let access { return try access.read(body) }
            return try knowledgeBase.reader.read { db in try body(db) }
        } catch let error as QueryError {
            throw error
        } catch {
            throw .unavailable("\(error)")
        }
    }

    /// The names of the visible documents (titles, short names, 文号, and the short forms
    /// people derive: 处罚法), for resolving what users type.
    func documentNames(_ db: Database) throws -> DocumentNames {
        try memo.value(.documentNames) { try readDocumentNames(db) }
    }

    private func readDocumentNames(_ db: Database) throws -> DocumentNames {
        var names = DocumentNames()
        let rows = try SQLRequest<Row>(
            """
            SELECT document.title, min(document.kind) AS kind, group_concat(document_name.name, char(31)) AS names
            FROM document JOIN document_name ON document_name.document_id = document.id
            WHERE \(visible)
            GROUP BY document.title ORDER BY min(document.kind = \(DocumentKind.list)), document.title
            """
        ).fetchAll(db)
        var registered: [(title: String, aliases: [String])] = []  // the laws and the plan
        for row in rows {
            let title: String = row["title"]
            let aliases = (row["names"] as String? ?? "").split(separator: "\u{1F}").map(String.init)
            names.register(title: title, aliases: aliases)
            if (row["kind"] as String?) != DocumentKind.list.rawValue { registered.append((title, aliases)) }
        }
        let laws = registered
        let derived = DerivedDocumentNames.forms(
            titles: Dictionary(laws.map { ($0.title, [$0.title] + $0.aliases) }, uniquingKeysWith: { $0 + $1 }))
        for (title, forms) in derived.sorted(by: { $0.key < $1.key }) {
            names.register(title: title, aliases: forms.sorted())
        }
        return names
    }

    /// The id of a version of the document called `name`: `version` when given, else the
    /// version the name itself carries (`行政处罚法(2017)`, `旧行政处罚法`), else the version in
    /// force on `day`, else the current one (现行有效, or the latest).
    func documentID(
        named name: String, version: String? = nil, on day: CalendarDate? = nil,
        _ db: Database
    ) throws -> (id: Int64, title: String) {
        let names = try documentNames(db)
        if names.resolve(name) == nil, let versioned = VersionedName(name), let title = names.resolve(versioned.name) {
            switch (version, versioned.version) {
            case (let version?, _), (nil, .year(let version)):
                return (try versionID(title: title, version: version, db), title)
            case (nil, .previous):
                return (try previousVersionID(title: title, db), title)
            }
        }
        guard let title = names.resolve(name),
            let id = try SQLRequest<Int64>(
                """
                SELECT id FROM document WHERE title = \(title) AND \(visible)
                ORDER BY status = \(RegulationMetadata.Status.inForce) DESC, version DESC LIMIT 1
                """
            ).fetchOne(db)
        else {
            let known = try SQLRequest<String>(
                """
                SELECT DISTINCT document_name.name FROM document_name
                JOIN document ON document.id = document_name.document_id
                WHERE document.kind != \(DocumentKind.list) AND \(visible) ORDER BY document.kind, document_name.name
                """
            ).fetchAll(db)
            throw QueryError.unknownDocument(name, known: known)
        }
        if let version {
            return (try versionID(title: title, version: version, db), title)
        }
        if let day {
            let inForce = try SQLRequest<Int64>(
                """
                SELECT id FROM document WHERE title = \(title) AND \(visible)
                  AND (in_force_from IS NULL OR in_force_from <= \(day.description))
                ORDER BY in_force_from DESC LIMIT 1
                """
            ).fetchOne(db)
            return (inForce ?? id, title)
        }
        return (id, title)
    }

    /// The id of the version of `title` before the current one (旧 / 原), or an error saying
    /// there is none.
    func previousVersionID(title: String, _ db: Database) throws -> Int64 {
        let versions = try SQLRequest<DocumentRow>(
            "SELECT * FROM document WHERE title = \(title) AND \(visible) ORDER BY in_force_from, version"
        ).fetchAll(db)
        let current = versions.lastIndex { $0.status == RegulationMetadata.Status.inForce } ?? versions.count - 1
        guard current > 0 else {
            throw QueryError.invalidParameter(name: "version", message: "\(title)只收录了一个版本，没有更早的版本")
        }
        return versions[current - 1].id
    }

    /// The id of version `version` (`2022`, or `2022年`) of `title`, or an error naming the
    /// versions there are.
    func versionID(title: String, version: String, _ db: Database) throws -> Int64 {
        let wanted = version.precomposedStringWithCompatibilityMapping.trimmingCharacters(in: .whitespaces)
            .replacingOccurrences(of: "年", with: "").replacingOccurrences(of: "版", with: "")
        let rows = try SQLRequest<DocumentRow>(
            """
            SELECT * FROM document WHERE title = \(title) AND \(visible) ORDER BY in_force_from
            """
        ).fetchAll(db)
        if let row = rows.first(where: { $0.version == wanted }) { return row.id }
        let versions = rows.compactMap(\.version)
        throw QueryError.invalidParameter(
            name: "version",
            message: "\(title)没有“\(String(version.prefix(20)))”版本；收录的版本：\(versions.joined(separator: "、"))")
    }
}

/// What the queries over one open index, for one audience, derive from it once and reuse:
/// the index file never changes while open, so neither does what is read from it.
///
/// A memo belongs to one ``LawQueries`` value and the values made from it by
/// ``LawQueries/within(_:)``; a server keeps it as long as it serves that index and drops
/// it with the index when a new one replaces it. Values are keyed by ``MemoKey``.
public final class QueryMemo: Sendable {
    private let values = Mutex<[String: any Sendable]>([:])

    /// An empty memo.
    public init() {}

    /// The value remembered for `key`, if any.
    func value<Value>(_ key: MemoKey<Value>) -> Value? {
        // Unwrapped first: a missing entry cast to an optional `Value` would read as a stored `nil`.
        guard let stored = values.withLock({ $0[key.name] }) else { return nil }
        return stored as? Value
    }

    /// The value remembered for `key`, or the one `derive` makes, then remembered (replacing
    /// an equal one derived at the same time).
    func value<Value>(_ key: MemoKey<Value>, derive: () throws -> Value) rethrows -> Value {
        if let known = value(key) { return known }
        let derived = try derive()
        values.withLock { $0[key.name] = derived }
        return derived
    }

    /// How many values are remembered.
    public var count: Int {
        values.withLock { $0.count }
    }
}

/// The name of a value kept in a ``QueryMemo``, typed by the value.
public struct MemoKey<Value: Sendable>: Sendable {
    /// Distinguishes the values of one memo; one name, one type.
    public let name: String

    /// A key called `name`.
    public init(_ name: String) {
        self.name = name
    }
}

extension MemoKey where Value == DocumentNames {
    /// The names of the visible documents, for resolving what users type.
    static var documentNames: MemoKey<DocumentNames> { MemoKey("documentNames") }
}
