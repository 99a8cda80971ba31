import Testing

@testable import LawCorpus

@Suite("Masking personal numbers") struct SensitiveNumberMaskerTests {
    let masker = SensitiveNumberMasker()

    @Test(
        "numbers written as one run",
        arguments: [
            ("联系人：达古拉 15047134088", "联系人：达古拉 150****4088"),
            ("电话15047134088。", "电话150****4088。"),
            ("+8615047134088", "+86150****4088"),
            ("１５０４７１３４０８８", "１５０****４０８８"),
            ("tel:13900001234,", "tel:139****1234,"),
            ("04778888888", "0477***8888"),
            ("身份证号110101199003071234。", "身份证号110101********1234。"),
            ("11010119900307123X", "110101********123X"),
            ("11010119900307123x号", "110101********123x号"),
            ("身份证号码１５０１０２１９９００１０１１２３Ｘ，", "身份证号码１５０１０２********１２３Ｘ，"),
            ("当事人王某（身份证号150102900101123）到场", "当事人王某（身份证号150102******123）到场"),
        ])
    func runs(_ input: String, _ expected: String) {
        #expect(masker.mask(input) == expected)
        #expect(masker.containsSensitiveNumber(input))
    }

    @Test(
        "mobile numbers written in groups, with any separator",
        arguments: [
            ("150 4713 4088", "150 **** 4088"),
            ("150-4713-4088", "150-****-4088"),
            ("150.4713.4088", "150.****.4088"),
            ("150 47134088", "150 ****4088"),
            ("1504713 4088", "150**** 4088"),
            ("150\u{00A0}4713\u{00A0}4088", "150\u{00A0}****\u{00A0}4088"),
            ("150\u{3000}4713\u{3000}4088", "150\u{3000}****\u{3000}4088"),
            ("150\u{2009}4713\u{202F}4088", "150\u{2009}****\u{202F}4088"),
            ("150\u{2013}4713\u{2014}4088", "150\u{2013}****\u{2014}4088"),
            ("150\u{2212}4713\u{FF0D}4088", "150\u{2212}****\u{FF0D}4088"),
            ("150 - 4713 - 4088", "150 - **** - 4088"),
            ("１５０－４７１３－４０８８", "１５０－****－４０８８"),
            ("150\u{200B}4713\u{200B}4088", "150\u{200B}****\u{200B}4088"),
            ("+86 150 4713 4088", "+86 150 **** 4088"),
            ("联系电话：150-4713-4088（工作日）", "联系电话：150-****-4088（工作日）"),
        ])
    func groupedMobiles(_ input: String, _ expected: String) {
        #expect(masker.mask(input) == expected)
    }

    @Test(
        "fixed-line numbers with an area code, bracketed or not",
        arguments: [
            ("0477-8888888", "0477-***8888"),
            ("010-12345678", "010-****5678"),
            ("0477-8123456", "0477-***3456"),
            ("0477 8123456", "0477 ***3456"),
            ("0477.8123456", "0477.***3456"),
            ("0477\u{00A0}8123456", "0477\u{00A0}***3456"),
            ("(0477)8123456", "(0477)***3456"),
            ("（0477）8123456", "（0477）***3456"),
            ("(0477) 8123456", "(0477) ***3456"),
            ("（０４７７）８１２３４５６", "（０４７７）***３４５６"),
            ("010-8888 6666", "010-**** 6666"),
            ("举报电话：0477-8123456转801", "举报电话：0477-***3456转801"),
        ])
    func fixedLines(_ input: String, _ expected: String) {
        #expect(masker.mask(input) == expected)
    }

    @Test(
        "身份证 numbers written in groups, 18 and 15 digits",
        arguments: [
            ("150102 19900101 1234", "150102 ******** 1234"),
            ("150102 1990 0101 1234", "150102 **** **** 1234"),
            ("150102-19900101-123X", "150102-********-123X"),
            ("150102\u{3000}19900101\u{3000}1234", "150102\u{3000}********\u{3000}1234"),
            ("150 102 1990 0101 1234", "150 102 **** **** 1234"),
            ("150102 900101 123", "150102 ****** 123"),
            ("150102900101123", "150102******123"),
        ])
    func groupedIdentityNumbers(_ input: String, _ expected: String) {
        #expect(masker.mask(input) == expected)
    }

    @Test(
        "highlight marks never split a number; the marks are kept",
        arguments: [
            // Snippet markers as the query layer returns them.
            ("150-4713-\u{E000}4088\u{E001}", "150-****-\u{E000}4088\u{E001}"),
            ("\u{E000}150\u{E001}-\u{E000}4713\u{E001}-4088", "\u{E000}150\u{E001}-\u{E000}****\u{E001}-4088"),
            // The JSON API's brackets.
            ("150-4713-[4088]", "150-****-[4088]"),
            ("0477-[8123456]", "0477-[***3456]"),
            ("[0477]-8123456", "[0477]-***3456"),
            ("150 [4713] 4088", "150 [****] 4088"),
            ("150471[3408]8", "150***[*408]8"),
            ("150102 [19900101] 1234", "150102 [********] 1234"),
            // The pages' <mark>.
            ("150-4713-<mark>4088</mark>", "150-****-<mark>4088</mark>"),
            ("<mark>150</mark>.<mark>4713</mark>.4088", "<mark>150</mark>.<mark>****</mark>.4088"),
            ("(<mark>0477</mark>)8123456", "(<mark>0477</mark>)***3456"),
            ("150102<mark>900101</mark>123", "150102<mark>******</mark>123"),
        ])
    func highlights(_ input: String, _ expected: String) {
        #expect(masker.mask(input) == expected)
    }

    @Test(
        "separators written as escapes in JSON, URLs and HTML",
        arguments: [
            (#"150\u00a04713\u00a04088"#, #"150\u00a0****\u00a04088"#),
            (#"150\u30004713\u30004088"#, #"150\u3000****\u30004088"#),
            ("q=150%204713%204088", "q=150%20****%204088"),
            ("q=150+4713+4088", "q=150+****+4088"),
            ("q=150%E3%80%804713%E3%80%804088", "q=150%E3%80%80****%E3%80%804088"),
            ("150&nbsp;4713&nbsp;4088", "150&nbsp;****&nbsp;4088"),
            ("150&#160;4713&#x3000;4088", "150&#160;****&#x3000;4088"),
        ])
    func escapedSeparators(_ input: String, _ expected: String) {
        #expect(masker.mask(input) == expected)
    }

    @Test("a list item as a public page would show it")
    func listItem() {
        let text = """
            违法行为：未按规定公示年度报告
            备注：承办人王某某，手机150 4713 4088，办公电话（0477）8123456；\
            当事人身份证号150102 19900101 123X，旧证150102900101123。
            依据乌司发〔2022〕11号，2022年10月31日起施行，罚款2000元以上1万元以下。
            """
        let expected = """
            违法行为：未按规定公示年度报告
            备注：承办人王某某，手机150 **** 4088，办公电话（0477）***3456；\
            当事人身份证号150102 ******** 123X，旧证150102******123。
            依据乌司发〔2022〕11号，2022年10月31日起施行，罚款2000元以上1万元以下。
            """
        #expect(masker.mask(text) == expected)
        #expect(masker.mask(expected) == expected, "masking twice changes nothing")
    }

    @Test(
        "other numbers are left alone",
        arguments: [
            "乌司发〔2022〕11号", "乌司发[2022]11号", "2022年5月15日", "2022-03-28", "2022-10-31", "2022.10.31",
            "2022 10 31", "第3条", "第一百五十条", "12345678901", "215047134088", "150471340881", "1504713408",
            "91150626MA0N8XYZ12", "911506261234567890123", "91150602701452417X", "911506027014524170",
            "5号楼B座303室", "20221031", "0477-123456", "罚款15,000,000元", "罚款1500万元", "金额 150 000 000 元",
            "面积 1 504.71 平方米", "第150条第4713款", "150-47-134088", "15 04 71 34 088", "1-3-5-7-9-11",
            "1504 7134 0881", "文号 15047134088001", "v1.2.3", "12.5%", "版本 2021.01.22.01",
            "150102 99999999 1234", "1501021990130112", "100 200 300 400", "400-810-8888", "00477 8123456",
            "0477-0123456",
        ])
    func leaves(_ input: String) {
        #expect(masker.mask(input) == input)
        #expect(!masker.containsSensitiveNumber(input))
    }

    @Test("a number is masked wherever it stands among other numbers")
    func amongNumbers() {
        #expect(masker.mask("2022-10-31 15047134088") == "2022-10-31 150****4088")
        #expect(masker.mask("86 150 4713 4088 2022") == "86 150 **** 4088 2022")
        #expect(masker.mask("[2022]15047134088") == "[2022]150****4088")
        #expect(masker.mask("15047134088、13900001234、0477-8123456") == "150****4088、139****1234、0477-***3456")
    }

    @Test("hostile text is read in one pass")
    func hostile() {
        // Long runs of separators, marks, digits and brackets: no number, nothing masked,
        // and nothing that makes the scan revisit the text.
        let pieces = [
            String(repeating: "1 ", count: 200_000), String(repeating: "[", count: 200_000),
            String(repeating: "9", count: 500_000), String(repeating: "(0", count: 100_000),
            String(repeating: "150-", count: 100_000), String(repeating: "\\u00", count: 50_000),
            String(repeating: "%E3%80", count: 50_000), String(repeating: "&#", count: 50_000),
            String(repeating: "<mark", count: 50_000),
        ]
        for piece in pieces {
            #expect(masker.mask(piece) == piece)
        }
        // A 5 MB body of list text with a number in every line: every one masked.
        let line = "违法行为：未按规定公示，承办人电话150-4713-[4088]，身份证号150102 19900101 1234。\n"
        let body = String(repeating: line, count: 5_000_000 / line.utf8.count)
        let masked = masker.mask(body)
        #expect(!masked.contains("4713"))
        #expect(!masked.contains("19900101"))
        #expect(masked.utf8.count == body.utf8.count)
    }
}
