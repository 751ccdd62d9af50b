import Foundation

/// Conversation history, per-chat control (human takeover) and the sales agent's memory
/// (dialogue state and the turns already handled).
public protocol ChatStore: Sendable {
    /// Stores one message and returns it with its id and time.
    @discardableResult
    func appendMessage(_ new: NewMessage) async throws -> StoredMessage
    /// Writes a delivered reply (after the message it answers) once per `deliveryId`;
    /// returns whether it wrote.
    @discardableResult
    func recordDelivery(incoming: NewMessage?, reply: NewMessage, deliveryId: String) async throws -> Bool
    /// The last `limit` messages of a chat, oldest first.
    func history(chatId: String, limit: Int) async throws -> [StoredMessage]
    /// A page of a chat's conversation, oldest first.
    func historyPage(chatId: String, limit: Int?, offset: Int?) async throws -> Page<StoredMessage>
    /// The chat's control record, or the defaults (AI on, channel unknown).
    func chatControl(chatId: String) async throws -> ChatControl
    @discardableResult
    func setAIActive(chatId: String, active: Bool, channel: Channel?) async throws -> ChatControl
    func recordChannel(chatId: String, channel: Channel, owner: String?) async throws
    /// The chat's dialogue state (JSON), nil for a chat the agent has not talked to.
    func dialogueJSON(chatId: String) async throws -> String?
    /// The result recorded for a chat job, if its turn was already handled.
    func chatTurnResult(jobId: String) async throws -> String?
    /// Records a handled message in one transaction, once per job id; returns the first
    /// result recorded for it.
    @discardableResult
    func recordChatTurn(_ record: ChatTurnRecord) async throws -> String
    /// The stored chat ids (`chat_control`) a staff member's chat id can mean: itself, and
    /// `h:<channel>:<id>` of every HTTP channel.
    func storedChatIds(external chatId: String) async throws -> [String]
    /// Deletes messages created before `messagesBefore`, turn records and dialogue states
    /// older than `dialogueBefore`, and the control records of chats left without messages
    /// untouched since `messagesBefore`, in batches. Nil keeps that kind.
    func pruneConversations(messagesBefore: Date?, dialogueBefore: Date?, batch: Int) async throws
        -> PrunedConversations
}

extension ChatStore {
    /// Whether the AI answers this chat; true unless an operator turned it off.
    public func isAIActive(chatId: String) async throws -> Bool {
        try await chatControl(chatId: chatId).aiActive
    }
}
