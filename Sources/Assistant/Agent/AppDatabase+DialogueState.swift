import Foundation
import Shop

// The agent's memory per chat, typed: the storage keeps it as JSON it does not read.
extension AppDatabase {
    /// The chat's dialogue state, or nil for a chat the agent has not talked to.
    public func dialogue(chatId: String) throws -> DialogueState? {
        try dialogueJSON(chatId: chatId).map { try JSONDecoder().decode(DialogueState.self, from: Data($0.utf8)) }
    }
}

extension ChatTurnRecord {
    public init(
        jobId: String, chatId: String, channel: Channel, owner: String?, incoming: NewMessage,
        reply: NewMessage?, state: DialogueState?, result: String
    ) throws {
        let json = try state.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
        self.init(
            jobId: jobId, chatId: chatId, channel: channel, owner: owner, incoming: incoming, reply: reply,
            stateJSON: json, result: result)
    }
}
