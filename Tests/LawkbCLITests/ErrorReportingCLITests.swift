import Foundation
import Testing

/// How the command line reports failures: one line `lawkb: 错误：…` with exit status 1, in
/// which the command line itself phrases what to do (the libraries name no command); a
/// mistake in the command line is the argument parser's, with the usage and exit status 64.
@Suite(.serialized) struct ErrorReportingCLITests {
    static let cli = try! CLIRunner()

    @Test func anEmptyQueryIsAnsweredWithAnExampleCommand() throws {
        let output = try Self.cli.run(["search", ""])
        #expect(output.status == 1)
        #expect(output.stdout.isEmpty)
        let lines = output.stderr.split(separator: "\n").filter { $0.hasPrefix("lawkb: 错误：") }
        #expect(lines == ["lawkb: 错误：检索词为空，请输入一个或多个词，例如：lawkb search 不予处罚"], "\(output.stderr)")
    }

    @Test func aNameCloseToNoneIsAnsweredWithTheCommandThatListsThem() throws {
        let document = try Self.cli.run(["article", "qqqq", "1"])
        #expect(document.status == 1)
        #expect(
            document.stderr.contains("lawkb: 错误：没有名为“qqqq”的文件。收录的文件见 lawkb documents 或 /api/documents。"),
            "\(document.stderr)")
        let department = try Self.cli.run(["lists", "--department", "qqqq"])
        #expect(department.status == 1)
        #expect(
            department.stderr.contains("lawkb: 错误：没有名为“qqqq”的部门。全部部门见 lawkb departments 或 /api/departments。"),
            "\(department.stderr)")
    }

    @Test func aPublicServerRefusesAFullIndexNamingTheCommandThatBuildsAPublicOne() throws {
        _ = try Self.cli.run(["documents"])
        let output = try Self.cli.run(["serve", "--public", "--port", "0"])
        #expect(output.status == 1)
        #expect(output.stderr.contains("不是公开版索引"), "\(output.stderr)")
        #expect(
            output.stderr.contains("请用 `lawkb index --public --output \(Self.cli.indexPath)` 生成公开版索引"),
            "\(output.stderr)")
    }

    @Test func aMistakeInTheCommandLineIsLeftToTheArgumentParser() throws {
        let existing = Self.cli.directory.appendingPathComponent("generated")
        try FileManager.default.createDirectory(
            at: existing.appendingPathComponent("Corpus"),
            withIntermediateDirectories: true)
        let output = try CLIRunner.execute(
            ["generate", "--items", "1", "--output", existing.path],
            in: Self.cli.directory)
        #expect(output.status == 64)
        #expect(output.stderr.contains("已存在，请另选 --output"), "\(output.stderr)")
        #expect(output.stderr.contains("Usage:"), "\(output.stderr)")
        #expect(!output.stderr.contains("lawkb: 错误："))
    }
}
