/// A customer's chat message waiting for the agent's reply. Ordered by chat: one message
/// of a chat is handled at a time, in the order received.
public struct ChatMessageJob: JobPayload, Equatable {
    public static let kind = "chat.mensaje"
    public static let queue = "chat"

    public var chat_id: String
    /// Where the reply goes: "http" (read from the job) or "telegram".
    public var canal: String
    public var tipo: String
    public var mensaje: String
    /// When the front end accepted the message (ms since 1970).
    public var recibido_ms: Int

    public init(chat_id: String, canal: String, tipo: String = "texto", mensaje: String, recibido_ms: Int) {
        self.chat_id = chat_id
        self.canal = canal
        self.tipo = tipo
        self.mensaje = mensaje
        self.recibido_ms = recibido_ms
    }

    public var orderingKey: String? { chat_id }

    /// Written by hand: one per chat message, the front end's hottest encoding (same text
    /// as `JobCoding.encode`, keys sorted).
    public func encodedPayload() throws -> String {
        var writer = JSONObjectWriter(capacity: 96 + mensaje.utf8.count + chat_id.utf8.count)
        writer.add("canal", canal)
        writer.add("chat_id", chat_id)
        writer.add("mensaje", mensaje)
        writer.add("recibido_ms", recibido_ms)
        writer.add("tipo", tipo)
        return writer.finish()
    }
}
