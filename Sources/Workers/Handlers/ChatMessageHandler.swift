import Core
import Foundation

/// Runs `chat.mensaje` jobs: one customer message of one chat (the queue orders them per
/// chat). The agent decides the turn from the chat's stored state; the reply is written
/// (templates or a checked model reply); both messages, the new state and the result are
/// recorded in one transaction keyed by the job id; the reply goes to the chat's channel as
/// a `DeliverReplyJob` follow-up. A retried job finds its turn recorded and only hands the
/// same reply on. With the AI off for the chat (an operator took it over) the message is
/// kept for the operators and nothing is sent.
struct ChatMessageHandler: JobHandler {
    let resources: AgentResources

    /// The result when an operator attends the chat.
    struct HeldForOperator: Encodable {
        var respuesta = ""
        var productos: [Int64] = []
        var pedido_id: Int64? = nil
        var ia_activa = false
        var nota = "La IA está desactivada para este chat: el mensaje quedó para un asesor."

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(respuesta, forKey: .respuesta)
            try container.encode(productos, forKey: .productos)
            try container.encodeNil(forKey: .pedido_id)
            try container.encode(ia_activa, forKey: .ia_activa)
            try container.encode(nota, forKey: .nota)
        }

        enum CodingKeys: String, CodingKey { case respuesta, productos, pedido_id, ia_activa, nota }
    }

    static let apology =
        "Disculpe, tuvimos un inconveniente al procesar su mensaje. ¿Me lo puede escribir de nuevo en unos minutos? "
        + "Si es urgente, un asesor le atenderá."
    static let stillPlacing =
        "Su pedido se está registrando. En unos minutos le confirmo el número; si me escribe «sí» se lo confirmo "
        + "apenas quede listo."

    func handle(_ job: ChatMessageJob, context: JobContext) async throws -> JobResult {
        let database = resources.database
        let jobId = context.id
        let owner = job.canal == "telegram" ? nil : context.owner
        if let recorded = try await database.perform({ try $0.chatTurnResult(jobId: jobId) }) {
            return try outcome(recorded, job, context, owner: owner)
        }
        let entrada = NuevoMensaje(
            chatId: job.chat_id, remitente: .usuario, tipo: TipoMensaje(rawValue: job.tipo) ?? .texto,
            contenido: job.mensaje, metadata: .object(["job_id": .string(jobId)]))
        let chatId = job.chat_id
        guard try await database.perform({ try $0.isAIActive(chatId: chatId) }) else {
            let result = try JobCoding.encode(HeldForOperator())
            let recorded = try await record(job, jobId, owner, entrada, nil, nil, result)
            return JobResult(result: recorded, rootResult: recorded)
        }
        let turn: AgentTurn
        do {
            let state = try await database.perform { try $0.dialogue(chatId: chatId) } ?? DialogueState()
            turn = try await resources.agent.respond(chatId: chatId, message: job.mensaje, state: state)
        } catch  where context.isLastAttempt {
            // No more retries: the customer is told, the message is kept, the state is left
            // as it was (a confirmed order still being placed is found again by its key).
            context.logger.error("El turno falló en el último intento: \(error)")
            let text = error is QueuedOrderPlacer.StillPlacing ? Self.stillPlacing : Self.apology
            let reply = ChatReply(respuesta: text)
            let respuesta = NuevoMensaje(
                chatId: chatId, remitente: .agente, contenido: text,
                metadata: .object(["job_id": .string(jobId), "fuente": .string("aviso")]))
            let recorded = try await record(job, jobId, owner, entrada, respuesta, nil, try JobCoding.encode(reply))
            return try outcome(recorded, job, context, owner: owner)
        }
        let maxHistory = resources.maxHistory
        let written = await resources.writer.write(turn.facts) {
            try await database.perform { db in
                let company = try db.activeCompanyContext()?.contenido ?? ""
                return ReplyWriter.Context(
                    history: try db.history(chatId: chatId, limit: maxHistory), message: job.mensaje,
                    companyText: company, shop: CompanyAnswerer(companyText: company).shopName,
                    catalogNames: try db.productNames())
            }
        }
        let reply = ChatReply(respuesta: written.text, productos: turn.productos, pedido_id: turn.pedidoId)
        var metadata: [String: JSONValue] = [
            "job_id": .string(jobId), "productos": .array(turn.productos.map { .integer(Int($0)) }),
            "fuente": .string(written.source.rawValue),
        ]
        if let pedido = turn.pedidoId { metadata["pedido_id"] = .integer(Int(pedido)) }
        let respuesta = NuevoMensaje(
            chatId: chatId, remitente: .agente, contenido: written.text, metadata: .object(metadata))
        let recorded = try await record(job, jobId, owner, entrada, respuesta, turn.state, try JobCoding.encode(reply))
        return try outcome(recorded, job, context, owner: owner)
    }

    private func record(
        _ job: ChatMessageJob, _ jobId: String, _ owner: String?, _ entrada: NuevoMensaje, _ respuesta: NuevoMensaje?,
        _ estado: DialogueState?, _ result: String
    ) async throws -> String {
        let record = ChatTurnRecord(
            jobId: jobId, chatId: job.chat_id, canal: job.canal, propietario: owner,
            entrada: entrada, respuesta: respuesta, estado: estado, resultado: result)
        return try await resources.database.perform { try $0.recordChatTurn(record) }
    }

    /// The job's result, on the chain's root too (the root may be a photo or a voice note),
    /// and the delivery of the reply when there is one.
    private func outcome(_ recorded: String, _ job: ChatMessageJob, _ context: JobContext, owner: String?) throws
        -> JobResult
    {
        let reply = try? JobCoding.decode(ChatReply.self, from: recorded)
        guard let text = reply?.respuesta, !text.isEmpty else {
            return JobResult(result: recorded, rootResult: recorded)
        }
        let delivery = DeliverReplyJob(
            chat_id: job.chat_id, canal: job.canal, texto: text, origen: .agente, job_id: context.id,
            propietario: owner)
        return JobResult(result: recorded, rootResult: recorded, followUps: [try NewJob(delivery)])
    }
}
