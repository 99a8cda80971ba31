import ArgumentParser
import LawCorpus
import LawQuery

struct ComplianceCommand: Answering {
    static let configuration = CommandConfiguration(
        commandName: "compliance",
        abstract: "督导：各部门对实施方案各项义务的完成情况（按时、逾期完成、逾期未完成、未到期、不适用）。",
        discussion: """
            每个部门、每项义务一行，附完成依据（清单版本或报送材料）；逾期天数按工作日计算\
            （Corpus/calendar/workdays.yaml）。义务见 Corpus/plan/obligations.yaml，报送材料见 Corpus/filings/。

              lawkb compliance
              lawkb compliance --department 市场监管局 --as-of 2022-12-31
              lawkb compliance --overdue --json
              lawkb compliance --month 2022-11 --xlsx 推进表-2022-11.xlsx
              lawkb compliance --month 2022年11月 --department 交通局 --csv 推进表.csv

            --month 给出该月的工作任务推进表（方案附件3：部门、工作任务、完成时限、完成情况、完成时间、\
            情况说明），按该月最后一天判断：当月到期的任务，以及此前到期、当月初仍未完成的任务。\
            --xlsx 写成 Excel/WPS 工作簿（“全部”一张表，另每个部门一张表），--csv 写成一张表（UTF-8 带 BOM）；\
            都不写时在终端显示。
            """)

    @Option(help: "只看该部门（全称或简称）。")
    var department: String?

    @Option(name: .customLong("as-of"), help: "按该日（YYYY-MM-DD）判断，默认今日。")
    var asOf: String?

    @Flag(help: "只列逾期未完成的义务。")
    var overdue = false

    @Option(help: "该月（2022-11 或 2022年11月）的工作任务推进表。")
    var month: String?

    @Option(help: "与 --month 一起：把推进表写成 Excel 工作簿（.xlsx）。")
    var xlsx: String?

    @Option(help: "与 --month 一起：把推进表写成 CSV 文件（.csv）。")
    var csv: String?

    @OptionGroup var format: OutputOptions<AnswerAsJSON>

    @OptionGroup var options: IndexOptions

    func validate() throws {
        if month == nil, xlsx != nil || csv != nil {
            throw ValidationError("--xlsx、--csv 须与 --month 一起使用：写出的是该月的工作任务推进表")
        }
        if month != nil, asOf != nil || overdue {
            throw ValidationError("--month 按该月最后一天判断，不能再用 --as-of 或 --overdue")
        }
        for (option, path, format) in [("--xlsx", xlsx, ProgressTableExport.Format.xlsx), ("--csv", csv, .csv)] {
            if let path, ProgressTableExport.format(of: path) != format {
                throw ValidationError("\(option) 的文件名应以 .\(format.rawValue) 结尾：\(path)")
            }
        }
    }

    func answer() throws {
        if let month {
            try writeProgress(month: month)
            return
        }
        let report = try options.open().compliance(department: department, asOf: asOf, overdueOnly: overdue)
        if format.json {
            try Terminal.printJSON(report)
        } else {
            CompliancePrinter.print(report, overdueOnly: overdue)
        }
    }
}

extension ComplianceCommand {
    /// The month's 工作任务推进表: written to the files asked for, else printed (or its JSON).
    func writeProgress(month: String) throws {
        let table = try options.open().progressTable(month: month, department: department)
        let files = [(xlsx, ProgressTableExport.Format.xlsx), (csv, .csv)].compactMap { path, format in
            path.map { ($0, format) }
        }
        for (path, format) in files {
            try ProgressTableExport.write(table, to: path, as: format)
            Terminal.print("已写出 \(ProgressTableExport.title(table))（\(table.rows.count) 行，截至 \(table.asOf)）：\(path)")
        }
        guard files.isEmpty else { return }
        if format.json {
            try Terminal.printJSON(ProgressTableJSON(table))
            return
        }
        Terminal.print("\(ProgressTableExport.title(table))（截至 \(table.asOf)，\(table.rows.count) 行）")
        for row in table.rows {
            Terminal.print("  " + row.joined(separator: " | "))
        }
    }
}

/// A progress table as JSON: `{"month", "as_of", "headers", "rows"}`.
struct ProgressTableJSON: Encodable {
    var month: String
    var asOf: String
    var headers: [String]
    var rows: [[String]]

    init(_ table: ProgressTable) {
        month = table.month.description
        asOf = table.asOf
        headers = table.headers
        rows = table.rows
    }

    enum CodingKeys: String, CodingKey {
        case month
        case asOf = "as_of"
        case headers, rows
    }
}

/// The compliance report as a Chinese table, one block per department.
enum CompliancePrinter {
    static func print(_ report: ComplianceReport, overdueOnly: Bool) {
        let counts = ComplianceStatus.allCases.map { status in
            "\(status.chineseName) \(report.rows.filter { $0.status == status }.count)"
        }
        Terminal.print("完成情况（截至 \(report.asOf)）：\(counts.joined(separator: " · "))")
        guard !report.rows.isEmpty else {
            Terminal.print(overdueOnly ? "没有逾期未完成的义务。" : "没有义务。")
            return
        }
        var department = ""
        for row in report.rows {
            if row.department != department {
                department = row.department
                Terminal.print("\n\(department)")
            }
            let status = pad(row.statusText, 28)
            let evidence = row.evidence.map(\.summary).joined(separator: "；")
            Terminal.print("  \(status)  \(row.due)  \(row.task)")
            if !evidence.isEmpty { Terminal.print("  \(String(repeating: " ", count: 28))              依据：\(evidence)") }
        }
    }

    /// `text` padded with spaces to `width` display columns (a Han character takes two).
    static func pad(_ text: String, _ width: Int) -> String {
        let columns = text.reduce(0) { $0 + ($1.isASCII ? 1 : 2) }
        return text + String(repeating: " ", count: max(0, width - columns))
    }
}
