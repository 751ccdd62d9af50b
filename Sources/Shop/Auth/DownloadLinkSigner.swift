import Crypto
import Foundation

/// What a download link points at: a file of the exports directory, the name it is served
/// under and when it stops working.
public struct DownloadLink: Codable, Sendable, Equatable {
    /// File name inside the exports directory.
    public var file: String
    /// File name the browser saves.
    public var name: String
    /// Unix seconds after which the link is refused (410).
    public var expires: Int

    public init(file: String, name: String, expires: Int) {
        self.file = file
        self.name = name
        self.expires = expires
    }

    enum CodingKeys: String, CodingKey {
        case file = "a"
        case name = "n"
        case expires = "e"
    }
}

/// Signed download links: `base64url(JSON link) "." base64url(HMAC-SHA256)`, with a key
/// derived from `SECRET_KEY` for this purpose only (a bearer token's signature never fits a
/// link and the other way round). The expiry is inside the signed part; the signature is
/// compared in constant time (`HMAC.isValidAuthenticationCode`).
public struct DownloadLinkSigner: Sendable {
    public enum Failure: Error, Equatable, Sendable {
        /// Not a token of ours, or changed: 403.
        case malformed
        case badSignature
        /// Genuine but past its expiry: 410.
        case expired(DownloadLink)
    }

    /// The derived key's bytes (`SymmetricKey` isn't `Sendable`).
    private let keyData: Data

    private var key: SymmetricKey { SymmetricKey(data: keyData) }

    public init(secret: String) {
        self.init(secretData: Data(secret.utf8))
    }

    /// The link signer of the same `SECRET_KEY` a token signer uses.
    public init(tokens: TokenSigner) {
        self.init(secretData: tokens.secret)
    }

    private init(secretData: Data) {
        let derived = HMAC<SHA256>.authenticationCode(
            for: Data("vendedor/enlaces-de-descarga/v1".utf8), using: SymmetricKey(data: secretData))
        keyData = Data(derived)
    }

    public func sign(_ link: DownloadLink) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let payload = TokenSigner.base64URL((try? encoder.encode(link)) ?? Data())
        let signature = HMAC<SHA256>.authenticationCode(for: Data(payload.utf8), using: key)
        return payload + "." + TokenSigner.base64URL(Data(signature))
    }

    /// The link, if the signature holds and it has not expired.
    public func verify(_ token: String, now: Date = Date()) throws(Failure) -> DownloadLink {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, token.utf8.count <= 2048, let signature = TokenSigner.decodeBase64URL(parts[1])
        else { throw .malformed }
        guard HMAC<SHA256>.isValidAuthenticationCode(signature, authenticating: Data(parts[0].utf8), using: key)
        else { throw .badSignature }
        guard let payload = TokenSigner.decodeBase64URL(parts[0]),
            let link = try? JSONDecoder().decode(DownloadLink.self, from: payload)
        else { throw .malformed }
        guard link.expires > Int(now.timeIntervalSince1970) else { throw .expired(link) }
        return link
    }
}
