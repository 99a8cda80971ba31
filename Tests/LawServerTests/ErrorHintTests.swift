import Foundation
import HummingbirdTesting
import LawIndex
import LawQuery
import Testing

@testable import LawServer

/// The server phrases what to do after a query's message itself: the query library names no
/// front end, and the JSON `message` keeps its hint.
@Suite("Error hints of the server")
struct ErrorHintTests {
    @Test("a name close to none is answered with where every name is listed")
    func listingHints() async throws {
        try await ServerFixture.withClient { client in
            let document = try await client.get(ServerFixture.target("/api/articles/qqqq/1")).object()
            let documentError = try #require(document["error"] as? [String: Any])
            #expect(documentError["code"] as? String == "unknown_document")
            #expect(documentError["message"] as? String == "没有名为“qqqq”的文件。收录的文件见 lawkb documents 或 /api/documents。")
            let department = try await client.get(ServerFixture.target("/api/lists", [("department", "qqqq")])).object()
            let departmentError = try #require(department["error"] as? [String: Any])
            #expect(departmentError["code"] as? String == "unknown_department")
            #expect(departmentError["message"] as? String == "没有名为“qqqq”的部门。全部部门见 lawkb departments 或 /api/departments。")
        }
    }

    @Test("query messages without a front end's hints name no command and no route")
    func neutralQueryMessages() {
        let errors: [QueryError] = [
            .emptyQuery, .unknownDocument("qqqq", known: ["中华人民共和国行政处罚法"]),
            .unknownDepartment("qqqq", known: ["乌审旗市场监督管理局"]),
        ]
        for error in errors {
            #expect(!error.description.contains("lawkb"), "\(error.description)")
            #expect(!error.description.contains("/api/"), "\(error.description)")
        }
        #expect(QueryError.emptyQuery.description == "检索词为空，请输入一个或多个词")
        #expect(QueryError.unknownDocument("qqqq", known: []).description == "没有名为“qqqq”的文件。")
        #expect(
            ServiceError(QueryError.unknownDocument("qqqq", known: [])).message
                == "没有名为“qqqq”的文件。收录的文件见 lawkb documents 或 /api/documents。")
    }

    @Test("index messages name no command; the front end phrases the remedy")
    func neutralIndexMessages() throws {
        let missing = IndexError.missing(path: "/nowhere/lawkb.sqlite")
        #expect(missing.description == "/nowhere/lawkb.sqlite 处没有索引")
        #expect(missing.remedy == .build)
        #expect(missing.message { _ in "请先生成" } == "/nowhere/lawkb.sqlite 处没有索引；请先生成")
        let incompatible = IndexError.incompatible(path: "x.sqlite", reason: "没有 lawkb 元数据")
        #expect(!incompatible.description.contains("lawkb index"))
        #expect(incompatible.remedy == .rebuild)
        #expect(IndexError.storage(path: "x", message: "磁盘已满").remedy == nil)
    }
}
