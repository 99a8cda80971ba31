import Foundation
import Testing

/// `lawkb ask`, and the names and dates people write, through every command.
@Suite(.serialized) struct AskCLITests {
    let cli: CLIRunner

    init() throws {
        cli = try CLIRunner()
    }

    @Test func askSaysHowItUnderstoodThenAnswers() throws {
        let output = try cli.run(["ask", "农牧局不予处罚的事项有哪些"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.hasPrefix("理解为：乌审旗农牧局 · 不予处罚事项清单 · 现行版本"))
        #expect(output.stdout.contains("不予处罚事项清单"))
    }

    @Test func askJSONIsTheContract() throws {
        let output = try cli.run(["ask", "处罚法第51条怎么规定", "--json"])
        #expect(output.status == 0, "\(output.stderr)")
        let json = try output.json()
        #expect(Set(json.keys) == ["question", "intent", "understood", "summary", "answer", "alternatives"])
        #expect(json["intent"] as? String == "article")
        let understood = try #require(json["understood"] as? [String: Any])
        #expect(understood["document"] as? String == "中华人民共和国行政处罚法")
        #expect(understood["article"] as? Int == 51)
        #expect(understood["department"] is NSNull)
        // The answer is exactly what `article --json` prints.
        let article = try cli.run(["article", "行政处罚法", "51", "--json"]).json()
        let answer = try #require(json["answer"] as? [String: Any])
        #expect(NSDictionary(dictionary: answer).isEqual(to: article))
    }

    @Test func namesAndDatesAsPeopleWriteThem() throws {
        let cases: [[String]] = [
            ["list", "市监局", "不予处罚"], ["list", "市场局", "从轻"], ["list", "工商局", "免罚", "--as-of", "2022年12月31日"],
            ["list", "交通", "裁量标准", "--as-of", "2022/10/31"], ["list", "环保", "免予强制", "--as-of", "2022.11.1"],
            ["list", "文旅", "减轻处罚事项", "--as-of", "2023-1-5"],
            ["article", "行政处罚法第33条"], ["cited-by", "《行政处罚法》第三十三条"], ["article", "处罚法", "33"],
            ["cite", "营商环境条例第55条"], ["changes", "--kind", "裁量基准", "--since", "2022年10月31日"],
        ]
        for arguments in cases {
            let output = try cli.run(arguments)
            #expect(output.status == 0, "\(arguments): \(output.stderr)")
            #expect(!output.stdout.isEmpty, "\(arguments)")
        }
        let cited = try cli.run(["cited-by", "《行政处罚法》第三十三条", "--json"]).json()
        #expect(cited["article"] as? Int == 33)
    }

    @Test func unknownNamesGetTheClosestOnes() throws {
        let department = try cli.run(["list", "乌审旗水务局", "免罚"])
        #expect(department.status == 1)
        #expect(department.stderr.contains("您是不是要找"))
        #expect(department.stderr.contains("乌审旗水利局"))
        let date = try cli.run(["list", "市监局", "免罚", "--as-of", "2022年13月1日"])
        #expect(date.status == 1)
        #expect(date.stderr.contains("2022年13月1日"))
    }

    @Test func searchPutsTheArticleOfACitationFirst() throws {
        let json = try cli.run(["search", "行政处罚法第33条", "--json"]).json()
        let answer = try #require(json["answer"] as? [String: Any])
        #expect(answer["intent"] as? String == "article")
        let human = try cli.run(["search", "行政强制法", "第十六条"])
        #expect(human.status == 0, "\(human.stderr)")
        #expect(human.stdout.hasPrefix("理解为：中华人民共和国行政强制法 · 第十六条"))
        let plain = try cli.run(["search", "违法行为轻微", "及时改正"])
        #expect(plain.stdout.hasPrefix("共 "))
        #expect(plain.stdout.contains("条结果"))
    }

    @Test func hostileQuestionsNeverCrash() throws {
        for question in [
            String(repeating: "清单", count: 5_000), "\u{1}\u{7}市监局\u{1B}[31m免罚清单",
            "行政处罚法第9223372036854775807条", "9223372036854775807年1月1日", "《《《》》》",
        ] {
            let output = try cli.run(["ask", question, "--json"])
            #expect(output.status == 0 || output.status == 1, "\(output.status): \(output.stderr.prefix(200))")
        }
    }
}
