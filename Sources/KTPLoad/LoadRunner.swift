import AsyncHTTPClient
import Foundation
import NIOCore

/// Drives a running `ktp serve` open loop: submits of one photo at the schedule's fixed rate,
/// each with a fresh reference_id, sent when due however slowly earlier ones are answered.
/// Terminal results are counted from the server's `/metrics` before, after, and after a drain.
public struct LoadRunner: Sendable {
    public var baseURL: String
    public var appID: String
    public var apiKey: String
    public var photo: [UInt8]
    public var schedule: LoadSchedule
    /// How long to keep counting completions after the last submit is answered.
    public var drain: Duration = .zero
    /// Makes this run's reference_ids unique, so that runs can share a database.
    public var runID = String(UInt32.random(in: .min ... .max), radix: 16)
    public var requestTimeout: Duration = .seconds(30)

    public init(baseURL: String, appID: String, apiKey: String, photo: [UInt8], schedule: LoadSchedule) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.appID = appID
        self.apiKey = apiKey
        self.photo = photo
        self.schedule = schedule
    }

    public func run(client: HTTPClient) async throws(LoadError) -> LoadReport {
        let clock = ContinuousClock()
        let before = try await doneCount(client)
        // The first body is built before the first due time, never after it.
        let start = clock.now + .milliseconds(100)
        var completions = [CompletionCount(at: .zero, done: before)]
        let prefix = ByteBuffer(string: #"{"image": "\#(Data(photo).base64EncodedString())", "reference_id": ""#)
        let tally = await withTaskGroup(of: (Duration, SubmitOutcome).self) { group in
            for index in 0..<schedule.count {
                var body = prefix
                body.writeString("load-\(runID)-\(index)\"}")
                let offset = schedule.offset(of: index)
                try? await clock.sleep(until: start + offset)
                group.addTask { (offset, await submit(body, due: start + offset, client: client)) }
            }
            var tally = LoadTally()
            for await (offset, outcome) in group { tally.record(outcome, due: offset) }
            return tally
        }
        let afterLoad = try await doneCount(client)
        completions.append(CompletionCount(at: clock.now - start, done: afterLoad))
        if drain > .zero {
            try? await clock.sleep(for: drain)
            let afterDrain = try await doneCount(client)
            completions.append(CompletionCount(at: clock.now - start, done: afterDrain))
        }
        return LoadReport(schedule: schedule, photoBytes: photo.count, tally: tally, completions: completions)
    }

    func submit(_ body: ByteBuffer, due: ContinuousClock.Instant, client: HTTPClient) async -> SubmitOutcome {
        var request = HTTPClientRequest(url: baseURL + "/ktp/id/extract-async")
        request.method = .POST
        request.headers.add(name: "App-ID", value: appID)
        request.headers.add(name: "API-Key", value: apiKey)
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(body)
        do {
            let response = try await client.execute(request, timeout: .nanoseconds(requestTimeout.nanoseconds))
            let answer = try await response.body.collect(upTo: 1 << 20)
            let status = Int(response.status.code)
            var errorCode: String?
            if !(200..<300).contains(status) {
                let object = try? JSONSerialization.jsonObject(with: Data(answer.readableBytesView)) as? [String: Any]
                errorCode = object?["error_code"] as? String
            }
            return SubmitOutcome(.status(status, errorCode: errorCode), latency: .now - due)
        } catch {
            return SubmitOutcome(.transportError("\(error)"), latency: .now - due)
        }
    }

    func doneCount(_ client: HTTPClient) async throws(LoadError) -> Int {
        let text: String
        do {
            let response = try await client.execute(
                HTTPClientRequest(url: baseURL + "/metrics"), timeout: .nanoseconds(requestTimeout.nanoseconds))
            text = String(buffer: try await response.body.collect(upTo: 4 << 20))
        } catch {
            throw LoadError(.unreachable, "\(baseURL)/metrics: \(error)")
        }
        guard let done = CompletionCount.done(inMetrics: text) else {
            throw LoadError(.metricsUnreadable, "no \(CompletionCount.series) in \(baseURL)/metrics")
        }
        return done
    }
}

extension Duration {
    var nanoseconds: Int64 {
        components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000
    }
}
