import Foundation
import Hummingbird
import Integrations
import Shop
import Support

// Conversaciones: the inbox, one conversation, take over / hand back, reply, photos.
extension ConsoleController {
    @Sendable func inbox(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = try session(context)
        var filter = InboxFilter(
            needsPerson: request.query("persona") != nil, aiOff: request.query("ia") != nil,
            openCart: request.query("carrito") != nil)
        if let channel = request.query("canal") {
            guard let parsed = Channel(rawValue: channel) else {
                throw APIError.badRequest("El canal debe ser telegram o http.")
            }
            filter.channel = parsed
        }
        if let text = request.query("chat") {
            guard text.count <= 128 else { throw APIError.badRequest("La búsqueda admite máximo 128 caracteres.") }
            filter.chatId = text
        }
        let (limit, offset) = try Pagination.parse(request)
        let viewer = session.userId
        let chosen = filter
        let page = try await store.inbox(chosen, viewer: viewer, limit: limit, offset: offset)
        let list = InboxView.list(page.conversations, total: page.total, limit: limit, offset: offset, request: request)
        if request.query("parcial") != nil { return ConsoleResponses.html(list) }
        return try await self.page(
            context, title: "Conversaciones", section: .conversations,
            content: InboxView.filters(filter) + list)
    }

    @Sendable func conversation(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = try session(context)
        let chatId = try ChatController.validChatId(context.pathString("chat"))
        let viewer = session.userId
        let summary = try await store.conversation(chatId: chatId, viewer: viewer)
        let messages = try await store.history(chatId: chatId, limit: 200)
        if let last = messages.last { try await store.markSeen(chatId: chatId, viewer: viewer, messageId: last.id) }
        let stateJSON = try await store.dialogueJSON(chatId: chatId)
        let orders = try await store.listOrders(OrderFilter(chatId: chatId), limit: 10, offset: nil).results
        guard let summary else { throw APIError.notFound("No existe la conversación \(chatId).") }
        let latest = messages.last?.id ?? 0
        return ConsoleResponses.html(
            ConsoleLayout.page(
                title: "Chat \(chatId)", section: .conversations, session: session,
                latestMessage: try await store.latestMessage()?.id ?? 0, flash: flash(request),
                pageName: "conversacion", chatId: chatId, chatLatest: latest,
                content: ConversationView.page(
                    summary, messages: messages, progress: ChatProgress(json: stateJSON), orders: orders,
                    session: session)))
    }

    /// The messages list alone (the live refresh); marks them seen.
    @Sendable func conversationMessages(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = try session(context)
        let chatId = try ChatController.validChatId(context.pathString("chat"))
        let viewer = session.userId
        let messages = try await store.history(chatId: chatId, limit: 200)
        if let last = messages.last { try await store.markSeen(chatId: chatId, viewer: viewer, messageId: last.id) }
        return ConsoleResponses.html(ConversationView.messages(messages))
    }

    /// `ia_activa=0` takes the chat over, `1` hands it back to the AI (`OperatorChat`).
    @Sendable func setControl(_ request: Request, context: AppRequestContext) async throws -> Response {
        let chatId = try ChatController.validChatId(context.pathString("chat"))
        let form = try await form(request)
        let active: Bool
        switch form["ia_activa"] {
        case "1": active = true
        case "0": active = false
        default: throw APIError.badRequest("El campo ia_activa debe ser 0 o 1.")
        }
        _ = try await OperatorChat(store: store, jobs: jobs).setAIActive(chatId: chatId, active: active)
        await audit(context, active ? "chat.devolver" : "chat.tomar", chatId)
        return ConsoleResponses.redirect(
            ConsoleFormat.url(
                "/consola/conversaciones/\(ConsoleFormat.segment(chatId))",
                [("aviso", (active ? ConsoleFlash.handedBack : .takenOver).rawValue)]))
    }

    /// The operator's reply, through the chat's own channel (`OperatorChat.reply`); the
    /// form's one-time key makes a double submit one message.
    @Sendable func reply(_ request: Request, context: AppRequestContext) async throws -> Response {
        let chatId = try ChatController.validChatId(context.pathString("chat"))
        let form = try await form(request)
        let session = try session(context)
        let key = form.text("clave_envio").map { String($0.prefix(64)) }
        let id = try await OperatorChat(store: store, jobs: jobs).reply(
            chatId: chatId, text: form["mensaje"] ?? "", operator: session.name, owner: session.identity.ownerKey,
            idempotencyKey: key)
        await audit(context, "chat.responder", "\(chatId) (trabajo \(id))")
        return ConsoleResponses.redirect(
            ConsoleFormat.url(
                "/consola/conversaciones/\(ConsoleFormat.segment(chatId))", [("aviso", ConsoleFlash.replied.rawValue)]))
    }

    /// A customer's photo or voice note from the blob store (only the formats uploads accept).
    @Sendable func blob(_ request: Request, context: AppRequestContext) async throws -> Response {
        let key = context.parameters.get("clave") ?? ""
        guard BlobKey.isValid(key) else { throw APIError.notFound("No existe ese archivo.") }
        let data: Data
        do {
            data = try await blobs.load(key)
        } catch {
            throw APIError(.fileGone, "El archivo ya no está disponible (se borra pasado un tiempo).")
        }
        guard let format = MediaFormat.sniff(data) else { throw APIError.notFound("No existe ese archivo.") }
        return Response(
            status: .ok,
            headers: [
                .contentType: format.mime, .cacheControl: "private, max-age=86400, immutable",
                .init("X-Content-Type-Options")!: "nosniff",
                .contentSecurityPolicy: "default-src 'none'; sandbox",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
