import Crypto
import Foundation

/// Bearer tokens: HS256 JWTs signed with `SECRET_KEY`, claims `sub`, `rol`, `iat`, `exp`.
public struct TokenSigner: Sendable {
    public enum Failure: Error, Equatable, Sendable {
        case malformed
        case badSignature
        case expired
        case unknownRole
    }

    private struct Header: Codable {
        var alg: String
        var typ: String?
    }

    private struct Claims: Codable {
        var sub: String
        var role: String
        var iat: Int
        var exp: Int

        enum CodingKeys: String, CodingKey {
            case sub
            case role = "rol"
            case iat
            case exp
        }
    }

    let secret: Data

    public init(secret: String) {
        self.secret = Data(secret.utf8)
    }

    private var key: SymmetricKey { SymmetricKey(data: secret) }

    public func sign(subject: String, role: Role, lifetime: TimeInterval, now: Date = Date()) -> String {
        let issued = Int(now.timeIntervalSince1970)
        let header = Self.base64URL(Data(#"{"alg":"HS256","typ":"JWT"}"#.utf8))
        let claims = Claims(sub: subject, role: role.rawValue, iat: issued, exp: issued + Int(lifetime))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let payload = Self.base64URL((try? encoder.encode(claims)) ?? Data())
        let signingInput = header + "." + payload
        let signature = HMAC<SHA256>.authenticationCode(for: Data(signingInput.utf8), using: key)
        return signingInput + "." + Self.base64URL(Data(signature))
    }

    /// Checks signature, algorithm and expiry; returns the caller and the expiry time.
    public func verify(_ token: String, now: Date = Date()) throws(Failure) -> (Identity, expires: Int) {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let headerData = Self.decodeBase64URL(parts[0]),
            let payloadData = Self.decodeBase64URL(parts[1]), let signature = Self.decodeBase64URL(parts[2])
        else { throw .malformed }
        guard let header = try? JSONDecoder().decode(Header.self, from: headerData), header.alg == "HS256" else {
            throw .malformed
        }
        let signingInput = Data(token.utf8.prefix(parts[0].utf8.count + 1 + parts[1].utf8.count))
        guard HMAC<SHA256>.isValidAuthenticationCode(signature, authenticating: signingInput, using: key) else {
            throw .badSignature
        }
        guard let claims = try? JSONDecoder().decode(Claims.self, from: payloadData) else { throw .malformed }
        guard claims.exp > Int(now.timeIntervalSince1970) else { throw .expired }
        guard let role = Role(rawValue: claims.role) else { throw .unknownRole }
        return (Identity(subject: claims.sub, role: role), claims.exp)
    }

    /// For tests that forge a payload.
    public static func base64URLForTests(_ text: String) -> String { base64URL(Data(text.utf8)) }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func decodeBase64URL(_ text: Substring) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64)
    }
}
