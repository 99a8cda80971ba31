import Foundation
import Testing

/// `lawkb document`, `article --version`, `cited-by --version` and `check-benchmarks`.
@Suite(.serialized) struct LawVersionCLITests {
    let cli: CLIRunner

    init() throws {
        cli = try CLIRunner()
    }

    @Test func documentPrintsChaptersArticlesAndVersions() throws {
        let output = try cli.run(["document", "道路运输条例", "--version", "2022"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.hasPrefix("中华人民共和国道路运输条例（2022年版本） · 行政法规 · 国务院"))
        #expect(output.stdout.contains("已修改 · 公布 2022-03-29 · 施行 2022-05-01"))
        #expect(output.stdout.contains("其他版本：2023（现行有效）"))
        #expect(output.stdout.contains("共 83 条"))
        #expect(output.stdout.contains("第一章　总则"))
        #expect(output.stdout.contains("第六十三条 违反本条例的规定"))
        let json = try cli.run(["document", "农产品质量安全法", "--json"]).json()
        #expect((json["version"] as? [String: Any])?["version"] as? String == "2022")
        let unknown = try cli.run(["document", "道路运输条例", "--version", "2019"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("收录的版本：2022、2023"))
    }

    @Test func articleAndCitedByTakeAVersion() throws {
        let article = try cli.run(["article", "道路运输条例", "68", "--version", "2022"])
        #expect(article.status == 0, "\(article.stderr)")
        #expect(article.stdout.hasPrefix("中华人民共和国道路运输条例（2022年版本，已修改）"))
        #expect(article.stdout.contains("车辆营运证"))
        let citedBy = try cli.run(["cited-by", "道路运输条例", "63", "--version", "2022"])
        #expect(citedBy.stdout.hasPrefix("中华人民共和国道路运输条例（2022年版本） 第六十三条：各版清单中有"))
        #expect(citedBy.stdout.contains("JTYS-CLJZ-001"))
    }

    @Test func checkBenchmarksReportsEveryLevel() throws {
        let output = try cli.run(["check-benchmarks", "--department", "交通运输局", "--every-version", "--every-item"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.hasPrefix("核对 各版裁量基准 2 个："))
        #expect(output.stdout.contains("法定：中华人民共和国道路运输条例（2022）第六十三条：罚款 违法所得 2–10 倍；罚款 30000–100000 元"))
        #expect(output.stdout.contains("一般：在法定幅度内"))
        let json = try cli.run(["check-benchmarks", "--json"]).json()
        let tally = try #require(json["tally"] as? [String: Any])
        #expect(tally["unchecked"] as? Int == 0)
    }

    @Test func compareShowsTheChangesArticleByArticle() throws {
        let output = try cli.run(["compare", "行政处罚法", "2017", "2021"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.hasPrefix("中华人民共和国行政处罚法 新旧对照"))
        #expect(output.stdout.contains("旧：2017年版本（公布 2017-09-01，施行 2018-01-01，已修改）"))
        #expect(output.stdout.contains("2017 第三十条 → 2021 第四十条  修改"))
        #expect(output.stdout.contains("2017 第二十七条 → 2021 第三十二条、第三十三条  修改，拆分"))
        #expect(output.stdout.contains("{+") && output.stdout.contains("[-"))
        #expect(output.stdout.contains("新增条文（19 条）"))
        let changed = try cli.run(["compare", "行政处罚法", "--changed-only"])
        #expect(!changed.stdout.contains("未修改\n") && !changed.stdout.contains("  仅条号变化\n"))
        let json = try cli.run(["compare", "行政处罚法", "--json"]).json()
        #expect(json["from"] as? String == "2017" && json["to"] as? String == "2021")
        #expect((json["removed"] as? [Int]) == [63])
        let wrong = try cli.run(["compare", "行政处罚法", "2019"])
        #expect(wrong.status == 1 && wrong.stderr.contains("收录的版本：2017、2021"))
    }

    /// `--as-of` on article, cite, cited-by and search, and versions written into names.
    @Test func asOfOnEveryCommand() throws {
        let article = try cli.run(["article", "行政处罚法", "54", "--as-of", "2020-05-01"])
        #expect(article.status == 0, "\(article.stderr)")
        #expect(article.stdout.hasPrefix("中华人民共和国行政处罚法（2017年版本，已修改）"))
        #expect(article.stdout.contains("2020-05-01施行的是2017年版本；2021年版本第五十四条对应该版本第三十六条"))
        #expect(article.stdout.contains("第三十六条 除本法第三十三条规定的可以当场作出的行政处罚外"))
        #expect(article.stdout.contains("其他版本：2021年版本第五十四条（修改）"))
        let none = try cli.run(["article", "行政处罚法", "2", "--as-of", "2020-05-01"])
        #expect(none.status == 1 && none.stderr.contains("没有与行政处罚法（2021年版本）第二条对应的条文"))
        let cite = try cli.run(["cite", "行政处罚法第二十七条", "--as-of", "2020-05-01", "--json"]).json()
        #expect((cite["article"] as? [String: Any])?["version"] as? String == "2017")
        let citedBy = try cli.run(["cited-by", "行政处罚法", "33", "--as-of", "2020-05-01"])
        #expect(citedBy.stdout.hasPrefix("2020-05-01施行的是2017年版本；2021年版本第三十三条对应该版本第二十七条"))
        let search = try cli.run(["search", "当场收缴", "--as-of", "2020-05-01"])
        #expect(search.stdout.contains("中华人民共和国行政处罚法（2017年版本）") && !search.stdout.contains("（2021年版本）"))
        for name in ["行政处罚法(2017)", "2017年行政处罚法", "旧行政处罚法"] {
            let named = try cli.run(["article", name, "36"])
            #expect(named.stdout.hasPrefix("中华人民共和国行政处罚法（2017年版本，已修改）"), "\(name)")
        }
        let version = try cli.run(["search", "当场收缴", "--document", "行政处罚法", "--version", "2017"])
        #expect(version.stdout.contains("中华人民共和国行政处罚法（2017年版本）") && !version.stdout.contains("（2021年版本）"))
        let alone = try cli.run(["search", "当场收缴", "--version", "2017"])
        #expect(alone.status == 1 && alone.stderr.contains("参数 version 有误"))
        let bad = try cli.run(["article", "行政处罚法", "54", "--as-of", "去年春天"])
        #expect(bad.status == 1 && bad.stderr.contains("as_of"))
    }
}
