import Foundation
import GRDB

/// One handled chat message, as the reply worker records it in one transaction.
public struct ChatTurnRecord: Sendable {
    public var jobId: String
    public var chatId: String
    public var channel: Channel
    public var owner: String?
    /// The customer's message.
    public var incoming: NewMessage
    /// The agent's reply; nil when no automatic reply is sent (an operator attends the chat).
    public var reply: NewMessage?
    /// The chat's new dialogue state as JSON (the assistant's `DialogueState`, opaque here);
    /// nil leaves it as it was.
    public var stateJSON: String?
    /// The job's result JSON.
    public var result: String

    public init(
        jobId: String, chatId: String, channel: Channel, owner: String?, incoming: NewMessage,
        reply: NewMessage?, stateJSON: String?, result: String
    ) {
        self.jobId = jobId
        self.chatId = chatId
        self.channel = channel
        self.owner = owner
        self.incoming = incoming
        self.reply = reply
        self.stateJSON = stateJSON
        self.result = result
    }
}

// The sales agent's memory per chat, and the turns already handled (idempotency).
extension AppDatabase {
    /// The chat's dialogue state as stored (JSON), or nil for a chat the agent has not talked to.
    public func dialogueJSON(chatId: String) throws -> String? {
        try pool.read { db in
            try String.fetchOne(
                db.cachedStatement(sql: "SELECT estado FROM chat_estado WHERE chat_id = ?"), arguments: [chatId])
        }
    }

    /// The result recorded for a chat job, if its turn was already handled.
    public func chatTurnResult(jobId: String) throws -> String? {
        try pool.read { db in
            try String.fetchOne(
                db.cachedStatement(sql: "SELECT resultado FROM chat_turnos WHERE job_id = ?"), arguments: [jobId])
        }
    }

    /// Records a handled message in ONE transaction: both messages in the history, the new
    /// dialogue state, the chat's channel and the job's result. When the job was already
    /// recorded (a retry, or another worker that took the job over), nothing is written and
    /// the first result is returned, so the turn counts once whatever happens.
    @discardableResult
    public func recordChatTurn(_ record: ChatTurnRecord) throws -> String {
        let incoming = try record.incoming.validated()
        let reply = try record.reply?.validated()
        let state = record.stateJSON
        return try pool.write { db in
            if let existing = try String.fetchOne(
                db.cachedStatement(sql: "SELECT resultado FROM chat_turnos WHERE job_id = ?"), arguments: [record.jobId]
            ) {
                return existing
            }
            let now = Date()
            _ = try Self.insertMessage(db, incoming)
            if let reply { _ = try Self.insertMessage(db, reply) }
            if let state {
                try db.cachedStatement(
                    sql: """
                        INSERT INTO chat_estado (chat_id, estado, actualizado) VALUES (?, ?, ?)
                        ON CONFLICT(chat_id) DO UPDATE SET estado = excluded.estado, actualizado = excluded.actualizado
                        """
                ).execute(arguments: [record.chatId, state, now])
            }
            try Self.recordChannel(db, chatId: record.chatId, channel: record.channel, owner: record.owner)
            try db.cachedStatement(
                sql: "INSERT INTO chat_turnos (job_id, chat_id, resultado, creado) VALUES (?, ?, ?, ?)"
            ).execute(arguments: [record.jobId, record.chatId, record.result, now])
            return record.result
        }
    }
}

extension AppDatabase {
    /// Names of every product, active or not (what a model-written reply is checked against).
    /// Read by every chat turn: kept per catalog version (one primary-key read on a hit).
    public func productNames() throws -> [String] {
        try pool.read { db in
            try catalogNames.value(at: try Self.catalogVersion(db)) {
                try String.fetchAll(db, sql: "SELECT nombre FROM productos ORDER BY id")
            }
        }
    }
}
