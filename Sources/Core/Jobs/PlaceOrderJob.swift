import Crypto
import Foundation

/// Places an order (`POST /pedidos`, and later the chat agent's checkout). The worker runs
/// `AppDatabase.placeOrder` in one transaction, keyed by `clave` when the caller gave one
/// (an `Idempotency-Key`), otherwise by the job id: a retried or duplicated job never
/// creates a second order.
public struct PlaceOrderJob: JobPayload, Equatable {
    public static let kind = "pedido.colocar"
    public static let queue = "pedidos"

    public var pedido: OrderRequest
    /// The order's idempotency key in the database; nil = the job id.
    public var clave: String?

    public init(pedido: OrderRequest, clave: String? = nil) {
        self.pedido = pedido
        self.clave = clave
    }

    /// The key `placeOrder` stores the order under, for the job with id `jobId`.
    public func orderKey(jobId: String) -> String {
        if let clave, !clave.isEmpty { return clave }
        return "trabajo:\(jobId)"
    }

    /// The queue idempotency key for an order sent without a key of its own: a hash of the
    /// caller and the normalized request, so an exact resubmission is the same job.
    public static func bodyKey(owner: String, pedido: OrderRequest) throws -> String {
        let canonical = try DomainJSON.encoder().encode(pedido)
        let digest = SHA256.hash(data: Data(owner.utf8) + Data([0]) + canonical)
        return "cuerpo:" + digest.map { String(format: "%02x", $0) }.joined()
    }

    /// What a placed order job returns.
    public struct Result: Codable, Sendable, Equatable {
        public var pedido_id: Int64
        public var total: Int
        /// True when the key had already been used and nothing new was written.
        public var repetido: Bool

        public init(pedido_id: Int64, total: Int, repetido: Bool) {
            self.pedido_id = pedido_id
            self.total = total
            self.repetido = repetido
        }
    }
}
