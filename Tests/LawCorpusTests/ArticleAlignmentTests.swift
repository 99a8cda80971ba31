import Foundation
import Testing

@testable import LawCorpus

@Suite("Article alignment") struct ArticleAlignmentTests {
    @Test func dump() throws {
        let old = try RegulationParser(file: Fixture.penalty2017).parse(try #require(try TextFile.read(Fixture.penalty2017))).articles
        let new = Fixture.regulation(Fixture.penaltyTitle, version: "2021").articles
        let a = try ArticleAlignment.align(old: old, new: new)
        var out = ""
        for p in a.pairs { out += "\(p.old) -> \(p.new) \(p.change)\n" }
        out += "added \(a.added)\nremoved \(a.removed)\n"
        try out.write(toFile: "/tmp/align/dump.txt", atomically: true, encoding: .utf8)
    }
}
