import Foundation
import Testing

@testable import LawCorpus

/// The fast reader of lawkb's own YAML (``CanonicalYAML``) against Yams (``Sidecar``): on every
/// list of the corpus, on lists written in the writers' styles and on damaged copies of them,
/// it either reads exactly what Yams reads — values, lines, errors — or declines.
@Suite("Canonical YAML") struct CanonicalYAMLTests {
    static let listFiles: [String] = {
        let directory = (Fixture.corpus as NSString).appendingPathComponent("lists")
        let enumerator = FileManager.default.enumerator(atPath: directory)
        var files: [String] = []
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".yaml") { files.append((directory as NSString).appendingPathComponent(path)) }
        }
        return files.sorted()
    }()

    /// Everything ``ListParser`` can ask of a mapping, answers and errors alike, nested mappings included.
    static func dump<Document: YAMLMappingReading>(_ document: Document) -> String {
        func answer<Value>(_ read: () throws -> Value) -> String {
            do { return "\(try read())" } catch { return "error(\(error))" }
        }
        var out = "mapping@\(document.line) absent@\(document.line(of: "\u{1}absent"))\n"
        out += document.unknownKeys(allowed: ["id", "name"]).joined(separator: "\n") + "\n"
        for key in document.keys {
            out += "\(key)@\(document.line(of: key)): string=\(answer { try document.string(key) })"
            out += " bool=\(answer { try document.bool(key) }) date=\(answer { try document.date(key) })"
            out += " pairs=\(answer { try document.pairs(key).map { "\($0.key)=\($0.value)" } })\n"
            do {
                for element in try document.mappings(key) { out += "  - " + dump(element) }
            } catch {
                out += "  mappings error(\(error))\n"
            }
        }
        return out
    }

    /// Whether the fast reader declines `text` or reads it as Yams does; records a failure otherwise.
    @discardableResult
    static func expectSameReading(_ text: String, file: String = "lists/x/不予处罚事项清单/2024-01-01.yaml") -> Bool {
        guard let fast = CanonicalMapping(file: file, text: text) else { return false }
        do {
            let yams = try Sidecar(file: file, yaml: text)
            let (fastLines, yamsLines) = (dump(fast).split(separator: "\n"), dump(yams).split(separator: "\n"))
            let sameLength = fastLines.count == yamsLines.count
            let firstDifferent = Array(zip(fastLines, yamsLines)).firstIndex(where: { $0.0 != $0.1 })
            if let first = firstDifferent ?? (sameLength ? nil : min(fastLines.count, yamsLines.count)) {
                let fastLine = first < fastLines.count ? String(fastLines[first].prefix(300)) : "(end)"
                let yamsLine = first < yamsLines.count ? String(yamsLines[first].prefix(300)) : "(end)"
                Issue.record("fast: \(fastLine)\nyams: \(yamsLine)")
            }
        } catch {
            Issue.record("the fast reader read what Yams rejects (\(error)):\n\(text)")
        }
        return true
    }

    @Test func everyCorpusListReadsAsYamsReadsIt() throws {
        #expect(Self.listFiles.count > 10)
        for file in Self.listFiles {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            Self.expectSameReading(text, file: file)
        }
    }

    @Test func theParserGivesTheSameListsAndWarningsFromEitherReader() throws {
        let parser = ListParser(
            registry: try #require(try CorpusLoader(root: Fixture.corpus).loadDepartments()),
            citations: CitationParser(names: DocumentNames()))
        var fastReads = 0
        for file in Self.listFiles {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            guard let fast = CanonicalMapping(file: file, text: text) else { continue }
            fastReads += 1
            var fastWarnings: [String] = []
            var yamsWarnings: [String] = []
            let fromFast = try parser.parse(fast, file: file, warnings: &fastWarnings)
            let fromYams = try parser.parse(try Sidecar(file: file, yaml: text), file: file, warnings: &yamsWarnings)
            #expect(fromFast.items == fromYams.items)
            #expect(fromFast.title == fromYams.title && fromFast.version == fromYams.version)
            #expect(fromFast.note == fromYams.note && fromFast.isPublic == fromYams.isPublic)
            #expect(fastWarnings == yamsWarnings)
        }
        #expect(fastReads == Self.listFiles.count, "every shipped list is in the writers' form")
    }

    /// A list written as the writers write it: plain where safe, quoted or `|-` otherwise.
    static func written(items: [ListItem], quoted: Bool) -> String {
        func value(_ text: String, indent: Int) -> String {
            if quoted { return YAMLText.quoted(text) }
            if text.contains("\n") {
                let pad = String(repeating: " ", count: indent + 2)
                return "|-\n"
                    + text.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { $0.isEmpty ? "" : pad + $0 }.joined(separator: "\n")
            }
            return text
        }
        var lines = [
            "# 由测试写出", "department: 乌审旗市场监督管理局", "kind: 不予处罚事项清单", "title: 测试清单",
            "version: 2024-01-01", "published:   # 公示日期 YYYY-MM-DD", "status: sample", "public: true", "items:",
        ]
        for item in items {
            lines.append("  - id: \(value(item.id, indent: 4))")
            lines.append("    name: \(value(item.name, indent: 4))")
            for (column, text) in item.columns.filled { lines.append("    \(column.key): \(value(text, indent: 4))") }
            if !item.levels.isEmpty {
                lines.append("    levels:")
                for level in item.levels {
                    lines.append("      - level: \(value(level.level, indent: 8))")
                    for (column, text) in level.columns.filled { lines.append("        \(column.key): \(value(text, indent: 8))") }
                }
            }
            if !item.fields.isEmpty {
                lines.append("    fields:")
                for field in item.fields { lines.append("      \(field.name): \(value(field.value, indent: 6))") }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func listsWrittenInEitherStyleReadAsYamsReadsThem() {
        let items = Fixture.loaded.lists.flatMap(\.items)
        #expect(items.count > 50)
        for quoted in [true, false] {
            let text = Self.written(items: items, quoted: quoted)
            #expect(Self.expectSameReading(text), "a written list is read by the fast reader")
        }
    }

    @Test func unusualInputsAreReadAlikeOrLeftToYams() {
        let head = "department: 乌审旗市场监督管理局\nkind: 不予处罚事项清单\nversion: 2024-01-01\n"
        let bodies = [
            "items:\n  - id: A\n    name: 名称\n    note: null\n    basis: ~\n",
            "items:\n- id: A\n  name: 名称\n",
            "items:\n  - id: A\n    name: 名称\n    extra:\n  - id: B\n    name: 乙\n",
            "items:\n  - id: \"A\\x41\\u4E2D\\U0001F600\\t\\\\\"   # 注释\n    name: \"\"\n",
            "items:\n  - id: A\n    name: |-\n      第一行\n\n        缩进\n      末行\n\n\n    basis: 依据\n",
            "items:\n  - id: A\n    name: 名称\n    fields:\n      \"键: 值\": 一\n      类别: null\n      空:\n",
            "items:\n  - id: A\n    name: a:b c#d\n",
            "items:\n  - id: A\n    name: 名称 # 注释\n",
            "items:\n  - id: A\n    name: 名称\n      续行\n",
            "items:\n  - id: A\n    name: [1, 2]\n",
            "items:\n  - id: A\n    name: &x 名称\n  - id: B\n    name: *x\n",
            "items:\n  - id: A\n    id: B\n",
            "items:\n  - id: A\n    name: \"未闭合\n",
            "items:\n  - id: A\n    name: 名称\t\n",
            "items:\n  - id: A\r\n    name: 名称\r\n",
            "items:\n  - id: A\n    name: |\n      保留换行\n",
            "items:\n  - id: A\n    name: \"\\0\"\n",
            "items:\n  - id: 001\n    name: true\n",
            "items: []\n",
            "items:\n  - A\n  - \"B\"\n",
            "items:\n  -\n    id: A\n",
            "items:\n  - - A\n",
            "public: yes\nitems:\n  - id: A\n    name: 名称\n",
            "---\nitems:\n  - id: A\n",
            "items:\n  - id: A\n    name: 名称\n...\n",
            "items:\n  - id: A\n    name: 名称\n  extra: 1\n",
            "items:\n  - id: A\n    name:\n",
            "items:\n  - id: A\n    name: \u{2028}\n",
            "items:\n  - id: A\n    <<: 1\n",
            "note: |-\n\n  前有空行\nitems:\n  - id: A\n",
            "note: |-\n   \n  空白行\nitems:\n  - id: A\n",
            "note: |-\nitems:\n  - id: A\n",
        ]
        for body in bodies {
            Self.expectSameReading(head + body)
        }
    }

    /// Damaged copies of a written list: each byte-level change either leaves the text to Yams
    /// or is read as Yams reads it.
    @Test func damagedListsAreReadAlikeOrLeftToYams() {
        let items = Array(Fixture.loaded.lists.flatMap(\.items).prefix(6))
        let insertions: [String] = [
            ":", ": ", " #", "#", "\"", "\\", "|-", "- ", "\n", "\n  ", "  ", " ", "\t", "'", "&", "*", "!", "[", "{", ",",
            "?", "%", "---", "\u{85}", "\u{FEFF}", "中",
        ]
        var random = SplitMix64(seed: 13)
        var readFast = 0
        for round in 0..<600 {
            let text = Self.damaged(
                Self.written(items: items, quoted: round % 2 == 0), changes: 1 + round % 3, insertions: insertions,
                random: &random)
            if Self.expectSameReading(text) { readFast += 1 }
        }
        #expect(readFast > 100, "most damaged copies are still in the writers' form")
    }

    /// `text` with `changes` characters removed or texts from `insertions` inserted, at random places.
    static func damaged(_ text: String, changes: Int, insertions: [String], random: inout SplitMix64) -> String {
        var scalars = Array(text.unicodeScalars)
        for _ in 0..<changes {
            let position = random.next(below: scalars.count)
            if random.next(below: 3) == 0 {
                scalars.remove(at: position)
            } else {
                let insertion = insertions[random.next(below: insertions.count)]
                scalars.insert(contentsOf: insertion.unicodeScalars, at: position)
            }
        }
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars)
        return result
    }

    @Test func utf8IsValidatedAsStringsAreMade() {
        var random = SplitMix64(seed: 8)
        let samples: [[UInt8]] = [
            Array("清单 list ✓ 😀".utf8), [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE4, 0xB8],
            [0x80], [0xF0, 0x9F, 0x98, 0x80], [0xE0, 0x9F, 0x80], [0xEF, 0xBF, 0xBD],
        ]
        var all = samples
        for _ in 0..<3000 {
            all.append((0..<(1 + random.next(below: 6))).map { _ in UInt8(random.next(below: 256)) })
        }
        for bytes in all {
            let valid = bytes.withUnsafeBufferPointer { CanonicalYAML.isValidUTF8($0) }
            #expect(valid == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
        }
    }

    /// Each level of nesting takes a stack frame: deep documents are left to Yams, whose parser
    /// stops at 1,000 levels with an error naming the line.
    @Test func deepNestingIsLeftToYams() {
        func nested(_ depth: Int) -> String {
            var lines = ["department: 乌审旗市场监督管理局", "items:", "  - id: A", "    fields:"]
            for level in 0..<depth { lines.append(String(repeating: " ", count: 6 + level) + "k\(level):") }
            return lines.joined(separator: "\n") + "\n" + String(repeating: " ", count: 6 + depth) + "k: v\n"
        }
        #expect(CanonicalYAML.parse(nested(100)) != nil)
        Self.expectSameReading(nested(100))
        #expect(CanonicalYAML.parse(nested(CanonicalYAML.Reader.maximumNesting)) == nil)
        #expect(throws: CorpusError.self) { try Sidecar(file: "deep.yaml", yaml: nested(1200)) }
    }

    @Test func theScanFindsTheLinesAndDeclinesWhatItLeavesToYams() {
        let text = "department: 乌审旗市场监督管理局\n\n# 注释\nitems:\n  - id: A\n    name: 名称 ✓"
        let lines = Array(text.utf8).withUnsafeBufferPointer { CanonicalYAML.readableLines($0) }
        let expected = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines?.map { line in String(decoding: Array(text.utf8)[line.start..<line.end], as: UTF8.self) } == expected)
        for declined in ["\t", "\r", "\u{7F}", "\u{85}", "\u{9F}", "\u{2028}", "\u{2029}", "\u{FEFF}", "\u{FFFE}", "\u{FFFF}", "\u{1}"] {
            let bytes = Array((text + declined + "尾").utf8)
            #expect(bytes.withUnsafeBufferPointer { CanonicalYAML.readableLines($0) } == nil, "\(declined.unicodeScalars.first!.value)")
        }
        for kept in ["\u{A0}", "\u{2027}", "\u{FFFD}", "😀", "\u{3000}"] {
            let bytes = Array((text + kept).utf8)
            #expect(bytes.withUnsafeBufferPointer { CanonicalYAML.readableLines($0) }?.count == expected.count)
        }
    }

    @Test func invalidUTF8IsLeftToTheReaderThatNamesTheLine() throws {
        let directory = try Fixture.scratchCorpus()
        let file = directory.appendingPathComponent("bad.yaml").path
        var bytes = Array("department: 乌审旗市场监督管理局\nkind: 不予处罚事项清单\nversion: 2024-01-01\nitems:\n  - id: A\n    name: ".utf8)
        bytes += [0xE4, 0xB8, 0x0A]
        _ = FileManager.default.createFile(atPath: file, contents: Data(bytes))
        let parser = ListParser(
            registry: try #require(try CorpusLoader(root: Fixture.corpus).loadDepartments()),
            citations: CitationParser(names: DocumentNames()))
        var warnings: [String] = []
        #expect(throws: CorpusError.self) { try parser.parse(file, warnings: &warnings) }
        do {
            _ = try parser.parse(file, warnings: &warnings)
        } catch {
            #expect(error.line == 6)
        }
    }
}
