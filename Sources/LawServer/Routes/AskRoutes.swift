import Hummingbird
import LawAsk
import LawQuery

/// `GET /api/ask?q=`: a question in plain Chinese, answered as `lawkb ask --json` answers it.
///
/// The question is understood from the index's own names and answered by the same queries
/// as the other routes (public-only on a public server), so a list that is not public is
/// neither found nor named.
enum AskRoutes {
    static func routes(_ service: LawService) -> [Route] {
        [ask(service)]
    }

    /// The question parameter.
    static let question = RouteParameter(
        "q", in: .query, required: true,
        description:
            "The question in plain Chinese: 农牧局不予处罚的事项有哪些, 交通运输局的裁量基准有哪些变化, 处罚法第51条怎么规定, "
            + "重点监管清单什么时候公示. At most \(QueryParser.maximumLength) characters.",
        example: "市场监管局的免罚清单")

    private static func ask(_ service: LawService) -> Route {
        Route(
            "/api/ask", operationID: "ask",
            summary:
                "Answer a question in plain Chinese: {question, intent, understood, summary, answer, alternatives}; "
                + "answer is the JSON of the matching route "
                + "(list, lists, changes, article, compare, cited-by, deadlines, departments, search; on an internal "
                + "server also compliance: 哪些部门逾期了).",
            audience: .api, parameters: [question], contentType: Reply.jsonType, schema: "AskAnswer",
            errorStatuses: [400, 404, 503]
        ) { request, _ in
            let text = try questionText(try QueryString(request.uri.query), service: service)
            let answer = try await service.query { try Asker($0).ask(text) }
            return try .json(answer)
        }
    }

    /// The `q` parameter, required, bounded and (in public mode) with personal numbers masked.
    static func questionText(_ parameters: QueryString, service: LawService) throws(ServiceError) -> String {
        guard let text = try parameters.nonEmptyValue("q").map(service.sanitizedInput) else {
            throw ServiceError(QueryError.emptyQuery)
        }
        guard text.count <= QueryParser.maximumLength else {
            throw ServiceError(QueryError.tooLong(length: text.count, limit: QueryParser.maximumLength))
        }
        return text
    }
}

/// The structured answer shown above search hits, when the query reads as a question or a
/// citation (see ``Asker/bestAnswer(for:)``).
enum SearchAnswer {
    /// The answer for `query` over the current index, `nil` when it is only a search.
    static func best(for query: String, service: LawService) async -> AskAnswer? {
        guard !query.isEmpty, query.count <= QueryParser.maximumLength else { return nil }
        return try? await service.query { Asker($0).bestAnswer(for: query) }
    }

    /// The search page's `model` with the hits of `request`, the best answer above them when
    /// the query reads as a question or a citation, and suggestions when nothing is found.
    /// A query whose words find nothing but that has a best answer is not an error.
    static func filled(_ model: SearchPageModel, request: SearchRequest, service: LawService) async throws(ServiceError)
        -> SearchPageModel
    {
        var model = model
        if request.asksQuestion { model.answer = await best(for: request.query, service: service) }
        do {
            model.result = service.policy.visible(try await service.query { try $0.search(request) })
        } catch {
            guard model.answer != nil else { throw error }
        }
        if model.answer == nil, model.result?.total == 0 {
            model.suggestions = try? await service.query { try Asker($0).suggestions(for: request.query) }
        }
        return model
    }
}
