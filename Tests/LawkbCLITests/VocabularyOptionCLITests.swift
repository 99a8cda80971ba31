import Foundation
import Testing

/// Options that take a vocabulary (`search --kind`, `--list-kind`, `changes --kind`,
/// `import --kind` and `--status`) read the names people write, and a word that names
/// nothing fails at the option: the argument parser names the option, and the accepted
/// values follow in Chinese (exit status 64, like every mistake in the command line).
@Suite(.serialized) struct VocabularyOptionCLITests {
    static let cli = try! CLIRunner()

    @Test func searchKindTakesCodesAndChineseNames() throws {
        let code = try Self.cli.run(["search", "清单", "--kind", "plan", "--json"])
        let chinese = try Self.cli.run(["search", "清单", "--kind", "实施方案", "--json"])
        #expect(code.status == 0, "\(code.stderr)")
        #expect(chinese.status == 0, "\(chinese.stderr)")
        #expect(code.stdout == chinese.stdout)
        let hits = try #require(try code.json()["hits"] as? [[String: Any]])
        #expect(!hits.isEmpty && hits.allSatisfy { $0["kind"] as? String == "plan" })
    }

    @Test func anUnknownDocumentKindFailsAtTheOption() throws {
        let output = try Self.cli.run(["search", "处罚", "--kind", "novel"])
        #expect(output.status == 64)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr.contains("'--kind <kind>'"), "\(output.stderr)")
        #expect(
            output.stderr.contains("“novel”不是文件类型，应为 plan（实施方案）、regulation（法律法规）、list（清单） 之一"),
            "\(output.stderr)")
    }

    @Test func anUnknownListKindFailsAtTheOptionWithTheClosestNames() throws {
        for arguments in [["search", "处罚", "--list-kind", "奇怪清单"], ["changes", "--kind", "奇怪清单"]] {
            let output = try Self.cli.run(arguments)
            #expect(output.status == 64, "\(arguments)")
            #expect(output.stderr.contains("'\(arguments[arguments.count - 2])"), "\(output.stderr)")
            #expect(output.stderr.contains("没有名为“奇怪清单”的清单种类。您是不是要找："), "\(output.stderr)")
        }
    }

    @Test func listKindAliasesAreReadAtTheOption() throws {
        let alias = try Self.cli.run(["changes", "--kind", "裁量基准", "--json"])
        let name = try Self.cli.run(["changes", "--kind", "行政处罚裁量权基准", "--json"])
        #expect(alias.status == 0, "\(alias.stderr)")
        #expect(alias.stdout == name.stdout)
        let changes = try #require(try alias.json()["changes"] as? [[String: Any]])
        #expect(!changes.isEmpty && changes.allSatisfy { $0["kind"] as? String == "行政处罚裁量权基准" })
    }

    @Test func importStatusAndKindFailAtTheOption() throws {
        let base = [
            "import", "absent.csv", "--department", "scjg", "--version", "2024-01-01", "--dry-run",
            "--corpus", Self.cli.corpus,
        ]
        func run(_ arguments: [String]) throws -> CLIRunner.Output {
            try CLIRunner.execute(arguments, in: Self.cli.directory)
        }
        let status = try run(base + ["--kind", "免罚清单", "--status", "现行"])
        #expect(status.status == 64)
        #expect(status.stderr.contains("'--status <status>'"), "\(status.stderr)")
        #expect(status.stderr.contains("“现行”不是清单状态，应为 official（正式）或sample（示例）"), "\(status.stderr)")
        let kind = try run(base + ["--kind", "奇怪清单"])
        #expect(kind.status == 64)
        #expect(kind.stderr.contains("'--kind <kind>'"), "\(kind.stderr)")
        // A known status in Chinese passes the option; the missing file is then the error.
        let chinese = try run(base + ["--kind", "免罚清单", "--status", "示例"])
        #expect(chinese.status == 1, "\(chinese.stderr)")
        #expect(chinese.stderr.contains("absent.csv"), "\(chinese.stderr)")
    }

    /// The importer names no option; the command line adds the one that helps.
    @Test func importErrorsNameTheOptionThatHelps() throws {
        let table = Self.cli.directory.appendingPathComponent("limit.csv")
        try "事项名称,违法行为\n甲,乙\n丙,丁\n".write(to: table, atomically: true, encoding: .utf8)
        let limited = try CLIRunner.execute(
            [
                "import", table.path, "--department", "scjg", "--kind", "免罚清单", "--version", "2024-01-01", "--dry-run",
                "--corpus", Self.cli.corpus, "--limit", "cells=3",
            ],
            in: Self.cli.directory)
        #expect(limited.status == 1)
        #expect(limited.stderr.contains("超出上限 3"), "\(limited.stderr)")
        #expect(limited.stderr.contains("可用 --limit cells=更大的值 提高上限"), "\(limited.stderr)")
        let noCorpus = try CLIRunner.execute(
            [
                "import", table.path, "--department", "scjg", "--kind", "免罚清单", "--version", "2024-01-01", "--dry-run",
                "--corpus", Self.cli.directory.appendingPathComponent("nowhere").path,
            ],
            in: Self.cli.directory)
        #expect(noCorpus.status == 1)
        #expect(noCorpus.stderr.contains("找不到部门名录 departments.yaml；请用 --corpus 指定"), "\(noCorpus.stderr)")
    }
}
