import Foundation

/// Per-chat control: whether the AI answers, and which channel the chat lives on.
public struct ChatControl: Codable, Sendable, Equatable {
    public var chatId: String
    public var aiActive: Bool
    /// "telegram", "http"...; nil until a front end or the reply worker records it.
    public var channel: Channel?
    /// For an HTTP chat, the token subject of the channel it came through (whose callback
    /// receives replies); nil otherwise.
    public var owner: String?
    public var updated: Date?

    public init(
        chatId: String, aiActive: Bool = true, channel: Channel? = nil, owner: String? = nil,
        updated: Date? = nil
    ) {
        self.chatId = chatId
        self.aiActive = aiActive
        self.channel = channel
        self.owner = owner
        self.updated = updated
    }

    enum CodingKeys: String, CodingKey {
        case chatId = "chat_id"
        case aiActive = "ia_activa"
        case channel = "canal", owner = "propietario", updated = "actualizado"
    }
}
