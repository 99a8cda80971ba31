import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import LawServer

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
        try await ServerFixture.withClient(publicMode: true) { client in
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
        try await ServerFixture.withClient(publicMode: true) { client in
            let service = try ServerFixture.service(publicMode: true)
            var targets = LawServer.routes(for: service).map(\.exampleTarget)
            for query in ["达古拉", "联系人", "报送", "15047134088", "联系 电话", "附件"] {
                targets.append(ServerFixture.target("/api/search", [("q", query), ("limit", "100")]))
                targets.append(ServerFixture.target("/", [("q", query), ("limit", "100")]))
            }
            targets += ["/deadlines", "/api/deadlines", "/api/documents", "/api/search?q=15047134088",
                        ServerFixture.target("/api/articles/15047134088/1")]
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
        try await ServerFixture.withClient(publicMode: true) { client in
            let object = try await client.get(ServerFixture.target("/api/search", [("q", "15047134088")])).object()
            #expect(object["query"] as? String == "150****4088")
            #expect(object["total"] as? Int == 0)
        }
        try await ServerFixture.withClient(publicMode: false) { client in
            let object = try await client.get(ServerFixture.target("/api/search", [("q", "15047134088")])).object()
            #expect((object["total"] as? Int ?? 0) >= 1)
        }
    }

    @Test("a client over its rate gets 429 with Retry-After; the limit is per client")
    func rateLimit() async throws {
        try await ServerFixture.withClient(publicMode: true, rateLimit: RateLimit(requestsPerSecond: 0.01, burst: 3)) { client in
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
        try await ServerFixture.withClient(publicMode: true) { client in
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
        try await ServerFixture.withClient(publicMode: true) { client in
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

@Suite("Masking and query strings")
struct MaskerTests {
    let masker = SensitiveNumberMasker()

    @Test("personal numbers are masked", arguments: [
        ("联系人：达古拉 15047134088", "联系人：达古拉 150****4088"),
        ("电话15047134088。", "电话150****4088。"),
        ("+8615047134088", "+86150****4088"),
        ("150 4713 4088", "150 **** 4088"),
        ("150-4713-4088", "150-****-4088"),
        ("１５０４７１３４０８８", "１５０****４０８８"),
        ("tel:13900001234,", "tel:139****1234,"),
        ("0477-8888888", "0477-***8888"),
        ("010-12345678", "010-****5678"),
        ("04778888888", "0477***8888"),
        ("身份证号110101199003071234。", "身份证号110101********1234。"),
        ("11010119900307123X", "110101********123X"),
        ("11010119900307123x号", "110101********123x号"),
    ])
    func masks(_ input: String, _ expected: String) {
        #expect(masker.mask(input) == expected)
        #expect(masker.containsSensitiveNumber(input))
    }

    @Test("other numbers are left alone", arguments: [
        "乌司发〔2022〕11号", "2022年5月15日", "2022-03-28", "第3条", "12345678901",
        "215047134088", "150471340881", "1504713408", "91150626MA0N8XYZ12", "911506261234567890123",
        "5号楼B座303室", "20221031", "0477-123456",
    ])
    func leaves(_ input: String) {
        #expect(masker.mask(input) == input)
    }

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
