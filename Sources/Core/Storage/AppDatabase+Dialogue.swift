import Foundation
import GRDB

/// One handled chat message, as the reply worker records it in one transaction.
public struct ChatTurnRecord: Sendable {
    public var jobId: String
    public var chatId: String
    public var canal: String
    public var propietario: String?
    /// The customer's message.
    public var entrada: NuevoMensaje
    /// The agent's reply; nil when no automatic reply is sent (an operator attends the chat).
    public var respuesta: NuevoMensaje?
    /// The chat's new dialogue state; nil leaves it as it was.
    public var estado: DialogueState?
    /// The job's result JSON.
    public var resultado: String

    public init(
        jobId: String, chatId: String, canal: String, propietario: String?, entrada: NuevoMensaje,
        respuesta: NuevoMensaje?, estado: DialogueState?, resultado: String
    ) {
        self.jobId = jobId
        self.chatId = chatId
        self.canal = canal
        self.propietario = propietario
        self.entrada = entrada
        self.respuesta = respuesta
        self.estado = estado
        self.resultado = resultado
    }
}

// The sales agent's memory per chat, and the turns already handled (idempotency).
extension AppDatabase {
    /// The chat's dialogue state, or nil for a chat the agent has not talked to.
    public func dialogue(chatId: String) throws -> DialogueState? {
        try pool.read { db in
            try String.fetchOne(db, sql: "SELECT estado FROM chat_estado WHERE chat_id = ?", arguments: [chatId])
        }.map { try JSONDecoder().decode(DialogueState.self, from: Data($0.utf8)) }
    }

    /// The result recorded for a chat job, if its turn was already handled.
    public func chatTurnResult(jobId: String) throws -> String? {
        try pool.read { db in
            try String.fetchOne(db, sql: "SELECT resultado FROM chat_turnos WHERE job_id = ?", arguments: [jobId])
        }
    }

    /// Records a handled message in ONE transaction: both messages in the history, the new
    /// dialogue state, the chat's channel and the job's result. When the job was already
    /// recorded (a retry, or another worker that took the job over), nothing is written and
    /// the first result is returned, so the turn counts once whatever happens.
    @discardableResult
    public func recordChatTurn(_ record: ChatTurnRecord) throws -> String {
        let entrada = try record.entrada.validated()
        let respuesta = try record.respuesta?.validated()
        let estado = try record.estado.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
        return try pool.write { db in
            if let existing = try String.fetchOne(
                db, sql: "SELECT resultado FROM chat_turnos WHERE job_id = ?", arguments: [record.jobId])
            {
                return existing
            }
            let now = Date()
            _ = try Self.insertMessage(db, entrada)
            if let respuesta { _ = try Self.insertMessage(db, respuesta) }
            if let estado {
                try db.execute(
                    sql: """
                        INSERT INTO chat_estado (chat_id, estado, actualizado) VALUES (?, ?, ?)
                        ON CONFLICT(chat_id) DO UPDATE SET estado = excluded.estado, actualizado = excluded.actualizado
                        """,
                    arguments: [record.chatId, estado, now])
            }
            try Self.recordChannel(db, chatId: record.chatId, canal: record.canal, propietario: record.propietario)
            try db.execute(
                sql: "INSERT INTO chat_turnos (job_id, chat_id, resultado, creado) VALUES (?, ?, ?, ?)",
                arguments: [record.jobId, record.chatId, record.resultado, now])
            return record.resultado
        }
    }
}

extension AppDatabase {
    /// Names of every product, active or not (what a model-written reply is checked against).
    public func productNames() throws -> [String] {
        try pool.read { db in try String.fetchAll(db, sql: "SELECT nombre FROM productos ORDER BY id") }
    }
}
