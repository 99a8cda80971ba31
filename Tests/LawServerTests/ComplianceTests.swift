import Foundation
import Hummingbird
import HummingbirdTesting
import LawCorpus
import LawIndex
import LawQuery
import Testing

@testable import LawServer

/// The 督导 pages and JSON over the shipped sample corpus: who met which obligation of the
/// plan, overdue first, with the evidence; hidden from a public server.
@Suite("督导: /compliance, /api/compliance")
struct ComplianceTests {
    /// A day on which the sample corpus has obligations in every status.
    static let day = "2022-12-31"

    /// Queries over the same index as the server.
    static let queries = LawQueries(try! KnowledgeBase(path: ServerFixture.indexPath))

    /// The statuses of the obligation rows of a page, in order (`<tr class="row-overdue">`).
    static func rowStatuses(_ page: String) -> [ComplianceStatus] {
        page.matches(of: /<tr class="row-([a-z_]+)">/).compactMap { ComplianceStatus(rawValue: String($0.output.1)) }
    }

    /// The word beside each coloured status of the obligation rows.
    static func statusWords(_ page: String) -> [(css: String, word: String)] {
        page.matches(of: /<td data-label="完成情况"><span class="status (st-[a-z-]+)">([^<]*)<\/span>/).map {
            (String($0.output.1), String($0.output.2))
        }
    }

    @Test("the page lists every status of the sample corpus, overdue first, each in words beside its colour")
    func everyStatus() async throws {
        let report = try Self.queries.compliance(asOf: Self.day)
        try await ServerFixture.withClient { client in
            let response = try await client.get(ServerFixture.target("/compliance", [("as_of", Self.day)]))
            #expect(response.status == .ok)
            let page = response.text
            let statuses = Self.rowStatuses(page)
            #expect(Set(statuses) == [.overdue, .late, .notDue, .onTime])
            #expect(statuses.first == .overdue)
            #expect(statuses.map(\.urgency) == statuses.map(\.urgency).sorted(), "overdue, late, not due, on time")
            #expect(statuses.count == report.rows.filter { $0.status != .notApplicable }.count)
            // Obligations that bind nobody shown are folded under their status, counted.
            let notApplicable = report.rows.filter { $0.status == .notApplicable }.count
            #expect(notApplicable > 0)
            #expect(page.contains("<details class=\"not-applicable\">"))
            #expect(page.contains("不适用</span> \(notApplicable) 项"))
            // Colour is never the only signal: each coloured status carries its name.
            let words = Self.statusWords(page)
            #expect(words.count == statuses.count)
            for (css, word) in words {
                #expect(ComplianceStatus.allCases.contains { $0.cssClass == css && $0.chineseName == word }, "\(css) \(word)")
            }
            for status in ComplianceStatus.allCases {
                let count = report.rows.filter { $0.status == status }.count
                #expect(page.contains("<li><span class=\"status \(status.cssClass)\">\(status.chineseName)</span> \(count) 项</li>"))
            }
            // The form keeps the day judged; each department links to its page.
            #expect(page.contains("name=\"as_of\" value=\"\(Self.day)\""))
            #expect(page.contains("href=\"\(HTML.compliancePath(department: "乌审旗交通运输局", asOf: Self.day))\""))
        }
    }

    @Test("each row links its evidence: the list page of that version, or the filing's number and file")
    func evidence() async throws {
        let report = try Self.queries.compliance(department: "市场监管局", asOf: Self.day)
        let filed = try #require(report.rows.first { $0.obligation == "four-lists-filed" })
        #expect(filed.status == .onTime)
        let version = try #require(filed.evidence.first { $0.listKind == .noPenalty })
        let filing = try #require(report.rows.lazy.flatMap(\.evidence).first { $0.kind == .filing })
        try await ServerFixture.withClient { client in
            let page = try await client.get(ServerFixture.target("/compliance/市场监管局", [("as_of", Self.day)])).text
            let path = HTML.listPath(
                department: filed.department, kind: .noPenalty, asOf: version.published ?? version.version)
            #expect(page.contains("<a href=\"\(HTML.escape(path))\">不予处罚事项清单（\(version.version ?? "") 版）</a>"))
            #expect(page.contains("<code>\(filing.file)</code>"))
            if let number = filing.number { #expect(page.contains(HTML.escape(number))) }
            // The linked version's page answers.
            #expect(try await client.get(path).status == .ok)
        }
    }

    @Test("a department's page: its obligations only, overdue first; the filter form reaches the same")
    func departmentPage() async throws {
        let report = try Self.queries.compliance(department: "交通运输局", asOf: Self.day)
        #expect(Set(report.rows.map(\.department)) == ["乌审旗交通运输局"])
        try await ServerFixture.withClient { client in
            for target in [
                ServerFixture.target("/compliance/交通局", [("as_of", Self.day)]),
                ServerFixture.target("/compliance", [("department", "乌审旗交通运输局"), ("as_of", Self.day)]),
            ] {
                let response = try await client.get(target)
                #expect(response.status == .ok, "\(target)")
                let page = response.text
                #expect(page.contains("<h1>乌审旗交通运输局：实施方案义务完成情况</h1>"))
                #expect(page.contains("<option value=\"乌审旗交通运输局\" selected>"))
                #expect(!page.contains("data-label=\"部门\""), "one department: no department column")
                #expect(!page.contains("各部门概况"))
                let statuses = Self.rowStatuses(page)
                #expect(statuses.count == report.rows.filter { $0.status != .notApplicable }.count)
                #expect(statuses.map(\.urgency) == statuses.map(\.urgency).sorted())
                #expect(page.contains("<nav class=\"crumbs\""))
            }
            let overdue = try await client.get(
                ServerFixture.target("/compliance/交通运输局", [("as_of", Self.day), ("overdue", "true")])
            ).text
            #expect(Set(Self.rowStatuses(overdue)) == [.overdue])
            #expect(overdue.contains("name=\"overdue\" value=\"true\" checked"))
            let unknown = try await client.get(ServerFixture.target("/compliance/没有这个局"), headers: [.accept: "text/html"])
            #expect(unknown.status == .notFound)
            #expect(unknown.text.contains("没有名为“没有这个局”的部门"))
        }
    }

    @Test("/api/compliance answers the report: as_of, and rows with every key")
    func json() async throws {
        let report = try Self.queries.compliance(asOf: Self.day)
        try await ServerFixture.withClient { client in
            let response = try await client.get(ServerFixture.target("/api/compliance", [("as_of", Self.day)]))
            #expect(response.status == .ok)
            let object = try response.object()
            #expect(Set(object.keys) == ["as_of", "rows"])
            #expect(object["as_of"] as? String == Self.day)
            let rows = try #require(object["rows"] as? [[String: Any]])
            #expect(rows.count == report.rows.count)
            for row in rows {
                #expect(
                    Set(row.keys) == [
                        "department", "department_id", "obligation", "task", "measure", "rule", "due", "status",
                        "status_name", "done", "late_working_days", "evidence",
                    ])
            }
            let decoded = try JSONDecoder().decode(ComplianceReport.self, from: Data(response.body.readableBytesView))
            #expect(decoded == report)

            let overdue = try await client.get(
                ServerFixture.target("/api/compliance", [("as_of", Self.day), ("overdue", "true"), ("department", "市监局")]))
            let overdueRows = try JSONDecoder().decode(ComplianceReport.self, from: Data(overdue.body.readableBytesView)).rows
            #expect(!overdueRows.isEmpty)
            #expect(overdueRows.allSatisfy { $0.status == .overdue && $0.departmentID == "scjg" })
        }
    }

    @Test("/api/compliance/progress: the month's 工作任务推进表 rows, keyed in English")
    func progress() async throws {
        let table = try Self.queries.progressTable(month: "2022-11")
        #expect(!table.rows.isEmpty)
        try await ServerFixture.withClient { client in
            for month in ["2022-11", "2022年11月"] {
                let response = try await client.get(ServerFixture.target("/api/compliance/progress", [("month", month)]))
                #expect(response.status == .ok)
                let object = try response.object()
                #expect(Set(object.keys) == ["month", "as_of", "headers", "rows"])
                #expect(object["month"] as? String == "2022-11")
                #expect(object["as_of"] as? String == "2022-11-30")
                #expect(object["headers"] as? [String] == ["部门", "工作任务", "完成时限", "完成情况", "完成时间", "情况说明"])
                let rows = try #require(object["rows"] as? [[String: String]])
                #expect(rows.count == table.rows.count)
                let cells = rows.map { row in ProgressTableAnswer.keys.map { row[$0] ?? "?" } }
                #expect(cells == table.rows)
            }
            let one = try await client.get(
                ServerFixture.target("/api/compliance/progress", [("month", "2022-11"), ("department", "交通局")]))
            let rows = try #require(try one.object()["rows"] as? [[String: String]])
            #expect(!rows.isEmpty)
            #expect(rows.allSatisfy { $0["department"] == "乌审旗交通运输局" })
        }
    }

    @Test("the routes and their schemas are in the OpenAPI document of an internal server")
    func described() async throws {
        try await ServerFixture.withClient { client in
            let document = try await client.get("/openapi.json").object()
            let paths = try #require(document["paths"] as? [String: Any])
            for path in ["/compliance", "/compliance/{department}", "/api/compliance", "/api/compliance/progress"] {
                #expect(paths[path] != nil, "\(path)")
            }
            let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
            for name in ["ComplianceReport", "ComplianceRow", "ComplianceEvidence", "ProgressTable", "ProgressRow"] {
                #expect(schemas[name] != nil, "\(name)")
            }
            #expect(try await client.get("/").text.contains("<a href=\"/compliance\">督导</a>"))
        }
    }

    /// Every 督导 address, with parameters that work on an internal server.
    static let targets = [
        "/compliance", ServerFixture.target("/compliance", [("as_of", day)]), ServerFixture.target("/compliance/市场监管局"),
        "/api/compliance", ServerFixture.target("/api/compliance", [("overdue", "true")]),
        ServerFixture.target("/api/compliance/progress", [("month", "2022-11")]),
    ]

    @Test("/deadlines with a department: its due dates, relative ones included, and its status beside each deadline")
    func deadlinesOfADepartment() async throws {
        try await ServerFixture.withClient { client in
            let plain = try await client.get(ServerFixture.target("/deadlines")).text
            #expect(plain.contains("<select") && !plain.contains("完成情况</th>"))
            let response = try await client.get(
                ServerFixture.target("/deadlines", [("department", "交通局"), ("as_of", Self.day)]))
            #expect(response.status == .ok)
            let page = response.text
            #expect(page.contains("乌审旗交通运输局完成情况"))
            #expect(page.contains("2022-10-31</span> <span class=\"status"))  // the joint action's report, 20 working days on
            #expect(page.contains("逾期完成（3 个工作日）"))
            #expect(page.contains("逾期未完成"))
            let bad = try await client.get(ServerFixture.target("/deadlines", [("department", "交通局"), ("as_of", "2022-13-01")]))
            #expect(bad.status == .badRequest)
            let unknown = try await client.get(ServerFixture.target("/deadlines", [("department", "没有这个局")]))
            #expect(unknown.status == .notFound)
        }
        try await ServerFixture.withClient(publicMode: true) { client in
            let plain = try await client.get(ServerFixture.target("/deadlines")).text
            #expect(!plain.contains("<select") && !plain.contains("href=\"/compliance"))
            let asked = try await client.get(ServerFixture.target("/deadlines", [("department", "交通局")]))
            #expect(asked.status == .badRequest && !asked.text.contains("逾期"))
        }
    }

    @Test("a public server has no 督导: 404 as for any unknown address, no link, not described, not asked")
    func publicMode() async throws {
        try await ServerFixture.withClient(publicMode: true) { client in
            for target in Self.targets {
                for headers: HTTPFields in [[:], [.accept: "text/html"]] {
                    let response = try await client.get(target, headers: headers)
                    let unknown = try await client.get(
                        target.hasPrefix("/api/") ? "/api/no-such-route" : "/no-such-page", headers: headers)
                    #expect(response.status == .notFound, "\(target)")
                    #expect(response.text == unknown.text, "\(target) answers like an unknown address")
                    #expect(!response.text.contains("逾期"))
                }
            }
            let home = try await client.get("/").text
            #expect(!home.contains("/compliance"))
            #expect(!home.contains("督导"))
            let paths = try #require(try await client.get("/openapi.json").object()["paths"] as? [String: Any])
            #expect(!paths.keys.contains { $0.contains("compliance") })
            #expect(!(try await client.get("/api").text.contains("/api/compliance")))
            let ask = try await client.get(ServerFixture.target("/api/ask", [("q", "哪些部门逾期了")]))
            #expect(ask.status == .ok)
            #expect(try ask.object()["intent"] as? String != "compliance")
            #expect(!ask.text.contains("late_working_days"))
            let search = try await client.get(ServerFixture.target("/", [("q", "哪些部门逾期了")])).text
            #expect(!search.contains("/compliance"))
        }
    }

    @Test("an internal server over an index without obligations answers 404 saying why, never 500")
    func withoutObligations() async throws {
        // The public index holds no obligations; served internally, the routes exist but have nothing to show.
        let service = try ServerFixture.service(publicMode: false, indexPath: ServerFixture.publicIndexPath)
        try await LawServer.makeApplication(service: service).test(.router) { client in
            for target in Self.targets {
                let response = try await client.get(target)
                #expect(response.status == .notFound, "\(target): \(response.status)")
                if target.hasPrefix("/api/") {
                    #expect(try response.errorCode() == "not_found")
                }
                #expect(response.text.contains("没有实施方案的义务"), "\(target)")
            }
        }
    }

    @Test(
        "hostile parameters get a clean 400 naming the parameter",
        arguments: [
            ("/api/compliance", "as_of", "9999-99-99"), ("/api/compliance", "as_of", "2031-01-01"),
            ("/api/compliance", "as_of", String(repeating: "2", count: 1_000)), ("/api/compliance", "as_of", "<script>"),
            ("/api/compliance", "overdue", "yes"), ("/api/compliance", "overdue", "\u{202E}true"),
            ("/api/compliance", "department", String(repeating: "局", count: 200)),
            ("/api/compliance/progress", "month", "2022-13"), ("/api/compliance/progress", "month", "2040-01"),
            ("/api/compliance/progress", "month", "2027-01"), ("/api/compliance/progress", "month", "<b>11</b>"),
            ("/api/compliance/progress", "month", String(repeating: "1", count: 1_000)),
            ("/api/compliance/progress", "month", ""),
        ])
    func hostile(_ path: String, _ parameter: String, _ value: String) async throws {
        try await ServerFixture.withClient { client in
            var query = [(parameter, value)]
            if path.hasSuffix("progress"), parameter != "month" { query.append(("month", "2022-11")) }
            let response = try await client.get(ServerFixture.target(path, query))
            #expect(response.status == .badRequest, "\(parameter)=\(value.prefix(30)): \(response.status)")
            #expect(try response.errorCode() == "invalid_parameter")
            let message = try #require((try response.object()["error"] as? [String: Any])?["message"] as? String)
            #expect(message.hasPrefix("参数 \(parameter) 有误"), "\(message)")
            // The page answers the same refusal as a page.
            if !path.hasSuffix("progress") {
                let page = try await client.get(ServerFixture.target("/compliance", query))
                #expect(page.status == .badRequest)
                #expect(page.text.contains("参数 \(parameter) 有误"))
                #expect(!page.text.contains("<script>"))
            }
        }
    }

    @Test("a parameter given twice, a broken escape and an unknown department are refused cleanly")
    func malformed() async throws {
        try await ServerFixture.withClient { client in
            let twice = try await client.get("/api/compliance?overdue=true&overdue=false")
            #expect(twice.status == .badRequest)
            #expect(try twice.errorCode() == "invalid_parameter")
            #expect(try await client.get("/api/compliance?as_of=%ZZ").status == .badRequest)
            let unknown = try await client.get(ServerFixture.target("/api/compliance", [("department", "不存在的局")]))
            #expect(unknown.status == .notFound)
            #expect(try unknown.errorCode() == "unknown_department")
        }
    }

    @Test("without as_of, a day after the calendar's years is judged on its last day, saying so")
    func afterTheCalendar() async throws {
        let service = try ServerFixture.service()
        let later = try #require(CalendarDate(year: 2099, month: 3, day: 1))
        let judged = await ComplianceRoutes.judgedDay(nil, service: service, today: later)
        let stored = try await Self.queries.knowledgeBase.read { access in
            try access.read { db in try StoredCompliance.calendar(db)?.coveredYears }
        }
        let covered = try #require(stored)
        #expect(judged.day == "\(covered.upperBound)-12-31")
        #expect(judged.note?.contains("\(covered.lowerBound)—\(covered.upperBound)") == true)
        #expect(judged.note?.contains("Corpus/calendar/workdays.yaml") == true)
        // Within the calendar, and whenever a day is given, the day is the one asked.
        let within = try #require(CalendarDate(year: covered.upperBound, month: 6, day: 1))
        #expect(ComplianceRoutes.defaultDay(today: within, covered: covered) == (nil, nil))
        #expect(ComplianceRoutes.defaultDay(today: later, covered: nil) == (nil, nil))
        let given = await ComplianceRoutes.judgedDay("2031-01-01", service: service, today: later)
        #expect(given == ("2031-01-01", nil))
    }

    @Test("a compliance question on the search page shows a short card linking the 督导 page")
    func answerCard() async throws {
        try await ServerFixture.withClient { client in
            let page = try await client.get(ServerFixture.target("/", [("q", "截至2022年12月31日哪些部门逾期了")])).text
            #expect(page.contains("理解为：督导：各部门 · 逾期未完成的义务"))
            #expect(page.contains("href=\"\(HTML.escape(HTML.compliancePath(asOf: Self.day, overdueOnly: true)))\""))
            #expect(page.contains("<span class=\"status st-overdue\">逾期未完成</span>"))
            #expect(!page.contains("<span class=\"status st-on-time\">"), "only the statuses asked about")
            let api = try await client.get(ServerFixture.target("/api/ask", [("q", "2022年12月31日交通局还有什么没完成")])).object()
            #expect(api["intent"] as? String == "compliance")
            let understood = try #require(api["understood"] as? [String: Any])
            #expect(understood["statuses"] as? [String] == ["overdue", "not_due"])
            #expect(understood["as_of"] as? String == Self.day)
        }
    }
}
