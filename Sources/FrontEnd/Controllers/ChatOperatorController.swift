import Foundation
import Hummingbird
import JobEngine
import Pipeline
import Shop

/// Human takeover (operator role): turn the AI off or on for a chat, and answer a chat as
/// an operator. The reply is stored in the conversation and handed to the delivery worker
/// through the chat's own channel (the one its messages came through).
struct ChatOperatorController {
    let database: AppDatabase
    let jobs: JobClient

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("{chat_id}/control", use: showControl)
        group.put("{chat_id}/control", use: setControl)
        group.post("{chat_id}/responder", use: reply)
    }

    struct ControlChange: Decodable {
        var aiActive: Bool

        enum CodingKeys: String, CodingKey {
            case aiActive = "ia_activa"
        }
    }

    struct OperatorReply: Decodable {
        var message: String

        enum CodingKeys: String, CodingKey {
            case message = "mensaje"
        }
    }

    /// The stored chat the path names (a channel's own id, `?canal=` when several use it).
    private func chat(_ request: Request, _ context: AppRequestContext) async throws -> String {
        try await ChatLookup(database: database).staffChat(
            context.pathString("chat_id"), channel: request.query("canal"))
    }

    @Sendable func showControl(_ request: Request, context: AppRequestContext) async throws -> Response {
        let chatId = try await chat(request, context)
        return try APIJSON.response(try await database.perform { try $0.chatControl(chatId: chatId) })
    }

    @Sendable func setControl(_ request: Request, context: AppRequestContext) async throws -> Response {
        let chatId = try await chat(request, context)
        let body = try await request.decodeJSON(ControlChange.self)
        let control = try await OperatorChat(database: database, jobs: jobs).setAIActive(
            chatId: chatId, active: body.aiActive)
        return try APIJSON.response(control)
    }

    /// `{"mensaje"}` → 202 with the delivery job (`OperatorChat.reply`).
    @Sendable func reply(_ request: Request, context: AppRequestContext) async throws -> Response {
        let chatId = try await chat(request, context)
        let body = try await request.decodeJSON(OperatorReply.self, limit: 32 * 1024)
        let id = try await OperatorChat(database: database, jobs: jobs).reply(
            chatId: chatId, text: body.message, operator: context.identity?.subject ?? "",
            owner: context.identity?.ownerKey, idempotencyKey: request.headers[.idempotencyKey])
        return ChatController.accepted(id)
    }
}

/// `GET /chat/historial/{chat_id}`: the conversation, oldest first. A channel names its own
/// chats (its namespace, `ChatScope`) and sees its own ids in the messages; staff see every
/// chat, named by its channel's id (`?canal=` when several channels use it) or its stored id.
struct ChatHistoryController {
    let database: AppDatabase

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("historial/{chat_id}", use: history)
    }

    @Sendable func history(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (limit, offset) = try Pagination.parse(request)
        guard let identity = context.identity, identity.role > .channel else {
            let raw = context.pathString("chat_id")
            let chatId = try ChatLookup.channelChat(raw, context)
            let control = try await database.perform { try $0.chatControl(chatId: chatId) }
            guard control.owner == context.identity?.subject else {
                throw APIError.notFound("No existe el chat \(raw) para este canal.")
            }
            var page = try await database.perform { try $0.historyPage(chatId: chatId, limit: limit, offset: offset) }
            for index in page.results.indices { page.results[index].chatId = ChatScope.external(chatId) }
            return try APIJSON.response(page)
        }
        let chatId = try await ChatLookup(database: database).staffChat(
            context.pathString("chat_id"), channel: request.query("canal"))
        let page = try await database.perform { try $0.historyPage(chatId: chatId, limit: limit, offset: offset) }
        return try APIJSON.response(page)
    }
}
