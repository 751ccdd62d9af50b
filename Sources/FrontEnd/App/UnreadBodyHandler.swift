import Hummingbird
import NIOCore
import NIOHTTPTypes

/// A response given before the request's body was read (413 for a body too large, 401, 429,
/// 503…) must reach the client even when it keeps writing: a plain client (Python's urllib,
/// no `Expect`) sends the whole body before reading the answer, and a server that stops
/// reading leaves it blocked until its own timeout (issue 16, finding 5). Such a response
/// says `Connection: close`; once it is written the rest of the body is read and dropped,
/// up to `maxDrainBytes`, and the connection is closed when the body ends (the client has
/// read everything it sent, so it gets the response, not a reset). A body longer than that
/// is cut off by closing at once.
final class UnreadBodyHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    /// Bytes of an unwanted body read and dropped before the connection is cut (the largest
    /// upload, 25 MB audio, plus room).
    static let maxDrainBytes = 32 << 20

    private var requestOpen = false
    private var answeredEarly = false
    private var draining = false
    private var drained = 0

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            requestOpen = true
            answeredEarly = false
            draining = false
            drained = 0
            context.fireChannelRead(data)
        case .body(let bytes):
            guard draining else {
                context.fireChannelRead(data)
                return
            }
            drained += bytes.readableBytes
            if drained > Self.maxDrainBytes {
                context.close(promise: nil)
            } else {
                context.read()
            }
        case .end:
            requestOpen = false
            if draining {
                context.close(promise: nil)
            } else {
                context.fireChannelRead(data)
            }
        }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(var head) where requestOpen && head.status.kind != .informational:
            answeredEarly = true
            head.headerFields[.connection] = "close"
            context.write(wrapOutboundOut(.head(head)), promise: promise)
        case .end where requestOpen && answeredEarly:
            context.write(data, promise: promise)
            draining = true
            context.read()
        default:
            context.write(data, promise: promise)
        }
    }
}
