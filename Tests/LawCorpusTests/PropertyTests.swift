import Foundation
import Testing

@testable import LawCorpus

/// Thousands of random and mutated inputs per parser, from a fixed seed so that a failure
/// reproduces: nothing traps, and what comes back keeps the parser's promises. The fuzz
/// targets (`Benchmarks/fuzz.sh`) run the same checks for minutes; these run on every test.
@Suite("Parser properties") struct PropertyTests {
    static let nineteenNines = String(repeating: "九", count: 19)

    /// Characters the parsers react to, plus a few they must survive.
    static let alphabet: [String] =
        Array("零〇一二两三四五六七八九十百千万亿壹贰拾佰仟0123456789０１２３")
        .map(String.init) + [
            "第", "条", "款", "项", "、", "至", "和", "《", "》", "（", "）", "(", ")",
            "年", "月", "日", "底", "前", "每", "后", "个工作日内", "元", "倍", "以上", "以下", "违法所得", "本法",
            "行政处罚法", "中华人民共和国", "-", ".", ":", " ", "　", "\n", "\t", "\u{0}", "\u{1B}", "\u{301}",
            "😀", "\u{FFFD}", "\u{202E}", "a", "Z", nineteenNines, "9223372036854775808", "2022-10-31",
        ]

    /// Texts of the kind the parsers meet, for mutation.
    static let samples: [String] = [
        "依据《中华人民共和国行政处罚法》第三十三条第一款规定，", "《行政处罚法》第三十二、三十三条",
        "《行政强制法》第二十八条第一款、第二款", "《行政处罚法》第六十七条至第六十九条", "本法第九条",
        "行政处罚法 33", "处1000元以上5000元以下罚款", "并处违法所得一倍以上五倍以下的罚款", "处3.5万元以上5万元以下罚款",
        "2021年1月22日修订，二〇二一年七月十五日施行", "各部门于2022年10月底前完成，11月10日前报旗司法局备案",
        "每月25日前报送；动态调整后10个工作日内报送", "2022-10-31", "一百二十三", "二〇二二", "十万零一",
    ]

    @Test func numerals() {
        var random = SeededRandom(seed: 1)
        for _ in 0..<4000 {
            let text = random.text(from: Self.alphabet, samples: Self.samples, maximumParts: 12)
            switch ChineseNumeral.read(text) {
            case .number(let value):
                #expect(value >= 0 && ChineseNumeral.parse(text) == value, "\(text)")
                #expect(ChineseNumeral.parse(String(value)) == value, "\(text)")
            case .tooLarge, .invalid:
                #expect(ChineseNumeral.parse(text) == nil, "\(text)")
            }
            if let ordinal = ChineseNumeral.ordinal(text) {
                #expect((1...ChineseNumeral.maximumOrdinal).contains(ordinal), "\(text)")
            }
        }
    }

    @Test func dates() throws {
        var random = SeededRandom(seed: 2)
        for _ in 0..<3000 {
            let text = random.text(from: Self.alphabet, samples: Self.samples, maximumParts: 12)
            if let date = CalendarDate(iso: text) {
                #expect(date.description == text && CalendarDate.parsedYears.contains(date.year), "\(text)")
            }
            let folded = FoldedText(text)
            for (date, range) in DateScanner.dates(in: folded) {
                #expect(CalendarDate.parsedYears.contains(date.year), "\(text)")
                #expect(range.upperBound <= folded.count, "\(text)")
            }
            for expression in DeadlineExtractor(year: 2022).timeExpressions(in: folded) {
                #expect(expression.range.upperBound <= folded.count, "\(text)")
            }
        }
        let start = try #require(CalendarDate(iso: "2022-10-31"))
        for _ in 0..<2000 {
            let days = random.next(below: 3) == 0 ? Int(bitPattern: UInt(random.next())) : random.next(below: 2_000_000) - 1_000_000
            let moved = start.adding(days: days)
            #expect(CalendarDate(year: moved.year, month: moved.month, day: moved.day) == moved, "\(days)")
        }
    }

    @Test func citations() {
        let parser = CitationParser(names: CitationTests.names)
        var random = SeededRandom(seed: 3)
        let range = 1...ChineseNumeral.maximumOrdinal
        for _ in 0..<2000 {
            let text = random.text(from: Self.alphabet, samples: Self.samples, maximumParts: 16)
            for citation in parser.citations(in: text, currentDocument: "中华人民共和国行政处罚法") + [parser.parse(text)].compactMap({ $0 }) {
                #expect(range.contains(citation.article), "\(text)")
                #expect(citation.paragraph.map(range.contains) ?? true, "\(text)")
                #expect(citation.item.map(range.contains) ?? true, "\(text)")
            }
            for reference in parser.outOfRangeReferences(in: text) {
                #expect(text.contains(reference), "\(text)")
            }
        }
    }

    @Test func amounts() {
        var random = SeededRandom(seed: 4)
        for _ in 0..<1500 {
            let text = random.text(from: Self.alphabet, samples: Self.samples, maximumParts: 10)
            for amount in AmountRange.ranges(in: text) {
                for value in [amount.lower, amount.upper].compactMap({ $0 }) {
                    #expect(value.isFinite && value >= 0 && value <= AmountRange.maximumAmount, "\(text)")
                }
                _ = amount.description
            }
        }
    }

    @Test func listFiles() throws {
        let registry = try DepartmentRegistry([
            Department(id: "scjg", name: "乌审旗市场监督管理局", shortNames: ["市场监管局"]),
            Department(id: "jtys", name: "乌审旗交通运输局", shortNames: ["交通运输局"]),
        ])
        let parser = ListParser(registry: registry, citations: CitationParser(names: CitationTests.names))
        let file = "Corpus/lists/scjg/不予处罚事项清单/2022-10-25.yaml"
        let valid = """
            department: 市场监管局
            kind: 免罚清单
            version: 2022-10-25
            status: sample
            items:
              - id: X-1
                name: 甲
                basis: 《中华人民共和国行政处罚法》第三十三条第一款
                levels:
                  - level: 一般
                    penalty: 处1000元以上5000元以下罚款
            """
        let pieces = [
            "department: ", "kind: ", "version: ", "items:", "\n  - id: ", "\n    name: ", "\n    basis: ",
            "&a ", "*a", "[", "]", "{", "}", "\"", "'", "|", "\n", "  ", "交通运输局", "2201-01-01",
            "第\(Self.nineteenNines)条", "\u{1B}", "\u{0}", "\u{FEFF}",
        ]
        var random = SeededRandom(seed: 5)
        var parsed = 0
        for _ in 0..<2000 {
            let text = random.mutate(valid, inserting: pieces, edits: 1 + random.next(below: 4))
            var warnings: [String] = []
            do {
                let list = try parser.parse(text: text, file: file, warnings: &warnings)
                parsed += 1
                #expect(Set(list.items.map(\.id)).count == list.items.count)
                #expect(list.items.flatMap(\.citations).allSatisfy { (1...ChineseNumeral.maximumOrdinal).contains($0.article) })
            } catch {
                #expect(error.file == file)
                #expect(!error.description.unicodeScalars.contains { $0.value < 0x20 }, "\(error.description)")
            }
            #expect(warnings.allSatisfy { $0.hasPrefix(file) })
        }
        #expect(parsed > 0)
    }
}

extension PropertyTests {
    static let documentPieces = [
        "\n", "\n\n", "# ", "## 第", "章", "节", "第", "条 ", "（一）", "（", "）", "<!-- ", "-->",
        "STATUS: 已废止", "一、", "1.", "进度安排：", "附件：", "项措施", "年", "月底前", "日前",
        "每月", "后5个工作日内", "向旗司法局报送", nineteenNines, "9999", "\u{0}", "\u{1B}", "　",
    ]

    @Test func regulations() {
        var random = SeededRandom(seed: 6)
        for _ in 0..<1000 {
            let text = random.mutate(MalformedTests.valid, inserting: Self.documentPieces, edits: 1 + random.next(below: 5))
            do {
                let parsed = try RegulationParser(file: "x.md").parse(text)
                #expect(parsed.articles.map(\.number) == Array(1...parsed.articles.count), "\(text)")
                let metadata = MetadataDeriver.derive(parsed, fileName: "x(2022).md")
                for date in [metadata.promulgated, metadata.effective].compactMap({ $0 }) {
                    #expect(CalendarDate.parsedYears.contains(date.year), "\(text)")
                }
            } catch {
                #expect(error.file == "x.md")
                #expect(!error.description.unicodeScalars.contains { $0.value < 0x20 })
            }
        }
    }

    @Test func plans() {
        let plan = """
            乌司发〔2022〕11号
            关于印发《测试方案》的通知
            一、目标任务
            （一）开展培训。各执法部门于2023年底前完成培训，9月30日前向测试局报送。
            进度安排：每季度3月10日前报送；收到材料后5个工作日内完成审核并报局党组备案。
            二、保障措施
            （一）加强领导。
            附件：1.清单
            """
        var random = SeededRandom(seed: 8)
        for _ in 0..<600 {
            let text = random.mutate(plan, inserting: Self.documentPieces, edits: 1 + random.next(below: 5))
            do {
                let parsed = try PlanParser(file: "p.txt").parse(text)
                let metadata = CorpusLoader.derivePlanMetadata(parsed, fallbackYear: 2022)
                #expect(CalendarDate.parsedYears.contains(metadata.year))
                for deadline in DeadlineExtractor(year: metadata.year).deadlines(in: parsed.paragraphs) {
                    #expect(deadline.due.map { CalendarDate.parsedYears.contains($0.year) } ?? true, "\(text)")
                }
            } catch {
                #expect(error.file == "p.txt")
            }
        }
    }
}

/// The corpus's deterministic generator, so that every run draws the same inputs.
typealias SeededRandom = SplitMix64

extension SplitMix64 {
    /// Either pieces of `alphabet` strung together, or a sample with a few of them inserted,
    /// removed or replaced.
    mutating func text(from alphabet: [String], samples: [String], maximumParts: Int) -> String {
        if next(below: 2) == 0 {
            return (0..<(1 + next(below: maximumParts))).map { _ in alphabet[next(below: alphabet.count)] }.joined()
        }
        return mutate(samples[next(below: samples.count)], inserting: alphabet, edits: 1 + next(below: 3))
    }

    /// `text` with `edits` random insertions, deletions, replacements or duplications.
    mutating func mutate(_ text: String, inserting pieces: [String], edits: Int) -> String {
        var characters = Array(text)
        for _ in 0..<edits {
            let position = next(below: characters.count + 1)
            switch next(below: 4) {
            case 0:
                characters.insert(contentsOf: pieces[next(below: pieces.count)], at: position)
            case 1 where position < characters.count:
                characters.removeSubrange(position..<min(characters.count, position + 1 + next(below: 4)))
            case 2 where position < characters.count:
                characters.replaceSubrange(position..<position + 1, with: pieces[next(below: pieces.count)])
            default:
                let end = min(characters.count, position + next(below: 8))
                characters.insert(contentsOf: characters[position..<end], at: position)
            }
        }
        return String(characters)
    }
}
