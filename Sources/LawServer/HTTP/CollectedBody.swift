import Hummingbird

extension Response {
    /// The whole body (every answer of this server is small and complete), left in place
    /// as one buffer so that a later step can read it again.
    mutating func collectBody() async throws -> ByteBuffer {
        let collector = BodyCollector()
        try await body.write(collector)
        body = ResponseBody(byteBuffer: collector.buffer)
        return collector.buffer
    }
}

/// Collects a response body into one buffer.
final class BodyCollector: ResponseBodyWriter {
    private(set) var buffer = ByteBuffer()

    func write(_ buffer: ByteBuffer) async throws {
        var part = buffer
        self.buffer.writeBuffer(&part)
    }

    func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
