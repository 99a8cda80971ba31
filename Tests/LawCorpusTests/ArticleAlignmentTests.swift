import Foundation
import Testing

@testable import LawCorpus

@Suite("Article alignment") struct ArticleAlignmentTests {
    @Test func dump() throws {
        let old = try RegulationParser(file: Fixture.penalty2017).parse(try #require(try TextFile.read(Fixture.penalty2017))).articles
        let new = Fixture.regulation(Fixture.penaltyTitle, version: "2021").articles
        let a = try ArticleAlignment.align(old: old, new: new)
        let m = try SimilarityMatrix(old: old, new: new, limits: .init())
        var out = ""
        for p in a.pairs {
            let s = p.old.count == 1 && p.new.count == 1 ? m.similarity(p.old[0] - 1, p.new[0] - 1) : -1
            out += "\(p.old) -> \(p.new) \(p.change) \(String(format: "%.2f", s))\n"
            if s >= 0 && s < 0.55 { out += "   OLD: \(old[p.old[0]-1].text.prefix(80))\n   NEW: \(new[p.new[0]-1].text.prefix(80))\n" }
        }
        out += "added \(a.added)\nremoved \(a.removed)\n"
        try out.write(toFile: "/tmp/align/dump.txt", atomically: true, encoding: .utf8)
    }
}
