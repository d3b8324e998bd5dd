import HTTPTypes
import KTPContract
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// Answers a request the HTTP parser refuses (a head over ``ConnectionLimits/maxHeadBytes``, a
/// malformed line) with the contract's error body, `400 INVALID_PAYLOAD`, and closes: left to
/// Hummingbird, such a request gets a 400 with an empty body.
final class RequestHeadErrorHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    /// Requests whose head was read and whose answer has not ended.
    private var answering = 0
    /// The parser failed inside a request being answered: close once that answer ends.
    private var closeAfterAnswer = false

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head = unwrapInboundIn(data) { answering += 1 }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let isEnd = if case .end = unwrapOutboundIn(data) { true } else { false }
        context.write(data, promise: promise)
        guard isEnd else { return }
        answering -= 1
        if answering == 0, closeAfterAnswer {
            context.close(promise: nil)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let error = error as? HTTPParserError else {
            context.fireErrorCaught(error)
            return
        }
        if answering == 0 {
            answer(error, context: context)
        } else {
            // A route is answering a request whose body went bad: it sees a failed read and
            // answers with the error body itself; nothing can be read after it.
            closeAfterAnswer = true
            context.fireErrorCaught(error)
        }
    }

    private func answer(_ error: HTTPParserError, context: ChannelHandlerContext) {
        let message =
            error == .headerOverflow ? "the request head is too large" : "the request could not be parsed"
        let body = ExtractionAPI.encoded(ErrorBody(message: message, errorCode: .invalidPayload))
        let head = HTTPResponse(
            status: .badRequest,
            headerFields: [
                .contentType: "application/json", .contentLength: "\(body.readableBytes)", .connection: "close",
            ])
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(body)), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in context.close(promise: nil) }
    }
}

@available(*, unavailable)
extension RequestHeadErrorHandler: Sendable {}
