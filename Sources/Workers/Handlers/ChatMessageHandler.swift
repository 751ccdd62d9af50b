import Assistant
import Foundation
import JobEngine
import Pipeline
import Shop
import Support

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
        var reply = ""
        var products: [Int64] = []
        var orderId: Int64? = nil
        var aiActive = false
        var note = "La IA está desactivada para este chat: el mensaje quedó para un asesor."

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(reply, forKey: .reply)
            try container.encode(products, forKey: .products)
            try container.encodeNil(forKey: .orderId)
            try container.encode(aiActive, forKey: .aiActive)
            try container.encode(note, forKey: .note)
        }

        enum CodingKeys: String, CodingKey {
            case reply = "respuesta", products = "productos", orderId = "pedido_id", aiActive = "ia_activa", note =
                "nota"
        }
    }

    static let apology =
        "Disculpe, tuvimos un inconveniente al procesar su mensaje. ¿Me lo puede escribir de nuevo en unos minutos? "
        + "Si es urgente, un asesor le atenderá."
    static let stillPlacing =
        "Su pedido se está registrando. En unos minutos le confirmo el número; si me escribe «sí» se lo confirmo "
        + "apenas quede listo."

    func handle(_ received: ChatMessageJob, context: JobContext) async throws -> JobResult {
        let job = Self.normalized(received, owner: context.owner)
        let store = resources.store
        let jobId = context.id
        let owner = job.channel == .telegram ? nil : context.httpChannelSubject(chatId: job.chatId)
        let chats = resources.chats
        if let recorded = try await chats.chatTurnResult(jobId: jobId) {
            return try outcome(recorded, job, context, owner: owner)
        }
        var incomingMetadata: [String: JSONValue] = ["job_id": .string(jobId)]
        if let blob = job.blob { incomingMetadata["blob"] = .string(blob) }
        let incoming = NewMessage(
            chatId: job.chatId, sender: .user, kind: job.kind, content: job.historyText,
            metadata: .object(incomingMetadata))
        let chatId = job.chatId
        guard try await chats.isAIActive(chatId: chatId) else {
            let result = try JobCoding.encode(HeldForOperator())
            let recorded = try await record(job, jobId, owner, incoming, nil, nil, result)
            AgentMetrics.record(.handedToPerson)
            return JobResult(result: recorded, rootResult: recorded)
        }
        let turn: AgentTurn
        do {
            let state = try await chats.dialogue(chatId: chatId) ?? DialogueState()
            turn = try await resources.agent.respond(chatId: chatId, message: Self.customerMessage(job), state: state)
        } catch  where context.isLastAttempt {
            // No more retries: the customer is told, the message is kept, the state is left
            // as it was (a confirmed order still being placed is found again by its key).
            context.logger.error("El turno falló en el último intento: \(error)")
            let text = error is QueuedOrderPlacer.StillPlacing ? Self.stillPlacing : Self.apology
            let chatReply = ChatReply(reply: text)
            let reply = NewMessage(
                chatId: chatId, sender: .agent, content: text,
                metadata: .object(["job_id": .string(jobId), "fuente": .string("aviso")]))
            let recorded = try await record(job, jobId, owner, incoming, reply, nil, try JobCoding.encode(chatReply))
            AgentMetrics.record(.failed)
            return try outcome(recorded, job, context, owner: owner)
        }
        let maxHistory = resources.maxHistory
        let written = await resources.writer.write(turn.facts) {
            async let company = store.activeCompanyContext()
            async let history = store.history(chatId: chatId, limit: maxHistory)
            async let names = store.productNames()
            let text = try await company?.content ?? ""
            return ReplyWriter.Context(
                history: try await history, message: job.historyText, companyText: text,
                shop: CompanyAnswerer.cached(companyText: text).shopName, catalogNames: try await names)
        }
        let chatReply = ChatReply(
            reply: written.text, products: turn.products, orderId: turn.orderId, options: turn.options)
        var metadata: [String: JSONValue] = [
            "job_id": .string(jobId), "productos": .array(turn.products.map { .integer(Int($0)) }),
            "fuente": .string(written.source.rawValue),
        ]
        if let order = turn.orderId { metadata["pedido_id"] = .integer(Int(order)) }
        let reply = NewMessage(
            chatId: chatId, sender: .agent, content: written.text, metadata: .object(metadata))
        let recorded = try await record(job, jobId, owner, incoming, reply, turn.state, try JobCoding.encode(chatReply))
        AgentMetrics.record(turn)
        return try outcome(recorded, job, context, owner: owner)
    }

    /// The message as the agent reads it: at most `ChatMessageJob.maxLength` characters, and
    /// a message enqueued before chats were scoped by channel (`ChatScope`) in its channel's
    /// chat.
    static func normalized(_ received: ChatMessageJob, owner: String?) -> ChatMessageJob {
        var job = received
        job.message = ChatMessageJob.readable(job.message)
        if let read = job.readText { job.readText?.text = ChatMessageJob.readable(read.text) }
        if job.channel == .http, ChatScope.split(job.chatId) == nil, !ChatScope.isTelegram(job.chatId),
            let subject = owner.map(Identity.subject(ofOwner:))
        {
            job.chatId = ChatScope.scoped(job.chatId, channel: subject)
        }
        return job
    }

    /// The customer's words and, apart, the text read from their photo.
    static func customerMessage(_ job: ChatMessageJob) -> CustomerMessage {
        var message =
            switch job.readText {
            case let read? where read.origin != .transcription: CustomerMessage(job.message, photoText: read.text)
            default: CustomerMessage(job.message)
            }
        message.sharedPhone = job.shared?.phone
        message.sharedLocation = job.shared?.location
        return message
    }

    private func record(
        _ job: ChatMessageJob, _ jobId: String, _ owner: String?, _ incoming: NewMessage, _ reply: NewMessage?,
        _ state: DialogueState?, _ result: String
    ) async throws -> String {
        let record = try ChatTurnRecord(
            jobId: jobId, chatId: job.chatId, channel: job.channel, owner: owner,
            incoming: incoming, reply: reply, state: state, result: result)
        return try await resources.chats.recordChatTurn(record)
    }

    /// The job's result, on the chain's root too (the root may be a photo or a voice note),
    /// and the delivery of the reply when there is one.
    private func outcome(_ recorded: String, _ job: ChatMessageJob, _ context: JobContext, owner: String?) throws
        -> JobResult
    {
        let reply = try? JobCoding.decode(ChatReply.self, from: recorded)
        guard let text = reply?.reply, !text.isEmpty else {
            return JobResult(result: recorded, rootResult: recorded)
        }
        let delivery = DeliverReplyJob(
            chatId: job.chatId, channel: job.channel, text: text, origin: .agent, jobId: context.id,
            owner: owner, options: reply?.options)
        return JobResult(result: recorded, rootResult: recorded, followUps: [try NewJob(delivery)])
    }
}
