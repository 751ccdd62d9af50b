import Crypto
import Foundation

/// Bearer tokens: HS256 JWTs signed with `SECRET_KEY`, claims `sub`, `rol`, `iat`, `exp` and
/// `jti` (the token's id, for revocation). No token lives longer than `maxLifetime` (365
/// days) after it was issued, whatever its `exp` says; a token issued before ids existed is
/// known by an id made from its bytes (`legacyId`), so it can be revoked too.
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
        var jti: String?

        enum CodingKeys: String, CodingKey {
            case sub
            case role = "rol"
            case iat
            case exp
            case jti
        }
    }

    /// The longest life of a token, counted from its `iat`.
    public static let maxLifetime: TimeInterval = 365 * 86_400

    /// A verified token: who it is for, its id and when it stops being valid (unix s).
    public struct Verified: Sendable, Equatable {
        public var identity: Identity
        public var id: String
        public var expires: Int
    }

    let secret: Data

    public init(secret: String) {
        self.secret = Data(secret.utf8)
    }

    private var key: SymmetricKey { SymmetricKey(data: secret) }

    /// A new token with a random id; the lifetime is capped at `maxLifetime`.
    public func sign(
        subject: String, role: Role, lifetime: TimeInterval, now: Date = Date(), id: String = TokenSigner.newId()
    ) -> String {
        let issued = Int(now.timeIntervalSince1970)
        let header = Self.base64URL(Data(#"{"alg":"HS256","typ":"JWT"}"#.utf8))
        let seconds = Int(min(max(lifetime, 1), Self.maxLifetime))
        let claims = Claims(sub: subject, role: role.rawValue, iat: issued, exp: issued + seconds, jti: id)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let payload = Self.base64URL((try? encoder.encode(claims)) ?? Data())
        let signingInput = header + "." + payload
        let signature = HMAC<SHA256>.authenticationCode(for: Data(signingInput.utf8), using: key)
        return signingInput + "." + Self.base64URL(Data(signature))
    }

    /// 16 random bytes as 32 hex digits.
    public static func newId() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<2).map { _ in
            let hex = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }

    /// The id of a token signed without one: a hash of its bytes ("t" + 31 hex digits).
    public static func legacyId(_ token: String) -> String {
        "t" + SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined().prefix(31)
    }

    /// Checks signature, algorithm and expiry; returns the caller and the expiry time.
    public func verify(_ token: String, now: Date = Date()) throws(Failure) -> (Identity, expires: Int) {
        let verified = try verifyToken(token, now: now)
        return (verified.identity, verified.expires)
    }

    /// Checks signature, algorithm and expiry (at most `maxLifetime` after issue); returns
    /// the caller, the token's id and when it expires.
    public func verifyToken(_ token: String, now: Date = Date()) throws(Failure) -> Verified {
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
        let (cap, overflow) = claims.iat.addingReportingOverflow(Int(Self.maxLifetime))
        let expires = overflow ? claims.exp : min(claims.exp, cap)
        guard expires > Int(now.timeIntervalSince1970) else { throw .expired }
        guard let role = Role(rawValue: claims.role) else { throw .unknownRole }
        let id = claims.jti.flatMap { Self.isValidId($0) ? $0 : nil } ?? Self.legacyId(token)
        return Verified(identity: Identity(subject: claims.sub, role: role), id: id, expires: expires)
    }

    /// Token ids are 1–64 letters, digits, `-` or `_`.
    public static func isValidId(_ id: String) -> Bool {
        (1...64).contains(id.utf8.count)
            && id.utf8.allSatisfy {
                ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || $0 == 0x2D || $0 == 0x5F
            }
    }

    /// Subjects of new tokens: 1–64 letters, digits or `_ . @ -` (they name a channel's chats,
    /// `ChatScope`).
    public static func isValidSubject(_ subject: String) -> Bool {
        (1...64).contains(subject.utf8.count) && subject.utf8.allSatisfy(ChatScope.isPlain)
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
