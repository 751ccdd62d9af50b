import Foundation

/// A version of the company text the agent answers company questions from.
public struct ContextoEmpresa: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64
    public var version: Int
    public var contenido: String
    public var activo: Bool
    public var creado: Date

    public init(id: Int64, version: Int, contenido: String, activo: Bool, creado: Date) {
        self.id = id
        self.version = version
        self.contenido = contenido
        self.activo = activo
        self.creado = creado
    }

    public static let maxLength = 50_000
}

/// Per-chat control: whether the AI answers, and which channel the chat lives on.
public struct ChatControl: Codable, Sendable, Equatable {
    public var chatId: String
    public var iaActiva: Bool
    /// "telegram", "http"...; nil until a front end or the reply worker records it.
    public var canal: String?
    /// For an HTTP chat, the token subject of the channel it came through (whose callback
    /// receives replies); nil otherwise.
    public var propietario: String?
    public var actualizado: Date?

    public init(
        chatId: String, iaActiva: Bool = true, canal: String? = nil, propietario: String? = nil,
        actualizado: Date? = nil
    ) {
        self.chatId = chatId
        self.iaActiva = iaActiva
        self.canal = canal
        self.propietario = propietario
        self.actualizado = actualizado
    }

    enum CodingKeys: String, CodingKey {
        case chatId = "chat_id"
        case iaActiva = "ia_activa"
        case canal, propietario, actualizado
    }
}
