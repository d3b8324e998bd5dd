import NIOCore
import NIOPosix
import Synchronization

/// A plain TCP connection to the service on loopback, for requests no HTTP client would send:
/// a stalled body, an `Expect: 100-continue` head alone, a 100,000-character URL. It records what
/// arrives, when the first byte arrived and when the server closed.
struct RawConnection: Sendable {
    /// What the server sent, as it arrives.
    final class Received: Sendable {
        struct State {
            var bytes: [UInt8] = []
            var firstByte: ContinuousClock.Instant?
            var closed: ContinuousClock.Instant?
        }

        let state = Mutex(State())
    }

    /// Appends inbound bytes to a ``Received``.
    final class Collector: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        let received: Received

        init(_ received: Received) {
            self.received = received
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let buffer = unwrapInboundIn(data)
            received.state.withLock { state in
                if state.firstByte == nil { state.firstByte = .now }
                state.bytes += buffer.readableBytesView
            }
        }
    }

    let channel: any Channel
    let received: Received

    /// Connects to the service's `port` on 127.0.0.1, from `local` (another loopback address
    /// stands for another client).
    static func open(port: Int, from local: String = "127.0.0.1") async throws -> RawConnection {
        let received = Received()
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(Collector(received))
                }
            }
            .bind(to: try SocketAddress(ipAddress: local, port: 0))
            .connect(host: "127.0.0.1", port: port).get()
        channel.closeFuture.whenComplete { _ in received.state.withLock { $0.closed = .now } }
        return RawConnection(channel: channel, received: received)
    }

    func send(_ text: String) async throws {
        try await channel.writeAndFlush(ByteBuffer(string: text))
    }

    var text: String { received.state.withLock { String(decoding: $0.bytes, as: UTF8.self) } }
    var firstByte: ContinuousClock.Instant? { received.state.withLock { $0.firstByte } }
    var closedAt: ContinuousClock.Instant? { received.state.withLock { $0.closed } }

    /// Waits until the server closes, at most `limit`; whether it did.
    func waitForClose(within limit: Duration) async -> Bool {
        let deadline = ContinuousClock.now + limit
        while closedAt == nil, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        return closedAt != nil
    }

    /// Waits until `text` holds a complete answer whose body contains `marker`, at most `limit`.
    func waitForText(containing marker: String, within limit: Duration) async -> String {
        let deadline = ContinuousClock.now + limit
        while !text.contains(marker), closedAt == nil, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(5))
        }
        return text
    }

    /// The JSON body of the last answer in `text`.
    var lastBody: [String: Any] {
        guard let range = text.range(of: "\r\n\r\n", options: .backwards) else { return [:] }
        return ExtractionAPITests.json(ByteBuffer(string: String(text[range.upperBound...])))
    }

    func close() async {
        try? await channel.close()
    }
}
