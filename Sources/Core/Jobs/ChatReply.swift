/// The result of a chat message's job as the contract shows it on `GET /jobs/{id}`:
/// `{"respuesta": "texto para el cliente", "productos": [ids, best first, at most 5],
/// "pedido_id": id | null}`. Written by the reply worker, and by the media workers when
/// they answer the customer themselves (no transcription, a failed photo or voice note).
public struct ChatReply: Codable, Sendable, Equatable {
    public var respuesta: String
    public var productos: [Int64]
    public var pedido_id: Int64?

    public init(respuesta: String, productos: [Int64] = [], pedido_id: Int64? = nil) {
        self.respuesta = respuesta
        self.productos = productos
        self.pedido_id = pedido_id
    }

    enum CodingKeys: String, CodingKey { case respuesta, productos, pedido_id }

    /// `pedido_id` is always present, `null` when there is no order.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(respuesta, forKey: .respuesta)
        try container.encode(productos, forKey: .productos)
        try container.encode(pedido_id, forKey: .pedido_id)
    }
}
