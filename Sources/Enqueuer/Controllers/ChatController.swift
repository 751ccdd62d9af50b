import Core
import Hummingbird

/// Chat ingestion: validates, enqueues the message for the reply worker, answers 202.
struct ChatController {
    let jobs: JobClient

    struct TextMessage: Decodable {
        var chat_id: String
        var mensaje: String
    }

    struct Accepted: Encodable {
        var job_id: String
        var estado: String
    }

    static let maxMessageLength = 4_000

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("texto", use: text)
    }

    @Sendable func text(_ request: Request, context: AppRequestContext) async throws -> Response {
        let body = try await request.decodeJSON(TextMessage.self, limit: 32 * 1024)
        let chatId = try Self.validChatId(body.chat_id)
        let message = body.mensaje.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !message.isEmpty else { throw APIError.validation("El campo \"mensaje\" no puede estar vacío.") }
        guard message.count <= Self.maxMessageLength else {
            throw APIError.validation("El campo \"mensaje\" admite máximo \(Self.maxMessageLength) caracteres.")
        }
        let job = ChatMessageJob(chat_id: chatId, canal: "http", mensaje: message, recibido_ms: Clock.nowMs())
        let idempotencyKey = request.headers[.init("Idempotency-Key")!].map { "\(chatId):\($0.prefix(200))" }
        let enqueued = try await jobs.enqueue(job, idempotencyKey: idempotencyKey, owner: context.identity?.subject)
        return try APIJSON.response(
            Accepted(job_id: enqueued.id, estado: "encolado"), status: .accepted,
            headers: [.location: "/jobs/\(enqueued.id)"])
    }

    /// Chat ids are short opaque strings: letters, digits and `:_-.`.
    static func validChatId(_ raw: String) throws -> String {
        let chatId = raw.trimmingCharacters(in: .whitespaces)
        guard !chatId.isEmpty else { throw APIError.validation("El campo \"chat_id\" no puede estar vacío.") }
        guard chatId.utf8.count <= 128,
            chatId.unicodeScalars.allSatisfy({
                $0.isASCII
                    && ($0.properties.isAlphabetic || $0.properties.numericType != nil
                        || ":_-.".unicodeScalars.contains($0))
            })
        else {
            throw APIError.validation(
                "El campo \"chat_id\" admite hasta 128 caracteres: letras, números y los signos : _ - .")
        }
        return chatId
    }
}
