import Crypto
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import FrontEnd
@testable import Integrations
@testable import JobEngine
@testable import Shop
@testable import Support

/// Found by reading (issue 16): tokens had no id, could not be revoked and could live ten
/// years; a one-character webhook secret was accepted. Tokens now carry `jti`, a revocation
/// list in Redis is checked on every request (`vendedor-enqueuer token --revoke ID`), no
/// token lives more than 365 days after it was issued, and weak webhook secrets stop the
/// front end at start.
@Suite("Security: tokens and secrets")
struct TokenTests {
    @Test func aRevokedTokenIsRefusedAtOnce() async throws {
        try await SecurityHarness.run { h, client in
            let id = TokenSigner.newId()
            let token = h.token(.operator, "laura", id: id)
            #expect(
                try await client.execute(uri: "/productos", method: .get, headers: h.headers(token: token)).status
                    == .ok)
            try await RequestGuard.revoke(id, until: Int(Date().timeIntervalSince1970) + 3600, redis: h.fixture.redis)
            let refused = try await client.execute(uri: "/productos", method: .get, headers: h.headers(token: token))
            #expect(refused.status == .unauthorized)
            #expect(String(buffer: refused.body).contains("revocado"))
            let other = h.token(.operator, "laura")
            #expect(
                try await client.execute(uri: "/productos", method: .get, headers: h.headers(token: other)).status
                    == .ok)
        }
    }

    @Test func tokensCarryAnIdAndLiveAtMost365Days() throws {
        let signer = TokenSigner(secret: SecurityHarness.secret)
        let token = signer.sign(subject: "widget", role: .channel, lifetime: 10 * 365 * 86_400)
        let verified = try signer.verifyToken(token)
        let now = Int(Date().timeIntervalSince1970)
        #expect(verified.expires <= now + Int(TokenSigner.maxLifetime) + 1)
        #expect(TokenSigner.isValidId(verified.id) && verified.id.count == 32)
        // A token of before (no jti, ten years) issued 400 days ago is over.
        let header = TokenSigner.base64URLForTests(#"{"alg":"HS256","typ":"JWT"}"#)
        let issued = now - 400 * 86_400
        let payload = TokenSigner.base64URLForTests(
            #"{"exp":\#(issued + 3650 * 86_400),"iat":\#(issued),"rol":"admin","sub":"viejo"}"#)
        let old = Self.signed(header + "." + payload)
        #expect(throws: TokenSigner.Failure.expired) { _ = try signer.verifyToken(old) }
        // One issued a day ago has an id made from its bytes, so it can be revoked.
        let recent = Self.signed(
            header + "."
                + TokenSigner.base64URLForTests(
                    #"{"exp":\#(now + 86_400),"iat":\#(now - 86_400),"rol":"admin","sub":"viejo"}"#))
        #expect(try signer.verifyToken(recent).id == TokenSigner.legacyId(recent))
        #expect(!TokenSigner.isValidSubject("con espacios") && TokenSigner.isValidSubject("tienda-web_1"))
    }

    static func signed(_ input: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(
            for: Data(input.utf8), using: SymmetricKey(data: Data(SecurityHarness.secret.utf8)))
        return input + "."
            + Data(mac).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    @Test(arguments: ["a", "abc123", "aaaaaaaaaaaaaaaaaaaa", "abababababababababab", "con espacios 1234567890"])
    func aWeakWebhookSecretStopsTheFrontEnd(_ secret: String) {
        #expect(throws: ConfigError.self) {
            _ = try TelegramConfig(environment: .init(["TELEGRAM_WEBHOOK_SECRET": secret]))
        }
    }

    @Test func aStrongWebhookSecretIsAccepted() throws {
        let config = try TelegramConfig(environment: .init(["TELEGRAM_WEBHOOK_SECRET": "9f2c_Kq-71bXz0Lm4Rt8"]))
        #expect(config.mode == .webhook)
    }
}
