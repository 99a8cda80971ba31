import ArgumentParser
import Foundation
import LawCorpus
import LawImport

/// `lawkb import`: turns a department's published table into a list file of the corpus.
struct ImportCommand: Answering {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "把部门的清单表格（.csv 或 .xlsx）导入为语料中的一个清单版本。",
        usage: """
            lawkb import FILE.csv|FILE.xlsx --department NAME --kind KIND --version DATE \
            [--published DATE] [--filed DATE] [--title T] [--status sample|official] \
            [--sheet NAME] [--corpus Corpus] [--output PATH] [--force] [--dry-run] [--limit NAME=VALUE …]
            """,
        discussion: """
            Departments publish their lists (不予处罚事项清单, 行政处罚裁量权基准 …) as Excel or \
            CSV tables. This command reads such a table as it is, and writes the list version \
            Corpus/lists/<department id>/<kind>/<version>.yaml for a person to check and commit.

            The table: rows above the header (a merged title row such as \
            “乌审旗市场监督管理局轻微违法行为不予处罚事项清单”) are skipped; the first of them gives \
            the title unless --title is given. The header row is found by its column names, \
            and each column goes to a key of the list file:
              id                       编号, 事项编码 (without one, ids are generated: SCJG-BYCF-001)
              name                     事项名称, 违法行为名称, 证明名称, 监管事项, 决定类型, 情形
              conduct                  违法行为, 违法行为表现, 具体违法行为 (the name when no column names items)
              basis                    法律依据, 设定依据, 实施依据, 依据, 违法依据
              penalty_basis            处罚依据, when a 违法依据 or 法律依据 column is also there
              conditions               适用条件, 不予处罚的情形, 情节, 条件
              measure                  处理方式, 处罚措施, 处理措施
              levels[].level           裁量阶次, 违法程度, 情节程度
              levels[].circumstances   适用情形 beside 裁量阶次
              levels[].penalty         处罚标准, 裁量标准, 处罚幅度
              note                     备注
              fields                   any other column, under its own header
            序号 is not written, but tells items from category and continuation rows. \
            Headers may contain spaces, line breaks and full-width characters.

            Rows: a row with a single cell (“一、食品安全领域”) is a category, recorded as \
            fields: 类别 of the items below it. In a benchmark, the rows of one item's levels \
            may leave 序号, 违法行为 and 依据 blank, repeat them, or merge them vertically: they \
            become one item with several levels. Every other row is an item; a row that is \
            none of these is listed in the report as “第 N 行：未导入：…” with its reason and cells. \
            Row numbers are those Excel shows (a CSV record counts as one row).

            Files: .xlsx is read directly (first sheet unless --sheet). CSV may be UTF-8 (with \
            or without BOM), UTF-16 or GB18030/GBK, comma- or tab-separated, with quoted \
            multi-line cells. Old .xls and .et files: save them as .xlsx first.

            The report accounts for every non-empty row (above the header, header, item, level, \
            category, repeated header, skipped with its reason) and warns of citations whose \
            article number cannot be read. A damaged workbook (bad CRC, XML cut off or malformed, \
            a DOCTYPE) is an error naming the part and position, and nothing is written.

            Limits: the reading is bounded so that no file can exhaust memory or time. Each \
            bound has a name; raise one for a real large table with --limit NAME=VALUE \
            (repeatable; sizes accept KiB, MiB, GiB):
              part-bytes 256MiB     total-bytes 512MiB     compression-ratio 200
              zip-entries 10000     rows 1048576           columns 16384
              cells 20000000        cell-bytes 1MiB        shared-strings 5000000
              merges 1000000        merged-cells 20000000

            Examples:
              lawkb import 不予处罚清单.xlsx --department 市场监管局 --kind 免罚清单 \\
                --version 2022-10-25 --published 2022-10-28 --filed 2022-11-08
              lawkb import 裁量基准.csv --department scjg --kind benchmark \\
                --version 2023-03-01 --dry-run
            """)

    @Argument(help: "部门的表格：.csv 或 .xlsx 文件。")
    var file: String

    @Option(help: "部门：编号、全称或简称（scjg、乌审旗市场监督管理局、市场监管局）。")
    var department: String

    @Option(help: "清单种类，名称或简称（不予处罚事项清单、免罚清单、裁量基准、benchmark …）。", transform: ListKind.option)
    var kind: ListKind

    @Option(help: "版本日期（YYYY-MM-DD），也是输出文件名。")
    var version: String

    @Option(help: "公示日期（YYYY-MM-DD）。")
    var published: String?

    @Option(help: "向司法局备案的日期（YYYY-MM-DD）。")
    var filed: String?

    @Option(help: "标题（默认取表头上方的标题行）。")
    var title: String?

    @Option(name: .customLong("published-at"), help: "公布途径（网站栏目、公示栏）。")
    var publishedAt: String?

    @Option(help: "对整份清单的说明。")
    var note: String?

    @Option(help: "official 或 正式（部门正式公布）、sample 或 示例（演示用）。", transform: ListStatus.option)
    var status: ListStatus = .official

    @Flag(name: .customLong("internal"), help: "标为内部清单（public: false）：不向公众提供。")
    var isInternal = false

    @Option(help: ".xlsx 文件的工作表（默认第一张）。")
    var sheet: String?

    @Option(help: "语料目录：从中读取 departments.yaml，清单写入其中。")
    var corpus: String = "Corpus"

    @Option(help: "写到哪里（默认 <语料>/lists/<部门编号>/<种类>/<版本>.yaml）。")
    var output: String?

    @Flag(help: "输出文件已存在时覆盖。")
    var force = false

    @Flag(help: "只打印报告和 YAML，不写文件。")
    var dryRun = false

    @Option(
        name: .customLong("limit"),
        help: "调整读取上限，名称=数值（rows=2000000、part-bytes=512MiB …），可重复。")
    var limitSettings: [String] = []

    func validate() throws {
        _ = try limits()
    }

    /// The standard bounds with the `--limit` settings applied.
    func limits() throws -> ImportLimits {
        var limits = ImportLimits.standard
        for setting in limitSettings where limits.apply(setting) == nil {
            let names = ImportLimit.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError(
                "--limit \(setting)：应写作 名称=数值（如 rows=2000000、part-bytes=512MiB），"
                    + "名称为 \(names)")
        }
        return limits
    }

    func answer() throws {
        let options = ImportOptions(
            input: file, department: department, kind: kind.rawValue, version: version, published: published,
            filed: filed, title: title, publishedAt: publishedAt, note: note, status: status.rawValue,
            isPublic: !isInternal, sheet: sheet, corpus: corpus, output: output, force: force, dryRun: dryRun,
            limits: try limits())
        let report = try ListImporter(options: options).run()
        if dryRun {
            print(report.yaml)
        }
        for line in report.lines { print(line) }
    }
}
