import Foundation

/// A submission about to be sent, as the ledger first records it.
public struct NewSubmission: Sendable, Hashable {
    public var api: String
    public var appID: String
    public var referenceID: String
    public var options: SubmitOptions
    public var photoSHA256: String?
    public var photoURL: String?
    public var reprocessOf: String?
    /// The photo's bytes, kept for reprocessing as `photoRetention` says; `nil` keeps nothing.
    public var keptPhoto: [UInt8]?
    public var photoRetention: PhotoRetention

    public init(
        api: String, appID: String, referenceID: String, options: SubmitOptions, photoSHA256: String? = nil,
        photoURL: String? = nil, reprocessOf: String? = nil, keptPhoto: [UInt8]? = nil,
        photoRetention: PhotoRetention = PhotoRetention()
    ) {
        self.api = api
        self.appID = appID
        self.referenceID = referenceID
        self.options = options
        self.photoSHA256 = photoSHA256
        self.photoURL = photoURL
        self.reprocessOf = reprocessOf
        self.keptPhoto = keptPhoto
        self.photoRetention = photoRetention
    }
}
