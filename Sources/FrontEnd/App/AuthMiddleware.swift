import Foundation
import Hummingbird
import Shop
import Synchronization

/// Checks the bearer token and the minimum role of a route group.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    let verifier: TokenVerifier
    let minimum: Role

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else {
            throw APIError(.unauthenticated, "Falta el encabezado Authorization: Bearer <token>.")
        }
        let identity = try verifier.identity(for: String(header.dropFirst(7)))
        guard identity.role >= minimum else {
            throw APIError(.forbidden, "El rol \(identity.role.rawValue) no permite esta operación.")
        }
        var context = context
        context.identity = identity
        return try await next(request, context)
    }
}

/// Verifies tokens, remembering recent good ones until they expire (a token is checked
/// once, not on every chat message).
final class TokenVerifier: Sendable {
    private let signer: TokenSigner
    private let cache = Mutex<[String: (Identity, Int)]>([:])

    init(signer: TokenSigner) {
        self.signer = signer
    }

    func identity(for token: String) throws -> Identity {
        let now = Int(Date().timeIntervalSince1970)
        if let (identity, expires) = cache.withLock({ $0[token] }), expires > now { return identity }
        do {
            let (identity, expires) = try signer.verify(token)
            cache.withLock { cache in
                if cache.count > 10_000 { cache.removeAll() }
                cache[token] = (identity, expires)
            }
            return identity
        } catch .expired {
            throw APIError(.tokenExpired, "El token expiró; solicite uno nuevo.")
        } catch {
            throw APIError(.unauthenticated, "El token no es válido.")
        }
    }
}
