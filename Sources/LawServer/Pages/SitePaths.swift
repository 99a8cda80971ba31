import LawCorpus
import LawQuery

/// The addresses of lawkb's pages and the small labels many pages share.
///
/// Addresses are built here, their parts percent-encoded, so that every link a page makes
/// is a path on this site (``HTML/link(_:_:rel:class:)`` checks it again).
extension HTML {
    /// The address of an article's page; with `version`, of that version's article.
    static func articlePath(document: String, article: Int, version: String? = nil) -> String {
        QueryString.link("/articles/\(QueryString.encode(document))/\(article)", [("version", version)])
    }

    /// The address of a law's page (its chapters and articles); with `version`, of that version.
    static func documentPath(document: String, version: String? = nil) -> String {
        QueryString.link("/documents/\(QueryString.encode(document))", [("version", version)])
    }

    /// The address of a department's list page, optionally as in force on `asOf`, optionally at an item.
    static func listPath(department: String, kind: ListKind, asOf: String? = nil, item: String? = nil) -> String {
        let path = QueryString.link("/lists/\(QueryString.encode(department))/\(QueryString.encode(kind.rawValue))", [("as_of", asOf)])
        return item.map { path + "#" + itemAnchor($0) } ?? path
    }

    /// The address of the 督导 page: every department's or one's, as judged on `asOf`
    /// (today when `nil`), only the overdue obligations when `overdueOnly`.
    static func compliancePath(department: String? = nil, asOf: String? = nil, overdueOnly: Bool = false) -> String {
        let path = department.map { "/compliance/\(QueryString.encode($0))" } ?? "/compliance"
        return QueryString.link(path, [("as_of", asOf), ("overdue", overdueOnly ? "true" : nil)])
    }

    /// The address of the search page for `parameters` (those `nil` left out).
    static func searchPath(_ parameters: [(String, String?)]) -> String {
        QueryString.link("/", parameters)
    }

    /// The `id` of a list item's element on its list page.
    static func itemAnchor(_ id: String) -> String {
        "item-" + QueryString.encode(id)
    }

    /// The `示例` label for records whose `status` is `sample`, or nothing.
    static func sampleLabel(status: ListStatus?) -> HTML {
        status == .sample ? "<span class=\"sample\" title=\"示例数据，非正式公布内容\">\(ListStatus.sample.chineseName)</span>" : ""
    }

    /// A day as written in the data, or a dash when unknown.
    static func day(_ date: String?) -> String {
        date ?? "—"
    }

    /// A period in force: `from 起`, or `from 至 until 前` when it ended.
    static func period(from: String?, until: String?) -> String {
        day(from) + (until.map { " 至 \($0) 前" } ?? " 起")
    }
}
