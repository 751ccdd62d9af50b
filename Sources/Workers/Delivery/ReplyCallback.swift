import Crypto
import Foundation
import Integrations
import Pipeline
import Shop

/// Posts a reply to an HTTP channel's callback URL, signed so the receiver can check it came
/// from Vendedor: `X-Vendedor-Firma: sha256=<hex>` is the HMAC-SHA256, under the channel's
/// secret, of `<X-Vendedor-Timestamp>.<body>`. `X-Vendedor-Entrega` names the delivery (the
/// same on a retry, so a receiver can drop duplicates: delivery is at least once).
public struct ReplyCallback: Sendable {
    public let http: ProviderHTTP

    public init(transport: any HTTPTransport, policy: ProviderHTTP.RetryPolicy = .standard) {
        http = ProviderHTTP(api: "callback", transport: transport, policy: policy)
    }

    /// What the receiver gets.
    public struct Body: Codable, Sendable, Equatable {
        public var event = "respuesta"
        public var deliveryId: String
        public var chatId: String
        /// The chat job this reply answers, when there is one (`GET /jobs/{id}`).
        public var jobId: String?
        public var text: String
        /// "agente" or "operador".
        public var origin: String
        /// Unix seconds at signing.
        public var sent: Int
        /// Buttons the reply offers (absent when it offers none).
        public var options: ReplyOptions?

        enum CodingKeys: String, CodingKey {
            case event = "evento"
            case deliveryId = "entrega_id"
            case chatId = "chat_id"
            case jobId = "job_id"
            case text = "texto"
            case origin = "origen"
            case sent = "enviado"
            case options = "opciones"
        }
    }

    public static let signatureHeader = "X-Vendedor-Firma"
    public static let timestampHeader = "X-Vendedor-Timestamp"
    public static let deliveryHeader = "X-Vendedor-Entrega"

    /// `sha256=<hex>` of `<timestamp>.<body>` under `secret`.
    public static func signature(secret: String, timestamp: Int, body: [UInt8]) -> String {
        var message = Array("\(timestamp).".utf8)
        message += body
        let mac = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: Array(secret.utf8)))
        return "sha256=" + mac.map { String(format: "%02x", $0) }.joined()
    }

    /// Sends `reply` for `delivery` (the delivery job) to the channel; throws `ProviderError`.
    public func send(_ reply: DeliverReplyJob, delivery: String, to channel: HTTPChannel, now: Date = Date())
        async throws
    {
        let timestamp = Int(now.timeIntervalSince1970)
        // The channel sees its own chat id, never the stored one (`ChatScope`).
        let body = Body(
            deliveryId: delivery, chatId: ChatScope.external(reply.chatId), jobId: reply.jobId, text: reply.text,
            origin: reply.origin, sent: timestamp, options: reply.options)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let bytes = Array(try encoder.encode(body))
        _ = try await http.send(
            OutboundRequest(
                method: "POST", url: channel.callbackURL,
                headers: [
                    ("Content-Type", "application/json"), ("User-Agent", "Vendedor/1"),
                    (Self.timestampHeader, String(timestamp)),
                    (Self.signatureHeader, Self.signature(secret: channel.secret, timestamp: timestamp, body: bytes)),
                    (Self.deliveryHeader, delivery),
                ],
                body: bytes, timeout: .seconds(15), maxResponseBytes: 64 << 10))
    }
}
