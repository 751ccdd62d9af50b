import Crypto
import Foundation
import JobEngine
import Shop

/// Places an order (`POST /pedidos`, and later the chat agent's checkout). The worker runs
/// `AppDatabase.placeOrder` in one transaction, keyed by `clave` when the caller gave one
/// (an `Idempotency-Key`), otherwise by the job id: a retried or duplicated job never
/// creates a second order.
public struct PlaceOrderJob: JobPayload, Equatable {
    public static let kind = "pedido.colocar"
    public static let queue = "pedidos"

    public var order: OrderRequest
    /// The order's idempotency key in the database; nil = the job id.
    public var key: String?
    /// Whether the order may change the stored record of a client with its cédula (staff
    /// orders, and chats whose customer proved to be that client); otherwise a new client is
    /// registered but a stored one is left as it is. nil (older jobs) = true.
    public var updatesClient: Bool?

    public init(order: OrderRequest, key: String? = nil, updatesClient: Bool? = nil) {
        self.order = order
        self.key = key
        self.updatesClient = updatesClient
    }

    /// The key `placeOrder` stores the order under, for the job with id `jobId`.
    public func orderKey(jobId: String) -> String {
        if let key, !key.isEmpty { return key }
        return "trabajo:\(jobId)"
    }

    /// The queue idempotency key for an order sent without a key of its own: a hash of the
    /// caller and the normalized request, so an exact resubmission is the same job.
    public static func bodyKey(owner: String, order: OrderRequest) throws -> String {
        let canonical = try DomainJSON.encoder().encode(order)
        let digest = SHA256.hash(data: Data(owner.utf8) + Data([0]) + canonical)
        return "cuerpo:" + digest.map { String(format: "%02x", $0) }.joined()
    }

    /// What a placed order job returns.
    public struct Result: Codable, Sendable, Equatable {
        public var orderId: Int64
        public var total: Int
        /// True when the key had already been used and nothing new was written.
        public var repeated: Bool

        public init(orderId: Int64, total: Int, repeated: Bool) {
            self.orderId = orderId
            self.total = total
            self.repeated = repeated
        }

        enum CodingKeys: String, CodingKey {
            case orderId = "pedido_id"
            case total
            case repeated = "repetido"
        }
    }

    enum CodingKeys: String, CodingKey {
        case order = "pedido"
        case key = "clave"
        case updatesClient = "actualiza_cliente"
    }
}
