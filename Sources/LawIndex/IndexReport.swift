/// What `lawkb index` indexed, for the report it prints and for scripts (`--json`).
public struct IndexReport: Codable, Sendable {
    /// Where the index was written.
    public var path: String
    /// Size of the index file in bytes.
    public var bytes: Int64
    /// Documents: plans and regulations.
    public var documents: Int
    /// Searchable units: articles, plan sections.
    public var units: Int
    /// Regulation articles (a subset of `units`).
    public var articles: Int
    /// List versions (each department's list of each kind, each version).
    public var lists: Int
    /// Items of all list versions (a subset of `units`).
    public var listItems: Int
    /// Obligations extracted from plans.
    public var deadlines: Int
    /// Article citations found in all texts.
    public var citations: Int
    /// Citations whose document is not in the corpus (kept, but not linked).
    public var unresolvedCitations: Int
    /// Parser observations worth a reader's attention (e.g. announced vs enumerated measures).
    public var notes: [String]
    /// Problems that did not stop the build.
    public var warnings: [String]
    /// Wall-clock time of the whole build, in seconds.
    public var seconds: Double
}
