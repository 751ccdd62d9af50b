import Foundation

/// The console's inbox: one summary per chat, kept by the engine with every message stored
/// (whoever stores it: reply and delivery workers, the legacy import, the front end), newest
/// activity first, with each user's read marks.
public protocol InboxStore: Sendable {
    /// A page of conversations for the user `viewer` (its read marks decide `unread`).
    func inbox(_ filter: InboxFilter, viewer: Int64, limit: Int?, offset: Int?) async throws
        -> (conversations: [ConversationSummary], total: Int)
    /// One conversation's summary for `viewer`, or nil for a chat that never wrote.
    func conversation(chatId: String, viewer: Int64) async throws -> ConversationSummary?
    /// The newest message (id and time) of all chats (`chatId` nil) or of one; nil when there
    /// is none. The inbox changed when the id grows.
    func latestMessage(chatId: String?) async throws -> (id: Int64, created: Date)?
    /// Conversations that need a person and changed after message `after` (for notifications).
    func conversationsNeedingPerson(after: Int64, limit: Int) async throws -> [String]
    /// Records that `viewer` has seen the chat up to `messageId` (a mark never moves back).
    func markSeen(chatId: String, viewer: Int64, messageId: Int64) async throws
    /// An operator takes the chat (`aiActive` false) or hands it back to the AI (true: it no
    /// longer needs a person), in one transaction.
    @discardableResult
    func handOver(chatId: String, aiActive: Bool) async throws -> ChatControl
}

extension InboxStore {
    public func latestMessage() async throws -> (id: Int64, created: Date)? {
        try await latestMessage(chatId: nil)
    }
}
