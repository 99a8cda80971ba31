import LawCorpus
import LawIndex

/// A benchmark item and how its levels compare with the law.
public struct ReviewedItem: Codable, Equatable, Sendable {
    /// Item id.
    public var id: String
    /// Item name.
    public var name: String
    /// 处罚依据 as written.
    public var penaltyBasis: String?
    /// The check.
    public var check: BenchmarkCheck

    /// Whether the check found something to look at: a level beyond the law, a fine that
    /// could not be compared, or levels left unchecked.
    public var needsAttention: Bool {
        check.problem != nil || check.levels.contains { !$0.findings.isEmpty }
    }

    enum CodingKeys: String, CodingKey {
        case id, name
        case penaltyBasis = "penalty_basis"
        case check
    }
}

/// One version of a benchmark (行政处罚裁量权基准) and its items' checks.
public struct ReviewedBenchmark: Codable, Equatable, Sendable {
    /// Department.
    public var department: String
    /// Title as published.
    public var title: String
    /// Version date.
    public var version: String
    /// `sample` or `official`.
    public var status: ListStatus
    /// First day in force.
    public var inForceFrom: String
    /// Every benchmark item of the version, checked.
    public var items: [ReviewedItem]
    /// The tally of this version.
    public var tally: BenchmarkTally

    enum CodingKeys: String, CodingKey {
        case department, title, version, status
        case inForceFrom = "in_force_from"
        case items, tally
    }
}

/// What `lawkb check-benchmarks` and `/api/benchmark-checks` answer: the benchmarks in force
/// on a day (or every version), each level against the statute, and the tally.
public struct BenchmarkReview: Codable, Equatable, Sendable {
    /// The day whose versions were checked.
    public var asOf: String
    /// Whether every version was checked, in force or not.
    public var everyVersion: Bool
    /// The benchmarks, by department.
    public var benchmarks: [ReviewedBenchmark]
    /// The tally over all of them.
    public var tally: BenchmarkTally

    enum CodingKeys: String, CodingKey {
        case asOf = "as_of"
        case everyVersion = "every_version"
        case benchmarks, tally
    }
}

extension LawQueries {
    /// The benchmarks of `department` (or of all departments) in force on `asOf` (today by
    /// default), or every version with `everyVersion`, each item's levels checked against
    /// the statute its 处罚依据 cites. The checks are made when the index is built.
    public func reviewBenchmarks(
        department: String? = nil, asOf: String? = nil,
        everyVersion: Bool = false
    ) throws(QueryError) -> BenchmarkReview {
        let day = try Self.date(asOf, parameter: "as_of")
        let versions = try lists(department: department, asOf: day.description)
            .filter { $0.kind == .discretionBenchmark && (everyVersion || $0.inForce) }
        var review = BenchmarkReview(
            asOf: day.description, everyVersion: everyVersion, benchmarks: [],
            tally: BenchmarkTally())
        for summary in versions {
            let record = try list(department: summary.department, kind: summary.kind, asOf: summary.inForceFrom)
            var reviewed = ReviewedBenchmark(
                department: record.department, title: record.title, version: record.version,
                status: record.status, inForceFrom: record.inForceFrom, items: [],
                tally: BenchmarkTally())
            for item in record.items {
                guard let check = item.benchmarkCheck else { continue }
                reviewed.items.append(ReviewedItem(id: item.id, name: item.name, penaltyBasis: item.penaltyBasis, check: check))
                reviewed.tally.count(check)
                review.tally.count(check)
            }
            review.benchmarks.append(reviewed)
        }
        return review
    }
}
