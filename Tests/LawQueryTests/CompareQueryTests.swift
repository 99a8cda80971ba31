import Foundation
import LawCorpus
import LawIndex
import LawQuery
import LawTestSupport
import Testing

/// Two versions of a law compared (新旧对照), an article's counterparts in the other versions,
/// and the article that applied on a day, on the shipped 行政处罚法 2017 and 2021 and the
/// 道路运输条例 of 2022 and 2023.
@Suite struct CompareQueryTests {
    let queries = Fixture.queries
    static let penalty = "中华人民共和国行政处罚法"

    @Test func theJSONContract() throws {
        let comparison = try queries.compare(document: "行政处罚法", from: "2017", to: "2021")
        let data = try JSONEncoder().encode(comparison)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        for key in ["document", "from", "to", "pairs", "added", "removed", "summary"] {
            #expect(json[key] != nil, "missing \(key)")
        }
        #expect(json["document"] as? String == Self.penalty)
        #expect(json["from"] as? String == "2017" && json["to"] as? String == "2021")
        let pairs = try #require(json["pairs"] as? [[String: Any]])
        let thirty = try #require(pairs.first { $0["from"] as? [Int] == [30] })
        #expect(thirty["to"] as? [Int] == [40])
        #expect(thirty["change"] as? String == "modified")
        let runs = try #require(thirty["diff"] as? [[String: Any]])
        #expect(runs.allSatisfy { ["=", "+", "-"].contains($0["op"] as? String ?? "") && ($0["text"] as? String)?.isEmpty == false })
        #expect(Set(pairs.compactMap { $0["change"] as? String }) == ["unchanged", "renumbered", "modified"])
        let summary = try #require(json["summary"] as? [String: Int])
        for key in ["unchanged", "renumbered", "modified", "added", "removed"] { #expect(summary[key] != nil) }
        #expect(summary["added"] == (json["added"] as? [Int])?.count)
    }

    @Test func everyArticleIsPairedAddedOrRemovedOnce() throws {
        let comparison = try queries.compare(document: "行政处罚法")
        #expect(comparison.from == "2017" && comparison.to == "2021")
        let from = comparison.pairs.flatMap(\.from) + comparison.removed
        let to = comparison.pairs.flatMap(\.to) + comparison.added
        #expect(from.sorted() == Array(1...64))
        #expect(to.sorted() == Array(1...86))
        #expect(comparison.added.contains(48) && comparison.added.contains(49))
        #expect(comparison.removed == [63])
        #expect(comparison.fromVersion.effective == "2018-01-01" && comparison.fromVersion.status == "已修改")
        #expect(comparison.toVersion.status == "现行有效")
    }

    /// Applying a diff to the old text gives the new one, for every pair.
    @Test func diffsRoundTrip() throws {
        let comparison = try queries.compare(document: "行政处罚法", from: "2017", to: "2021")
        for pair in comparison.pairs {
            let old = pair.from.compactMap { comparison.fromTexts[$0] }.joined(separator: "\n")
            let new = pair.to.compactMap { comparison.toTexts[$0] }.joined(separator: "\n")
            #expect(ArticleDiff(runs: pair.diff).applied(to: old) == new, "\(pair.from) → \(pair.to)")
            #expect((pair.change == .modified) == (old.filter { !$0.isWhitespace } != new.filter { !$0.isWhitespace }))
        }
        let unchanged = try #require(comparison.pairs.first { $0.change == .unchanged })
        #expect(unchanged.diff.count == 1 && unchanged.diff[0].op == .equal)
    }

    @Test func splitsAndMerges() throws {
        let comparison = try queries.compare(document: "行政处罚法")
        let split = try #require(comparison.pairs.first { $0.from == [27] })
        #expect(split.to == [32, 33] && split.form == .split && split.change == .modified)
        let merged = try #require(comparison.pairs.first { $0.to == [66] })
        #expect(merged.from == [44, 52] && merged.form == .merged)
        #expect(comparison.summary.split == 5 && comparison.summary.merged == 1)
    }

    /// Backwards, the same pairs read the other way: added and removed change places.
    @Test func comparingBackwards() throws {
        let forward = try queries.compare(document: "行政处罚法", from: "2017", to: "2021")
        let backward = try queries.compare(document: "行政处罚法", from: "2021", to: "2017")
        #expect(backward.added == forward.removed && backward.removed == forward.added)
        #expect(Set(backward.pairs.map { [$0.to, $0.from] }) == Set(forward.pairs.map { [$0.from, $0.to] }))
        let pair = try #require(backward.pairs.first { $0.from == [40] })
        #expect(ArticleDiff(runs: pair.diff).newText == backward.toTexts[30])
    }

    @Test(arguments: ["行政处罚法(2017)", "旧行政处罚法", "2017年行政处罚法", "中华人民共和国行政处罚法"])
    func versionsNamedInTheName(_ name: String) throws {
        let comparison = try queries.compare(document: name)
        #expect(comparison.from == "2017" && comparison.to == "2021")
    }

    @Test func comparisonsThatCannotBeMade() throws {
        #expect(throws: QueryError.self) { try queries.compare(document: "行政处罚法", from: "2021", to: "2021") }
        do {
            _ = try queries.compare(document: "行政处罚法", from: "2019")
            Issue.record("no 2019 version")
        } catch {
            #expect(error.description.contains("收录的版本：2017、2021"))
        }
        do {
            _ = try queries.compare(document: "行政强制法")
            Issue.record("行政强制法 has one version")
        } catch {
            #expect(error.description.contains("只收录了一个版本"))
        }
        #expect(throws: QueryError.self) { try queries.compare(document: "乌司发〔2022〕11号") }
    }

    /// Another law, dropped in with no code for it: 道路运输条例 2023 deleted 第六十八条 and
    /// renumbered the rest.
    @Test func anotherLawAlignsExactly() throws {
        let comparison = try queries.compare(document: "道路运输条例")
        #expect(comparison.from == "2022" && comparison.to == "2023")
        #expect(comparison.removed == [68] && comparison.added.isEmpty)
        for pair in comparison.pairs {
            let number = try #require(pair.from.first)
            #expect(pair.from.count == 1 && pair.to == [number < 68 ? number : number - 1])
        }
        #expect(comparison.pairs.count == 82)
    }

    @Test func articlesNameTheirCounterparts() throws {
        let current = try queries.article(document: "行政处罚法", number: "54")
        let older = try #require(current.counterparts.first)
        #expect(current.counterparts.count == 1)
        #expect(older.version == "2017" && older.articles == [36] && older.labels == ["第三十六条"] && older.older)
        #expect(older.sentence == "2017年版本第三十六条（修改）")
        let back = try queries.article(document: "行政处罚法(2017)", number: "36")
        #expect(back.counterparts.first?.articles == [54] && back.counterparts.first?.older == false)
        let new = try queries.article(document: "行政处罚法", number: "2")
        #expect(new.counterparts.first?.articles == [] && new.counterparts.first?.sentence == "2017年版本没有对应条文（本版本新增）")
        let removed = try queries.article(document: "行政处罚法", number: "63", version: "2017")
        #expect(removed.counterparts.first?.sentence == "2021年版本没有对应条文（该版本已删除此条）")
        let split = try queries.article(document: "行政处罚法(2017)", number: "27")
        #expect(split.counterparts.first?.articles == [32, 33] && split.counterparts.first?.form == .split)
        #expect(try queries.article(document: "行政强制法", number: "16").counterparts.isEmpty)
    }

    /// The article that applied on a day, from today's number.
    @Test func theArticleInForceOnADay() throws {
        let then = try queries.article(document: "行政处罚法", number: "54", asOf: "2020-05-01")
        #expect(then.version == "2017" && then.article == 36)
        let reading = try #require(then.asOf)
        #expect(reading.askedVersion == "2021" && reading.askedArticle == 54 && reading.articles == [36])
        #expect(reading.sentence(readVersion: then.version, labels: ["第三十六条"]).contains("2020-05-01施行的是2017年版本"))
        let written = try queries.article(document: "行政处罚法", number: "54", asOf: "2020年5月1日")
        #expect(written.article == 36)
        let now = try queries.article(document: "行政处罚法", number: "54", asOf: "2022-01-01")
        #expect(now.version == "2021" && now.article == 54 && now.asOf?.articles == [54])
        // 首违不罚 (2021 第三十三条) was 2017 第二十七条第二款.
        #expect(try queries.article(document: "行政处罚法", number: "33", asOf: "2020-05-01").article == 27)
        do {
            _ = try queries.article(document: "行政处罚法", number: "2", asOf: "2020-05-01")
            Issue.record("2021 第二条 is new")
        } catch {
            guard case .noCounterpart = error else { throw error }
            #expect(error.description.contains("2020-05-01施行的2017年版本中没有与行政处罚法（2021年版本）第二条对应的条文"))
        }
        #expect(throws: QueryError.self) { try queries.article(document: "行政处罚法", number: "54", asOf: "五月") }
    }

    /// A citation is read in the version in force on the day it was written.
    @Test func citationsOnADay() throws {
        let then = try queries.cite("行政处罚法第二十七条", asOf: "2020-05-01")
        #expect(then.article.version == "2017" && then.article.text.contains("从轻或者减轻"))
        #expect(then.article.counterparts.first?.articles == [32, 33])
        let now = try queries.cite("行政处罚法第二十七条")
        #expect(now.article.version == "2021")
        let named = try queries.cite("2017年行政处罚法第三十条")
        #expect(named.article.version == "2017" && named.article.article == 30)
    }

    @Test func citedByOnADay() throws {
        let then = try queries.citedBy(document: "行政处罚法", number: "33", asOf: "2020-05-01")
        #expect(then.version == "2017" && then.article == 27)
        #expect(then.reading?.askedArticle == 33 && then.reading?.askedVersion == "2021")
        let now = try queries.citedBy(document: "行政处罚法", number: "33")
        #expect(now.version == "2021" && now.reading == nil && !now.items.isEmpty)
    }

    /// Searching on a day searches the versions of the laws in force that day.
    @Test func searchOnADay() throws {
        let then = try queries.search(SearchRequest(query: "当场收缴", document: "行政处罚法", asOf: "2020-05-01"))
        #expect(then.total > 0 && then.hits.allSatisfy { $0.version == "2017" })
        let everything = try queries.search(SearchRequest(query: "当场收缴", asOf: "2020-05-01"))
        #expect(!everything.hits.isEmpty && everything.hits.allSatisfy { $0.kind != .regulation || $0.version != "2021" })
        let today = try queries.search(SearchRequest(query: "当场收缴"))
        #expect(today.hits.contains { $0.version == "2021" } && !today.hits.contains { $0.version == "2017" })
    }

    /// A list citing an older text shows today's corresponding article beside it.
    @Test func listCitationsOfAnOlderTextShowTodaysArticle() throws {
        let list = try queries.list(department: "农牧局", kind: "不予处罚", asOf: "2023-01-01")
        let item = try #require(list.items.first { $0.id == "NMJ-BYCF-006" })
        let citation = try #require(item.citations.first { $0.version == "2018" })
        #expect(citation.article == 47)
        let current = try #require(citation.current)
        #expect(current.version == "2022" && current.articles == [69] && citation.currentDiffers)
        let road = try queries.list(department: "交通运输局", kind: "裁量基准", asOf: "2023-01-01")
        let unchanged = road.items.flatMap(\.citations).filter { $0.version == "2022" && $0.article < 68 && $0.current != nil }
        #expect(!unchanged.isEmpty)
        #expect(unchanged.allSatisfy { $0.current?.articles == [$0.article] })
    }

    /// A list dated 2020 cites 第二十七条 of the text then in force (2017), not today's
    /// 第二十七条, and shows today's corresponding articles beside it.
    @Test func aListDatedBeforeTheRevisionCitesTheTextOfItsDay() throws {
        let corpus = try TestRepository.corpusCopy("dated-list")
        let folder = corpus.appendingPathComponent("lists/scjg/不予处罚事项清单")
        try """
        department: 乌审旗市场监督管理局
        kind: 不予处罚事项清单
        title: 乌审旗市场监督管理局轻微违法行为不予处罚事项清单（2020年）
        version: 2020-03-02
        status: sample
        public: true
        items:
          - id: SCJG-BYCF-001
            name: 未将营业执照置于醒目位置
            basis: 《中华人民共和国行政处罚法》第二十七条第二款
        """.write(to: folder.appendingPathComponent("2020-03-02.yaml"), atomically: true, encoding: .utf8)
        let path = corpus.deletingLastPathComponent().appendingPathComponent("lawkb.sqlite").path
        _ = try IndexBuilder(corpusRoot: corpus.path).build(to: path)
        let queries = LawQueries(try KnowledgeBase(path: path))
        let list = try queries.list(department: "市场监管局", kind: "不予处罚", asOf: "2020-06-01")
        let citation = try #require(list.items.first?.citations.first)
        #expect(citation.version == "2017" && citation.article == 27 && citation.resolved)
        #expect(citation.current?.version == "2021" && citation.current?.articles == [32, 33] && citation.currentDiffers)
        let citing = try queries.citedBy(document: "行政处罚法", number: "27", version: "2017")
        #expect(citing.items.contains { $0.version == "2020-03-02" })
        #expect(try queries.citedBy(document: "行政处罚法", number: "27").items.allSatisfy { $0.version != "2020-03-02" })
    }

    /// A third version dropped in (a file and its sidecar) is ordered by its date, compared
    /// with both others, and becomes the current one; nothing else changes.
    @Test func aThirdVersionDroppedIn() throws {
        let corpus = try TestRepository.corpusCopy("third-version")
        let laws = corpus.appendingPathComponent("regulations")
        let text = try String(contentsOf: laws.appendingPathComponent("中华人民共和国行政处罚法(2021).md"), encoding: .utf8)
        // The made-up 2025 text changes one word of 第三十三条.
        try text.replacingOccurrences(of: "初次违法且危害后果轻微", with: "初次违法且危害后果显著轻微")
            .write(to: laws.appendingPathComponent("中华人民共和国行政处罚法(2025).md"), atomically: true, encoding: .utf8)
        try """
        title: 中华人民共和国行政处罚法
        short_names: [行政处罚法]
        category: 法律
        promulgated: 2025-06-01
        effective: 2025-09-01
        status: 现行有效
        version: "2025"
        """.write(to: laws.appendingPathComponent("中华人民共和国行政处罚法(2025).yaml"), atomically: true, encoding: .utf8)
        let sidecar = laws.appendingPathComponent("中华人民共和国行政处罚法(2021).yaml")
        try String(contentsOf: sidecar, encoding: .utf8).replacingOccurrences(of: "status: 现行有效", with: "status: 已修改")
            .write(to: sidecar, atomically: true, encoding: .utf8)
        let path = corpus.deletingLastPathComponent().appendingPathComponent("lawkb.sqlite").path
        let report = try IndexBuilder(corpusRoot: corpus.path).build(to: path)
        #expect(report.comparisons == 5)  // 行政处罚法: 3 pairs of versions; 道路运输条例, 农产品质量安全法: 1 each
        let queries = LawQueries(try KnowledgeBase(path: path))
        let latest = try queries.compare(document: "行政处罚法")
        #expect(latest.from == "2021" && latest.to == "2025")
        #expect(latest.pairs.filter { $0.change == .modified }.map(\.to) == [[33]])
        #expect(latest.summary.unchanged == 85 && latest.added.isEmpty && latest.removed.isEmpty)
        let across = try queries.compare(document: "行政处罚法", from: "2017", to: "2025")
        #expect(across.pairs.first { $0.from == [30] }?.to == [40])
        let article = try queries.article(document: "行政处罚法", number: "54")
        #expect(article.version == "2025" && article.counterparts.map(\.version) == ["2017", "2021"])
        #expect(try queries.article(document: "行政处罚法", number: "54", asOf: "2022-01-01").version == "2021")
        #expect(try queries.article(document: "行政处罚法", number: "54", asOf: "2020-01-01").article == 36)
    }
}
