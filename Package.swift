// swift-tools-version: 6.2
// lawkb: a full-text searchable regulatory knowledge base on SQLite FTS5.
import PackageDescription

let package = Package(
    name: "lawkb",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "lawkb", targets: ["lawkb"]),
        .library(name: "LawQuery", targets: ["LawQuery"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // Traits off: the server needs neither swift-configuration nor the Foundation extras.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // Already in the graph through Hummingbird; named for graceful shutdown and the connection handler.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // Pure Swift text analysis: Han characters + colocated bigrams, NFKC folding. No SQLite.
        .target(name: "LawTokenizer"),
        // Corpus files → structured documents: plan, regulations, citations, numerals, dates.
        .target(
            name: "LawCorpus",
            dependencies: [.product(name: "Yams", package: "Yams")]),
        // Departments' own tables (CSV, XLSX) → list files of the corpus.
        .target(
            name: "LawImport",
            dependencies: ["LawCorpus", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // SQLite storage: schema, FTS5 tokenizer registration, index building.
        .target(
            name: "LawIndex",
            dependencies: [
                "LawTokenizer", "LawCorpus",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]),
        // Read side: query syntax, search, article lookup, deadlines.
        .target(
            name: "LawQuery",
            dependencies: [
                "LawIndex", "LawCorpus", "LawTokenizer",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        // Understanding how people ask: names, kinds, citations, dates and intents in plain
        // Chinese, recognised from the index's own vocabulary; `ask` answers with the read side.
        .target(name: "LawAsk", dependencies: ["LawQuery", "LawIndex", "LawCorpus"]),
        // HTTP JSON API and web pages over the read side; safe as a public endpoint.
        .target(
            name: "LawServer",
            dependencies: [
                "LawAsk", "LawQuery", "LawIndex", "LawCorpus",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            ]),
        // Measurements and the synthetic corpus generator: tokenizer throughput, query
        // latency, large generated lists. Used by `lawkb benchmark` and `lawkb generate` only.
        .target(
            name: "LawBenchmarks",
            dependencies: [
                "LawTokenizer", "LawCorpus", "LawIndex", "LawQuery",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        // Thin command-line front end.
        .executableTarget(
            name: "lawkb",
            dependencies: [
                "LawAsk", "LawQuery", "LawIndex", "LawCorpus", "LawServer", "LawImport", "LawBenchmarks",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
            ]),
        // Fuzz targets for the parsers: libFuzzer with Benchmarks/fuzz.sh, else a replay runner.
        .executableTarget(
            name: "LawFuzz",
            dependencies: ["LawCorpus", "LawTokenizer", "LawQuery", "LawImport"]),
        // What the test targets share: the repository's paths, scratch directories, and the
        // shipped corpus indexed once per test run.
        .target(
            name: "LawTestSupport",
            dependencies: ["LawIndex"],
            path: "Tests/LawTestSupport"),
        .testTarget(name: "LawTokenizerTests", dependencies: ["LawTokenizer"]),
        .testTarget(name: "LawCorpusTests", dependencies: ["LawCorpus", "LawTestSupport"]),
        .testTarget(
            name: "LawIndexTests",
            dependencies: [
                "LawIndex", "LawCorpus", "LawTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .testTarget(
            name: "LawQueryTests",
            dependencies: [
                "LawQuery", "LawIndex", "LawCorpus", "LawTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Yams", package: "Yams"),
            ]),
        .testTarget(
            name: "LawServerTests",
            dependencies: [
                "LawServer", "LawQuery", "LawIndex", "LawCorpus", "LawTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            ]),
        .testTarget(
            name: "LawImportTests",
            dependencies: [
                "LawImport", "LawCorpus", "LawTestSupport",
                .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        .testTarget(
            name: "LawAskTests",
            dependencies: [
                "LawAsk", "LawQuery", "LawIndex", "LawCorpus", "LawTestSupport",
                .product(name: "Yams", package: "Yams"),
            ]),
        .testTarget(name: "LawBenchmarksTests", dependencies: ["LawBenchmarks", "LawCorpus", "LawTestSupport"]),
        .testTarget(name: "LawkbCLITests", dependencies: ["lawkb", "LawTestSupport", "LawImport"]),
    ]
)
