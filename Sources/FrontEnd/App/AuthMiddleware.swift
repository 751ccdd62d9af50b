import Foundation
import Hummingbird
import Shop
import Synchronization

/// Checks the bearer token and the minimum role of a route group, then the request guard
/// (revocation, the token's rate limit) unless the group's handlers call it themselves with
/// more to check in the same call (the chat routes add the chat's limit).
struct AuthMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    let verifier: TokenVerifier
    let minimum: Role
    var requestGuard: RequestGuard? = nil
    var guardsHere = true

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else {
            throw APIError(.unauthenticated, "Falta el encabezado Authorization: Bearer <token>.")
        }
        let verified = try verifier.verified(String(header.dropFirst(7)))
        let identity = verified.identity
        guard identity.role >= minimum else {
            throw APIError(.forbidden, "El rol \(identity.role.rawValue) no permite esta operación.")
        }
        if guardsHere, let requestGuard { try await requestGuard.admit(tokenId: verified.id) }
        var context = context
        context.identity = identity
        context.tokenId = verified.id
        context.proceedWithBody(request)
        return try await next(request, context)
    }
}

/// Verifies tokens, remembering recent good ones until they expire (a token is checked
/// once, not on every chat message).
final class TokenVerifier: Sendable {
    private let signer: TokenSigner
    private let cache = Mutex<[String: TokenSigner.Verified]>([:])

    init(signer: TokenSigner) {
        self.signer = signer
    }

    func identity(for token: String) throws -> Identity {
        try verified(token).identity
    }

    func verified(_ token: String) throws -> TokenSigner.Verified {
        let now = Int(Date().timeIntervalSince1970)
        if let verified = cache.withLock({ $0[token] }), verified.expires > now { return verified }
        do {
            let verified = try signer.verifyToken(token)
            cache.withLock { cache in
                if cache.count > 10_000 { cache.removeAll() }
                cache[token] = verified
            }
            return verified
        } catch .expired {
            throw APIError(.tokenExpired, "El token expiró; solicite uno nuevo.")
        } catch {
            throw APIError(.unauthenticated, "El token no es válido.")
        }
    }
}
