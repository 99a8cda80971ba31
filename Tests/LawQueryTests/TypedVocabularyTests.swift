import Foundation
import LawCorpus
import LawQuery
import Testing

/// The answers hold typed vocabularies (document kind, kind of list, list status, deadline
/// kind) and write each as the code or name their JSON always had; requests made from text
/// refuse a word that names nothing with the message they always gave.
struct TypedVocabularyTests {
    let queries = Fixture.queries

    private func json(_ value: some Encodable) throws -> [String: Any] {
        let data = try JSONEncoder().encode(value)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func aListHitWritesItsKindStatusAndKindOfListAsBefore() throws {
        let request = SearchRequest(
            query: "营业执照", kind: .list, department: "市场监管局", listKind: .noPenalty,
            asOf: "2023-01-01")
        let hit = try #require(try queries.search(request).hits.first)
        #expect(hit.kind == .list && hit.status == .sample && hit.listKind == .noPenalty)
        let object = try json(hit)
        #expect(object["kind"] as? String == "list")
        #expect(object["status"] as? String == "sample")
        #expect(object["list_kind"] as? String == "不予处罚事项清单")
        #expect(try JSONDecoder().decode(SearchHit.self, from: JSONEncoder().encode(hit)) == hit)
    }

    @Test func aLawHitHasNoListStatus() throws {
        let hit = try #require(try queries.search(SearchRequest(query: "携带车辆营运证", kind: .regulation)).hits.first)
        #expect(hit.kind == .regulation && hit.status == nil && hit.listKind == nil)
        #expect(try json(hit)["kind"] as? String == "regulation")
    }

    @Test func deadlinesAndDocumentsWriteTheirKindsAsCodes() throws {
        let deadlines = try queries.deadlines()
        #expect(Set(deadlines.map(\.kind)) == Set(DeadlineKind.allCases))
        let recurring = try #require(deadlines.first { $0.kind == .recurring })
        #expect(try json(recurring)["kind"] as? String == "recurring")
        let documents = try queries.documents()
        #expect(Set(documents.map(\.kind)) == [.plan, .regulation])
        #expect(try json(documents[0])["kind"] as? String == documents[0].kind.rawValue)
    }

    @Test func listsAndChangesWriteKindAndStatusAsBefore() throws {
        let list = try queries.list(department: "市监局", kind: .noPenalty, asOf: "2023-01-01")
        #expect(try json(list)["kind"] as? String == "不予处罚事项清单")
        #expect(try json(list)["status"] as? String == "sample")
        let change = try #require(try queries.changes(ChangesRequest(kind: .discretionBenchmark)).first)
        #expect(change.kind == .discretionBenchmark)
        #expect(try json(change)["status"] as? String == change.status.rawValue)
        let cited = try queries.citedBy(document: "行政处罚法", number: "51")
        let passage = try #require(cited.passages.first)
        #expect(try json(passage)["kind"] as? String == passage.kind.rawValue)
    }

    @Test func aRequestFromTextRefusesAnUnknownKindAsBefore() {
        #expect(throws: QueryError.invalidParameter(name: "kind", message: "应为 plan、regulation、list 之一")) {
            try SearchRequest(query: "处罚", kindCode: "novel", listKindName: nil)
        }
        #expect(throws: QueryError.invalidParameter(name: "kind", message: "应为 plan、regulation、list 之一")) {
            try SearchRequest(query: "处罚", kindCode: "法律法规", listKindName: nil)
        }
        #expect(throws: QueryError.unknownListKind("奇怪清单", known: QueryError.listKindVocabulary)) {
            try SearchRequest(query: "处罚", kindCode: nil, listKindName: "奇怪清单")
        }
    }

    @Test func aRequestFromTextNamesTheFirstWrongParameterInTheOldOrder() throws {
        #expect { try SearchRequest(query: "处罚", kindCode: "novel", listKindName: "奇怪清单", limit: 0) } throws: { error in
            guard case QueryError.invalidParameter(let name, _) = error else { return false }
            return name == "limit"
        }
        #expect { try SearchRequest(query: "处罚", kindCode: "novel", listKindName: "奇怪清单", asOf: "2023-13-01") } throws: { error in
            guard case QueryError.invalidParameter(let name, _) = error else { return false }
            return name == "kind"
        }
        let request = try SearchRequest(query: "处罚", kindCode: "list", listKindName: "免罚", asOf: "2023-01-01")
        #expect(request.kind == .list && request.listKind == .noPenalty)
    }
}
