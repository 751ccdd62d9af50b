import Hummingbird
import Shop

/// Which stored chat a request means (`ChatScope`, issue 16 finding 3). A channel names its
/// own chats: its `chat_id` is read in its own namespace, and `tg:` ids (Telegram's) are
/// refused on every route. Staff name a chat by the id its channel uses, with an optional
/// `canal` (the channel's token subject) when several channels use that id; a stored id
/// (`h:<canal>:<id>`, `tg:<id>`) is accepted as is.
struct ChatLookup {
    let store: any ShopStore

    /// The stored id of the chat a channel (or staff writing as one) sends to or reads.
    static func channelChat(_ raw: String, _ context: AppRequestContext) throws -> String {
        let chatId = try ChatController.validChatId(raw)
        guard !ChatScope.isTelegram(chatId) else {  // Telegram's chats come only from Telegram
            throw APIError.validation("Los chat_id que empiezan por \"tg:\" son de Telegram; use otro identificador.")
        }
        guard let identity = context.identity else {
            throw APIError(.unauthenticated, "Falta el encabezado Authorization: Bearer <token>.")
        }
        let stored = ChatScope.scoped(chatId, channel: identity.subject)
        guard stored.utf8.count <= ChatScope.maxStoredLength else {
            throw APIError.validation("El campo \"chat_id\" es demasiado largo para este canal.")
        }
        return stored
    }

    /// The stored id of the chat staff name (`raw` from a path or query, `channel` from the
    /// `canal` parameter). Several channels' chats with that id and no `canal` → 409 naming
    /// them; no chat at all → the id as given (a filter then finds nothing, a chat route 404).
    func staffChat(_ raw: String, channel: String?) async throws -> String {
        let chatId = raw.trimmed
        guard !chatId.isEmpty, chatId.utf8.count <= ChatScope.maxStoredLength else {
            throw APIError.validation("El chat_id debe tener entre 1 y \(ChatScope.maxStoredLength) caracteres.")
        }
        if let channel = channel?.trimmed, !channel.isEmpty {
            return ChatScope.scoped(chatId, channel: channel)
        }
        if ChatScope.isTelegram(chatId) || ChatScope.split(chatId) != nil { return chatId }
        let found = try await store.storedChatIds(external: chatId)
        guard found.count <= 1 else {
            let channels = found.compactMap(ChatScope.channelSubject).map { "«\($0)»" }.joined(separator: ", ")
            throw APIError(
                .conflict,
                "Varios canales usan el chat_id \(chatId) (\(channels)); indique cuál con el parámetro canal.")
        }
        return found.first ?? chatId
    }
}
