import Foundation
import Shop

// The agent's memory per chat, typed: the storage keeps it as JSON it does not read.
extension AppDatabase {
    /// The chat's dialogue state, or nil for a chat the agent has not talked to.
    public func dialogue(chatId: String) throws -> DialogueState? {
        try dialogueJSON(chatId: chatId).map(DialogueState.decode)
    }
}

extension ChatStore {
    /// The chat's dialogue state on any engine, or nil for a chat the agent has not talked to.
    public func dialogue(chatId: String) async throws -> DialogueState? {
        try await dialogueJSON(chatId: chatId).map(DialogueState.decode)
    }
}

extension DialogueState {
    /// A state as stored (JSON).
    static func decode(_ json: String) throws -> DialogueState {
        try JSONDecoder().decode(DialogueState.self, from: Data(json.utf8))
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
