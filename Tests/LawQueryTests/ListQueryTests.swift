import LawQuery
import Testing

@Suite struct ListQueryTests {
    let queries = Fixture.queries

    @Test func listsResolveDepartmentAndKindAliases() throws {
        let list = try queries.list(department: "市监局", kind: "免罚清单", asOf: "2023-01-01")
        #expect(list.department == "乌审旗市场监督管理局")
        #expect(list.kind.rawValue == "不予处罚事项清单")
        #expect(list.version == "2022-10-25")
        #expect(list.status == .sample)
        #expect(list.items.count == 8)
        let first = try #require(list.items.first)
        #expect(first.citations.contains { $0.document == "中华人民共和国行政处罚法" && $0.article == 33 && $0.paragraph == 1 })
    }

    @Test func asOfBoundariesPickTheVersionInForce() throws {
        // The 2023-08-10 version was published, and came into force, on 2023-08-15.
        let before = try queries.list(department: "市场监管局", kind: "不予处罚事项清单", asOf: "2023-08-14")
        let on = try queries.list(department: "市场监管局", kind: "不予处罚事项清单", asOf: "2023-08-15")
        #expect(before.version == "2022-10-25")
        #expect(before.inForceUntil == "2023-08-15")
        #expect(on.version == "2023-08-10")
        #expect(on.items.count == before.items.count + 1)
        #expect(throws: QueryError.self) {
            try queries.list(department: "市场监管局", kind: "不予处罚事项清单", asOf: "2022-10-27")
        }
    }

    @Test func unknownNamesAreClearErrors() {
        #expect { try queries.list(department: "宇宙管理局", kind: "免罚清单") } throws: { error in
            "\(error)".contains("宇宙管理局") && "\(error)".contains("您是不是要找：")
        }
        #expect { try queries.list(department: "市场监管局", kind: "奇怪清单") } throws: { error in
            "\(error)".contains("奇怪清单") && "\(error)".contains("清单种类")
        }
        #expect { try queries.list(department: "文旅局", kind: "裁量基准") } throws: { error in
            "\(error)".contains("不予处罚事项清单")
        }
        #expect { try queries.list(department: "市场监管局", kind: "免罚清单", asOf: "2023-13-01") } throws: { error in
            "\(error)".contains("as_of")
        }
    }

    @Test func benchmarkChangesShowLevelsAndFineRanges() throws {
        let changes = try queries.changes(ChangesRequest(kind: try LawQueries.listKind("裁量基准"), since: "2022-10-31"))
        #expect(changes.count == 3)
        let market = try #require(changes.first { $0.department == "乌审旗市场监督管理局" })
        #expect(market.from == "2022-10-25" && market.to == "2024-03-20")
        #expect(market.added.map(\.id) == ["SCJG-CLJZ-008"])
        #expect(market.removed.map(\.id) == ["SCJG-CLJZ-007"])
        let pricing = try #require(market.changed.first { $0.id == "SCJG-CLJZ-001" })
        #expect(pricing.fields.contains(FieldChange(field: "levels.一般.amounts", before: "≤ 2000 元", after: "≤ 1000 元")))
        #expect(pricing.fields.contains { $0.field == "levels.较重" && $0.before == nil && $0.after != nil })
        let reworded = try #require(market.changed.first { $0.id == "SCJG-CLJZ-002" })
        #expect(reworded.fields.map(\.field) == ["levels.轻微.circumstances"])
        #expect(!market.changed.contains { $0.id == "SCJG-CLJZ-003" })
    }

    @Test func changesBetweenNamedVersionsAndOfOtherLists() throws {
        let transport = try queries.changes(ChangesRequest(department: "交通运输局", from: "2022-10-26", to: "2023-10-16"))
        #expect(transport.count == 1)
        #expect(transport[0].changed.contains { change in change.fields.contains { $0.field == "basis" } })
        let noPenalty = try queries.changes(ChangesRequest(kind: try LawQueries.listKind("免罚清单"), department: "市场监管局"))
        #expect(noPenalty.count == 1)
        #expect(noPenalty[0].added.map(\.id) == ["SCJG-BYCF-009"])
        #expect(noPenalty[0].changed.contains { change in change.id == "SCJG-BYCF-002" && change.fields.map(\.field) == ["conditions"] })
        #expect(try queries.changes(ChangesRequest(since: "2030-01-01")).isEmpty)
        #expect(throws: QueryError.self) { try queries.changes(ChangesRequest(from: "2022-10-26")) }
    }

    @Test func citedByFindsListItemsInForce() throws {
        let record = try queries.citedBy(document: "行政处罚法", number: "第三十三条", asOf: "2023-01-01")
        #expect(record.label == "第三十三条")
        #expect(record.items.count >= 30)
        #expect(record.items.allSatisfy { $0.status == .sample })
        #expect(record.items.contains { $0.id == "SCJG-BYCF-001" && $0.version == "2022-10-25" })
        #expect(!record.items.contains { $0.version == "2023-08-10" })
        let compulsion = try queries.citedBy(document: "行政强制法", number: "16")
        #expect(compulsion.items.contains { $0.kind.rawValue == "免予行政强制事项清单" })
        // Articles cite each other too (本法第五十一条).
        let article = try queries.citedBy(document: "行政处罚法", number: "51")
        #expect(article.passages.contains { $0.kind == .regulation })
        #expect(throws: QueryError.self) { try queries.citedBy(document: "行政处罚法", number: "100") }
    }

    @Test func searchFiltersListsByDepartmentKindAndDate() throws {
        let hits = try queries.search(SearchRequest(query: "标签", kind: .list, department: "市场监管局", limit: 50)).hits
        #expect(!hits.isEmpty)
        #expect(hits.allSatisfy { $0.kind == .list && $0.department == "乌审旗市场监督管理局" && $0.status == .sample })
        let benchmark = try LawQueries.listKind("裁量基准")
        let benchmarks = try queries.search(
            SearchRequest(
                query: "罚款", kind: .list, listKind: benchmark, asOf: "2023-01-01",
                limit: 100)
        ).hits
        #expect(benchmarks.allSatisfy { $0.listKind?.rawValue == "行政处罚裁量权基准" })
        #expect(!benchmarks.contains { $0.version == "2024-03-20" })
        #expect(benchmarks.contains { $0.itemID == "SCJG-CLJZ-007" })
        let today = try queries.search(SearchRequest(query: "罚款", kind: .list, listKind: benchmark, limit: 100)).hits
        #expect(!today.contains { $0.itemID == "SCJG-CLJZ-007" })
    }

    @Test func departmentsAndListsAreListed() throws {
        let departments = try queries.departments()
        #expect(departments.count >= 13)
        #expect(departments.contains { $0.id == "scjg" && $0.shortNames.contains("市监局") && $0.lists >= 10 })
        let lists = try queries.lists(department: "市场监管局")
        #expect(lists.filter(\.inForce).count == Set(lists.map(\.kind)).count)
    }

    @Test func publicQueriesNeverSeeNonPublicLists() throws {
        let allLists = try queries.lists(department: "应急管理局")
        #expect(allLists.contains { $0.kind.rawValue == "追责情形清单" })
        let publicQueries = LawQueries(queries.knowledgeBase, publicOnly: true)
        #expect(try !publicQueries.lists(department: "应急管理局").contains { $0.kind.rawValue == "追责情形清单" })
        #expect(throws: QueryError.self) { try publicQueries.list(department: "应急管理局", kind: "追责情形清单") }
        let hits = try publicQueries.search(SearchRequest(query: "承办人", limit: 100)).hits
        #expect(!hits.contains { $0.department == "乌审旗应急管理局" && $0.listKind?.rawValue == "追责情形清单" })
    }

    @Test func anUnknownNameIsAnsweredWithTheClosestNames() throws {
        #expect(
            NameSuggestions.closest(
                to: "处罚法",
                among: [
                    "行政处罚法", "行政强制法", "优化营商环境条例", "行政处罚法",
                    "中华人民共和国行政处罚法",
                ])
                == ["行政处罚法"], "the closest, once, and not names sharing only 法")
        #expect(
            NameSuggestions.closest(to: "市场局", among: ["市监局", "市场监管局", "乌审旗市场监督管理局", "交通运输局"])
                == ["市场监管局", "乌审旗市场监督管理局", "市监局"])
        let many = ["应急", "林草", "水利", "自然资源", "卫生健康", "文化旅游", "交通运输"].map { "\($0)管理局" }
        #expect(NameSuggestions.closest(to: "宇宙管理局", among: many).count == NameSuggestions.limit)
        #expect(NameSuggestions.closest(to: "abc", among: ["行政处罚法"]).isEmpty, "nothing in common, nothing suggested")
        #expect(NameSuggestions.closest(to: String(repeating: "罚", count: 100_000), among: ["行政处罚法"]) == ["行政处罚法"])

        do {
            _ = try queries.article(document: "行政处罚条例", number: "1")
            Issue.record("an unknown document must fail")
        } catch {
            let message = error.description
            #expect(message.hasPrefix("没有名为“行政处罚条例”的文件。您是不是要找：行政处罚法"), "\(message)")
            #expect(message.components(separatedBy: "、").count <= NameSuggestions.limit, "\(message)")
            #expect(!message.contains("优化营商环境条例"), "not the whole vocabulary: \(message)")
        }
    }

    @Test func changesRefuseAnUnknownKindInChinese() throws {
        #expect(throws: QueryError.unknownListKind("奇怪清单", known: QueryError.listKindVocabulary)) {
            try queries.changes(ChangesRequest(kind: try LawQueries.listKind("奇怪清单")))
        }
        let message = QueryError.unknownListKind("免罚单", known: QueryError.listKindVocabulary).description
        #expect(message.hasPrefix("没有名为“免罚单”的清单种类。您是不是要找："), "\(message)")
        #expect(message.contains("免罚清单"))
    }
}
