import Shop

/// The result of a chat message's job as the contract shows it on `GET /jobs/{id}`:
/// `{"respuesta": "texto para el cliente", "productos": [ids, best first, at most 5],
/// "pedido_id": id | null}`. Written by the reply worker, and by the media workers when
/// they answer the customer themselves (no transcription, a failed photo or voice note).
public struct ChatReply: Codable, Sendable, Equatable {
    public var reply: String
    public var products: [Int64]
    public var orderId: Int64?
    /// The answers the reply offers as buttons (`opciones`), when it asks something a
    /// button can answer; absent otherwise.
    public var options: ReplyOptions?

    public init(reply: String, products: [Int64] = [], orderId: Int64? = nil, options: ReplyOptions? = nil) {
        self.reply = reply
        self.products = products
        self.orderId = orderId
        self.options = options
    }

    enum CodingKeys: String, CodingKey {
        case reply = "respuesta", products = "productos", orderId = "pedido_id", options = "opciones"
    }

    /// `pedido_id` is always present, `null` when there is no order.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(reply, forKey: .reply)
        try container.encode(products, forKey: .products)
        try container.encode(orderId, forKey: .orderId)
        try container.encodeIfPresent(options, forKey: .options)
    }
}
