import Foundation
import LawCorpus
import LawIndex
import LawQuery
import Testing

/// Law versions through the queries: an article of a named version, the version in force on a
/// day, a law's outline, cited-by per version, and benchmarks checked against the statute.
@Suite struct VersionQueryTests {
    let queries = Fixture.queries
    static let road = "中华人民共和国道路运输条例"

    @Test func anArticleOfANamedVersion() throws {
        let current = try queries.article(document: "道路运输条例", number: "68")
        #expect(current.version == "2023")
        #expect(current.status == "现行有效")
        #expect(current.inForceFrom == "2023-07-20" && current.inForceUntil == nil)
        // 2022 第六十八条 (携带车辆营运证) was deleted in 2023; 2023 第六十八条 is the former 第六十九条.
        let earlier = try queries.article(document: "道路运输条例", number: "68", version: "2022")
        #expect(earlier.version == "2022")
        #expect(earlier.status == "已修改")
        #expect(earlier.text.contains("车辆营运证"))
        #expect(!current.text.contains("车辆营运证"))
        #expect(earlier.inForceUntil == "2023-07-20")
        #expect(try queries.article(document: "道路运输条例", number: "68", version: "2022年").version == "2022")
        // The version in force on a day: today's 第六十八条 was 第六十九条 in 2022.
        let day = try queries.article(document: "道路运输条例", number: "68", asOf: "2023-01-15")
        #expect(day.version == "2022" && day.article == 69)
        #expect(day.asOf?.askedVersion == "2023" && day.asOf?.askedArticle == 68)
        #expect(try queries.article(document: "农产品质量安全法", number: "1", asOf: "2023-01-15").version == "2022")
        #expect(try queries.article(document: "农产品质量安全法", number: "1", asOf: "2022-12-31").version == "2018")
    }

    /// A version written into the name, as people write it.
    @Test(arguments: [
        "行政处罚法(2017)", "行政处罚法（2017年）", "行政处罚法(2017年版)", "2017年行政处罚法", "2017年版行政处罚法",
        "旧行政处罚法", "原行政处罚法", "中华人民共和国行政处罚法（2017）",
    ])
    func aVersionWrittenIntoTheName(_ name: String) throws {
        let article = try queries.article(document: name, number: "36")
        #expect(article.version == "2017")
        #expect(article.text.contains("全面、客观、公正地调查"))
    }

    @Test func versionedNamesThatNameNothing() throws {
        #expect { try queries.article(document: "行政处罚法(2019)", number: "1") } throws: { error in
            "\(error)".contains("没有“2019”版本") && "\(error)".contains("2017、2021")
        }
        #expect { try queries.article(document: "旧食品安全法", number: "1") } throws: { error in
            "\(error)".contains("只收录了一个版本")
        }
        #expect(try queries.article(document: "道路运输条例(2022)", number: "1").version == "2022")
        // Without a version, the current text.
        #expect(try queries.article(document: "行政处罚法", number: "36").version == "2021")
    }

    @Test func anUnknownVersionNamesTheVersionsThereAre() {
        #expect {
            try queries.article(document: "道路运输条例", number: "1", version: "2019")
        } throws: { error in
            "\(error)".contains("没有“2019”版本") && "\(error)".contains("2022、2023")
        }
    }

    @Test func outlinesHaveChaptersArticlesAndVersions() throws {
        let outline = try queries.outline(document: "道路运输条例", version: "2022")
        #expect(outline.title == Self.road)
        #expect(outline.version.version == "2022")
        #expect(outline.versions.map(\.version) == ["2022", "2023"])
        #expect(outline.articleCount == 83)
        #expect(outline.chapters.first?.heading == "第一章　总则")
        #expect(outline.chapters.contains { $0.heading.hasPrefix("第二章") && $0.heading.contains("第一节") })
        let penalty = try #require(outline.chapters.flatMap(\.articles).first { $0.article == 63 })
        #expect(penalty.citingItems >= 4)
        #expect(penalty.opening.hasPrefix("违反本条例的规定"))
        let current = try queries.outline(document: "道路运输条例")
        #expect(current.version.version == "2023" && current.articleCount == 82)
        let law = try queries.outline(document: "食品安全法")
        #expect(law.articleCount == 154 && law.versions.count == 1 && law.category == "法律")
    }

    @Test func citedByFollowsTheVersionCited() throws {
        // Items of every list version citing the 2022 text of 第六十三条 …
        let earlier = try queries.citedBy(document: "道路运输条例", number: "63", version: "2022")
        #expect(earlier.version == "2022" && earlier.everyListVersion)
        #expect(earlier.items.count >= 4)
        #expect(earlier.items.allSatisfy { $0.department == "乌审旗交通运输局" && $0.version.hasPrefix("2022") })
        // … and those in force today citing the current text.
        let current = try queries.citedBy(document: "道路运输条例", number: "63")
        #expect(current.version == "2023" && !current.everyListVersion)
        #expect(current.items.contains { $0.id == "JTYS-CLJZ-001" && $0.version == "2023-10-16" })
        #expect(current.items.allSatisfy { !$0.version.hasPrefix("2022") })
    }

    @Test func listItemsSayWhichVersionEachCitationOpens() throws {
        let older = try queries.list(department: "交通运输局", kind: "裁量基准", asOf: "2023-01-01")
        let newer = try queries.list(department: "交通运输局", kind: "裁量基准", asOf: "2024-01-01")
        let olderRoad = older.items.flatMap(\.citations).filter { $0.document == Self.road }
        let newerRoad = newer.items.flatMap(\.citations).filter { $0.document == Self.road }
        #expect(!olderRoad.isEmpty && olderRoad.allSatisfy { $0.version == "2022" && $0.resolved })
        #expect(!newerRoad.isEmpty && newerRoad.allSatisfy { $0.version == "2023" && $0.resolved })
    }

    @Test func searchHitsOfLawsSayTheirVersion() throws {
        let result = try queries.search(SearchRequest(query: "携带车辆营运证", kind: .regulation))
        let hit = try #require(result.hits.first)
        #expect(hit.document == Self.road && hit.version == "2023")
    }

    /// Every shipped benchmark level is checked against its statute.
    @Test func everyShippedBenchmarkLevelIsChecked() throws {
        let review = try queries.reviewBenchmarks(everyVersion: true)
        #expect(review.benchmarks.count == 6)
        #expect(review.tally.levels == review.benchmarks.reduce(0) { $0 + $1.tally.levels })
        #expect(review.tally.unchecked == 0)
        #expect(review.tally.withinLaw + review.tally.beyondLaw == review.tally.levels)
        for benchmark in review.benchmarks {
            for item in benchmark.items {
                #expect(item.check.problem == nil, "\(item.id)")
                #expect(!item.check.provisions.isEmpty, "\(item.id)")
            }
        }
        // The 2023 transport benchmark reads the 2023 text.
        let transport = try #require(review.benchmarks.first { $0.version == "2023-10-16" })
        #expect(
            transport.items.flatMap(\.check.provisions).allSatisfy {
                $0.document != Self.road || $0.version == "2023"
            })
        let today = try queries.reviewBenchmarks()
        #expect(today.benchmarks.count == 3 && !today.everyVersion)
    }
}
