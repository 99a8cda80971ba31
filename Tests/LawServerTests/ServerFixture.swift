import Foundation
import Hummingbird
import HummingbirdTesting
import LawIndex
import LawQuery
import LawTestSupport
import Logging
import Testing

@testable import LawServer

/// The shipped corpus indexed once per test run, and servers over it.
enum ServerFixture {
    /// The repository root.
    static let repository = TestRepository.root

    /// The shipped corpus.
    static let corpus = TestRepository.corpus

    /// A fresh empty directory under the system temporary directory.
    static func scratchDirectory() throws -> URL {
        try TestRepository.scratchDirectory("lawkb-server-tests")
    }

    /// A copy of the shipped corpus in `directory` (its `Corpus/`) whose 行政处罚法 第三十三条
    /// carries `marker`, for tests that rebuild an index and see the change served.
    static func corpusMarking(_ marker: String, in directory: URL) throws -> URL {
        let corpus = directory.appendingPathComponent("Corpus")
        try FileManager.default.copyItem(atPath: Self.corpus, toPath: corpus.path)
        let law = corpus.appendingPathComponent("regulations/中华人民共和国行政处罚法(2021).md")
        let original = try String(contentsOf: law, encoding: .utf8)
        let changed = original.replacingOccurrences(of: "第三十三条 违法行为轻微并及时改正", with: "第三十三条 违法行为轻微并及时改正\(marker)")
        #expect(changed != original)
        try changed.write(to: law, atomically: true, encoding: .utf8)
        return corpus
    }

    /// An index of the shipped corpus, built once per test run.
    static let indexPath = SharedIndex.full.path

    /// A public index of the shipped corpus (`lawkb index --public`), built once per test run.
    static let publicIndexPath = SharedIndex.published.path

    /// A logger that keeps the test output quiet.
    static let logger: Logger = {
        var logger = Logger(label: "lawkb-test")
        logger.logLevel = .critical
        return logger
    }()

    /// A service over `indexPath` (by default the public index in public mode, the full
    /// one otherwise) with test-friendly defaults.
    static func service(
        publicMode: Bool = false, rateLimit: RateLimit? = nil, queryTimeLimit: Duration = .seconds(10),
        indexPath: String? = nil, reloadCheckInterval: Duration = .seconds(1)
    ) throws -> LawService {
        let configuration = ServerConfiguration(
            host: "127.0.0.1", port: 0, indexPath: indexPath ?? (publicMode ? publicIndexPath : ServerFixture.indexPath),
            publicMode: publicMode, rateLimit: rateLimit,
            queryTimeLimit: queryTimeLimit, reloadCheckInterval: reloadCheckInterval)
        return try LawService(configuration: configuration, logger: logger)
    }

    /// Runs `body` against an in-process application over a new service.
    static func withClient<Value: Sendable>(
        publicMode: Bool = false, rateLimit: RateLimit? = nil, queryTimeLimit: Duration = .seconds(10),
        _ body: @Sendable (any TestClientProtocol) async throws -> Value
    ) async throws -> Value {
        let service = try service(publicMode: publicMode, rateLimit: rateLimit, queryTimeLimit: queryTimeLimit)
        return try await LawServer.makeApplication(service: service).test(.router, body)
    }

    /// `path?name=value…`, percent-encoded.
    static func target(_ path: String, _ parameters: [(String, String)] = []) -> String {
        QueryString.link(path, parameters.map { ($0.0, Optional($0.1)) })
    }
}

extension TestClientProtocol {
    /// A GET request.
    func get(_ uri: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        try await execute(uri: uri, method: .get, headers: headers)
    }
}

extension TestResponse {
    /// The body as UTF-8 text.
    var text: String { String(decoding: body.readableBytesView, as: UTF8.self) }

    /// The body as a JSON object.
    func object() throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(body.readableBytesView))
        return try #require(value as? [String: Any], "not a JSON object: \(text.prefix(200))")
    }

    /// The error code of a strict JSON error answer, checking its exact shape.
    func errorCode() throws -> String {
        let object = try object()
        #expect(Set(object.keys) == ["error"], "error answers have exactly one key, error")
        let error = try #require(object["error"] as? [String: Any])
        #expect(Set(error.keys) == ["code", "message"])
        #expect((error["message"] as? String)?.isEmpty == false)
        return try #require(error["code"] as? String)
    }

    /// A header value by name.
    func header(_ name: String) -> String? {
        headers[.init(name)!]
    }
}
