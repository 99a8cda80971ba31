import Foundation
import HummingbirdTesting
import Testing

@testable import LawServer

/// Every parameter of every route, given values no form would send, answers with a clean
/// client error or a normal answer: never a server error.
@Suite("Hostile parameters on every route")
struct HostileParameterTests {
    /// Values a client may send: too long, control characters, markup, odd versions and days.
    static let values = [
        String(repeating: "9", count: 1_000), "20\u{1}21", "2021\u{7F}", "\u{202E}2021", Hostile.text, "-1", "0",
        "9999-99-99", "2021年版版版", "(2017)", "旧", "１９９９", "2017 2021",
    ]

    @Test("no value of any query or path parameter gives a 500")
    func everyParameter() async throws {
        try await ServerFixture.withClient { client in
            let service = try ServerFixture.service()
            for route in LawServer.routes(for: service) {
                for parameter in route.parameters {
                    for value in Self.values {
                        let target = Self.target(route, setting: parameter, to: value)
                        let response = try await client.get(target)
                        #expect(response.status.code < 500, "\(target): \(response.status) \(response.text.prefix(200))")
                    }
                }
            }
        }
    }

    /// The route's example address with `parameter` set to `value`.
    static func target(_ route: Route, setting parameter: RouteParameter, to value: String) -> String {
        var path = route.path
        var query: [(String, String?)] = []
        for other in route.parameters {
            let given = other.name == parameter.name ? value : other.example
            switch other.location {
            case .path:
                path = path.replacingOccurrences(of: "{\(other.name)}", with: QueryString.encode(given))
            case .query where other.name == parameter.name || other.required:
                query.append((other.name, given))
            case .query:
                break
            }
        }
        return QueryString.link(path, query)
    }
}
