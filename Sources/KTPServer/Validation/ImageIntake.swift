import Foundation
import KTPContract
import KTPVision

/// The contract's image checks 9 to 12 on a base64 `image`, answered from the bytes' structure
/// alone so that the accept path never decodes pixels.
public enum ImageIntake {
    /// 5 MiB of image bytes, after base64 decoding.
    public static let maxBytes = 5 << 20

    /// The decoded bytes and what their header says, or the contract error for the first check
    /// that fails.
    public static func accept(base64 image: String) -> Result<(bytes: [UInt8], header: ImageHeader), ContractError> {
        var payload = Substring(image)
        if payload.hasPrefix("data:") {
            guard let comma = payload.firstIndex(of: ","), payload[..<comma].hasSuffix(";base64") else {
                return .failure(ContractError(.invalidPayloadImageFormat, "the data URL is not base64"))
            }
            payload = payload[payload.index(after: comma)...]
        }
        // Base64 grows bytes by 4/3: a longer string cannot decode to 5 MiB or less.
        guard payload.utf8.count <= (maxBytes / 3 + 1) * 4 + 4 else {
            return .failure(ContractError(.invalidPayloadImageSize, "the image is over 5 MiB"))
        }
        // Strict decoding is the fast path; line breaks and other stray characters take the
        // slower tolerant one.
        let text = payload.startIndex == image.startIndex ? image : String(payload)
        guard let data = Data(base64Encoded: text) ?? Data(base64Encoded: text, options: .ignoreUnknownCharacters),
            !data.isEmpty
        else {
            return .failure(ContractError(.invalidPayloadImageFormat, "the image is not valid base64"))
        }
        return accept(bytes: [UInt8](data))
    }

    /// Checks 9 to 12 on image bytes, however they arrived.
    public static func accept(bytes: [UInt8]) -> Result<(bytes: [UInt8], header: ImageHeader), ContractError> {
        guard bytes.count <= maxBytes else {
            return .failure(ContractError(.invalidPayloadImageSize, "the image is over 5 MiB"))
        }
        let header: ImageHeader
        do {
            header = try ImageStructure.validate(bytes)
        } catch {
            // A broken file whose header states a refused size answers check 11, not 12.
            if error.code == .undecodable, let stated = HeaderPeek.header(of: bytes), let refusal = sizeRefusal(stated)
            {
                return .failure(refusal)
            }
            return .failure(ContractError(.invalidPayloadImageFormat, error.description))
        }
        if let refusal = sizeRefusal(header) { return .failure(refusal) }
        return .success((bytes, header))
    }

    /// Check 11 on what a header states.
    static func sizeRefusal(_ header: ImageHeader) -> ContractError? {
        do {
            try header.check(.contract)
            return nil
        } catch {
            return ContractError(.invalidPayloadImageSize, error.description)
        }
    }
}
