import Foundation
import Testing

@testable import LawCorpus

/// The statutory-penalty reader on the penalty articles the shipped benchmarks cite (quoted
/// verbatim from the official texts in `Corpus/regulations/`), and the level check on
/// constructed levels.
@Suite("StatutoryPenalty") struct StatutoryPenaltyTests {
    // MARK: Articles, verbatim

    /// 中华人民共和国道路运输条例 (2022) 第六十三条.
    static let transport2022Article63 =
        "第六十三条 违反本条例的规定，未取得道路运输经营许可，擅自从事道路运输经营的，由县级以上地方人民政府交通运输主管部门责令停止经营；有违法所得的，没收违法所得，处违法所得2倍以上10"
        + "倍以下的罚款；没有违法所得或者违法所得不足2万元的，处3万元以上10万元以下的罚款；构成犯罪的，依法追究刑事责任。"
    /// 中华人民共和国道路运输条例 (2022) 第六十八条.
    static let transport2022Article68 = "第六十八条 违反本条例的规定，客运经营者、货运经营者不按照规定携带车辆营运证的，由县级以上地方人民政府交通运输主管部门责令改正，处警告或者20元以上200元以下的罚款。"
    /// 中华人民共和国道路运输条例 (2022) 第六十九条.
    static let transport2022Article69 = """
        第六十九条 违反本条例的规定，客运经营者、货运经营者有下列情形之一的，由县级以上地方人民政府交通运输主管部门责令改正，处1000元以上3000元以下的罚款；情节严重的，由原许可机关吊销道路运输经营许可证：
        （一）不按批准的客运站点停靠或者不按规定的线路、公布的班次行驶的；
        （二）强行招揽旅客、货物的；
        （三）在旅客运输途中擅自变更运输车辆或者将旅客移交他人运输的；
        （四）未报告原许可机关，擅自终止客运经营的；
        （五）没有采取必要措施防止货物脱落、扬撒等的。
        """
    /// 中华人民共和国道路运输条例 (2022) 第七十条, its two paragraphs.
    static let transport2022Article70 = [
        "第七十条 违反本条例的规定，客运经营者、货运经营者不按规定维护和检测运输车辆的，由县级以上地方人民政府交通运输主管部门责令改正，处1000元以上5000元以下的罚款。",
        "违反本条例的规定，客运经营者、货运经营者擅自改装已取得车辆营运证的车辆的，由县级以上地方人民政府交通运输主管部门责令改正，处5000元以上2万元以下的罚款。",
    ]
    /// 中华人民共和国食品安全法 (2021) 第一百二十四条, first paragraph (items omitted) and the
    /// two that apply it.
    static let food2021Article124 = [
        "第一百二十四条 违反本法规定，有下列情形之一，尚不构成犯罪的，由县级以上人民政府食品安全监督管理部门没收违法所得和违法生产经营的食品、食品添加剂，并可以没收用于违法生产经营的工具、"
            + "设备、原料等物品；违法生产经营的食品、食品添加剂货值金额不足一万元的，并处五万元以上十万元以下罚款；货值金额一万元以上的，并处货值金额十倍以上二十倍以下罚款；情节严重的，吊销许可证"
            + "：",
        "除前款和本法第一百二十三条、第一百二十五条规定的情形外，生产经营不符合法律、法规或者食品安全标准的食品、食品添加剂的，依照前款规定给予处罚。",
        "生产食品相关产品新品种，未通过安全性评估，或者生产不符合食品安全标准的食品相关产品的，由县级以上人民政府食品安全监督管理部门依照第一款规定给予处罚。",
    ]
    /// 中华人民共和国食品安全法 (2021) 第一百二十五条第二款.
    static let food2021Article125Paragraph2 = "生产经营的食品、食品添加剂的标签、说明书存在瑕疵但不影响食品安全且不会对消费者造成误导的，由县级以上人民政府食品安全监督管理部门责令改正；拒不改正的，处二千元以下罚款。"
    /// 中华人民共和国食品安全法 (2021) 第一百二十六条 first paragraph (items omitted) and 第四款.
    static let food2021Article126 = [
        "第一百二十六条 违反本法规定，有下列情形之一的，由县级以上人民政府食品安全监督管理部门责令改正，给予警告；拒不改正的，处五千元以上五万元以下罚款；情节严重的，责令停产停业，直至吊销许可证：",
        "食用农产品销售者违反本法第六十五条规定的，由县级以上人民政府食品安全监督管理部门依照第一款规定给予处罚。",
    ]
    /// 中华人民共和国安全生产法 (2021) 第九十七条, chapeau.
    static let safety2021Article97 =
        "第九十七条 生产经营单位有下列行为之一的，责令限期改正，处十万元以下的罚款；逾期未改正的，责令停产停业整顿，并处十万元以上二十万元以下的罚款，对其直接负责的主管人员和其他直接责任人员处二万元以上五万元以下的罚款:"
    /// 中华人民共和国大气污染防治法 (2018) 第九十九条, chapeau.
    static let air2018Article99 = "第九十九条 违反本法规定，有下列行为之一的，由县级以上人民政府生态环境主管部门责令改正或者限制生产、停产整治，并处十万元以上一百万元以下的罚款；情节严重的，报经有批准权的人民政府批准，责令停业、关闭："
    /// 中华人民共和国固体废物污染环境防治法 (2020) 第一百零三条: the individuals named in a clause of their own.
    static let waste2020Article103 =
        "第一百零三条 违反本法规定，以拖延、围堵、滞留执法人员等方式拒绝、阻挠监督检查，或者在接受监督检查时弄虚作假的，由生态环境主管部门或者其他负有固体废物污染环境防治监督管理职责的部门"
        + "责令改正，处五万元以上二十万元以下的罚款；对直接负责的主管人员和其他直接责任人员，处二万元以上十万元以下的罚款。"
    /// 中华人民共和国道路交通安全法 (2021) 第九十五条: penalties by reference.
    static let traffic2021Article95 = [
        "第九十五条 上道路行驶的机动车未悬挂机动车号牌，未放置检验合格标志、保险标志，或者未随车携带行驶证、驾驶证的，公安机关交通管理部门应当扣留机动车，通知当事人提供相应的牌证、标志或者"
            + "补办相应手续，并可以依照本法第九十条的规定予以处罚。当事人提供相应的牌证、标志或者补办相应手续的，应当及时退还机动车。",
        "故意遮挡、污损或者不按规定安装机动车号牌的，依照本法第九十条的规定予以处罚。",
    ]
    /// 中华人民共和国公路法 (2017) 第七十八条.
    static let highway2017Article78 = "第七十八条 违反本法第五十三条规定，造成公路损坏，未报告的，由交通主管部门处一千元以下的罚款。"
    /// 中华人民共和国农产品质量安全法 (2018) 第五十条.
    static let farm2018Article50 =
        "第五十条 农产品生产企业、农民专业合作经济组织销售的农产品有本法第三十三条第一项至第三项或者第五项所列情形之一的，责令停止销售，追回已经销售的农产品，对违法销售的农产品进行无害化处理或者予以监督销毁；没收违法所得，并处二千元以上二万元以下罚款。"
    /// 中华人民共和国道路运输条例 (2023) 第六十三条, chapeau and item (一).
    static let transport2023Article63 = """
        第六十三条 违反本条例的规定，有下列情形之一的，由县级以上地方人民政府交通运输主管部门责令停止经营，并处罚款；构成犯罪的，依法追究刑事责任：
        （一）未取得道路运输经营许可，擅自从事道路普通货物运输经营，违法所得超过1万元的，没收违法所得，处违法所得1倍以上5倍以下的罚款；没有违法所得或者违法所得不足1万元的，处3000元以上1万元以下的罚款，情节严重的，处1万元以上5万元以下的罚款；
        """

    static func yuan(_ lower: Double?, _ upper: Double?) -> (Double?, Double?, String, String?) { (lower, upper, "元", nil) }
    static func times(_ lower: Double?, _ upper: Double?, of base: String) -> (Double?, Double?, String, String?) {
        (lower, upper, "倍", base)
    }

    /// The ranges as (lower, upper, unit, base) for comparison.
    static func shape(_ ranges: [AmountRange]) -> [String] {
        ranges.map { "\($0.of ?? "")\($0.lower.map { String($0) } ?? "-")…\($0.upper.map { String($0) } ?? "-")\($0.unit)" }
    }

    static func shape(_ expected: [(Double?, Double?, String, String?)]) -> [String] {
        shape(expected.map { AmountRange(lower: $0.0, upper: $0.1, unit: $0.2, of: $0.3, text: "") })
    }

    // MARK: Reading statutes

    @Test func multiplesAndConditionsOfTransport63() {
        let penalty = StatutoryPenalty.read(Self.transport2022Article63)
        #expect(Self.shape(penalty.fines) == Self.shape([Self.times(2, 10, of: "违法所得"), Self.yuan(30_000, 100_000)]))
        // 责令停止经营 orders the unlicensed business to stop: not a penalty kind.
        #expect(penalty.sanctions == [.fine, .confiscateIllegalGains])
        #expect(penalty.references.isEmpty && penalty.responsiblePersonFines.isEmpty)
    }

    @Test func warningOrFineOfTransport68() {
        let penalty = StatutoryPenalty.read(Self.transport2022Article68)
        #expect(penalty.sanctions == [.warning, .fine])
        #expect(Self.shape(penalty.fines) == Self.shape([Self.yuan(20, 200)]))
    }

    @Test func revocationWhenSeriousOfTransport69() {
        let penalty = StatutoryPenalty.read(Self.transport2022Article69)
        #expect(penalty.sanctions == [.fine, .revokeLicence])
        #expect(Self.shape(penalty.fines) == Self.shape([Self.yuan(1000, 3000)]))
    }

    @Test func paragraphsOfTransport70() {
        let first = StatutoryPenalty.read(Self.transport2022Article70[0])
        let second = StatutoryPenalty.read(Self.transport2022Article70[1])
        #expect(Self.shape(first.fines) == Self.shape([Self.yuan(1000, 5000)]))
        #expect(Self.shape(second.fines) == Self.shape([Self.yuan(5000, 20_000)]))
        let whole = StatutoryPenalty.read(Self.transport2022Article70.joined(separator: "\n"))
        #expect(Self.shape(whole.fines) == Self.shape([Self.yuan(1000, 5000), Self.yuan(5000, 20_000)]))
    }

    @Test func goodsValueOfFood124() {
        let penalty = StatutoryPenalty.read(Self.food2021Article124[0])
        // 货值金额不足一万元 and 一万元以上 are conditions, not fines.
        #expect(Self.shape(penalty.fines) == Self.shape([Self.yuan(50_000, 100_000), Self.times(10, 20, of: "货值金额")]))
        #expect(penalty.sanctions == [.fine, .confiscateIllegalGains, .confiscateIllegalProperty, .revokeLicence])
        #expect(StatutoryPenalty.read(Self.food2021Article124[1]).references == [.precedingParagraph])
        #expect(StatutoryPenalty.read(Self.food2021Article124[2]).references == [.paragraph(number: 1)])
    }

    @Test func warningThenFineOfFood126() {
        let first = StatutoryPenalty.read(Self.food2021Article126[0])
        #expect(first.sanctions == [.warning, .fine, .suspendBusiness, .revokeLicence])
        #expect(Self.shape(first.fines) == Self.shape([Self.yuan(5000, 50_000)]))
        let fourth = StatutoryPenalty.read(Self.food2021Article126[1])
        #expect(fourth.sanctions.isEmpty && fourth.references == [.paragraph(number: 1)])
        #expect(fourth.merging(first).sanctions == first.sanctions)
    }

    @Test func chineseNumeralAmounts() {
        #expect(Self.shape(StatutoryPenalty.read(Self.food2021Article125Paragraph2).fines) == Self.shape([Self.yuan(nil, 2000)]))
        #expect(Self.shape(StatutoryPenalty.read(Self.highway2017Article78).fines) == Self.shape([Self.yuan(nil, 1000)]))
        let farm = StatutoryPenalty.read(Self.farm2018Article50)
        #expect(Self.shape(farm.fines) == Self.shape([Self.yuan(2000, 20_000)]))
        // 追回, 无害化处理, 监督销毁 are not penalty kinds.
        #expect(farm.sanctions == [.fine, .confiscateIllegalGains])
        #expect(Self.shape(StatutoryPenalty.read("处一万五千元罚款").fines) == Self.shape([Self.yuan(15_000, 15_000)]))
    }

    @Test func unitAndResponsiblePersonsOfSafety97() {
        let penalty = StatutoryPenalty.read(Self.safety2021Article97)
        #expect(Self.shape(penalty.fines) == Self.shape([Self.yuan(nil, 100_000), Self.yuan(100_000, 200_000)]))
        #expect(Self.shape(penalty.responsiblePersonFines) == Self.shape([Self.yuan(20_000, 50_000)]))
        #expect(penalty.sanctions == [.fine, .suspendBusiness])
    }

    @Test func responsiblePersonsInAClauseOfTheirOwn() {
        let penalty = StatutoryPenalty.read(Self.waste2020Article103)
        #expect(Self.shape(penalty.fines) == Self.shape([Self.yuan(50_000, 200_000)]))
        #expect(Self.shape(penalty.responsiblePersonFines) == Self.shape([Self.yuan(20_000, 100_000)]))
    }

    @Test func restrictionAndClosureOfAir99() {
        let penalty = StatutoryPenalty.read(Self.air2018Article99)
        #expect(penalty.sanctions == [.restrictActivities, .suspendBusiness, .fine, .closeDown])
        #expect(Self.shape(penalty.fines) == Self.shape([Self.yuan(100_000, 1_000_000)]))
    }

    @Test func references() {
        let penalty = StatutoryPenalty.read(Self.traffic2021Article95.joined(separator: "\n"))
        #expect(penalty.references == [.article(number: 90, paragraph: nil)])
        #expect(penalty.articleReferences == [90])
        #expect(penalty.sanctions.isEmpty)
        #expect(
            StatutoryPenalty.read("依照本条例第六十三条第二款、第六十五条的规定处罚。").references
                == [.article(number: 63, paragraph: 2), .article(number: 65, paragraph: nil)])
        // Not a reference for the penalty: 除……规定的情形外.
        #expect(StatutoryPenalty.read("除本法第一百二十三条规定的情形外，处二千元以下罚款").references.isEmpty)
    }

    @Test func multiplesInAnItemAndAFineWithoutAmount() {
        let penalty = StatutoryPenalty.read(Self.transport2023Article63)
        #expect(
            Self.shape(penalty.fines)
                == Self.shape([
                    Self.times(1, 5, of: "违法所得"), Self.yuan(3000, 10_000), Self.yuan(10_000, 50_000),
                ]))
        #expect(StatutoryPenalty.read("责令停止经营，并处罚款").hasFine)
    }

    @Test func oneItemOfAParagraph() {
        let item2 = "（二）未取得道路运输经营许可，擅自从事道路客运经营，违法所得超过2万元的，没收违法所得，处违法所得2倍以上10倍以下的罚款；没有违法所得或者违法所得不足2万元的，处1万元以上10万元以下的罚款；"
        let paragraph = Self.transport2023Article63 + "\n" + item2
        let first = StatutoryPenalty.read(paragraph, item: 1)
        #expect(
            Self.shape(first.fines)
                == Self.shape([
                    Self.times(1, 5, of: "违法所得"), Self.yuan(3000, 10_000), Self.yuan(10_000, 50_000),
                ]))
        let second = StatutoryPenalty.read(paragraph, item: 2)
        #expect(Self.shape(second.fines) == Self.shape([Self.times(2, 10, of: "违法所得"), Self.yuan(10_000, 100_000)]))
        // 6万元 is within item (二) but not item (一).
        let level = BenchmarkLevel(level: "严重", penalty: "责令停止经营，处6万元罚款")
        #expect(!LevelCheck.check(level, against: first).isWithinLaw)
        #expect(LevelCheck.check(level, against: second).isWithinLaw)
        // The penalty in the lead-in applies to every item.
        #expect(Self.shape(StatutoryPenalty.read(Self.transport2022Article69, item: 5).fines) == Self.shape([Self.yuan(1000, 3000)]))
        #expect(StatutoryPenalty.read(Self.transport2022Article69, item: 9) == StatutoryPenalty.read(Self.transport2022Article69))
    }

    @Test func negatedAndConditionalMeasuresAreNotNamed() {
        #expect(SanctionKind.named(in: "责令改正，不予罚款").isEmpty)
        #expect(SanctionKind.named(in: "责令改正；责令限期改正；责令停止违法行为；责令停止经营").isEmpty)
        #expect(SanctionKind.named(in: "被吊销许可证的食品生产经营者").isEmpty)
        #expect(SanctionKind.named(in: "一年内因同类违法行为受到罚款处罚的").isEmpty)
        #expect(SanctionKind.named(in: "擅自关闭污染防治设施的").isEmpty)
        #expect(SanctionKind.named(in: "未设置警告标志的").isEmpty)
        #expect(SanctionKind.named(in: "吊销营业执照") == [.revokeLicence])
        #expect(SanctionKind.named(in: "暂扣机动车驾驶证") == [.suspendLicence])
        #expect(SanctionKind.named(in: "责令停业整顿") == [.suspendBusiness])
        #expect(SanctionKind.named(in: "没收违法生产的产品和用于违法生产的工具、设备") == [.confiscateIllegalProperty])
        #expect(SanctionKind.named(in: "其直接负责的主管人员和其他直接责任人员5年内不得从事原备案的业务") == [.restrictEmployment])
        #expect(SanctionKind.named(in: "处五日以上十日以下拘留") == [.detention])
        #expect(SanctionKind.named(in: "予以通报批评，降低资质等级") == [.circulatedCriticism, .lowerQualification])
    }

    @Test func amountsAfterTheWordAndFullWidthDigits() {
        #expect(Self.shape(StatutoryPenalty.read("处罚款人民币3000元").fines) == Self.shape([Self.yuan(3000, 3000)]))
        #expect(Self.shape(StatutoryPenalty.read("处１０００元以上５０００元以下的罚款").fines) == Self.shape([Self.yuan(1000, 5000)]))
        #expect(
            Self.shape(StatutoryPenalty.read("并处违法生产、销售产品货值金额等值以上三倍以下的罚款").fines)
                == Self.shape([Self.times(1, 3, of: "货值金额")]))
    }

    // MARK: Checking levels

    static func check(_ penalty: String, against statute: String) -> LevelCheck {
        LevelCheck.check(BenchmarkLevel(level: "一般", penalty: penalty), against: StatutoryPenalty.read(statute))
    }

    @Test func levelWithinRange() {
        let result = Self.check("责令停止经营，处3万元以上5万元以下罚款", against: Self.transport2022Article63)
        #expect(result.findings.isEmpty && result.isWithinLaw)
        let multiple = Self.check("责令停止经营，没收违法所得，处违法所得2倍以上10倍以下罚款", against: Self.transport2022Article63)
        #expect(multiple.isWithinLaw && multiple.findings.isEmpty)
        // 以上/以下 include the bound; a single amount is a range of one.
        #expect(Self.check("处3000元罚款，由原许可机关吊销道路运输经营许可证", against: Self.transport2022Article69).findings.isEmpty)
        #expect(Self.check("处1000元以下罚款", against: Self.food2021Article125Paragraph2).findings.isEmpty)
    }

    @Test func levelOutsideRangeIsFlagged() throws {
        let result = Self.check("责令改正，处5000元以上20000元以下罚款", against: Self.transport2022Article69)
        #expect(!result.isWithinLaw)
        let finding = try #require(result.findings.first)
        #expect(finding.code == "fine_outside_range")
        #expect(finding.chineseDescription == "罚款 5000–20000 元超出法定幅度（1000–3000 元）")
        // An open upper end is not within a bounded range.
        #expect(!Self.check("处1000元以上罚款", against: Self.transport2022Article69).isWithinLaw)
        // Amounts of the level's conditions are not its fine.
        #expect(Self.check("违法所得不足50万元的，处2000元罚款", against: Self.transport2022Article69).isWithinLaw)
    }

    @Test func sanctionTheArticleLacksIsFlagged() throws {
        let result = Self.check("处1000元罚款，吊销道路运输经营许可证", against: Self.transport2022Article70[0])
        #expect(result.findings == [.sanctionNotProvided(.revokeLicence)])
        #expect(result.findings.first?.chineseDescription == "法条未规定“吊销许可证件”")
        #expect(result.findings.first?.code == "sanction_not_provided")
        let fine = Self.check("处100元罚款", against: "由公安机关交通管理部门处警告")
        #expect(fine.findings == [.sanctionNotProvided(.fine)])
    }

    @Test func yuanAgainstMultiplesIsNotComparable() throws {
        let statute = "没收违法所得，处违法所得1倍以上5倍以下的罚款"
        let result = Self.check("没收违法所得，处5000元以上1万元以下罚款", against: statute)
        #expect(result.isWithinLaw)
        #expect(result.findings.map(\.code) == ["fine_not_comparable"])
        // Different bases do not compare either.
        #expect(Self.check("处货值金额2倍罚款", against: statute).findings.map(\.code) == ["fine_not_comparable"])
    }

    @Test func finesComparedByPayer() {
        // 3万元 for the unit falls in the individuals' 2万–10万 range, not in the unit's 5万–20万.
        let unit = Self.check("责令改正，处3万元罚款", against: Self.waste2020Article103)
        #expect(unit.findings.map(\.code) == ["fine_outside_range"])
        let persons = Self.check("对直接负责的主管人员和其他直接责任人员，处3万元罚款", against: Self.waste2020Article103)
        #expect(persons.isWithinLaw && persons.findings.isEmpty)
        #expect(Self.check("对其直接负责的主管人员处3万元罚款", against: Self.safety2021Article97).findings.isEmpty)
    }

    @Test func statuteThatAppliesAnotherArticle() {
        let result = Self.check("处200元罚款", against: Self.traffic2021Article95[1])
        #expect(result.findings == [.penaltyElsewhere([.article(number: 90, paragraph: nil)])])
        #expect(result.isWithinLaw)
    }

    @Test func findingsEncodeWithStableCodes() throws {
        let result = Self.check("处5000元以上20000元以下罚款，吊销许可证", against: Self.transport2022Article70[0])
        let data = try JSONEncoder().encode(result)
        let json = try #require(String(data: data, encoding: .utf8))
        #expect(json.contains("\"code\":\"sanction_not_provided\"") && json.contains("\"code\":\"fine_outside_range\""))
        #expect(try JSONDecoder().decode(LevelCheck.self, from: data) == result)
    }

    // MARK: Robustness

    @Test func randomAndMutatedTextNeitherTrapsNorHangs() {
        var random = SeededRandom(seed: 9)
        let alphabet =
            PropertyTests.alphabet + [
                "处", "并处", "罚款", "的", "，", "；", "。", "：", "以上", "以下", "倍",
                "万", "没收", "吊销", "警告", "被", "不予", "对", "主管人员", "依照",
                "规定处罚", "第", "款", "前款", "等值", "货值金额", "关闭", "责令",
            ]
        let samples = [
            Self.transport2022Article63, Self.transport2022Article68, Self.food2021Article124[0],
            Self.safety2021Article97, Self.waste2020Article103, Self.traffic2021Article95[0],
        ]
        for _ in 0..<1500 {
            let text = random.text(from: alphabet, samples: samples, maximumParts: 24)
            let penalty = StatutoryPenalty.read(text)
            for range in penalty.fines + penalty.responsiblePersonFines {
                #expect(range.unit == "元" || range.unit == "倍", "\(text)")
                #expect((range.lower ?? 0) <= AmountRange.maximumAmount && (range.upper ?? 0) <= AmountRange.maximumAmount, "\(text)")
            }
            _ = LevelCheck.check(BenchmarkLevel(level: "一般", penalty: text), against: penalty)
        }
        // A very long text is read only up to the limit.
        let long = String(repeating: "处一千元以下罚款，", count: 5_000)
        let penalty = StatutoryPenalty.read(long)
        #expect(penalty.text.count == StatutoryPenalty.maximumLength)
        #expect(penalty.fines.count <= StatutoryPenalty.maximumLength / 9 + 1)
        // No clause breaks at all: every scan stays within one bounded clause.
        let unbroken = StatutoryPenalty.read(String(repeating: "罚款处1元", count: 10_000))
        #expect(unbroken.hasFine && unbroken.text.count == StatutoryPenalty.maximumLength)
    }
}
