import Hummingbird
import NIOCore
import NIOHTTPTypes

/// Answers `Expect: 100-continue` with `100 Continue` once the request is authorized, never
/// before (issue 16: it was sent to anyone, inviting an unauthenticated client to send a
/// 10 MB body). curl and libcurl (PHP shops' integrations among them) ask for it before
/// sending a body over 1 MB, such as a photo for `POST /chat/imagen`, and without an answer
/// wait a whole second before sending anyway. Hummingbird does not answer it; this handler
/// sits between the HTTP codec and Hummingbird's own handlers (`HTTPServerBuilder.http1`).
///
/// The head only marks the request as waiting; `AuthMiddleware` (and the Telegram webhook's
/// secret check) send `Proceed` through the channel when the caller may go on, and a final
/// response written first (401, 403, 413…) cancels it: the client never sends its body.
final class ExpectContinueHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    /// The user outbound event that lets a waiting client send its body.
    struct Proceed: Sendable {}

    private var waiting = false

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head(let head) = unwrapInboundIn(data) {
            waiting = head.headerFields[.expect]?.lowercased() == "100-continue"
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .head(let head) = unwrapOutboundIn(data), head.status.kind != .informational { waiting = false }
        context.write(data, promise: promise)
    }

    func triggerUserOutboundEvent(context: ChannelHandlerContext, event: Any, promise: EventLoopPromise<Void>?) {
        guard event is Proceed else {
            context.triggerUserOutboundEvent(event, promise: promise)
            return
        }
        if waiting {
            waiting = false
            context.writeAndFlush(wrapOutboundOut(.head(HTTPResponse(status: .continue))), promise: nil)
        }
        promise?.succeed(())
    }
}

extension AppRequestContext {
    /// Tells a client waiting on `Expect: 100-continue` to send its body (nothing otherwise).
    func proceedWithBody(_ request: Request) {
        guard request.headers[.expect]?.lowercased() == "100-continue" else { return }
        channel?.triggerUserOutboundEvent(ExpectContinueHandler.Proceed(), promise: nil)
    }
}
