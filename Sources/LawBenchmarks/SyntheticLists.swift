import Foundation
import LawCorpus

/// Generates a large, deterministic corpus of list versions for measuring lawkb at scale.
///
/// Text is assembled from the corpus' own vocabulary: the names, conducts, conditions and
/// measures of the sample lists, cut at their clause boundaries (，；) and recombined, with
/// legal bases citing real articles of the laws in the corpus. The same seed always gives
/// the same files. Every generated list is marked `status: sample`.
public struct SyntheticLists {
    /// Fragments of real list text, by column.
    struct Vocabulary {
        var names: [String] = []
        var conducts: [String] = []
        var conditions: [String] = []
        var measures: [String] = []
        var bases: [String] = []
        var circumstances: [String] = []
    }

    private let vocabulary: Vocabulary
    private let departments: [Department]
    private let laws: [(title: String, articles: Int)]
    /// Versions the corpus has already (`department id/kind/version`): a generated list never
    /// takes one, as two files of the same version are an error.
    private let takenVersions: Set<String>

    /// Prepares a generator from a loaded corpus (it needs departments, lists and regulations).
    public init(corpus: Corpus) {
        var vocabulary = Vocabulary()
        func clauses(_ text: String?) -> [String] {
            (text ?? "").split(whereSeparator: { "，；。".contains($0) }).map(String.init).filter { $0.count >= 2 }
        }
        for item in corpus.lists.flatMap(\.items) {
            vocabulary.names.append(item.name)
            vocabulary.conducts += clauses(item.conduct)
            vocabulary.conditions += clauses(item.conditions)
            vocabulary.measures += clauses(item.measure)
            vocabulary.bases += (item.basis ?? "").split(separator: "；").map(String.init)
            vocabulary.circumstances += item.levels.flatMap { clauses($0.circumstances) }
        }
        self.vocabulary = vocabulary
        departments = corpus.departments
        laws = corpus.regulations.map { ($0.metadata.title, $0.articles.count) }
        takenVersions = Set(corpus.lists.map { Self.versionKey($0.department, $0.kind, $0.version) })
    }

    private static func versionKey(_ department: Department, _ kind: ListKind, _ version: CalendarDate) -> String {
        "\(department.id)/\(kind.rawValue)/\(version)"
    }

    /// Writes `items` items as list files of about `perList` items each under `lists` (a `Corpus/lists` folder).
    /// Returns the number of files written.
    @discardableResult
    public func write(items: Int, perList: Int = 500, seed: UInt64 = 20_221_110, into lists: String) throws -> Int {
        var random = SplitMix64(seed: seed)
        let kinds = ListKind.allCases
        var written = 0
        var files = 0
        var versionDay = CalendarDate(year: 2022, month: 10, day: 1)!
        while written < items {
            let department = departments[random.next(below: departments.count)]
            let kind = kinds[random.next(below: kinds.count)]
            let count = min(perList, items - written)
            versionDay = versionDay.adding(days: 1 + random.next(below: 3))
            while takenVersions.contains(Self.versionKey(department, kind, versionDay)) {
                versionDay = versionDay.adding(days: 1)
            }
            let text = listFile(
                department: department, kind: kind, version: versionDay, items: count,
                first: written, random: &random)
            let directory = "\(lists)/\(department.id)/\(kind.rawValue)"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try text.write(toFile: "\(directory)/\(versionDay).yaml", atomically: true, encoding: .utf8)
            written += count
            files += 1
        }
        return files
    }

    private func listFile(
        department: Department, kind: ListKind, version: CalendarDate, items: Int, first: Int,
        random: inout SplitMix64
    ) -> String {
        var lines = [
            "# 生成的测试清单（sample）：由 lawkb generate 以语料词汇合成，仅用于性能测量。",
            "department: \(YAMLText.quoted(department.name))",
            "kind: \(YAMLText.quoted(kind.rawValue))",
            "title: \(YAMLText.quoted("\(department.name)\(kind.rawValue)（生成）"))",
            "version: \(version)",
            "published: \(version.adding(days: 3))",
            "filed: \(version.adding(days: 10))",
            "status: sample",
            "items:",
        ]
        for index in 0..<items {
            lines += item(
                id: "GEN-\(department.id.uppercased())-\(first + index + 1)", levels: kind.hasLevels,
                random: &random)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func item(id: String, levels: Bool, random: inout SplitMix64) -> [String] {
        func pick(_ list: [String]) -> String { list.isEmpty ? "" : list[random.next(below: list.count)] }
        func some(_ list: [String], _ count: Int) -> String {
            (0..<count).map { _ in pick(list) }.joined(separator: "，")
        }
        let law = laws.isEmpty ? nil : laws[random.next(below: laws.count)]
        let basis = [law.map { "《\($0.title)》第\(random.next(below: $0.articles) + 1)条" }, pick(vocabulary.bases)]
            .compactMap { $0 }.joined(separator: "；")
        var lines = [
            "  - id: \(id)",
            "    name: \(YAMLText.quoted(pick(vocabulary.names)))",
            "    conduct: \(YAMLText.quoted(some(vocabulary.conducts, 2)))",
            "    basis: \(YAMLText.quoted(basis))",
            "    conditions: \(YAMLText.quoted(some(vocabulary.conditions, 2 + random.next(below: 2))))",
            "    measure: \(YAMLText.quoted(some(vocabulary.measures, 2)))",
        ]
        if levels {
            lines.append("    levels:")
            var lower = 500 * (1 + random.next(below: 10))
            for level in ["轻微", "一般", "较重", "严重"] {
                let upper = lower * (2 + random.next(below: 3))
                lines.append("      - level: \(level)")
                lines.append("        circumstances: \(YAMLText.quoted(some(vocabulary.circumstances, 2)))")
                lines.append("        penalty: \(YAMLText.quoted("处\(lower)元以上\(upper)元以下罚款"))")
                lower = upper
            }
        }
        return lines
    }
}
