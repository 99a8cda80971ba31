import Foundation
import LawCorpus
import Testing

@testable import LawImport

/// A 不予处罚事项清单 as a department saves it from Excel: a title row, a header with a line
/// break and a full-width space, category rows, multi-line cells, a row without a name,
/// an empty row and a closing remark.
let noPenaltyCSV = #"""
    乌审旗市场监督管理局轻微违法行为不予处罚事项清单,,,,,,,,
    序号,事项名称,违法行为,法律依据,"不予处罚的
    情形",处理　方式,备注,实施主体,修订日期
    一、价格监管领域,,,,,,,,
    1,违反明码标价规定,经营者销售商品或者提供服务，未按照规定明码标价,"《中华人民共和国行政处罚法》第三十三条第一款；
    《中华人民共和国价格法》第十三条、第四十二条","初次违法，未造成消费者多付价款，
    当场或者在责令期限内改正的",责令改正，不予行政处罚，对当事人进行教育,,乌审旗市场监督管理局,
    二、食品安全领域,,,,,,,,
    2,食用农产品销售者未按规定建立进货查验记录制度,食用农产品销售者未建立食用农产品进货查验记录制度,《中华人民共和国行政处罚法》第三十三条第一款；《中华人民共和国食品安全法》第六十\#
    五条、第一百二十六条第四款,初次违法，能够如实说明进货来源，在责令期限内改正的,责令改正，不予行政处罚,,乌审旗市场监督管理局,
    3,,,《中华人民共和国食品安全法》第一百三十六条,,,,,
    ,,,,,,,,
    4,食品经营者履行进货查验义务后不知所采购食品不符合食品安全标准,食品经营者经营不符合食品安全标准的食品,《中华人民共和国行政处罚法》第三十三条第二款；《中华人民共和国食品安全法》\#
    第一百三十六条,有充分证据证明其不知道所采购的食品不符合食品安全标准，并能如实说明其进货来源的,免予行政处罚，依法没收不符合食品安全标准的食品,"属于没有主观过错的情形: 见""第\#
    三十三条第二款""",乌审旗市场监督管理局,2022-10-25
    注：本清单自公布之日起施行。,,,,,,,,

    """#

/// A 行政处罚裁量权基准 with one row per level: item columns blank on continuation rows
/// (item 1) or repeated (item 2), and a stray row with no level.
let benchmarkCSV = """
    乌审旗市场监督管理局行政处罚裁量权基准,,,,,,
    序号,违法行为,违法依据,处罚依据,裁量阶次,适用情形,处罚标准
    1,违反明码标价规定,《中华人民共和国价格法》第十三条,《中华人民共和国价格法》第四十二条,轻微,初次违法，标价内容缺项，及时改正的,不予行政处罚（依照《中华人民共和国行政处罚法》第三十三条第一款），责令改正
    ,,,,一般,未在标价之外加价出售商品的,责令改正，没收违法所得，可以并处2000元以下罚款
    ,,,,严重,在标价之外加价出售商品或者收取未予标明的费用的,责令改正，没收违法所得，并处2000元以上5000元以下罚款
    2,食用农产品销售者未按规定建立并执行进货查验记录制度,《中华人民共和国食品安全法》第六十五条,《中华人民共和国食品安全法》第一百二十六条第一款,一般,拒不改正，涉及品种较少的,处5000元以上2万元以下罚款
    2,食用农产品销售者未按规定建立并执行进货查验记录制度,《中华人民共和国食品安全法》第六十五条,《中华人民共和国食品安全法》第一百二十六条第一款,严重,拒不改正，且导致不符合食品安全标准的食用农产品流入市场无法追溯的,处2万元以上5万元以下罚款
    ,,,,,只写了适用情形而没有裁量阶次的行,

    """

@Suite("Import")
struct ImportTests {
    // MARK: - CSV

    @Test("a 不予处罚事项清单 CSV: items, field mapping, categories, ids, unmapped rows")
    func noPenaltyList() throws {
        let corpus = try Support.scratchCorpus()
        let input = try Support.writeCSV(noPenaltyCSV, named: "不予处罚.csv", beside: corpus)
        let report = try ListImporter(options: Support.options(input, corpus: corpus)).run()

        #expect(report.list.title == "乌审旗市场监督管理局轻微违法行为不予处罚事项清单")
        #expect(report.layout.headerRows == [2])
        #expect(report.rowsRead == 7)  // non-empty rows below the header
        #expect(report.itemCount == 3)
        #expect(report.itemRows == [4, 6, 9])
        #expect(report.list.items.map(\.id) == ["SCJG-BYCF-001", "SCJG-BYCF-002", "SCJG-BYCF-003"])

        let first = report.list.items[0]
        #expect(first.name == "违反明码标价规定")
        #expect(first.conduct == "经营者销售商品或者提供服务，未按照规定明码标价")
        #expect(first.basis == "《中华人民共和国行政处罚法》第三十三条第一款；\n《中华人民共和国价格法》第十三条、第四十二条")
        #expect(first.conditions == "初次违法，未造成消费者多付价款，\n当场或者在责令期限内改正的")
        #expect(first.measure == "责令改正，不予行政处罚，对当事人进行教育")
        #expect(first.note == nil)
        #expect(
            first.fields == [
                ListField(name: "类别", value: "价格监管领域"),
                ListField(name: "实施主体", value: "乌审旗市场监督管理局"),
            ])
        let last = report.list.items[2]
        #expect(last.note == "属于没有主观过错的情形: 见\"第三十三条第二款\"")
        #expect(last.fields.first == ListField(name: "类别", value: "食品安全领域"))
        #expect(last.fields.last == ListField(name: "修订日期", value: "2022-10-25"))

        #expect(report.categories.map(\.row) == [3, 5])
        #expect(report.categories.map(\.items) == [1, 2])
        // Nothing is dropped unseen: the row without a name and the closing remark (a lone
        // cell like a category row, with no item after it) are reported.
        #expect(report.unmapped.map(\.row) == [7, 10])
        #expect(report.unmapped[0].description.hasPrefix("第 7 行：未导入：没有事项名称"))
        #expect(report.unmapped[0].cells.contains("D: 《中华人民共和国食品安全法》第一百三十六条"))
        #expect(report.lines.contains { $0.contains("第 7 行：未导入：") })
        // Every non-empty row is accounted for once (row 8 is empty).
        #expect(report.accounts.map(\.row) == [1, 2, 3, 4, 5, 6, 7, 9, 10])
        #expect(
            report.accounts.map(\.kind) == [
                .aboveHeader, .header, .category, .item, .category, .item, .skipped,
                .item, .skipped,
            ])
        #expect(report.lines.contains("  非空行      9：表头以上 1，表头 1，事项 3，阶次续行 0，类别 2，重复表头 0，未导入 2"))

        #expect(report.output == corpus.path + "/lists/scjg/不予处罚事项清单/2022-10-25.yaml")
        #expect(report.written)
        let written = try String(contentsOfFile: report.output, encoding: .utf8)
        #expect(written == report.yaml)
        #expect(written.hasPrefix("# 由 lawkb import 于 2022-11-01 导入自 不予处罚.csv（表头第 2 行）"))
    }

    @Test("a benchmark CSV: blank or repeated item cells make one item with several levels")
    func benchmarkCSVLevels() throws {
        let corpus = try Support.scratchCorpus()
        let input = try Support.writeCSV(benchmarkCSV, named: "裁量基准.csv", beside: corpus, bom: false)
        let report = try ListImporter(
            options: Support.options(
                input, corpus: corpus, department: "scjg",
                kind: "裁量基准")
        ).run()
        #expect(report.list.kind == .discretionBenchmark)
        #expect(report.itemCount == 2)
        #expect(report.levelCount == 5)
        let price = report.list.items[0]
        #expect(price.id == "SCJG-CLJZ-001")
        #expect(price.name == "违反明码标价规定")
        #expect(price.conduct == nil)  // the 违法行为 column names the items
        #expect(price.basis == "《中华人民共和国价格法》第十三条")
        #expect(price.penaltyBasis == "《中华人民共和国价格法》第四十二条")
        #expect(price.levels.map(\.level) == ["轻微", "一般", "严重"])
        #expect(price.levels[1].circumstances == "未在标价之外加价出售商品的")
        #expect(price.levels[2].penalty == "责令改正，没收违法所得，并处2000元以上5000元以下罚款")
        #expect(price.levels[2].amounts.first?.upper == 5000)
        let food = report.list.items[1]
        #expect(food.levels.map(\.level) == ["一般", "严重"])
        #expect(food.levels.map(\.penalty) == ["处5000元以上2万元以下罚款", "处2万元以上5万元以下罚款"])
        #expect(report.unmapped.map(\.row) == [8])
        #expect(report.unmapped[0].reason.contains("裁量阶次为空"))
        #expect(report.notes.contains { $0.contains("违法行为") && $0.contains("作为事项名称") })
        #expect(report.accounts.filter { $0.kind == .level }.map(\.row) == [4, 5, 7])
        #expect(report.accounts.count == 8)
    }

    @Test("a 备注 written on level rows is kept with the item, never lost")
    func notesOnLevelRows() throws {
        let corpus = try Support.scratchCorpus()
        let csv = """
            序号,违法行为,法律依据,裁量阶次,处罚标准,备注
            1,违反明码标价规定,《中华人民共和国价格法》第四十二条,一般,可以并处5000元以下罚款,初次违法
            ,,,严重,处5000元罚款,拒不改正
            ,,,特别严重,处5000元罚款,拒不改正
            """
        let input = try Support.writeCSV(csv, named: "备注.csv", beside: corpus)
        let report = try ListImporter(options: Support.options(input, corpus: corpus, kind: "benchmark")).run()
        #expect(report.itemCount == 1)
        #expect(report.list.items[0].levels.map(\.level) == ["一般", "严重", "特别严重"])
        #expect(report.list.items[0].note == "初次违法\n拒不改正")
        #expect(report.unmapped.isEmpty)
    }

    @Test("an 编号 column gives the ids; a duplicate gets a generated one")
    func idColumn() throws {
        let corpus = try Support.scratchCorpus()
        let csv = """
            编号,监管事项,监管对象,依据
            SCJG-ZDJG-010,特殊食品经营监管,保健食品经营者,《中华人民共和国食品安全法》第七十四条
            SCJG-ZDJG-010,重点工业产品质量监管,电线电缆生产者,《中华人民共和国产品质量法》第十五条
            ,用于贸易结算的强制检定计量器具监管,加油站,《中华人民共和国计量法》第九条
            """
        let input = try Support.writeCSV(csv, named: "重点监管.csv", beside: corpus)
        let report = try ListImporter(options: Support.options(input, corpus: corpus, kind: "重点监管清单")).run()
        #expect(report.list.items.map(\.id) == ["SCJG-ZDJG-010", "SCJG-ZDJG-002", "SCJG-ZDJG-003"])
        #expect(report.list.items[0].fields == [ListField(name: "监管对象", value: "保健食品经营者")])
        #expect(report.notes.contains { $0.contains("编号 SCJG-ZDJG-010 重复") })
        #expect(report.list.title == "乌审旗市场监督管理局重点监管事项清单")
    }

    @Test("the title comes from the row naming the list, not from an attachment label")
    func titleRow() throws {
        let corpus = try Support.scratchCorpus()
        let csv = """
            附件1,,
            乌审旗市场监督管理局证明事项目录清单,,
            填报单位：乌审旗市场监督管理局,,填报日期：2022年10月
            序号,证明名称,设定依据
            1,住所（主要经营场所）使用证明,《中华人民共和国市场主体登记管理条例》第十六条第一款第（三）项
            """
        let input = try Support.writeCSV(csv, named: "证明.csv", beside: corpus)
        var options = Support.options(input, corpus: corpus, kind: "证明事项清单")
        options.sheet = "Sheet1"
        let report = try ListImporter(options: options).run()
        #expect(report.list.title == "乌审旗市场监督管理局证明事项目录清单")
        #expect(report.preamble.map(\.row) == [1, 2, 3])
        #expect(report.preamble.map(\.use) == ["above the header", "title", "above the header"])
        #expect(report.list.items.map(\.id) == ["SCJG-ZMSX-001"])
        #expect(report.notes.contains { $0.hasPrefix("--sheet 被忽略") })
        let titled = try ListImporter(
            options: {
                var o = options
                o.title = "证明事项目录清单（2022年版）"
                o.force = true
                return o
            }()
        ).run()
        #expect(titled.list.title == "证明事项目录清单（2022年版）")
    }

    // MARK: - XLSX

    static func benchmarkWorkbook(at url: URL) throws {
        let food = "食用农产品销售者未按规定建立并执行进货查验记录制度"
        let price = "违反明码标价规定"
        var builder = XLSXBuilder(sheets: [
            .init(
                name: "裁量基准",
                rows: [
                    [.shared("乌审旗市场监督管理局行政处罚裁量权基准（部分事项）")] + Array(repeating: .empty, count: 7),
                    [
                        .shared("序号"), .shared("事项名称"), .shared("违法行为"), .shared("法律依据"), .shared("处罚依据"),
                        .shared("裁量\n阶次"), .inline("适用情形"), .inline("处罚标准"),
                    ],
                    [.inline("一、食品安全")] + Array(repeating: .empty, count: 7),
                    [
                        .number("1"), .shared(food), .inline("食用农产品销售者未建立食用农产品进货查验记录制度"),
                        .shared("《中华人民共和国食品安全法》第六十五条"), .shared("《中华人民共和国食品安全法》第一百二十六条第一款"),
                        .shared("轻微"), .inline("不符合不予处罚情形，经责令后按期改正的"), .inline("责令改正，给予警告"),
                    ],
                    [
                        .empty, .empty, .empty, .empty, .empty,
                        .shared("一般"), .inline("拒不改正，涉及食用农产品品种较少的"), .shared("处5000元以上2万元以下罚款"),
                    ],
                    [
                        .empty, .empty, .empty, .empty, .empty,
                        .shared("较重"), .inline("拒不改正，涉及品种较多的"), .inline("处2万元以上3.5万元以下罚款"),
                    ],
                    [
                        .empty, .empty, .empty, .empty, .empty,
                        .shared("严重"), .inline("拒不改正，且导致食用农产品流入市场无法追溯的"), .inline("处3.5万元以上5万元以下罚款"),
                    ],
                    [.inline("二、价格")] + Array(repeating: .empty, count: 7),
                    [
                        .number("2"), .shared(price), .inline("经营者未按照规定明码标价"),
                        .shared("《中华人民共和国价格法》第十三条"), .shared("《中华人民共和国价格法》第四十二条"),
                        .shared("一般"), .inline("未在标价之外加价出售商品的"),
                        .inline("责令改正，没收违法所得，_x000D_\n可以并处5000元以下罚款"),
                    ],
                    [
                        .empty, .empty, .empty, .empty, .empty,
                        .shared("严重"), .inline("在标价之外加价出售商品的"), .inline("责令改正，没收违法所得，并处5000元以下罚款"),
                    ],
                    [.empty, .empty, .empty, .empty, .empty, .empty, .empty, .inline("（以上金额均为人民币）")],
                ],
                merges: [
                    "A1:H1", "A3:H3", "A4:A7", "B4:B7", "C4:C7", "D4:D7", "E4:E7", "A8:H8",
                    "A9:A10", "B9:B10", "C9:C10", "D9:D10", "E9:E10",
                ])
        ])
        builder.richText["处罚依据"] = ["处罚", "依据"]
        try builder.write(to: url)
    }

    @Test("an .xlsx benchmark: merged title, categories, vertically merged items over level rows")
    func benchmarkXLSX() throws {
        let corpus = try Support.scratchCorpus()
        let url = corpus.deletingLastPathComponent().appendingPathComponent("裁量基准.xlsx")
        try Self.benchmarkWorkbook(at: url)
        var options = Support.options(url.path, corpus: corpus, kind: "行政处罚裁量权基准")
        options.status = "sample"
        let report = try ListImporter(options: options).run()

        #expect(report.sheet == "裁量基准")
        #expect(report.list.title == "乌审旗市场监督管理局行政处罚裁量权基准（部分事项）")
        #expect(
            report.layout.columns.map(\.role) == [
                .order, .name, .conduct, .basis, .penaltyBasis, .level,
                .circumstances, .penalty,
            ])
        #expect(report.itemCount == 2)
        #expect(report.levelCount == 6)
        #expect(report.list.items.map(\.id) == ["SCJG-CLJZ-001", "SCJG-CLJZ-002"])
        let food = report.list.items[0]
        #expect(food.levels.map(\.level) == ["轻微", "一般", "较重", "严重"])
        #expect(
            food.levels.map(\.penalty) == [
                "责令改正，给予警告", "处5000元以上2万元以下罚款",
                "处2万元以上3.5万元以下罚款", "处3.5万元以上5万元以下罚款",
            ])
        #expect(food.basis == "《中华人民共和国食品安全法》第六十五条")
        #expect(food.penaltyBasis == "《中华人民共和国食品安全法》第一百二十六条第一款")
        #expect(food.fields == [ListField(name: "类别", value: "食品安全")])
        let price = report.list.items[1]
        #expect(price.levels[0].penalty == "责令改正，没收违法所得，\n可以并处5000元以下罚款")
        #expect(price.fields == [ListField(name: "类别", value: "价格")])
        #expect(report.categories.map(\.row) == [3, 8])
        #expect(report.unmapped.map(\.row) == [11])
        #expect(report.unmapped[0].cells == "H: （以上金额均为人民币）")

        let lines = report.yaml.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0].hasPrefix("# 由 lawkb import 于 2022-11-01 导入自 裁量基准.xlsx，工作表“裁量基准”"))
        #expect(lines[1] == "# 示例清单（sample）：为演示 lawkb 编写，并非该部门正式公布的清单。")
        #expect(report.yaml.contains("penalty: |-\n          责令改正，没收违法所得，\n          可以并处5000元以下罚款\n"))
    }

    // MARK: - Round trip

    @Test("the written YAML parses back to the same values", arguments: ["csv", "benchmark", "xlsx"])
    func roundTrip(source: String) throws {
        let corpus = try Support.scratchCorpus()
        let report: ImportReport
        switch source {
        case "csv":
            let input = try Support.writeCSV(noPenaltyCSV, named: "a.csv", beside: corpus)
            var options = Support.options(input, corpus: corpus)
            options.publishedAt = "乌审旗人民政府门户网站“行政执法公示”专栏"
            options.note = "依据《中华人民共和国行政处罚法》第三十三条编制: 首违不罚"
            report = try ListImporter(options: options).run()
        case "benchmark":
            let input = try Support.writeCSV(benchmarkCSV, named: "b.csv", beside: corpus)
            report = try ListImporter(options: Support.options(input, corpus: corpus, kind: "benchmark")).run()
        default:
            let url = corpus.deletingLastPathComponent().appendingPathComponent("c.xlsx")
            try Self.benchmarkWorkbook(at: url)
            report = try ListImporter(options: Support.options(url.path, corpus: corpus, kind: "benchmark")).run()
        }
        let text = try String(contentsOfFile: report.output, encoding: .utf8)
        let back = try ReadBack(text)
        #expect(
            back.keys == [
                "department", "kind", "title", "version", "published", "filed", "published_at",
                "status", "public",
            ] + (report.list.note == nil ? [] : ["note"]) + ["items"])
        #expect(back.top["department"] == "乌审旗市场监督管理局")
        #expect(back.top["kind"] == report.list.kind.rawValue)
        #expect(back.top["title"] == report.list.title)
        #expect(back.top["version"] == "2022-10-25")
        #expect(back.top["published"] == "2022-10-28")
        #expect(back.top["filed"] == "2022-11-08")
        #expect(back.top["published_at"] == report.list.publishedAt)
        #expect(back.top["status"] == "official")
        #expect(back.top["public"] == "true")
        #expect(back.top["note"] == report.list.note)
        #expect(back.items == report.list.items.map(\.comparable))
    }

    @Test("the corpus loader reads the written file as the same list")
    func corpusLoaderReadsIt() throws {
        let corpus = try Support.scratchCorpus()
        let url = corpus.deletingLastPathComponent().appendingPathComponent("d.xlsx")
        try Self.benchmarkWorkbook(at: url)
        let report = try ListImporter(options: Support.options(url.path, corpus: corpus, kind: "benchmark")).run()
        let loaded = try CorpusLoader(root: corpus.path).load()
        let list = try #require(loaded.lists.first)
        #expect(loaded.lists.count == 1)
        #expect(list.title == report.list.title)
        #expect(list.items.map(\.comparable) == report.list.items.map(\.comparable))
        #expect(!list.items[0].citations.isEmpty)
    }

    // MARK: - Validation and safety

    @Test("an unknown department gets the closest names")
    func unknownDepartment() throws {
        let corpus = try Support.scratchCorpus()
        let input = try Support.writeCSV(noPenaltyCSV, named: "a.csv", beside: corpus)
        #expect {
            try ListImporter(options: Support.options(input, corpus: corpus, department: "乌审旗税务局")).run()
        } throws: { error in
            guard case ImportError.unknownDepartment(let name, let known) = error else { return false }
            return name == "乌审旗税务局" && known.contains("乌审旗市场监督管理局")
                && error.localizedDescription.isEmpty == false
                && "\(error)".hasPrefix("没有名为“乌审旗税务局”的部门；您是不是要找：")
        }
    }

    @Test("an unknown kind is named, without the whole vocabulary")
    func unknownKind() throws {
        let corpus = try Support.scratchCorpus()
        let input = try Support.writeCSV(noPenaltyCSV, named: "a.csv", beside: corpus)
        #expect {
            try ListImporter(options: Support.options(input, corpus: corpus, kind: "黑名单")).run()
        } throws: { error in
            "\(error)" == "没有名为“黑名单”的清单种类"
        }
    }

    @Test("dates may be written as people write them")
    func writtenDates() throws {
        let corpus = try Support.scratchCorpus()
        let input = try Support.writeCSV(noPenaltyCSV, named: "a.csv", beside: corpus)
        let report = try ListImporter(options: Support.options(input, corpus: corpus, version: "2022年10月31日")).run()
        #expect(report.list.version.description == "2022-10-31")
    }

    @Test("dates must be days that exist")
    func badDates() throws {
        let corpus = try Support.scratchCorpus()
        let input = try Support.writeCSV(noPenaltyCSV, named: "a.csv", beside: corpus)
        #expect(throws: ImportError.invalidDate(option: "version", value: "2022-02-30")) {
            try ListImporter(options: Support.options(input, corpus: corpus, version: "2022-02-30")).run()
        }
        var options = Support.options(input, corpus: corpus)
        options.published = "2022/10/32"
        #expect(throws: ImportError.invalidDate(option: "published", value: "2022/10/32")) {
            try ListImporter(options: options).run()
        }
    }

    @Test("an existing file is kept unless --force; a dry run writes nothing")
    func overwrite() throws {
        let corpus = try Support.scratchCorpus()
        let input = try Support.writeCSV(noPenaltyCSV, named: "a.csv", beside: corpus)
        var options = Support.options(input, corpus: corpus)
        options.dryRun = true
        let dry = try ListImporter(options: options).run()
        #expect(!dry.written)
        #expect(!FileManager.default.fileExists(atPath: dry.output))

        options.dryRun = false
        let first = try ListImporter(options: options).run()
        try Data("# edited by hand\n".utf8).write(to: URL(fileURLWithPath: first.output))
        #expect(throws: ImportError.outputExists(path: first.output)) {
            try ListImporter(options: options).run()
        }
        #expect(try String(contentsOfFile: first.output, encoding: .utf8) == "# edited by hand\n")
        options.force = true
        _ = try ListImporter(options: options).run()
        #expect(try String(contentsOfFile: first.output, encoding: .utf8) == first.yaml)
    }

    @Test("old .xls files and missing files are clear errors")
    func unsupported() throws {
        let corpus = try Support.scratchCorpus()
        #expect(throws: ImportError.unsupportedFormat(file: "清单.xls")) {
            try ListImporter(options: Support.options("清单.xls", corpus: corpus)).run()
        }
        #expect(throws: ImportError.unreadable(file: "/nonexistent/清单.csv", reason: "no such file")) {
            try ListImporter(options: Support.options("/nonexistent/清单.csv", corpus: corpus)).run()
        }
    }
}
