import Foundation
import Testing

@testable import LawCorpus

@Suite("Lists") struct ListTests {
    static let corpusRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Corpus").path

    static let corpus: Corpus = try! CorpusLoader(root: corpusRoot).load()

    func lists(_ department: String, _ kind: ListKind) -> [ListVersion] {
        Self.corpus.lists.filter { $0.department.id == department && $0.kind == kind }
    }

    @Test func theSampleCorpusHasEveryKindAndEnoughDepartments() {
        let kinds = Set(Self.corpus.lists.map(\.kind))
        #expect(kinds == Set(ListKind.allCases))
        let fourLists: [ListKind] = [.noPenalty, .lighterPenalty, .reducedPenalty, .noCompulsion]
        let departmentsWithAllFour = Set(Self.corpus.lists.map(\.department.id)).filter { id in
            fourLists.allSatisfy { kind in Self.corpus.lists.contains { $0.department.id == id && $0.kind == kind } }
        }
        #expect(departmentsWithAllFour.count >= 6)
        let benchmarks = Dictionary(grouping: Self.corpus.lists.filter { $0.kind == .discretionBenchmark }, by: \.department.id)
        #expect(benchmarks.values.filter { $0.count >= 2 }.count >= 3)
        #expect(Self.corpus.lists.allSatisfy { $0.status == .sample })
    }

    @Test func itemsAreReadWithTheirFields() throws {
        let list = try #require(lists("scjg", .noPenalty).first)
        #expect(list.department.name == "乌审旗市场监督管理局")
        #expect(list.version == CalendarDate(iso: "2022-10-25"))
        #expect(list.published == CalendarDate(iso: "2022-10-28"))
        #expect(list.filed == CalendarDate(iso: "2022-11-08"))
        #expect(list.items.count >= 5)
        let item = try #require(list.items.first)
        #expect(item.id == "SCJG-BYCF-001")
        #expect(item.line > 1)
        #expect(item.basis != nil)
    }

    @Test func citationsResolveToTheRightArticle() throws {
        let items = Self.corpus.lists.flatMap(\.items)
        let penaltyLaw = items.flatMap(\.citations).filter { $0.document == "中华人民共和国行政处罚法" }
        #expect(penaltyLaw.contains { $0.article == 33 && $0.paragraph == 1 })
        #expect(penaltyLaw.contains { $0.article == 32 })
        // Both list forms expand: 第三十二、三十三条 and 第三十二条、第三十三条.
        let joined = try #require(items.first { $0.basis?.contains("第三十二、三十三条") == true })
        #expect(Set(joined.citations.filter { $0.document == "中华人民共和国行政处罚法" }.map(\.article)).isSuperset(of: [32, 33]))
        let compulsion = items.flatMap(\.citations).filter { $0.document == "中华人民共和国行政强制法" }
        #expect(compulsion.contains { $0.article == 16 })
    }

    @Test func versionsFollowEachOther() throws {
        let versions = lists("scjg", .discretionBenchmark)
        #expect(versions.count == 2)
        #expect(versions[0].inForceUntil == versions[1].inForceFrom)
        #expect(versions[1].inForceUntil == nil)
        let day = versions[1].inForceFrom
        #expect(versions[0].isInForce(on: day.adding(days: -1)))
        #expect(!versions[0].isInForce(on: day))
        #expect(versions[1].isInForce(on: day))
    }

    @Test func benchmarkLevelsCarryMoneyRanges() throws {
        let item = try #require(lists("scjg", .discretionBenchmark).first?.items.first { $0.id == "SCJG-CLJZ-001" })
        let severe = try #require(item.levels.first { $0.level == "严重" })
        #expect(severe.amounts == [AmountRange(lower: 2000, upper: 5000, unit: "元", text: "2000元以上5000元以下")])
    }

    @Test func amountsAreReadFromPenaltyText() {
        #expect(AmountRange.ranges(in: "处1000元以上5000元以下罚款").map(\.description) == ["1000–5000 元"])
        #expect(AmountRange.ranges(in: "可以并处2000元以下罚款").map(\.description) == ["≤ 2000 元"])
        #expect(AmountRange.ranges(in: "处3.5万元以上5万元以下罚款").map(\.description) == ["35000–50000 元"])
        #expect(AmountRange.ranges(in: "处五千元以上五万元以下罚款").map(\.description) == ["5000–50000 元"])
        #expect(AmountRange.ranges(in: "并处货值金额5倍以上10倍以下罚款").map(\.description) == ["货值金额 5–10 倍"])
        #expect(AmountRange.ranges(in: "没收违法所得，并处违法所得一倍以上五倍以下的罚款").map(\.description) == ["违法所得 1–5 倍"])
        #expect(AmountRange.ranges(in: "处十万元以上罚款").map(\.description) == ["≥ 100000 元"])
        #expect(AmountRange.ranges(in: "责令改正，给予警告").isEmpty)
    }

    @Test func kindsAndDepartmentsResolveByAlias() {
        #expect(ListKind.resolve("免罚清单") == .noPenalty)
        #expect(ListKind.resolve("轻微违法不予处罚清单") == .noPenalty)
        #expect(ListKind.resolve("裁量基准") == .discretionBenchmark)
        #expect(ListKind.resolve("不存在的清单") == nil)
        let registry = try! DepartmentRegistry(Self.corpus.departments)
        #expect(registry.resolve("市监局")?.id == "scjg")
        #expect(registry.resolve("乌审旗市场监督管理局")?.id == "scjg")
        #expect(registry.resolve("交通运输局")?.id == "jtys")
        #expect(registry.resolve("嘎鲁图镇")?.type == "苏木镇")
    }

    // MARK: - Validation

    func damagedCorpus(_ edit: (URL) throws -> Void) throws -> URL {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("lawkb-lists-\(UUID().uuidString)")
        try FileManager.default.copyItem(atPath: Self.corpusRoot, toPath: copy.path)
        try edit(copy)
        return copy
    }

    func write(_ text: String, to corpus: URL) throws -> String {
        let file = corpus.appendingPathComponent("lists/scjg/不予处罚事项清单/2030-01-01.yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    static let header = """
        department: 市场监管局
        kind: 免罚清单
        version: 2030-01-01
        status: sample
        items:
        """

    @Test func unknownDepartmentIsAnErrorWithFileAndLine() throws {
        var file = ""
        let corpus = try damagedCorpus {
            file = try write(Self.header.replacingOccurrences(of: "市场监管局", with: "宇宙管理局") + "\n  - id: X-1\n    name: 测试\n", to: $0)
        }
        do {
            _ = try CorpusLoader(root: corpus.path).load()
            Issue.record("expected an error")
        } catch {
            #expect(error.file == file)
            #expect(error.line == 1)
            #expect(error.message.contains("没有部门“宇宙管理局”"))
        }
    }

    @Test(arguments: [
        ("kind: 免罚清单", "kind: 奇怪清单", 2, "没有清单种类“奇怪清单”"),
        ("version: 2030-01-01", "version: 2030-02-30", 3, "YYYY-MM-DD"),
    ])
    func badValuesAreErrorsWithFileAndLine(_ replace: (String, String, Int, String)) throws {
        var file = ""
        let corpus = try damagedCorpus {
            file = try write(Self.header.replacingOccurrences(of: replace.0, with: replace.1) + "\n  - id: X-1\n    name: 测试\n", to: $0)
        }
        do {
            _ = try CorpusLoader(root: corpus.path).load()
            Issue.record("expected an error")
        } catch {
            #expect(error.file == file)
            #expect(error.line == replace.2)
            #expect(error.message.contains(replace.3))
        }
    }

    @Test func duplicateIdsAndMissingNamesAreErrors() throws {
        let duplicate = try damagedCorpus {
            _ = try write(Self.header + "\n  - id: X-1\n    name: 甲\n  - id: X-1\n    name: 乙\n", to: $0)
        }
        do {
            _ = try CorpusLoader(root: duplicate.path).load()
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 8)
            #expect(error.message.contains("事项编号 X-1 重复（第 6 行已用过）"))
        }
        let unnamed = try damagedCorpus { _ = try write(Self.header + "\n  - id: X-1\n", to: $0) }
        #expect(throws: CorpusError.self) { _ = try CorpusLoader(root: unnamed.path).load() }
    }

    @Test func anOverflowingCitationInAListIsAWarningWithFileAndLine() throws {
        let nines = String(repeating: "九", count: 19)
        var file = ""
        let corpus = try damagedCorpus {
            file = try write(Self.header + "\n  - id: X-1\n    name: 甲\n    basis: 《中华人民共和国行政处罚法》第\(nines)条\n", to: $0)
        }
        let loaded = try CorpusLoader(root: corpus.path).load()
        #expect(loaded.warnings.contains { $0.hasPrefix("\(file):8: 事项 X-1 引用的“第\(nines)条”超出任何条号") })
        let item = try #require(loaded.lists.first { $0.file == file }?.items.first)
        #expect(item.citations.isEmpty)
    }

    @Test func twoFilesWithTheSameVersionAreAnErrorNamingBoth() throws {
        var copy = ""
        let corpus = try damagedCorpus { root in
            let original = root.appendingPathComponent("lists/scjg/不予处罚事项清单/2022-10-25.yaml")
            let duplicate = root.appendingPathComponent("lists/scjg/不予处罚事项清单/2022-10-25-copy.yaml")
            try FileManager.default.copyItem(at: original, to: duplicate)
            copy = duplicate.path
        }
        do {
            _ = try CorpusLoader(root: corpus.path).load()
            Issue.record("expected an error")
        } catch {
            let original = corpus.appendingPathComponent("lists/scjg/不予处罚事项清单/2022-10-25.yaml").path
            #expect(Set([original, copy]).contains(error.file))
            #expect(error.description.contains(original) && error.description.contains(copy))
            #expect(error.message.contains("2022-10-25 版本"))
        }
    }

    @Test func aListInAnotherDepartmentsFolderIsAnError() throws {
        var file = ""
        let corpus = try damagedCorpus { root in
            let folder = root.appendingPathComponent("lists/jtys/不予处罚事项清单")
            file = folder.appendingPathComponent("2030-01-01.yaml").path
            try (Self.header + "\n  - id: X-1\n    name: 甲\n").write(toFile: file, atomically: true, encoding: .utf8)
        }
        do {
            _ = try CorpusLoader(root: corpus.path).load()
            Issue.record("expected an error")
        } catch {
            #expect(error.file == file)
            #expect(error.line == 1)
            #expect(error.message.contains("乌审旗交通运输局的文件夹 jtys/"))
            #expect(error.message.contains("请移到 lists/scjg/"))
        }
    }

    @Test func controlCharactersInFileNamesAreEscapedInErrors() throws {
        var file = ""
        let corpus = try damagedCorpus { root in
            let folder = root.appendingPathComponent("lists/scjg/不予处罚事项清单")
            file = folder.appendingPathComponent("2030-\u{1B}]0;pwned\u{07}\u{1B}[2J.yaml").path
            try (Self.header.replacingOccurrences(of: "市场监管局", with: "宇宙管理局") + "\n  - id: X-1\n    name: 甲\n")
                .write(toFile: file, atomically: true, encoding: .utf8)
        }
        do {
            _ = try CorpusLoader(root: corpus.path).load()
            Issue.record("expected an error")
        } catch {
            #expect(error.file == file)
            let shown = error.description
            #expect(!shown.unicodeScalars.contains { $0.value < 0x20 })
            #expect(shown.contains(#"2030-\u{1B}]0;pwned\u{07}\u{1B}[2J.yaml:1: departments.yaml 中没有部门“宇宙管理局”"#))
        }
    }

    @Test func controlCharactersInListTextAreAnErrorOnOneLine() throws {
        var file = ""
        let corpus = try damagedCorpus {
            file = try write(Self.header + "\n  - id: X-1\n    name: 甲\u{1B}[2J乙\n", to: $0)
        }
        do {
            _ = try CorpusLoader(root: corpus.path).load()
            Issue.record("expected an error")
        } catch {
            #expect(error.file == file)
            #expect(error.line == 7)
            #expect(error.description.hasSuffix("YAML 格式有误：control characters are not allowed (U+1B)"))
        }
    }

    @Test func aliasesThatMultiplyTheFileAreAnError() throws {
        // Each item's fields are one alias of a large mapping: a few kilobytes standing for
        // a million fields.
        let fields = (1...1000).map { "f\($0): 值" }.joined(separator: ", ")
        let items = (1...1000).map { "  - {id: X-\($0), name: 甲, fields: *f}" }.joined(separator: "\n")
        var file = ""
        let corpus = try damagedCorpus {
            file = try write(
                Self.header.replacingOccurrences(of: "status: sample", with: "status: sample\nnote: &f {\(fields)}")
                    + "\n" + items + "\n", to: $0)
        }
        do {
            _ = try CorpusLoader(root: corpus.path).load()
            Issue.record("expected an error")
        } catch {
            #expect(error.file == file)
            #expect(error.message.contains("别名"))
        }
        // A small alias stays allowed.
        let small = try Sidecar(file: "x.yaml", yaml: "a: &x {b: 1}\nc: *x\n")
        #expect(small.keys == ["a", "c"])
    }

    @Test func theShippedListsHaveUniqueVersionsInTheirOwnFolders() throws {
        try CorpusLoader.checkUniqueVersions(Self.corpus.lists)
        for list in Self.corpus.lists {
            let department = ((list.file as NSString).deletingLastPathComponent as NSString).deletingLastPathComponent
            #expect((department as NSString).lastPathComponent == list.department.id)
        }
    }

    /// A list may cite an article the law does not have: it loads, and the citation
    /// resolves to the law's version but to no article (the index report names it).
    @Test func citationsOfMissingArticlesLoadAndResolveToNoArticle() throws {
        let corpus = try damagedCorpus {
            _ = try write(Self.header + "\n  - id: X-1\n    name: 甲\n    basis: 《中华人民共和国行政处罚法》第九十条\n", to: $0)
        }
        let loaded = try CorpusLoader(root: corpus.path).load()
        let list = try #require(loaded.lists.first { $0.items.contains { $0.id == "X-1" } })
        let citation = try #require(list.items.first { $0.id == "X-1" }?.citations.first)
        let target = RegulationVersions(loaded.regulations).target(of: citation, on: list.version, in: loaded.regulations)
        guard case .noSuchArticle(let index) = target else {
            Issue.record("expected no such article, got \(target)")
            return
        }
        #expect(loaded.regulations[index].metadata.title == "中华人民共和国行政处罚法")
    }
}
