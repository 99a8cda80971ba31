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
}
