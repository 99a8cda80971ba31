import Foundation
import NIOCore
import NIOHTTP1
import NIOHTTPTypes
import Synchronization

/// Counts the responses the server has started and not yet put on the wire, across all
/// connections, so that shutdown can say truthfully whether every answer went out.
/// It also knows the open connections, so that when the shutdown grace period is over the
/// ones still waiting for a slow reader can be closed.
final class ResponseTracker: Sendable {
    private let open = Atomic<Int>(0)
    private let cut = Atomic<Int>(0)
    private let channels = Mutex<[ObjectIdentifier: any Channel]>([:])

    /// Creates a tracker with no response open.
    init() {}

    /// Responses whose head was written and whose last byte has not yet been sent.
    var openResponses: Int { open.load(ordering: .relaxed) }

    /// Responses closed by ``closeAllConnections()`` before their last byte was sent.
    var cutResponses: Int { cut.load(ordering: .relaxed) }

    /// Closes every connection now, responses in flight or not: the end of the grace period.
    func closeAllConnections() {
        let all = channels.withLock { Array($0.values) }
        for channel in all {
            channel.pipeline.triggerUserOutboundEvent(ConnectionGuardHandler.CloseNow(), promise: nil)
        }
    }

    func cutOff() { cut.add(1, ordering: .relaxed) }
    func started() { open.add(1, ordering: .relaxed) }
    func finished() { open.subtract(1, ordering: .relaxed) }
    func opened(_ channel: any Channel) { channels.withLock { $0[ObjectIdentifier(channel)] = channel } }
    func closed(_ channel: any Channel) { _ = channels.withLock { $0.removeValue(forKey: ObjectIdentifier(channel)) } }
}

/// Sits on every connection between the HTTP codec and Hummingbird's request handling and
/// does two jobs no middleware can do, because both happen outside a request:
///
/// - **No response is cut short by a close.** When a connection is closed while parts
///   of a response are still queued (a graceful shutdown closes connections right after
///   their last response is *written*, not *sent*), the close waits until the queued
///   writes have reached the socket or failed. A slow reader of a large answer therefore
///   gets all of it; the shutdown grace period bounds how long that may take.
/// - **Malformed requests get a JSON answer.** The HTTP parser's own 400 has an empty
///   body; it is replaced by the server's usual JSON error.
final class ConnectionGuardHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let tracker: ResponseTracker
    /// Writes handed to the socket and not yet completed.
    private var pendingWrites = 0
    /// Whether a response head was written and its end not yet.
    private var responseOpen = false
    /// A close asked for while writes were pending.
    private var deferredClose: (mode: CloseMode, promise: EventLoopPromise<Void>?)?
    /// Whether the HTTP parser rejected the request; its 400 answer gets a body.
    private var parserFailed = false

    init(tracker: ResponseTracker) {
        self.tracker = tracker
    }

    /// Asks the handler to close its connection at once, even with writes pending.
    struct CloseNow: Sendable {}

    func handlerAdded(context: ChannelHandlerContext) {
        tracker.opened(context.channel)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        tracker.closed(context.channel)
    }

    func triggerUserOutboundEvent(context: ChannelHandlerContext, event: Any, promise: EventLoopPromise<Void>?) {
        guard event is CloseNow else {
            context.triggerUserOutboundEvent(event, promise: promise)
            return
        }
        let waiting = deferredClose
        deferredClose = nil
        if responseOpen || pendingWrites > 0 { tracker.cutOff() }
        context.close(mode: .all, promise: promise)
        waiting?.promise?.succeed()
    }

    /// The JSON body of the answer to a request the HTTP parser could not read.
    static let badRequestBody: ByteBuffer = {
        let reply = Reply.jsonError(
            ServiceError(
                .badRequest, code: "bad_request", message: "the request is not valid HTTP/1.1",
                chinese: "请求不是有效的 HTTP/1.1 请求，无法解析。"))
        return ByteBuffer(string: reply.body)
    }()

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if error is HTTPParserError { parserFailed = true }
        context.fireErrorCaught(error)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(var head):
            if parserFailed, head.status == .badRequest, head.headerFields[.contentLength] == "0" {
                // Hummingbird's answer to a parse error: same status, a JSON body.
                head.headerFields[.contentType] = Reply.jsonType
                head.headerFields[.contentLength] = String(Self.badRequestBody.readableBytes)
                head.headerFields[.cacheControl] = "no-store"
                send(.head(head), context: context, promise: nil)
                send(.body(Self.badRequestBody), context: context, promise: promise)
            } else {
                send(.head(head), context: context, promise: promise)
            }
            if !responseOpen {
                responseOpen = true
                tracker.started()
            }
        case .body(let buffer):
            send(.body(buffer), context: context, promise: promise)
        case .end(let trailers):
            let isEnd = responseOpen
            responseOpen = false
            send(.end(trailers), context: context, promise: promise) { [tracker] in
                if isEnd { tracker.finished() }
            }
        }
    }

    func close(context: ChannelHandlerContext, mode: CloseMode, promise: EventLoopPromise<Void>?) {
        guard mode != .input, pendingWrites > 0 else {
            context.close(mode: mode, promise: promise)
            return
        }
        if let earlier = deferredClose {
            // One close is enough; both callers hear when it is done.
            if let promise { earlier.promise?.futureResult.cascade(to: promise) }
            if earlier.promise == nil { deferredClose = (earlier.mode, promise) }
        } else {
            deferredClose = (mode, promise)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        tracker.closed(context.channel)
        if responseOpen {
            responseOpen = false
            tracker.finished()
        }
        context.fireChannelInactive()
    }

    /// Writes `part`, counting it as pending until the socket took it (or failed), then
    /// runs `completion` and any close that waited for it.
    private func send(
        _ part: HTTPResponsePart, context: ChannelHandlerContext, promise: EventLoopPromise<Void>?,
        completion: @escaping () -> Void = {}
    ) {
        let written = promise ?? context.eventLoop.makePromise(of: Void.self)
        pendingWrites += 1
        written.futureResult.assumeIsolated().whenComplete { _ in
            self.pendingWrites -= 1
            completion()
            if self.pendingWrites == 0, let (mode, closePromise) = self.deferredClose {
                self.deferredClose = nil
                context.close(mode: mode, promise: closePromise)
            }
        }
        context.write(wrapOutboundOut(part), promise: written)
    }
}
