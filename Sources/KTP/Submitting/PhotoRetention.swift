/// How long the ledger keeps a submission's photo (see ``Ledger/photos``) so that it can be reprocessed: always
/// while the submission is pending, then by how it ended. A photo several submissions share stays while any of
/// them keeps it.
public struct PhotoRetention: Sendable, Hashable {
    /// After a failure: time to reprocess it by hand. Seven days by default.
    public var failed: Duration
    /// After a success: none by default, so the photo goes as soon as the result arrives.
    public var succeeded: Duration

    public init(failed: Duration = .seconds(7 * 86_400), succeeded: Duration = .zero) {
        self.failed = max(failed, .zero)
        self.succeeded = max(succeeded, .zero)
    }

    /// Keeps no photo at all, not even while pending: such submissions cannot be reprocessed.
    public static let none = PhotoRetention(failed: .zero, succeeded: .zero)

    /// Whether photos are stored at all.
    public var keepsPhotos: Bool { failed > .zero || succeeded > .zero }

    var failedSeconds: Double { Self.seconds(failed) }
    var succeededSeconds: Double { Self.seconds(succeeded) }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
