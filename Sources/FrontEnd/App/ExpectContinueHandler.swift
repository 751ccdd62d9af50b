import Hummingbird
import NIOCore
import NIOHTTPTypes

/// Answers `Expect: 100-continue` with `100 Continue` as soon as the request's head is in.
/// curl and libcurl (PHP shops' integrations among them) ask for it before sending a body
/// over 1 MB, such as a photo for `POST /chat/imagen`, and without an answer wait a whole
/// second before sending anyway. Hummingbird does not answer it; this handler sits between
/// the HTTP codec and Hummingbird's own handlers (`HTTPServerBuilder.http1`).
final class ExpectContinueHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundOut = HTTPResponsePart

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head(let head) = unwrapInboundIn(data),
            head.headerFields[.expect]?.lowercased() == "100-continue"
        {
            context.writeAndFlush(wrapOutboundOut(.head(HTTPResponse(status: .continue))), promise: nil)
        }
        context.fireChannelRead(data)
    }
}
