import ArgumentParser
import Foundation
import LawBenchmarks
import LawCorpus

struct GenerateCommand: Answering {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "生成供性能测试用的大型合成语料（自带语料加生成的清单）。",
        discussion: """
            结果确定：同样的 --items 和 --seed 总是生成同样的文件。清单用自带清单的词语生成，\
            引用真实的条文，全部标为示例。

              lawkb generate --items 100000 --output /tmp/lawkb-100k
              lawkb index --corpus /tmp/lawkb-100k/Corpus --output /tmp/lawkb-100k/lawkb.sqlite
            """)

    @Option(help: "生成的清单事项数。")
    var items: Int = 100_000

    @Option(name: .customLong("per-list"), help: "每个清单文件的事项数。")
    var perList: Int = 500

    @Option(help: "随机数种子。")
    var seed: UInt64 = 20_221_110

    @Option(help: "作为起点的语料。")
    var corpus: String = "Corpus"

    @Option(help: "要创建的目录，语料写入 OUTPUT/Corpus。")
    var output: String

    func answer() throws {
        let target = (output as NSString).appendingPathComponent("Corpus")
        guard !FileManager.default.fileExists(atPath: target) else {
            throw ValidationError("\(target) 已存在，请另选 --output")
        }
        let loaded = try CorpusLoader(root: corpus).load()
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: corpus, toPath: target)
        let files = try SyntheticLists(corpus: loaded).write(
            items: items, perList: perList, seed: seed,
            into: (target as NSString).appendingPathComponent("lists/generated"))
        print("已在 \(target)/lists/generated 下写入 \(files) 个清单文件，共 \(items) 项事项")
    }
}
