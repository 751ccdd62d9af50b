import JobEngine
import Shop

extension JobContext {
    /// The token subject of the HTTP channel a chat belongs to (whose callback gets its
    /// replies): the one in its stored id (`ChatScope`), or, for a job enqueued before chats
    /// were scoped, the subject that enqueued the chain.
    func httpChannelSubject(chatId: String) -> String? {
        ChatScope.channelSubject(chatId) ?? owner.map(Identity.subject(ofOwner:))
    }
}
