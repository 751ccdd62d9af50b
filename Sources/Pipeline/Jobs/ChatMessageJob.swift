import JobEngine
import Shop
import Support

/// A customer's chat message waiting for the agent's reply. Ordered by chat: one message
/// of a chat is handled at a time, in the order received.
public struct ChatMessageJob: JobPayload, Equatable {
    public static let kind = "chat.mensaje"
    public static let queue = "chat"

    public var chatId: String
    /// Where the reply goes: HTTP (read from the job, or a callback) or Telegram.
    public var channel: Channel
    public var kind: MessageKind
    public var message: String
    /// When the front end accepted the message (ms since 1970).
    public var receivedMs: Int
    /// For a photo or voice note read into this message: its key in the blob store, kept in
    /// the chat's history so the console can show the photo beside what was read from it.
    public var blob: String?

    public init(
        chatId: String, channel: Channel, kind: MessageKind = .text, message: String, receivedMs: Int,
        blob: String? = nil
    ) {
        self.chatId = chatId
        self.channel = channel
        self.kind = kind
        self.message = message
        self.receivedMs = receivedMs
        self.blob = blob
    }

    public var orderingKey: String? { chatId }

    /// Written by hand: one per chat message, the front end's hottest encoding (same text
    /// as `JobCoding.encode`, keys sorted).
    public func encodedPayload() throws -> String {
        var writer = JSONObjectWriter(capacity: 96 + message.utf8.count + chatId.utf8.count)
        if let blob { writer.add("blob", blob) }
        writer.add("canal", channel.rawValue)
        writer.add("chat_id", chatId)
        writer.add("mensaje", message)
        writer.add("recibido_ms", receivedMs)
        writer.add("tipo", kind.rawValue)
        return writer.finish()
    }

    enum CodingKeys: String, CodingKey {
        case chatId = "chat_id"
        case channel = "canal"
        case kind = "tipo"
        case message = "mensaje"
        case receivedMs = "recibido_ms"
        case blob
    }
}
