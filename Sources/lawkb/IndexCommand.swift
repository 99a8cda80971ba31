import ArgumentParser
import LawIndex

struct IndexCommand: Answering {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "由语料建立索引。",
        discussion: """
            新索引先写入临时文件，完整后才替换原索引：语料文件有误时，错误信息写明文件和行号，\
            原索引照常可用。建立失败或被中断留下的临时文件都会删除。

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

    @OptionGroup var format: OutputOptions<ReportAsJSON>

    func answer() throws {
        let artifact: IndexArtifact = publicArtifact ? .public : .full
        let path = output ?? (publicArtifact ? KnowledgeBase.defaultPublicPath : KnowledgeBase.defaultPath)
        let report = try IndexBuilder(corpusRoot: corpus, artifact: artifact).build(to: path)
        if format.json {
            try Terminal.printJSON(report)
            return
        }
        print(Self.describe(report, corpus: corpus))
        for note in report.notes { print("说明：\(note)") }
        for warning in report.warnings { Terminal.note("警告：\(warning)") }
        for citation in report.unresolved { Terminal.note("未能打开的引用：\(citation.description)") }
    }

    /// The report as printed for people.
    static func describe(_ report: IndexReport, corpus: String) -> String {
        var lines = [
            "已将 \(corpus)/ 编入 \(report.path)，用时 \(String(format: "%.2f", report.seconds)) 秒",
            "  索引类型  \(report.artifact == .public ? "公开版" : "内部版")（\(report.artifact.rawValue)）",
            "  文件      \(report.documents) 个",
            "  条目      \(report.units) 条",
            "  法律条文  \(report.articles) 条（\(report.comparisons) 对版本已逐条对照）",
            "  清单      \(report.lists) 个版本，\(report.listItems) 项事项",
            "  工作时限  \(report.deadlines) 项（督导义务 \(report.obligations) 项，报送材料 \(report.filings) 份，起算事件 \(report.events) 件）",
            "  引用      \(report.citations) 处（其中 \(report.unresolved.count { $0.reason == .documentNotInCorpus }) 处所引文件未收录，"
                + "\(report.unresolved.count { $0.reason == .noSuchArticle }) 处所引条文在当时施行的版本中不存在）",
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
