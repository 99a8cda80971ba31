import LawAsk
import LawCorpus
import LawQuery
import Testing

@Suite("Departments as people name them")
struct DepartmentRecogniserTests {
    static func department(in text: String) -> String? {
        var question = Question(text)
        return DepartmentRecogniser(registry: AskFixture.vocabulary.departments).recognise(&question)?.department.name
    }

    @Test(
        "official, short and derived names, former names, sector words",
        arguments: [
            ("乌审旗市场监督管理局的清单", "乌审旗市场监督管理局"),
            ("市监局免罚清单", "乌审旗市场监督管理局"),
            ("市场局从轻处罚", "乌审旗市场监督管理局"),
            ("工商局的不予处罚清单", "乌审旗市场监督管理局"),
            ("旗市场监管局", "乌审旗市场监督管理局"),
            ("交通的裁量基准", "乌审旗交通运输局"),
            ("环保免予强制", "鄂尔多斯市生态环境局乌审旗分局"),
            ("文旅减轻处罚", "乌审旗文化和旅游局"),
            ("农牧不予处罚", "乌审旗农牧局"),
            ("应急从轻", "乌审旗应急管理局"),
            ("安监局的清单", "乌审旗应急管理局"),
            ("嘎鲁图镇综合执法事项", "乌审旗嘎鲁图镇人民政府"),
        ])
    func names(_ text: String, _ expected: String) {
        #expect(Self.department(in: text) == expected)
    }

    @Test("a law's name holds no department")
    func lawsAreNotDepartments() {
        var question = Question("优化营商环境条例第五十九条")
        _ = CitationRecogniser(names: AskFixture.vocabulary.documents).recognise(&question)
        #expect(DepartmentRecogniser(registry: AskFixture.vocabulary.departments).recognise(&question) == nil)
    }

    @Test("the registry resolves derived forms and refuses ambiguous ones")
    func registry() throws {
        let registry = AskFixture.vocabulary.departments
        #expect(registry.resolve("交通")?.id == "jtys")
        #expect(registry.resolve("市场局")?.id == "scjg")
        #expect(registry.resolve("乌审旗环保局")?.id == "sthj")
        #expect(registry.resolve("水务局") == nil)
        // The 苏木镇 share a sector: the sector names none of them.
        #expect(registry.matches("基层综合行政执法").isEmpty)
    }
}

@Suite("Kinds of list as people name them")
struct KindRecogniserTests {
    @Test(
        "every name and alias, with or without 清单/事项",
        arguments: [
            ("不予处罚", ListKind.noPenalty), ("免罚", .noPenalty), ("首违不罚清单", .noPenalty), ("不予处罚事项", .noPenalty),
            ("从轻", .lighterPenalty), ("从轻处罚", .lighterPenalty), ("减轻", .reducedPenalty),
            ("免予强制", .noCompulsion), ("免予行政强制", .noCompulsion), ("重点监管", .keySupervision),
            ("裁量基准", .discretionBenchmark), ("裁量标准", .discretionBenchmark), ("处罚标准", .discretionBenchmark),
            ("告知承诺", .certificationCommitment), ("综合执法事项", .comprehensiveEnforcement),
            ("追责情形", .accountability), ("证明事项", .certification),
        ])
    func resolve(_ name: String, _ kind: ListKind) {
        #expect(ListKind.resolve(name) == kind)
        var question = Question("交通局的\(name)有哪些")
        #expect(KindRecogniser().recognise(&question)?.kind == kind)
    }

    @Test("the longest name wins inside a sentence")
    func longest() {
        var question = Question("证明事项告知承诺目录清单")
        #expect(KindRecogniser().recognise(&question)?.kind == .certificationCommitment)
    }

    @Test("words that are not kinds are refused")
    func unknown() {
        #expect(ListKind.resolve("清单") == nil)
        #expect(ListKind.resolve("事项") == nil)
        #expect(ListKind.resolve("黑名单") == nil)
    }
}

@Suite("Documents and citations anywhere in a question")
struct CitationRecogniserTests {
    static func citation(_ text: String) -> CitationRecogniser.Match? {
        var question = Question(text)
        return CitationRecogniser(names: AskFixture.vocabulary.documents).recognise(&question)
    }

    @Test(
        "citations as people write them",
        arguments: [
            ("行政处罚法第33条", "中华人民共和国行政处罚法", 33, nil),
            ("《中华人民共和国行政强制法》第二十五条第二款", "中华人民共和国行政强制法", 25, 2),
            ("处罚法第51条怎么规定", "中华人民共和国行政处罚法", 51, nil),
            ("营商环境条例第55条", "优化营商环境条例", 55, nil),
            ("哪些事项依据强制法第十六条", "中华人民共和国行政强制法", 16, nil),
            ("行政处罚法 36", "中华人民共和国行政处罚法", 36, nil),
        ] as [(String, String, Int, Int?)])
    func citations(_ text: String, _ document: String, _ article: Int, _ paragraph: Int?) {
        let match = Self.citation(text)
        #expect(match?.document == document)
        #expect(match?.article == article)
        #expect(match?.paragraph == paragraph)
    }

    @Test("a document named without an article")
    func documentAlone() {
        let match = Self.citation("行政强制法 查封 期限")
        #expect(match?.document == "中华人民共和国行政强制法")
        #expect(match?.article == nil)
    }

    @Test("derived short names belong to one title only")
    func derived() {
        let names = AskFixture.vocabulary.documents
        #expect(names.resolve("处罚法") == "中华人民共和国行政处罚法")
        #expect(names.resolve("营商环境条例") == "优化营商环境条例")
        #expect(names.resolve("罚法") == nil)
        #expect(names.resolve("法") == nil)
    }
}

@Suite("Dates as people write them")
struct DateRecogniserTests {
    static func dates(_ text: String) -> DateRecogniser.Match? {
        var question = Question(text)
        return DateRecogniser(today: AskFixture.today).recognise(&question)
    }

    @Test(
        "one day, in every written form",
        arguments: [
            "2022年10月31日", "2022/10/31", "2022.10.31", "2022-10-31", "二〇二二年十月三十一日", "２０２２年１０月３１日",
        ])
    func day(_ text: String) {
        #expect(WrittenDate.day(text)?.description == "2022-10-31")
        #expect(Self.dates("\(text)的免罚清单")?.asOf?.description == "2022-10-31")
    }

    @Test("unpadded and impossible days")
    func forms() {
        #expect(WrittenDate.day("2022-1-5")?.description == "2022-01-05")
        #expect(WrittenDate.day("2022年2月30日") == nil)
        #expect(WrittenDate.day("2022-13-01") == nil)
        #expect(WrittenDate.day("12022-10-31") == nil)
        #expect(WrittenDate.day("2022年10月31日以后") == nil)
    }

    @Test("a month is a period")
    func month() {
        let match = Self.dates("2022年11月清单有哪些变化")
        #expect(match?.since?.description == "2022-11-01")
        #expect(match?.until?.description == "2022-11-30")
    }

    @Test(
        "since and until",
        arguments: [
            ("2023年以来", "2023-01-01", nil), ("自2022年11月起", "2022-11-01", nil), ("2022-11-01之后", "2022-11-01", nil),
            ("2023年以前", nil, "2022-12-31"),
        ] as [(String, String?, String?)])
    func since(_ text: String, _ since: String?, _ until: String?) {
        let match = Self.dates(text + "的调整")
        #expect(match?.since?.description == since)
        #expect(match?.until?.description == until)
        #expect(match?.asOf == nil)
    }

    @Test("relative words say what they mean")
    func relative() {
        #expect(Self.dates("今年的变化")?.since?.description == "2024-01-01")
        let lastYear = Self.dates("去年修订了什么")
        #expect(lastYear?.since?.description == "2023-01-01")
        #expect(lastYear?.until?.description == "2023-12-31")
        let recent = Self.dates("最近有哪些调整")
        #expect(recent?.since?.description == "2023-06-16")
        #expect(recent?.note?.contains("12 个月") == true)
    }
}

@Suite("What is asked")
struct IntentTests {
    static func intent(_ text: String) throws -> Intent {
        try Asker(AskFixture.queries, today: AskFixture.today).understand(text).reading.intent
    }

    @Test(
        "intents from the words of asking",
        arguments: [
            ("市监局不予处罚清单", Intent.list), ("不予处罚清单有哪些", .list), ("交通局有哪些清单", .list),
            ("市监局的裁量基准改了什么", .changes), ("2022年11月以来新增了哪些事项清单", .changes),
            ("行政处罚法第33条说了什么", .article), ("行政强制法第十六条", .article),
            ("引用行政处罚法第33条的事项", .citedBy), ("哪些清单事项依据处罚法第三十三条", .citedBy),
            ("四张清单什么时候公示", .deadlines), ("证明事项清单的截止日期", .deadlines),
            ("哪些部门", .departments), ("查封扣押 期限", .search), ("不予处罚", .search), ("无过错不罚", .search),
        ] as [(String, Intent)])
    func intents(_ text: String, _ intent: Intent) throws {
        #expect(try Self.intent(text) == intent)
    }

    @Test("a deadlines answer lists the obligations asked about first")
    func deadlinesFirst() throws {
        let answer = try Asker(AskFixture.queries).ask("四张清单什么时候公示")
        guard case .deadlines(let deadlines) = answer.answer else {
            Issue.record("not a deadlines answer")
            return
        }
        #expect(deadlines.prefix(2).allSatisfy { $0.task.contains("四张清单") })
        #expect(Set(deadlines.prefix(2).compactMap(\.due)) == ["2022-10-31", "2022-11-10"])
    }

    @Test("search words leave out names and the words of asking")
    func terms() throws {
        let understanding = try Asker(AskFixture.queries).understand("什么情况下可以要求听证")
        #expect(understanding.reading.understood.terms == ["要求听证"])
        #expect(understanding.reading.summary.contains("要求听证"))
    }

    @Test("the words asking which departments are not searched")
    func departmentsWords() throws {
        let understanding = try Asker(AskFixture.queries).understand("哪些部门有免罚清单")
        #expect(understanding.reading.intent == .list)
        #expect(understanding.reading.understood.kind == "不予处罚事项清单")
        #expect(!understanding.alternatives.contains { $0.summary.contains("部门有") })
    }

    @Test("an ambiguous reading offers the others")
    func alternatives() throws {
        let understanding = try Asker(AskFixture.queries).understand("行政处罚法第33条")
        #expect(understanding.alternatives.contains { $0.intent == .citedBy })
    }
}
