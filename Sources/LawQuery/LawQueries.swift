import GRDB
import LawCorpus
import LawIndex
import Synchronization

/// The questions lawkb answers, over one open index.
///
/// Created over a knowledge base (the CLI), each method is one read transaction; created
/// within a read (``init(within:publicOnly:)``, the HTTP service), every method shares that
/// read's connection, and cancelling the read interrupts them. The type is a cheap value, so
/// both front ends give the same answers in the same shapes.
public struct LawQueries: Sendable {
    /// The index being queried.
    public let knowledgeBase: KnowledgeBase
    /// When `true` (a public endpoint), documents not marked public are invisible to every query.
    public let publicOnly: Bool
    /// The read these queries run in, or `nil` when each query is its own read transaction.
    let access: ReadAccess?
    /// The document names, read once for this value (an index does not change under it).
    private let names = NamesMemo()

    /// Creates the queries over `knowledgeBase`; `publicOnly` hides non-public records.
    /// Each query is one synchronous read transaction (the CLI).
    public init(_ knowledgeBase: KnowledgeBase, publicOnly: Bool = false) {
        self.knowledgeBase = knowledgeBase
        self.publicOnly = publicOnly
        self.access = nil
    }

    /// Creates the queries that run inside `access`: every query uses the connection and the
    /// transaction of that read (``KnowledgeBase/read(_:)``), whose cancellation interrupts them.
    public init(within access: ReadAccess, publicOnly: Bool = false) {
        self.knowledgeBase = access.knowledgeBase
        self.publicOnly = publicOnly
        self.access = access
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
        if let known = names.value { return known }
        let built = try readDocumentNames(db)
        names.value = built
        return built
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

/// The document names of one ``LawQueries`` value, built on first use: a lookup by name
/// needs them, and one question may look up several names.
private final class NamesMemo: Sendable {
    private let stored = Mutex<DocumentNames?>(nil)

    var value: DocumentNames? {
        get { stored.withLock { $0 } }
        set { stored.withLock { $0 = newValue } }
    }
}
