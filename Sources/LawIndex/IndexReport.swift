import LawCorpus

/// What `lawkb index` indexed, for the report it prints and for scripts (`--json`).
public struct IndexReport: Codable, Sendable {
    /// Where the index was written.
    public var path: String
    /// Which audience the index is for: `full` or `public`.
    public var artifact: IndexArtifact
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
    /// Lists not marked public, left out of a public index (0 in a full one).
    public var withheldLists: Int
    /// Stored values in which a public index masked personal numbers (0 in a full one).
    public var maskedValues: Int
    /// Temporary files of killed builds that this build removed.
    public var removedTemporaryFiles: [String] = []
    /// Obligations extracted from plans.
    public var deadlines: Int
    /// Article citations found in all texts.
    public var citations: Int
    /// Citations that open no article (kept, but not linked): their document is not in the
    /// corpus, or the version that applies has no such article.
    public var unresolvedCitations: Int
    /// Those whose document is not in the corpus, and those whose document has no such article
    /// in the version that applies (together `unresolvedCitations`).
    public var unresolvedNotInCorpus = 0
    public var unresolvedNoSuchArticle = 0
    /// The first of them (at most ``unresolvedListLimit``), in corpus order, with file and line;
    /// an update lists those of the files it read again.
    public var unresolved: [UnresolvedCitation] = []

    /// How many unresolved citations a report lists: a generated or imported corpus may hold a
    /// hundred thousand, and listing them all would make the report larger than the lists.
    public static let unresolvedListLimit = 1000
    /// Benchmark levels checked against the statutes their items cite.
    public var benchmarks = BenchmarkTally()
    /// Parser observations worth a reader's attention (e.g. announced vs enumerated measures).
    public var notes: [String]
    /// Problems that did not stop the build.
    public var warnings: [String]
    /// Wall-clock time of the whole build, in seconds.
    public var seconds: Double
    /// Entries of the thesaurus (`Corpus/thesaurus.yaml`) stored with the index.
    public var thesaurusEntries: Int = 0
    /// Pairs of versions of one law whose articles were aligned (for `compare`).
    public var comparisons: Int = 0
    /// Obligations of the plan stored for `compliance` (recurring ones counted per occurrence;
    /// 0 in a public index).
    public var obligations: Int = 0
    /// Filings received by the justice bureau stored for `compliance` (0 in a public index).
    public var filings: Int = 0
    /// Dated events (联合执法完成 …) stored for `compliance` (0 in a public index).
    public var events: Int = 0
    /// Seconds spent in each phase of the build (loading the corpus, writing rows, building
    /// the full-text index …).
    public var timings = PhaseTimings()
    /// Whether the previous index was updated in place of a full build: only the changed
    /// list files were read again (`reindexedFiles`).
    public var incremental = false
    /// Why the index was built whole (`nil` when `incremental`).
    public var fallback: FullBuildReason?
    /// The corpus file behind `fallback`, relative to the corpus directory, when one is.
    public var fallbackFile: String?
    /// The list files read again by an update, relative to the corpus directory.
    public var reindexedFiles: [String] = []
}
