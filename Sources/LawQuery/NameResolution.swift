import GRDB
import LawCorpus
import LawIndex

/// The names an index answers to: documents (titles, short names, 文号 and the short forms
/// people derive, 处罚法 for 行政处罚法), departments (with their derived forms) and the list
/// kinds each department has published. Only what the queries may show: in public mode,
/// non-public documents are not part of it.
public struct Vocabulary: Sendable {
    /// Document names, resolving to canonical titles.
    public let documents: DocumentNames
    /// The canonical titles of the visible documents, laws and plan first.
    public let titles: [String]
    /// The departments of the registry.
    public let departments: DepartmentRegistry
    /// For each department id (`scjg`), the kinds of list it has published, in kind order.
    public let listKinds: [String: [ListKind]]

    /// The kinds of list `department` has published (none when unknown).
    public func listKinds(of department: Department) -> [ListKind] {
        listKinds[department.id] ?? []
    }
}

extension LawQueries {
    /// The names this index answers to (see ``Vocabulary``).
    public func vocabulary() throws(QueryError) -> Vocabulary {
        try read { db in
            let names = try documentNames(db)
            let titles = try SQLRequest<String>(
                """
                SELECT title FROM document WHERE \(visible)
                GROUP BY title ORDER BY min(kind = \(DocumentKind.list)), min(kind), title
                """
            ).fetchAll(db)
            let departments = try departmentRegistry(db)
            var kinds: [String: [ListKind]] = [:]
            for row in try SQLRequest<Row>(
                """
                SELECT DISTINCT department.code, document.list_kind FROM document
                JOIN department ON department.id = document.department_id
                WHERE document.kind = \(DocumentKind.list) AND \(visible)
                """
            ).fetchAll(db) {
                guard let kind = ListKind.resolve(row["list_kind"] as String? ?? "") else { continue }
                kinds[row["code"], default: []].append(kind)
            }
            let order = Dictionary(uniqueKeysWithValues: ListKind.allCases.enumerated().map { ($1, $0) })
            for key in kinds.keys { kinds[key]?.sort { order[$0, default: 0] < order[$1, default: 0] } }
            return Vocabulary(documents: names, titles: titles, departments: departments, listKinds: kinds)
        }
    }

    /// The departments of the index as a registry (with the derived forms of their names).
    func departmentRegistry(_ db: Database) throws -> DepartmentRegistry {
        let departments = try DepartmentRow.fetchAll(db, sql: "SELECT * FROM department ORDER BY id").map { row in
            Department(
                id: row.code, name: row.name, shortNames: Self.split(row.shortNames), type: row.type,
                sector: row.sector)
        }
        do {
            return try DepartmentRegistry(departments)
        } catch {
            throw QueryError.unavailable("\(error)")
        }
    }
}

/// The short forms people make of a document title by dropping its head: 处罚法 for
/// (中华人民共和国)行政处罚法, 营商环境条例 for 优化营商环境条例. A form is kept only when it
/// names one title and keeps at least two characters before the word saying what the
/// document is (法, 条例 …), so 罚法 or 理条例 never stand for anything.
enum DerivedDocumentNames {
    /// The words that end a title and say what kind of document it is.
    static let endings = ["条例", "规定", "办法", "细则", "决定", "方案", "法"]

    /// For each title, the derived forms that belong to it alone.
    static func forms(titles: [String: [String]]) -> [String: [String]] {
        var owners: [String: Set<String>] = [:]
        for (title, names) in titles {
            for name in names {
                for form in suffixes(of: name) { owners[form, default: []].insert(title) }
            }
        }
        var result: [String: [String]] = [:]
        for (form, titles) in owners where titles.count == 1 {
            result[titles.first!, default: []].append(form)
        }
        return result
    }

    /// Suffixes of `name` that are a stem of two or more characters and an ending.
    static func suffixes(of name: String) -> [String] {
        let characters = Array(name.filter { !"《》 ".contains($0) })
        guard characters.count <= 60,
            let ending = endings.first(where: { String(characters).hasSuffix($0) })
        else { return [] }
        let stemEnd = characters.count - ending.count
        guard stemEnd >= 3 else { return [] }
        return (1...(stemEnd - 2)).map { String(characters[$0...]) }
    }
}
