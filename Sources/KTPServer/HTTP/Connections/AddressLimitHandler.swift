import NIOCore

/// Closes a connection as it opens when its client address already holds its share
/// (``ConnectionLimits/connectionsPerAddress``), so that one client's stalled connections cannot
/// use up the server's descriptors for everyone else.
final class AddressLimitHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = Any

    private let connections: AddressConnections
    /// The address this connection was counted under, until it closes.
    private var counted: String?

    init(connections: AddressConnections) {
        self.connections = connections
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { admit(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        admit(context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        release()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        release()
    }

    private func admit(_ context: ChannelHandlerContext) {
        guard counted == nil, let address = context.channel.remoteAddress?.ipAddress else { return }
        if connections.opened(address) {
            counted = address
        } else {
            context.close(promise: nil)
        }
    }

    private func release() {
        if let address = counted { connections.closed(address) }
        counted = nil
    }
}

@available(*, unavailable)
extension AddressLimitHandler: Sendable {}
