import Foundation
import LawTestSupport
import Testing

@testable import LawCorpus

/// Aligning two versions of a law by content: the real 行政处罚法 of 2017 and 2021, made-up
/// laws with a split and a merge, the edge cases, and random text.
@Suite("Article alignment") struct ArticleAlignmentTests {
    static let old2017: [Article] = {
        do {
            let text = try TextFile.read(Fixture.penalty2017) ?? ""
            return try RegulationParser(file: Fixture.penalty2017).parse(text).articles
        } catch { fatalError("2017 text: \(error)") }
    }()
    static let new2021 = Fixture.regulation(Fixture.penaltyTitle, version: "2021").articles
    static let penalty: ArticleAlignment = {
        do { return try ArticleAlignment.align(old: old2017, new: new2021) } catch { fatalError("\(error)") }
    }()

    /// Every old → new link of 2017 → 2021, checked by reading both texts: each 2017 article
    /// and the 2021 articles that carry its rule on. 第六十三条 (罚缴分离的实施办法) has none.
    /// Doubtful ones read closely: 14 → 16, 21 → 25, 22 → 27, 23 → 28, 35 → 53 (the article on
    /// on-the-spot decisions rewritten), 37 → 55 + 56 (split), 42 → 63 + 64 (split), 44 + 52 →
    /// 66 (merged: 第六十六条 takes 第四十四条 and the 第五十二条 on deferred payment),
    /// 45 → 73 (moved into the execution chapter), 64 → 86 (entry into force).
    static let reference: [Int: [Int]] = {
        var links: [Int: [Int]] = [:]
        let shifts: [(ClosedRange<Int>, Int)] = [
            (2...13, 1), (14...19, 2), (20...20, 3), (21...21, 4), (22...27, 5), (28...29, 7),
            (30...30, 10), (31...32, 13), (33...36, 18), (38...38, 19), (39...39, 20), (40...41, 21),
            (43...44, 22), (46...50, 21), (51...51, 21), (53...62, 21),
        ]
        links[1] = [1]
        for (range, shift) in shifts { for number in range { links[number] = [number + shift] } }
        // Read in both texts: 第二十条 (地域管辖 and 级别管辖) became 第二十二条 and 第二十三条;
        // 第二十七条第二款 (不予处罚) became 第三十三条; 第三十八条第三款 (审核) became 第五十八条 (法制审核).
        links[20] = [22, 23]
        links[27] = [32, 33]
        links[38] = [57, 58]
        links[37] = [55, 56]
        links[42] = [63, 64]
        links[45] = [73]
        links[52] = [66]
        links[64] = [86]
        return links
    }()

    /// `Tests/Eval/alignment.yaml`: its pairs and added articles.
    static func developmentSet() throws -> (pairs: [(Int, Int)], added: [Int]) {
        let url = TestRepository.evaluation.appendingPathComponent("alignment.yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
        func numbers(_ line: Substring) -> [Int] {
            line.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        }
        var pairs: [(Int, Int)] = []
        var added: [Int] = []
        for line in text.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("- ["), case let values = numbers(line), values.count == 2 {
                pairs.append((values[0], values[1]))
            } else if trimmed.hasPrefix("added:") {
                added = numbers(line)
            }
        }
        return (pairs, added)
    }

    @Test func developmentSetIsFound() throws {
        let set = try Self.developmentSet()
        #expect(set.pairs.count == 8 && set.added == [48, 49])
        for (old, new) in set.pairs {
            #expect(Self.penalty.new(forOld: old).contains(new), "2017 第\(old)条 → 2021 第\(new)条")
        }
        for number in set.added { #expect(Self.penalty.added.contains(number), "2021 第\(number)条 新增") }
    }

    @Test func precisionAndRecallOverAllArticlesOf2017() {
        let truth = Set(Self.reference.flatMap { old, news in news.map { [old, $0] } })
        let found = Set(Self.penalty.pairs.flatMap { pair in pair.old.flatMap { old in pair.new.map { [old, $0] } } })
        let correct = truth.intersection(found).count
        let precision = Double(correct) / Double(found.count)
        let recall = Double(correct) / Double(truth.count)
        print(
            "alignment 2017 → 2021: \(correct) of \(found.count) links right, \(truth.count) expected;"
                + " precision \(precision), recall \(recall)")
        #expect(precision >= 0.95 && recall >= 0.95)
        let removed = Set(1...64).subtracting(Self.reference.keys)
        #expect(Set(Self.penalty.removed) == removed)
    }

    @Test func kindsOfChangeOnTheRealText() throws {
        let pairs = Self.penalty.pairs
        #expect(pairs.first { $0.old == [1] }?.change == .unchanged)
        #expect(pairs.first { $0.old == [2] }.map { ($0.new, $0.change) } ?? ([], .modified) == ([3], .renumbered))
        #expect(pairs.first { $0.old == [30] }?.change == .modified)
        #expect(Self.penalty.splits.map(\.old) == [[20], [27], [37], [38], [42]])
        #expect(Self.penalty.merges.map(\.new) == [[66]])
        #expect(Self.penalty.old(forNew: 54) == [36])
        for pair in pairs {
            #expect((pair.diff == nil) == (pair.change == .unchanged || pair.change == .renumbered))
        }
        let summary = Self.penalty.summary
        #expect(summary.added + Set(pairs.flatMap(\.new)).count == Self.new2021.count)
        #expect(summary.removed + Set(pairs.flatMap(\.old)).count == Self.old2017.count)
    }

    @Test func diffRoundTripOnEveryChangedPair() throws {
        for pair in Self.penalty.pairs {
            let old = pair.old.map { ArticleAlignment.body(Self.old2017[$0 - 1]) }.joined(separator: "\n")
            let new = pair.new.map { ArticleAlignment.body(Self.new2021[$0 - 1]) }.joined(separator: "\n")
            guard let diff = pair.diff else {
                #expect(ArticleAlignment.squeezed(old) == ArticleAlignment.squeezed(new))
                continue
            }
            #expect(diff.applied(to: old) == new, "\(pair.old) → \(pair.new)")
            #expect(!diff.isEmpty)
            for (a, b) in zip(diff.runs, diff.runs.dropFirst()) { #expect(a.op != b.op) }
        }
        // 2017 第三十条 → 2021 第四十条: the old sentence is kept, the new one appended.
        let forty = try #require(Self.penalty.pairs.first { $0.old == [30] }?.diff)
        #expect(forty.runs.contains { $0.op == .equal && $0.text.contains("必须查明事实") })
    }

    @Test func diffOfRandomTextsRoundTrips() {
        var random = SplitMix64(seed: 11)
        let alphabet = Array("行政处罚法第条款项，。、的一二三0１\n 😀é\u{301}")
        func text() -> String {
            String((0..<Int(random.next() % 60)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
        }
        for _ in 0..<500 {
            let (old, new) = (text(), text())
            let diff = ArticleDiff(from: old, to: new)
            #expect(diff.applied(to: old) == new, "\(old) → \(new)")
            #expect(diff.runs.allSatisfy { !$0.text.isEmpty })
        }
        // Too long for the table: one deletion and one insertion, still exact.
        let long = String(repeating: "甲乙", count: 2_500)
        let other = String(repeating: "丙丁", count: 2_500)
        let big = ArticleDiff(from: "前" + long, to: "前" + other)
        #expect(big.runs.map(\.op) == [.equal, .delete, .insert])
        #expect(big.applied(to: "前" + long) == "前" + other)
    }

    /// A made-up law of `texts`, numbered from 1.
    static func law(_ texts: [String]) -> [Article] {
        texts.enumerated().map { index, text in
            Article(
                number: index + 1, label: "第\(index + 1)条", path: [], paragraphs: text.components(separatedBy: "|"),
                line: index + 1)
        }
    }

    static let oldToy = law([
        "为了规范河道采砂管理，维护河势稳定，保障防洪安全，制定本条例。",
        "在河道管理范围内从事采砂活动的单位和个人，应当向县级以上水行政主管部门申请取得采砂许可证。|采砂许可证应当载明开采地点、开采期限、开采总量和作业方式。",
        "采砂船舶应当在指定的地点停放，不得在禁采区内滞留。",
        "违反本条例规定未取得采砂许可证从事采砂活动的，责令停止违法行为，没收违法所得。",
        "违反本条例规定未取得采砂许可证采砂情节严重的，并处一万元以上十万元以下罚款。",
        "本条例自公布之日起施行。",
    ])

    @Test func splitAndMergeOfMadeUpLaw() throws {
        let new = Self.law([
            "为了规范河道采砂管理，维护河势稳定，保障防洪安全，制定本条例。",
            "在河道管理范围内从事采砂活动的单位和个人，应当向县级以上水行政主管部门申请取得采砂许可证。",
            "采砂许可证应当载明开采地点、开采期限、开采总量和作业方式，并向社会公开。",
            "采砂船舶应当在指定的地点停放，不得在禁采区内滞留。",
            "违反本条例规定未取得采砂许可证从事采砂活动的，责令停止违法行为，没收违法所得；情节严重的，并处一万元以上十万元以下罚款。",
            "县级以上水行政主管部门应当建立采砂监督检查制度，公开举报电话。",
            "本条例自公布之日起施行。",
        ])
        let alignment = try ArticleAlignment.align(old: Self.oldToy, new: new)
        #expect(alignment.splits.map { [$0.old, $0.new] } == [[[2], [2, 3]]])
        #expect(alignment.merges.map { [$0.old, $0.new] } == [[[4, 5], [5]]])
        #expect(alignment.added == [6])
        #expect(alignment.removed == [])
        #expect(alignment.pairs.first { $0.old == [3] }.map { ($0.new, $0.change) } ?? ([], .modified) == ([4], .renumbered))
        #expect(alignment.pairs.first { $0.old == [6] }?.change == .renumbered)
        #expect(alignment.pairs.first { $0.old == [1] }?.change == .unchanged)
        let split = try #require(alignment.splits.first?.diff)
        #expect(split.oldText == Self.oldToy[1].paragraphs.joined(separator: "\n"))
        #expect(split.newText == new[1].paragraphs[0] + "\n" + new[2].paragraphs[0])
    }

    @Test func identicalLawIsAllUnchanged() throws {
        let alignment = try ArticleAlignment.align(old: Self.new2021, new: Self.new2021)
        #expect(alignment.pairs.count == Self.new2021.count)
        #expect(alignment.pairs.allSatisfy { $0.change == .unchanged && $0.old == $0.new && $0.diff == nil })
        #expect(alignment.added.isEmpty && alignment.removed.isEmpty)
    }

    @Test func againstAnEmptyLawAllIsAddedOrRemoved() throws {
        let added = try ArticleAlignment.align(old: [], new: Self.oldToy)
        #expect(added.pairs.isEmpty && added.removed.isEmpty && added.added == Array(1...6))
        let removed = try ArticleAlignment.align(old: Self.oldToy, new: [])
        #expect(removed.pairs.isEmpty && removed.added.isEmpty && removed.removed == Array(1...6))
        let nothing = try ArticleAlignment.align(old: [], new: [])
        #expect(nothing.summary == AlignmentSummary())
    }

    @Test func limitsAreNamed() {
        var limits = ArticleAlignment.Limits()
        limits.maximumArticles = 10
        #expect(throws: ArticleAlignmentError.tooManyArticles(count: 86, limit: 10)) {
            try ArticleAlignment.align(old: Self.oldToy, new: Self.new2021, limits: limits)
        }
        limits = ArticleAlignment.Limits()
        limits.maximumWork = 1_000
        #expect(throws: ArticleAlignmentError.tooMuchWork(limit: 1_000)) {
            try ArticleAlignment.align(old: Self.old2017, new: Self.new2021, limits: limits)
        }
        #expect(ArticleAlignmentError.tooManyArticles(count: 86, limit: 10).description.contains("上限为 10 条"))
    }

    @Test func jsonKeysAndChineseNames() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let pair = AlignedArticles(
            old: [30], new: [40], change: .modified, diff: ArticleDiff(from: "甲乙丙", to: "甲丁丙"))
        let json = String(decoding: try encoder.encode(pair), as: UTF8.self)
        #expect(
            json
                == #"{"change":"modified","diff":[{"op":"=","text":"甲"},{"op":"-","text":"乙"},"#
                + #"{"op":"+","text":"丁"},{"op":"=","text":"丙"}],"new":[40],"old":[30]}"#
        )
        let decoded = try JSONDecoder().decode(ArticleAlignment.self, from: try encoder.encode(Self.penalty))
        #expect(decoded == Self.penalty)
        #expect(ArticleChange.allCases.map(\.chineseName) == ["未修改", "仅条号变化", "修改"])
        #expect(ArticleGroupForm.allCases.map(\.chineseName) == [nil, "拆分", "合并"])
        #expect(Self.penalty.splits.allSatisfy { $0.change == .modified })
        let all = String(decoding: try encoder.encode(Self.penalty), as: UTF8.self)
        #expect(all.hasPrefix(#"{"added":[2,"#) && all.contains(#""removed":[63]"#))
    }

    @Test func randomLawsDoNotTrap() throws {
        var random = SplitMix64(seed: 7)
        let words = ["行政机关", "当事人", "罚款", "应当", "不得", "依法", "，", "。", "第", "条", "1", "２", " ", "\n", "😀", "的"]
        func law() -> [Article] {
            Self.law(
                (0..<Int(random.next() % 40)).map { _ in
                    (0..<Int(random.next() % 30)).map { _ in words[Int(random.next() % UInt64(words.count))] }.joined()
                })
        }
        for _ in 0..<100 {
            let (old, new) = (law(), law())
            let alignment = try ArticleAlignment.align(old: old, new: new)
            #expect(Set(alignment.pairs.flatMap(\.old) + alignment.removed) == Set(old.map(\.number)))
            #expect(Set(alignment.pairs.flatMap(\.new) + alignment.added) == Set(new.map(\.number)))
            #expect(alignment.pairs.flatMap(\.old).count + alignment.removed.count == old.count)
            #expect(alignment.pairs.flatMap(\.new).count + alignment.added.count == new.count)
        }
    }
}
