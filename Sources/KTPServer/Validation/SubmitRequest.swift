import Foundation

/// A submit body that passed the contract's checks 1 to 6, the ones that need neither the store
/// nor the image's bytes.
public struct SubmitRequest: Sendable, Hashable {
    /// The `image` value as sent: base64 (with or without a `data:` prefix), an URL, or a
    /// sandbox code.
    public var image: String
    public var referenceID: String?
    public var callbackURL: URL?
    public var isQuality: Bool
    public var validateQuality: Bool

    public init(
        image: String, referenceID: String? = nil, callbackURL: URL? = nil, isQuality: Bool = true,
        validateQuality: Bool = false
    ) {
        self.image = image
        self.referenceID = referenceID
        self.callbackURL = callbackURL
        self.isQuality = isQuality
        self.validateQuality = validateQuality
    }
}
