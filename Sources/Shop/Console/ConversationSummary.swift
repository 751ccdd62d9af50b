import Foundation

/// One row of the console's inbox: a chat with its latest activity, whether it waits for a
/// person, whether the AI answers it, its channel and whether it has an open cart.
public struct ConversationSummary: Sendable, Equatable {
    public var chatId: String
    /// The id of the chat's latest message (newest activity first).
    public var lastMessageId: Int64
    public var lastMessageAt: Date
    public var lastSender: Sender
    public var lastText: String
    public var messages: Int
    /// The customer asked for a person, the agent sent them to one, or they wrote while an
    /// operator had the chat; cleared when an operator answers.
    public var needsPerson: Bool
    public var aiActive: Bool
    public var channel: Channel?
    public var openCart: Bool
    /// The customer wrote after the last message this user saw in the console.
    public var unread: Bool

    public init(
        chatId: String, lastMessageId: Int64, lastMessageAt: Date, lastSender: Sender, lastText: String,
        messages: Int, needsPerson: Bool, aiActive: Bool, channel: Channel?, openCart: Bool, unread: Bool
    ) {
        self.chatId = chatId
        self.lastMessageId = lastMessageId
        self.lastMessageAt = lastMessageAt
        self.lastSender = lastSender
        self.lastText = lastText
        self.messages = messages
        self.needsPerson = needsPerson
        self.aiActive = aiActive
        self.channel = channel
        self.openCart = openCart
        self.unread = unread
    }
}

/// What the inbox shows: every chat, or only those matching each set filter.
public struct InboxFilter: Sendable, Equatable {
    public var needsPerson = false
    public var aiOff = false
    public var openCart = false
    public var channel: Channel?
    /// Part of a chat id.
    public var chatId: String?

    public init(
        needsPerson: Bool = false, aiOff: Bool = false, openCart: Bool = false, channel: Channel? = nil,
        chatId: String? = nil
    ) {
        self.needsPerson = needsPerson
        self.aiOff = aiOff
        self.openCart = openCart
        self.channel = channel
        self.chatId = chatId
    }
}
