import Foundation
import Hummingbird
import HummingbirdTesting
import LawCorpus
import LawIndex
import Testing

@testable import LawServer

/// What public servers serve: an index built with `lawkb index --public` from the shipped
/// corpus and one more public list, whose columns hold personal numbers written in every
/// form (the same corpus indexed in full backs the internal server the tests compare with).
enum PublicFixture {
    /// The personal numbers of ``list``, as written: grouped, dotted, spaced, bracketed, with
    /// NBSP and ideographic spaces, a spaced 18-digit and a 15-digit 身份证 number.
    static let numbers = [
        "150-4713-4088", "0477-8123456", "150.4713.4088", "(0477)8123456", "（0477）8123456", "0477 8123456",
        "150 47134088", "150\u{00A0}4713\u{00A0}4088", "150\u{3000}4713\u{3000}4088", "150102 19900101 1234",
        "150102900101123",
    ]

    /// A public list whose items each hold one of ``numbers`` in a column of the department's own.
    static let list = """
        department: 乌审旗嘎鲁图镇人民政府
        kind: 重点监管事项清单
        title: 乌审旗嘎鲁图镇人民政府重点监管事项清单
        version: 2022-06-01
        published: 2022-06-02
        status: sample
        public: true
        note: 各事项联系方式见所列电话。
        items:
        """
        + numbers.enumerated().map { index, number in
            """

              - id: GLTZ-ZDJG-\(String(format: "%03d", index + 1))
                name: 农村自建房施工安全巡查第\(index + 1)网格
                fields:
                  联系方式: "\(number)"
            """
        }.joined()

    /// The shipped corpus with ``list`` added.
    static let corpus: String = {
        let root = try! ServerFixture.scratchDirectory().appendingPathComponent("Corpus")
        try! FileManager.default.copyItem(atPath: ServerFixture.corpus, toPath: root.path)
        let folder = root.appendingPathComponent("lists/gltz/重点监管事项清单")
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try! list.write(to: folder.appendingPathComponent("2022-06-01.yaml"), atomically: true, encoding: .utf8)
        return root.path
    }()

    /// The public index of ``corpus``.
    static let publicIndexPath: String = build(.public, "lawkb-public.sqlite")
    /// The full index of ``corpus``.
    static let fullIndexPath: String = build(.full, "lawkb.sqlite")

    private static func build(_ artifact: IndexArtifact, _ name: String) -> String {
        let path = (corpus as NSString).deletingLastPathComponent + "/Index/" + name
        _ = try! IndexBuilder(corpusRoot: corpus, artifact: artifact).build(to: path)
        return path
    }

    /// A public server over the public index.
    static func service(rateLimit: RateLimit? = nil) throws -> LawService {
        try ServerFixture.service(publicMode: true, rateLimit: rateLimit, indexPath: publicIndexPath)
    }

    /// Runs `body` against a public server over the public index.
    static func withClient<Value: Sendable>(
        rateLimit: RateLimit? = nil, _ body: @Sendable (any TestClientProtocol) async throws -> Value
    ) async throws -> Value {
        try await LawServer.makeApplication(service: service(rateLimit: rateLimit)).test(.router, body)
    }

    /// Runs `body` against an internal server over the full index of the same corpus.
    static func withInternalClient<Value: Sendable>(
        _ body: @Sendable (any TestClientProtocol) async throws -> Value
    ) async throws -> Value {
        let service = try ServerFixture.service(publicMode: false, indexPath: fullIndexPath)
        return try await LawServer.makeApplication(service: service).test(.router, body)
    }
}

@Suite("Public mode: masking, limits, headers, caching")
struct PublicModeTests {
    /// An 11-digit mobile number standing alone (not part of a longer digit run).
    static let mobile = try! NSRegularExpression(pattern: "(?<![0-9])1[3-9][0-9]{9}(?![0-9])")

    static func mobileNumbers(in text: String) -> [String] {
        mobile.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range, in: text).map { String(text[$0]) }
        }
    }

    @Test("the plan's contact number is masked in JSON and HTML", arguments: ["达古拉", "联系人"])
    func masked(query: String) async throws {
        try await PublicFixture.withClient { client in
            for path in ["/api/search", "/"] {
                let response = try await client.get(ServerFixture.target(path, [("q", query)]))
                #expect(response.status == .ok)
                #expect(response.text.contains("150****4088"), "\(path)")
                #expect(!response.text.contains("15047134088"), "\(path)")
                #expect(Self.mobileNumbers(in: response.text).isEmpty)
            }
        }
    }

    @Test("in non-public mode the number is shown as written")
    func unmasked() async throws {
        try await ServerFixture.withClient(publicMode: false) { client in
            for path in ["/api/search", "/"] {
                let text = try await client.get(ServerFixture.target(path, [("q", "达古拉")])).text
                #expect(text.contains("15047134088"))
                #expect(!text.contains("150****4088"))
            }
        }
    }

    @Test("no mobile number survives in any response of a public server")
    func everyRoute() async throws {
        try await PublicFixture.withClient { client in
            let service = try PublicFixture.service()
            var targets = LawServer.routes(for: service).map(\.exampleTarget)
            for query in ["达古拉", "联系人", "报送", "15047134088", "联系 电话", "附件"] {
                targets.append(ServerFixture.target("/api/search", [("q", query), ("limit", "100")]))
                targets.append(ServerFixture.target("/", [("q", query), ("limit", "100")]))
            }
            targets += [
                "/deadlines", "/api/deadlines", "/api/documents", "/api/search?q=15047134088",
                ServerFixture.target("/api/articles/15047134088/1"),
            ]
            targets += Self.nonPublicListTargets
            for target in targets {
                let response = try await client.get(target)
                #expect(Self.mobileNumbers(in: response.text).isEmpty, "\(target): \(Self.mobileNumbers(in: response.text))")
                #expect(!response.text.contains(Self.internalNumber), "\(target)")
            }
        }
    }

    /// The mobile number in the notes of the non-public 追责情形清单 of 应急管理局.
    static let internalNumber = "13900001234"

    /// Every address that would show the non-public list or its number on an internal server.
    static let nonPublicListTargets: [String] = [
        "/api/lists", "/lists", ServerFixture.target("/api/lists", [("department", "应急管理局")]),
        ServerFixture.target("/lists", [("as_of", "2023-01-01")]),
        ServerFixture.target("/api/lists/应急管理局/追责情形清单"), ServerFixture.target("/lists/应急管理局/追责情形清单"),
        ServerFixture.target("/api/changes", [("department", "应急管理局")]),
        ServerFixture.target("/changes", [("department", "应急管理局")]),
        ServerFixture.target("/api/cited-by/行政强制法/61"), ServerFixture.target("/articles/行政强制法/61"),
        ServerFixture.target("/api/search", [("q", "13900001234")]),
        ServerFixture.target("/api/search", [("q", "承办人"), ("limit", "100")]),
        ServerFixture.target("/api/search", [("q", "联系电话"), ("kind", "list"), ("limit", "100")]),
        ServerFixture.target("/", [("q", "承办人"), ("limit", "100")]),
        ServerFixture.target("/", [("q", "内部备注"), ("kind", "list"), ("limit", "100")]),
    ]

    @Test("an internal server shows the non-public list and its number as written")
    func internalList() async throws {
        try await ServerFixture.withClient(publicMode: false) { client in
            let api = try await client.get(ServerFixture.target("/api/lists/应急管理局/追责情形清单"))
            #expect(api.status == .ok)
            #expect(api.text.contains(Self.internalNumber))
            let page = try await client.get(ServerFixture.target("/lists/应急管理局/追责情形清单"))
            #expect(page.status == .ok)
            #expect(page.text.contains(Self.internalNumber))
        }
    }

    @Test("searching for a full number cannot confirm it is in the index")
    func numberQuery() async throws {
        // The number is masked as typed, and the index holds it masked: the answer is the
        // same for every number with the same visible digits, so it confirms none of them.
        try await PublicFixture.withClient { client in
            let searched = try await client.get(ServerFixture.target("/api/search", [("q", "15047134088")]))
            let object = try searched.object()
            #expect(object["query"] as? String == "150****4088")
            #expect(!searched.text.contains("4713"))
            let other = try await client.get(ServerFixture.target("/api/search", [("q", "15099994088")])).object()
            #expect(other["total"] as? Int == object["total"] as? Int)
            let ids = { (object: [String: Any]) in (object["hits"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int } }
            #expect(ids(other) == ids(object))
        }
        try await ServerFixture.withClient(publicMode: false) { client in
            let object = try await client.get(ServerFixture.target("/api/search", [("q", "15047134088")])).object()
            #expect((object["total"] as? Int ?? 0) >= 1)
        }
    }

    /// The numbers of the test list that `text` shows unmasked, highlights aside.
    static func unmasked(in text: String) -> [String] {
        var plain = text
        for mark in ["<mark>", "</mark>", "[", "]"] {
            plain = plain.replacingOccurrences(of: mark, with: "")
        }
        let escaped = plain.replacingOccurrences(of: "\\u00a0", with: "\u{00A0}")
            .replacingOccurrences(of: "\\u3000", with: "\u{3000}")
        return PublicFixture.numbers.filter { plain.contains($0) || escaped.contains($0) }
    }

    /// A search of the test list, as JSON or as a page.
    static func listSearch(_ path: String, _ query: String) -> String {
        ServerFixture.target(path, [("q", query), ("kind", "list"), ("department", "嘎鲁图镇"), ("limit", "100")])
    }

    @Test(
        "the public index holds the numbers masked: highlights show only what masking kept",
        arguments: [
            ("4088", "150-****-[4088]", "150-****-<mark>4088</mark>"),
            ("3456", "0477-***[3456]", "0477-***<mark>3456</mark>"),
            ("0477", "[0477]-***3456", "<mark>0477</mark>-***3456"),
            ("150", "[150].****.4088", "<mark>150</mark>.****.4088"),
            ("1234", "150102 ******** [1234]", "150102 ******** <mark>1234</mark>"),
        ])
    func highlightsOfThePublicIndex(query: String, json: String, html: String) async throws {
        try await PublicFixture.withClient { client in
            let api = try await client.get(Self.listSearch("/api/search", query))
            #expect(api.status == .ok)
            #expect(api.text.contains(json), "\(api.text.prefix(600))")
            #expect(Self.unmasked(in: api.text).isEmpty, "\(Self.unmasked(in: api.text))")
            let page = try await client.get(Self.listSearch("/", query))
            #expect(page.status == .ok)
            #expect(page.text.contains(html))
            #expect(Self.unmasked(in: page.text).isEmpty)
        }
    }

    @Test(
        "searching the hidden digits of a number on a public server finds nothing",
        arguments: ["4713", "8123456", "47134088", "19900101"])
    func hiddenDigitsAreNotInThePublicIndex(query: String) async throws {
        try await PublicFixture.withClient { client in
            let object = try await client.get(Self.listSearch("/api/search", query)).object()
            #expect(object["total"] as? Int == 0)
            #expect(object["hits"] as? [Any] != nil)
        }
        try await PublicFixture.withInternalClient { client in
            let object = try await client.get(Self.listSearch("/api/search", query)).object()
            #expect((object["total"] as? Int ?? 0) >= 1, "the internal index finds \(query)")
        }
    }

    @Test(
        "masking at response time recognises numbers split by highlights, in JSON and HTML",
        arguments: [
            ("4088", ["150-****-[4088]", "150.****.[4088]"], ["150-****-<mark>4088</mark>"]),
            (
                "4713", ["150-[****]-4088", "150.[****].4088", "150\u{00A0}[****]\u{00A0}4088", "150\u{3000}[****]\u{3000}4088"],
                ["150-<mark>****</mark>-4088"]
            ),
            (
                "8123456", ["0477-[***3456]", "(0477)[***3456]", "（0477）[***3456]", "0477 [***3456]"],
                ["0477-<mark>***3456</mark>", "(0477)<mark>***3456</mark>"]
            ),
            ("19900101", ["150102 [********] 1234"], ["150102 <mark>********</mark> 1234"]),
            ("150102900101123", ["[150102******123]"], ["<mark>150102******123</mark>"]),
            ("47134088", ["150 [****4088]"], ["150 <mark>****4088</mark>"]),
        ])
    func responseMaskingAcrossHighlights(query: String, json: [String], html: [String]) async throws {
        // The bodies an internal server sends for the full index, masked as a public server
        // masks every body it sends: the second layer, for an index that holds numbers.
        let masker = SensitiveNumberMasker()
        try await PublicFixture.withInternalClient { client in
            let api = try await client.get(Self.listSearch("/api/search", query)).text
            #expect(api.contains("[\(query)]"), "the internal answer highlights \(query)")
            let maskedAPI = masker.mask(api)
            for expected in json {
                #expect(maskedAPI.contains(expected), "\(expected) in \(maskedAPI.prefix(800))")
            }
            #expect(!Self.unmasked(in: api).isEmpty, "the internal answer shows the numbers")
            #expect(Self.unmasked(in: maskedAPI).isEmpty, "\(Self.unmasked(in: maskedAPI))")
            let page = try await client.get(Self.listSearch("/", query)).text
            #expect(page.contains("<mark>\(query)</mark>"))
            let maskedPage = masker.mask(page)
            for expected in html {
                #expect(maskedPage.contains(expected), "\(expected)")
            }
            #expect(Self.unmasked(in: maskedPage).isEmpty, "\(Self.unmasked(in: maskedPage))")
        }
    }

    @Test("the list's own pages and API show every number masked")
    func listRoutes() async throws {
        let targets = [
            ServerFixture.target("/api/lists/嘎鲁图镇/重点监管事项清单"), ServerFixture.target("/lists/嘎鲁图镇/重点监管事项清单"),
            ServerFixture.target("/api/lists", [("department", "嘎鲁图镇")]), ServerFixture.target("/lists"),
            ServerFixture.target("/api/changes", [("department", "嘎鲁图镇")]),
            ServerFixture.target("/changes", [("department", "嘎鲁图镇")]),
        ]
        try await PublicFixture.withClient { client in
            for target in targets {
                let response = try await client.get(target)
                #expect(response.status == .ok, "\(target)")
                #expect(Self.unmasked(in: response.text).isEmpty, "\(target): \(Self.unmasked(in: response.text))")
            }
            let list = try await client.get(targets[0]).text
            for masked in [
                "150-****-4088", "150.****.4088", "(0477)***3456", "（0477）***3456", "0477 ***3456",
                "150 ****4088", "150102 ******** 1234", "150102******123",
            ] {
                #expect(list.contains(masked), "\(masked)")
            }
        }
    }

    @Test("a client over its rate gets 429 with Retry-After; the limit is per client")
    func rateLimit() async throws {
        try await PublicFixture.withClient(rateLimit: RateLimit(requestsPerSecond: 0.01, burst: 3)) { client in
            for _ in 0..<3 {
                #expect(try await client.get("/api/documents").status == .ok)
            }
            let refused = try await client.get("/api/documents")
            #expect(refused.status == .tooManyRequests)
            #expect(try refused.errorCode() == "rate_limited")
            let retryAfter = try #require(refused.header("Retry-After").flatMap(Int.init))
            #expect((1...100).contains(retryAfter))
            #expect(refused.header("Content-Security-Policy") != nil)
        }
        let limiter = RateLimiter(limit: RateLimit(requestsPerSecond: 1, burst: 1))
        #expect(limiter.admit("10.0.0.1") == nil)
        #expect(limiter.admit("10.0.0.1") != nil)
        #expect(limiter.admit("10.0.0.2") == nil)
    }

    @Test("security headers on every response; CORS on the public API only")
    func headers() async throws {
        let targets = ["/api/documents", "/", "/deadlines", "/api/search", "/nothing", "/openapi.json", "/healthz"]
        try await PublicFixture.withClient { client in
            for target in targets {
                let response = try await client.get(target)
                #expect(response.header("Content-Security-Policy") == ResponseFinisher.contentSecurityPolicy, "\(target)")
                #expect(response.header("X-Content-Type-Options") == "nosniff")
                #expect(response.header("Referrer-Policy") == "no-referrer")
                #expect(response.header("X-Frame-Options") == "DENY")
                let cors = response.header("Access-Control-Allow-Origin")
                #expect(cors == (target.hasPrefix("/api/") || target == "/openapi.json" ? "*" : nil), "\(target)")
            }
        }
        try await ServerFixture.withClient(publicMode: false) { client in
            let response = try await client.get("/api/documents")
            #expect(response.header("Access-Control-Allow-Origin") == nil)
            #expect(response.header("X-Frame-Options") == "DENY")
        }
    }

    @Test("ETag and If-None-Match give 304; public answers are publicly cacheable")
    func caching() async throws {
        try await PublicFixture.withClient { client in
            for target in ["/api/documents", ServerFixture.target("/", [("q", "不予处罚")])] {
                let first = try await client.get(target)
                let tag = try #require(first.header("ETag"))
                #expect(tag.hasPrefix("\"") && tag.hasSuffix("\""))
                #expect(first.header("Cache-Control") == "public, max-age=60")
                let again = try await client.get(target)
                #expect(again.header("ETag") == tag, "the tag is a function of the body")
                let cached = try await client.get(target, headers: [.ifNoneMatch: tag])
                #expect(cached.status == .notModified)
                #expect(cached.body.readableBytes == 0)
                #expect(cached.header("ETag") == tag)
                let other = try await client.get(target, headers: [.ifNoneMatch: "\"other\""])
                #expect(other.status == .ok)
            }
        }
        try await ServerFixture.withClient(publicMode: false) { client in
            let response = try await client.get("/api/documents")
            #expect(response.header("Cache-Control") == "private, max-age=60")
        }
    }
}

@Suite("Query strings")
struct QueryStringTests {
    @Test("query strings decode strictly")
    func queryStrings() throws {
        let parsed = try QueryString("q=%E6%9F%A5%E5%B0%81+%E6%9C%9F%E9%99%90&kind=&limit=5&flag")
        #expect(try parsed.value("q") == "查封 期限")
        #expect(try parsed.nonEmptyValue("kind") == nil)
        #expect(try parsed.integer("limit", default: 10) == 5)
        #expect(try parsed.value("flag") == "")
        #expect(try parsed.value("missing") == nil)
        for bad in ["q=%", "q=%G1", "q=%E6%9F", "q=%C0%AF", "%FF=1"] {
            #expect(throws: ServiceError.self, "\(bad)") { try QueryString(bad) }
        }
        #expect(QueryString.encode("查 a&b=c/") == "%E6%9F%A5%20a%26b%3Dc%2F")
        #expect(try QueryString.decode(QueryString.encode("《法》第1条 & x")[...], plusIsSpace: true, what: "x") == "《法》第1条 & x")
    }
}
