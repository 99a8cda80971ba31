import Foundation
import Testing

@testable import LawCorpus

/// The amounts found by hand (``AmountRange/AmountMatch``) are the matches of the regex they
/// stand for, on penalty clauses of the shipped laws and on random texts of the characters
/// that matter.
@Suite("Amounts in penalty texts") struct AmountMatchTests {
    static func regexMatches(_ text: String) -> [String] {
        let regex = #/(?<number>[0-9]+(?:\.[0-9]+)?|[〇零一二两三四五六七八九十百千]+)(?<scale>[万千])?(?<unit>[元倍])/#
        return text.matches(of: regex).map { match in
            "\(text.distance(from: text.startIndex, to: match.range.lowerBound))+\(match.0.count):"
                + "\(match.output.number)|\(match.output.scale ?? "-")|\(match.output.unit)"
        }
    }

    static func handMatches(_ text: String) -> [String] {
        AmountRange.AmountMatch.all(in: text).map { match in
            "\(text.distance(from: text.startIndex, to: match.range.lowerBound))+\(text[match.range].count):"
                + "\(match.number)|\(match.scale ?? "-")|\(match.unit)"
        }
    }

    @Test func theShippedLawsPenaltiesGiveTheRegexMatches() {
        var found = 0
        for regulation in Fixture.loaded.regulations {
            for article in regulation.articles where article.text.contains("元") || article.text.contains("倍") {
                let text = article.text.precomposedStringWithCompatibilityMapping
                let expected = Self.regexMatches(text)
                #expect(Self.handMatches(text) == expected, "\(regulation.metadata.title) \(article.label)")
                found += expected.count
            }
        }
        #expect(found > 500)
    }

    @Test func randomTextsGiveTheRegexMatches() {
        let alphabet: [String] = [
            "0", "1", "5", "9", ".", "一", "二", "十", "百", "千", "万", "两", "〇", "零", "元", "倍", "罚", "以", "上", "下",
            "至", "-", " ", "\u{301}", "１", "亿",
        ]
        var random = SplitMix64(seed: 5)
        for _ in 0..<4000 {
            let text = (0..<(1 + random.next(below: 14))).map { _ in alphabet[random.next(below: alphabet.count)] }.joined()
            #expect(Self.handMatches(text) == Self.regexMatches(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    /// A failed run of digits or numerals is skipped whole: a long one is read in one pass.
    @Test func longRunsOfNumeralsAreReadOnce() {
        let numerals = String(repeating: "一", count: 50_000)
        #expect(AmountRange.AmountMatch.all(in: numerals + "人").isEmpty)
        #expect(AmountRange.AmountMatch.all(in: numerals + "元").count == 1)
        let digits = String(repeating: "7", count: 50_000)
        #expect(AmountRange.AmountMatch.all(in: digits + "." + digits + "人").isEmpty)
        for text in ["12.34.5元", "1.2.3.4倍", "一二.5千元", "5.千元"] {
            #expect(Self.handMatches(text) == Self.regexMatches(text), "\(text)")
        }
    }
}
