import Dispatch
import Foundation
import KTP
import KTPDashboard
import Synchronization

/// Runs the dashboard: the terminal thread for keys and paint, the SDK for data and actions, and the pure
/// state in between. Effects run in their own tasks, so the screen never waits on the ledger or the network.
public struct DashboardRuntime: Sendable {
    public var ledger: Ledger
    /// Reaches the service; the screen paints and the ledger loads while it runs. When it throws, the
    /// dashboard closes and `run()` throws its error.
    public var service: @Sendable () async throws -> DashboardService
    public var appID: String
    public var readOnly: Bool
    public var theme: Theme
    public var themeDirectories: [URL]
    public var refresh: Duration
    public var environment: [String: String]
    /// Runs once the service is reachable and its trackers' receivers listen, so that what it submits
    /// comes back by callback (the demo feeds its photos here); cancelled when the dashboard closes.
    public var onServiceReady: @Sendable (DashboardService) async throws -> Void = { _ in }

    public init(
        ledger: Ledger, service: @escaping @Sendable () async throws -> DashboardService, appID: String,
        readOnly: Bool, theme: Theme, themeDirectories: [URL], refresh: Duration = .seconds(1),
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.ledger = ledger
        self.service = service
        self.appID = appID
        self.readOnly = readOnly
        self.theme = theme
        self.themeDirectories = themeDirectories
        self.refresh = refresh
        self.environment = environment
    }

    enum Input: Sendable {
        case action(DashboardAction)
        case terminal(TerminalThread.Event)
        case theme(Theme)
        case refresh(Duration)
        case serviceFailed(any Error)
        case quit
    }

    /// Shows the dashboard until the operator quits, or SIGINT or SIGTERM arrives; the terminal is restored
    /// on every way out.
    public func run() async throws {
        LargeAllocations.returnToTheSystemWhenFreed()
        let terminal = TerminalThread(environment: environment)
        let (inputs, send) = AsyncStream.makeStream(of: Input.self, bufferingPolicy: .unbounded)
        let signals = Self.watchSignals { send.yield(.quit) }
        var tasks: [Task<Void, Never>] = []
        tasks.append(Task { for await event in terminal.events { send.yield(.terminal(event)) } })
        let shared = Shared(refresh: refresh)
        tasks.append(Task { await loadAndFollow(into: shared, send: send) })
        tasks.append(
            Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: shared.interval.withLock { $0 })
                    let batch = shared.changes.withLock { pending in
                        defer { pending = [:] }
                        return Array(pending.values)
                    }
                    if !batch.isEmpty { send.yield(.action(.changed(batch))) }
                }
            })
        tasks.append(
            Task {
                while !Task.isCancelled {
                    send.yield(.action(.tick(Date())))
                    try? await Task.sleep(for: .seconds(1))
                }
            })
        tasks.append(Task { await connect(into: shared, send: send) })
        defer {
            tasks.forEach { $0.cancel() }
            signals.forEach { $0.cancel() }
        }

        var failure: (any Error)?
        var state: DashboardState?
        var glyphs = GlyphSet.unicode
        var colorMode = ColorMode.none
        var palette = ThemePalette(theme: theme, colorMode: colorMode)
        loop: for await input in inputs {
            switch input {
            case .terminal(.started(let columns, let rows, let mode, let isUTF8)):
                glyphs = isUTF8 ? .unicode : .ascii
                colorMode = mode
                palette = ThemePalette(theme: theme, colorMode: mode)
                terminal.definePairs(palette.pairs)
                var initial = DashboardState(
                    api: shared.service.withLock { $0?.api }, appID: appID, readOnly: readOnly, columns: columns,
                    rows: rows, now: Date())
                initial.refreshSeconds = Int(refresh.components.seconds)
                initial.themeName = theme.name
                state = initial
            case .terminal(.resized(let columns, let rows)):
                run(state?.reduce(.resized(columns: columns, rows: rows)) ?? [], send: send, shared: shared)
            case .terminal(.key(let key)):
                run(state?.reduce(.key(key)) ?? [], send: send, shared: shared)
            case .terminal(.stopped):
                break loop
            case .action(let action):
                run(state?.reduce(action) ?? [], send: send, shared: shared)
            case .theme(let loaded):
                palette = ThemePalette(theme: loaded, colorMode: colorMode)
                terminal.definePairs(palette.pairs)
                run(state?.reduce(.themeApplied(name: loaded.name)) ?? [], send: send, shared: shared)
            case .refresh(let seconds):
                shared.interval.withLock { $0 = seconds }
            case .serviceFailed(let error):
                failure = error
                terminal.stop()
                continue
            case .quit:
                terminal.stop()
                continue
            }
            guard let current = state else { continue }
            if current.wantsQuit {
                terminal.stop()
                continue
            }
            let grid = DashboardView.render(current, glyphs: glyphs)
            terminal.show(palette.spans(for: grid), cursor: grid.cursor.map { ($0.column, $0.row) })
        }
        if let failure { throw failure }
    }

    /// Waits for the service, then tracks through it until the dashboard closes.
    private func connect(into shared: Shared, send: AsyncStream<Input>.Continuation) async {
        let service: DashboardService
        do {
            service = try await self.service()
        } catch {
            send.yield(.serviceFailed(error))
            return
        }
        shared.service.withLock { $0 = service }
        send.yield(.action(.serviceReady(api: service.api)))
        let receivers = service.trackers.filter { $0.configuration.receiver != nil }.count
        let (listening, listens) = AsyncStream.makeStream(of: Void.self)
        await withTaskGroup(of: Void.self) { group in
            for tracker in service.trackers {
                group.addTask {
                    try? await tracker.run { port in
                        Self.deliverCallbacks(of: tracker, toPort: port, shared: shared)
                        listens.yield()
                    }
                    // A receiver that could not listen must not hold back what waits for the others.
                    listens.yield()
                }
            }
            group.addTask {
                var waiting = receivers
                if waiting > 0 {
                    for await _ in listening {
                        waiting -= 1
                        if waiting == 0 { break }
                    }
                }
                guard let ready = shared.service.withLock({ $0 }) else { return }
                do {
                    try await onServiceReady(ready)
                } catch where !(error is CancellationError) {
                    send.yield(.action(.failed("\(error)")))
                } catch {}
            }
        }
    }

    /// Points the application's submitter at the tracker's receiver, now that its port is known.
    private static func deliverCallbacks(of tracker: Tracker, toPort port: Int, shared: Shared) {
        guard var receiver = tracker.configuration.receiver else { return }
        receiver.port = port
        shared.service.withLock { service in
            service?.submitters[tracker.client.appID]?.callbackURL = receiver.url
            service?.submitters[tracker.client.appID]?.pollSchedule = tracker.configuration.pollSchedule
        }
    }

    /// Loads the ledger page by page, painting after the first, then follows its changes, including other
    /// processes' writes since the load began.
    private func loadAndFollow(into shared: Shared, send: AsyncStream<Input>.Continuation) async {
        do {
            let revision = try await ledger.latestRevision()
            var first = true
            for try await page in ledger.summaryPages() {
                send.yield(.action(first ? .loaded(page, complete: false) : .loadedMore(page, complete: false)))
                first = false
            }
            send.yield(.action(.loadedMore([], complete: true)))
            for await change in ledger.watch(after: revision) {
                let summary = change.summary
                shared.changes.withLock { $0[summary.id] = summary }
            }
        } catch {
            send.yield(.action(.failed("cannot read the ledger: \(error)")))
        }
    }

    private func run(_ effects: [DashboardEffect], send: AsyncStream<Input>.Continuation, shared: Shared) {
        for effect in effects {
            switch effect {
            case .quit:
                send.yield(.quit)
            case .setRefresh(let seconds):
                send.yield(.refresh(.seconds(max(1, seconds))))
            default:
                Task { await perform(effect, send: send, shared: shared) }
            }
        }
    }

    private func perform(_ effect: DashboardEffect, send: AsyncStream<Input>.Continuation, shared: Shared) async {
        do {
            switch effect {
            case .loadDetail(let id):
                guard let submission = try await ledger.submission(id: id) else { return }
                let events = try await ledger.events(submissionID: id)
                let reprocessings = try await ledger.reprocessings(of: submission).map(\.summary)
                send.yield(.action(.detailLoaded(submission, events: events, reprocessings: reprocessings)))
            case .reprocess(let ids, let validateQuality):
                var failures: [String] = []
                let submitters = shared.service.withLock { $0?.submitters } ?? [:]
                for id in ids {
                    guard let original = try await ledger.submission(id: id) else { continue }
                    guard let submitter = submitters[original.appID] else {
                        failures.append("\(original.referenceID): no credentials for \(original.appID)")
                        continue
                    }
                    do {
                        _ = try await submitter.reprocess(original, validateQuality: validateQuality)
                    } catch {
                        failures.append("\(original.referenceID): \(error)")
                    }
                }
                send.yield(.action(.reprocessed(originals: ids.count, failures: failures)))
            case .reveal(let id):
                try await ledger.recordReveal(id, by: "dashboard (\(NSUserName()))")
                send.yield(.action(.revealed(id: id)))
            case .exportCSV(let path, let rows):
                try CSVFileExport.write(rows, to: path) { written in
                    send.yield(.action(.exportProgress(path: path, written: written, total: rows.count)))
                }
                send.yield(.action(.exported(path: path, rows: rows.count)))
            case .setTheme(let name):
                send.yield(.theme(try Theme.load(name, directories: themeDirectories)))
            case .quit, .setRefresh:
                break
            }
        } catch {
            send.yield(.action(.failed("\(error)")))
        }
    }

    /// What the runtime's tasks share: changes not yet shown, batched per refresh interval.
    final class Shared: Sendable {
        let changes = Mutex<[Int64: SubmissionSummary]>([:])
        let interval: Mutex<Duration>
        /// `nil` until the service is reachable.
        let service = Mutex<DashboardService?>(nil)

        init(refresh: Duration) { interval = Mutex(refresh) }
    }

    /// SIGINT and SIGTERM end the dashboard through the same path as `q`, so the terminal is restored.
    static func watchSignals(_ handler: @escaping @Sendable () -> Void) -> [any DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler(handler: handler)
            source.resume()
            return source
        }
    }
}
