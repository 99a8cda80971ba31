import Foundation
import Testing

@testable import LawCorpus

@Suite("Plan") struct PlanTests {
    let plan = Fixture.plan

    @Test func metadataFromTheSidecar() {
        #expect(
            plan.metadata
                == PlanMetadata(
                    title: "乌审旗“优化法治化营商环境 服务保障高质量发展”行政执法质量提升年实施方案",
                    number: "乌司发〔2022〕11号", issuer: "乌审旗司法局", year: 2022, date: nil))
        #expect(plan.file.hasSuffix("plan/\(Fixture.planFile).txt"))
    }

    @Test func metadataDerivedWithoutSidecar() throws {
        let root = try Fixture.scratchCorpus()
        try Fixture.copy("plan/\(Fixture.planFile).txt", into: root)
        let corpus = try CorpusLoader(root: root.path).load()
        #expect(corpus.plans.first?.metadata == plan.metadata)
        #expect(corpus.plans.first?.deadlines == plan.deadlines)
    }

    @Test func headerJoinsTheBrokenTitle() throws {
        let heading = try #require(plan.sections.first)
        #expect(heading.kind == .heading)
        #expect(heading.line == 1)
        #expect(heading.title == "乌审旗司法局关于印发《乌审旗“优化法治化营商环境 服务保障高质量发展”行政执法质量提升年实施方案》的通知")
        let preamble = plan.sections[1]
        #expect(preamble.kind == .preamble)
        #expect(preamble.line == 6)
        #expect(preamble.path.isEmpty)
        #expect(preamble.text.hasPrefix("各苏木镇人民政府，各行政执法单位：\n为深入贯彻落实"))
    }

    @Test func partsMeasuresPointsAndSchedules() {
        func count(_ kind: PlanSectionKind, in part: String? = nil) -> Int {
            plan.sections.filter { $0.kind == kind && (part == nil || $0.path.first == part) }.count
        }
        #expect(plan.sections.filter { $0.kind == .part }.map(\.path) == [["一、目标任务"], ["二、方法措施"], ["三、工作要求"]])
        #expect(count(.measure, in: "二、方法措施") == 10)
        #expect(count(.measure, in: "三、工作要求") == 4)
        #expect(count(.point) == 12)
        #expect(count(.schedule) == 10)
        #expect(count(.schedule, in: "二、方法措施") == 10)
        #expect(count(.preamble) == 1 && count(.heading) == 1 && count(.attachments) == 1)
        #expect(plan.sections.count == 42)
        #expect(plan.measureCount == 10)
        #expect(plan.announcedMeasureCount == 11)
        #expect(plan.notes == ["announces 11 measures (line 9) but enumerates 10 in 二、方法措施"])
    }

    @Test func pathsAndTitles() throws {
        let first = try #require(plan.sections.first { $0.kind == .measure })
        #expect(first.title == "推行包容审慎监管执法制度")
        #expect(first.path == ["二、方法措施", "（一）推行包容审慎监管执法制度"])
        #expect(first.line == 11)
        let six = try #require(plan.sections.first { $0.kind == .measure && $0.line == 30 })
        #expect(six.title == "落实行政执法“三项制度”")
        #expect(six.path.last == "（六）落实行政执法“三项制度”")
        let point = try #require(plan.sections.first { $0.kind == .point })
        #expect(point.title == "1.不予处罚事项清单")
        #expect(point.path == ["二、方法措施", "（一）推行包容审慎监管执法制度"])
        #expect(point.line == 12)
        let schedule = try #require(plan.sections.first { $0.kind == .schedule && $0.line == 44 })
        #expect(schedule.title == "进度安排")
        #expect(schedule.path == ["二、方法措施", "（十）抓好《中华人民共和国行政处罚法》学习培训"])
        // Unnumbered paragraphs stay with their measure.
        let seven = try #require(plan.sections.first { $0.kind == .measure && $0.line == 35 })
        #expect(seven.text.split(separator: "\n").count == 2)
        #expect(seven.text.contains("市场监督管理局要在年度"))
        let supervision = try #require(plan.sections.first { $0.kind == .measure && $0.line == 47 })
        #expect(supervision.path == ["三、工作要求", "（二）强化跟踪督导"])
        let attachments = try #require(plan.sections.last)
        #expect(attachments.kind == .attachments)
        #expect(attachments.line == 51)
        #expect(attachments.text == "附件：1.本级行政执法部门名单\n2.分管领导、联络员回执表\n3.工作任务推进表")
        // Every line of the text belongs to exactly one section.
        let lines = try #require(try TextFile.read(plan.file)).split(separator: "\n", omittingEmptySubsequences: false)
        let covered = plan.sections.flatMap { $0.text.split(separator: "\n") }.count
        #expect(covered == lines.filter { !TextSupport.isBlank($0) }.count - 1)  // the title spans two lines
    }

    /// rule → due → reportTo, kind, responsible and line of every deadline in the plan, in order.
    @Test func everyDeadlineOfThePlan() {
        typealias Row = (
            line: Int, rule: String, due: String?, kind: DeadlineKind, reportTo: String?,
            responsible: String
        )
        let expected: [Row] = [
            (16, "2022年10月底前", "2022-10-31", .absolute, nil, "各行政执法部门"),
            (16, "11月10日前", "2022-11-10", .absolute, "司法局", "各行政执法部门"),
            (18, "2022年10月底前", "2022-10-31", .absolute, nil, "各行政执法部门"),
            (18, "11月10日前", "2022-11-10", .absolute, "司法局", "各行政执法部门"),
            (18, "动态调整后10个工作日内", nil, .relative, "旗司法局", "各行政执法部门"),
            (20, "2022年10月底前", "2022-10-31", .absolute, nil, "各行政执法部门"),
            (20, "11月10日前", "2022-11-10", .absolute, "司法局", "各行政执法部门"),
            (20, "动态调整后10个工作日内", nil, .relative, "司法局", "各行政执法部门"),
            (24, "2022年10月底前", "2022-10-31", .absolute, nil, "本级市场监管领域相关部门"),
            (24, "11月10日前", "2022-11-10", .absolute, "司法局", "本级市场监管领域相关部门"),
            (29, "2022年5月底前", "2022-05-31", .absolute, nil, "各行政执法部门"),
            (29, "2022年5月底前", "2022-05-31", .absolute, nil, "各行政执法部门"),
            (29, "6月10日前", "2022-06-10", .absolute, "市司法局", "各行政执法部门"),
            (29, "动态调整后10个工作日内", nil, .relative, "司法局", "各行政执法部门"),
            (34, "12月10日前", "2022-12-10", .absolute, "司法局", "各执法部门"),
            (36, "下发后10个工作日内", nil, .relative, "旗司法局", "市场监督管理局"),
            (36, "完成后10个工作日内", nil, .relative, "旗司法局", "市场监督管理局"),
            (36, "每年2月底之前", nil, .recurring, "旗委依法治旗办", "各执法部门"),
            (36, "开展单项联合执法工作前", nil, .relative, "旗司法局", "各执法部门"),
            (36, "完成联合执法工作后20个工作日内", nil, .relative, "司法局", "各执法部门"),
            (39, "2022年5月15日前", "2022-05-15", .absolute, "司法局", "各部门"),
            (41, "2022年12月10日前", "2022-12-10", .absolute, "旗司法局", "各级执法部门"),
            (44, "2022年6月15日前", "2022-06-15", .absolute, "旗司法局", "各部门"),
            (46, "3月28日前", "2022-03-28", .absolute, nil, "各行政执法部门"),
            (47, "每月25日前", nil, .recurring, nil, "各行政执法部门"),
        ]
        let deadlines = plan.deadlines
        #expect(deadlines.count == expected.count)
        for (deadline, row) in zip(deadlines, expected) {
            #expect(deadline.line == row.line, "\(deadline.rule)")
            #expect(deadline.rule == row.rule)
            #expect(deadline.due?.description == row.due, "\(deadline.rule)")
            #expect(deadline.kind == row.kind, "\(deadline.rule)")
            #expect(deadline.reportTo == row.reportTo, "\(deadline.rule) at line \(row.line)")
            #expect(deadline.responsible == row.responsible, "\(deadline.rule) at line \(row.line)")
            #expect(!deadline.task.isEmpty)
        }
    }

    @Test func deadlineTasksAndMeasures() {
        let d = plan.deadlines
        #expect(d[0].measure == "二、（一）推行包容审慎监管执法制度")
        #expect(d[0].task == "完成针对新产业新业态新模式监管规则和标准的制定和“四张清单”的编制工作并向社会公示")
        #expect(d[1].task.hasPrefix("向司法局报送并备案本部门针对新产业新业态新模式"))
        #expect(d[4].task == "再次向社会公示并报旗司法局备案")
        #expect(d[15].task == "将计划报送至旗司法局")
        #expect(d[16].task == "将完成情况报送至旗司法局")
        #expect(d[17].task == "按程序向旗委依法治旗办申报年度拟开展的联合执法事项")
        #expect(d[18].task == "向旗司法局报送工作方案")
        #expect(d[20].task == "完成综合行政执法事项清单编制并报送至司法局")
        #expect(d[22].task == "完成对行政执法人员全覆盖、全员化的行政处罚法学习培训工作并将学习培训情况报送至旗司法局")
        #expect(d[23].measure == "三、（一）加强组织领导")
        #expect(d[23].task == "报送1名分管领导和1名联络员负责联络对接事宜（附件2）")
        #expect(d[24].measure == "三、（二）强化跟踪督导")
        #expect(d[24].task == "报送本月上各项工作任务开展情况表（附件3）")
        #expect(d.filter { $0.measure.hasPrefix("二、") }.count == 23)
    }

    @Test func deadlineExpressions() {
        let extractor = DeadlineExtractor(year: 2023)
        func rules(_ text: String) -> [String] {
            extractor.deadlines(in: [PlanParagraph(line: 1, text: text, measure: "m")]).map {
                "\($0.rule)=\($0.due?.description ?? $0.kind.rawValue)"
            }
        }
        #expect(rules("各部门于2月底前完成。") == ["2月底前=2023-02-28"])
        #expect(rules("各部门于２０２４年２月底前完成。") == ["２０２４年２月底前=2024-02-29"])
        #expect(rules("各部门于2023年底前完成。") == ["2023年底前=2023-12-31"])
        #expect(rules("各部门每季度3月10日前报送。") == ["每季度3月10日前=recurring"])
        #expect(rules("收到通知后5日内向司法局报告。") == ["收到通知后5日内=relative"])
        #expect(rules("作出重大执法决定前，应当严格进行法制审核。").isEmpty)
        #expect(rules("十四五期间完成。2021〕7号").isEmpty)
        let d = extractor.deadlines(in: [PlanParagraph(line: 3, text: "司法局于3月1日前报旗政府备案。", measure: "m")])
        #expect(d.first?.reportTo == "旗政府")
        #expect(d.first?.responsible == "司法局")
    }

    @Test func anotherPlanWithoutNumberOrSidecar() throws {
        let root = try Fixture.scratchCorpus()
        try Fixture.copy("regulations/中华人民共和国行政处罚法(2021).md", into: root)
        let text = """
            测试局2023年执法培训方案

            为提高执法水平，制定本方案。
            一、主要任务
            （一）开展培训。各执法部门要依据《行政处罚法》第三十三条第一款、第二款组织培训。
            1.集中培训。各执法部门于2023年底前完成集中培训。
            进度安排：各执法部门于9月30日前向测试局报送培训计划；每季度3月10日前报送进度。
            二、保障措施
            （一）加强领导。法制科要于收到材料后5个工作日内完成审核，并报局党组备案。
            """
        try Fixture.write(text, to: "plan/测试方案.txt", in: root)
        let corpus = try CorpusLoader(root: root.path).load()
        let plan = try #require(corpus.plans.first)
        #expect(plan.metadata.title == "测试局2023年执法培训方案")
        #expect(plan.metadata.number == "")
        #expect(plan.sections.map(\.kind) == [.heading, .preamble, .part, .measure, .point, .schedule, .part, .measure])
        #expect(plan.measureCount == 1)  // 二、保障措施 is the part whose title names 措施
        #expect(plan.announcedMeasureCount == nil && plan.notes.isEmpty)
        let measure = plan.sections[3]
        #expect(measure.citations.map { [$0.article, $0.paragraph ?? 0] } == [[33, 1], [33, 2]])
        #expect(measure.citations.allSatisfy { $0.document == Fixture.penaltyTitle && $0.name == "行政处罚法" })
        #expect(plan.deadlines.map(\.rule) == ["2023年底前", "9月30日前", "每季度3月10日前", "收到材料后5个工作日内"])
        #expect(plan.deadlines.map { $0.due?.description } == ["2023-12-31", "\(plan.metadata.year)-09-30", nil, nil])
        #expect(plan.deadlines.map(\.reportTo) == [nil, "测试局", nil, "局党组"])
        #expect(plan.deadlines.map(\.responsible) == ["各执法部门", "各执法部门", "各执法部门", "法制科"])
        #expect(plan.deadlines.map(\.measure) == ["一、（一）开展培训", "一、（一）开展培训", "一、（一）开展培训", "二、（一）加强领导"])
        #expect(plan.deadlines[3].task == "完成审核并报局党组备案")
    }
}
