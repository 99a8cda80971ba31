import Foundation
import Testing

@testable import LawImport

/// Thousands of random and mutated inputs: the readers never crash or hang, and either
/// read a table that keeps their promises or throw an ``ImportError``.
@Suite("Reader properties")
struct ReaderPropertyTests {
    /// `bytes` after one to three random edits: truncation, flipped bytes, a duplicated,
    /// deleted or inserted chunk, or bytes that matter to XML and CSV.
    static func mutate(_ bytes: [UInt8], _ random: inout SeededRandom) -> [UInt8] {
        var bytes = bytes
        let special: [UInt8] = [0x00, 0xFF, 0x3C, 0x3E, 0x26, 0x22, 0x27, 0x2F, 0x3B, 0x23, 0x0D, 0x0A, 0x2C, 0x5D]
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            guard !bytes.isEmpty else { return [UInt8.random(in: 0...255, using: &random)] }
            let at = Int.random(in: 0..<bytes.count, using: &random)
            let length = min(bytes.count - at, Int.random(in: 1...64, using: &random))
            switch Int.random(in: 0..<6, using: &random) {
            case 0: bytes = Array(bytes.prefix(at))
            case 1: for offset in at..<(at + min(length, 4)) { bytes[offset] ^= UInt8.random(in: 1...255, using: &random) }
            case 2: bytes.insert(contentsOf: bytes[at..<(at + length)], at: Int.random(in: 0...bytes.count, using: &random))
            case 3: bytes.removeSubrange(at..<(at + length))
            case 4: bytes[at] = special.randomElement(using: &random)!
            default:
                bytes.insert(contentsOf: (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }, at: at)
            }
        }
        return bytes
    }

    /// Rows in strictly increasing order, none empty.
    static func keepsPromises(_ table: SourceTable) -> Bool {
        zip(table.rows, table.rows.dropFirst()).allSatisfy { $0.number < $1.number }
            && table.rows.allSatisfy { !$0.isEmpty && $0.number >= 1 }
    }

    /// The assembler accounts for every row below the header of any table that has one.
    static func assemblesEveryRow(_ table: SourceTable) -> Bool {
        guard let layout = try? ColumnLayout.locate(in: table.fillingVerticalMerges()) else { return true }
        let assembly = ListAssembler(layout: layout, idPrefix: "T").assemble(table.fillingVerticalMerges())
        let below = table.rows.filter { $0.number > layout.headerRows.last! }.count
        return assembly.accounts.count == below && assembly.rowsRead == below
    }

    @Test("mutated workbooks: a table or an ImportError")
    func workbooks() throws {
        var stored = HostileWorkbookTests.tenItems()
        stored.storedParts = Set(stored.parts().map(\.0))
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("prop-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        try ImportTests.benchmarkWorkbook(at: url)
        let seeds = [try HostileWorkbookTests.tenItems().data(), try stored.data(), try Data(contentsOf: url)]
        var random = SeededRandom(seed: 7)
        var read = 0
        for index in 0..<1500 {
            let bytes = Self.mutate([UInt8](seeds[index % seeds.count]), &random)
            do {
                let table = try XLSXReader().read(data: Data(bytes), file: "m.xlsx")
                read += 1
                #expect(Self.keepsPromises(table))
                #expect(Self.assemblesEveryRow(table))
            } catch {
                #expect(!error.description.isEmpty)
            }
        }
        // Some mutations leave the workbook readable (a flipped byte in an unread part …).
        #expect(read > 0)
    }

    @Test("mutated sheet XML: the same outcome whatever the chunks, and never a crash")
    func sheetXML() throws {
        let seeds = [
            XMLPullParserTests.sheet,
            HostileWorkbookTests.tenItems().parts().first { $0.0 == HostileWorkbookTests.sheetPart }!.1,
        ]
        var random = SeededRandom(seed: 11)
        for index in 0..<2000 {
            let bytes = Self.mutate(Array(seeds[index % seeds.count].utf8), &random)
            let chunk = Int.random(in: 1...97, using: &random)
            let whole = Result { () throws(PartError) -> [SourceRow] in
                try readSheet(bytes, chunk: .max, sharedStrings: ["甲"])
            }
            let chunked = Result { () throws(PartError) -> [SourceRow] in
                try readSheet(bytes, chunk: chunk, sharedStrings: ["甲"])
            }
            #expect(whole == chunked, "chunks of \(chunk) differ on \(String(decoding: bytes, as: UTF8.self))")
            if case .success(let rows) = whole { #expect(Self.keepsPromises(SourceTable(file: "x", rows: rows))) }
        }
    }

    @Test("random and mutated CSV bytes: a table or an ImportError")
    func csv() throws {
        let utf8 = [UInt8](noPenaltyCSV.utf8)
        let gbk = [UInt8](try #require(benchmarkCSV.data(using: CSVReader.gb18030)))
        var random = SeededRandom(seed: 13)
        var limits = ImportLimits.standard
        limits.cellBytes = 256
        limits.columns = 40
        for index in 0..<2000 {
            let bytes: [UInt8]
            switch index % 3 {
            case 0: bytes = (0..<Int.random(in: 0...300, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            case 1: bytes = Self.mutate(utf8, &random)
            default: bytes = Self.mutate(gbk, &random)
            }
            do {
                let table = try CSVReader(limits: limits).read(data: Data(bytes), file: "m.csv")
                #expect(Self.keepsPromises(table))
                #expect(table.rows.allSatisfy { $0.cells.count <= 40 && $0.cells.allSatisfy { $0.utf8.count <= 256 } })
                #expect(Self.assemblesEveryRow(table))
            } catch {
                #expect(!error.description.isEmpty)
            }
        }
    }

    @Test("random citations and limit settings never trap")
    func smallParsers() {
        var random = SeededRandom(seed: 17)
        let alphabet = Array("第条款项（）()、一二三四五六七八九十百千万亿零〇0123456789９ 《》法")
        for _ in 0..<3000 {
            let text = String((0..<Int.random(in: 0...60, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
            for fragment in CitationCheck.unreadableNumbers(in: text) { #expect(fragment.hasPrefix("第")) }
            var limits = ImportLimits.standard
            _ = limits.apply(String(text.prefix(20)) + "=" + String(text.suffix(20)))
        }
    }
}
