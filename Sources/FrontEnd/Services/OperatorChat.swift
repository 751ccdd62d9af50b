import Foundation
import JobEngine
import Pipeline
import Shop

/// What staff do to a chat, shared by the API (`ChatOperatorController`) and the console:
/// take it over or hand it back to the AI, and answer it through its own channel (the reply
/// is stored in the conversation and delivered by an `entrega.enviar` job).
struct OperatorChat: Sendable {
    let store: any ChatStore & InboxStore
    let jobs: JobClient

    /// Turns the AI off (an operator takes the chat) or on (handed back; the chat no longer
    /// waits for a person).
    func setAIActive(chatId: String, active: Bool) async throws -> ChatControl {
        try await store.handOver(chatId: chatId, aiActive: active)
    }

    /// Validates and sends an operator's reply → the delivery job's id. The chat must have
    /// written before (its channel is known). With an idempotency key, a repeated request
    /// sends and stores the reply once.
    func reply(
        chatId: String, text raw: String, operator name: String, owner: String?, idempotencyKey: String?
    ) async throws
        -> String
    {
        let text = raw.trimmed
        guard !text.isEmpty else { throw APIError.validation("El campo \"mensaje\" no puede estar vacío.") }
        guard text.count <= ChatController.maxMessageLength else {
            throw APIError.validation(
                "El campo \"mensaje\" admite máximo \(ChatController.maxMessageLength) caracteres.")
        }
        let control = try await store.chatControl(chatId: chatId)
        guard let channel = control.channel else {
            throw APIError.notFound("El chat \(chatId) no ha escrito todavía: no se sabe por qué canal responderle.")
        }
        let delivery = DeliverReplyJob(
            chatId: chatId, channel: channel, text: text, origin: .operator,
            owner: ChatScope.channelSubject(chatId) ?? control.owner)
        let key = idempotencyKey.map { "operador:\(name):\(chatId):\($0.prefix(150))" }
        let enqueued = try await jobs.enqueue(delivery, idempotencyKey: key, owner: owner)
        if enqueued.created {
            let message = NewMessage(
                chatId: chatId, sender: .operator, content: text,
                metadata: .object(["operador": .string(name), "job_id": .string(enqueued.id)]))
            _ = try await store.appendMessage(message)
        }
        return enqueued.id
    }
}
