import Foundation
import Testing

/// End-to-end runs of the `lawkb` executable. One index per suite: built on first use.
@Suite(.serialized) struct CLITests {
    let cli: CLIRunner

    init() throws {
        cli = try CLIRunner()
    }

    @Test func firstUseBuildsTheIndexAndSaysSo() throws {
        let output = try cli.run(["search", "二年内未被发现"])
        #expect(output.status == 0)
        #expect(output.stderr.contains("正在从"))
        #expect(output.stderr.contains("建立索引"))
        #expect(output.stdout.contains("行政处罚法 第三十六条"))
        #expect(output.stdout.contains("[二年内未被发现]"))
        let again = try cli.run(["search", "二年内未被发现"])
        #expect(!again.stderr.contains("建立"))
    }

    @Test func searchJSONIsTheDocumentedContract() throws {
        let output = try cli.run(["search", "查封", "扣押", "期限", "--json", "--limit", "3"])
        #expect(output.status == 0, "\(output.stderr)")
        let json = try output.json()
        #expect(json["query"] as? String == "查封 扣押 期限")
        #expect((json["total"] as? Int ?? 0) >= 1)
        let hits = try #require(json["hits"] as? [[String: Any]])
        #expect(hits.count <= 3)
        let first = try #require(hits.first)
        for key in ["id", "kind", "document", "title", "location", "snippet", "score"] {
            #expect(first[key] != nil, "missing \(key)")
        }
        #expect(first["kind"] as? String == "regulation")
        #expect(first["article"] is Int)
        #expect((first["snippet"] as? String)?.contains("[") == true)
    }

    @Test func minusTermsAreQueryNotOptions() throws {
        let output = try cli.run(["search", "查封", "-扣押", "--json"])
        #expect(output.status == 0, "\(output.stderr)")
    }

    @Test func articleLookupAndItsErrors() throws {
        let text = try cli.run(["article", "行政处罚法", "第三十三条"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("第四章　行政处罚的管辖和适用"))
        #expect(text.stdout.contains("违法行为轻微并及时改正"))

        let json = try cli.run(["article", "行政处罚法", "33", "--json"]).json()
        #expect(json["document"] as? String == "中华人民共和国行政处罚法")
        #expect(json["article"] as? Int == 33)
        #expect(json["chapter"] as? String == "第四章　行政处罚的管辖和适用")
        #expect((json["text"] as? String)?.hasPrefix("第三十三条") == true)

        let missing = try cli.run(["article", "行政处罚法", "第九十条"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("第八十六条"))
        let unknown = try cli.run(["article", "刑法", "1"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("刑法"))
    }

    @Test func citeResolvesAndShowsTheParagraph() throws {
        let output = try cli.run(["cite", "《行政处罚法》第三十三条第一款"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.hasPrefix("第三十三条第一款：违法行为轻微并及时改正"))
    }

    @Test func deadlinesJSONIsTheDocumentedContract() throws {
        let json = try cli.run(["deadlines", "--json"]).json()
        let deadlines = try #require(json["deadlines"] as? [[String: Any]])
        #expect(deadlines.count >= 15)
        let october = try #require(deadlines.first { $0["due"] as? String == "2022-10-31" })
        #expect(october["rule"] as? String == "2022年10月底前")
        for deadline in deadlines {
            for key in ["measure", "task", "due", "rule", "report_to"] {
                #expect(deadline.keys.contains(key), "missing \(key)")
            }
        }
        let relative = try #require(deadlines.first { ($0["rule"] as? String)?.contains("工作日内") == true })
        #expect(relative["due"] is NSNull)
    }

    @Test func aMalformedCorpusFileIsNamedAndThePreviousIndexStays() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("lawkb-cli-corpus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let corpus = scratch.appendingPathComponent("Corpus")
        try FileManager.default.copyItem(at: CLIRunner.repository.appendingPathComponent("Corpus"), to: corpus)
        let runner = try CLIRunner(corpus: corpus.path)
        let built = try runner.run(["index"])
        #expect(built.status == 0, "\(built.stderr)")
        #expect(built.stdout.contains("法律条文"))

        let broken = corpus.appendingPathComponent("regulations/broken.md")
        try "没有标题的文件\n第一条 内容\n".write(to: broken, atomically: true, encoding: .utf8)
        let failed = try runner.run(["index"])
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("broken.md:1"))
        // Searching while the corpus is broken reports the problem and uses the previous index.
        let search = try runner.run(["search", "处罚"])
        #expect(search.status == 0)
        #expect(search.stderr.contains("broken.md:1"))
        #expect(search.stdout.contains("处罚"))
    }

    @Test func manyUnresolvedCitationsAreCountedAndTheFirstNamed() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("lawkb-cli-corpus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let corpus = scratch.appendingPathComponent("Corpus")
        try FileManager.default.copyItem(at: CLIRunner.repository.appendingPathComponent("Corpus"), to: corpus)
        let folder = corpus.appendingPathComponent("lists/scjg/重点监管事项清单")
        var lines = ["department: 乌审旗市场监督管理局", "kind: 重点监管事项清单", "version: 2024-06-01", "items:"]
        let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九"]
        for n in 1...150 {
            lines += ["  - id: WJ-\(n)", "    name: 事项\(n)", "    basis: 《未收录的条例》第\(numerals[n % 9])条"]
        }
        try (lines.joined(separator: "\n") + "\n").write(
            to: folder.appendingPathComponent("2024-06-01.yaml"), atomically: true, encoding: .utf8)
        let runner = try CLIRunner(corpus: corpus.path)
        let built = try runner.run(["index"])
        #expect(built.status == 0, "\(built.stderr)")
        #expect(built.stdout.contains("其中 150 处所引文件未收录，0 处所引条文在当时施行的版本中不存在"))
        let named = built.stderr.split(separator: "\n").filter { $0.contains("未能打开的引用：") }
        #expect(named.count == 100)
        #expect(named.first?.contains("2024-06-01.yaml:5: 《未收录的条例》第二条") == true)
        #expect(built.stderr.contains("另有 50 处未能打开的引用未列出"))
        // An update names those of the file it read again.
        lines[5] = "    name: 改过的事项1"
        try (lines.joined(separator: "\n") + "\n").write(
            to: folder.appendingPathComponent("2024-06-01.yaml"), atomically: true, encoding: .utf8)
        let updated = try runner.run(["index"])
        #expect(updated.stdout.contains("增量更新") && updated.stdout.contains("改动文件中的 150 处列在下面"), "\(updated.stdout)")
        #expect(updated.stderr.contains("改动文件中另有 50 处未能打开的引用未列出"))
    }

    @Test func emptyAndHostileQueriesFailCleanly() throws {
        let empty = try cli.run(["search", "。，"])
        #expect(empty.status == 1)
        #expect(empty.stderr.contains("没有可检索的文字"))
        let long = try cli.run(["search", String(repeating: "罚", count: 10_000)])
        #expect(long.status == 1)
        #expect(long.stderr.contains("上限"))
        let near = try cli.run(["search", "NEAR(处罚", "*"])
        #expect(near.status == 0, "\(near.stderr)")
    }

    @Test func listCommandsAnswerInJSON() throws {
        let list = try cli.run(["list", "市监局", "裁量基准", "--as-of", "2023-01-01", "--json"])
        #expect(list.status == 0, "\(list.stderr)")
        let json = try list.json()
        #expect(json["version"] as? String == "2022-10-25")
        #expect(json["status"] as? String == "sample")
        let items = try #require(json["items"] as? [[String: Any]])
        let first = try #require(items.first)
        for key in ["id", "name", "basis", "citations", "levels"] {
            #expect(first[key] != nil, "missing \(key)")
        }
        let citations = try #require(first["citations"] as? [[String: Any]])
        #expect(citations.contains { $0["article"] as? Int == 13 })

        let changes = try cli.run(["changes", "--kind", "裁量基准", "--since", "2022-10-31", "--json"]).json()
        let entries = try #require(changes["changes"] as? [[String: Any]])
        #expect(entries.count == 3)
        for key in ["department", "kind", "from", "to", "added", "removed", "changed"] {
            #expect(entries[0][key] != nil, "missing \(key)")
        }

        let cited = try cli.run(["cited-by", "行政处罚法", "第三十三条", "--json"]).json()
        #expect((cited["items"] as? [Any])?.count ?? 0 > 10)

        let human = try cli.run(["lists", "--department", "市场监管局"])
        #expect(human.stdout.contains("【示例】"))
        let missing = try cli.run(["list", "市场监管局", "奇怪清单"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("奇怪清单"))
    }

    /// The names after “您是不是要找：” in `text`, or `nil` when there is no suggestion.
    private func suggestions(_ text: String) -> [String]? {
        guard let start = text.range(of: "您是不是要找：") else { return nil }
        let rest = text[start.upperBound...].prefix { $0 != "？" && $0 != "\n" }
        return rest.split(separator: "、").map(String.init)
    }

    @Test func changesSpeakChineseAndNameFieldsByTheirLabels() throws {
        let output = try cli.run(["changes", "--kind", "裁量基准", "--since", "2022-10-31"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("一般 · 处罚标准："))
        #expect(output.stdout.contains("一般 · 罚款幅度："))
        #expect(output.stdout.contains("新增 "))
        #expect(output.stdout.contains("修改 SCJG-CLJZ-"))
        #expect(!output.stdout.contains("levels."), "no field paths for people")
        let none = try cli.run(["changes", "--department", "文旅局"])
        #expect(none.stdout == "没有清单变更。\n")
        let json = try cli.run(["changes", "--kind", "裁量基准", "--since", "2022-10-31", "--json"]).json()
        let fields = (json["changes"] as? [[String: Any]] ?? []).flatMap { $0["changed"] as? [[String: Any]] ?? [] }
            .flatMap { $0["fields"] as? [[String: Any]] ?? [] }
        let penalty = try #require(fields.first { $0["field"] as? String == "levels.一般.penalty" })
        #expect(penalty["label"] as? String == "一般 · 处罚标准")
    }

    @Test func aKindAloneListsItForEveryDepartment() throws {
        let human = try cli.run(["list", "免罚清单"])
        #expect(human.status == 0, "\(human.stderr)")
        #expect(human.stdout.hasPrefix("不予处罚事项清单："))
        #expect(human.stdout.contains("乌审旗市场监督管理局 · 不予处罚事项清单"))
        #expect(human.stdout.contains("乌审旗交通运输局 · 不予处罚事项清单"))
        let json = try cli.run(["list", "不予处罚事项清单", "--json"]).json()
        let lists = try #require(json["lists"] as? [[String: Any]])
        #expect(lists.count >= 3)
        #expect(lists.allSatisfy { $0["kind"] as? String == "不予处罚事项清单" })
        #expect(Set(lists.compactMap { $0["department"] as? String }).count == lists.count)

        let department = try cli.run(["list", "市监局"])
        #expect(department.status == 0, "\(department.stderr)")
        #expect(department.stdout.contains("乌审旗市场监督管理局 · 行政处罚裁量权基准"))

        let neither = try cli.run(["list", "宇宙管理局"])
        #expect(neither.status == 1)
        #expect(neither.stderr.contains("既不是部门，也不是清单种类"))
        #expect((suggestions(neither.stderr)?.count ?? 0) <= 5)
    }

    @Test func citedByNarrowsToOneKindOfList() throws {
        let all = try #require(try cli.run(["cited-by", "行政处罚法", "33", "--json"]).json()["items"] as? [[String: Any]])
        let output = try cli.run(["cited-by", "行政处罚法", "33", "--list-kind", "免罚清单", "--json"])
        #expect(output.status == 0, "\(output.stderr)")
        let items = try #require(output.json()["items"] as? [[String: Any]])
        #expect(!items.isEmpty)
        #expect(items.count < all.count)
        #expect(items.allSatisfy { $0["kind"] as? String == "不予处罚事项清单" })
        let human = try cli.run(["cited-by", "行政处罚法", "33", "--list-kind", "免罚清单"])
        #expect(human.stdout.hasPrefix("中华人民共和国行政处罚法（2021年版本） 第三十三条："))
        #expect(human.stdout.contains("施行的不予处罚事项清单中有 \(items.count) 项事项引用"))
        // A bad kind fails at the option, like every typed option (usage error, status 64).
        let unknown = try cli.run(["cited-by", "行政处罚法", "33", "--list-kind", "奇怪清单"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("没有名为“奇怪清单”的清单种类"))
    }

    @Test func anUnknownNameGetsTheClosestNamesNotTheVocabulary() throws {
        let output = try cli.run(["article", "行政处罚条例", "1"])
        #expect(output.status == 1)
        #expect(output.stderr.contains("没有名为“行政处罚条例”的文件"))
        let names = try #require(suggestions(output.stderr))
        #expect(!names.isEmpty && names.count <= 5, "\(names)")
        #expect(names.first == "行政处罚法", "\(names)")
        #expect(output.stderr.split(separator: "\n").filter { $0.contains("没有名为") }.count == 1, "one line")

        let documents = try cli.run(["documents"])
        #expect(documents.stdout.contains("[法律法规]"))
        #expect(!documents.stdout.contains("units"))
    }
}
