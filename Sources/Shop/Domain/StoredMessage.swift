import Foundation
import Support

/// Who wrote a chat message.
public enum Sender: String, Codable, Sendable, CaseIterable {
    case user = "usuario"
    case agent = "agente"
    case system = "sistema"
    case `operator` = "operador"
}

/// What a chat message carried originally.
public enum MessageKind: String, Codable, Sendable, CaseIterable {
    case text = "texto"
    case image = "imagen"
    case audio
}

/// One stored message of a conversation.
public struct StoredMessage: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64
    public var chatId: String
    public var sender: Sender
    public var kind: MessageKind
    /// The text (for images and audio: the caption, description or transcription).
    public var content: String
    public var metadata: JSONValue?
    public var created: Date

    public init(
        id: Int64, chatId: String, sender: Sender, kind: MessageKind, content: String,
        metadata: JSONValue?, created: Date
    ) {
        self.id = id
        self.chatId = chatId
        self.sender = sender
        self.kind = kind
        self.content = content
        self.metadata = metadata
        self.created = created
    }

    enum CodingKeys: String, CodingKey {
        case id
        case chatId = "chat_id"
        case sender = "remitente", kind = "tipo", content = "contenido", metadata, created = "creado"
    }
}

/// A message to append to a conversation.
public struct NewMessage: Sendable, Equatable {
    public var chatId: String
    public var sender: Sender
    public var kind: MessageKind
    public var content: String
    public var metadata: JSONValue?

    public init(
        chatId: String, sender: Sender, kind: MessageKind = .text, content: String,
        metadata: JSONValue? = nil
    ) {
        self.chatId = chatId
        self.sender = sender
        self.kind = kind
        self.content = content
        self.metadata = metadata
    }

    public static let maxContentLength = 20_000

    /// Checks the chat id (1–200 characters) and the content length.
    public func validated() throws(ValidationErrors) -> NewMessage {
        var check = ValidationCollector()
        let chatId = self.chatId.trimmingWhitespace()
        if chatId.isEmpty || chatId.count > 200 {
            check.add(field: "chat_id", "El chat_id es obligatorio y debe tener como máximo 200 caracteres.")
        }
        if content.count > Self.maxContentLength {
            check.add(
                field: "contenido",
                "El mensaje no puede tener más de \(Money.grouped(Self.maxContentLength)) caracteres.")
        }
        try check.finish()
        var copy = self
        copy.chatId = chatId
        return copy
    }
}
