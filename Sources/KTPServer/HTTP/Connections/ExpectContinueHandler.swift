import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Sends `100 Continue` to a request with `Expect: 100-continue` whose declared body the submit
/// route will read; never to one over ``ExtractionAPI/maxBodyBytes``, which the route refuses at
/// once. Hummingbird sends none, so such a client otherwise waits out its own expect timeout.
final class ExpectContinueHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundOut = HTTPResponsePart

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head(let head) = unwrapInboundIn(data), head.headerFields[.expect]?.lowercased() == "100-continue",
            ExtractionAPI.declaredLength(head.headerFields).map({ $0 <= ExtractionAPI.maxBodyBytes }) ?? true
        {
            context.writeAndFlush(wrapOutboundOut(.head(HTTPResponse(status: .continue))), promise: nil)
        }
        context.fireChannelRead(data)
    }
}

@available(*, unavailable)
extension ExpectContinueHandler: Sendable {}
