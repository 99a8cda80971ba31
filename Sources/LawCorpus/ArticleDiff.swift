/// A character-level difference between two texts: runs of equal, deleted and inserted text,
/// in order. It is exact: keeping the equal and deleted runs gives the old text, keeping the
/// equal and inserted runs gives the new one, so a reader sees every change and nothing else.
///
/// The runs come from a longest common subsequence over characters after the common prefix
/// and suffix are set aside, so the work is bounded by `maximumCells`; beyond it (two long,
/// very different texts) the middle is shown as one deletion and one insertion, still exact.
public struct ArticleDiff: Codable, Sendable, Equatable {
    /// What a run does to the old text.
    public enum Operation: String, Codable, Sendable, CaseIterable {
        /// Text both versions share.
        case equal = "="
        /// Text only the new version has.
        case insert = "+"
        /// Text only the old version has.
        case delete = "-"

        /// The Chinese name pages show: 相同, 新增, 删除.
        public var chineseName: String {
            switch self {
            case .equal: "相同"
            case .insert: "新增"
            case .delete: "删除"
            }
        }
    }

    /// One run of text and what happens to it.
    public struct Run: Codable, Sendable, Equatable {
        /// `=`, `+` or `-`.
        public var op: Operation
        /// The characters of the run, never empty.
        public var text: String

        /// A run of `text` under `op`.
        public init(op: Operation, text: String) {
            self.op = op
            self.text = text
        }
    }

    /// The runs in reading order; no two neighbours have the same operation.
    public var runs: [Run]

    /// The largest table of characters (old × new, after the common prefix and suffix) the
    /// alignment fills: 4 million cells, about 8 MB, enough for two articles of 2,000 characters.
    public static let maximumCells = 4_000_000

    /// A diff made of `runs` as given.
    public init(runs: [Run]) {
        self.runs = runs
    }

    /// The diff that turns `old` into `new`.
    public init(from old: String, to new: String) {
        runs = Self.runs(Array(old), Array(new))
    }

    /// The old text: equal and deleted runs.
    public var oldText: String {
        runs.filter { $0.op != .insert }.map(\.text).joined()
    }

    /// The new text: equal and inserted runs.
    public var newText: String {
        runs.filter { $0.op != .delete }.map(\.text).joined()
    }

    /// The new text, when `old` is the text this diff was made from; `nil` otherwise.
    public func applied(to old: String) -> String? {
        oldText == old ? newText : nil
    }

    /// Whether the two texts are the same (no inserted or deleted run).
    public var isEmpty: Bool { runs.allSatisfy { $0.op == .equal } }

    public init(from decoder: any Decoder) throws {
        runs = try decoder.singleValueContainer().decode([Run].self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(runs)
    }

    // MARK: Computing the runs

    private static func runs(_ old: [Character], _ new: [Character]) -> [Run] {
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix,
            old[old.count - 1 - suffix] == new[new.count - 1 - suffix]
        {
            suffix += 1
        }
        let a = Array(old[prefix..<(old.count - suffix)])
        let b = Array(new[prefix..<(new.count - suffix)])
        var steps: [(Operation, Character)] = old[..<prefix].map { (.equal, $0) }
        steps += middle(a, b)
        steps += old[(old.count - suffix)...].map { (.equal, $0) }
        return tidy(merge(steps))
    }

    /// The steps turning `a` into `b`: a longest common subsequence when the table fits,
    /// otherwise everything deleted then everything inserted.
    private static func middle(_ a: [Character], _ b: [Character]) -> [(Operation, Character)] {
        let (n, m) = (a.count, b.count)
        let (cells, overflow) = (n + 1).multipliedReportingOverflow(by: m + 1)
        guard n > 0, m > 0, !overflow, cells <= maximumCells else {
            return a.map { (.delete, $0) } + b.map { (.insert, $0) }
        }
        // lcs[i * (m + 1) + j]: length of the longest common subsequence of a[i...] and b[j...].
        // Values never exceed min(n, m) ≤ 2,000, so 16 bits suffice.
        // Characters compared as small numbers: comparing `Character`s (grapheme clusters,
        // canonical equivalence) in every cell would cost more than the table itself.
        var codes: [Character: Int32] = [:]
        let x = a.map { character in
            if let code = codes[character] { return code }
            codes[character] = Int32(codes.count)
            return Int32(codes.count - 1)
        }
        let y = b.map { codes[$0] ?? -1 }
        var lcs = [UInt16](repeating: 0, count: cells)
        lcs.withUnsafeMutableBufferPointer { table in
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    table[i * (m + 1) + j] =
                        x[i] == y[j]
                        ? table[(i + 1) * (m + 1) + j + 1] + 1
                        : max(table[(i + 1) * (m + 1) + j], table[i * (m + 1) + j + 1])
                }
            }
        }
        var steps: [(Operation, Character)] = []
        steps.reserveCapacity(n + m)
        var (i, j) = (0, 0)
        while i < n, j < m {
            if x[i] == y[j] {
                steps.append((.equal, a[i]))
                i += 1
                j += 1
            } else if lcs[(i + 1) * (m + 1) + j] >= lcs[i * (m + 1) + j + 1] {
                steps.append((.delete, a[i]))
                i += 1
            } else {
                steps.append((.insert, b[j]))
                j += 1
            }
        }
        steps += a[i...].map { (.delete, $0) }
        steps += b[j...].map { (.insert, $0) }
        return steps
    }

    /// Consecutive steps of one operation joined into runs.
    private static func merge(_ steps: [(Operation, Character)]) -> [Run] {
        var runs: [Run] = []
        for (op, character) in steps {
            if let last = runs.last, last.op == op {
                runs[runs.count - 1].text.append(character)
            } else {
                runs.append(Run(op: op, text: String(character)))
            }
        }
        return runs
    }

    /// Easier reading, same texts: a single equal character caught between changes joins them
    /// (`-处+给予 =以 -罚款` reads better as one replacement), and each stretch of changes
    /// shows its deletion before its insertion.
    private static func tidy(_ runs: [Run]) -> [Run] {
        var absorbed: [Run] = []
        for (index, run) in runs.enumerated() {
            let between =
                index > 0 && index < runs.count - 1 && runs[index - 1].op != .equal
                && runs[index + 1].op != .equal
            if run.op == .equal, run.text.count == 1, between {
                absorbed.append(Run(op: .delete, text: run.text))
                absorbed.append(Run(op: .insert, text: run.text))
            } else {
                absorbed.append(run)
            }
        }
        var result: [Run] = []
        var deleted = ""
        var inserted = ""
        func flush() {
            if !deleted.isEmpty { result.append(Run(op: .delete, text: deleted)) }
            if !inserted.isEmpty { result.append(Run(op: .insert, text: inserted)) }
            (deleted, inserted) = ("", "")
        }
        for run in absorbed {
            switch run.op {
            case .delete: deleted += run.text
            case .insert: inserted += run.text
            case .equal:
                flush()
                result.append(run)
            }
        }
        flush()
        return result
    }
}
