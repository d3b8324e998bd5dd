import AsyncHTTPClient
import Foundation
import NIOCore
import Testing
@testable import KTPServer

/// Slow and stalled clients on loopback: their connections end at the idle or body timeout, one
/// address holds at most its share of connections, and other clients are answered as usual.
/// 127.0.0.2 (loopback too) stands for the slow client, 127.0.0.1 for everyone else.
@Suite struct SlowClientTests {
    static let halfABody =
        "POST \(ExtractionAPI.submitPath) HTTP/1.1\r\nHost: x\r\nApp-ID: app-box\r\nAPI-Key: box-key\r\n"
        + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n" + String(repeating: "{", count: 500)

    /// A sandbox submit from 127.0.0.1: its status and how long it took.
    static func normalSubmit(_ client: HTTPClient, port: Int, reference: String) async throws -> (Int, Duration) {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(ExtractionAPI.submitPath)")
        request.method = .POST
        request.headers.add(name: "App-ID", value: "app-box")
        request.headers.add(name: "API-Key", value: "box-key")
        request.body = .bytes(ByteBuffer(string: #"{"image": "KTP", "reference_id": "\#(reference)"}"#))
        let start = ContinuousClock.now
        let response = try await client.execute(request, timeout: .seconds(30))
        _ = try await response.body.collect(upTo: 1 << 20)
        return (Int(response.status.code), ContinuousClock.now - start)
    }

    @Test(.timeLimit(.minutes(2)))
    func twoHundredStalledUploadsEndAtTheIdleTimeoutWhileOthersAreAnsweredAtOnce() async throws {
        let limits = ConnectionLimits(idleTimeout: .seconds(2), bodyTimeout: .seconds(60))
        try await LoopbackService.with(limits: limits) { service in
            var stalled: [(RawConnection, ContinuousClock.Instant)] = []
            for _ in 0..<200 {
                let connection = try await RawConnection.open(port: service.port, from: "127.0.0.2")
                // Past the address's share the server closes the connection as it opens.
                try? await connection.send(Self.halfABody)
                stalled.append((connection, .now))
            }
            let latencies = try await HTTPClient.scoped { client in
                // One to open the connection, then five on it, as a client with a pool sends them.
                _ = try await Self.normalSubmit(client, port: service.port, reference: "warm-0001")
                var latencies: [Duration] = []
                for index in 0..<5 {
                    let (status, latency) = try await Self.normalSubmit(
                        client, port: service.port, reference: "normal-\(index + 1000)")
                    #expect(status == 200)
                    latencies.append(latency)
                }
                return latencies.sorted()
            }
            #expect(latencies[2] < .milliseconds(100), "submits took \(latencies) beside 200 stalled uploads")

            // All within a few seconds of the 2 s idle timeout, not the 10 s this allows.
            let deadline = ContinuousClock.now + .seconds(10)
            var admitted = 0
            for (connection, sent) in stalled {
                _ = await connection.waitForClose(within: max(deadline - .now, .zero))
                #expect(connection.closedAt != nil, "a stalled upload is still open")
                guard let closed = connection.closedAt else { continue }
                // The share of 127.0.0.2 (128) waits out the idle timeout; the rest close as the
                // server accepts them, which under load may come late too.
                if closed - sent >= .milliseconds(1800) { admitted += 1 }
                await connection.close()
            }
            #expect(admitted >= limits.connectionsPerAddress, "the idle timeout closed \(admitted)")
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func aClientPastItsShareOfConnectionsIsClosedAsItConnects() async throws {
        let limits = ConnectionLimits(connectionsPerAddress: 4)
        try await LoopbackService.with(limits: limits) { service in
            var connections: [RawConnection] = []
            for _ in 0..<5 { connections.append(try await RawConnection.open(port: service.port, from: "127.0.0.2")) }
            // Which of the five is refused depends on the order the server's event loops take
            // them in; exactly one is.
            let deadline = ContinuousClock.now + .seconds(5)
            while !connections.contains(where: { $0.closedAt != nil }), ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
            try await Task.sleep(for: .milliseconds(300))
            let open = connections.filter { $0.closedAt == nil }
            #expect(open.count == 4, "\(5 - open.count) of five connections from one address were closed")
            // Another address is served as usual.
            let (status, _) = try await HTTPClient.scoped { client in
                try await Self.normalSubmit(client, port: service.port, reference: "other-0001")
            }
            #expect(status == 200)
            // A closed connection gives its share back, once the server has seen it close.
            if let first = open.first { await first.close() }
            var answered = false
            while !answered, ContinuousClock.now < deadline + .seconds(5) {
                let again = try await RawConnection.open(port: service.port, from: "127.0.0.2")
                try? await again.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
                answered = await again.waitForText(containing: "ok", within: .seconds(1)).hasPrefix("HTTP/1.1 200")
                await again.close()
            }
            #expect(answered, "a connection from the address was refused after one of its four closed")
            for connection in connections { await connection.close() }
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func aBodyTricklingPastTheBodyTimeoutIsClosed() async throws {
        // Margins a loaded machine keeps: a 300 ms pause would have to stretch past 3 s to look idle.
        let limits = ConnectionLimits(idleTimeout: .seconds(3), bodyTimeout: .seconds(6))
        try await LoopbackService.with(limits: limits) { service in
            let connection = try await RawConnection.open(port: service.port)
            let sent = ContinuousClock.now
            try await connection.send(String(Self.halfABody.prefix(while: { $0 != "{" })))
            // A byte every 300 ms: never idle for 3 s, but over the 6 s body timeout.
            var bytes = 0
            while connection.closedAt == nil, bytes < 60 {
                try? await connection.send("{")
                bytes += 1
                try await Task.sleep(for: .milliseconds(300))
            }
            let closed = try #require(connection.closedAt, "the trickling body was never cut off")
            #expect(closed - sent >= .milliseconds(4500), "closed after \(closed - sent)")
            #expect(closed - sent < .seconds(15), "closed after \(closed - sent)")
            await connection.close()
        }
    }
}
