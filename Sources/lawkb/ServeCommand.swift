import ArgumentParser
import Foundation
import LawServer

/// `lawkb serve`: the HTTP JSON API and web pages over the index.
struct ServeCommand: AsyncAnswering {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "通过 HTTP 提供 JSON API 和网页。",
        discussion: """
            索引缺失或过期时先建立索引，然后以只读方式提供服务。`lawkb index` 替换索引文件后，\
            服务无需重启即改用新索引。用 Ctrl-C（SIGINT）或 SIGTERM 停止：不再接受新连接，\
            把正在发送的回答发完（至多 --shutdown-grace 秒）后退出。

            --public 提供公开服务。它使用公开版索引（默认 Index/lawkb-public.sqlite，可用 --index 另指，\
            由 `lawkb index --public` 建立，首次使用时在此建立）：其中没有未标为公开的清单，个人号码\
            在存储的文本中即已隐去；启动和重新加载时都拒绝其他索引。每个回答中的个人号码再次隐去，\
            只提供公开记录，按客户端限制请求频率，API 可跨域读取，每个客户端同时至多 \
            --client-concurrency 个请求，不提供 /metrics 和 /healthz 的详情（除非加 --expose-operations）。

              lawkb serve                       # http://127.0.0.1:8080/
              lawkb serve --host 0.0.0.0 --port 80 --public
            """)

    @Option(help: "监听的网络接口（0.0.0.0 表示全部）。")
    var host = "127.0.0.1"

    @Option(help: "监听的 TCP 端口。")
    var port = 8080

    @Flag(help: "作为公开服务：隐去个人号码，只提供公开记录，限制请求频率，允许跨域读取。")
    var `public` = false

    @Option(help: "每个客户端每秒的请求数（--public 时默认 20，否则不限；0 为不限）。")
    var rateLimit: Double?

    @Option(help: "客户端可连续发出的请求数（--public 时默认 40）。")
    var burst: Int?

    @Option(help: "一次检索最多运行的秒数，超时即停止。")
    var queryTimeout: Double = 2

    @Option(
        help: ArgumentHelp(
            "同时处理同一客户端的请求数（--public 时默认 1，否则不限；0 为不限）。",
            discussion: "该客户端的其他请求排队等候，一个客户端的慢请求不会拖累其他客户端。"))
    var clientConcurrency: Int?

    @Option(help: "收到 SIGTERM 或 SIGINT 后，正在发送的回答最多还可用的秒数。")
    var shutdownGrace: Double = 30

    @Option(
        help: ArgumentHelp(
            "缓存最近回答（API 和网页）所用内存的上限，单位 MB（0 为不缓存）。",
            discussion: "相同的请求在同一索引、同一天内直接以缓存回答；索引重新加载后缓存清空。出错的回答不缓存。"))
    var responseCacheMb = 32

    @Option(help: "同时运行的检索数（默认为处理器核数，至少 2；0 为由连接池决定）；其余的排队等候，等候的时间不计入 --query-timeout。")
    var concurrentReads: Int?

    @Flag(help: "与 --public 同用时，也提供 /metrics 和 /healthz 的详情（这样的服务只应绑定在运维地址上）。")
    var exposeOperations = false

    @OptionGroup var options: IndexOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port 应在 0 到 65535 之间") }
        guard queryTimeout > 0 else { throw ValidationError("--query-timeout 应大于 0") }
        if let rateLimit, rateLimit < 0 { throw ValidationError("--rate-limit 不能小于 0") }
        if let burst, burst < 1 { throw ValidationError("--burst 至少为 1") }
        if let clientConcurrency, clientConcurrency < 0 { throw ValidationError("--client-concurrency 不能小于 0") }
        guard shutdownGrace >= 0 else { throw ValidationError("--shutdown-grace 不能小于 0") }
        if let concurrentReads, !(0...1024).contains(concurrentReads) {
            throw ValidationError("--concurrent-reads 应在 0 到 1024 之间")
        }
        guard (0...Self.largestResponseCacheMb).contains(responseCacheMb) else {
            throw ValidationError("--response-cache-mb 应在 0 到 \(Self.largestResponseCacheMb) 之间")
        }
    }

    func answer() async throws {
        LawServer.bootstrapLogging()
        // Builds the index when it is missing, outdated or of another version.
        // A public server serves only a public index (`lawkb index --public`).
        _ = try `public` ? options.openPublic() : options.open()
        let configuration = ServerConfiguration(
            host: host, port: port, indexPath: `public` ? options.publicIndex : options.index, publicMode: `public`,
            rateLimit: effectiveRateLimit, queryTimeLimit: .milliseconds(Int64((queryTimeout * 1000).rounded())),
            clientConcurrency: clientConcurrency.map { $0 == 0 ? nil : $0 }
                ?? (`public` ? ServerConfiguration.publicClientConcurrency : nil),
            shutdownGracePeriod: .milliseconds(Int64((shutdownGrace * 1000).rounded())),
            exposeOperations: `public` ? exposeOperations : true,
            responseCache: responseCacheLimits,
            concurrentReads: concurrentReads.map { $0 == 0 ? nil : $0 } ?? ServerConfiguration.defaultConcurrentReads)
        try await LawServer.run(configuration: configuration)
    }

    /// The largest response cache accepted, in MB.
    static let largestResponseCacheMb = 4096

    /// The response cache's bounds: `--response-cache-mb` megabytes, and 128 answers per
    /// megabyte (a search answer is about 6 KB), as in ``ResponseCacheLimits/standard``.
    private var responseCacheLimits: ResponseCacheLimits {
        ResponseCacheLimits(entries: responseCacheMb * 128, bytes: responseCacheMb << 20)
    }

    /// The rate limit in force: the options, else the public default in public mode.
    private var effectiveRateLimit: RateLimit? {
        let defaults = `public` ? RateLimit.publicDefault : nil
        let rate = rateLimit ?? defaults?.requestsPerSecond
        guard let rate, rate > 0 else { return nil }
        return RateLimit(requestsPerSecond: rate, burst: burst ?? defaults?.burst ?? max(1, Int(rate * 2)))
    }
}
