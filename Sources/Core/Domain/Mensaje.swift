import Foundation

/// Who wrote a chat message.
public enum Remitente: String, Codable, Sendable, CaseIterable {
    case usuario
    case agente
    case sistema
    case operador
}

/// What a chat message carried originally.
public enum TipoMensaje: String, Codable, Sendable, CaseIterable {
    case texto
    case imagen
    case audio
}

/// One stored message of a conversation.
public struct Mensaje: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64
    public var chatId: String
    public var remitente: Remitente
    public var tipo: TipoMensaje
    /// The text (for images and audio: the caption, description or transcription).
    public var contenido: String
    public var metadata: JSONValue?
    public var creado: Date

    public init(
        id: Int64, chatId: String, remitente: Remitente, tipo: TipoMensaje, contenido: String,
        metadata: JSONValue?, creado: Date
    ) {
        self.id = id
        self.chatId = chatId
        self.remitente = remitente
        self.tipo = tipo
        self.contenido = contenido
        self.metadata = metadata
        self.creado = creado
    }

    enum CodingKeys: String, CodingKey {
        case id
        case chatId = "chat_id"
        case remitente, tipo, contenido, metadata, creado
    }
}

/// A message to append to a conversation.
public struct NuevoMensaje: Sendable, Equatable {
    public var chatId: String
    public var remitente: Remitente
    public var tipo: TipoMensaje
    public var contenido: String
    public var metadata: JSONValue?

    public init(
        chatId: String, remitente: Remitente, tipo: TipoMensaje = .texto, contenido: String,
        metadata: JSONValue? = nil
    ) {
        self.chatId = chatId
        self.remitente = remitente
        self.tipo = tipo
        self.contenido = contenido
        self.metadata = metadata
    }

    public static let maxContentLength = 20_000

    /// Checks the chat id (1–200 characters) and the content length.
    public func validated() throws(ValidationErrors) -> NuevoMensaje {
        var check = ValidationCollector()
        let chatId = self.chatId.trimmingWhitespace()
        if chatId.isEmpty || chatId.count > 200 {
            check.add(campo: "chat_id", "El chat_id es obligatorio y debe tener como máximo 200 caracteres.")
        }
        if contenido.count > Self.maxContentLength {
            check.add(
                campo: "contenido",
                "El mensaje no puede tener más de \(Money.grouped(Self.maxContentLength)) caracteres.")
        }
        try check.finish()
        var copy = self
        copy.chatId = chatId
        return copy
    }
}
