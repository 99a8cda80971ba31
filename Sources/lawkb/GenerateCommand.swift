import ArgumentParser
import Foundation
import LawCorpus

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a large synthetic corpus (the shipped one plus generated lists) for benchmarks.",
        discussion: """
            Deterministic: the same --items and --seed always give the same files. Lists are built \
            from the vocabulary of the shipped lists and cite real articles; all are marked sample.

              lawkb generate --items 100000 --output /tmp/lawkb-100k
              lawkb index --corpus /tmp/lawkb-100k/Corpus --output /tmp/lawkb-100k/lawkb.sqlite
            """)

    @Option(help: "How many list items to generate.")
    var items: Int = 100_000

    @Option(name: .customLong("per-list"), help: "Items per list file.")
    var perList: Int = 500

    @Option(help: "Seed of the generator.")
    var seed: UInt64 = 20221110

    @Option(help: "The corpus to start from.")
    var corpus: String = "Corpus"

    @Option(help: "Directory to create; the corpus is written to OUTPUT/Corpus.")
    var output: String

    func run() throws {
        let target = (output as NSString).appendingPathComponent("Corpus")
        guard !FileManager.default.fileExists(atPath: target) else {
            throw ValidationError("\(target) exists already; choose a new --output")
        }
        do {
            let loaded = try CorpusLoader(root: corpus).load()
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: corpus, toPath: target)
            let files = try SyntheticLists(corpus: loaded).write(
                items: items, perList: perList, seed: seed,
                into: (target as NSString).appendingPathComponent("lists/generated"))
            print("Wrote \(items) items in \(files) list files under \(target)/lists/generated")
        } catch {
            throw Terminal.fail(error)
        }
    }
}
