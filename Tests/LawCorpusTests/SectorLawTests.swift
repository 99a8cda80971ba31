import Foundation
import Testing

@testable import LawCorpus

/// The sector laws the lists rest on: every file present with its article count, each
/// version with its period in force, and every citation of the shipped lists resolved to
/// the version in force on the list's date.
@Suite struct SectorLawTests {
    /// Article counts of the texts in `Corpus/regulations/`, as their sources record them.
    static let articleCounts: [String: Int] = [
        "中华人民共和国行政处罚法(2017).md": 64, "中华人民共和国行政处罚法(2021).md": 86, "中华人民共和国行政强制法(2011).md": 71, "优化营商环境条例(2019).md": 72,
        "中华人民共和国安全生产法(2021).md": 119, "中华人民共和国产品质量法(2018).md": 74,
        "中华人民共和国价格法(1997).md": 48, "中华人民共和国公路法(2017).md": 87,
        "中华人民共和国农产品质量安全法(2018).md": 56, "中华人民共和国农产品质量安全法(2022).md": 81,
        "中华人民共和国广告法(2021).md": 74, "中华人民共和国旅游法(2018).md": 112, "中华人民共和国种子法(2021).md": 92,
        "中华人民共和国计量法(2018).md": 34, "中华人民共和国固体废物污染环境防治法(2020).md": 126,
        "中华人民共和国土地管理法(2019).md": 87, "中华人民共和国城乡规划法(2019).md": 70,
        "中华人民共和国大气污染防治法(2018).md": 129, "中华人民共和国环境保护法(2014).md": 70,
        "中华人民共和国环境影响评价法(2018).md": 37, "中华人民共和国食品安全法(2021).md": 154,
        "互联网上网服务营业场所管理条例(2022).md": 38, "公路安全保护条例(2011).md": 77, "农药管理条例(2022).md": 66,
        "中华人民共和国市场主体登记管理条例(2021).md": 55, "中华人民共和国计量法实施细则(2022).md": 60,
        "中华人民共和国道路运输条例(2022).md": 83, "中华人民共和国道路运输条例(2023).md": 82,
        "中华人民共和国道路交通安全法(2021).md": 124,
    ]

    static let roadTransport = "中华人民共和国道路运输条例"
    static let produceSafety = "中华人民共和国农产品质量安全法"

    @Test func everyTextIsLoadedWithItsArticleCount() {
        let loaded = Dictionary(
            uniqueKeysWithValues: Fixture.loaded.regulations.map {
                (($0.file as NSString).lastPathComponent, $0.articles.count)
            })
        #expect(loaded == Self.articleCounts)
    }

    @Test func sidecarsGiveEveryVersionItsFacts() {
        for regulation in Fixture.loaded.regulations {
            let m = regulation.metadata
            #expect(["法律", "行政法规"].contains(m.category ?? ""), "\(regulation.file)")
            #expect(["全国人民代表大会常务委员会", "国务院"].contains(m.issuer), "\(regulation.file)")
            #expect(m.promulgated != nil && m.effective != nil, "\(regulation.file)")
            if let promulgated = m.promulgated, let effective = m.effective {
                #expect(promulgated <= effective, "\(regulation.file)")
            }
            #expect(regulation.file.hasSuffix("(\(m.version)).md"), "\(regulation.file)")
        }
        #expect(Fixture.loaded.warnings.filter { $0.contains("Corpus/regulations") || $0.contains("regulations/") }.isEmpty)
        #expect(Fixture.regulation(Self.roadTransport, version: "2022").metadata.status == "已修改")
        #expect(Fixture.regulation(Self.roadTransport, version: "2023").metadata.status == "现行有效")
        #expect(Fixture.regulation(Self.produceSafety, version: "2018").metadata.status == "已修改")
        #expect(Fixture.regulation(Self.produceSafety, version: "2022").metadata.status == "现行有效")
    }

    @Test func shortNamesResolve() {
        let names = Fixture.loaded.regulations.reduce(into: DocumentNames()) {
            $0.register(title: $1.metadata.title, aliases: $1.metadata.shortNames)
        }
        #expect(names.resolve("道路运输条例") == Self.roadTransport)
        #expect(names.resolve("食品安全法") == "中华人民共和国食品安全法")
        #expect(names.resolve("安全生产法") == "中华人民共和国安全生产法")
        #expect(names.resolve("《农药管理条例》") == "农药管理条例")
        #expect(names.resolve("计量法实施细则") == "中华人民共和国计量法实施细则")
    }

    private func versionName(_ title: String, on day: String?) -> String? {
        let versions = RegulationVersions(Fixture.loaded.regulations)
        let date = day.flatMap(CalendarDate.init(iso:))
        return versions.version(of: title, on: date).map { Fixture.loaded.regulations[$0].metadata.version }
    }

    @Test func theVersionInForceOnADay() {
        #expect(versionName(Self.roadTransport, on: "2022-10-26") == "2022")
        #expect(versionName(Self.roadTransport, on: "2023-07-19") == "2022")
        #expect(versionName(Self.roadTransport, on: "2023-07-20") == "2023")
        #expect(versionName(Self.roadTransport, on: "2023-10-16") == "2023")
        #expect(versionName(Self.produceSafety, on: "2022-10-24") == "2018")
        #expect(versionName(Self.produceSafety, on: "2022-12-31") == "2018")
        #expect(versionName(Self.produceSafety, on: "2023-03-01") == "2022")
        // Before the first version: the oldest text there is; no date: the current version.
        #expect(versionName(Self.roadTransport, on: "2000-01-01") == "2022")
        #expect(versionName(Self.roadTransport, on: nil) == "2023")
        #expect(versionName("中华人民共和国行政处罚法", on: "2022-10-26") == "2021")
        #expect(versionName("没有这部法", on: "2022-10-26") == nil)
    }

    /// 行政处罚法 as amended in 2017 (in force 2018-01-01 to 2021-07-14) beside the 2021 revision.
    @Test func theEarlierPenaltyLawIsAVersion() throws {
        let earlier = Fixture.regulation("中华人民共和国行政处罚法", version: "2017")
        #expect(earlier.metadata.status == "已修改")
        #expect(earlier.metadata.promulgated?.description == "2017-09-01")
        #expect(earlier.metadata.effective?.description == "2018-01-01")
        #expect(earlier.articles.count == 64)
        #expect(Fixture.regulation("中华人民共和国行政处罚法").metadata.version == "2021")
        #expect(versionName("中华人民共和国行政处罚法", on: "2020-05-01") == "2017")
        #expect(versionName("中华人民共和国行政处罚法", on: "2021-07-14") == "2017")
        #expect(versionName("中华人民共和国行政处罚法", on: "2021-07-15") == "2021")
        let regulations = Fixture.loaded.regulations
        let index = try #require(regulations.firstIndex { $0.file == earlier.file })
        #expect(RegulationVersions(regulations).period(ofRegulationAt: index)?.until?.description == "2021-07-15")
    }

    @Test func periodsInForceFollowEachOther() throws {
        let regulations = Fixture.loaded.regulations
        let versions = RegulationVersions(regulations)
        let older = try #require(regulations.firstIndex { $0.metadata.title == Self.roadTransport && $0.metadata.version == "2022" })
        let newer = try #require(regulations.firstIndex { $0.metadata.title == Self.roadTransport && $0.metadata.version == "2023" })
        #expect(versions.period(ofRegulationAt: older)?.from.description == "2022-05-01")
        #expect(versions.period(ofRegulationAt: older)?.until?.description == "2023-07-20")
        #expect(versions.period(ofRegulationAt: newer)?.from.description == "2023-07-20")
        #expect(versions.period(ofRegulationAt: newer)?.until == nil)
    }

    /// Every citation of every shipped list opens an article of the version in force on the
    /// list's version date.
    @Test func everyListCitationResolves() {
        let regulations = Fixture.loaded.regulations
        let versions = RegulationVersions(regulations)
        var checked = 0
        for list in Fixture.loaded.lists {
            for item in list.items {
                for citation in item.citations where citation.name != nil || citation.document != nil {
                    let target = versions.target(of: citation, on: list.version, in: regulations)
                    #expect(
                        target == .article(regulation: target.regulation ?? -1),
                        "\(list.file):\(item.line) \(citation.text) → \(target)")
                    checked += 1
                }
            }
        }
        #expect(checked > 500)
    }

    /// The dated benchmarks cite the text that applied on their date.
    @Test func datedBenchmarksCiteTheirVersion() throws {
        let regulations = Fixture.loaded.regulations
        let versions = RegulationVersions(regulations)
        func versionsCited(department: String, date: String, title: String) throws -> Set<String> {
            let list = try #require(
                Fixture.loaded.lists.first {
                    $0.department.id == department && $0.kind == .discretionBenchmark && $0.version.description == date
                })
            let cited = list.items.flatMap(\.citations).filter { $0.document == title }
            #expect(!cited.isEmpty)
            return Set(
                cited.compactMap { versions.target(of: $0, on: list.version, in: regulations).regulation }
                    .map { regulations[$0].metadata.version })
        }
        #expect(try versionsCited(department: "jtys", date: "2022-10-26", title: Self.roadTransport) == ["2022"])
        #expect(try versionsCited(department: "jtys", date: "2023-10-16", title: Self.roadTransport) == ["2023"])
        #expect(try versionsCited(department: "nmj", date: "2022-10-24", title: Self.produceSafety) == ["2018"])
        #expect(try versionsCited(department: "nmj", date: "2023-03-01", title: Self.produceSafety) == ["2022"])
    }

    /// 本条例 in the 2022 text means the 2022 text, not the current one.
    @Test func aLawCitingItselfMeansItsOwnVersion() throws {
        let regulations = Fixture.loaded.regulations
        let versions = RegulationVersions(regulations)
        let older = try #require(regulations.firstIndex { $0.metadata.title == Self.roadTransport && $0.metadata.version == "2022" })
        let selfCitations = regulations[older].articles.flatMap(\.citations).filter { $0.document == Self.roadTransport }
        #expect(!selfCitations.isEmpty)
        for citation in selfCitations {
            #expect(versions.target(of: citation, on: nil, citingRegulation: older, in: regulations).regulation == older)
        }
    }
}
