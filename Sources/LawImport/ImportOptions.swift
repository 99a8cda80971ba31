import LawCorpus

/// What to import and how: the options of `lawkb import`, as values.
public struct ImportOptions: Sendable {
    /// The department's table: a `.csv` or `.xlsx` file.
    public var input: String
    /// The department: id, official name or short name (`scjg`, `市场监管局`).
    public var department: String
    /// The kind of list: its name or an alias (`不予处罚事项清单`, `免罚清单`, `benchmark`).
    public var kind: String
    /// The version date, `YYYY-MM-DD`.
    public var version: String
    /// 公示日期, `YYYY-MM-DD`.
    public var published: String?
    /// 备案日期, `YYYY-MM-DD`.
    public var filed: String?
    /// The title; by default the title row above the header, else department + kind.
    public var title: String?
    /// Where the list was published (网站栏目, 公示栏).
    public var publishedAt: String?
    /// A note on the whole list.
    public var note: String?
    /// `sample` or `official`.
    public var status: String
    /// Whether the list may be shown to the public.
    public var isPublic: Bool
    /// The worksheet of an `.xlsx` file; the first sheet when `nil`.
    public var sheet: String?
    /// The corpus directory (for `departments.yaml` and the default output path).
    public var corpus: String
    /// Where to write; by default `<corpus>/lists/<department id>/<kind>/<version>.yaml`.
    public var output: String?
    /// Replace an existing output file.
    public var force: Bool
    /// Report only; write nothing.
    public var dryRun: Bool
    /// The date written in the provenance comment; today in China when `nil`.
    public var importDate: CalendarDate?
    /// The bounds of the reading (file and part sizes, rows, columns, cells …).
    public var limits: ImportLimits

    /// Options with the defaults of `lawkb import`.
    public init(
        input: String, department: String, kind: String, version: String, published: String? = nil,
        filed: String? = nil, title: String? = nil, publishedAt: String? = nil, note: String? = nil,
        status: String = "official", isPublic: Bool = true, sheet: String? = nil,
        corpus: String = "Corpus", output: String? = nil, force: Bool = false, dryRun: Bool = false,
        importDate: CalendarDate? = nil, limits: ImportLimits = .standard
    ) {
        self.input = input
        self.department = department
        self.kind = kind
        self.version = version
        self.published = published
        self.filed = filed
        self.title = title
        self.publishedAt = publishedAt
        self.note = note
        self.status = status
        self.isPublic = isPublic
        self.sheet = sheet
        self.corpus = corpus
        self.output = output
        self.force = force
        self.dryRun = dryRun
        self.importDate = importDate
        self.limits = limits
    }
}
