import Foundation
import Testing

@testable import LawCorpus

/// Items read a part at a time (``ListItemStream``, ``CorpusLoader/load(deferringItems:)``)
/// against the whole list read at once: the same items, warnings and errors, from every
/// shipped list, from damaged copies, and from files that change or hold, late, an item only
/// Yams reads.
@Suite("List items read a part at a time") struct ListItemStreamTests {
    static let parser = ListParser(
        registry: try! CorpusLoader(root: Fixture.corpus).loadDepartments()!,
        citations: CitationParser(
            names: Fixture.loaded.regulations.reduce(into: DocumentNames()) {
                $0.register(title: $1.metadata.title, aliases: $1.metadata.shortNames)
            }))

    /// The list of `file` read whole, or its error.
    static func whole(_ file: String) -> Result<(ListVersion, [String]), CorpusError> {
        var warnings: [String] = []
        do throws(CorpusError) {
            return .success((try parser.parse(file, warnings: &warnings), warnings))
        } catch {
            return .failure(error)
        }
    }

    /// The list of `file` read as an index build reads it: the header when the corpus is
    /// loaded, then the items `batch` at a time; or the first error.
    static func streamed(_ file: String, batch: Int) -> Result<(ListVersion, [String]), CorpusError> {
        var warnings: [String] = []
        do throws(CorpusError) {
            var list = try parser.parseHeader(file, warnings: &warnings)
            let stream = ListItemSource(parser: parser).items(of: list)
            var items: [ListItem] = []
            while true {
                let next = try stream.next(batch)
                warnings += stream.takeWarnings()
                if next.isEmpty { break }
                items += next
            }
            if list.itemsAreDeferred { list.items = items }
            return .success((list, warnings))
        } catch {
            return .failure(error)
        }
    }

    /// Both reads give the same list and warnings, or both fail naming the file and a line. A file
    /// with two faults may be reported by its other fault: read whole, Yams reports a fault of
    /// syntax anywhere first; read a part at a time, a fault in the header or an earlier item
    /// comes first.
    static func expectSame(
        _ a: Result<(ListVersion, [String]), CorpusError>, _ b: Result<(ListVersion, [String]), CorpusError>,
        _ comment: Comment? = nil, sameError: Bool = true
    ) {
        switch (a, b) {
        case (.success(let (left, leftWarnings)), .success(let (right, rightWarnings))):
            #expect(left.items == right.items, comment)
            #expect(left.title == right.title && left.version == right.version && left.published == right.published, comment)
            #expect(left.note == right.note && left.isPublic == right.isPublic && left.status == right.status, comment)
            #expect(leftWarnings == rightWarnings, comment)
        case (.failure(let left), .failure(let right)):
            if sameError {
                #expect(left == right, comment)
            } else {
                #expect(left.file == right.file && right.line != nil, comment)
            }
        default:
            Issue.record("one read failed and the other did not: \(a) / \(b) \(comment?.rawValue ?? "")")
        }
    }

    /// A scratch corpus folder for a list of 市场监管局 and the path of a file in it.
    static func scratchFile(_ name: String = "2024-01-01.yaml") throws -> String {
        let folder = try Fixture.scratchCorpus().appendingPathComponent("lists/scjg/不予处罚事项清单")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent(name).path
    }

    /// A list in the writers' form with `count` items, item `n` written by `item(n)` when given.
    static func list(count: Int, item: ((Int) -> String?)? = nil) -> String {
        var lines = [
            "department: 乌审旗市场监督管理局", "kind: 不予处罚事项清单", "title: 测试清单", "version: 2024-01-01",
            "status: sample", "items:",
        ]
        for n in 1...count {
            if let custom = item?(n) {
                lines.append(custom)
                continue
            }
            lines.append("  - id: T-\(n)")
            lines.append("    name: 事项\(n)")
            lines.append("    basis: 《中华人民共和国行政处罚法》第\(ChineseNumeralFormatter.format(n % 80 + 1))条")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func everyShippedListReadAPartAtATimeIsTheWholeList() {
        var deferred = 0
        for file in CanonicalYAMLTests.listFiles {
            var warnings: [String] = []
            if (try? Self.parser.parseHeader(file, warnings: &warnings))?.itemsAreDeferred == true { deferred += 1 }
            for batch in [1, 3, 512] {
                Self.expectSame(Self.whole(file), Self.streamed(file, batch: batch), "\(file) by \(batch)")
            }
        }
        #expect(deferred == CanonicalYAMLTests.listFiles.count, "every shipped list is read a part at a time")
    }

    @Test func damagedCopiesReadAPartAtATimeAsWhole() throws {
        let items = Array(Fixture.loaded.lists.flatMap(\.items).prefix(8))
        let file = try Self.scratchFile()
        var random = SplitMix64(seed: 21)
        let insertions = [":", ": ", " #", "\"", "|-", "- ", "\n", "\n  ", "  ", "\t", "{", "---", "中", "id: X\n"]
        for round in 0..<300 {
            let text = CanonicalYAMLTests.damaged(
                CanonicalYAMLTests.written(items: items, quoted: round % 2 == 0), changes: 1 + round % 3,
                insertions: insertions, random: &random)
            try text.write(toFile: file, atomically: true, encoding: .utf8)
            Self.expectSame(Self.whole(file), Self.streamed(file, batch: 2), "round \(round)", sameError: false)
        }
    }

    @Test func anItemOnlyYamsReadsLateInTheFileIsReadOnFromIt() throws {
        let file = try Self.scratchFile()
        let text = Self.list(count: 40) { n -> String? in
            n == 31 ? "  - id: T-31\n    name: 事项31\n    fields: {联系人: 张某, 电话: 0477-8123456}" : nil
        }
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        var warnings: [String] = []
        #expect(try Self.parser.parseHeader(file, warnings: &warnings).itemsAreDeferred)
        let streamed = Self.streamed(file, batch: 4)
        Self.expectSame(Self.whole(file), streamed)
        let items = try streamed.get().0.items
        #expect(items.count == 40)
        #expect(items[30].fields.map(\.name) == ["联系人", "电话"])
    }

    @Test func theRestOfAFileReadWithYamsIsTheFileFirstRead() throws {
        let file = try Self.scratchFile()
        let text = Self.list(count: 40) { n -> String? in
            n == 31 ? "  - id: T-31\n    name: 事项31\n    fields: {联系人: 张某}" : nil
        }
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let whole = try Self.whole(file).get().0.items
        var warnings: [String] = []
        let stream = ListItemSource(parser: Self.parser).items(of: try Self.parser.parseHeader(file, warnings: &warnings))
        var items = try stream.next(4)
        // Edited after its first items were read: the rest still comes from the bytes read then.
        try text.replacingOccurrences(of: "name: 事项35", with: "name: 改过的事项").write(
            toFile: file, atomically: true, encoding: .utf8)
        while case let next = try stream.next(4), !next.isEmpty { items += next }
        #expect(items == whole)
    }

    @Test func aDuplicateIdLateInTheFileIsNamedAtItsLine() throws {
        let file = try Self.scratchFile()
        try Self.list(count: 30) { n -> String? in n == 27 ? "  - id: T-3\n    name: 重复" : nil }.write(
            toFile: file, atomically: true, encoding: .utf8)
        let streamed = Self.streamed(file, batch: 5)
        Self.expectSame(Self.whole(file), streamed)
        guard case .failure(let error) = streamed else { return }
        #expect(error.file == file && error.line == 7 + 26 * 3 && error.message.contains("T-3"))
    }

    @Test func aFileChangedAfterTheCorpusWasLoadedIsNamed() throws {
        let file = try Self.scratchFile()
        try Self.list(count: 10).write(toFile: file, atomically: true, encoding: .utf8)
        var warnings: [String] = []
        let header = try Self.parser.parseHeader(file, warnings: &warnings)
        try Self.list(count: 10).replacingOccurrences(of: "version: 2024-01-01", with: "version: 2024-02-01")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let stream = ListItemSource(parser: Self.parser).items(of: header)
        #expect {
            try stream.next(4)
        } throws: { error in
            (error as? CorpusError)?.file == file && (error as? CorpusError)?.message.contains("改动") == true
        }
    }

    @Test func aListWithoutItemsIsWarnedAboutOnce() throws {
        let file = try Self.scratchFile()
        try "department: 乌审旗市场监督管理局\nkind: 不予处罚事项清单\nversion: 2024-01-01\nitems:\n".write(
            toFile: file, atomically: true, encoding: .utf8)
        Self.expectSame(Self.whole(file), Self.streamed(file, batch: 3))
        let warnings = try Self.streamed(file, batch: 3).get().1
        #expect(warnings.filter { $0.contains("no items") }.count == 1)
    }

    @Test func aCorpusLoadedWithItemsDeferredHoldsTheSameLists() throws {
        let whole = try CorpusLoader(root: Fixture.corpus).load()
        let deferred = try CorpusLoader(root: Fixture.corpus).load(deferringItems: true)
        let source = try #require(deferred.itemSource)
        #expect(whole.lists.map(\.file) == deferred.lists.map(\.file))
        for (list, header) in zip(whole.lists, deferred.lists) {
            #expect(header.itemsAreDeferred && header.items.isEmpty)
            #expect(header.inForceUntil == list.inForceUntil)
            let stream = source.items(of: header)
            var items: [ListItem] = []
            while case let next = try stream.next(7), !next.isEmpty { items += next }
            #expect(items == list.items, "\(list.file)")
        }
    }
}
