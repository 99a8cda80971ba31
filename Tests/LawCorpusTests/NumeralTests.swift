import Testing

@testable import LawCorpus

@Suite("Numerals, dates and text") struct NumeralTests {
    @Test(arguments: [
        ("一", 1), ("十", 10), ("十五", 15), ("二十", 20), ("三十三", 33), ("一百", 100), ("一百零一", 101),
        ("一百二十三", 123), ("八十六", 86), ("两千", 2000), ("二〇二二", 2022), ("33", 33), ("３３", 33),
        ("一万零五", 10_005),
    ])
    func numerals(text: String, value: Int) {
        #expect(ChineseNumeral.parse(text) == value)
    }

    @Test(arguments: ["", "百", "十四五", "3a", "条", "一二三十"])
    func notNumerals(text: String) {
        #expect(ChineseNumeral.parse(text) == nil)
    }

    @Test func calendarDates() throws {
        #expect(CalendarDate.endOfMonth(year: 2022, month: 10)?.description == "2022-10-31")
        #expect(CalendarDate.endOfMonth(year: 2024, month: 2)?.description == "2024-02-29")
        #expect(CalendarDate(iso: "2022-02-30") == nil)
        let date = try #require(CalendarDate(iso: "2022-11-10"))
        #expect(date.weekday == 4)
        #expect(date.adding(days: 21).description == "2022-12-01")
    }

    @Test func datesInText() {
        let dates = DateScanner.dates(in: FoldedText("2021年1月22日修订，二〇二一年七月十五日施行，２０２２年３月１日"))
        #expect(dates.map(\.date.description) == ["2021-01-22", "2021-07-15", "2022-03-01"])
        #expect(MetadataDeriver.effectiveDate(in: "本法自2021年7月15日起施行。") == CalendarDate(iso: "2021-07-15"))
        #expect(MetadataDeriver.versionInFileName("中华人民共和国行政处罚法(2021).md") == "2021")
        #expect(MetadataDeriver.versionInFileName("法（２０１７）.md") == "2017")
        #expect(MetadataDeriver.versionInFileName("法.md") == nil)
    }

    @Test func foldingKeepsPositions() {
        let text = FoldedText("第３３条（二）")
        #expect(text.count == text.original.count)
        #expect(String(text.folded) == "第33条(二)")
        #expect(text.text(1..<3) == "３３")
        #expect(TextSupport.normaliseSpacing("总 则") == "总则")
        #expect(TextSupport.normaliseSpacing(" 行政处罚 the  law ") == "行政处罚 the law")
        #expect(ItemMarker.parse("（十一）其他")?.number == 11)
        #expect(ItemMarker.parse("(三)扣押")?.length == 3)
        #expect(ItemMarker.parse("（注）") == nil)
    }
}
