import Foundation
import Testing

@testable import LawCorpus

/// Numbers, dates and citations that no input can make overflow.
@Suite("Bounded numbers and dates") struct BoundedNumberTests {
    static let nineteenNines = String(repeating: "九", count: 19)

    // MARK: - Numerals

    @Test func nineteenChineseDigitsAreTooLargeNotATrap() {
        #expect(ChineseNumeral.parse(Self.nineteenNines) == nil)
        #expect(ChineseNumeral.read(Self.nineteenNines) == .tooLarge)
        // Eighteen digits still fit an Int.
        #expect(ChineseNumeral.parse(String(repeating: "九", count: 18)) == 999_999_999_999_999_999)
    }

    @Test(arguments: [
        "9223372036854775808", "9223372036854775809", "99999999999999999999",
        "９２２３３７２０３６８５４７７５８０８", String(repeating: "1", count: 40),
    ])
    func arabicDigitsBeyondIntAreTooLarge(_ text: String) {
        #expect(ChineseNumeral.parse(text) == nil)
        #expect(ChineseNumeral.read(text) == .tooLarge)
    }

    @Test func largestIntStillReads() {
        #expect(ChineseNumeral.parse("9223372036854775807") == Int.max)
    }

    @Test func positionalNumeralsNeedDecreasingUnits() {
        #expect(ChineseNumeral.parse("一亿二千万") == 120_000_000)
        #expect(ChineseNumeral.parse("九千九百九十九亿九千九百九十九万九千九百九十九") == 999_999_999_999)
        #expect(ChineseNumeral.parse("十十") == nil)
        #expect(ChineseNumeral.parse("一百一千") == nil)
        #expect(ChineseNumeral.parse("一万一万") == nil)
        #expect(ChineseNumeral.parse("一万亿") == nil)
        #expect(ChineseNumeral.read("十四五") == .invalid)
    }

    @Test func ordinalsStopAtTheMaximum() {
        #expect(ChineseNumeral.ordinal("十万") == ChineseNumeral.maximumOrdinal)
        #expect(ChineseNumeral.ordinal("十万零一") == nil)
        #expect(ChineseNumeral.parse("十万零一") == 100_001)
        #expect(ChineseNumeral.ordinal("零") == nil)
        #expect(ChineseNumeral.ordinal(Self.nineteenNines) == nil)
    }

    @Test func longRunsOfNumeralCharactersAreNotNumbers() {
        let zeros = "一亿" + String(repeating: "零", count: 40) + "一"
        #expect(ChineseNumeral.read(zeros) == .tooLarge)
        let text = FoldedText("第" + String(repeating: "一", count: 5000) + "条")
        #expect(text.numeral(at: 1) == nil)
        #expect(text.numeralReading(at: 1).end == 5001)
    }

    // MARK: - Citations

    let parser = CitationParser(names: CitationTests.names)

    @Test func anOverflowingArticleIsNoCitation() {
        for text in [
            "《行政处罚法》第\(Self.nineteenNines)条", "行政处罚法第\(Self.nineteenNines)条",
            "《行政处罚法》第9223372036854775807条", "《行政处罚法》第十万零一条",
        ] {
            #expect(parser.citations(in: text, currentDocument: nil).isEmpty, "\(text)")
            #expect(parser.parse(text) == nil, "\(text)")
        }
        #expect(parser.parse("行政处罚法 \(Self.nineteenNines)") == nil)
    }

    @Test func anOverflowingParagraphOrItemLeavesTheArticle() {
        for text in ["《行政处罚法》第三条第\(Self.nineteenNines)款", "《行政处罚法》第三条第（\(Self.nineteenNines)）项"] {
            let citations = parser.citations(in: text, currentDocument: nil)
            #expect(citations.map(\.article) == [3], "\(text)")
            #expect(citations.allSatisfy { $0.paragraph == nil && $0.item == nil }, "\(text)")
        }
    }

    @Test func rangesToHugeNumbersDoNotOverflow() {
        let citations = parser.citations(in: "《行政处罚法》第1条至第9223372036854775807条", currentDocument: nil)
        #expect(citations.map(\.article) == [1])
        let near = parser.citations(in: "《行政处罚法》第99999条至第100000条", currentDocument: nil)
        #expect(near.map(\.article) == [99_999, 100_000])
    }

    @Test func outOfRangeReferencesAreReported() {
        let text = "依据《行政处罚法》第\(Self.nineteenNines)条、第三十三条和第（100001）项"
        #expect(parser.outOfRangeReferences(in: text) == ["第\(Self.nineteenNines)条", "第（100001）项"])
        #expect(parser.outOfRangeReferences(in: "《行政处罚法》第三十三条第一款").isEmpty)
    }

    @Test func typedCitationsAreBounded() {
        #expect(parser.parse("行政处罚法第三十三条")?.article == 33)
        let long = "行政处罚法" + String(repeating: "第一条、", count: 400) + "第一条X"
        #expect(parser.parse(long) == nil)
    }

    @Test func articleHeadingsWithHugeNumbersAreText() throws {
        let text = MalformedTests.valid.replacingOccurrences(
            of: "第二条 本条例自", with: "第二条 本条例自2022年3月1日起施行。\n\n第\(Self.nineteenNines)条 本条例自")
        let parsed = try RegulationParser(file: "x.md").parse(text)
        #expect(parsed.articles.map(\.number) == [1, 2])
        #expect(ItemMarker.parse("（\(Self.nineteenNines)）其他") == nil)
    }

    // MARK: - Dates

    @Test(arguments: [
        "1899-12-31", "2201-01-01", "0001-01-01", "9999-12-31", "+022-01-01", "2022-+1-01",
        "2022-01-+1", "２０２２-01-01", "20221-01-01", "2022-1-01",
    ])
    func isoDatesOutsideTheYearsOrForm(_ text: String) {
        #expect(CalendarDate(iso: text) == nil)
    }

    @Test func isoDatesAtTheEdges() {
        #expect(CalendarDate(iso: "1900-01-01")?.description == "1900-01-01")
        #expect(CalendarDate(iso: "2200-12-31")?.description == "2200-12-31")
    }

    @Test func datesInTextHaveYearsInRange() {
        let text = FoldedText("1899年1月1日、二二〇一年一月一日、9999年12月31日、九九九九九九九九九九九九九九九九九九九年一月一日、2022年10月31日")
        #expect(DateScanner.dates(in: text).map(\.date.description) == ["2022-10-31"])
    }

    @Test func deadlinesIgnoreYearsOutOfRange() {
        let expressions = DeadlineExtractor(year: 2022).timeExpressions(in: FoldedText("9999年10月底前完成，\(Self.nineteenNines)年底前完成"))
        #expect(expressions.allSatisfy { $0.due.map { CalendarDate.parsedYears.contains($0.year) } ?? true })
        #expect(MetadataDeriver.versionInFileName("法(9999).md") == nil)
    }

    @Test func dayArithmeticSaturatesInsteadOfOverflowing() throws {
        let day = try #require(CalendarDate(iso: "2022-10-31"))
        #expect(day.adding(days: Int.max).description == "9999-12-31")
        #expect(day.adding(days: Int.min).description == "0001-01-01")
        #expect(CalendarDate(daysSinceEpoch: Int.max).description == "9999-12-31")
        #expect(CalendarDate(daysSinceEpoch: Int.min).description == "0001-01-01")
        let last = try #require(CalendarDate(year: 9999, month: 12, day: 31))
        #expect(last.adding(days: 1) == last)
        #expect(day.adding(days: 10_000).adding(days: -10_000) == day)
    }

    @Test func decodingRejectsYearsOutOfRange() {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([CalendarDate].self, from: Data(#"["3000-01-01"]"#.utf8)) }
    }

    @Test func deadlinesInAClauseOfPagesKeepTheirTasksShort() {
        // 1000 relative deadlines in one clause: each task is the neighbourhood of its
        // expression, not a copy of the whole clause (which made memory grow with its square).
        let text = String(repeating: "完成后5日内", count: 1000)
        let deadlines = DeadlineExtractor(year: 2022).deadlines(in: [PlanParagraph(line: 3, text: text, measure: "一、（一）")])
        #expect(deadlines.count == 1000)
        let longest = deadlines.map(\.task.count).max() ?? 0
        #expect(longest <= 2 * DeadlineExtractor.maximumEventDistance + 10)
        #expect(deadlines.first?.rule == "完成后5日内")
    }

    // MARK: - Amounts

    @Test func hugeAmountsAreNotRead() {
        #expect(AmountRange.ranges(in: "处9999999999999999999999元以上罚款").isEmpty)
        #expect(AmountRange.ranges(in: "处\(String(repeating: "9", count: 400))元罚款").isEmpty)
        #expect(AmountRange.ranges(in: "处九九九九九九九九九九九九九九九九九九九万元罚款").isEmpty)
        #expect(AmountRange.ranges(in: "处1000元以上5000元以下罚款").map(\.description) == ["1000–5000 元"])
    }

    @Test func anyAmountCanBeDescribed() {
        for value in [1e300, -1e300, .infinity, -.infinity, .nan, Double(Int.max), 1e15, 0.5] {
            #expect(!AmountRange(lower: value, upper: nil, unit: "元", text: "").description.isEmpty)
        }
    }
}
