/// Where a chat lives, and so where its replies go: Telegram (`tg:<chat.id>` chats, replies
/// by `sendMessage`) or the HTTP chat API (replies read from the job, or POSTed to the
/// channel's callback URL). Raw values are stored with the chat and sent in job payloads.
public enum Channel: String, Codable, Sendable, CaseIterable {
    case http
    case telegram
}
