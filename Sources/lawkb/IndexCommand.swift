import ArgumentParser
import LawIndex

struct IndexCommand: Answering {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "由语料建立索引。",
        discussion: """
            新索引先写入临时文件，完整后才替换原索引：语料文件有误时，错误信息写明文件和行号，\
            原索引照常可用。建立失败或被中断留下的临时文件都会删除。

            上次建立后只有清单文件有改动时，只重新读取改动的清单文件，在原索引的副本中更新后替换原索引，\
            结果与完整建立相同；其他文件（法规、方案、同义词表、日历、部门等）有改动、增删文件或公开版索引时\
            完整建立。--full 总是完整建立。

            --public 建立公开服务（`lawkb serve --public`）使用的索引：标为 `public: false` 的清单\
            完全不存入，个人号码在存储的文本中即已隐去，任何检索、摘要或计数都不会泄露。

              lawkb index                       # Index/lawkb.sqlite
              lawkb index --public              # Index/lawkb-public.sqlite
            """)

    @Option(help: "语料目录。")
    var corpus: String = "Corpus"

    @Option(help: "索引写到哪里（默认 \(KnowledgeBase.defaultPath)，加 --public 时为 \(KnowledgeBase.defaultPublicPath)）。")
    var output: String?

    @Flag(name: .customLong("public"), help: "建立公开版索引：只含公开清单，个人号码隐去。")
    var publicArtifact = false

    @Flag(name: .customLong("full"), help: "完整建立索引，即使只有清单文件有改动。")
    var full = false

    @OptionGroup var format: OutputOptions<ReportAsJSON>

    func answer() throws {
        let artifact: IndexArtifact = publicArtifact ? .public : .full
        let path = output ?? (publicArtifact ? KnowledgeBase.defaultPublicPath : KnowledgeBase.defaultPath)
        let report = try IndexBuilder(corpusRoot: corpus, artifact: artifact).update(path, full: full)
        if format.json {
            try Terminal.printJSON(report)
            return
        }
        print(Self.describe(report, corpus: corpus))
        for note in report.notes { print("说明：\(note)") }
        for warning in report.warnings { Terminal.note("警告：\(warning)") }
        for citation in report.unresolved.prefix(Self.unresolvedShown) { Terminal.note("未能打开的引用：\(citation.description)") }
        if let unlisted = Self.unlistedNote(report) { Terminal.note(unlisted) }
    }

    /// How many unresolved citations the terminal did not name, and where to read more: an
    /// update names those of the files it read again; a full build counts them all.
    static func unlistedNote(_ report: IndexReport) -> String? {
        let shown = min(report.unresolved.count, unresolvedShown)
        if report.incremental {
            let unlisted = report.unresolved.count - shown
            return unlisted > 0 ? "改动文件中另有 \(unlisted) 处未能打开的引用未列出（lawkb index --json 列出）" : nil
        }
        let unlisted = report.unresolvedCitations - shown
        guard unlisted > 0 else { return nil }
        return "另有 \(unlisted) 处未能打开的引用未列出（lawkb index --json 列出前 \(IndexReport.unresolvedListLimit) 处）"
    }

    /// Unresolved citations named one by one on the terminal.
    static let unresolvedShown = 100

    /// How the index was built: updated from the changed list files, or whole and why.
    static func describeMethod(_ report: IndexReport) -> String {
        if report.incremental {
            return "增量更新（重新读取 \(report.reindexedFiles.count) 个改动的清单文件）"
        }
        guard let reason = report.fallback else { return "完整建立" }
        return "完整建立（\(reason.description(file: report.fallbackFile))）"
    }

    /// The citations line: an update lists the unresolved citations of the changed files only,
    /// so it gives their total without the split by reason.
    static func describeCitations(_ report: IndexReport) -> String {
        if report.incremental {
            return "  引用      \(report.citations) 处（其中 \(report.unresolvedCitations) 处未能打开；"
                + "改动文件中的 \(report.unresolved.count) 处列在下面）"
        }
        return "  引用      \(report.citations) 处（其中 \(report.unresolvedNotInCorpus) 处所引文件未收录，"
            + "\(report.unresolvedNoSuchArticle) 处所引条文在当时施行的版本中不存在）"
    }

    /// The report as printed for people.
    static func describe(_ report: IndexReport, corpus: String) -> String {
        var lines = [
            "已将 \(corpus)/ 编入 \(report.path)，用时 \(String(format: "%.2f", report.seconds)) 秒",
            "  索引类型  \(report.artifact == .public ? "公开版" : "内部版")（\(report.artifact.rawValue)）",
            "  方式      \(describeMethod(report))",
            "  文件      \(report.documents) 个",
            "  条目      \(report.units) 条",
            "  法律条文  \(report.articles) 条（\(report.comparisons) 对版本已逐条对照）",
            "  清单      \(report.lists) 个版本，\(report.listItems) 项事项",
            "  工作时限  \(report.deadlines) 项（督导义务 \(report.obligations) 项，报送材料 \(report.filings) 份，起算事件 \(report.events) 件）",
            describeCitations(report),
            "  裁量基准  \(BenchmarkReviewPrinter.describe(report.benchmarks))（对照处罚依据条文，lawkb check-benchmarks 查看）",
            "  大小      \(report.bytes / 1024) KiB",
        ]
        if report.artifact == .public {
            lines.append("  未收录    \(report.withheldLists) 个未标为公开的清单版本")
            lines.append("  已隐去    \(report.maskedValues) 处存储文本中的个人号码")
        }
        if !report.removedTemporaryFiles.isEmpty {
            lines.append("  已删除    \(report.removedTemporaryFiles.count) 个中断建立留下的临时文件")
        }
        return lines.joined(separator: "\n")
    }
}
